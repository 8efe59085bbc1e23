import HTTPCore

/// Who made a request, as far as the server needs to know for logging. The API layer's session type
/// conforms; handlers cast back to it.
public protocol Identity: Sendable {
    /// The authenticated user's id.
    var userId: Int64 { get }
    /// The user's company id.
    var companyId: Int64 { get }
}

/// Per-request state that travels through middleware and handlers (passed `inout`, so what an inner
/// layer learns — the route, the identity — is visible to the access log afterwards).
public struct RequestContext: Sendable {
    /// A unique id for this request, sent as `Trace-Id` and written in the log line.
    public let traceId: String
    /// The peer address, `ip:port`.
    public let remoteAddress: String
    /// Values of `:name` segments of the matched route.
    public var parameters: [String: String] = [:]
    /// The matched route template, e.g. `/secure/technicalservice/:id` (nil when none matched).
    public var route: String?
    /// The authenticated identity, once middleware has established it.
    public var identity: (any Identity)?

    /// A context for one request.
    public init(traceId: String, remoteAddress: String) {
        self.traceId = traceId
        self.remoteAddress = remoteAddress
    }
}
