import Glibc
import HTTPCore
import HTTPServer
import JSON

/// The per-request log line, written straight into bytes: no `JSONObject`, no `String` per field.
/// The access line is built for every response, so its cost is part of every request's (it was 17%
/// of a `GET /health` profile when it went through `JSONObject` and Foundation's `contains`).
enum AccessLine {
    /// `{"time":…,"level":"info","msg":"request","traceId":…,"method":…,"route":…,"path":…,"status":…,
    /// "durationMicros":…,"companyId":…,"userId":…,"remote":…}` and a newline, appended to `out`.
    static func append(_ record: AccessRecord, to out: inout [UInt8]) {
        out.append(literal: #"{"time":""#)
        appendTimestamp(to: &out)
        out.append(literal: #"","level":"info","msg":"request","traceId":"#)
        JSONWriter.writeString(record.traceId, into: &out)
        out.append(literal: #","method":"#)
        appendOptional(record.method?.rawValue, to: &out)
        out.append(literal: #","route":"#)
        appendOptional(record.route, to: &out)
        out.append(literal: #","path":"#)
        appendOptional(record.path.map(redacted), to: &out)
        out.append(literal: #","status":"#)
        out.append(decimal: record.status)
        out.append(literal: #","durationMicros":"#)
        out.append(decimal: record.durationMicros)
        out.append(literal: #","companyId":"#)
        appendOptional(record.identity?.companyId, to: &out)
        out.append(literal: #","userId":"#)
        appendOptional(record.identity?.userId, to: &out)
        out.append(literal: #","remote":"#)
        JSONWriter.writeString(record.remoteAddress, into: &out)
        out.append(literal: "}\n")
    }

    /// The path with secrets taken out: the segment after `logout` is a token (`/v2/logout/{token}`),
    /// written as `<redacted>` whether or not a route matched. Queries are never logged.
    static func redacted(_ path: String) -> String {
        guard path.utf8.count >= 8, path.utf8.indices.contains(where: { path.utf8[$0...].starts(with: "/logout/".utf8) })
        else { return path }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for index in segments.indices.dropLast() where segments[index] == "logout" && !segments[index + 1].isEmpty {
            segments[index + 1] = "<redacted>"
        }
        return segments.joined(separator: "/")
    }

    /// `2026-11-23T06:31:02.123Z`, digit by digit.
    static func appendTimestamp(to out: inout [UInt8]) {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var tm = tm()
        var seconds = ts.tv_sec
        gmtime_r(&seconds, &tm)
        func two(_ value: Int32) {
            out.append(UInt8(ascii: "0") + UInt8(value / 10))
            out.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        let year = tm.tm_year + 1900, millis = Int32(ts.tv_nsec / 1_000_000)
        two(year / 100); two(year % 100); out.append(UInt8(ascii: "-"))
        two(tm.tm_mon + 1); out.append(UInt8(ascii: "-")); two(tm.tm_mday); out.append(UInt8(ascii: "T"))
        two(tm.tm_hour); out.append(UInt8(ascii: ":")); two(tm.tm_min); out.append(UInt8(ascii: ":")); two(tm.tm_sec)
        out.append(UInt8(ascii: ".")); two(millis / 10); out.append(UInt8(ascii: "0") + UInt8(millis % 10)); out.append(UInt8(ascii: "Z"))
    }

    private static func appendOptional(_ value: String?, to out: inout [UInt8]) {
        if let value { JSONWriter.writeString(value, into: &out) } else { out.append(literal: "null") }
    }

    private static func appendOptional(_ value: Int64?, to out: inout [UInt8]) {
        if let value { out.append(decimal: Int(value)) } else { out.append(literal: "null") }
    }
}
