import Glibc
import HTTPServer
import TestSupport
import Testing

/// Hardening round two, finding 2: a flood from one address never locks others out. Two client
/// addresses on loopback: the flood comes from 127.0.0.2, the well-behaved client from 127.0.0.1.
@Suite struct FairnessTests {
    /// A connection from `source` that never sends a byte; -1 when the connect failed.
    static func silent(from source: String, to port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, source, &local.sin_addr)
        let bound = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        let connected = Loopback.withAddress(port: port) { connect(fd, $0, $1) }
        guard bound == 0, connected == 0 else { close(fd); return -1 }
        return fd
    }

    /// Whether the server closed `fd` within the time-out (a read sees EOF or a reset).
    static func closedByServer(_ fd: Int32, withinMilliseconds ms: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, ms) == 1 else { return false }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) <= 0
    }

    static func served(_ port: Int) async throws -> Bool {
        let client = try RawClient(port: port)
        await client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        return await client.readResponses(1).first?.status == 200
    }

    @Test func oneAddressCannotTakeEverySlot() async throws {
        let server = try TestServer.start {
            $0.maxConnections = 64
            $0.maxConnectionsPerAddress = 16
        }
        let flood = (0..<40).map { _ in Self.silent(from: "127.0.0.2", to: server.port) }
        defer { for fd in flood where fd >= 0 { close(fd) } }
        try await Task.sleep(for: .milliseconds(200))
        let refused = flood.filter { $0 >= 0 && Self.closedByServer($0, withinMilliseconds: 50) }.count
        #expect(refused == 24, "beyond 16 from one address, each is closed at once (\(refused) of 40)")
        for _ in 0..<10 { #expect(try await Self.served(server.port), "another address is served") }
        await server.stop()
    }

    @Test func silentConnectionsGiveTheirSlotsBackUnderPressure() async throws {
        let server = try TestServer.start {
            $0.maxConnections = 20
            $0.maxConnectionsPerAddress = 0
            $0.firstByteTimeoutUnderPressure = .milliseconds(300)
        }
        let flood = (0..<20).map { _ in Self.silent(from: "127.0.0.2", to: server.port) }
        defer { for fd in flood where fd >= 0 { close(fd) } }
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await Self.served(server.port), "every slot taken: the oldest silent connection gives its slot up")
        let closed = flood.filter { $0 >= 0 && Self.closedByServer($0, withinMilliseconds: 2000) }.count
        #expect(closed == 20, "under pressure the silent ones are closed after the short first-byte deadline (\(closed) of 20)")
        await server.stop()
    }
}
