import HTTPCore
import JSON

/// An error with a status, a stable code and a message a person can act on. Thrown by routing and
/// by API code; rendered into the error envelope by the server's `ErrorRenderer`.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    /// The response status.
    public var status: HTTPStatus
    /// A machine-readable code, e.g. `not_found`, `vlan_unavailable`.
    public var code: String
    /// What went wrong, in words.
    public var message: String
    /// Extra response fields (e.g. `Allow`, `Retry-After`).
    public var headers: HTTPHeaders
    /// Extra members for the envelope's `data` (field errors, suggestions).
    public var details: JSONObject

    /// An error value.
    public init(_ status: HTTPStatus, code: String, message: String, headers: HTTPHeaders = HTTPHeaders(),
                details: JSONObject = JSONObject()) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.details = details
    }

    public var description: String { "\(status.code) \(code): \(message)" }

}

/// Turns an error status, code and message into the product's error response (the envelope and
/// `Trace-Id` are the API layer's choice; the server only calls this).
public typealias ErrorRenderer = @Sendable (HTTPError, _ traceId: String) -> HTTPResponse
