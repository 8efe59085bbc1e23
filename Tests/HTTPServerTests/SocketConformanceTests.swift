import HTTPCore
import TestSupport
import Testing

/// The conformance catalogue again, over real loopback sockets against the real server: the status
/// on the wire, `Connection: close` after every error, and the close itself.
@Suite struct SocketConformanceTests {
    /// Cases whose bytes exceed what a client can push before the server stops reading.
    static let cases = ConformanceCase.all.filter { $0.raw.count < 200_000 }

    @Test(arguments: cases)
    func serverMeetsCatalogue(_ testCase: ConformanceCase) async throws {
        let server = try TestServer.start()
        let client = try RawClient(port: server.port)
        await client.send(testCase.raw)
        client.shutdownWrite()
        let (bytes, closed) = await client.readUntilClose()
        let responses = TestResponse.parseAll(bytes).responses
        #expect(closed, "\(testCase.id): the server closes the connection")
        switch testCase.expect {
        case .accept(let n, let body):
            #expect(responses.count == n && responses.allSatisfy { $0.status == 200 }, "\(testCase.id): \(responses)")
            if let body, let last = responses.last { #expect(last.text == body, "\(testCase.id)") }
        case .reject(let status, let after):
            #expect(responses.count == after + 1, "\(testCase.id): \(responses)")
            #expect(responses.dropLast().allSatisfy { $0.status == 200 }, "\(testCase.id)")
            #expect(responses.last?.status == status, "\(testCase.id): \(responses)")
            #expect(responses.last?.header("Connection") == "close", "\(testCase.id): error responses close")
            #expect(responses.last?.header("Trace-Id") != nil, "\(testCase.id): errors carry a Trace-Id")
        case .incomplete(let after):
            #expect(responses.count == after, "\(testCase.id): an incomplete request is never dispatched: \(responses)")
        }
        await server.stop()
    }
}
