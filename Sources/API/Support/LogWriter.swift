import Glibc
import HTTPServer
import JSON

/// Structured logs: one JSON object per line on standard output. Lines are written with one `write`
/// each (atomic for lines under `PIPE_BUF` on a pipe). Nothing secret is ever passed in: paths are
/// logged without their query, so `?token=` never reaches a log.
public final class LogWriter: Sendable {
    /// Severity, lowest first.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug, info, warning, error
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        /// The name used on the command line and in log lines.
        public var name: String { ["debug", "info", "warning", "error"][rawValue] }
    }

    let level: Level
    let fd: Int32

    /// A writer to a file descriptor (standard output by default) at a minimum level.
    public init(level: Level = .info, fd: Int32 = 1) {
        self.level = level
        self.fd = fd
    }

    /// Writes an event line at `level` with extra fields. `always` lines (start-up and shutdown, with
    /// the configuration) are written whatever the minimum level.
    public func log(_ level: Level, _ message: String, _ fields: JSONObject = JSONObject(), always: Bool = false) {
        guard always || level >= self.level else { return }
        var object: JSONObject = ["time": .string(Self.timestamp()), "level": .string(level.name), "msg": .string(message)]
        for member in fields.members { object[member.key] = member.value }
        emit(object)
    }

    /// Writes an event line at `info`.
    public func info(_ message: String, _ fields: JSONObject = JSONObject()) { log(.info, message, fields) }
    /// Writes an event line at `error`.
    public func error(_ message: String, _ fields: JSONObject = JSONObject()) { log(.error, message, fields) }

    /// The per-request line (API.md §11): time, traceId, method, route, path, status, duration, ids.
    public func access(_ record: AccessRecord) {
        guard level <= .info else { return }
        var object: JSONObject = [
            "time": .string(Self.timestamp()), "level": "info", "msg": "request", "traceId": .string(record.traceId),
            "method": .string(record.method?.rawValue), "route": .string(record.route), "path": .string(record.path.map(Self.redacted)),
            "status": .int(record.status), "durationMicros": .int(record.durationMicros),
        ]
        object["companyId"] = .int(record.identity?.companyId)
        object["userId"] = .int(record.identity?.userId)
        object["remote"] = .string(record.remoteAddress)
        emit(object)
    }

    /// The path with secrets taken out: the segment after `logout` is a token (`/v2/logout/{token}`),
    /// written as `<redacted>` whether or not a route matched. Queries are never logged.
    static func redacted(_ path: String) -> String {
        guard path.contains("/logout/") else { return path }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for index in segments.indices.dropLast() where segments[index] == "logout" && !segments[index + 1].isEmpty {
            segments[index + 1] = "<redacted>"
        }
        return segments.joined(separator: "/")
    }

    private func emit(_ object: JSONObject) {
        var line = JSONWriter.bytes(.object(object))
        line.append(0x0A)
        line.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// `2026-11-23T06:31:02.123Z`.
    static func timestamp() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var tm = tm()
        var seconds = ts.tv_sec
        gmtime_r(&seconds, &tm)
        func pad(_ n: Int32, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(tm.tm_year + 1900)-\(pad(tm.tm_mon + 1))-\(pad(tm.tm_mday))T\(pad(tm.tm_hour)):\(pad(tm.tm_min)):"
            + "\(pad(tm.tm_sec)).\(pad(Int32(ts.tv_nsec / 1_000_000), 3))Z"
    }
}
