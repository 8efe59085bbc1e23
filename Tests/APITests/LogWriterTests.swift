import Foundation
import Glibc
import HTTPCore
@testable import HTTPServer
import JSON
import Testing
@testable import API

/// Request lines are gathered and written together; they still reach the file on their own (the timed
/// flush), keep their order with event lines, and a line without a request line parses alike.
@Suite struct LogWriterTests {
    struct Who: Identity { let userId: Int64 = 7; let companyId: Int64 = 3 }

    static func record(_ trace: String, method: HTTPMethod? = .get, path: String? = "/health") -> AccessRecord {
        AccessRecord(traceId: trace, method: method, route: path, path: path, status: 200, durationMicros: 12,
                     identity: method == nil ? nil : Who(), remoteAddress: "127.0.0.1")
    }

    static func lines(_ path: String) -> [JSONValue] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
    }

    /// A writer at `level` to a new file, the file's path, and a way to close and remove it.
    static func logFile(_ level: LogWriter.Level) -> (LogWriter, String, () -> Void) {
        let path = NSTemporaryDirectory() + "log-\(UUID().uuidString).jsonl"
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        return (LogWriter(level: level, fd: fd), path, { close(fd); unlink(path) })
    }

    @Test func requestLinesArriveWithoutAFlushAndInOrder() async throws {
        let (log, path, remove) = Self.logFile(.info)
        defer { remove() }
        log.access(Self.record("t1"))
        log.access(Self.record("t2", method: nil, path: "/v2/logout/secret-token"))
        var written: [JSONValue] = []
        for _ in 0..<1000 where written.count < 2 {  // up to ten seconds on a loaded machine
            try await Task.sleep(for: .milliseconds(10))
            written = Self.lines(path)
        }
        #expect(written.map { $0["traceId"] } == ["t1", "t2"], "the timed flush wrote both lines")
        #expect(written.first?["companyId"] == 3 && written.first?["userId"] == 7 && written.first?["method"] == "GET")
        #expect(written.last?["method"] == .null && written.last?["companyId"] == .null)
        #expect(written.last?["path"] == "/v2/logout/<redacted>", "a token in a logout path is never written")
        log.access(Self.record("t3"))
        log.info("event")
        #expect(Self.lines(path).map { $0["traceId"] ?? $0["msg"] } == ["t1", "t2", "t3", "event"],
                "an event line writes the gathered request lines first")
    }

    @Test func manyRequestLinesAreWrittenWhole() throws {
        let (log, path, remove) = Self.logFile(.info)
        defer { remove() }
        for index in 0..<1_000 { log.access(Self.record("trace-\(index)", path: "/x/\(String(repeating: "é\"", count: index % 7))")) }
        log.flush()
        let written = Self.lines(path)
        #expect(written.count == 1_000 && written.last?["traceId"] == "trace-999")
        #expect(written[6]["path"] == .string("/x/" + String(repeating: "é\"", count: 6)), "escaped and round-tripped")
    }

    @Test func theLineCarriesTheTimeAndTheNumbers() throws {
        let (log, path, remove) = Self.logFile(.info)
        defer { remove() }
        let before = Date()
        log.access(AccessRecord(traceId: "t", method: .post, route: nil, path: "/x", status: 503, durationMicros: 1_234_567,
                                identity: nil, remoteAddress: "::1"))
        log.flush()
        let line = try #require(Self.lines(path).first)
        #expect(line["status"] == 503 && line["durationMicros"] == 1_234_567 && line["route"] == .null)
        guard case .string(let time)? = line["time"] else { Issue.record("no time"); return }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let written = try #require(format.date(from: time), "RFC 3339 with milliseconds: \(time)")
        #expect(time.count == 24 && time.hasSuffix("Z"))
        #expect(written.timeIntervalSince(before) > -0.002 && written.timeIntervalSince(before) < 5, "the time of writing: \(time)")
    }

    @Test func warningLevelWritesNoRequestLines() throws {
        let (log, path, remove) = Self.logFile(.warning)
        defer { remove() }
        log.access(Self.record("t1"))
        log.flush()
        #expect(Self.lines(path).isEmpty)
    }
}
