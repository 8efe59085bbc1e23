import Glibc
import HTTPServer
import JSON

/// The per-request log line, written straight into bytes: no `JSONObject`, no `String` per field.
/// The access line is built for every response, so its cost is part of every request's (it was 17%
/// of a `GET /health` profile when it went through `JSONObject` and Foundation's `contains`).
enum AccessLine {
    /// `{"time":…,"level":"info","msg":"request","traceId":…,"method":…,"route":…,"path":…,"status":…,
    /// "durationMicros":…,"companyId":…,"userId":…,"remote":…}` and a newline, appended to `out`.
    static func append(_ record: AccessRecord, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"time":""#.utf8)
        appendTimestamp(to: &out)
        out.append(contentsOf: #"","level":"info","msg":"request","traceId":"#.utf8)
        JSONWriter.writeString(record.traceId, into: &out)
        out.append(contentsOf: #","method":"#.utf8)
        appendOptional(record.method?.rawValue, to: &out)
        out.append(contentsOf: #","route":"#.utf8)
        appendOptional(record.route, to: &out)
        out.append(contentsOf: #","path":"#.utf8)
        appendOptional(record.path.map(redacted), to: &out)
        out.append(contentsOf: #","status":"#.utf8)
        appendDecimal(Int64(record.status), to: &out)
        out.append(contentsOf: #","durationMicros":"#.utf8)
        appendDecimal(Int64(record.durationMicros), to: &out)
        out.append(contentsOf: #","companyId":"#.utf8)
        appendOptional(record.identity?.companyId, to: &out)
        out.append(contentsOf: #","userId":"#.utf8)
        appendOptional(record.identity?.userId, to: &out)
        out.append(contentsOf: #","remote":"#.utf8)
        JSONWriter.writeString(record.remoteAddress, into: &out)
        out.append(contentsOf: "}\n".utf8)
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
        func digits(_ value: Int32, _ width: Int) {
            var divisor: Int32 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(tm.tm_year + 1900, 4); out.append(UInt8(ascii: "-")); digits(tm.tm_mon + 1, 2); out.append(UInt8(ascii: "-"))
        digits(tm.tm_mday, 2); out.append(UInt8(ascii: "T")); digits(tm.tm_hour, 2); out.append(UInt8(ascii: ":"))
        digits(tm.tm_min, 2); out.append(UInt8(ascii: ":")); digits(tm.tm_sec, 2); out.append(UInt8(ascii: "."))
        digits(Int32(ts.tv_nsec / 1_000_000), 3); out.append(UInt8(ascii: "Z"))
    }

    private static func appendOptional(_ value: String?, to out: inout [UInt8]) {
        if let value { JSONWriter.writeString(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    private static func appendOptional(_ value: Int64?, to out: inout [UInt8]) {
        if let value { appendDecimal(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    private static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)  // a small string: no allocation
    }
}
