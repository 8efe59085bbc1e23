import Domain
import HTTPCore
import HTTPServer
import JSON

/// The Megaport v2/v3/v4 API that current client libraries call. Its errors are
/// `{"message", "terms", "data", "trace_id"}` with `data` a string or null, which those clients parse.
/// Field errors and other details ride in extra top-level keys, which those clients ignore. Today it
/// serves machine authentication and reference data; the ordering, product and approval routes follow.
struct V2Routes: APISurface {
    let app: Application

    func render(_ error: HTTPError, traceId: String) -> HTTPResponse {
        var headers = error.headers
        headers.add("Content-Type", "application/json")
        var body: JSONObject = ["message": .string(error.message), "terms": .string(Envelope.terms), "data": .string(error.code),
                                "trace_id": .string(traceId)]
        for member in error.details.members where body[member.key] == nil { body[member.key] = member.value }
        return HTTPResponse(status: error.status, headers: headers, body: JSONWriter.bytes(.object(body)))
    }

    /// The first path segments of this surface, under which duplicate slashes are tolerated: scripts
    /// join a base ending in `/` with a path starting with one (`/v2/product//<uid>`).
    static let pathPrefixes: Set<String> = ["v2", "v3", "v4"]

    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { OA.v2Operations }

    func register(_ router: inout RouteGroup) {
        let keys = ApiKeyController(keys: app.apiKeys)
        router.open(.post, "/oauth2/token", jsonBody: false) { request, context in try await keys.token(request, context) }
        router.session(.post, "/v2/users/apikeys") { request, _, session in try await keys.create(request, session) }
        router.session(.get, "/v2/users/apikeys") { _, _, session in try await keys.list(session) }
        router.session(.delete, "/v2/users/apikeys/:key") { _, context, session in try await keys.revoke(context, session) }

        let reference = ReferenceController(locations: app.locations, marketplace: app.marketplace, orders: app.orders)
        router.open(.get, "/v3/locations") { request, _ in try await reference.locationsV3(request) }
        router.open(.get, "/v2/networkRegions") { _, _ in try await reference.networkRegions() }
        router.session(.get, "/v2/dropdowns/partner/megaports") { request, _, _ in try await reference.partnerMegaports(request) }
        router.session(.get, "/v2/product/ix/types") { request, _, _ in try await reference.ixTypes(request) }
        router.session(.get, "/v2/ixp") { _, _, _ in try await reference.ixp() }

        let products = ProductController(products: app.products)
        router.session(.get, "/v2/products") { request, _, session in try await products.list(request, session) }
        router.session(.get, "/v2/product/:uid") { _, context, session in try await products.get(context, session) }
        router.session(.get, "/v2/product/:uid/tags") { _, context, session in try await products.tags(context, session) }
        router.session(.put, "/v2/product/:uid/tags") { request, context, session in try await products.setTags(request, context, session) }

        let designs = NetworkDesignController(designs: app.designs)
        for version in ["v2", "v3"] {
            router.session(.post, "/\(version)/networkdesign/validate", fields: V2FieldNames.design) { request, _, session in try await designs.validate(request, session) }
        }
        for version in ["v2", "v3", "v4"] {
            router.session(.post, "/\(version)/networkdesign/buy", fields: V2FieldNames.design) { request, _, session in try await designs.buy(request, session) }
        }

        let updates = ProductUpdateController(services: app.lifecycle, products: app.products, approvals: app.approvals)
        router.session(.put, "/v2/product/:uid") { request, context, session in try await updates.any(request, context, session) }
        router.session(.put, "/v2/product/megaport/:uid") { request, context, session in try await updates.port(request, context, session) }
        router.session(.put, "/v2/product/mcr2/:uid") { request, context, session in try await updates.router(request, context, session) }
        router.session(.put, "/v2/product/ix/:uid") { request, context, session in try await updates.ix(request, context, session) }
        for version in ["v2", "v3"] {
            router.session(.put, "/\(version)/product/vxc/:uid") { request, context, session in try await updates.vxc(request, context, session) }
        }

        let lifecycle = LifecycleController(services: app.lifecycle, products: app.products)
        router.session(.post, "/v2/product/:uid/lock") { _, context, session in try await lifecycle.lock(context, session, locked: true) }
        router.session(.delete, "/v2/product/:uid/lock") { _, context, session in try await lifecycle.lock(context, session, locked: false) }
        for version in ["v2", "v3"] {
            router.session(.post, "/\(version)/product/:uid/action/:action") { request, context, session in
                try await lifecycle.action(request, context, session)
            }
        }
        router.session(.get, "/v2/product/port/:uid/vlan") { request, context, session in try await lifecycle.vlan(request, context, session) }

        let orderApprovals = OrderApprovalController(approvals: app.approvals)
        router.session(.get, "/v3/order_approvals") { request, _, session in try await orderApprovals.list(request, session) }
        router.session(.post, "/v3/order_approvals/:uid/:decision") { request, context, session in
            try await orderApprovals.decide(request, context, session)
        }

        let serviceKeys = V2ServiceKeyController(keys: app.serviceKeys)
        router.session(.post, "/v2/service/key", fields: LegacyFieldNames.serviceKeys) { request, _, session in
            try await serviceKeys.create(request, session)
        }
        router.session(.get, "/v2/service/key") { request, _, session in try await serviceKeys.get(request, key: nil, session) }
        router.session(.get, "/v2/service/:escaped") { request, context, session in try await serviceKeys.getEscaped(request, context, session) }
        router.session(.put, "/v2/service/key", fields: LegacyFieldNames.serviceKeys) { request, _, session in
            try await serviceKeys.update(request, session)
        }
    }
}
