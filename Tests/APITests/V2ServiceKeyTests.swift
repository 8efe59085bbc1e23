import JSON
import TestSupport
import Testing

/// Issue 13, service keys on the v2 surface, sent as the Go SDK (Terraform) and megaLib send them.
@Suite struct V2ServiceKeyTests {
    static func send(_ world: APIWorld, _ method: String, _ target: String, _ body: String? = nil) async throws -> (Int, JSONValue) {
        let response = try await world.request(method, target, headers: ["Authorization": "Bearer \(try world.token("admin@betacloud.example"))",
                                                                         "Content-Type": "application/json"], body: body)
        return (response.status, try APIWorld.json(response))
    }

    @Test func createReadAndChangeAsTheClientsDo() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let port = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        // Go: omitted false fields, and the upper-case ValidFor twin beside validFor (RFC 3339 strings).
        let (created, body) = try await Self.send(world, "POST", "/v2/service/key", #"""
            {"productId": \#(port), "singleUse": true, "maxSpeed": 500, "validFor": {"start": 1700000000000, "end": 4102444800000},
             "ValidFor": {"start": "2026-01-01T00:00:00Z", "end": "2099-12-31T00:00:00Z"}}
            """#)
        guard created == 200, case .string(let key)? = body["data"]?["key"] else { Issue.record("\(created) \(body)"); return }
        #expect(body["data"]?["active"] == false && body["data"]?["preApproved"] == false, "false unless sent, as Terraform plans it")
        #expect(body["data"]?["maxSpeed"] == 500 && body["data"]?["validFor"]?["end"] == 4_102_444_800_000)
        // Go's GetServiceKey: the ? is escaped into the path.
        let (escaped, one) = try await Self.send(world, "GET", "/v2/service/key%3Fkey=\(key)")
        #expect(escaped == 200 && one["data"]?["key"] == .string(key))
        let (query, same) = try await Self.send(world, "GET", "/v2/service/key?key=\(key)")
        #expect(query == 200 && same["data"] == one["data"])
        // Terraform deletes a key with a PUT of active=false; nothing else it did not send changes.
        let (changed, after) = try await Self.send(world, "PUT", "/v2/service/key", #"{"key": "\#(key)", "productId": \#(port), "singleUse": true, "active": false}"#)
        #expect(changed == 200 && after["data"]?["active"] == false && after["data"]?["maxSpeed"] == 500)
        // megaLib: string booleans and numbers, validFor in seconds with an ISO end.
        let (mega, megaBody) = try await Self.send(world, "POST", "/v2/service/key", #"""
            {"productUid": "\#(port)", "singleUse": "false", "maxSpeed": "100", "preApproved": "true", "active": "true",
             "validFor": {"start": 1700000000, "end": "2066-06-06T00:00:00.000Z"}}
            """#)
        #expect(mega == 200 && megaBody["data"]?["validFor"]?["start"] == 1_700_000_000_000 && megaBody["data"]?["preApproved"] == true, "\(megaBody)")
        let (listed, list) = try await Self.send(world, "GET", "/v2/service/key?productIdOrUid=\(port)")
        if case .array(let keys)? = list["data"] { #expect(listed == 200 && keys.count == 2) } else { Issue.record("\(list)") }
        #expect(try await Self.send(world, "GET", "/v2/service/nonsense").0 == 404)
    }
}
