import JSON
import Model
import Persistence
import Storage

/// Reading and changing existing services (API.md §4–5): view, rename and flags, speed changes
/// (with a SPEED_CHANGE approval when raising another company's B-end), cancellation.
public struct ServiceManagement: Sendable {
    let db: any DatabaseWriter
    let provisioning: ProvisioningStage?
    let approvalLifetime: Int64
    /// Where emails send people.
    let links: PortalLinks
    /// Owners' rendered views, while the database is unchanged.
    let cache = RenderCache()

    public init(db: any DatabaseWriter, provisioning: ProvisioningStage? = nil, approvalLifetime: Int64 = 60 * 86_400_000,
                links: PortalLinks = PortalLinks()) {
        self.db = db
        self.provisioning = provisioning
        self.approvalLifetime = approvalLifetime
        self.links = links
    }

    /// `GET /secure/technicalservice/{id}`: the owner, partner admins of a managed owner and, for a VXC,
    /// the B-end's company may look; anyone else gets 404.
    public func view(_ idOrUid: String, by session: Session) async throws -> ServiceView {
        try await db.read { conn in try Self.view(conn, try AccessPolicy.visibleService(conn, session, idOrUid), for: session) }
    }

    /// The service's view; for a `viewer` who does not own the port (a sub-account it is assigned to), only
    /// the VXCs and IXs the viewer owns are among its children.
    /// `GET /secure/technicalservice/{id}` rendered by `render` (the surface's JSON), the bytes reused for
    /// the service's owner while nothing was committed since they were rendered (`RenderCache`). The
    /// caller's right to see it is checked on every call.
    public func rendered(_ idOrUid: String, by session: Session, as kind: String,
                         _ render: @escaping @Sendable (ServiceView) -> [UInt8]) async throws -> [UInt8] {
        let cache = self.cache
        return try await db.read { conn in
            let snapshot = try conn.snapshot()  // before anything is read
            let service = try AccessPolicy.visibleService(conn, session, idOrUid)
            guard AccessPolicy.owns(session, service) else { return render(try Self.view(conn, service, for: session)) }
            return try cache.value(kind, service.id, at: snapshot) { render(try Self.view(conn, service)) }
        }
    }

    static func view(_ db: any DatabaseConnection, _ service: ServiceRecord, for viewer: Session? = nil) throws -> ServiceView {
        var children: [ServiceView.Child] = []
        if service.productType.carriesVXCs {
            let vlans = try VlanRepository.vlansOfChildren(db, portId: service.id)
            let seesAll = viewer.map { AccessPolicy.owns($0, service) } ?? true
            children = try ServiceRepository.children(db, portId: service.id)
                .filter { child in seesAll || viewer.map { AccessPolicy.owns($0, child) } == true }
                .map { ServiceView.Child(service: $0, vlans: vlans[$0.id] ?? [:]) }
        }
        return ServiceView(service: service, vlans: try VlanRepository.vlans(db, serviceId: service.id),
                           approval: try ApprovalRepository.pending(db, serviceId: service.id),
                           aEnd: try service.aEndId.flatMap { try ServiceRepository.find(db, id: $0) },
                           bEnd: try service.bEndId.flatMap { try ServiceRepository.find(db, id: $0) }, children: children)
    }

