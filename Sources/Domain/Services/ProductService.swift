import Model
import Persistence
import Storage

/// A product as the v2 API lists it: its view, its tags, and for a port the views of its VXCs and IXs.
public struct ProductTree: Sendable {
    public let view: ServiceView
    public let tags: [(key: String, value: String)]
    public let children: [ServiceView]
}

/// Products on the v2 surface (`/v2/products`, `/v2/product/{uid}`, its tags), over the same services
/// and visibility rules as the legacy API.
public struct ProductService: Sendable {
    let db: any DatabaseWriter

    /// Owners' rendered product lists, while the database is unchanged.
    let cache = RenderCache()

    public init(db: any DatabaseWriter) { self.db = db }

    /// A company's ports and cloud routers, each with its VXCs and IXs: the caller's own (`companyId` nil)
    /// or, for a partner's users, a company it manages (404 for any other).
    public func list(of companyId: Int64? = nil, by session: Session) async throws -> [ProductTree] {
        try await db.read { conn in try Self.products(conn, of: companyId, by: session).trees() }
    }

    /// The caller's own products rendered by `render`, the bytes reused while nothing was committed since
    /// (`RenderCache`); a sub-account's list (with ports it does not own) is rendered afresh each time.
    public func renderedList(by session: Session, as kind: String, _ render: @escaping @Sendable ([ProductTree]) -> [UInt8]) async throws -> [UInt8] {
        let cache = self.cache
        return try await db.read { conn in
            let snapshot = try conn.snapshot()  // before anything is read
            let (company, assigned, trees) = try Self.products(conn, of: nil, by: session)
            return assigned ? render(try trees()) : try cache.value(kind, company, at: snapshot) { render(try trees()) }
        }
    }

    /// The company whose products are listed, whether its list holds ports assigned to it (a sub-account's
    /// own list also holds the partner ports assigned to it), and the trees, built when asked for.
    static func products(_ conn: any DatabaseConnection, of companyId: Int64?, by session: Session) throws
        -> (company: Int64, assigned: Bool, trees: () throws -> [ProductTree]) {
        let company = try AccessPolicy.company(conn, session, id: companyId ?? session.companyId, for: .view)
        let mayHaveAssigned = company.id == session.companyId && session.accountType == .managed  // only a managed company is a sub-account
        let assigned = mayHaveAssigned ? try SubAccountRepository.find(conn, companyId: company.id)?.portIds ?? [] : []
        return (company.id, !assigned.isEmpty, {
            let ports = try ServiceRepository.portsAndRouters(conn, companyId: company.id) + assigned.compactMap { try ServiceRepository.find(conn, id: $0) }
            return try ports.map { try Self.tree(conn, $0, for: session) }
        })
    }

    /// The caller's company and the companies it manages (a partner's customers), in id order.
    public func companies(by session: Session) async throws -> [Company] {
        try await db.read { conn in
            try CompanyRepository.selfAndManaged(conn, companyId: session.companyId).filter { AccessPolicy.canSee(session, $0) }
        }
    }

    /// One product the caller may see (404 otherwise).
    public func product(_ idOrUid: String, by session: Session) async throws -> ProductTree {
        try await db.read { conn in try Self.tree(conn, try AccessPolicy.visibleService(conn, session, idOrUid), for: session) }
    }

    /// A product's tags (anyone who may see it).
    public func tags(_ idOrUid: String, by session: Session) async throws -> [(key: String, value: String)] {
        try await db.read { conn in try TagRepository.list(conn, serviceId: try AccessPolicy.visibleService(conn, session, idOrUid).id) }
    }

    /// Replaces a product's tags (its owner, with a position that may order).
    public func setTags(_ idOrUid: String, _ tags: [(key: String, value: String)], by session: Session) async throws {
        try Self.validate(tags)
        try await db.write { conn in
            let service = try AccessPolicy.ownedService(conn, session, idOrUid, for: .order)
            try TagRepository.replace(conn, serviceId: service.id, tags)
            try AuditLog.record(conn, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                                action: "tags", now: Now.millis())
        }
    }

    /// Keys of 1 to 128 visible characters, each once; values of at most 256.
    static func validate(_ tags: [(key: String, value: String)]) throws {
        var seen = Set<String>()
        for (index, tag) in tags.enumerated() {
            guard (1...128).contains(tag.key.count), !Validation.hasInvisibleCharacters(tag.key), seen.insert(tag.key).inserted else {
                throw DomainError.invalid("resourceTags[\(index)].key", "must be 1 to 128 visible characters, each key once")
            }
            guard tag.value.count <= 256, !Validation.hasInvisibleCharacters(tag.value) else {
                throw DomainError.invalid("resourceTags[\(index)].value", "must be at most 256 visible characters")
            }
        }
    }

    static func tree(_ db: any DatabaseConnection, _ service: ServiceRecord, for viewer: Session? = nil) throws -> ProductTree {
        let view = try ServiceManagement.view(db, service, for: viewer)
        let children = try view.children.map { try ServiceManagement.view(db, $0.service) }
        return ProductTree(view: view, tags: try TagRepository.list(db, serviceId: service.id), children: children)
    }
}
