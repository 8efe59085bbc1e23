import JSON
import Model
import Persistence
import Storage

/// Company accounts (API.md §2, §9): support contacts, billing market, users.
public struct AccountService: Sendable {
    let db: any DatabaseWriter
    let auth: AuthService

    public init(db: any DatabaseWriter, auth: AuthService) {
        self.db = db
        self.auth = auth
    }

    /// The billing markets the server knows, with their phone rules.
    public func markets() async throws -> [Market] { try await db.read { try MarketRepository.all($0) } }

    /// `GET /secure/company/contacts[?companyId=]`.
    public func contacts(of companyId: Int64?, by session: Session) async throws -> SupportContacts {
        try await db.read { conn in
            let company = try Self.company(conn, companyId ?? session.companyId, session)
            let access = ContactPolicy.access(of: session, to: company)
            guard access != .none else {
                throw DomainError.forbidden(code: "contacts_not_visible", message: "support contact details of \(company.tradingName) are not shown to this account")
            }
            return try Self.contacts(conn, company, editable: access == .edit)
        }
    }

    /// `PUT /secure/company/contacts`: the phone must fit the billing market (saved as E.164), the email
    /// must be on the sign-up email's domain. Company Admins are emailed (COMPANY) and it is audited.
    public func updateContacts(of companyId: Int64?, _ changes: ContactChanges, by session: Session) async throws -> SupportContacts {
        guard changes.supportPhone != nil || changes.supportEmail != nil else {
            throw DomainError.invalid("supportPhone", "nothing to change: send supportPhone and/or supportEmail")
        }
        return try await db.write { conn in
            let company = try Self.company(conn, companyId ?? session.companyId, session)
            switch ContactPolicy.access(of: session, to: company) {
            case .edit: break
            case .view: throw DomainError.forbidden(code: "contacts_read_only", message: "a \(session.position.rawValue) may view but not edit support contact details")
            case .none: throw DomainError.forbidden(code: "contacts_not_visible", message: "support contact details of \(company.tradingName) are not shown to this account")
            }
            let phone = try changes.supportPhone.map { try Self.validPhone($0, conn, company) }
            let email = try changes.supportEmail.map { try Self.validEmail($0, company) }
            let before = try Self.contacts(conn, company, editable: true)
            let now = Now.millis()
            try CompanyRepository.setSupportContacts(conn, companyId: company.id, phone: phone ?? before.supportPhone,
                                                     email: email ?? before.supportEmail, by: session.userId, now: now)
            let after = try Self.contacts(conn, company, editable: true)
            try AuditLog.record(conn, userId: session.userId, companyId: company.id, entity: "company", entityId: company.id,
                                action: "support_contacts", detail: ["supportPhone": .string(after.supportPhone),
                                                                     "supportEmail": .string(after.supportEmail)], now: now)
            try Outbox.enqueue(conn, Email(event: "support_contacts_changed", companyId: company.id, group: .company,
                subject: "Support contact details of \(company.tradingName) changed",
                body: """
                \(session.firstName) \(session.lastName) (\(session.email)) changed the support contact details of \(company.tradingName).

                  Support phone: \(before.supportPhone ?? "none") -> \(after.supportPhone ?? "none")
                  Support email: \(before.supportEmail ?? "none") -> \(after.supportEmail ?? "none")

                Nothing to do if you expected this change; otherwise correct the details under Company > Support contacts.
                """, positions: [.companyAdmin]), now: now)
            return try Self.contacts(conn, company, editable: true)
        }
    }

    /// `PUT /secure/company/billing-market`: a known market; a support phone already set must fit it,
    /// so a new phone may come in the same request.
    public func setBillingMarket(of companyId: Int64?, _ code: String, supportPhone: String?, by session: Session) async throws -> SupportContacts {
        try await db.write { conn in
            let company = try Self.company(conn, companyId ?? session.companyId, session)
            try AccessPolicy.require(session, .manageAccount)
            try AccessPolicy.requireSubAccountPermits(conn, session, .viewBilling)
            guard let market = try MarketRepository.find(conn, code: code) else {
                throw DomainError.invalid("billingMarket", "unknown billing market \(code); the markets list names every known code")
            }
            let current = try Self.contacts(conn, company, editable: true)
            let phone: String? = try supportPhone.map { input in
                guard let e164 = PhoneRules.normalize(input, market: market) else { throw DomainError.invalid("supportPhone", "must be \(market.rule)") }
                return e164
            } ?? current.supportPhone
            if let phone, PhoneRules.normalize(phone, market: market) == nil {
                throw DomainError.invalid("supportPhone", "\(phone) is not \(market.rule); send a new supportPhone with the billingMarket")
            }
            let now = Now.millis()
            try CompanyRepository.setBillingMarket(conn, companyId: company.id, code: market.code)
            if phone != current.supportPhone {
                try CompanyRepository.setSupportContacts(conn, companyId: company.id, phone: phone, email: current.supportEmail, by: session.userId, now: now)
            }
            try AuditLog.record(conn, userId: session.userId, companyId: company.id, entity: "company", entityId: company.id,
                                action: "billing_market", detail: ["billingMarket": .string(market.code)], now: now)
            return try Self.contacts(conn, try CompanyRepository.find(conn, id: company.id)!, editable: true)
        }
    }

    // MARK: - Rules

    /// A company the session may see (404 otherwise).
    static func company(_ db: any DatabaseConnection, _ id: Int64, _ session: Session) throws -> Company {
        guard let company = try CompanyRepository.find(db, id: id), AccessPolicy.canSee(session, company) else {
            throw DomainError.notFound("company \(id) not found")
        }
        return company
    }

    static func contacts(_ db: any DatabaseConnection, _ company: Company, editable: Bool) throws -> SupportContacts {
        let stored = try CompanyRepository.supportContacts(db, companyId: company.id)
        let rule = ContactPolicy.requirement(company, hasProvisionedServices: try ServiceRepository.hasProvisioned(db, companyId: company.id))
        return SupportContacts(companyId: company.id, supportPhone: stored?.0, supportEmail: stored?.1,
                               accountManagerEmail: company.accountManagerEmail,
                               customerSuccessManagerEmail: company.customerSuccessManagerEmail, billingMarket: company.billingMarket,
                               required: rule.required, displayed: rule.displayed, editable: editable)
    }

    static func validPhone(_ input: String, _ db: any DatabaseConnection, _ company: Company) throws -> String {
        guard let code = company.billingMarket, let market = try MarketRepository.find(db, code: code) else {
            throw DomainError.unprocessable(code: "billing_market_required", field: "supportPhone",
                                            message: "set the billing market first: the phone is checked against its format")
        }
        guard let e164 = PhoneRules.normalize(input, market: market) else {
            throw DomainError.invalid("supportPhone", "must be \(market.rule)")
        }
        return e164
    }

    static func validEmail(_ input: String, _ company: Company) throws -> String {
        let email = input.trimmingWhitespace
        guard Validation.isEmail(email) else { throw DomainError.invalid("supportEmail", "must be a well-formed email address") }
        if let signup = company.signupEmail, let domain = signup.split(separator: "@").last,
           email.split(separator: "@").last?.lowercased() != domain.lowercased() {
            throw DomainError.invalid("supportEmail", "must be on \(domain), the domain of the account's sign-up email")
        }
        return email
    }
}
