/// A complete request: head, decoded target and the whole (de-chunked) body.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request-target exactly as received (RFC 9112 §3.2).
    public var target: String
    /// The decoded target: path segments and query items.
    public var uri: RequestTarget
    /// The protocol version of the request line.
    public var version: HTTPVersion
    /// Header fields in arrival order (trailer fields are discarded, RFC 9112 §7.1.2).
    public var headers: HTTPHeaders
    /// The message content after transfer decoding.
    public var body: [UInt8]

    /// A request value, as the parser or a test builds it.
    public init(method: HTTPMethod, target: String, uri: RequestTarget, version: HTTPVersion,
                headers: HTTPHeaders, body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.uri = uri
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// Whether the connection may stay open after this request (RFC 9112 §9.3).
    public var keepAlive: Bool {
        if headers.containsToken("close", in: "Connection") { return false }
        return version == .http11 || headers.containsToken("keep-alive", in: "Connection")
    }
}
