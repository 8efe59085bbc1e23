import Dispatch
import Glibc
import HTTPServer
import JSON
import Synchronization

/// Structured logs: one JSON object per line on standard output. Nothing secret is ever passed in:
/// paths are logged without their query, so `?token=` never reaches a log.
///
/// Request lines are collected and written together — when 32 KiB have gathered, 20 ms after the
/// first of them, before any other line (so lines keep their order) and on `flush()` — instead of one
/// `write` per request. Every other line (start-up, shutdown, errors) is written at once.
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
    /// Request lines not yet written, and whether a timed flush is scheduled.
    private let pending = Mutex<(bytes: [UInt8], scheduled: Bool)>(([], false))
    private static let flushBytes = 32 * 1024
    private static let flushDelay = DispatchTimeInterval.milliseconds(20)

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

    /// The per-request line: time, traceId, method, route, path, status, duration, ids (`AccessLine`).
    public func access(_ record: AccessRecord) {
        guard level <= .info else { return }
        let schedule = pending.withLock { pending -> Bool in
            AccessLine.append(record, to: &pending.bytes)  // straight into the batch: no array per line
            if pending.bytes.count >= Self.flushBytes {
                write(pending.bytes)
                pending.bytes.removeAll(keepingCapacity: true)
                return false
            }
            defer { pending.scheduled = true }
            return !pending.scheduled
        }
        if schedule { DispatchQueue.global().asyncAfter(deadline: .now() + Self.flushDelay) { self.flush() } }
    }

    /// Writes the request lines gathered so far.
    public func flush() {
        pending.withLock { pending in
            write(pending.bytes)
            pending.bytes.removeAll(keepingCapacity: true)
            pending.scheduled = false
        }
    }

    /// Writes the gathered request lines and then this line, in one `write`.
    private func emit(_ object: JSONObject) {
        var line = JSONWriter.bytes(.object(object))
        line.append(0x0A)
        pending.withLock { pending in
            pending.bytes.append(contentsOf: line)
            write(pending.bytes)
            pending.bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Writes all of `bytes`, however many calls that takes.
    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }

    /// `2026-11-23T06:31:02.123Z`.
    static func timestamp() -> String {
        var bytes: [UInt8] = []
        AccessLine.appendTimestamp(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
