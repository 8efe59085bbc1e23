import Domain
import HTTPCore
import JSON

/// `GET /health` (no auth): the server answers and the database can be read, with the node's name.
struct HealthController {
    let operations: OperationsService
    /// Encoded once: the hot path writes no JSON.
    let healthy: HTTPResponse
    let degraded: HTTPResponse

    init(operations: OperationsService, node: String) {
        self.operations = operations
        healthy = Envelope.json(["status": "ok", "database": "ok", "node": .string(node)])
        degraded = Envelope.json(["status": "degraded", "database": "unavailable", "node": .string(node)], status: .serviceUnavailable)
    }

    func health(_ request: HTTPRequest) async -> HTTPResponse {
        await operations.isDatabaseReachable() ? healthy : degraded
    }
}
