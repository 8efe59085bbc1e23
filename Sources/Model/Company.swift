/// How a company buys (API.md §2).
public enum AccountType: String, Sendable, CaseIterable {
    case direct = "DIRECT"
    case partner = "PARTNER"
    case managed = "MANAGED"
    case distributor = "DISTRIBUTOR"
}

/// Who supports a managed account.
public enum SupportedBy: String, Sendable, CaseIterable {
    case megaport = "MEGAPORT"
    case partner = "PARTNER"
}

/// A customer or provider company.
public struct Company: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, uid: String, tradingName: String, accountType: AccountType, supportedBy: SupportedBy?, parentCompanyId: Int64?, billingMarket: String?, signupEmail: String?, accountManagerEmail: String?, customerSuccessManagerEmail: String?, autoApproveVxcs: Bool, createDate: Int64) {
        self.id = id
        self.uid = uid
        self.tradingName = tradingName
        self.accountType = accountType
        self.supportedBy = supportedBy
        self.parentCompanyId = parentCompanyId
        self.billingMarket = billingMarket
        self.signupEmail = signupEmail
        self.accountManagerEmail = accountManagerEmail
        self.customerSuccessManagerEmail = customerSuccessManagerEmail
        self.autoApproveVxcs = autoApproveVxcs
        self.createDate = createDate
    }

    public let id: Int64
    public let uid: String
    public let tradingName: String
    public let accountType: AccountType
    public let supportedBy: SupportedBy?
    public let parentCompanyId: Int64?
    public let billingMarket: String?
    public let signupEmail: String?
    public let accountManagerEmail: String?
    public let customerSuccessManagerEmail: String?
    public let autoApproveVxcs: Bool
    public let createDate: Int64
}

/// What `admin create-company` and the demo seeder ask for.
public struct NewCompany: Sendable {
    public var name: String
    public var accountType: AccountType
    public var supportedBy: SupportedBy?
    public var parentCompanyId: Int64?
    public var billingMarket: String?
    public var signupEmail: String?
    public var accountManagerEmail: String?
    public var customerSuccessManagerEmail: String?
    public var autoApproveVxcs = false

    /// A new company of a type; other fields optional.
    public init(name: String, accountType: AccountType) {
        self.name = name
        self.accountType = accountType
    }
}
