import JSON
import Model
import Persistence
import Storage

/// Placing a port order (API.md §4).
enum PortOrdering {
    static let speeds = [1000, 10000, 100000]

    /// Rules that need no database: speed, name length, the IX item.
    static func validate(_ order: PortOrder) throws {
        var errors: [FieldError] = []
        if !speeds.contains(order.speed) { errors.append(FieldError("speed", "must be one of 1000, 10000, 100000")) }
        let name = order.name.trimmingWhitespace
        if name.isEmpty || name.count > 128 { errors.append(FieldError("name", "must be 1 to 128 characters")) }
        if Validation.hasInvisibleCharacters(order.name) { errors.append(FieldError("name", "must not contain control or invisible characters")) }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        if let ix = order.ix { try IXOrdering.validate(ix, field: "ix") }
    }

    /// 422 unless the location exists and is Active (open for orders).
    static func requireOpen(_ db: any DatabaseConnection, locationId: Int64) throws {
        guard let status = try LocationRepository.status(db, id: locationId) else {
            throw DomainError.invalid("locationId", "no location \(locationId)")
        }
        guard status == "Active" else {
            throw DomainError.invalid("locationId", "location \(locationId) is \(status), not open for orders")
        }
    }

    /// Checks the ordering company, product type, location and account gate, then inserts the port
    /// (allocating an interface when one is free) and its IX, all in the caller's transaction.
    static func place(_ db: any DatabaseConnection, _ order: PortOrder, session: Session, now: Int64) throws -> OrderReceipt {
        let company = try AccessPolicy.company(db, session, id: order.companyId ?? session.companyId, for: .order)
        if order.productType == .megadirect && company.accountType != .partner {
            throw DomainError.forbidden(code: "megadirect_partners_only", message: "MEGADIRECT ports can be ordered by PARTNER accounts only")
        }
        try requireOpen(db, locationId: order.locationId)
        try AccountGate.check(db, company)
        var port = PortRepository.NewPort(companyId: company.id, name: order.name.trimmingWhitespace, locationId: order.locationId,
                                          speed: order.speed)
        port.productType = order.productType
        port.rackId = order.rackId
        port.opticalInterface = order.opticalInterface
        port.customerRequestDate = order.customerRequestDate
        port.createdBy = session.userId
        let (id, portStatus) = try PortRepository.insert(db, port, now: now)
        try AuditLog.record(db, userId: session.userId, companyId: company.id, entity: "service", entityId: id, action: "order",
                            detail: AccessPolicy.onBehalf(session, ["productType": .string(order.productType.rawValue), "speed": .int(order.speed),
                                                                    "locationId": .int(order.locationId), "status": .string(portStatus.rawValue)]), now: now)
        if let ix = order.ix {
            guard let record = try ServiceRepository.find(db, id: id) else { throw DomainError.notFound("port \(id)") }
            _ = try IXOrdering.insert(db, on: record, ix, session: session, now: now)
        }
        return OrderReceipt(serviceId: id, name: port.name)
    }
}
