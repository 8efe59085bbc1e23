import Domain
import Foundation
import HTTPCore
import HTTPServer
import JSON

/// `/v2/service/key` as the Go SDK, the Terraform provider and megaLib call it: `key` in the query or,
/// from the Go SDK, inside an escaped path (`/v2/service/key%3Fkey=K`); `validFor` times in seconds,
/// milliseconds or ISO 8601; the upper-case `ValidFor` twin ignored (keys match case-sensitively);
/// `active` and `preApproved` false unless sent; a PUT changes only what it sends.
struct V2ServiceKeyController {
    let keys: ServiceKeyService

    static func json(_ view: ServiceKeyView) -> JSONValue {
        guard case .object(var object) = ServiceKeyController.json(view) else { return nil }
        object["promoCode"] = .null
        return .object(object)
    }

    /// A `validFor` time: epoch milliseconds, epoch seconds (below 10^11), or ISO 8601.
    static func time(_ body: JSONBody, _ key: String) throws -> Int64? {
        if let text = body.string(key), Identifier.parse(text) == nil {
            guard let millis = CalendarDate.parseDateTime(text) else {
                throw DomainError.invalid("validFor.\(key)", "must be epoch milliseconds, epoch seconds or an ISO 8601 date-time")
            }
            return millis
        }
        return body.int(key).map { $0 < 100_000_000_000 ? $0 * 1000 : $0 }
    }

    static func fields(_ body: JSONBody, creating: Bool) throws -> ServiceKeyFields {
        var f = ServiceKeyController.fields(body, window: false)
        if creating {
            f.active = f.active ?? false
            f.preApproved = f.preApproved ?? false
        }
        if let window = body.object("validFor") {
            f.validFrom = try time(window, "start")
            f.validTo = try time(window, "end")
        }
        return f
    }

    func create(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let fields = try Self.fields(body, creating: true)
        try body.finish()
        guard fields.productIdOrUid != nil else { throw DomainError.invalid("productUid", "is required (or productId)") }
        return Envelope.success("Service key created", data: Self.json(try await keys.create(fields, by: session)))
    }

    /// `GET /v2/service/key?key=K` → one key; without `key`, the list (`?productIdOrUid=` filters).
    func get(_ request: HTTPRequest, key embedded: String?, _ session: Session) async throws -> HTTPResponse {
        let key = embedded ?? request.uri.queryValue("key")
        if let key, !Tokens.looksLikeUUID(key) { throw DomainError.invalid("key", "must be a service key (a UUID)") }
        let product = request.uri.queryValue("productIdOrUid")
        let list = try await keys.list(productIdOrUid: product, key: key, by: session)
        if key != nil {
            guard let found = list.first else { throw DomainError.notFound("service key \(key ?? "") not found") }
            return Envelope.success("Service key", data: Self.json(found))
        }
        return Envelope.success("Found \(list.count) service keys", data: .array(list.map(Self.json)))
    }

    /// The Go SDK's `GET /v2/service/key%3Fkey=K`: the path's last segment decodes to `key?key=K`.
    func getEscaped(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let segment = context.parameters["escaped"] ?? ""
        guard segment.hasPrefix("key?key=") else { throw DomainError.notFound("no route for GET \(request.uri.path)") }
        return try await get(request, key: String(segment.dropFirst("key?key=".count)), session)
    }

    func update(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let key = body.requireString("key")
        let fields = try Self.fields(body, creating: false)
        try body.finish()
        return Envelope.success("Service key updated", data: Self.json(try await keys.update(key: key, fields, by: session)))
    }
}
