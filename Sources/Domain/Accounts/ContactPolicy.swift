/// The support-contact rules of API.md §9 (seeds 001 and 004), as two tables in code.
public enum ContactPolicy {
    /// Whether support contacts are required and shown in the portal, by account type.
    public static func requirement(_ company: Company, hasProvisionedServices: Bool) -> (required: Bool, displayed: Bool) {
        switch company.accountType {
        case .direct: (!hasProvisionedServices, true)  // new, or existing with no provisioned services: required
        case .partner: (true, true)                    // displayed in the partner's managed-account list
        case .managed: company.supportedBy == .partner ? (false, false) : (true, false)
        case .distributor: (false, false)
        }
    }

    /// What a user may do with a company's contacts.
    public enum Access: Sendable, Equatable { case none, view, edit }

    /// View/edit by account type and position: Company Admins edit; other users of direct and partner
    /// accounts view; users of a managed account supported by its partner view (its Company Admins
    /// too: the partner manages it); users of a managed account supported by Megaport and of a
    /// distributor neither view nor edit; a partner's Company Admins view and edit their managed
    /// accounts' details.
    public static func access(of session: Session, to company: Company) -> Access {
        if company.id != session.companyId {
            let partnerAdmin = session.accountType == .partner && company.parentCompanyId == session.companyId && session.position == .companyAdmin
            return partnerAdmin ? .edit : .none
        }
        switch company.accountType {
        case .direct, .partner: return session.position == .companyAdmin ? .edit : .view
        case .managed: return company.supportedBy == .partner ? .view : .none
        case .distributor: return .none
        }
    }
}
