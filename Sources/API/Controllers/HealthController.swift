import Domain
import HTTPCore
import JSON
import Storage
import Synchronization

/// `GET /health` (no auth): the server answers and the database can be read.
///
/// The database answer is at most one second old: under load, one request a second reads the database
/// and the others reuse its result, so a load balancer polling `/health` costs no thread hand-off.
struct HealthController {
    let db: Database
    let probe = Probe()

    func health(_ request: HTTPRequest) async -> HTTPResponse {
        let ok: Bool
        if let recent = probe.recent() {
            ok = recent
        } else {
            ok = (try? await db.read { try $0.queryFirst("SELECT count(*) FROM sqlite_schema") { $0.int(0) } }) != nil
            probe.record(ok)
        }
        if ok { return Self.healthy }
        return Envelope.json(["status": "degraded", "database": "unavailable"], status: .serviceUnavailable)
    }

    /// Encoded once: the hot path writes no JSON.
    static let healthy = Envelope.json(["status": "ok", "database": "ok"])

    /// The last database check and when it ran.
    final class Probe: Sendable {
        private let last = Mutex<(at: ContinuousClock.Instant, ok: Bool)?>(nil)
        private static let maxAge = Duration.seconds(1)

        func recent() -> Bool? {
            last.withLock { last in last.flatMap { ContinuousClock.now - $0.at < Self.maxAge ? $0.ok : nil } }
        }

        func record(_ ok: Bool) { last.withLock { $0 = (ContinuousClock.now, ok) } }
    }
}
