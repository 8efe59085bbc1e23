/// A partner's managed company made self-service: what its users may do, and the partner's ports
/// assigned to it (the only ports of the partner its users see and order on).
public struct SubAccount: Sendable, Equatable {
    /// What a partner may let a sub-account's users do.
    public enum Permission: String, Sendable, CaseIterable {
        case orderVXCs = "ORDER_VXCS", viewBilling = "VIEW_BILLING", manageUsers = "MANAGE_USERS"
    }

    public let companyId: Int64
    public let permissions: Set<Permission>
    /// The partner's ports assigned to the sub-account.
    public let portIds: [Int64]

    /// A sub-account with every field given.
    public init(companyId: Int64, permissions: Set<Permission>, portIds: [Int64]) {
        self.companyId = companyId
        self.permissions = permissions
        self.portIds = portIds
    }
}
