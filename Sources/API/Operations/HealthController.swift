import Domain
import HTTPCore
import JSON

/// `GET /health` (no auth): the server answers and the database can be read.
struct HealthController {
    let operations: OperationsService

    func health(_ request: HTTPRequest) async -> HTTPResponse {
        if await operations.isDatabaseReachable() { return Self.healthy }
        return Envelope.json(["status": "degraded", "database": "unavailable"], status: .serviceUnavailable)
    }

    /// Encoded once: the hot path writes no JSON.
    static let healthy = Envelope.json(["status": "ok", "database": "ok"])
}
