/// A validated port order (API.md §4), as the API decoded it.
public struct PortOrder: Sendable {
    public var companyId: Int64?
    public var productType: ProductType = .megaport
    public var name: String
    public var locationId: Int64
    public var speed: Int
    public var rackId: String?
    public var opticalInterface: String?
    public var customerRequestDate: Int64?
    /// A non-empty `ixProvItem`: an IX ordered on the new port in the same transaction.
    public var ix: IXItem?

    public init(name: String, locationId: Int64, speed: Int) {
        self.name = name
        self.locationId = locationId
        self.speed = speed
    }
}

/// The `ixProvItem` of a port or IX order (API.md §6).
public struct IXItem: Sendable {
    public var exchangeName: String
    public var asn: Int64
    public var macAddress: String
    public var rateLimit: Int
    public var vlan: Int
    public var name: String?

    public init(exchangeName: String, asn: Int64, macAddress: String, rateLimit: Int, vlan: Int) {
        self.exchangeName = exchangeName
        self.asn = asn
        self.macAddress = macAddress
        self.rateLimit = rateLimit
        self.vlan = vlan
    }
}

/// The AWS hosted-connection details of a VXC to an auto-approving cloud provider.
public struct AWSConfig: Sendable, Equatable {
    public var type: String
    public var asn: Int64
    public var authKey: String?
    public var ownerAccount: String

    public init(type: String, asn: Int64, authKey: String?, ownerAccount: String) {
        self.type = type
        self.asn = asn
        self.authKey = authKey
        self.ownerAccount = ownerAccount
    }
}

/// A VXC order (API.md §5).
public struct VXCOrder: Sendable {
    public var aEndId: Int64
    /// The B-end port; nil only when a service profile is named (its nearest port is taken).
    public var bEndId: Int64?
    public var aVlan: Int
    public var bVlan: Int
    public var speed: Int
    public var name: String?
    public var term = 1
    public var rollover = true
    public var aws: AWSConfig?
    public var serviceKey: String?
    /// The service profile the VXC is bought through, and the buyer's values for its fields.
    public var serviceProfileUid: String?
    public var buyerFields: [String: BuyerValue] = [:]

    public init(aEndId: Int64, bEndId: Int64?, aVlan: Int, bVlan: Int, speed: Int) {
        self.aEndId = aEndId
        self.bEndId = bEndId
        self.aVlan = aVlan
        self.bVlan = bVlan
        self.speed = speed
    }
}

/// What a port or IX order returns: `["OK", name, id]`.
public struct OrderReceipt: Sendable, Equatable {
    public let serviceId: Int64
    public let name: String
}

/// A cloud router (MCR2) order: a location, a router speed and a BGP ASN (133937 when none is given).
public struct MCROrder: Sendable {
    public var name: String
    public var locationId: Int64
    public var speed: Int
    public var asn: Int64

    public init(name: String, locationId: Int64, speed: Int, asn: Int64?) {
        self.name = name
        self.locationId = locationId
        self.speed = speed
        self.asn = asn ?? MCROrder.defaultASN
    }

    /// The ASN a router gets when its order names none (the one Megaport's Python library defaults to).
    public static let defaultASN: Int64 = 133_937

    /// The router speeds offered at every active location, in Mbps (what `/v3/locations` lists as `mcrSpeedMbps`).
    public static let speeds = [1000, 2500, 5000, 10000, 25000, 50000, 100000, 400000]
}
