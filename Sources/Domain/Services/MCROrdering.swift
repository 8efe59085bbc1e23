import Model
import Persistence
import Storage

/// Placing a cloud router (MCR2): virtual, so it needs an open location but no interface, and is
/// CONFIGURED at once. VXCs may start or end on it like on a port; IXs may not.
enum MCROrdering {
    /// Rules that need no database: speed, name and ASN.
    static func validate(_ order: MCROrder) throws {
        var errors: [FieldError] = []
        if !MCROrder.speeds.contains(order.speed) {
            errors.append(FieldError("speed", "must be one of \(MCROrder.speeds.map(String.init).joined(separator: ", "))"))
        }
        let name = order.name.trimmingWhitespace
        if name.isEmpty || name.count > 128 { errors.append(FieldError("name", "must be 1 to 128 characters")) }
        if Validation.hasInvisibleCharacters(order.name) { errors.append(FieldError("name", "must not contain control or invisible characters")) }
        if let problem = problem(asn: order.asn) { errors.append(FieldError("asn", problem)) }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
    }

    /// Why an ASN cannot be a router's, or nil when it can.
    static func problem(asn: Int64) -> String? {
        (1...4_294_967_295).contains(asn) ? nil : "must be from 1 to 4294967295"
    }

    /// Checks the company, location and account gate, then inserts the router in the caller's transaction.
    static func place(_ db: any DatabaseConnection, _ order: MCROrder, session: Session, now: Int64) throws -> Int64 {
        let company = try AccessPolicy.company(db, session, id: session.companyId, for: .order)
        try PortOrdering.requireOpen(db, locationId: order.locationId)
        try AccountGate.check(db, company)
        let id = try RouterRepository.insert(db, companyId: company.id, name: order.name.trimmingWhitespace, locationId: order.locationId,
                                             speed: order.speed, asn: order.asn, createdBy: session.userId, now: now)
        try AuditLog.record(db, userId: session.userId, companyId: company.id, entity: "service", entityId: id, action: "order",
                            detail: ["productType": "MCR2", "speed": .int(order.speed), "locationId": .int(order.locationId),
                                     "asn": .int(order.asn)], now: now)
        return id
    }
}
