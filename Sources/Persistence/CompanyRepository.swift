import Model
import Storage

/// SQL for companies. Every function runs inside the caller's read or transaction.
public enum CompanyRepository {
    static let columns = """
        id, uid, trading_name, account_type, supported_by, parent_company_id, billing_market, signup_email,
        account_manager_email, csm_email, auto_approve_vxcs, create_date
        """

    static func map(_ row: any DatabaseRow) -> Company {
        Company(id: row.int64("id"), uid: row.string("uid"), tradingName: row.string("trading_name"),
                accountType: AccountType(rawValue: row.string("account_type")) ?? .direct,
                supportedBy: row.optionalString("supported_by").flatMap(SupportedBy.init(rawValue:)),
                parentCompanyId: row.optionalInt64("parent_company_id"), billingMarket: row.optionalString("billing_market"),
                signupEmail: row.optionalString("signup_email"), accountManagerEmail: row.optionalString("account_manager_email"),
                customerSuccessManagerEmail: row.optionalString("csm_email"), autoApproveVxcs: row.bool("auto_approve_vxcs"),
                createDate: row.int64("create_date"))
    }

    /// The company with that id (its statement built once, like `ServiceRepository.byId`); remembered by
    /// the engine within a write transaction while `companies` is unchanged (orders to one provider).
    public static func find(_ db: any DatabaseConnection, id: Int64) throws -> Company? {
        try db.remembered("company \(id)", tables: ["companies"]) { try db.queryFirst(byId, id, map: map) }
    }

    static let byId = "SELECT \(columns) FROM companies WHERE id = ?"

    /// The company with that exact trading name (the demo seeder's idempotency check).
    public static func find(_ db: any DatabaseConnection, name: String) throws -> Company? {
        try db.queryFirst("SELECT \(columns) FROM companies WHERE trading_name = ? ORDER BY id LIMIT 1", name, map: map)
    }

    /// Whether the server knows the billing market `code`.
    public static func marketExists(_ db: any DatabaseConnection, _ code: String) throws -> Bool {
        try db.queryFirst("SELECT 1 AS found FROM markets WHERE code = ?", code) { _ in true } ?? false
    }

    /// Inserts a validated company.
    public static func insert(_ db: any DatabaseConnection, _ new: NewCompany, now: Int64) throws -> Int64 {
        try db.insertReturningId("""
            INSERT INTO companies (uid, trading_name, account_type, supported_by, parent_company_id, billing_market,
                signup_email, account_manager_email, csm_email, auto_approve_vxcs, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, Tokens.newUUID(), new.name, new.accountType.rawValue, new.supportedBy?.rawValue, new.parentCompanyId,
            new.billingMarket, new.signupEmail, new.accountManagerEmail, new.customerSuccessManagerEmail,
            new.autoApproveVxcs, now)
    }

    /// Sets (or replaces) the support phone and email of a company.
    public static func setSupportContacts(_ db: any DatabaseConnection, companyId: Int64, phone: String?, email: String?,
                                   by userId: Int64?, now: Int64) throws {
        try db.execute("""
            INSERT INTO support_contacts (company_id, phone, email, updated_date, updated_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (company_id) DO UPDATE SET phone = excluded.phone, email = excluded.email,
                updated_date = excluded.updated_date, updated_by = excluded.updated_by
            """, companyId, phone, email, now, userId)
    }

    /// Makes the company a marketplace provider with a public profile.
    public static func setMarketplaceProfile(_ db: any DatabaseConnection, companyId: Int64, name: String, description: String,
                                      email: String) throws {
        try db.execute("""
            UPDATE companies SET marketplace_visibility = 1, marketplace_name = ?, marketplace_description = ?,
                marketplace_email = ? WHERE id = ?
            """, name, description, email, companyId)
    }
}

extension CompanyRepository {
    /// A company's stored support phone and email, if it ever set them.
    public static func supportContacts(_ db: any DatabaseConnection, companyId: Int64) throws -> (phone: String?, email: String?)? {
        try db.queryFirst("SELECT phone, email FROM support_contacts WHERE company_id = ?", companyId) {
            ($0.optionalString("phone"), $0.optionalString("email"))
        }
    }

    /// Sets a company's billing market.
    public static func setBillingMarket(_ db: any DatabaseConnection, companyId: Int64, code: String) throws {
        try db.execute("UPDATE companies SET billing_market = ? WHERE id = ?", code, companyId)
    }

    /// The company and the companies it manages (a partner's customers), in id order.
    public static func selfAndManaged(_ db: any DatabaseConnection, companyId: Int64) throws -> [Company] {
        try db.query("SELECT \(columns) FROM companies WHERE id = ? OR parent_company_id = ? ORDER BY id", companyId, companyId, map: map)
    }
}

extension CompanyRepository {
    /// The ids of the companies whose sign-up email is on `domain` (compared without case).
    public static func idsWithSignupDomain(_ db: any DatabaseConnection, _ domain: String) throws -> [Int64] {
        try db.query("SELECT id FROM companies WHERE lower(signup_email) LIKE ? ORDER BY id", "%@" + domain.lowercased()) { $0.int64("id") }
    }
}
