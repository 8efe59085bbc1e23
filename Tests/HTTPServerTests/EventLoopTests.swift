import Dispatch
import Glibc
import HTTPCore
import HTTPServer
import TestSupport
import Testing

/// Answers with the id of the thread its handler ends on, after a hop to another thread (as database
/// work makes), so the answer shows which thread runs the connection's task.
struct ThreadResponder: HTTPResponder {
    func respond(to request: HTTPRequest, context: inout RequestContext) async throws -> HTTPResponse {
        await withCheckedContinuation { continuation in DispatchQueue.global().async { continuation.resume() } }
        return HTTPResponse(status: .ok, body: Array(String(UInt(pthread_self())).utf8))
    }
}

/// One event loop per core: connections are spread over the loops in turn, each connection's requests
/// run on its loop's thread (also after work on another thread), and shutdown ends every loop; idle
/// connections park, and many released connections give their memory back.
@Suite struct EventLoopTests {
    @Test func connectionsAreSpreadOverTheLoopsAndStayOnTheirs() async throws {
        // Six connections wait their turn for their first request: no time-out may end one first, however
        // slowly a loaded machine runs the test (CI once starved it past the 5 s first-byte time-out).
        let server = try TestServer.start({
            $0.eventLoops = 3
            ($0.firstByteTimeout, $0.headerTimeout, $0.keepAliveTimeout) = (.seconds(120), .seconds(120), .seconds(120))
        }, responder: ThreadResponder())
        var clients: [RawClient] = []
        for _ in 0..<6 { clients.append(try RawClient(port: server.port)) }
        var first: [String] = []
        for client in clients {
            await client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
            first.append(try #require(await client.readResponses(1).first).text)
        }
        #expect(Set(first).count == 3, "six connections on three loops: \(first)")
        #expect(first[0] == first[3] && first[1] == first[4] && first[2] == first[5], "in turn: \(first)")
        for (client, thread) in zip(clients, first) {
            await client.send("GET /b HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try #require(await client.readResponses(1).first).text == thread, "a connection stays on its loop")
        }
        await server.stop()  // returns only when every connection is closed and the loops have their jobs done
        for client in clients { #expect(await client.serverClosed()) }
        #expect(server.server.openConnections == 0)
    }

    @Test func oneLoopServesEverything() async throws {
        let server = try TestServer.start({ $0.eventLoops = 1 }, responder: ThreadResponder())
        var threads: Set<String> = []
        for _ in 0..<4 {
            let client = try RawClient(port: server.port)
            await client.send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            threads.insert(try #require(await client.readResponses(1).first).text)
        }
        #expect(threads.count == 1)
        await server.stop()
    }

    /// Waits up to ten seconds for `condition` (a loaded CI machine can starve the test for seconds).
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<1000 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test func idleConnectionsParkAndWakeForTheirNextRequest() async throws {
        let server = try TestServer.start { $0.parkAfter = .milliseconds(50) }
        let client = try RawClient(port: server.port)
        for (index, path) in ["/one", "/two"].enumerated() {
            await client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try #require(await client.readResponses(1).first).header("X-Path") == path)
            #expect(try await Self.eventually { server.server.parks == index + 1 }, "idle after \(path): parked")
        }
        #expect(server.server.parkedConnections == 1)
        // A request sent in pieces wakes the parked connection with its first bytes.
        await client.send("GET /thr")
        try await Task.sleep(for: .milliseconds(20))
        await client.send("ee HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try #require(await client.readResponses(1).first).header("X-Path") == "/three")
        await server.stop()  // closes the parked connection and returns
        #expect(await client.serverClosed())
        #expect(server.server.openConnections == 0 && server.server.parkedConnections == 0)
    }

    @Test func aParkedConnectionClosesAtItsKeepAliveDeadline() async throws {
        let server = try TestServer.start {
            $0.parkAfter = .milliseconds(50)
            $0.keepAliveTimeout = .seconds(4)
        }
        let client = try RawClient(port: server.port)
        await client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await client.readResponses(1).count == 1)
        // Counted, not sampled: a loaded machine may starve this task past the 4 s a connection stays parked.
        #expect(try await Self.eventually { server.server.parks == 1 })
        #expect(await client.serverClosed(), "closed silently when its keep-alive time ran out")
        #expect(server.server.parks == 1, "it closed from its parked state, without serving another task")
        #expect(try await Self.eventually { server.server.openConnections == 0 })
        await server.stop()
    }

    @Test func aParkedConnectionGivesItsSlotToANewOne() async throws {
        let server = try TestServer.start {
            $0.parkAfter = .milliseconds(50)
            $0.maxConnections = 1
        }
        let first = try RawClient(port: server.port)
        await first.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await first.readResponses(1).count == 1)
        #expect(try await Self.eventually { server.server.parkedConnections == 1 })
        let second = try RawClient(port: server.port)
        await second.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try #require(await second.readResponses(1).first).header("X-Path") == "/two", "every slot taken: the parked one gave its slot up")
        #expect(await first.serverClosed())
        await server.stop()
    }

    // After `heapTrimAfter` connections have parked or closed, the heap's free pages go back to the system
    // (half a second later, at most every 5 s); connections that stay busy never count.
    func closedConnections(_ count: Int, port: Int) async throws {
        for _ in 0..<count {
            let client = try RawClient(port: port)
            await client.send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(await client.readResponses(1).count == 1)
        }
    }

    @Test func releasedConnectionsTrimTheHeapOncePerThresholdAndNotTooOften() async throws {
        let server = try TestServer.start {
            $0.heapTrimAfter = 10
            $0.parkAfter = nil  // the keep-alive connection's task never ends, however slowly a loaded machine runs this
        }
        let busy = try RawClient(port: server.port)
        for _ in 0..<30 {
            await busy.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await busy.readResponses(1).count == 1)
        }
        try await closedConnections(8, port: server.port)
        try await Task.sleep(for: .milliseconds(800))
        #expect(server.server.heapTrims == 0, "30 requests on a keep-alive connection release nothing; 8 closed ones are under 10")

        let triggered = ContinuousClock.now
        try await closedConnections(2, port: server.port)
        #expect(try await EventLoopTests.eventually { server.server.heapTrims == 1 })
        try await closedConnections(10, port: server.port)
        try await Task.sleep(for: .milliseconds(800))
        // The first trim ran at least 0.5 s after `triggered`, so no second one can run before 5.5 s have
        // passed; a machine that starved this task longer than that cannot tell, and is not asked.
        if ContinuousClock.now - triggered < .milliseconds(5500) {
            #expect(server.server.heapTrims == 1, "ten more within 5 s of the last trim wait for the interval")
        }
        #expect(try await EventLoopTests.eventually { server.server.heapTrims == 2 }, "and then run")
        await server.stop()
    }
}
