import Domain
import HTTPCore
import HTTPServer

/// The `Idempotency-Key` header of a creating POST (API.md §1), turned into a domain request that
/// stores the response it gets and replays it for 24 hours.
enum IdempotencyKey {
    static func request<R: Sendable>(_ http: HTTPRequest, _ session: Session,
                                     encode: @escaping @Sendable (R) -> HTTPResponse) throws -> IdempotencyRequest<R>? {
        guard let key = http.headers["Idempotency-Key"] else { return nil }
        guard (1...255).contains(key.utf8.count) else {
            throw HTTPError(.badRequest, code: "invalid_idempotency_key", message: "Idempotency-Key must be 1 to 255 characters")
        }
        return IdempotencyRequest(userId: session.userId, key: key, method: http.method.rawValue, path: http.uri.path, body: http.body) {
            let response = encode($0)
            return (response.status.code, response.body)
        }
    }

    /// The response for a fresh result (the bytes stored for its key when there is one: encoded once) or
    /// a replayed one (marked `Idempotent-Replayed: true`).
    static func response<R: Sendable>(_ outcome: Idempotent<R>, encode: (R) -> HTTPResponse) -> HTTPResponse {
        switch outcome {
        case .fresh(_, let stored?): return .json(status(stored.status), stored.body)
        case .fresh(let result, nil): return encode(result)
        case .replay(let status, let body):
            return .json(Self.status(status), body, headers: HTTPHeaders([("Idempotent-Replayed", "true")]))
        }
    }

    static func status(_ code: Int) -> HTTPStatus { HTTPStatus(code, code == 200 ? "OK" : "Accepted") }
}
