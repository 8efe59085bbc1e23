import API
import JSON
import TestSupport
import Testing

/// Issue 8: the OpenAPI document is true to the router and to live responses; metrics are exposed.
@Suite struct OperabilityTests {
    @Test func everyRouteIsDocumentedAndNothingElse() async throws {
        let world = try await APIWorld.shared.value
        let (status, doc) = try await world.callJSON("GET", "/openapi.json", as: "readonly@acme.example")
        #expect(status == 200 && doc["openapi"] == "3.1.0")
        guard case .object(let paths)? = doc["paths"] else { Issue.record("no paths"); return }
        var documented = Set<String>()
        for path in paths.members {
            guard case .object(let item) = path.value else { continue }
            for operation in item.members { documented.insert("\(operation.key.uppercased()) \(path.key)") }
        }
        let routed = Set(world.apiRoutes.map { route in
            "\(route.method.rawValue) " + route.template.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        })
        #expect(routed.subtracting(documented).isEmpty, "routes missing from the document: \(routed.subtracting(documented))")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed))")
        #expect(doc["components"]?["securitySchemes"]?["token"]?["in"] == "query")
    }

    /// Open routes are marked on the route itself; the document says the same of each (no security).
    @Test func openRoutesAreMarkedOnTheRouteAsTheDocumentSays() async throws {
        let world = try await APIWorld.shared.value
        let (_, doc) = try await world.callJSON("GET", "/openapi.json", as: "readonly@acme.example")
        for route in world.apiRoutes {
            let path = route.template.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            let security = doc["paths"]?[path]?[route.method.rawValue.lowercased()]?["security"]
            #expect((security == .array([])) == !route.options.authenticated, "\(route.method.rawValue) \(route.template)")
        }
        #expect(Set(world.apiRoutes.filter { !$0.options.authenticated }.map(\.template)).sorted()
                == ["/", "/health", "/metrics", "/oauth2/token", "/openapi.json", "/v2/login", "/v2/login/:token", "/v2/logout/:token", "/v2/networkRegions", "/v3/locations"])
    }

    @Test func liveResponsesMatchTheirSchemas() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (_, doc) = try await world.callJSON("GET", "/openapi.json", as: "admin@acme.example")
        let validator = SchemaValidator(components: doc["components"]?["schemas"] ?? .null)
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let aws = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])
        let (_, key) = try await world.callJSON("POST", "/secure/servicekeys", as: "admin@betacloud.example", json: #"{"productId": \#(beta)}"#)
        let calls: [(String, String, String, String?, String, Int)] = [
            ("GET", "/health", "admin@acme.example", nil, "/health", 200),
            ("GET", "/secure/dropdowns/locations", "admin@acme.example", nil, "/secure/dropdowns/locations", 200),
            ("GET", "/v2/locations", "admin@acme.example", nil, "/v2/locations", 200),
            ("GET", "/secure/dropdowns/ix?locationId=3", "admin@acme.example", nil, "/secure/dropdowns/ix", 200),
            ("POST", "/secure/ecommerce/megaport/order", "admin@acme.example", Blog.portOrder(companyId: world.companies["Acme Networks"]!), "/secure/ecommerce/megaport/order", 200),
            ("POST", "/secure/ecommerce/vxc/order", "admin@acme.example", Blog.vxcOrder(payer: acme, nonPayer: aws), "/secure/ecommerce/vxc/order", 200),
            ("POST", "/secure/ecommerce/vxc/order", "admin@acme.example", Blog.vxc(acme, beta, aVlan: 77), "/secure/ecommerce/vxc/order", 200),
            ("POST", "/secure/ecommerce/vxc/order", "admin@acme.example", Blog.vxc(acme, beta, aVlan: 77), "/secure/ecommerce/vxc/order", 409),
            ("GET", "/secure/technicalservice/\(acme)", "admin@acme.example", nil, "/secure/technicalservice/{id}", 200),
            ("GET", "/secure/approvals", "admin@betacloud.example", nil, "/secure/approvals", 200),
            ("GET", "/secure/notifications/preferences", "admin@acme.example", nil, "/secure/notifications/preferences", 200),
            ("GET", "/secure/notifications/outbox", "admin@acme.example", nil, "/secure/notifications/outbox", 200),
            ("GET", "/secure/markets", "admin@acme.example", nil, "/secure/markets", 200),
            ("GET", "/secure/company/contacts", "admin@acme.example", nil, "/secure/company/contacts", 200),
            ("GET", "/secure/company/users", "admin@acme.example", nil, "/secure/company/users", 200),
            ("GET", "/secure/marketplace", "admin@acme.example", nil, "/secure/marketplace", 200),
            ("GET", "/secure/servicekeys", "admin@betacloud.example", nil, "/secure/servicekeys", 200),
            ("POST", "/v2/login", "admin@acme.example", #"{"username": "admin@acme.example", "password": "megaport-demo"}"#, "/v2/login", 200),
            ("GET", "/secure/company/users", "readonly@acme.example", nil, "/secure/company/users", 403),
            ("GET", "/secure/technicalservice/99999", "admin@acme.example", nil, "/secure/technicalservice/{id}", 404),
        ]
        #expect(key["key"] != nil)
        for (method, target, email, body, template, expected) in calls {
            let (status, json) = try await world.callJSON(method, target, as: email, json: body)
            #expect(status == expected, "\(method) \(target): \(status)")
            let response = doc["paths"]?[template]?[method.lowercased()]?["responses"]?[String(status)]
            var schema = response?["content"]?["application/json"]?["schema"]
            if schema == nil, case .string(let ref)? = response?["$ref"] {
                schema = doc["components"]?["responses"]?[String(ref.split(separator: "/").last!)]?["content"]?["application/json"]?["schema"]
            }
            guard let schema else { Issue.record("\(method) \(template) documents no \(status)"); continue }
            let problems = validator.problems(json, schema)
            #expect(problems.isEmpty, "\(method) \(target) → \(status): \(problems.prefix(5))")
        }
    }

    @Test func metricsExposeRequestsConnectionsOutboxAndCommits() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        for _ in 0..<3 { _ = try await world.request("GET", "/health") }
        _ = try await ApprovalTests.request(world)
        let response = try await world.request("GET", "/metrics")
        #expect(response.status == 200 && response.header("Content-Type")?.hasPrefix("text/plain") == true)
        let text = response.text
        #expect(text.contains(#"megaport_http_requests_total{node="local",method="GET",route="/health",status="200"} 3"#))
        #expect(text.contains(#"megaport_http_requests_total{node="local",method="POST",route="/secure/ecommerce/vxc/order",status="200"} 1"#))
        #expect(text.contains("# TYPE megaport_http_request_duration_seconds histogram"))
        #expect(text.contains(#"megaport_http_request_duration_seconds_bucket{node="local",le="+Inf"}"#))
        // The earlier requests' connections close just after their answers; wait for that, not for time.
        var open = text
        for _ in 0..<100 where !open.contains(#"megaport_open_connections{node="local"} 1"#) {
            try await Task.sleep(for: .milliseconds(20))
            open = try await world.request("GET", "/metrics").text
        }
        #expect(open.contains(#"megaport_open_connections{node="local"} 1"#), "the scrape's own connection")
        #expect(text.contains(#"megaport_outbox_messages{node="local",state="PENDING"} 5"#), "no relay: the five request emails wait")
        #expect(text.contains(#"megaport_provisioning_queue{node="local",state="PENDING_APPROVAL"} 1"#))
        #expect(text.contains("megaport_db_commit_duration_seconds_count"))
        let unmatched = try await world.request("GET", "/no/such/path")
        #expect(unmatched.status == 404)
        #expect(try await world.request("GET", "/metrics").text.contains(#"route="unmatched",status="404""#), "unknown paths share one label")
    }
}

@Suite struct SchemaValidatorTests {
    @Test func theValidatorCatchesWrongShapes() async throws {
        let world = try await APIWorld.shared.value
        let (_, doc) = try await world.callJSON("GET", "/openapi.json", as: "readonly@acme.example")
        let validator = SchemaValidator(components: doc["components"]?["schemas"] ?? .null)
        let health: JSONValue = ["$ref": "#/components/schemas/Health"]
        #expect(validator.problems(["status": "ok", "database": "ok", "node": "a"], health).isEmpty)
        #expect(!validator.problems(["status": "fine", "database": "ok", "node": "a"], health).isEmpty, "enum")
        #expect(!validator.problems(["status": "ok"], health).isEmpty, "required")
        #expect(!validator.problems(["status": "ok", "database": 1], health).isEmpty, "type")
        let receipt: JSONValue = ["$ref": "#/components/schemas/Receipt"]
        #expect(!validator.problems(["OK", "x"], receipt).isEmpty, "minItems")
    }
}
