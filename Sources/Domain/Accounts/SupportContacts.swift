/// A company's support contact details as `GET /secure/company/contacts` shows them (API.md §9).
public struct SupportContacts: Sendable, Equatable {
    public let companyId: Int64
    public let supportPhone: String?
    public let supportEmail: String?
    /// Read-only: set by Megaport.
    public let accountManagerEmail: String?
    /// Read-only: set by Megaport.
    public let customerSuccessManagerEmail: String?
    public let billingMarket: String?
    public let required: Bool
    public let displayed: Bool
    /// Whether the caller may change them.
    public let editable: Bool
}

/// What `PUT /secure/company/contacts` may change.
public struct ContactChanges: Sendable {
    public var supportPhone: String?
    public var supportEmail: String?

    public init(supportPhone: String? = nil, supportEmail: String? = nil) {
        self.supportPhone = supportPhone
        self.supportEmail = supportEmail
    }
}
