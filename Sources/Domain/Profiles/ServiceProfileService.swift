import Model
import Persistence
import Storage

/// Service profiles (`/secure/serviceprofiles`): a provider's Company Admin sells through them; buyers
/// list the ones they may buy from, with the ports (and their locations) each is offered on.
public struct ServiceProfileService: Sendable {
    let db: any DatabaseWriter

    public init(db: any DatabaseWriter) { self.db = db }

    /// A profile with its ports resolved, as a buyer or its provider sees it.
    public struct View: Sendable {
        public let profile: ServiceProfile
        /// The offered ports, in the profile's order of ids.
        public let ports: [ServiceRecord]
    }

    /// Creates a profile for the session's company (or the managed company `companyId` names).
    public func create(_ session: Session, companyId: Int64?, _ content: ServiceProfileContent) async throws -> View {
        try await db.write { db in
            let company = try AccessPolicy.company(db, session, id: companyId ?? session.companyId, for: .manageServiceProfiles)
            try Self.validate(db, content, companyId: company.id)
            let now = Now.millis()
            let id = try ServiceProfileRepository.insert(db, companyId: company.id, content, createdBy: session.userId, now: now)
            try AuditLog.record(db, userId: session.userId, companyId: company.id, entity: "service_profile", entityId: id, action: "create", now: now)
            return try Self.view(db, try ServiceProfileRepository.find(db, id: id)!)
        }
    }

    /// The profiles of the session's company (or of `companyId`), for their provider.
    public func own(_ session: Session, companyId: Int64?) async throws -> [View] {
        try await db.read { db in
            let company = try AccessPolicy.company(db, session, id: companyId ?? session.companyId, for: .view)
            return try ServiceProfileRepository.list(db, companyId: company.id).map { try Self.view(db, $0) }
        }
    }

    /// The other companies' profiles the session's company (or the managed company `companyId`) may buy from.
    public func buyable(_ session: Session, companyId: Int64? = nil) async throws -> [View] {
        try await db.read { db in
            let buyer = try AccessPolicy.company(db, session, id: companyId ?? session.companyId, for: .view).id
            return try ServiceProfileRepository.visible(db, to: buyer).filter { $0.companyId != buyer }.map { try Self.view(db, $0) }
        }
    }

    /// One profile the session may see (its provider's users, or a buyer it is visible to); 404 otherwise.
    public func get(_ session: Session, uid: String) async throws -> (view: View, isProvider: Bool) {
        try await db.read { db in
            let profile = try Self.visibleProfile(db, session, uid: uid)
            return (try Self.view(db, profile), Self.provides(db, session, profile))
        }
    }

    /// Changes a profile: `change` edits the current content, which is then checked as on creation.
    public func update(_ session: Session, uid: String, _ change: @escaping @Sendable (inout ServiceProfileContent) -> Void) async throws -> View {
        try await db.write { db in
            let profile = try Self.providedProfile(db, session, uid: uid)
            var content = profile.content
            change(&content)
            try Self.validate(db, content, companyId: profile.companyId)
            let now = Now.millis()
            try ServiceProfileRepository.update(db, id: profile.id, content, now: now)
            try AuditLog.record(db, userId: session.userId, companyId: profile.companyId, entity: "service_profile", entityId: profile.id,
                                action: "update", now: now)
            return try Self.view(db, try ServiceProfileRepository.find(db, id: profile.id)!)
        }
    }

    /// Deletes a profile: no longer listed or sold; the VXCs bought through it keep their record of it.
    public func delete(_ session: Session, uid: String) async throws {
        try await db.write { db in
            let profile = try Self.providedProfile(db, session, uid: uid)
            let now = Now.millis()
            try ServiceProfileRepository.markDeleted(db, id: profile.id, now: now)
            try AuditLog.record(db, userId: session.userId, companyId: profile.companyId, entity: "service_profile", entityId: profile.id,
                                action: "delete", now: now)
        }
    }
}

extension ServiceProfileService {
    /// A profile the session may see: 404 when it may not.
    static func visibleProfile(_ db: any DatabaseConnection, _ session: Session, uid: String) throws -> ServiceProfile {
        guard let profile = try ServiceProfileRepository.find(db, uid: uid),
              provides(db, session, profile) || profile.visibility == .public || profile.visibleTo.contains(session.companyId) else {
            throw DomainError.notFound("service profile \(uid) not found")
        }
        return profile
    }

    /// A profile the session's company (or a company it acts for) provides, with the right to change it.
    static func providedProfile(_ db: any DatabaseConnection, _ session: Session, uid: String) throws -> ServiceProfile {
        let profile = try visibleProfile(db, session, uid: uid)
        guard provides(db, session, profile) else {
            throw DomainError.forbidden(code: "not_owner", message: "only \(profile.companyName) may change service profile \(uid)")
        }
        try AccessPolicy.require(session, .manageServiceProfiles)
        return profile
    }

    static func provides(_ db: any DatabaseConnection, _ session: Session, _ profile: ServiceProfile) -> Bool {
        guard let company = try? CompanyRepository.find(db, id: profile.companyId) else { return false }
        return AccessPolicy.canSee(session, company)
    }

    static func view(_ db: any DatabaseConnection, _ profile: ServiceProfile) throws -> View {
        View(profile: profile, ports: try profile.portIds.compactMap { try ServiceRepository.find(db, id: $0) })
    }

    /// The content's rules: every problem named at once.
    static func validate(_ db: any DatabaseConnection, _ content: ServiceProfileContent, companyId: Int64) throws {
        var errors: [FieldError] = []
        if !(1...100).contains(content.name.count) || content.name.trimmingWhitespace.isEmpty || Validation.hasInvisibleCharacters(content.name) {
            errors.append(FieldError("name", "must be 1 to 100 visible characters"))
        }
        if content.description.count > 2000 { errors.append(FieldError("description", "must be at most 2000 characters")) }
        if content.portIds.isEmpty || content.portIds.count > 100 { errors.append(FieldError("portIds", "must list 1 to 100 of your ports")) }
        for (index, id) in content.portIds.enumerated() {
            let port = try ServiceRepository.find(db, id: id)
            if port == nil || port?.companyId != companyId || port?.productType.carriesVXCs != true || port?.status.isReady != true {
                errors.append(FieldError("portIds[\(index)]", "must be one of the company's CONFIGURED or LIVE ports or routers (\(id) is not)"))
            }
        }
        if content.speeds.count > 20 || content.speeds.contains(where: { !(1...400_000).contains($0) }) || Set(content.speeds).count != content.speeds.count {
            errors.append(FieldError("speeds", "must be at most 20 different speeds, each 1 to 400000 Mbps"))
        }
        if content.visibility == .public, !content.visibleTo.isEmpty {
            errors.append(FieldError("visibleTo", "is for PRIVATE profiles only"))
        }
        if content.visibleTo.count > 100 { errors.append(FieldError("visibleTo", "must list at most 100 companies")) }
        for (index, id) in content.visibleTo.enumerated() where try CompanyRepository.find(db, id: id) == nil {
            errors.append(FieldError("visibleTo[\(index)]", "company \(id) does not exist"))
        }
        errors += BuyerFieldRules.problems(content.buyerFields)
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
    }
}
