import Storage

/// SQL for stored responses of creating requests sent with an `Idempotency-Key`.
public enum IdempotencyRepository {
    /// A response stored for a key, with what identified its request.
    public struct Stored: Sendable {
        public let method: String
        public let path: String
        public let requestDigest: String
        public let status: Int
        public let body: [UInt8]
    }

    /// The response a user stored under a key since `since`, if any.
    public static func find(_ db: any DatabaseConnection, userId: Int64, key: String, since: Int64) throws -> Stored? {
        try db.queryFirst("""
            SELECT method, path, request_hash, status, response_body FROM idempotency_keys
            WHERE user_id = ? AND key = ? AND create_date > ?
            """, userId, key, since) {
            Stored(method: $0.string("method"), path: $0.string("path"), requestDigest: $0.string("request_hash"),
                   status: $0.int("status"), body: $0.blob("response_body"))
        }
    }

    /// Stores (or replaces an expired) response under a key.
    public static func store(_ db: any DatabaseConnection, userId: Int64, key: String, method: String, path: String,
                             requestDigest: String, status: Int, body: [UInt8], now: Int64) throws {
        try db.execute("""
            INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status, response_body, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, key) DO UPDATE SET method = excluded.method, path = excluded.path,
                request_hash = excluded.request_hash, status = excluded.status,
                response_body = excluded.response_body, create_date = excluded.create_date
            """, userId, key, method, path, requestDigest, status, DatabaseValue.blob(body), now)
    }
}
