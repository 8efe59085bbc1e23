import JSON
import Model
import Persistence
import Storage

/// Ordering (API.md §4–6): ports, VXCs and IXs. Every order is one transaction: validation against
/// current state, allocation (interface, VLANs), the approval it needs and its audit event commit
/// together, with the idempotency record when the client sent a key.
public struct OrderService: Sendable {
    let db: any DatabaseWriter
    /// How long a connection request waits for the provider before it expires (API.md §7: 60 days).
    public let approvalLifetime: Int64
    /// Told when something may need provisioning, so it does not wait for its next poll.
    let provisioning: ProvisioningStage?
    /// Where emails send people.
    let links: PortalLinks

    public init(db: any DatabaseWriter, provisioning: ProvisioningStage? = nil, approvalLifetime: Int64 = 60 * 86_400_000,
                links: PortalLinks = PortalLinks()) {
        self.db = db
        self.provisioning = provisioning
        self.approvalLifetime = approvalLifetime
        self.links = links
    }

    /// `POST /secure/ecommerce/megaport/order`.
    public func orderPort(_ order: PortOrder, by session: Session,
                          idempotency: IdempotencyRequest<OrderReceipt>? = nil) async throws -> Idempotent<OrderReceipt> {
        try PortOrdering.validate(order)
        let result = try await IdempotentWrite.run(db, idempotency) { conn, now in
            try PortOrdering.place(conn, order, session: session, now: now)
        }
        provisioning?.poke()
        return result
    }

    /// `POST /secure/ecommerce/ix/order`.
    public func orderIX(portIdOrUid: String, item: IXItem, by session: Session,
                        idempotency: IdempotencyRequest<OrderReceipt>? = nil) async throws -> Idempotent<OrderReceipt> {
        try IXOrdering.validate(item, field: "ix")
        let result = try await IdempotentWrite.run(db, idempotency) { conn, now in
            let port = try AccessPolicy.ownedService(conn, session, portIdOrUid, for: .order)
            guard port.productType.isPort else { throw DomainError.invalid("portId", "must be a port") }
            guard port.status.isReady else {
                throw DomainError.conflict(code: "port_not_ready", message: "port \(port.id) is \(port.status.rawValue); it must be CONFIGURED or LIVE")
            }
            let id = try IXOrdering.insert(conn, on: port, item, session: session, now: now)
            return OrderReceipt(serviceId: id, name: item.name ?? item.exchangeName)
        }
        provisioning?.poke()
        return result
    }

    /// `POST /secure/ecommerce/vxc/order`.
    public func orderVXC(_ order: VXCOrder, by session: Session,
                         idempotency: IdempotencyRequest<VXCOrderResult>? = nil) async throws -> Idempotent<VXCOrderResult> {
        try VXCOrdering.validate(order)
        let lifetime = approvalLifetime, links = self.links
        let result = try await IdempotentWrite.run(db, idempotency) { conn, now in
            try VXCOrdering.place(conn, order, session: session, approvalLifetime: lifetime, links: links, now: now)
        }
        provisioning?.poke()
        return result
    }

    /// Internet exchanges in the metro of a location (`GET /secure/dropdowns/ix?locationId=`).
    public func exchanges(locationId: Int64) async throws -> [InternetExchange] {
        try await db.read { conn in
            guard try LocationRepository.exists(conn, id: locationId) else { throw DomainError.notFound("location \(locationId) not found") }
            return try IXOrdering.exchanges(conn, locationId: locationId)
        }
    }
}
