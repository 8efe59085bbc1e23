import JSON
import Model
import Persistence
import Storage

/// Ordering an IX connection on a port (API.md §6).
enum IXOrdering {
    /// Field rules: ASN range, MAC form, rate limit, VLAN range.
    static func validate(_ item: IXItem, field prefix: String) throws {
        var errors: [FieldError] = []
        if item.exchangeName.isEmpty { errors.append(FieldError("\(prefix).exchange", "is required")) }
        if let name = item.name, Validation.hasInvisibleCharacters(name) {
            errors.append(FieldError("\(prefix).name", "must not contain control or invisible characters"))
        }
        if !(1...4_294_967_295).contains(item.asn) { errors.append(FieldError("\(prefix).asn", "must be from 1 to 4294967295")) }
        if normalizedMAC(item.macAddress) == nil { errors.append(FieldError("\(prefix).macAddress", "must look like 00:11:22:33:44:55")) }
        if item.rateLimit < 1 { errors.append(FieldError("\(prefix).rateLimit", "must be at least 1 Mbps")) }
        if let problem = VLANRules.problem(item.vlan) { errors.append(FieldError("\(prefix).vlan", problem)) }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
    }

    /// `xx:xx:xx:xx:xx:xx` in lower case (ASCII hex digits only: `００` is not `00`), or nil.
    static func normalizedMAC(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        return parts.joined(separator: ":")
    }

    static func exchanges(_ db: any DatabaseConnection, locationId: Int64) throws -> [InternetExchange] {
        try ExchangeRepository.inMetroOf(db, locationId: locationId)
    }

    /// Inserts the IX on `port` after the checks that need the database: the exchange is in the port's
    /// metro, one of each exchange per port, the MAC is unused on the exchange, the VLAN is free.
    static func insert(_ db: any DatabaseConnection, on port: ServiceRecord, _ item: IXItem, session: Session, now: Int64) throws -> Int64 {
        guard let exchange = try ExchangeRepository.find(db, name: item.exchangeName) else {
            throw DomainError.invalid("ix.exchange", "no internet exchange named \(item.exchangeName)")
        }
        guard let location = port.location, exchange.metro == location.metro else {
            throw DomainError.invalid("ix.exchange",
                                      "\(item.exchangeName) is not available in \(port.location?.metro ?? "this metro")")
        }
        guard let speed = port.speed, item.rateLimit <= speed else {
            throw DomainError.invalid("ix.rateLimit", "must not exceed the port speed of \(port.speed ?? 0) Mbps")
        }
        let mac = normalizedMAC(item.macAddress) ?? item.macAddress
        if try ExchangeRepository.isOnPort(db, portId: port.id, exchangeId: exchange.id) {
            throw DomainError.conflict(code: "ix_already_on_port",
                                       message: "MEGAPORT service \(port.id) already has \(item.exchangeName), and only one is permitted")
        }
        if try ExchangeRepository.macInUse(db, exchangeId: exchange.id, mac: mac) {
            throw DomainError.conflict(code: "mac_address_in_use", message: "MAC address \(mac) is already on \(item.exchangeName)")
        }
        let vlan = try VLANRules.resolve(db, requested: item.vlan, portId: port.id, field: "ix.vlan")
        let id = try ExchangeRepository.insert(db, name: item.name ?? item.exchangeName, companyId: port.companyId,
                                               status: port.status.isReady ? .configured : .provisioning, portId: port.id,
                                               rateLimit: item.rateLimit, exchangeId: exchange.id, asn: item.asn, mac: mac,
                                               createdBy: session.userId, now: now)
        try VlanRepository.assign(db, portId: port.id, serviceId: id, end: "IX", vlan: vlan)
        try AuditLog.record(db, userId: session.userId, companyId: port.companyId, entity: "service", entityId: id, action: "order",
                            detail: ["productType": "IX", "exchange": .string(item.exchangeName), "portId": .int(port.id),
                                     "vlan": .int(vlan)], now: now)
        return id
    }
}
