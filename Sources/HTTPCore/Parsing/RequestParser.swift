/// An incremental, synchronous HTTP/1.1 request parser (RFC 9112). Feed it whatever bytes arrived;
/// it returns a complete request when one is there and nil when it needs more. It keeps its place,
/// so byte-at-a-time input costs O(n), and every limit trips while bytes arrive.
public struct RequestParser: Sendable {
    enum State: Sendable, Equatable {
        case start(emptyLines: Int)
        case headers
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
    }

    /// The limits in force.
    public let limits: ParserLimits
    var state: State = .start(emptyLines: 0)
    /// Bytes of the current, unterminated line already scanned (so they are not scanned again).
    var scanned = 0
    var head = HeadBuilder()
    var body: [UInt8] = []
    var trailerBytes = 0
    var continueSent = false

    /// A parser with the given limits.
    public init(limits: ParserLimits = ParserLimits()) { self.limits = limits }

    /// True between messages, with no byte of the next one seen: EOF or a timeout here is a clean end.
    public var isIdle: Bool { state == .start(emptyLines: 0) && scanned == 0 }

    /// True while the head is still arriving (the header deadline applies, RFC 9112 §9.5).
    public var isReadingHead: Bool {
        switch state {
        case .start, .headers: true
        default: false
        }
    }

    /// RFC 9110 §10.1.1: the client asked for `100 Continue`, the head is accepted, no body byte has
    /// arrived and none was sent yet. The connection sends the interim response, then `continueWasSent()`.
    public var expectsContinue: Bool { head.expectContinue && !continueSent && !isReadingHead && body.isEmpty }

    /// The head of the request whose body is awaited (empty body), for a check before inviting it.
    public var pendingHead: HTTPRequest? {
        guard !isReadingHead else { return nil }
        return HTTPRequest(method: head.method, target: head.target, uri: head.uri, version: head.version, headers: head.headers)
    }

    /// Records that `100 Continue` went out.
    public mutating func continueWasSent() { continueSent = true }

    /// Parses as far as the buffered bytes allow.
    /// - Returns: the next complete request, or nil when more bytes are needed.
    /// - Throws: `HTTPParseError`; the connection must answer `error.status` and close.
    public mutating func parse(_ buffer: inout ReadBuffer) throws(HTTPParseError) -> HTTPRequest? {
        while true {
            switch state {
            case .start(let emptyLines):
                try checkMethod(buffer)
                guard let line = try nextLine(buffer, limit: limits.maxRequestLine) else { return nil }
                defer { buffer.consume(line.count + 2) }
                if line.isEmpty {
                    // RFC 9112 §2.2: ignore at least one empty line before the request line.
                    guard emptyLines < limits.maxLeadingEmptyLines else { throw .tooManyEmptyLines }
                    state = .start(emptyLines: emptyLines + 1)
                    continue
                }
                try head.parseRequestLine(buffer.bytes[line], limits: limits)
                state = .headers
            case .headers:
                guard let line = try nextLine(buffer, limit: limits.maxHeaderLine) else { return nil }
                head.headerBytes += line.count + 2
                guard head.headerBytes <= limits.maxHeaderBytes else { throw .headerTooLarge }
                let isEnd = line.isEmpty
                if !isEnd { try head.parseFieldLine(buffer.bytes[line], limits: limits) }
                buffer.consume(line.count + 2)
                if isEnd {
                    state = try head.framing(limits: limits)
                    if state == .fixedBody(remaining: 0) { return complete() }
                }
            case .fixedBody(let remaining):
                let take = min(remaining, buffer.readableCount)
                guard take > 0 else { return nil }
                body.append(contentsOf: buffer.bytes[buffer.readerIndex..<buffer.readerIndex + take])
                buffer.consume(take)
                if take == remaining { return complete() }
                state = .fixedBody(remaining: remaining - take)
            case .chunkSize, .chunkData, .chunkDataEnd, .trailers:
                guard try parseChunked(&buffer) else { return nil }
                return complete()
            }
        }
    }

    /// Finishes the current message and resets for the next one on the connection.
    mutating func complete() -> HTTPRequest {
        let request = HTTPRequest(method: head.method, target: head.target, uri: head.uri, version: head.version,
                                  headers: head.headers, body: body)
        state = .start(emptyLines: 0)
        head = HeadBuilder()
        body = []
        trailerBytes = 0
        continueSent = false
        return request
    }

    /// C8/C21: rejects an over-long method or binary garbage before the whole line arrives. It runs
    /// before the line is framed, whether or not the line is complete, so the error for a request
    /// depends only on its bytes and never on how the network split them.
    func checkMethod(_ buffer: ReadBuffer) throws(HTTPParseError) {
        let bytes = buffer.bytes[buffer.readerIndex...]
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x20 || byte == 0x0D || byte == 0x0A { return }  // the line's framing decides the rest
            guard ByteClass.isTokenChar(byte) else { throw .invalidMethod }
            if offset >= limits.maxMethod { throw .methodNotImplemented }
        }
    }
}
