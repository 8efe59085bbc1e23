import Glibc
import HTTPCore
import HTTPServer
import Synchronization
import TestSupport
import Testing

/// A responder that takes `milliseconds` (given in the path, e.g. `/sleep/300`) before answering, and
/// counts the requests it has begun, so a test can wait for one to be in flight instead of guessing.
/// While `held` is set, a request also waits (up to ten seconds) until the test clears it.
final class SlowResponder: HTTPResponder {
    let begun = Atomic<Int>(0)
    let held = Atomic<Bool>(false)

    func respond(to request: HTTPRequest, context: inout RequestContext) async throws -> HTTPResponse {
        begun.add(1, ordering: .relaxed)
        let ms = Int(request.uri.segments.last ?? "0") ?? 0
        try? await Task.sleep(for: .milliseconds(ms))
        for _ in 0..<1000 where held.load(ordering: .relaxed) { try? await Task.sleep(for: .milliseconds(10)) }
        return HTTPResponse(status: .ok, body: Array("slept \(ms)".utf8))
    }
}

/// Catalogue G5, G6 and F10: slow handlers, clients that never read, and shutdown with work in flight.
@Suite struct DeadlineTests {
    @Test func aSlowHandlerIsAnswered503AtItsDeadline() async throws {
        // A deadline far above a 1 ms handler even on a loaded machine, far below the slow one.
        let server = try TestServer.start({ $0.handlerTimeout = .milliseconds(500) }, responder: SlowResponder())
        let client = try RawClient(port: server.port)
        await client.send("GET /sleep/2000 HTTP/1.1\r\nHost: x\r\n\r\n")
        let (bytes, closed) = await client.readUntilClose()
        let response = TestResponse.parseAll(bytes).responses.first
        #expect(closed && response?.status == 503 && response?.header("Connection") == "close")
        #expect(response?.text.contains("handler_timeout") == true)
        let fast = try RawClient(port: server.port)
        await fast.send("GET /sleep/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await fast.readResponses(1).first?.text == "slept 1", "the server carries on")
        await server.stop()
    }

    @Test func aClientThatNeverReadsIsDisconnected() async throws {
        let server = try TestServer.start { $0.writeTimeout = .milliseconds(200) }
        let client = try RawClient(port: server.port)
        var small: Int32 = 4096
        setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        // Echoed bodies fill both socket buffers; the client reads nothing.
        let body = String(repeating: "x", count: 512 * 1024)
        await client.send(String(repeating: "POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", count: 8))
        var open = server.server.openConnections
        for _ in 0..<100 where open > 0 {
            try await Task.sleep(for: .milliseconds(20))
            open = server.server.openConnections
        }
        #expect(open == 0, "G5: the write time-out closed the connection")
        await server.stop()
    }

    @Test func shutdownLetsInFlightRequestsFinishWithConnectionClose() async throws {
        let responder = SlowResponder()
        let server = try TestServer.start(responder: responder)
        let busy = try RawClient(port: server.port)
        let idle = try RawClient(port: server.port)
        await idle.send("GET /sleep/0 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await idle.readResponses(1).count == 1)
        responder.held.store(true, ordering: .relaxed)
        await busy.send("GET /sleep/300 HTTP/1.1\r\nHost: x\r\n\r\n")
        for _ in 0..<500 where responder.begun.load(ordering: .relaxed) < 2 { try await Task.sleep(for: .milliseconds(10)) }
        server.server.shutdown()  // begins draining while the handler is held, however loaded the machine is
        responder.held.store(false, ordering: .relaxed)
        async let finished: Void = server.stop()
        let (bytes, closed) = await busy.readUntilClose()
        let response = TestResponse.parseAll(bytes).responses.first
        #expect(response?.text == "slept 300" && response?.header("Connection") == "close", "F10: finished, then closed")
        #expect(closed)
        #expect(await idle.serverClosed(), "idle connections are closed")
        await finished
        #expect((try? RawClient(port: server.port)) == nil, "no longer accepting")
    }

    /// Shutdown stops the reactor when the server ends and again when the grace period runs out. The
    /// second stop used to write its wake-up to a descriptor the loop had already closed — a number the
    /// process may have handed to a client socket by then (seen as a SIGPIPE in the test process).
    @Test func aLateStopWritesToNoDescriptorItDoesNotOwn() async throws {
        let reactor = try Reactor()
        reactor.stop()
        reactor.finish()
        try await Task.sleep(for: .milliseconds(200))  // lets the loop thread return
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        reactor.stop()
        reactor.finish()
        var byte: UInt8 = 0
        #expect(read(ends[0], &byte, 1) == -1 && errno == EAGAIN, "nothing arrived in a pipe the reactor never owned")
        var status = stat()
        #expect(fstat(ends[1], &status) == 0, "the pipe is still open")
    }
}
