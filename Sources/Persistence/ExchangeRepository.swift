import Model
import Storage

/// SQL for internet exchanges and the IX services on them.
public enum ExchangeRepository {
    /// The exchanges in the metro of a location, by name.
    public static func inMetroOf(_ db: any DatabaseConnection, locationId: Int64) throws -> [InternetExchange] {
        try db.query("""
            SELECT x.id, x.name, x.description, x.metro, x.state, x.network_region, x.asn
            FROM internet_exchanges x JOIN locations l ON l.metro = x.metro WHERE l.id = ? ORDER BY x.name
            """, locationId) {
            InternetExchange(id: $0.int64("id"), name: $0.string("name"), description: $0.string("description"), metro: $0.string("metro"),
                             state: $0.optionalString("state"), networkRegion: $0.string("network_region"), asn: $0.int64("asn"))
        }
    }

    /// The id and metro of the exchange with that name.
    public static func find(_ db: any DatabaseConnection, name: String) throws -> (id: Int64, metro: String)? {
        try db.queryFirst("SELECT id, metro FROM internet_exchanges WHERE name = ?", name) { ($0.int64("id"), $0.string("metro")) }
    }

    static let unfinished = "provisioning_status NOT IN ('CANCELLED', 'DECOMMISSIONED', 'FAILED')"

    /// Whether a port already has an unfinished IX service on that exchange.
    public static func isOnPort(_ db: any DatabaseConnection, portId: Int64, exchangeId: Int64) throws -> Bool {
        try db.queryFirst("SELECT 1 AS found FROM services WHERE product_type = 'IX' AND a_end_service_id = ? AND ix_id = ? AND \(unfinished)",
                          portId, exchangeId, map: { _ in true }) != nil
    }

    /// Whether a MAC address is used by an unfinished IX service on that exchange.
    public static func macInUse(_ db: any DatabaseConnection, exchangeId: Int64, mac: String) throws -> Bool {
        try db.queryFirst("SELECT 1 AS found FROM services WHERE product_type = 'IX' AND ix_id = ? AND mac_address = ? AND \(unfinished)",
                          exchangeId, mac, map: { _ in true }) != nil
    }

    /// Inserts an IX service on a port; returns its id.
    public static func insert(_ db: any DatabaseConnection, name: String, companyId: Int64, status: ProvisioningStatus, portId: Int64,
                              rateLimit: Int, exchangeId: Int64, asn: Int64, mac: String, createdBy: Int64?, now: Int64) throws -> Int64 {
        try db.insertReturningId("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, a_end_service_id, rate_limit, ix_id, asn,
                mac_address, create_date, created_by, provision_date)
            VALUES (?, 'IX', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, Tokens.newTimeOrderedUUID(now: now), name, companyId, status.rawValue, portId, rateLimit, exchangeId, asn, mac, now, createdBy,
            status == .configured ? now : nil)
    }
}

extension ExchangeRepository {
    /// An exchange with the networks its members peer on.
    public struct Listed: Sendable {
        public let exchange: InternetExchange
        public let ipv4: String?
        public let ipv6: String?
    }

    /// Every exchange, by name.
    public static func all(_ db: any DatabaseConnection) throws -> [Listed] {
        try db.query("""
            SELECT id, name, description, metro, state, network_region, asn, ipv4_primary, ipv6_primary
            FROM internet_exchanges ORDER BY name
            """) {
            Listed(exchange: InternetExchange(id: $0.int64("id"), name: $0.string("name"), description: $0.string("description"),
                                              metro: $0.string("metro"), state: $0.optionalString("state"),
                                              networkRegion: $0.string("network_region"), asn: $0.int64("asn")),
                   ipv4: $0.optionalString("ipv4_primary"), ipv6: $0.optionalString("ipv6_primary"))
        }
    }
}
