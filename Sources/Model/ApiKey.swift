/// A key for machine authentication: it acts for its company with `role` as its position, on behalf of
/// the user who created it. The secret is never stored; only its digest is.
public struct ApiKey: Sendable, Equatable {
    public let id: Int64
    /// The public key id a client sends with its secret (`key:secret` in HTTP Basic).
    public let key: String
    public let companyId: Int64
    public let userId: Int64
    public let name: String
    public let role: Position
    /// How long a token issued for the key lives, in minutes (5 to 1,440).
    public let lifetimeMinutes: Int
    public let createDate: Int64
    public let revokedDate: Int64?

    /// A key with every field given.
    public init(id: Int64, key: String, companyId: Int64, userId: Int64, name: String, role: Position, lifetimeMinutes: Int,
                createDate: Int64, revokedDate: Int64?) {
        self.id = id
        self.key = key
        self.companyId = companyId
        self.userId = userId
        self.name = name
        self.role = role
        self.lifetimeMinutes = lifetimeMinutes
        self.createDate = createDate
        self.revokedDate = revokedDate
    }
}
