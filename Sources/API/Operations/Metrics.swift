import Domain
import HTTPServer
import Synchronization

/// Counters the server updates per request and renders as Prometheus text at `/metrics`, every series
/// labelled with the node (`node="…"`), so several nodes behind one load balancer read apart.
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
    /// The node label's value.
    let node: String

    init(node: String) { self.node = node }
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
    func render(_ operations: OperationsService) async throws -> String {
        let (requests, latency) = state.withLock { ($0.requests, $0.latency) }
        let open = connections.withLock { $0 }?() ?? 0
        let now = Now.millis()
        let gauges = try await operations.gauges()
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
                  "megaport_outbox_messages{state=\"PENDING\"} \(gauges.outboxPending)", "megaport_outbox_messages{state=\"FAILED\"} \(gauges.outboxFailed)",
                  "# HELP megaport_outbox_oldest_pending_age_seconds Age of the oldest undelivered email (0 when none).",
                  "# TYPE megaport_outbox_oldest_pending_age_seconds gauge",
                  "megaport_outbox_oldest_pending_age_seconds \(Double(gauges.oldestPendingEmail.map { now - $0 } ?? 0) / 1000)",
                  "# HELP megaport_provisioning_queue Services waiting for capacity or LIVE, and pending approvals.",
                  "# TYPE megaport_provisioning_queue gauge"]
        lines += [("PROVISIONING", gauges.provisioning), ("CONFIGURED", gauges.configured), ("PENDING_APPROVAL", gauges.pendingApprovals)]
            .map { "megaport_provisioning_queue{state=\"\($0.0)\"} \($0.1)" }
        lines += ["# HELP megaport_db_commit_duration_seconds Write transactions, BEGIN to COMMIT.",
                  "# TYPE megaport_db_commit_duration_seconds histogram"]
        lines += gauges.commitDurations.lines("megaport_db_commit_duration_seconds")
        return lines.map(labelled).joined(separator: "\n") + "\n"
    }

    /// A sample line with the node label first; comment lines as they are.
    func labelled(_ line: String) -> String {
        guard !line.hasPrefix("#"), let end = line.firstIndex(where: { $0 == "{" || $0 == " " }) else { return line }
        let label = "node=\"\(node)\""
        return line[end] == "{" ? line[..<end] + "{" + label + "," + line[line.index(after: end)...]
            : line[..<end] + "{" + label + "}" + line[end...]
    }
}
