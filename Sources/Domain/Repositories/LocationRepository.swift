import Storage

/// SQL for locations and their interface inventory.
public enum LocationRepository {
    /// Every location with installed and currently free port speeds, ordered by id.
    public static func all(_ db: SQLiteConnection) throws -> [Location] {
        let speeds = try db.query("""
            SELECT i.location_id, i.speed, SUM(s.id IS NULL)
            FROM interfaces i LEFT JOIN services s ON s.interface_id = i.id
            GROUP BY i.location_id, i.speed ORDER BY i.location_id, i.speed
            """) { ($0.int64(0), $0.int(1), $0.int(2)) }
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
            let id = row.int64(0)
            return Location(id: id, name: row.string(1), siteCode: row.string(2), metro: row.string(3),
                            state: row.optionalString(4), country: row.string(5), countryName: row.string(6),
                            market: row.string(7), networkRegion: row.string(8), status: row.string(9),
                            street: row.string(10), suburb: row.optionalString(11), city: row.string(12),
                            postcode: row.optionalString(13), latitude: row.double(14), longitude: row.double(15),
                            liveDate: row.int64(16), portSpeeds: installed[id] ?? [], availableSpeeds: free[id] ?? [])
        }
    }

    /// Whether a location exists.
    static func exists(_ db: SQLiteConnection, id: Int64) throws -> Bool {
        try db.queryFirst("SELECT 1 FROM locations WHERE id = ?", id) { _ in true } ?? false
    }
}
