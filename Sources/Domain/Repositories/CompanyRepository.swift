import Storage

/// SQL for companies. Every function runs inside the caller's read or transaction.
public enum CompanyRepository {
    static let columns = """
        id, uid, trading_name, account_type, supported_by, parent_company_id, billing_market, signup_email,
        account_manager_email, csm_email, auto_approve_vxcs, create_date
        """

    static func map(_ row: Row) -> Company {
        Company(id: row.int64(0), uid: row.string(1), tradingName: row.string(2),
                accountType: AccountType(rawValue: row.string(3)) ?? .direct,
                supportedBy: row.optionalString(4).flatMap(SupportedBy.init(rawValue:)),
                parentCompanyId: row.optionalInt64(5), billingMarket: row.optionalString(6),
                signupEmail: row.optionalString(7), accountManagerEmail: row.optionalString(8),
                customerSuccessManagerEmail: row.optionalString(9), autoApproveVxcs: row.bool(10), createDate: row.int64(11))
    }

    /// The company with that id.
    public static func find(_ db: SQLiteConnection, id: Int64) throws -> Company? {
        try db.queryFirst("SELECT \(columns) FROM companies WHERE id = ?", id, map: map)
    }

    /// The company with that exact trading name (the demo seeder's idempotency check).
    public static func find(_ db: SQLiteConnection, name: String) throws -> Company? {
        try db.queryFirst("SELECT \(columns) FROM companies WHERE trading_name = ? ORDER BY id LIMIT 1", name, map: map)
    }

    /// Whether the server knows the billing market `code`.
    public static func marketExists(_ db: SQLiteConnection, _ code: String) throws -> Bool {
        try db.queryFirst("SELECT 1 FROM markets WHERE code = ?", code) { _ in true } ?? false
    }

    /// Inserts a validated company.
    static func insert(_ db: SQLiteConnection, _ new: NewCompany, now: Int64) throws -> Int64 {
        try db.execute("""
            INSERT INTO companies (uid, trading_name, account_type, supported_by, parent_company_id, billing_market,
                signup_email, account_manager_email, csm_email, auto_approve_vxcs, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, Tokens.newUUID(), new.name, new.accountType.rawValue, new.supportedBy?.rawValue, new.parentCompanyId,
            new.billingMarket, new.signupEmail, new.accountManagerEmail, new.customerSuccessManagerEmail,
            new.autoApproveVxcs, now)
        return db.lastInsertRowID
    }

    /// Sets (or replaces) the support phone and email of a company.
    static func setSupportContacts(_ db: SQLiteConnection, companyId: Int64, phone: String?, email: String?,
                                   by userId: Int64?, now: Int64) throws {
        try db.execute("""
            INSERT INTO support_contacts (company_id, phone, email, updated_date, updated_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (company_id) DO UPDATE SET phone = excluded.phone, email = excluded.email,
                updated_date = excluded.updated_date, updated_by = excluded.updated_by
            """, companyId, phone, email, now, userId)
    }

    /// Makes the company a marketplace provider with a public profile.
    static func setMarketplaceProfile(_ db: SQLiteConnection, companyId: Int64, name: String, description: String,
                                      email: String) throws {
        try db.execute("""
            UPDATE companies SET marketplace_visibility = 1, marketplace_name = ?, marketplace_description = ?,
                marketplace_email = ? WHERE id = ?
            """, name, description, email, companyId)
    }
}
