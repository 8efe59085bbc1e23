import HTTPCore
import HTTPServer
import TestSupport
import Testing

/// 404, 405 + Allow, HEAD, OPTIONS and parameters through the real route table (catalogue §I).
@Suite struct RoutingTests {
    static func router() -> any HTTPResponder {
        var router = Router()
        router.on(.get, "/items/:id") { _, context in
            HTTPResponse(status: .ok, body: Array("item \(context.parameters["id"] ?? "")".utf8))
        }
        router.on(.post, "/items") { _, _ in HTTPResponse(status: .created, body: Array("made".utf8)) }
        router.on(.get, "/items/special") { _, context in HTTPResponse(status: .ok, body: Array("special \(context.route ?? "")".utf8)) }
        return router.freeze()
    }

    func roundTrip(_ raw: String, headOnly: Bool = false) async throws -> TestResponse {
        let server = try TestServer.start(responder: Self.router())
        let client = try RawClient(port: server.port)
        await client.send(raw)
        let response = try #require(await client.readResponses(1, headOnly: headOnly).first)
        await server.stop()
        return response
    }

    @Test func parametersAndLiteralsMatch() async throws {
        #expect(try await roundTrip("GET /items/42 HTTP/1.1\r\nHost: x\r\n\r\n").text == "item 42")
        #expect(try await roundTrip("GET /items/special HTTP/1.1\r\nHost: x\r\n\r\n").text == "special /items/special")
        #expect(try await roundTrip("GET /items/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n").text == "item a/b", "H1: %2F stays in its segment")
    }

    @Test func unknownPathIs404() async throws {
        #expect(try await roundTrip("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n").status == 404)
        #expect(try await roundTrip("GET /items/42/ HTTP/1.1\r\nHost: x\r\n\r\n").status == 404, "H7: a trailing slash is another path")
        #expect(try await roundTrip("GET //items/42 HTTP/1.1\r\nHost: x\r\n\r\n").status == 404, "H7: empty segments are kept")
        #expect(try await roundTrip("GET /Items/42 HTTP/1.1\r\nHost: x\r\n\r\n").status == 404, "H9: paths are case-sensitive")
    }

    @Test func emptySegmentsCollapseOnlyUnderTheNamedPrefixes() async throws {
        var router = Router()
        router.on(.get, "/v2/items/:id") { _, context in HTTPResponse(status: .ok, body: Array("v2 \(context.parameters["id"] ?? "")".utf8)) }
        router.on(.get, "/items/:id") { _, _ in HTTPResponse(status: .ok) }
        let server = try TestServer.start(responder: router.freeze(collapsingUnder: ["v2"]))
        for (target, expected) in [("/v2/items//7", "v2 7"), ("//v2//items/7", "v2 7"), ("/v2/items/7/", "v2 7")] {
            let client = try RawClient(port: server.port)
            await client.send("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try #require(await client.readResponses(1).first).text == expected, "\(target)")
        }
        let client = try RawClient(port: server.port)
        await client.send("GET /items//7 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try #require(await client.readResponses(1).first).status == 404, "H7 holds outside the prefixes")
        await server.stop()
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        let response = try await roundTrip("DELETE /items/42 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        let post = try await roundTrip("GET /items HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(post.status == 405 && post.header("Allow") == "POST, OPTIONS")
    }

    @Test func headAnswersLikeGetWithoutBody() async throws {
        let server = try TestServer.start(responder: Self.router())
        let client = try RawClient(port: server.port)
        await client.send("HEAD /items/7 HTTP/1.1\r\nHost: x\r\n\r\nGET /items/7 HTTP/1.1\r\nHost: x\r\n\r\n")
        client.shutdownWrite()
        let (bytes, _) = await client.readUntilClose()
        let responses = TestResponse.parseAll(bytes, headFirst: 1).responses
        #expect(responses.count == 2)
        #expect(responses.first?.status == 200)
        #expect(responses.first?.header("Content-Length") == "6", "I4: the Content-Length GET would send")
        // What follows the HEAD response is exactly the GET response: no body bytes leaked from HEAD.
        #expect(responses.last?.text == "item 7")
        await server.stop()
    }

    @Test func optionsListsMethods() async throws {
        let response = try await roundTrip("OPTIONS /items/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.status == 204 && response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.header("Content-Length") == nil, "J2: no Content-Length on 204")
        let star = try await roundTrip("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(star.status == 204 && star.header("Allow") == "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS")
    }
}
