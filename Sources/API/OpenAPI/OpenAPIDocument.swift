import JSON

/// `GET /openapi.json`: the OpenAPI 3.1 document of every endpoint (kept true by a test that compares
/// it with the router and validates live responses against its schemas).
enum OpenAPIDocument {
    /// `/secure/technicalservice/:id` → `/secure/technicalservice/{id}`.
    static func openAPIPath(_ template: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    static let document: JSONValue = {
        var paths = JSONObject()
        for (method, template, operation) in Surfaces.openAPIOperations {
            let key = openAPIPath(template)
            var item: JSONObject = paths[key].flatMap { if case .object(let o) = $0 { o } else { nil } } ?? JSONObject()
            item[method] = operation
            paths[key] = .object(item)
        }
        var schemas = JSONObject()
        for (name, schema) in OA.schemas + OA.profileSchemas + OA.resellerSchemas { schemas[name] = schema }
        var responses = JSONObject()
        let reasons = [400: "Malformed JSON or a wrong type", 401: "Missing, unknown, expired or revoked token", 403: "Not allowed for this position or account",
                       404: "Not found (or another company's)", 405: "Method not allowed", 413: "Body over the route's size limit",
                       429: "Too many attempts; retry after Retry-After seconds", 409: "Conflicts with current state",
                       415: "Body is not application/json", 422: "Well-formed but breaks a rule", 503: "Database unavailable"]
        for (code, text) in reasons.sorted(by: { $0.key < $1.key }) {
            // A request too malformed to route (400) is answered before any surface is chosen, in the
            // legacy shape; the v2 surface's own errors have the v2 shape.
            let v2: JSONValue = code == 400 ? ["anyOf": [OA.ref("V2Error"), OA.ref("Error")]] : OA.ref("V2Error")
            for (prefix, schema) in [("Error", OA.ref("Error")), ("V2Error", v2)] {
                responses["\(prefix)\(code)"] = ["description": .string(text), "headers": ["Trace-Id": ["schema": OA.string]],
                                                  "content": ["application/json": ["schema": schema]]]
            }
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "megaport-server", "version": "1.0.0",
                     "description": "Ordering backend compatible with the Megaport API: ports, VXCs, IX, approvals, email, accounts. Errors are {message, terms, data: {code, traceId, errors?}} with a Trace-Id header; timestamps are epoch milliseconds; paths take ids or uids; creating POSTs honour Idempotency-Key for 24 h. A reseller's Company or Technical Admin acts for a customer on any authenticated route by adding the customer's authorization key as the X-Authorization-Key header (or an authorizationKey member of a JSON body); large cached answers come gzip-compressed when asked for with Accept-Encoding: gzip."],
            "servers": [["url": "http://127.0.0.1:8080"]],
            "paths": .object(paths),
            "components": [
                "schemas": .object(schemas),
                "responses": .object(responses),
                "securitySchemes": [
                    "token": ["type": "apiKey", "in": "query", "name": "token", "description": "legacy scripts: ?token=<uuid>"],
                    "xAuthToken": ["type": "apiKey", "in": "header", "name": "X-Auth-Token"],
                    "bearer": ["type": "http", "scheme": "bearer"],
                ],
            ],
        ]
    }()

    static let bytes: [UInt8] = JSONWriter.bytes(document)
}
