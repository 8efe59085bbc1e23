import Dispatch
import Glibc

/// A TCP client for tests: writes raw bytes and reads raw bytes, with a receive time-out so a test
/// never hangs on a server that fails to answer. Its blocking calls run on its own serial dispatch
/// queue (backed by libdispatch's overcommit threads), never on Swift's cooperative pool, where they
/// would starve the server under test. All stored state is immutable, so the class is `Sendable`.
public final class RawClient: Sendable {
    public let fd: Int32
    private let queue = DispatchQueue(label: "raw-client")

    /// Connects to `127.0.0.1:port`.
    public init(port: Int, receiveTimeoutSeconds: Int = 20) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.failed("socket") }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let rc = Loopback.withAddress(port: port) { connect(fd, $0, $1) }
        // A throw from here runs `deinit` (every property is set), which closes the socket exactly once.
        guard rc == 0 else { throw ClientError.failed("connect") }
    }

    deinit { if fd >= 0 { close(fd) } }

    public enum ClientError: Error { case failed(String) }

    /// Sends every byte (the server may reset the connection early; that is not an error here).
    private func blockingSend(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Sends bytes.
    public func send(_ bytes: [UInt8]) async { await run { self.blockingSend(bytes) } }

    /// Sends text.
    public func send(_ text: String) async { await send(Array(text.utf8)) }

    /// Sends one byte at a time with a pause between them (a slow client).
    public func trickle(_ text: String, everyMilliseconds interval: UInt32) async {
        await run {
            for byte in text.utf8 {
                self.blockingSend([byte])
                usleep(interval * 1000)
            }
        }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in queue.async { continuation.resume(returning: work()) } }
    }

    /// Half-closes: the server sees EOF after what was sent.
    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads until the server closes the connection (or the time-out / a reset ends it).
    public func readUntilClose() async -> (bytes: [UInt8], closedByServer: Bool) { await run { self.blockingReadUntilClose() } }

    private func blockingReadUntilClose() -> (bytes: [UInt8], closedByServer: Bool) {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n > 0 { out.append(contentsOf: chunk[0..<n]); continue }
            return (out, n == 0 || errno == ECONNRESET)
        }
    }

    /// Reads until `count` complete responses have arrived (or the time-out).
    public func readResponses(_ count: Int, headOnly: Bool = false) async -> [TestResponse] {
        await run { self.blockingReadResponses(count, headOnly: headOnly) }
    }

    private func blockingReadResponses(_ count: Int, headOnly: Bool) -> [TestResponse] {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let parsed = TestResponse.parseAll(buffer, headOnly: headOnly)
            if parsed.responses.count >= count { return parsed.responses }
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return parsed.responses }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Whether the server has closed: a read returns EOF (or reset) within the receive time-out.
    public func serverClosed() async -> Bool { await run { self.blockingServerClosed() } }

    private func blockingServerClosed() -> Bool {
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, 0)
        return n == 0 || (n < 0 && errno == ECONNRESET)
    }
}

/// `127.0.0.1:port` for the test peers' socket calls (`connect`, `bind`), built in one place.
public enum Loopback {
    /// Runs `call` (e.g. `connect` or `bind`) with the address of `127.0.0.1:port` and its length.
    public static func withAddress(port: Int, _ call: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { call($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }
}
