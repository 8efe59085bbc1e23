import HTTPServer
import TestSupport
import Testing

/// After `heapTrimAfter` connections have parked or closed, the heap's free pages go back to the system
/// (half a second later, at most every 5 s); connections that stay busy never count.
@Suite struct HeapTrimTests {
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

        try await closedConnections(2, port: server.port)
        #expect(try await EventLoopTests.eventually { server.server.heapTrims == 1 })
        try await closedConnections(10, port: server.port)
        try await Task.sleep(for: .milliseconds(800))
        #expect(server.server.heapTrims == 1, "ten more within 5 s of the last trim wait for the interval")
        #expect(try await EventLoopTests.eventually { server.server.heapTrims == 2 }, "and then run")
        await server.stop()
    }
}
