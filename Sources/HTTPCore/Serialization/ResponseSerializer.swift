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
