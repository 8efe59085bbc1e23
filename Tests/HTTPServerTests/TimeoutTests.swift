import Glibc
import HTTPCore
import HTTPServer
import TestSupport
import Testing

/// Time-outs and limits enforced by the server itself, with short configured values (catalogue §G, F11).
@Suite struct TimeoutTests {
    /// Reads to the server's close; the status of the first response, or nil when it never closed.
    static func finalStatus(_ client: RawClient) async -> Int? {
        let (bytes, closed) = await client.readUntilClose()
        return closed ? TestResponse.parseAll(bytes).responses.first?.status : nil
    }

    @Test func slowlorisHeadGets408AtTheAbsoluteDeadline() async throws {
        let server = try TestServer.start { $0.headerTimeout = .milliseconds(300) }
        let client = try RawClient(port: server.port)
        await client.send("GET / HTTP/1.1\r\n")
        // One header byte every 100 ms never completes the head; the deadline counts from the first byte.
        await client.trickle("X-Slow: 1234567890", everyMilliseconds: 100)
        #expect(await Self.finalStatus(client) == 408)
        await server.stop()
    }

    @Test func silentConnectionIsClosedWithoutAResponse() async throws {
        let server = try TestServer.start { $0.headerTimeout = .milliseconds(200) }
        let client = try RawClient(port: server.port)
        let (bytes, closed) = await client.readUntilClose()
        #expect(closed && bytes.isEmpty, "G1: nothing was asked, nothing is answered")
        await server.stop()
    }

    @Test func stalledBodyGets408() async throws {
        let server = try TestServer.start { $0.bodyIdleTimeout = .milliseconds(200) }
        let client = try RawClient(port: server.port)
        await client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        #expect(await Self.finalStatus(client) == 408)
        await server.stop()
    }

    @Test func idleKeepAliveConnectionIsClosedSilently() async throws {
        let server = try TestServer.start { $0.keepAliveTimeout = .milliseconds(200) }
        let client = try RawClient(port: server.port)
        await client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await client.readResponses(1).first?.status == 200)
        let (bytes, closed) = await client.readUntilClose()
        #expect(closed && bytes.isEmpty, "G4: an idle keep-alive connection closes without a response")
        await server.stop()
    }

    @Test func connectionsBeyondTheCapAreAcceptedAndClosed() async throws {
        let server = try TestServer.start { $0.maxConnections = 2 }
        let first = try RawClient(port: server.port)
        let second = try RawClient(port: server.port)
        // Both in the middle of a request: neither is idle, so nobody gives a slot up.
        await first.send("GET / HTTP/1.1\r\n")
        await second.send("GET / HTTP/1.1\r\n")
        try await Task.sleep(for: .milliseconds(100))
        let third = try RawClient(port: server.port)
        #expect(await third.serverClosed(), "F11: over the cap with no idle connection, accepted then closed at once")
        await first.send("Host: x\r\n\r\n")
        #expect(await first.readResponses(1).first?.status == 200, "existing connections keep working")
        await server.stop()
    }

    /// When every slot is taken, the connection idle longest gives its slot to the newcomer.
    @Test func theOldestIdleConnectionGivesItsSlotUp() async throws {
        let server = try TestServer.start { $0.maxConnections = 2 }
        let first = try RawClient(port: server.port)
        await first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await first.readResponses(1).count == 1)
        try await Task.sleep(for: .milliseconds(50))
        let second = try RawClient(port: server.port)
        await second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await second.readResponses(1).count == 1)
        let third = try RawClient(port: server.port)
        await third.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await third.readResponses(1).first?.status == 200, "the newcomer is served")
        #expect(await first.serverClosed(), "the oldest idle connection was closed for it")
        await second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await second.readResponses(1).first?.status == 200, "the younger idle connection stays")
        await server.stop()
    }

    @Test func gracefulShutdownClosesIdleConnectionsAndReturns() async throws {
        let server = try TestServer.start()
        let client = try RawClient(port: server.port)
        await client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await client.readResponses(1).count == 1)
        await server.stop()  // returns only when every connection is closed
        #expect(await client.serverClosed())
        #expect(server.server.openConnections == 0)
    }
}
