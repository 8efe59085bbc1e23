import Model
import Persistence
import Storage

/// API.md §4: a DIRECT account that has no provisioned service yet cannot order until its support
/// phone, support email and billing market are set.
enum AccountGate {
    static func check(_ db: any DatabaseConnection, _ company: Company) throws {
        guard company.accountType == .direct else { return }
        guard try !ServiceRepository.hasProvisioned(db, companyId: company.id) else { return }
        let contacts = try CompanyRepository.supportContacts(db, companyId: company.id)
        var missing: [String] = []
        if (contacts?.0 ?? "").isEmpty { missing.append("supportPhone") }
        if (contacts?.1 ?? "").isEmpty { missing.append("supportEmail") }
        if (company.billingMarket ?? "").isEmpty { missing.append("billingMarket") }
        guard missing.isEmpty else { throw DomainError.accountSetupIncomplete(missing: missing) }
    }
}
