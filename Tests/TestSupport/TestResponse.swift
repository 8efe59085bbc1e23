/// A response as a test reads it off the wire.
public struct TestResponse: Sendable, CustomStringConvertible {
    public let status: Int
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    /// The first value of a header (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    public var description: String { "\(status) \(headers.map { "\($0.name): \($0.value)" }) \(text.prefix(200))" }

    /// Splits a byte stream into responses framed by Content-Length (what this server always sends).
    /// `headOnly`: every response answers HEAD; `headFirst`: the first N do. Those carry no body
    /// whatever Content-Length says.
    public static func parseAll(_ bytes: [UInt8], headOnly: Bool = false, headFirst: Int = 0) -> (responses: [TestResponse], rest: Int) {
        var responses: [TestResponse] = []
        var index = 0
        let crlfcrlf: [UInt8] = [13, 10, 13, 10]
        while index < bytes.count {
            guard let headEnd = find(crlfcrlf, in: bytes, from: index) else { break }
            let lines = String(decoding: bytes[index..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
            let statusParts = lines[0].split(separator: " ")
            guard statusParts.count >= 2, let status = Int(statusParts[1]) else { break }
            var headers: [(String, String)] = []
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingSpaces))
            }
            let length = headOnly || responses.count < headFirst || status < 200 || status == 204 ? 0
                : Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0
            let bodyStart = headEnd + 4
            guard bodyStart + length <= bytes.count else { break }
            responses.append(TestResponse(status: status, headers: headers, body: Array(bytes[bodyStart..<bodyStart + length])))
            index = bodyStart + length
        }
        return (responses, index)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }

    /// Splits on a separator string (no Foundation in this target).
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var rest = Substring(self)
        while !rest.isEmpty {
            if rest.hasPrefix(separator) {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(separator.count)
            } else {
                current.append(rest.removeFirst())
            }
        }
        parts.append(current)
        return parts
    }
}
