import Model
import Persistence
import Storage

/// Who may act for which company (API.md §2): a user acts for their own company as their position
/// allows; a partner's Company Admins and Technical Admins also act for the partner's managed
/// companies. Nobody else crosses companies, and a company one may not see is reported as not found.
enum AccessPolicy {
    /// Whether the session may see (and so act for) `company` at all.
    static func canSee(_ session: Session, _ company: Company) -> Bool {
        canSee(session, companyId: company.id, parentCompanyId: company.parentCompanyId)
    }

    /// Whether the session may act for the company with that id and partner: its own, a partner's managed
    /// companies, or the customer whose authorization key a reseller presented.
    static func canSee(_ session: Session, companyId: Int64, parentCompanyId: Int64?) -> Bool {
        if companyId == session.companyId || session.grant?.companyId == companyId { return true }
        return session.accountType == .partner && parentCompanyId == session.companyId
            && (session.position == .companyAdmin || session.position == .technicalAdmin)
    }

    /// 403 when the session reaches the company only through an authorization key that does not permit
    /// `action` (a key permits ordering, viewing and cancelling, each or not).
    static func requireKeyPermits(_ session: Session, companyId: Int64, parentCompanyId: Int64?, _ action: Action) throws {
        guard let grant = session.grant, grant.companyId == companyId, companyId != session.companyId,
              !(session.accountType == .partner && parentCompanyId == session.companyId) else { return }
        let needed: AuthorizationKey.Permission? = switch action {
        case .view: .view
        case .order: .order
        case .cancel: .cancel
        default: nil
        }
        guard let needed, grant.permissions.contains(needed) else {
            throw DomainError.forbidden(code: "authorization_key_scope", message: "the authorization key does not permit you to \(action.phrase)")
        }
    }

    /// Whether the session acts for the service's owner (the record carries the owner's partner, so no read).
    static func owns(_ session: Session, _ service: ServiceRecord) -> Bool {
        canSee(session, companyId: service.companyId, parentCompanyId: service.companyParentId)
    }

    /// The company, if the session may do `action` for it: 404 when it cannot be seen, 403 when the
    /// position does not allow the action.
    static func company(_ db: any DatabaseConnection, _ session: Session, id: Int64, for action: Action) throws -> Company {
        guard let company = try CompanyRepository.find(db, id: id), canSee(session, company) else {
            throw DomainError.notFound("company \(id) not found")
        }
        try require(session, action)
        try requireKeyPermits(session, companyId: company.id, parentCompanyId: company.parentCompanyId, action)
        return company
    }

    /// 403 unless the session's position allows `action`.
    static func require(_ session: Session, _ action: Action) throws {
        guard session.position.may(action) else {
            throw DomainError.forbidden(code: "position_not_allowed",
                                        message: "a \(session.position.rawValue) may not \(action.phrase)")
        }
    }

    /// Whether the session may see a service: its owner's users (and partner admins), for a VXC also the
    /// company whose port is its B-end, and for a port a sub-account it is assigned to.
    static func canSee(_ db: any DatabaseConnection, _ session: Session, _ service: ServiceRecord) throws -> Bool {
        if owns(session, service) { return true }
        if service.productType.carriesVXCs { return try isAssigned(db, session, portId: service.id) }
        guard service.productType == .vxc, let bEnd = service.bEndId, let port = try ServiceRepository.find(db, id: bEnd) else { return false }
        return owns(session, port)
    }

    /// A service the session may see, or 404; reached only through an authorization key, the key must permit `action` (403).
    static func visibleService(_ db: any DatabaseConnection, _ session: Session, _ idOrUid: String, for action: Action = .view) throws -> ServiceRecord {
        guard let service = try ServiceRepository.find(db, idOrUid: idOrUid), try canSee(db, session, service) else {
            throw DomainError.notFound("service \(idOrUid) not found")
        }
        try requireKeyPermits(session, companyId: service.companyId, parentCompanyId: service.companyParentId, action)
        return service
    }

    /// A service the session may change as its owner (`action`): 404 when it cannot be seen, 403 when it
    /// is seen but not owned (a provider looking at a VXC to its port) or the position does not allow it.
    static func ownedService(_ db: any DatabaseConnection, _ session: Session, _ idOrUid: String, for action: Action) throws -> ServiceRecord {
        let service = try visibleService(db, session, idOrUid, for: action)
        guard owns(session, service) else {
            throw DomainError.forbidden(code: "not_owner", message: "only \(service.companyName) may change service \(service.id)")
        }
        try require(session, action)
        return service
    }
}

extension Action {
    /// The action in words, for 403 messages.
    var phrase: String {
        switch self {
        case .view: "view services"
        case .order: "place orders or change speeds"
        case .approve: "approve or deny connection requests"
        case .cancel: "cancel services"
        case .manageServiceKeys: "manage service keys"
        case .manageAccount: "manage users, the marketplace profile or the billing market"
        case .subscribe: "subscribe to notifications"
        case .manageServiceProfiles: "manage service profiles"
        case .manageAuthorizationKeys: "manage authorization keys"
        case .actWithAuthorizationKey: "act for another company with its authorization key"
        }
    }
}
