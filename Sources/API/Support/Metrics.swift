import Domain
import HTTPServer
import Storage
import Synchronization

/// Counters the server updates per request and renders as Prometheus text at `/metrics`.
final class Metrics: Sendable {
    private struct Key: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private struct State {
        var requests: [Key: UInt64] = [:]
        var latency = Histogram()
    }

    private let state = Mutex(State())
    /// Set once the server exists: its open-connection count.
    let connections = Mutex<(@Sendable () -> Int)?>(nil)

    /// Records one answered request (called from the access-log hook).
    func observe(_ record: AccessRecord) {
        let key = Key(method: record.method?.rawValue ?? "-", route: record.route ?? "unmatched", status: record.status)
        state.withLock {
            $0.requests[key, default: 0] += 1
            $0.latency.observe(Double(record.durationMicros) / 1_000_000)
        }
    }

    /// The exposition text, with gauges read from the database now.
    func render(_ db: Database) async throws -> String {
        let (requests, latency) = state.withLock { ($0.requests, $0.latency) }
        let open = connections.withLock { $0 }?() ?? 0
        let commits = await db.writer.transactionDurations
        let now = Now.millis()
        let gauges = try await db.read { conn in
            let outbox = try conn.queryFirst("""
                SELECT count(*) FILTER (WHERE state = 'PENDING'), count(*) FILTER (WHERE state = 'FAILED'),
                       min(create_date) FILTER (WHERE state = 'PENDING') FROM outbox
                """) { ($0.int(0), $0.int(1), $0.optionalInt64(2)) } ?? (0, 0, nil)
            let queue = try conn.query("""
                SELECT 'PROVISIONING', count(*) FROM services WHERE provisioning_status = 'PROVISIONING'
                UNION ALL SELECT 'CONFIGURED', count(*) FROM services WHERE provisioning_status = 'CONFIGURED'
                UNION ALL SELECT 'PENDING_APPROVAL', count(*) FROM approvals WHERE status = 'PENDING'
                """) { ($0.string(0), $0.int(1)) }
            return (outbox, queue)
        }
        var lines = [
            "# HELP megaport_http_requests_total Requests answered, by method, route template and status.",
            "# TYPE megaport_http_requests_total counter",
        ]
        lines += requests.map { key, count in
            "megaport_http_requests_total{method=\"\(key.method)\",route=\"\(key.route)\",status=\"\(key.status)\"} \(count)"
        }.sorted()
        lines += ["# HELP megaport_http_request_duration_seconds From a complete request to its serialized response.",
                  "# TYPE megaport_http_request_duration_seconds histogram"]
        lines += latency.lines("megaport_http_request_duration_seconds")
        lines += ["# HELP megaport_open_connections Client connections open now.", "# TYPE megaport_open_connections gauge",
                  "megaport_open_connections \(open)",
                  "# HELP megaport_outbox_messages Emails in the outbox by state.", "# TYPE megaport_outbox_messages gauge",
                  "megaport_outbox_messages{state=\"PENDING\"} \(gauges.0.0)", "megaport_outbox_messages{state=\"FAILED\"} \(gauges.0.1)",
                  "# HELP megaport_outbox_oldest_pending_age_seconds Age of the oldest undelivered email (0 when none).",
                  "# TYPE megaport_outbox_oldest_pending_age_seconds gauge",
                  "megaport_outbox_oldest_pending_age_seconds \(Double(gauges.0.2.map { now - $0 } ?? 0) / 1000)",
                  "# HELP megaport_provisioning_queue Services waiting for capacity or LIVE, and pending approvals.",
                  "# TYPE megaport_provisioning_queue gauge"]
        lines += gauges.1.map { "megaport_provisioning_queue{state=\"\($0.0)\"} \($0.1)" }
        lines += ["# HELP megaport_db_commit_duration_seconds Write transactions, BEGIN to COMMIT.",
                  "# TYPE megaport_db_commit_duration_seconds histogram"]
        lines += commits.lines("megaport_db_commit_duration_seconds")
        return lines.joined(separator: "\n") + "\n"
    }
}
