/// What kind of service a row is (API.md §4–6).
public enum ProductType: String, Sendable, CaseIterable {
    case megaport = "MEGAPORT"
    case megadirect = "MEGADIRECT"
    case vxc = "VXC"
    case ix = "IX"
    /// A virtual cloud router (MCR): a location, a speed and an ASN, no physical interface.
    case mcr2 = "MCR2"

    /// Ports (MEGAPORT and MEGADIRECT) carry VXCs and IXs.
    public var isPort: Bool { self == .megaport || self == .megadirect }

    /// Products a VXC may start or end on: ports and cloud routers.
    public var carriesVXCs: Bool { isPort || self == .mcr2 }
}

/// Where a service is in its life (API.md §4).
public enum ProvisioningStatus: String, Sendable, CaseIterable {
    case provisioning = "PROVISIONING"
    case configured = "CONFIGURED"
    case live = "LIVE"
    case cancelled = "CANCELLED"
    case decommissioned = "DECOMMISSIONED"
    case failed = "FAILED"

    /// CONFIGURED or LIVE: a port in these states can carry VXCs and IXs.
    public var isReady: Bool { self == .configured || self == .live }

    /// Still counts against capacity and VLANs.
    public var isActive: Bool { self == .provisioning || self == .configured || self == .live }
}

/// How far apart the two ends of a VXC are (API.md §5).
public enum DistanceBand: String, Sendable, CaseIterable {
    case dataCentre = "DATA_CENTRE"
    case metro = "METRO"
    case intercap = "INTERCAP"
    case international = "INTERNATIONAL"

    /// Same location → DATA_CENTRE, same metro → METRO, same country → INTERCAP, else INTERNATIONAL.
    public static func between(_ a: PortLocation, _ b: PortLocation) -> DistanceBand {
        if a.locationId == b.locationId { return .dataCentre }
        if a.metro == b.metro && a.country == b.country { return .metro }
        if a.country == b.country { return .intercap }
        return .international
    }
}

/// The location facts a port needs for distance bands and IX metros.
public struct PortLocation: Sendable, Equatable {
    /// A value with every field given.
    public init(locationId: Int64, name: String, metro: String, country: String) {
        self.locationId = locationId
        self.name = name
        self.metro = metro
        self.country = country
    }

    public let locationId: Int64
    public let name: String
    public let metro: String
    public let country: String
}

/// One row of `services`, with its company and location resolved.
public struct ServiceRecord: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, uid: String, productType: ProductType, name: String, companyId: Int64, companyName: String, companyUid: String, companyParentId: Int64?, status: ProvisioningStatus, location: PortLocation?, speed: Int?, interfaceId: Int64?, interfaceName: String?, marketplaceVisibility: Bool, vxcPermitted: Bool, aEndId: Int64?, bEndId: Int64?, rateLimit: Int?, distanceBand: String?, vxcApprovalStatus: String?, payerStatus: String?, nonPayerStatus: String?, rateType: String?, term: Int?, rollover: Bool?, awsConfig: String?, serviceKeyId: Int64?, ixId: Int64?, ixName: String?, asn: Int64?, macAddress: String?, createDate: Int64, createdBy: Int64?, provisionDate: Int64?, liveDate: Int64?, cancelDate: Int64?, customerRequestDate: Int64?, locked: Bool = false, costCentre: String = "", aggregationId: Int64? = nil) {
        self.id = id
        self.uid = uid
        self.productType = productType
        self.name = name
        self.companyId = companyId
        self.companyName = companyName
        self.companyUid = companyUid
        self.companyParentId = companyParentId
        self.status = status
        self.location = location
        self.speed = speed
        self.interfaceId = interfaceId
        self.interfaceName = interfaceName
        self.marketplaceVisibility = marketplaceVisibility
        self.vxcPermitted = vxcPermitted
        self.aEndId = aEndId
        self.bEndId = bEndId
        self.rateLimit = rateLimit
        self.distanceBand = distanceBand
        self.vxcApprovalStatus = vxcApprovalStatus
        self.payerStatus = payerStatus
        self.nonPayerStatus = nonPayerStatus
        self.rateType = rateType
        self.term = term
        self.rollover = rollover
        self.awsConfig = awsConfig
        self.serviceKeyId = serviceKeyId
        self.ixId = ixId
        self.ixName = ixName
        self.asn = asn
        self.macAddress = macAddress
        self.createDate = createDate
        self.createdBy = createdBy
        self.provisionDate = provisionDate
        self.liveDate = liveDate
        self.cancelDate = cancelDate
        self.customerRequestDate = customerRequestDate
        self.locked = locked
        self.costCentre = costCentre
        self.aggregationId = aggregationId
    }

    public let id: Int64
    public let uid: String
    public let productType: ProductType
    public let name: String
    public let companyId: Int64
    public let companyName: String
    /// The owner's uid.
    public let companyUid: String
    /// The owner's partner, when the owner is a managed company.
    public let companyParentId: Int64?
    public let status: ProvisioningStatus
    public let location: PortLocation?
    public let speed: Int?
    public let interfaceId: Int64?
    public let interfaceName: String?
    public let marketplaceVisibility: Bool
    public let vxcPermitted: Bool
    public let aEndId: Int64?
    public let bEndId: Int64?
    public let rateLimit: Int?
    public let distanceBand: String?
    public let vxcApprovalStatus: String?
    public let payerStatus: String?
    public let nonPayerStatus: String?
    public let rateType: String?
    public let term: Int?
    public let rollover: Bool?
    public let awsConfig: String?
    public let serviceKeyId: Int64?
    public let ixId: Int64?
    public let ixName: String?
    public let asn: Int64?
    public let macAddress: String?
    public let createDate: Int64
    public let createdBy: Int64?
    public let provisionDate: Int64?
    public let liveDate: Int64?
    public let cancelDate: Int64?
    public let customerRequestDate: Int64?
    /// Its owner locked it: it cannot change or be cancelled until unlocked.
    public let locked: Bool
    /// The customer's billing label (`""` when none).
    public let costCentre: String
    /// The primary port of the LAG this port belongs to (its own id for the primary); nil outside a LAG.
    public let aggregationId: Int64?
    /// The first port of a LAG, which stands for the whole group.
    public var isLagPrimary: Bool { aggregationId == id }
}
