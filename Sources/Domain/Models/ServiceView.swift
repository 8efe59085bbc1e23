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

    public init(name: String? = nil, marketplaceVisibility: Bool? = nil, vxcPermitted: Bool? = nil) {
        self.name = name
        self.marketplaceVisibility = marketplaceVisibility
        self.vxcPermitted = vxcPermitted
    }
}
