import JSON
import TestSupport
import Testing

/// /health, the locations endpoints and the error policy, as a user sees them.
@Suite struct EndpointTests {
    @Test func healthNeedsNoToken() async throws {
        let world = try await APIWorld.shared.value
        let response = try await world.request("GET", "/health")
        #expect(response.status == 200)
        #expect(try APIWorld.json(response) == ["status": "ok", "database": "ok", "node": "local"], "the node's name, for several nodes")
        let head = try await world.request("HEAD", "/health")
        #expect(head.status == 200 && head.body.isEmpty && head.header("Content-Length") == "46")
    }

    /// A newcomer's wrong turns: a 404 names the method and path and the closest route; a 401 says how
    /// to get a token; `/` says where to start.
    @Test func errorsPointTheWay() async throws {
        let world = try await APIWorld.shared.value
        for (path, near) in [("/v2/location", "/v2/locations"), ("/secure/dropdown/locations", "/secure/dropdowns/locations"),
                             ("/v3/logout", "/v2/logout"), ("/secure/technicalservices/7", "/secure/technicalservice/7")] {
            let response = try await world.call("GET", path, as: "admin@acme.example")
            let body = try APIWorld.json(response)
            #expect(response.status == 404 && body["data"]?["suggestion"] == .string(near), "\(path): \(body)")
            #expect(body["message"] == .string("no route for GET \(path); did you mean \(near)? (every route is listed at /openapi.json)"))
        }
        let far = try APIWorld.json(try await world.request("GET", "/nothing/like/this"))
        #expect(far["message"] == "no route for GET /nothing/like/this (every route is listed at /openapi.json)" && far["data"]?["suggestion"] == nil)
        let anonymous = try APIWorld.json(try await world.request("GET", "/secure/dropdowns/locations"))
        if case .string(let message)? = anonymous["message"] {
            #expect(message.contains("POST /v2/login") && message.contains("megaport-server demo"), "\(message)")
        } else { Issue.record("no message: \(anonymous)") }
        let index = try await world.request("GET", "/")
        let start = try APIWorld.json(index)
        #expect(index.status == 200 && start["documentation"] != nil)
    }

    @Test func theLocationsDropdownIsTheLegacyArrayShape() async throws {
        let world = try await APIWorld.shared.value
        let token = try #require(world.tokens["admin@acme.example"])
        let response = try await world.request("GET", "/secure/dropdowns/locations?token=\(token)")
        guard case .array(let rows) = try APIWorld.json(response) else { Issue.record("not an array"); return }
        #expect(rows.count >= 40)
        #expect(rows.contains([3, "Global Switch Sydney", "NSW", "AU"]), "the blog's example row")
        var previous: Int64 = 0
        for row in rows {
            guard case .array(let fields) = row, fields.count == 4, case .int(let id) = fields[0], case .string = fields[1],
                  case .string(let country) = fields[3] else { Issue.record("bad row \(row)"); continue }
            #expect(id > previous, "ordered by id")
            #expect(country.count == 2)
            previous = id
        }
    }

    @Test func v2LocationsUseTheEnvelopeAndFullObjects() async throws {
        let world = try await APIWorld.shared.value
        let token = try #require(world.tokens["admin@acme.example"])
        let body = try APIWorld.json(try await world.request("GET", "/v2/locations", headers: ["X-Auth-Token": token]))
        #expect(body["terms"] == "This data is subject to the Acceptable Use Policy https://www.megaport.com/legal/acceptable-use-policy")
        guard case .array(let locations)? = body["data"] else { Issue.record("no data"); return }
        #expect(locations.count >= 40)
        let sydney = try #require(locations.first { $0["id"] == 3 })
        #expect(sydney["metro"] == "Sydney" && sydney["country"] == "Australia" && sydney["market"] == "AU")
        #expect(sydney["address"]?["city"] == "Sydney")
        #expect(sydney["products"]?["megaport"] == [1, 10, 100])
        #expect(sydney["status"] == "Active")
        let filtered = try APIWorld.json(try await world.request("GET", "/v2/locations?metro=Sydney", headers: ["X-Auth-Token": token]))
        guard case .array(let sydneyOnly)? = filtered["data"] else { Issue.record("no data"); return }
        #expect(!sydneyOnly.isEmpty && sydneyOnly.allSatisfy { $0["metro"] == "Sydney" })
    }

    @Test func unknownPathsAndWrongMethodsUseTheErrorEnvelope() async throws {
        let world = try await APIWorld.shared.value
        let missing = try await world.request("GET", "/secure/nothing-here")
        let missingCode = try APIWorld.json(missing)["data"]?["code"]
        #expect(missing.status == 404 && missingCode == "not_found")
        let wrong = try await world.request("DELETE", "/health")
        #expect(wrong.status == 405 && wrong.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(try APIWorld.json(wrong)["data"]?["code"] == "method_not_allowed")
    }

    @Test func framingErrorsAlsoGetTheEnvelopeAndClose() async throws {
        let world = try await APIWorld.shared.value
        let client = try RawClient(port: world.server.port)
        await client.send("POST /v2/login HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello")
        let (bytes, closed) = await client.readUntilClose()
        let response = try #require(TestResponse.parseAll(bytes).responses.first)
        #expect(closed && response.status == 400 && response.header("Connection") == "close")
        let body = try APIWorld.json(response)
        #expect(body["data"]?["code"] == "malformed_request" && body["terms"] != nil)
        #expect(body["data"]?["traceId"] == .string(response.header("Trace-Id")))
    }

    @Test func theLogHasOneLinePerRequestAndNoSecrets() async throws {
        let world = try await APIWorld.shared.value
        let token = try await world.app.auth.issueToken(email: "techcontact@acme.example")
        let response = try await world.request("GET", "/secure/dropdowns/locations?token=\(token)")
        _ = try await world.request("POST", "/v2/login?username=techcontact@acme.example&password=megaport-demo")
        let traceId = try #require(response.header("Trace-Id"))
        let log = try world.logText()
        let line = try #require(log.split(separator: "\n").first { $0.contains(traceId) })
        let entry = try JSONParser.parse(String(line))
        #expect(entry["path"] == "/secure/dropdowns/locations" && entry["status"] == 200)
        #expect(entry["route"] == "/secure/dropdowns/locations" && entry["method"] == "GET")
        #expect(entry["companyId"] != .null && entry["userId"] != .null)
        #expect(entry["level"] == "info" && entry["msg"] == "request")
        if case .string(let remote)? = entry["remote"] { #expect(remote.hasPrefix("127.0.0.1:")) } else { Issue.record("remote") }
        if case .int(let micros)? = entry["durationMicros"] { #expect(micros >= 0) } else { Issue.record("durationMicros") }
        if case .string(let time)? = entry["time"] {
            #expect(time.utf8.count == 24 && time.hasPrefix("20") && time.hasSuffix("Z") && Array(time.utf8)[10] == UInt8(ascii: "T"), "\(time)")
        } else { Issue.record("time") }
        let open = try #require(log.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
            .first { $0["path"] == "/v2/login" })
        #expect(open["companyId"] == .null && open["userId"] == .null && open["route"] == "/v2/login", "no identity: null ids")
        #expect(!log.contains(token), "tokens never reach the log")
        #expect(!log.contains("megaport-demo"), "passwords never reach the log")
    }
}
