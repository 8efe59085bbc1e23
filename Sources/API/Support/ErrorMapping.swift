import Domain
import HTTPCore
import HTTPServer
import JSON

/// The one place where errors become HTTP: domain errors, storage failures and malformed JSON map to
/// statuses and codes here. `render` writes the legacy error envelope (the legacy and operations
/// surfaces, and the server's own 400/404/405/408/413… before any route is chosen).
public enum ErrorMapping {
    /// Maps any error to an `HTTPError`. Unknown errors become a generic 500 — no SQL, no arguments.
    public static func httpError(from error: any Error) -> HTTPError {
        switch error {
        case let error as HTTPError: return error
        case let error as DomainError: return map(error)
        case let error as StorageError: return map(error)
        case let error as JSONParser.Failure:
            return HTTPError(.badRequest, code: "malformed_json", message: "request body is not valid JSON: \(error)")
        default:
            return HTTPError(.internalServerError, code: "internal_error", message: "internal error; quote the trace id")
        }
    }

    /// What every 401 adds.
    static let howToGetAToken = "get a token with POST /v2/login (username and password), or run 'megaport-server demo' for the demo users' tokens"

    static func map(_ error: DomainError) -> HTTPError {
        switch error {
        case .notFound(let message):
            return HTTPError(.notFound, code: "not_found", message: message)
        case .unauthenticated(let message):
            // RFC 9110 §15.5.2: a 401 carries a challenge.
            return HTTPError(.unauthorized, code: "unauthorized", message: message + "; " + Self.howToGetAToken,
                             headers: HTTPHeaders([("WWW-Authenticate", "Bearer realm=\"megaport\"")]))
        case .forbidden(let code, let message):
            return HTTPError(.forbidden, code: code, message: message)
        case .invalid(let fields):
            let errors = JSONValue.array(fields.map { ["field": .string($0.field), "message": .string($0.message)] })
            return HTTPError(.unprocessableContent, code: "validation_failed",
                             message: fields.map { "\($0.field) \($0.message)" }.joined(separator: "; "),
                             details: ["errors": errors])
        case .conflict(let code, let message):
            return HTTPError(.conflict, code: code, message: message)
        case .unprocessable(let code, let field, let message):
            return HTTPError(.unprocessableContent, code: code, message: "\(field) \(message)",
                             details: ["errors": [["field": .string(field), "message": .string(message)]]])
        case .accountSetupIncomplete(let missing):
            return HTTPError(.forbidden, code: "account_setup_incomplete",
                             message: "set \(missing.joined(separator: ", ")) before ordering (support contacts and billing market)",
                             details: ["missing": .array(missing.map { .string($0) })])
        case .vlanUnavailable(let field, let vlan, let port, let suggestions):
            let message = "VLAN \(vlan) not available on MEGAPORT service \(port)"
            return HTTPError(.conflict, code: "vlan_unavailable", message: message,
                             details: ["errors": [["field": .string(field), "message": .string(message)]],
                                       "suggestions": .array(suggestions.map { .int($0) })])
        case .rateLimited(let seconds):
            return HTTPError(.tooManyRequests, code: "rate_limited", message: "too many requests; retry in \(seconds) s",
                             headers: HTTPHeaders([("Retry-After", String(seconds))]))
        }
    }

    static func map(_ error: StorageError) -> HTTPError {
        let retry = HTTPHeaders([("Retry-After", "1")])
        switch error.kind {
        case .busy, .serialization:
            return HTTPError(.serviceUnavailable, code: "database_busy", message: "the database is busy; retry shortly", headers: retry)
        case .full:
            return HTTPError(.serviceUnavailable, code: "storage_full", message: "storage is full; nothing was changed", headers: retry)
        case .readOnly, .unavailable:
            return HTTPError(.serviceUnavailable, code: "storage_unavailable", message: "storage is unavailable; nothing was changed",
                             headers: retry)
        case .constraint:
            return HTTPError(.conflict, code: "conflict", message: "the request conflicts with existing data")
        case .other:
            return HTTPError(.internalServerError, code: "internal_error", message: "internal error; quote the trace id")
        }
    }

    /// Writes the error envelope: `{"message", "terms", "data": {"code", "traceId", …details}}`.
    public static func render(_ error: HTTPError, traceId: String) -> HTTPResponse {
        var data: JSONObject = ["code": .string(error.code), "traceId": .string(traceId)]
        for member in error.details.members { data[member.key] = member.value }
        let body: JSONValue = ["message": .string(error.message), "terms": .string(Envelope.terms), "data": .object(data)]
        var headers = error.headers
        headers.add("Content-Type", "application/json")
        return HTTPResponse(status: error.status, headers: headers, body: JSONWriter.bytes(body))
    }
}