    /// `PUT /secure/technicalservice/{id}`: name for any service; marketplace visibility and VXC
    /// permission for ports.
    public func update(_ idOrUid: String, _ changes: ServiceChanges, by session: Session) async throws -> ServiceView {
        try changes.validate()
        return try await db.write { conn in
            let service = try AccessPolicy.ownedService(conn, session, idOrUid, for: .order)
            try Self.requireUnlocked(service)
            if !service.productType.carriesVXCs && (changes.marketplaceVisibility != nil || changes.vxcPermitted != nil) {
                throw DomainError.invalid(changes.marketplaceVisibility != nil ? "marketplaceVisibility" : "vxcPermitted",
                                          "applies to ports and cloud routers only")
            }
            if changes.asn != nil && service.productType != .mcr2 { throw DomainError.invalid("asn", "applies to cloud routers only") }
            let now = Now.millis()
            try ServiceChangeRepository.update(conn, id: service.id, name: changes.name?.trimmingWhitespace,
                                               marketplaceVisibility: changes.marketplaceVisibility, vxcPermitted: changes.vxcPermitted,
                                               costCentre: changes.costCentre)
            if let asn = changes.asn { try RouterRepository.setASN(conn, id: service.id, asn) }
            var detail = JSONObject()
            if let name = changes.name { detail["name"] = .string(name) }
            if let visible = changes.marketplaceVisibility { detail["marketplaceVisibility"] = .bool(visible) }
            if let permitted = changes.vxcPermitted { detail["vxcPermitted"] = .bool(permitted) }
            if let costCentre = changes.costCentre { detail["costCentre"] = .string(costCentre) }
            if let asn = changes.asn { detail["asn"] = .int(asn) }
            try AuditLog.record(conn, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                                action: "update", detail: detail, now: now)
            return try Self.view(conn, try ServiceRepository.find(conn, id: service.id)!)
        }
    }

    /// `POST /secure/technicalservice/{id}/cancel`: CANCELLED now (VLANs and interface freed, waiting
    /// ports allocated), DECOMMISSIONED by the provisioning stage. A port with active VXCs or IXs refuses
    /// unless `cascade`, which cancels them too.
    public func cancel(_ idOrUid: String, cascade: Bool, by session: Session) async throws -> ServiceView {
        let result = try await db.write { conn in
            let service = try AccessPolicy.ownedService(conn, session, idOrUid, for: .cancel)
            try Self.requireUnlocked(service)
            guard service.status.isActive else {
                throw DomainError.conflict(code: "not_active", message: "service \(service.id) is already \(service.status.rawValue)")
            }
            let now = Now.millis()
            // Cancelling a LAG's primary cancels the whole LAG, as Terraform destroys it through the primary.
            let members = service.isLagPrimary ? try ServiceRepository.lagMembers(conn, primaryId: service.id).filter(\.status.isActive) : []
            for port in [service] + members where port.productType.carriesVXCs {
                try Self.requireUnlocked(port)
                let live = try ServiceRepository.children(conn, portId: port.id).filter(\.status.isActive)
                if !live.isEmpty && !cascade {
                    throw DomainError.conflict(code: "port_has_services",
                                               message: "port \(port.id) still carries \(live.map { "\($0.productType.rawValue) \($0.id)" }.joined(separator: ", ")); cancel them first or use ?cascade=true")
                }
                for child in live { try Self.requireUnlocked(child) }
                for child in live { try Self.cancelOne(conn, child, by: session, now: now, reason: "parent port \(port.id) cancelled") }
            }
            for member in members { try Self.cancelOne(conn, member, by: session, now: now, reason: "its LAG's primary port \(service.id) cancelled") }
            try Self.cancelOne(conn, service, by: session, now: now, reason: "cancelled by the owner")
            return try Self.view(conn, try ServiceRepository.find(conn, id: service.id)!)
        }
        provisioning?.poke()
        return result
    }

    static func cancelOne(_ db: any DatabaseConnection, _ service: ServiceRecord, by session: Session, now: Int64, reason: String) throws {
        try ServiceRepository.setStatus(db, id: service.id, .cancelled, now: now)
        try VlanRepository.release(db, serviceId: service.id)
        try ApprovalRepository.withdrawPending(db, serviceId: service.id, by: session.userId, now: now, comment: reason)
        try AuditLog.record(db, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                            action: "cancel", detail: ["reason": .string(reason)], now: now)
        try Notices.cancelled(db, service: service, reason: reason,
                              by: "\(session.firstName) \(session.lastName)".trimmingWhitespace + " of \(session.companyName)", now: now)
        if service.interfaceId != nil, let location = service.location, let speed = service.speed {
            _ = try InterfaceRepository.allocateWaiting(db, locationId: location.locationId, speed: speed, now: now)
        }
    }
}
