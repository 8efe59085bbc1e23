import Model
import Storage

/// SQL for what the nodes on one database share beyond the product's data: the session epoch (Schema/0011)
/// and the failed logins the throttle counts.
public enum ClusterStateRepository {
    /// Marks that sessions ended: every node drops its cached sessions when it next looks.
    public static func bumpAuthEpoch(_ db: any DatabaseConnection) throws {
        try db.execute("UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1")
    }

    /// The session epoch now.
    public static func authEpoch(_ db: any DatabaseConnection) throws -> Int64 {
        try db.queryFirst("SELECT epoch FROM auth_epoch WHERE id = 1") { $0.int64("epoch") } ?? 0
    }

    /// Per key: failures after `since`, and the oldest of them.
    public static func failures(_ db: any DatabaseConnection, keys: [String], since: Int64) throws -> [String: (count: Int, oldest: Int64)] {
        var out: [String: (count: Int, oldest: Int64)] = [:]
        for key in keys {
            let row = try db.queryFirst("""
                SELECT count(*) AS n, min(failed_date) AS oldest FROM login_failures WHERE key = ? AND failed_date > ?
                """, key, since) { ($0.int("n"), $0.optionalInt64("oldest")) }
            if let row, row.0 > 0, let oldest = row.1 { out[key] = (row.0, oldest) }
        }
        return out
    }

    /// Records a failure under each key, and forgets failures older than `expiredBy` (of any key).
    public static func recordFailure(_ db: any DatabaseConnection, keys: [String], now: Int64, expiredBy: Int64) throws {
        try db.execute("DELETE FROM login_failures WHERE failed_date <= ?", expiredBy)
        for key in keys { try db.execute("INSERT INTO login_failures (key, failed_date) VALUES (?, ?)", key, now) }
    }

    /// Forgets a key's failures (a successful login clears its account).
    public static func clearFailures(_ db: any DatabaseConnection, key: String) throws {
        try db.execute("DELETE FROM login_failures WHERE key = ?", key)
    }
}
