import Foundation

/// An email as RFC 5322 text: `Date`, `From`, `To`, `Subject`, a stable `Message-ID`, MIME headers,
/// and a body whose lines stay within 78 characters (RFC 5322 §2.1.1). Non-ASCII subjects are
/// encoded words (RFC 2047); a non-ASCII body is base64.
public struct SMTPMessage: Sendable {
    public let from: String
    public let to: String
    public let subject: String
    public let body: String
    public let messageId: String
    /// Epoch milliseconds: the outbox row's creation, so every retry carries the same Date.
    public let date: Int64
    /// Extra header fields (e.g. `X-Megaport-Event`).
    public let extraHeaders: [(String, String)]

    public init(from: String, to: String, subject: String, body: String, messageId: String, date: Int64,
                extraHeaders: [(String, String)] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageId = messageId
        self.date = date
        self.extraHeaders = extraHeaders
    }

    /// The header fields in the order they are sent, unfolded.
    public var headerFields: [(String, String)] {
        let ascii = body.unicodeScalars.allSatisfy { $0.isASCII }
        return [
            ("Date", Self.rfc5322Date(date)), ("From", from), ("To", "<\(to)>"), ("Subject", Self.encodedWords(subject)),
            ("Message-ID", messageId), ("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", ascii ? "7bit" : "base64"),
        ] + extraHeaders
    }

    /// The message text with CRLF line endings (not yet dot-stuffed).
    public func rendered() -> String {
        let ascii = body.unicodeScalars.allSatisfy { $0.isASCII }
        let headers = headerFields.map { "\($0.0): \($0.1)" }
        // RFC 5322 §2.2.3: long header fields are folded at white space.
        var lines = headers.flatMap { Self.wrap($0, width: 76).enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element } }
        lines.append("")
        if ascii {
            lines += body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { Self.wrap(String($0), width: 76) }
        } else {
            let encoded = Data(body.utf8).base64EncodedString()
            lines += stride(from: 0, to: encoded.count, by: 76).map { offset in
                let start = encoded.index(encoded.startIndex, offsetBy: offset)
                return String(encoded[start..<(encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `Mon, 23 Nov 2026 06:55:00 +0000` (RFC 5322 §3.3).
    static func rfc5322Date(_ millis: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// The text itself when ASCII without control characters, else `=?UTF-8?B?...?=` words of at most
    /// 75 characters each (RFC 2047 §2), split between whole characters and separated by spaces.
    static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if chunk.utf8.count + character.utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        words.append(chunk)
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: " ")
    }

    /// Breaks a line at spaces so no piece exceeds `width` (a longer word is cut).
    static func wrap(_ line: String, width: Int) -> [String] {
        var out: [String] = []
        var rest = Substring(line)
        while rest.count > width {
            let window = rest.prefix(width + 1)
            let cut = window.lastIndex(of: " ").map { rest.distance(from: rest.startIndex, to: $0) } ?? width
            let piece = rest.prefix(cut == 0 ? width : cut)
            out.append(String(piece))
            rest = rest.dropFirst(piece.count)
            if rest.first == " " { rest = rest.dropFirst() }
        }
        out.append(String(rest))
        return out
    }
}
