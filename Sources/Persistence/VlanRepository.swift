import Model
import Storage

/// VLAN use per port (API.md §5): 2–4093 tagged, -1 untagged, unique among active assignments.
public enum VlanRepository {
    public static let range = 2...4093

    /// The VLANs in use on a port.
    static func used(_ db: any DatabaseConnection, portId: Int64) throws -> Set<Int> {
        Set(try db.query("SELECT vlan FROM vlan_assignments WHERE port_id = ? AND active = 1", portId) { $0.int("vlan") })
    }

    /// Whether a VLAN (or -1, untagged) is in use on a port: one probe of `vlan_unique_per_port`.
    public static func isUsed(_ db: any DatabaseConnection, portId: Int64, vlan: Int) throws -> Bool {
        try db.queryFirst("SELECT EXISTS (SELECT 1 FROM vlan_assignments WHERE port_id = ? AND active = 1 AND vlan = ?) AS used",
                          portId, vlan) { $0.bool("used") } ?? false
    }

    /// The lowest free tagged VLAN on a port at or above `from`, or nil when none is left. SQLite walks
    /// `vlan_unique_per_port` from `from` to the first gap; nothing is copied out of the database.
    public static func lowestFree(_ db: any DatabaseConnection, portId: Int64, from: Int = range.lowerBound) throws -> Int? {
        guard from <= range.upperBound else { return nil }
        return try db.queryFirst("""
            SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM vlan_assignments WHERE port_id = ?1 AND active = 1 AND vlan = ?2) THEN ?2
            ELSE (SELECT v.vlan + 1 FROM vlan_assignments v
                  WHERE v.port_id = ?1 AND v.active = 1 AND v.vlan >= ?2 AND v.vlan < ?3
                    AND NOT EXISTS (SELECT 1 FROM vlan_assignments w WHERE w.port_id = ?1 AND w.active = 1 AND w.vlan = v.vlan + 1)
                  ORDER BY v.vlan LIMIT 1) END AS vlan
            """, portId, from, range.upperBound) { $0.optionalInt("vlan") } ?? nil
    }

    /// Up to `count` free VLANs nearest to `near`, for a conflict's `data.suggestions`.
    public static func suggestions(_ db: any DatabaseConnection, portId: Int64, near: Int, count: Int = 5) throws -> [Int] {
        let used = try used(db, portId: portId)
        let anchor = range.contains(near) ? near : range.lowerBound
        var out: [Int] = []
        var step = 1
        while out.count < count && step <= range.count {
            for candidate in [anchor + step, anchor - step] where range.contains(candidate) && !used.contains(candidate) {
                if out.count < count { out.append(candidate) }
            }
            step += 1
        }
        return out.sorted()
    }

    /// Records a VLAN on a port for a service end.
    public static func assign(_ db: any DatabaseConnection, portId: Int64, serviceId: Int64, end: String, vlan: Int) throws {
        try db.execute("""
            INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan) VALUES (?, ?, ?, ?)
            ON CONFLICT (service_id, end_name) DO UPDATE SET port_id = excluded.port_id, vlan = excluded.vlan, active = 1
            """, portId, serviceId, end, vlan)
    }

    /// Frees every VLAN a service holds.
    public static func release(_ db: any DatabaseConnection, serviceId: Int64) throws {
        try db.execute("UPDATE vlan_assignments SET active = 0 WHERE service_id = ?", serviceId)
    }

    /// The VLANs of every unfinished VXC and IX on a port (its `children`), by service, in one query.
    public static func vlansOfChildren(_ db: any DatabaseConnection, portId: Int64) throws -> [Int64: [String: Int]] {
        var out: [Int64: [String: Int]] = [:]
        for (service, end, vlan) in try db.query("""
            SELECT v.service_id, v.end_name, v.vlan FROM services s JOIN vlan_assignments v ON v.service_id = s.id
            WHERE \(ServiceRepository.childCondition)
            """, portId, map: { ($0.int64("service_id"), $0.string("end_name"), $0.int("vlan")) }) {
            out[service, default: [:]][end] = vlan
        }
        return out
    }

    /// The VLAN of each end of a service (`A`, `B`, `IX`), active or not.
    public static func vlans(_ db: any DatabaseConnection, serviceId: Int64) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for (end, vlan) in try db.query("SELECT end_name, vlan FROM vlan_assignments WHERE service_id = ?", serviceId, map: { ($0.string("end_name"), $0.int("vlan")) }) {
            out[end] = vlan
        }
        return out
    }
}

extension VlanRepository {
    /// Frees the VLAN one end of a service holds.
    public static func release(_ db: any DatabaseConnection, serviceId: Int64, end: String) throws {
        try db.execute("UPDATE vlan_assignments SET active = 0 WHERE service_id = ? AND end_name = ?", serviceId, end)
    }
}

extension VlanRepository {
    /// Takes a service's VLANs back (a cancelled service restored).
    public static func reactivate(_ db: any DatabaseConnection, serviceId: Int64) throws {
        try db.execute("UPDATE vlan_assignments SET active = 1 WHERE service_id = ?", serviceId)
    }
}
