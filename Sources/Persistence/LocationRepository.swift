import Model
import Storage

/// SQL for locations and their interface inventory.
public enum LocationRepository {
    /// Every location with installed and currently free port speeds, ordered by id.
    public static func all(_ db: any DatabaseConnection) throws -> [Location] {
        let speeds = try db.query("""
            SELECT i.location_id, i.speed, sum(CASE WHEN s.id IS NULL THEN 1 ELSE 0 END) AS free
            FROM interfaces i LEFT JOIN services s ON s.interface_id = i.id
            GROUP BY i.location_id, i.speed ORDER BY i.location_id, i.speed
            """) { ($0.int64("location_id"), $0.int("speed"), $0.int("free")) }
        var installed: [Int64: [Int]] = [:]
        var free: [Int64: [Int]] = [:]
        for (location, speed, freeCount) in speeds {
            installed[location, default: []].append(speed)
            if freeCount > 0 { free[location, default: []].append(speed) }
        }
        return try db.query("""
            SELECT id, name, site_code, metro, state, country, country_name, market, network_region, status,
                   street, suburb, city, postcode, latitude, longitude, live_date
            FROM locations ORDER BY id
            """) { row in
            let id = row.int64("id")
            return Location(id: id, name: row.string("name"), siteCode: row.string("site_code"), metro: row.string("metro"),
                            state: row.optionalString("state"), country: row.string("country"), countryName: row.string("country_name"),
                            market: row.string("market"), networkRegion: row.string("network_region"), status: row.string("status"),
                            street: row.string("street"), suburb: row.optionalString("suburb"), city: row.string("city"),
                            postcode: row.optionalString("postcode"), latitude: row.double("latitude"), longitude: row.double("longitude"),
                            liveDate: row.int64("live_date"), portSpeeds: installed[id] ?? [], availableSpeeds: free[id] ?? [])
        }
    }

    /// Whether a location exists.
    public static func exists(_ db: any DatabaseConnection, id: Int64) throws -> Bool {
        try db.queryFirst("SELECT 1 AS found FROM locations WHERE id = ?", id) { _ in true } ?? false
    }

    /// A location's status (`Active`, …), or nil when there is no such location.
    public static func status(_ db: any DatabaseConnection, id: Int64) throws -> String? {
        try db.queryFirst("SELECT status FROM locations WHERE id = ?", id) { $0.string("status") }
    }
}
