import TestSupport
import Testing

/// Catalogue E1/E2 through the real application: `Expect: 100-continue` gets `100 Continue` only when
/// the request will be accepted; otherwise the final status comes at once and the body is never read.
@Suite struct ExpectContinueTests {
    @Test func refusalsComeBeforeTheBodyAndAcceptedRequestsAreInvited() async throws {
        let world = try await APIWorld.shared.value
        let token = try world.token("admin@acme.example")
        let cases: [(String, Int)] = [
            ("POST /secure/nothing HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(token)\r\nContent-Type: application/json", 404),
            ("DELETE /secure/ecommerce/megaport/order HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(token)\r\nContent-Type: application/json", 405),
            ("POST /secure/ecommerce/megaport/order HTTP/1.1\r\nHost: x\r\nContent-Type: application/json", 401),
            ("POST /secure/ecommerce/megaport/order HTTP/1.1\r\nHost: x\r\nX-Auth-Token: 00000000-0000-4000-8000-000000000000\r\nContent-Type: application/json", 401),
            ("POST /secure/ecommerce/megaport/order HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(token)\r\nContent-Type: text/plain", 415),
        ]
        for (head, status) in cases {
            let client = try RawClient(port: world.server.port)
            await client.send(head + "\r\nExpect: 100-continue\r\nContent-Length: 20\r\n\r\n")
            let (bytes, closed) = await client.readUntilClose()
            let responses = TestResponse.parseAll(bytes).responses
            #expect(responses.count == 1 && responses.first?.status == status, "E2 \(status): \(responses)")
            #expect(responses.first?.header("Connection") == "close" && closed, "the unread body means the connection closes")
        }
        let client = try RawClient(port: world.server.port)
        let body = Blog.port(name: "continued")
        await client.send("POST /secure/ecommerce/megaport/order HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(token)\r\nContent-Type: application/json\r\n"
                          + "Expect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
        #expect(await client.readResponses(1).first?.status == 100, "E1: invited")
        await client.send(body)
        #expect(await client.readResponses(1).first?.status == 200)
    }
}
