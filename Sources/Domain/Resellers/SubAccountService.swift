import Model
import Persistence
import Storage

/// Sub-accounts (`/secure/company/{id}/subaccount`, `/secure/company/{id}/assignedports`): a partner's
/// Company Admin makes a managed company self-service, chooses what its users may do, and assigns it
/// some of the partner's ports. The sub-account's users see and order only on their own and assigned
/// ports; a port carrying the sub-account's VXCs cannot be taken away (409).
public struct SubAccountService: Sendable {
    let db: any DatabaseWriter

    public init(db: any DatabaseWriter) { self.db = db }

    /// Makes the managed company a sub-account with these permissions (or changes them).
    public func configure(_ subId: Int64, permissions: Set<SubAccount.Permission>, by session: Session) async throws -> SubAccount {
        try await db.write { db in
            let sub = try Self.managed(db, subId, by: session)
            let now = Now.millis()
            try SubAccountRepository.save(db, companyId: sub.id, permissions: permissions, now: now)
            try AuditLog.record(db, userId: session.userId, companyId: sub.id, entity: "sub_account", entityId: sub.id, action: "configure",
                                detail: ["permissions": .array(permissions.map(\.rawValue).sorted().map { .string($0) })], now: now)
            return try SubAccountRepository.find(db, companyId: sub.id)!
        }
    }

    /// Assigns exactly these partner ports to the sub-account.
    public func assignPorts(_ subId: Int64, portIds: [Int64], by session: Session) async throws -> SubAccount {
        try await db.write { db in
            let sub = try Self.managed(db, subId, by: session)
            guard let current = try SubAccountRepository.find(db, companyId: sub.id) else {
                throw DomainError.conflict(code: "not_sub_account",
                                           message: "company \(sub.id) is not a sub-account; make it one with PUT /secure/company/\(sub.id)/subaccount")
            }
            var errors: [FieldError] = []
            for (index, id) in portIds.enumerated() {
                let port = try ServiceRepository.find(db, id: id)
                if port?.companyId != session.companyId || port?.productType.carriesVXCs != true || port?.status.isReady != true {
                    errors.append(FieldError("portIds[\(index)]", "must be one of your CONFIGURED or LIVE ports (\(id) is not)"))
                } else if let other = try SubAccountRepository.assignee(db, portId: id), other != sub.id {
                    errors.append(FieldError("portIds[\(index)]", "port \(id) is assigned to sub-account \(other); unassign it there first"))
                }
            }
            guard errors.isEmpty else { throw DomainError.invalid(errors) }
            for port in current.portIds where !portIds.contains(port) {
                let vxcs = try SubAccountRepository.activeVXCs(db, companyId: sub.id, portId: port)
                if vxcs > 0 {
                    throw DomainError.conflict(code: "port_in_use", message: "port \(port) carries \(vxcs) of the sub-account's VXCs; cancel them before unassigning it")
                }
            }
            let now = Now.millis()
            try SubAccountRepository.assign(db, companyId: sub.id, portIds: portIds, now: now)
            try AuditLog.record(db, userId: session.userId, companyId: sub.id, entity: "sub_account", entityId: sub.id, action: "assign_ports",
                                detail: ["portIds": .array(portIds.map { .int($0) })], now: now)
            return try SubAccountRepository.find(db, companyId: sub.id)!
        }
    }

    /// The sub-account as its partner's admins or its own users see it (404 for anyone else, or when the
    /// company is not a sub-account).
    public func get(_ subId: Int64, by session: Session) async throws -> SubAccount {
        try await db.read { db in
            guard let company = try CompanyRepository.find(db, id: subId), AccessPolicy.canSee(session, company),
                  let sub = try SubAccountRepository.find(db, companyId: company.id) else {
                throw DomainError.notFound("sub-account \(subId) not found")
            }
            return sub
        }
    }

    /// A company the session's partner manages, for its Company Admins: 404 otherwise, 403 for other positions.
    static func managed(_ db: any DatabaseConnection, _ id: Int64, by session: Session) throws -> Company {
        guard session.accountType == .partner, let company = try CompanyRepository.find(db, id: id), company.parentCompanyId == session.companyId else {
            throw DomainError.notFound("managed company \(id) not found")
        }
        try AccessPolicy.require(session, .manageAccount)
        return company
    }
}

extension AccessPolicy {
    /// The port a VXC order starts from and the company that buys the VXC: one of the session's own ports
    /// (the port's company buys), or — for a sub-account allowed to order — a partner port assigned to it
    /// (the sub-account buys). A sub-account not allowed to order VXCs is refused (403).
    static func orderingPort(_ db: any DatabaseConnection, _ session: Session, _ id: Int64) throws -> (port: ServiceRecord, buyer: Int64) {
        // Only a managed company can be a sub-account: anyone else costs no look-up.
        if session.accountType == .managed, let sub = try SubAccountRepository.find(db, companyId: session.companyId) {
            try requirePermits(sub, .orderVXCs)
            if sub.portIds.contains(id), let port = try ServiceRepository.find(db, id: id) {
                try require(session, .order)
                return (port, sub.companyId)
            }
        }
        let port = try ownedService(db, session, String(id), for: .order)
        return (port, port.companyId)
    }

    /// 403 when the session's company is a sub-account its partner has not given `permission`.
    static func requireSubAccountPermits(_ db: any DatabaseConnection, _ session: Session, _ permission: SubAccount.Permission) throws {
        guard session.accountType == .managed, let sub = try SubAccountRepository.find(db, companyId: session.companyId) else { return }
        try requirePermits(sub, permission)
    }

    private static func requirePermits(_ sub: SubAccount, _ permission: SubAccount.Permission) throws {
        guard !sub.permissions.contains(permission) else { return }
        let what = switch permission {
        case .orderVXCs: "order VXCs"
        case .viewBilling: "see or change billing settings"
        case .manageUsers: "manage users"
        }
        throw DomainError.forbidden(code: "sub_account_not_permitted", message: "your partner has not allowed this account to \(what)")
    }

    /// Whether the session's company is a sub-account the port is assigned to.
    static func isAssigned(_ db: any DatabaseConnection, _ session: Session, portId: Int64) throws -> Bool {
        guard session.accountType == .managed else { return false }
        return try SubAccountRepository.assignee(db, portId: portId) == session.companyId
    }
}
