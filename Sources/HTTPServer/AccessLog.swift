import HTTPCore

/// What the server knows about one answered request, for the per-request log line.
public struct AccessRecord: Sendable {
    /// The request's trace id (also its `Trace-Id` header).
    public let traceId: String
    /// The method, or nil when the request line never parsed.
    public let method: HTTPMethod?
    /// The matched route template, if any.
    public let route: String?
    /// The decoded path without the query, so `?token=` never reaches the log.
    public let path: String?
    /// The response status code.
    public let status: Int
    /// From the complete request to the serialized response, in microseconds.
    public let durationMicros: Int
    /// The authenticated identity, if any.
    public let identity: (any Identity)?
    /// The peer address.
    public let remoteAddress: String
}

/// Receives one record per response (including parser errors and 404s).
public typealias AccessLogger = @Sendable (AccessRecord) -> Void
