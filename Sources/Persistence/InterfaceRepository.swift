import Model
import Storage

/// SQL for physical interface inventory and its allocation to ports.
public enum InterfaceRepository {
    /// The speeds a port (and so an interface) can have.
    public static let speeds = [1000, 10000, 100000]

    /// Adds `count` interfaces, numbered after the existing ones at that location and speed.
    public static func add(_ db: any DatabaseConnection, locationId: Int64, speed: Int, count: Int, now: Int64) throws {
        let site = try db.queryFirst("SELECT upper(site_code) AS code FROM locations WHERE id = ?", locationId) { $0.string("code") } ?? "LOC"
        let existing = try db.queryFirst("SELECT count(*) AS n FROM interfaces WHERE location_id = ? AND speed = ?",
                                         locationId, speed) { $0.int("n") } ?? 0
        let label = speed >= 1000 ? "\(speed / 1000)G" : "\(speed)M"
        for n in 1...count {
            try db.execute("INSERT INTO interfaces (location_id, speed, name, create_date) VALUES (?, ?, ?, ?)",
                           locationId, speed, "\(site)-\(label)-\(pad(existing + n))", now)
        }
    }

    /// A free interface of that speed at that location (lowest id first), or nil: one probe of the
    /// partial index of free interfaces (`in_use`, kept by triggers on `services`; Schema/0015).
    public static func freeInterface(_ db: any DatabaseConnection, locationId: Int64, speed: Int) throws -> Int64? {
        try db.queryFirst("""
            SELECT id FROM interfaces WHERE location_id = ? AND speed = ? AND in_use = 0 ORDER BY id LIMIT 1
            """, locationId, speed) { $0.int64("id") }
    }

    /// Gives free interfaces to ports waiting at that location and speed, first come first served.
    /// - Returns: the ids of the ports that were allocated.
    public static func allocateWaiting(_ db: any DatabaseConnection, locationId: Int64, speed: Int, now: Int64) throws -> [Int64] {
        let waiting = try db.query("""
            SELECT id FROM services
            WHERE location_id = ? AND speed = ? AND provisioning_status = 'PROVISIONING' AND interface_id IS NULL
              AND product_type IN ('MEGAPORT', 'MEGADIRECT')
            ORDER BY id
            """, locationId, speed) { $0.int64("id") }
        var allocated: [Int64] = []
        for port in waiting {
            guard let interface = try freeInterface(db, locationId: locationId, speed: speed) else { break }
            try db.execute("""
                UPDATE services SET interface_id = ?, provisioning_status = 'CONFIGURED', provision_date = ? WHERE id = ?
                """, interface, now, port)
            // IXs ordered with the port waited for it; they are configured with it.
            try db.execute("""
                UPDATE services SET provisioning_status = 'CONFIGURED', provision_date = ?
                WHERE product_type = 'IX' AND a_end_service_id = ? AND provisioning_status = 'PROVISIONING'
                """, now, port)
            allocated.append(port)
        }
        return allocated
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
