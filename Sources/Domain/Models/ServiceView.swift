/// A service as `GET /secure/technicalservice/{id}` shows it: the row, its VLANs, its pending approval,
/// its ends (VXC, IX) or its children (port).
public struct ServiceView: Sendable, Equatable {
    /// A VXC or IX on a port, with its VLANs.
    public struct Child: Sendable, Equatable {
        public let service: ServiceRecord
        public let vlans: [String: Int]
    }

    public let service: ServiceRecord
    /// VLAN per end: `A`, `B` (VXC) or `IX`.
    public let vlans: [String: Int]
    /// The pending approval (VXC), if any.
    public let approval: Approval?
    /// The A-end port (VXC) or the port (IX).
    public let aEnd: ServiceRecord?
    /// The B-end port (VXC).
    public let bEnd: ServiceRecord?
    /// VXCs and IXs on a port.
    public let children: [Child]
}

/// The fields `PUT /secure/technicalservice/{id}` may change.
public struct ServiceChanges: Sendable {
    public var name: String?
    public var marketplaceVisibility: Bool?
    public var vxcPermitted: Bool?
    /// The billing label; `""` clears it.
    public var costCentre: String?
    /// A cloud router's BGP ASN.
    public var asn: Int64?

    public init(name: String? = nil, marketplaceVisibility: Bool? = nil, vxcPermitted: Bool? = nil, costCentre: String? = nil, asn: Int64? = nil) {
        self.name = name
        self.marketplaceVisibility = marketplaceVisibility
        self.vxcPermitted = vxcPermitted
        self.costCentre = costCentre
        self.asn = asn
    }

    /// 422 for a blank or over-long name, or text with control or invisible characters; callers that
    /// make several changes check this before the first so that bad input changes nothing.
    public func validate() throws {
        if let name { try Validation.require(name, field: "name", maxLength: 128) }
        if let costCentre {
            guard costCentre.count <= 128 else { throw DomainError.invalid("costCentre", "must be at most 128 characters") }
            try Validation.plain(costCentre, field: "costCentre")
        }
        if let asn, let problem = MCROrdering.problem(asn: asn) { throw DomainError.invalid("asn", problem) }
    }

    /// Nothing to change.
    public var isEmpty: Bool { name == nil && marketplaceVisibility == nil && vxcPermitted == nil && costCentre == nil && asn == nil }
}
