import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/secure/technicalservice/{id}`: read, change, speed, cancel (API.md §4–5). Paths take the id or uid.
struct ServiceController {
    let lifecycle: ServiceManagement

    static func id(_ context: RequestContext) -> String { context.parameters["id"] ?? "" }

    func get(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let gzip = Gzip.accepted(by: request)
        return Gzip.response(try await lifecycle.rendered(Self.id(context), by: session, as: gzip ? "legacy+gzip" : "legacy") { view in
            let json = JSONWriter.bytes(ServiceJSON.view(view))
            return gzip ? Gzip.compressedIfLarge(json) : json
        })
    }

    func update(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let changes = ServiceChanges(name: body.string("name") ?? body.string("productName"),
                                     marketplaceVisibility: body.bool("marketplaceVisibility"),
                                     vxcPermitted: body.bool("vxcPermitted") ?? body.bool("vxcpermitted"))
        try body.finish()
        guard changes.name != nil || changes.marketplaceVisibility != nil || changes.vxcPermitted != nil else {
            throw DomainError.invalid("name", "nothing to change: send name, marketplaceVisibility or vxcPermitted")
        }
        return Envelope.json(ServiceJSON.view(try await lifecycle.update(Self.id(context), changes, by: session)))
    }

    func speed(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let speed = body.requireInt("speed")
        try body.finish()
        switch try await lifecycle.changeSpeed(Self.id(context), to: Int(speed), by: session) {
        case .applied(let view): return Envelope.json(ServiceJSON.view(view))
        case .pendingApproval(let view): return Envelope.json(ServiceJSON.view(view), status: .accepted)
        }
    }

    func cancel(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let cascadeText = request.uri.queryValue("cascade") ?? "false"
        guard cascadeText == "true" || cascadeText == "false" else {
            throw HTTPError(.badRequest, code: "wrong_type", message: "cascade must be true or false",
                            details: ["errors": [["field": "cascade", "message": "must be true or false"]]])
        }
        let cascade = cascadeText == "true"
        return Envelope.json(ServiceJSON.view(try await lifecycle.cancel(Self.id(context), cascade: cascade, by: session)))
    }
}
