import Domain
import HTTPCore
import HTTPServer
import JSON

/// The Megaport v2/v3/v4 API that current client libraries call. Its errors are
/// `{"message", "terms", "data", "trace_id"}` with `data` a string or null, which those clients parse.
/// Its routes come with the v2 issue; the collection, its renderer and its OpenAPI fragment are here so
/// that they land beside the legacy surface, not inside it.
struct V2Routes: APISurface {
    func render(_ error: HTTPError, traceId: String) -> HTTPResponse {
        var headers = error.headers
        headers.add("Content-Type", "application/json")
        let body: JSONValue = ["message": .string(error.message), "terms": .string(Envelope.terms), "data": .string(error.code),
                               "trace_id": .string(traceId)]
        return HTTPResponse(status: error.status, headers: headers, body: JSONWriter.bytes(body))
    }

    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { [] }

    func register(_ router: inout RouteGroup) {}
}
