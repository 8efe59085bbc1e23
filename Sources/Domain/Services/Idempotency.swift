import Model
import Persistence
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

/// A creating call's outcome: a new result (with the response stored for it, when a key was sent, so
/// the caller sends those very bytes instead of encoding again), or the stored response of an earlier
/// identical request.
public enum Idempotent<Result: Sendable>: Sendable {
    case fresh(Result, stored: (status: Int, body: [UInt8])?)
    case replay(status: Int, body: [UInt8])
}

/// Runs a creating write so that its response is stored in the **same transaction** as what it
/// creates: a repeat (after a time-out or a dropped connection) finds it and creates nothing, even if
/// the first request is still running — the writer serializes them.
enum IdempotentWrite {
    /// How long a key is remembered.
    static let lifetime: Int64 = 24 * 3_600_000

    static func run<Result: Sendable>(_ db: any DatabaseWriter, _ request: IdempotencyRequest<Result>?,
                                      _ body: @escaping @Sendable (any DatabaseConnection, Int64) throws -> Result) async throws -> Idempotent<Result> {
        try await db.write { conn in
            let now = Now.millis()
            if let request, let stored = try IdempotencyRepository.find(conn, userId: request.userId, key: request.key, since: now - lifetime) {
                guard stored.method == request.method, stored.path == request.path, stored.requestDigest == request.requestDigest else {
                    throw DomainError.conflict(code: "idempotency_key_reused",
                                               message: "Idempotency-Key \(request.key) was used for a different request")
                }
                return .replay(status: stored.status, body: stored.body)
            }
            let result = try body(conn, now)
            guard let request else { return .fresh(result, stored: nil) }
            let (status, bytes) = request.encode(result)
            try IdempotencyRepository.store(conn, userId: request.userId, key: request.key, method: request.method, path: request.path,
                                            requestDigest: request.requestDigest, status: status, body: bytes, now: now)
            return .fresh(result, stored: (status, bytes))
        }
    }
}
