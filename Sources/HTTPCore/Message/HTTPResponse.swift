/// A response: status, header fields and a body buffered in full (a JSON API knows its length).
public struct HTTPResponse: Sendable {
    /// The status line's code and reason.
    public var status: HTTPStatus
    /// Header fields; `Content-Length`, `Date` and `Connection` are written by the serializer.
    public var headers: HTTPHeaders
    /// The content, sent with `Content-Length` framing (RFC 9112 §6.1 — never chunked).
    public var body: [UInt8]

    /// A response value.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response with `Content-Type: application/json` (RFC 8259 §11).
    public static func json(_ status: HTTPStatus = .ok, _ body: [UInt8], headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        var headers = headers
        headers.add("Content-Type", "application/json")
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
