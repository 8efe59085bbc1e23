/// A person who logs in.
public struct User: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, uid: String, companyId: Int64, firstName: String, lastName: String, email: String, position: Position, active: Bool, createDate: Int64) {
        self.id = id
        self.uid = uid
        self.companyId = companyId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.position = position
        self.active = active
        self.createDate = createDate
    }

    public let id: Int64
    public let uid: String
    public let companyId: Int64
    public let firstName: String
    public let lastName: String
    public let email: String
    public let position: Position
    public let active: Bool
    public let createDate: Int64
}

/// What `admin create-user` asks for.
public struct NewUser: Sendable {
    public var companyId: Int64
    public var email: String
    public var position: Position
    public var password: String
    public var firstName = ""
    public var lastName = ""

    /// A new user; names optional.
    public init(companyId: Int64, email: String, position: Position, password: String) {
        self.companyId = companyId
        self.email = email
        self.position = position
        self.password = password
    }
}

/// An authenticated session: the user, their company's account facts, and the token's expiry.
public struct Session: Sendable, Equatable {
    /// A value with every field given.
    public init(userId: Int64, userUid: String, email: String, firstName: String, lastName: String, position: Position, companyId: Int64, companyUid: String, companyName: String, accountType: AccountType, parentCompanyId: Int64?, tokenHash: String, createDate: Int64, expiryDate: Int64) {
        self.userId = userId
        self.userUid = userUid
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.position = position
        self.companyId = companyId
        self.companyUid = companyUid
        self.companyName = companyName
        self.accountType = accountType
        self.parentCompanyId = parentCompanyId
        self.tokenHash = tokenHash
        self.createDate = createDate
        self.expiryDate = expiryDate
    }

    public let userId: Int64
    public let userUid: String
    public let email: String
    public let firstName: String
    public let lastName: String
    public let position: Position
    public let companyId: Int64
    public let companyUid: String
    public let companyName: String
    public let accountType: AccountType
    public let parentCompanyId: Int64?
    /// SHA-256 of the token, hex.
    public let tokenHash: String
    public let createDate: Int64
    public let expiryDate: Int64
    /// Set for this request when a reseller presents a customer's authorization key.
    public var grant: CompanyGrant?
}
