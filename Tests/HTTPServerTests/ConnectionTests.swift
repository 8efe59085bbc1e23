import HTTPCore
import HTTPServer
import TestSupport
import Testing

/// Keep-alive, pipelining, closing rules and the fields every response carries (catalogue §F, §J).
@Suite struct ConnectionTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let server = try TestServer.start()
        let client = try RawClient(port: server.port)
        for path in ["/one", "/two", "/three"] {
            await client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(await client.readResponses(1).first)
            #expect(response.status == 200)
            #expect(response.header("X-Path") == path)
            #expect(response.header("Connection") == nil)
        }
        await server.stop()
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let server = try TestServer.start()
        let client = try RawClient(port: server.port)
        let batch = (1...5).map { "POST /p\($0) HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nb\($0)" }.joined()
        // Split mid-request, as a client's segments may be.
        let bytes = Array(batch.utf8)
        await client.send(Array(bytes[0..<37]))
        await client.send(Array(bytes[37...]))
        let responses = await client.readResponses(5)
        #expect(responses.map { $0.header("X-Path") } == (1...5).map { "/p\($0)" })
        #expect(responses.map(\.text) == (1...5).map { "b\($0)" })
        await server.stop()
    }

    @Test func connectionCloseIsHonouredAndLaterBytesIgnored() async throws {
        let server = try TestServer.start()
        let client = try RawClient(port: server.port)
        await client.send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        let (bytes, closed) = await client.readUntilClose()
        let responses = TestResponse.parseAll(bytes).responses
        #expect(closed)
        #expect(responses.count == 1, "F2: nothing after a Connection: close request is processed")
        #expect(responses.first?.header("Connection") == "close")
        await server.stop()
    }

    @Test func http10ClosesUnlessKeepAliveAndThenEchoesIt() async throws {
        let server = try TestServer.start()
        let plain = try RawClient(port: server.port)
        await plain.send("GET / HTTP/1.0\r\n\r\n")
        let (bytes, closed) = await plain.readUntilClose()
        #expect(closed)
        #expect(TestResponse.parseAll(bytes).responses.first?.header("Connection") == "close")

        let keep = try RawClient(port: server.port)
        await keep.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        let first = try #require(await keep.readResponses(1).first)
        #expect(first.header("Connection") == "keep-alive")
        #expect(first.header("Content-Length") == "0", "F4: always Content-Length to HTTP/1.0")
        await keep.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(await keep.readResponses(1).first?.header("X-Path") == "/again")
        await server.stop()
    }

    @Test func everyResponseCarriesDateTraceIdAndLength() async throws {
        let server = try TestServer.start()
        let client = try RawClient(port: server.port)
        await client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
        let responses = await client.readResponses(2)
        for response in responses {
            #expect(response.header("Date")?.hasSuffix(" GMT") == true)
            #expect(response.header("Content-Length") != nil)
        }
        let ids = responses.compactMap { $0.header("Trace-Id") }
        #expect(ids.count == 2 && ids[0] != ids[1], "trace ids are unique per request")
        for id in ids { #expect(id.count == 16 && id.allSatisfy { "0123456789abcdef".contains($0) }, "16 lower-case hex digits: \(id)") }
        #expect(ids.count == 2 && ids[0].prefix(8) == ids[1].prefix(8), "one process prefix, then the counter")
        await server.stop()
    }

    @Test func expectContinueGetsAnInterimResponseBeforeTheBody() async throws {
        let server = try TestServer.start()
        let client = try RawClient(port: server.port)
        await client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        let interim = try #require(await client.readResponses(1).first)
        #expect(interim.status == 100, "E1: 100 Continue before the body is read")
        await client.send("hello")
        let final = try #require(await client.readResponses(1).first)
        #expect(final.status == 200 && final.text == "hello")
        await server.stop()
    }

    @Test func requestCapClosesAfterTheLastAllowedRequest() async throws {
        let server = try TestServer.start { $0.maxRequestsPerConnection = 2 }
        let client = try RawClient(port: server.port)
        await client.send(String(repeating: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", count: 3))
        let (bytes, closed) = await client.readUntilClose()
        let responses = TestResponse.parseAll(bytes).responses
        #expect(closed && responses.count == 2)
        #expect(responses.last?.header("Connection") == "close")
        await server.stop()
    }
}
