import JSON
import Storage

/// An internet exchange a port can join (`GET /secure/dropdowns/ix`).
public struct InternetExchange: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let description: String
    public let metro: String
    public let state: String?
    public let networkRegion: String
    public let asn: Int64
}

/// Ordering an IX connection on a port (API.md §6).
enum IXOrdering {
    /// Field rules: ASN range, MAC form, rate limit, VLAN range.
    static func validate(_ item: IXItem, field prefix: String) throws {
        var errors: [FieldError] = []
        if item.exchangeName.isEmpty { errors.append(FieldError("\(prefix).networkServiceType", "is required")) }
        if !(1...4_294_967_295).contains(item.asn) { errors.append(FieldError("\(prefix).asn", "must be from 1 to 4294967295")) }
        if normalizedMAC(item.macAddress) == nil { errors.append(FieldError("\(prefix).macAddress", "must look like 00:11:22:33:44:55")) }
        if item.rateLimit < 1 { errors.append(FieldError("\(prefix).rateLimit", "must be at least 1 Mbps")) }
        if let problem = VLANRules.problem(item.vlan) { errors.append(FieldError("\(prefix).vlan", problem)) }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
    }

    /// `xx:xx:xx:xx:xx:xx` in lower case, or nil.
    static func normalizedMAC(_ text: String) -> String? {
        let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        return parts.joined(separator: ":")
    }

    static func exchanges(_ db: SQLiteConnection, locationId: Int64) throws -> [InternetExchange] {
        try db.query("""
            SELECT x.id, x.name, x.description, x.metro, x.state, x.network_region, x.asn
            FROM internet_exchanges x JOIN locations l ON l.metro = x.metro WHERE l.id = ? ORDER BY x.name
            """, locationId) {
            InternetExchange(id: $0.int64(0), name: $0.string(1), description: $0.string(2), metro: $0.string(3),
                             state: $0.optionalString(4), networkRegion: $0.string(5), asn: $0.int64(6))
        }
    }

    /// Inserts the IX on `port` after the checks that need the database: the exchange is in the port's
    /// metro, one of each exchange per port, the MAC is unused on the exchange, the VLAN is free.
    static func insert(_ db: SQLiteConnection, on port: ServiceRecord, _ item: IXItem, session: Session, now: Int64) throws -> Int64 {
        guard let exchange = try db.queryFirst("SELECT id, metro FROM internet_exchanges WHERE name = ?", item.exchangeName,
                                               map: { ($0.int64(0), $0.string(1)) }) else {
            throw DomainError.invalid("ixProvItem.networkServiceType", "no internet exchange named \(item.exchangeName)")
        }
        guard let location = port.location, exchange.1 == location.metro else {
            throw DomainError.invalid("ixProvItem.networkServiceType",
                                      "\(item.exchangeName) is not available in \(port.location?.metro ?? "this metro")")
        }
        guard let speed = port.speed, item.rateLimit <= speed else {
            throw DomainError.invalid("ixProvItem.rateLimit", "must not exceed the port speed of \(port.speed ?? 0) Mbps")
        }
        let mac = normalizedMAC(item.macAddress) ?? item.macAddress
        let active = "provisioning_status NOT IN ('CANCELLED', 'DECOMMISSIONED', 'FAILED')"
        if try db.queryFirst("SELECT 1 FROM services WHERE product_type = 'IX' AND a_end_service_id = ? AND ix_id = ? AND \(active)",
                             port.id, exchange.0, map: { _ in true }) != nil {
            throw DomainError.conflict(code: "ix_already_on_port",
                                       message: "MEGAPORT service \(port.id) already has \(item.exchangeName), and only one is permitted")
        }
        if try db.queryFirst("SELECT 1 FROM services WHERE product_type = 'IX' AND ix_id = ? AND mac_address = ? AND \(active)",
                             exchange.0, mac, map: { _ in true }) != nil {
            throw DomainError.conflict(code: "mac_address_in_use", message: "MAC address \(mac) is already on \(item.exchangeName)")
        }
        let vlan = try VLANRules.resolve(db, requested: item.vlan, portId: port.id, field: "ixProvItem.vlan")
        let status = port.status.isReady ? "CONFIGURED" : "PROVISIONING"
        try db.execute("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, a_end_service_id, rate_limit, ix_id, asn,
                mac_address, create_date, created_by, provision_date)
            VALUES (?, 'IX', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, Tokens.newUUID(), item.name ?? item.exchangeName, port.companyId, status, port.id, item.rateLimit, exchange.0,
            item.asn, mac, now, session.userId, status == "CONFIGURED" ? now : nil)
        let id = db.lastInsertRowID
        try VlanRepository.assign(db, portId: port.id, serviceId: id, end: "IX", vlan: vlan)
        try AuditLog.record(db, userId: session.userId, companyId: port.companyId, entity: "service", entityId: id, action: "order",
                            detail: ["productType": "IX", "exchange": .string(item.exchangeName), "portId": .int(port.id),
                                     "vlan": .int(vlan)], now: now)
        return id
    }
}
