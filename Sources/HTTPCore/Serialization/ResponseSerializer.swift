/// Writes a response as the bytes of one `send` (status line, fields and content together).
public enum ResponseSerializer {
    /// Serializes a response.
    /// - Parameters:
    ///   - date: the cached IMF-fixdate for the `Date` field (RFC 9110 §6.6.1).
    ///   - keepAlive: false adds `Connection: close` (RFC 9112 §9.6).
    ///   - requestVersion: an HTTP/1.0 client that keeps the connection gets `Connection: keep-alive` (§9.3).
    ///   - omitBody: HEAD — the fields, including the `Content-Length` of the GET, without content (RFC 9110 §9.3.2).
    public static func serialize(_ response: HTTPResponse, date: String, keepAlive: Bool,
                                 requestVersion: HTTPVersion = .http11, omitBody: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + response.body.count + response.headers.count * 32)
        let status = response.status
        // RFC 9110 §6.2: the status line carries the server's own version.
        out.append(literal: "HTTP/1.1 ")
        out.append(decimal: status.code)
        out.append(UInt8(ascii: " "))
        out.append(utf8: status.reason)
        out.append(literal: "\r\n")
        for field in response.headers {
            out.append(utf8: field.name)
            out.append(literal: ": ")
            out.append(utf8: field.value)
            out.append(literal: "\r\n")
        }
        // RFC 9110 §8.6: no Content-Length on 1xx or 204.
        if status.code >= 200 && status.code != 204 {
            out.append(literal: "Content-Length: ")
            out.append(decimal: status.forbidsBody ? 0 : response.body.count)
            out.append(literal: "\r\n")
        }
        if status.code >= 200 {
            out.append(literal: "Date: ")
            out.append(utf8: date)
            out.append(literal: "\r\n")
            if !keepAlive {
                out.append(literal: "Connection: close\r\n")
            } else if requestVersion == .http10 {
                out.append(literal: "Connection: keep-alive\r\n")
            }
        }
        out.append(literal: "\r\n")
        if !omitBody && !status.forbidsBody { out.append(contentsOf: response.body) }
        return out
    }

    /// `HTTP/1.1 100 Continue` (RFC 9110 §15.2.1).
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}

/// Appending text to a byte buffer without going through a `String` per piece: literals are copied
/// straight from the binary, strings from their UTF-8 storage, numbers digit by digit. The response head
/// and the access line are written this way for every request (string interpolation allocated a
/// `String` per number, and appending a `String.UTF8View` went through a generic copy per piece).
extension Array where Element == UInt8 {
    /// Appends a literal's bytes.
    @inlinable
    public mutating func append(literal text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }  // a pointer to the binary, or one scalar
    }

    /// Appends a string's UTF-8 bytes.
    @inlinable
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a whole number in decimal.
    public mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, on the stack
        Swift.withUnsafeMutableBytes(of: &digits) { raw in
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index...]))
        }
    }
}
