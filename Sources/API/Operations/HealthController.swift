import Domain
import HTTPCore
import JSON

/// `GET /health` (no auth): the server answers and the database can be read, with the node's name.
struct HealthController {
    let operations: OperationsService
    /// Encoded once: the hot path writes no JSON.
    let healthy: HTTPResponse
    let degraded: HTTPResponse

    /// A sandbox says so (`"sandbox": true`).
    init(operations: OperationsService, node: String, sandbox: Bool) {
        self.operations = operations
        var ok: JSONObject = ["status": "ok", "database": "ok", "node": .string(node)]
        var down: JSONObject = ["status": "degraded", "database": "unavailable", "node": .string(node)]
        if sandbox { (ok["sandbox"], down["sandbox"]) = (true, true) }
        healthy = Envelope.json(.object(ok))
        degraded = Envelope.json(.object(down), status: .serviceUnavailable)
    }

    func health(_ request: HTTPRequest) async -> HTTPResponse {
        await operations.isDatabaseReachable() ? healthy : degraded
    }
}
