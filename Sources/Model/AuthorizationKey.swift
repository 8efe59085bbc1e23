/// A key a customer's Company Admin hands to a reseller, so the reseller's admins can act for the
/// customer (`/secure/company/authorizationkeys`). The key text is shown once; only its digest is kept.
public struct AuthorizationKey: Sendable, Equatable {
    /// What a key lets a reseller do for the customer.
    public enum Permission: String, Sendable, CaseIterable {
        case order = "ORDER", view = "VIEW", cancel = "CANCEL"
    }

    public let id: Int64
    public let uid: String
    public let companyId: Int64
    public let label: String
    public let permissions: Set<Permission>
    public let expiryDate: Int64?
    public let createDate: Int64
    public let revokedDate: Int64?

    /// A key with every field given.
    public init(id: Int64, uid: String, companyId: Int64, label: String, permissions: Set<Permission>, expiryDate: Int64?, createDate: Int64,
                revokedDate: Int64?) {
        self.id = id
        self.uid = uid
        self.companyId = companyId
        self.label = label
        self.permissions = permissions
        self.expiryDate = expiryDate
        self.createDate = createDate
        self.revokedDate = revokedDate
    }
}

/// A reseller's session acting for a customer with the customer's authorization key.
public struct CompanyGrant: Sendable, Equatable {
    /// The customer.
    public let companyId: Int64
    /// What the key permits.
    public let permissions: Set<AuthorizationKey.Permission>
    /// The key's uid (for the audit trail).
    public let keyUid: String

    public init(companyId: Int64, permissions: Set<AuthorizationKey.Permission>, keyUid: String) {
        self.companyId = companyId
        self.permissions = permissions
        self.keyUid = keyUid
    }
}
