import Domain
import HTTPCore
import JSON
import Storage

/// `GET /health` (no auth): the server answers and the database can be read.
struct HealthController {
    let db: Database

    func health(_ request: HTTPRequest) async -> HTTPResponse {
        let ok = (try? await db.read { try $0.queryFirst("SELECT 1") { $0.int(0) } }) == 1
        if ok { return Self.healthy }
        return Envelope.json(["status": "degraded", "database": "unavailable"], status: .serviceUnavailable)
    }

    /// Encoded once: the hot path writes no JSON.
    static let healthy = Envelope.json(["status": "ok", "database": "ok"])
}
