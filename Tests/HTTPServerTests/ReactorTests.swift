import Glibc
import HTTPServer
import Testing

/// The reactor's descriptors outlive every call that may still use them.
@Suite struct ReactorTests {
    /// Shutdown stops the reactor when the server ends and again when the grace period runs out. The
    /// second stop used to write its wake-up to a descriptor the loop had already closed — a number the
    /// process may have handed to a client socket by then (seen as a SIGPIPE in the test process).
    @Test func aLateStopWritesToNoDescriptorItDoesNotOwn() async throws {
        let reactor = try Reactor()
        reactor.stop()
        try await Task.sleep(for: .milliseconds(200))  // lets the loop thread return
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        reactor.stop()
        var byte: UInt8 = 0
        #expect(read(ends[0], &byte, 1) == -1 && errno == EAGAIN, "nothing arrived in a pipe the reactor never owned")
        var status = stat()
        #expect(fstat(ends[1], &status) == 0, "the pipe is still open")
    }
}
