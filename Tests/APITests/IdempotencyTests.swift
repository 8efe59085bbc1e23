import JSON
import TestSupport
import Testing

/// API.md §1 Idempotency-Key: a repeat returns the first response and creates nothing.
@Suite struct IdempotencyTests {
    @Test func aRepeatReplaysTheFirstResponseAndCreatesNothing() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let path = "/secure/ecommerce/megaport/order"
        let headers = ["Idempotency-Key": "order-42"]
        let first = try await world.call("POST", path, as: "admin@acme.example", json: Blog.port(name: "once"), headers: headers)
        let second = try await world.call("POST", path, as: "admin@acme.example", json: Blog.port(name: "once"), headers: headers)
        #expect(first.status == 200 && second.status == 200)
        #expect(first.body == second.body, "the stored response, byte for byte")
        #expect(second.header("Idempotent-Replayed") == "true")
        #expect(try await world.sql("SELECT count(*) FROM services WHERE name = 'once'") { $0.int(0) } == [1])

        let other = try await world.call("POST", path, as: "admin@acme.example", json: Blog.port(name: "different"), headers: headers)
        let code = try APIWorld.json(other)["data"]?["code"]
        #expect(other.status == 409 && code == "idempotency_key_reused")
        let elsewhere = try await world.call("POST", path, as: "admin@betacloud.example", json: Blog.port(name: "once"), headers: headers)
        #expect(elsewhere.status == 200, "keys belong to the user who sent them")
    }

    @Test func aRetryAfterADroppedConnectionCreatesNothingNew() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let body = Blog.vxc(a, b, aVlan: 700)
        let token = try world.token("admin@acme.example")
        do {  // The client gives up without reading the response (a time-out, a dropped connection).
            let client = try RawClient(port: world.server.port)
            await client.send("POST /secure/ecommerce/vxc/order HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(token)\r\nIdempotency-Key: vxc-700\r\n"
                              + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        }
        var retry: TestResponse?
        for _ in 0..<50 {  // the first request may still be running; the retry waits behind it in the writer
            retry = try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: body, headers: ["Idempotency-Key": "vxc-700"])
            if retry?.status == 200 { break }
        }
        #expect(retry?.status == 200, "\(String(describing: retry))")
        #expect(try await world.sql("SELECT count(*) FROM services WHERE product_type = 'VXC'") { $0.int(0) } == [1])
        #expect(try await world.sql("SELECT count(*) FROM approvals") { $0.int(0) } == [1])
    }
}
