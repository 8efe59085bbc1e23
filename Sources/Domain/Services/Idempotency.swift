import Storage

/// An `Idempotency-Key` on a creating request (API.md §1), with how to store the response it gets.
public struct IdempotencyRequest<Result: Sendable>: Sendable {
    public let userId: Int64
    public let key: String
    public let method: String
    public let path: String
    /// SHA-256 of the request body.
    public let requestDigest: String
    /// Renders the result as the response that a repeat will get.
    public let encode: @Sendable (Result) -> (status: Int, body: [UInt8])

    public init(userId: Int64, key: String, method: String, path: String, body: [UInt8],
                encode: @escaping @Sendable (Result) -> (status: Int, body: [UInt8])) {
        self.userId = userId
        self.key = key
        self.method = method
        self.path = path
        self.requestDigest = Tokens.digest(bytes: body)
        self.encode = encode
    }
}

/// A creating call's outcome: a new result, or the stored response of an earlier identical request.
public enum Idempotent<Result: Sendable>: Sendable {
    case fresh(Result)
    case replay(status: Int, body: [UInt8])
}

/// Runs a creating write so that its response is stored in the **same transaction** as what it
/// creates: a repeat (after a time-out or a dropped connection) finds it and creates nothing, even if
/// the first request is still running — the writer serializes them.
enum IdempotentWrite {
    /// How long a key is remembered.
    static let lifetime: Int64 = 24 * 3_600_000

    static func run<Result: Sendable>(_ db: Database, _ request: IdempotencyRequest<Result>?,
                                      _ body: @escaping @Sendable (SQLiteConnection, Int64) throws -> Result) async throws -> Idempotent<Result> {
        try await db.write { conn in
            let now = Now.millis()
            if let request, let stored = try conn.queryFirst("""
                SELECT method, path, request_hash, status, response_body FROM idempotency_keys
                WHERE user_id = ? AND key = ? AND create_date > ?
                """, request.userId, request.key, now - lifetime, map: { ($0.string(0), $0.string(1), $0.string(2), $0.int(3), $0.blob(4)) }) {
                guard stored.0 == request.method, stored.1 == request.path, stored.2 == request.requestDigest else {
                    throw DomainError.conflict(code: "idempotency_key_reused",
                                               message: "Idempotency-Key \(request.key) was used for a different request")
                }
                return .replay(status: stored.3, body: stored.4)
            }
            let result = try body(conn, now)
            if let request {
                let (status, bytes) = request.encode(result)
                try conn.execute("""
                    INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status, response_body, create_date)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (user_id, key) DO UPDATE SET method = excluded.method, path = excluded.path,
                        request_hash = excluded.request_hash, status = excluded.status,
                        response_body = excluded.response_body, create_date = excluded.create_date
                    """, request.userId, request.key, request.method, request.path, request.requestDigest, status,
                    SQLiteValue.blob(bytes), now)
            }
            return .fresh(result)
        }
    }
}
