import Model

/// One item of a network design (`/v3/networkdesign/validate`, `/v4/networkdesign/buy`): a port, a cloud
/// router, a VXC from a port or router, or an IX on a port. Ends are named by uid or id, as the clients send them.
public enum DesignItem: Sendable {
    /// A port (or, with `lagPorts` above 1, a LAG of that many identical ports) with its contract term,
    /// settings (cost centre, marketplace visibility) and resource tags.
    case port(PortOrder, lagPorts: Int, term: Int, settings: ServiceChanges, tags: [(key: String, value: String)])
    /// A cloud router with its contract term, settings and resource tags.
    case mcr(MCROrder, term: Int, settings: ServiceChanges, tags: [(key: String, value: String)])
    /// A VXC; `aEnd` and `bEnd` are product uids (or ids) and replace the order's numeric ends.
    case vxc(VXCOrder, aEnd: String, bEnd: String, settings: ServiceChanges, tags: [(key: String, value: String)])
    /// An IX on the port `port` with its contract term.
    case ix(port: String, IXItem, term: Int)
}

/// What one item became (buy) or would become (validate): the product and its monthly price.
public struct DesignLine: Sendable, Equatable {
    public let productType: ProductType
    public let serviceId: Int64
    public let serviceUid: String
    public let name: String
    public let status: ProvisioningStatus
    public let monthlyRate: Double
    public let currency: String
}
