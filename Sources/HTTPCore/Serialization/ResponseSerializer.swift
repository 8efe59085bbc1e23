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
        // RFC 9110 §6.2: the status line carries the server's own version.
        out.append(contentsOf: "HTTP/1.1 \(response.status.code) \(response.status.reason)\r\n".utf8)
        for field in response.headers {
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        let status = response.status
        // RFC 9110 §8.6: no Content-Length on 1xx or 204.
        if status.code >= 200 && status.code != 204 {
            out.append(contentsOf: "Content-Length: \(status.forbidsBody ? 0 : response.body.count)\r\n".utf8)
        }
        if status.code >= 200 {
            out.append(contentsOf: "Date: ".utf8)
            out.append(contentsOf: date.utf8)
            out.append(contentsOf: "\r\n".utf8)
            if !keepAlive {
                out.append(contentsOf: "Connection: close\r\n".utf8)
            } else if requestVersion == .http10 {
                out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
            }
        }
        out.append(contentsOf: "\r\n".utf8)
        if !omitBody && !status.forbidsBody { out.append(contentsOf: response.body) }
        return out
    }

    /// `HTTP/1.1 100 Continue` (RFC 9110 §15.2.1).
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
