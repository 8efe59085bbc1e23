import CTLS
import Glibc

/// The byte stream under an SMTP conversation: a TCP connection to the first address of the relay
/// that answers (IPv6 and IPv4 alike, each within the step time-out), optionally upgraded to TLS.
/// Every read and write is bounded by the step time-out, so a hung relay cannot stall a delivery.
final class SMTPConnection {
    private let fd: Int32
    private var tls: TLSStream?

    /// Connects to each address of `relay.host` in turn until one accepts.
    init(_ relay: SMTPRelay) throws(SMTPError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(relay.host, String(relay.port), &hints, &info)
        guard rc == 0, info != nil else { throw SMTPError(.connect, "cannot resolve \(relay.host): \(String(cString: gai_strerror(rc)))") }
        defer { freeaddrinfo(info) }
        var failures: [String] = []
        var address = info
        while let current = address {
            let fd = Self.connect(current.pointee, timeoutMillis: relay.stepTimeoutMillis)
            if fd >= 0 {
                self.fd = fd
                var timeout = timeval(tv_sec: relay.stepTimeoutMillis / 1000, tv_usec: (relay.stepTimeoutMillis % 1000) * 1000)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                return
            }
            failures.append("\(Self.describe(current.pointee)): \(String(cString: strerror(-fd)))")
            address = current.pointee.ai_next
        }
        throw SMTPError(.connect, "cannot connect to \(relay.host):\(relay.port) (\(failures.joined(separator: "; ")))")
    }

    deinit { close(fd) }

    /// Whether the stream is encrypted.
    var isTLS: Bool { tls != nil }

    /// Starts TLS on the connection (after `STARTTLS`, or at once for implicit TLS).
    func startTLS(_ context: TLSContext, host: String) throws(SMTPError) {
        tls = try TLSStream(fd: fd, context: context, host: host)
    }

    /// Writes every byte or fails.
    func write(_ bytes: [UInt8]) throws(SMTPError) -> Void {
        if let tls { return try tls.write(bytes) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw SMTPError(.connect, n < 0 && errno == EAGAIN ? "the relay stopped reading" : "connection lost while sending") }
            offset += n
        }
    }

    /// Reads what is available (at least one byte) before `deadline` (monotonic milliseconds); throws on
    /// close or time-out. A relay that sends a reply a byte at a time cannot stretch a step past it.
    func read(into buffer: inout [UInt8], deadline: Int) throws(SMTPError) {
        let remaining = deadline - Self.nowMillis()
        guard remaining > 0 else { throw SMTPError(.connect, "no complete reply from the relay in time") }
        var timeout = timeval(tv_sec: remaining / 1000, tv_usec: (remaining % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if let tls { return try tls.read(into: &buffer) }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &chunk, chunk.count, 0)
        guard n > 0 else { throw SMTPError(.connect, n == 0 ? "the relay closed the connection" : "no reply from the relay in time") }
        buffer.append(contentsOf: chunk[0..<n])
    }

    /// A monotonic clock in milliseconds.
    static func nowMillis() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }

    /// A non-blocking connect bounded by `timeoutMillis`; the connected (blocking) socket, or -errno.
    private static func connect(_ address: addrinfo, timeoutMillis: Int) -> Int32 {
        let fd = socket(address.ai_family, address.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue),
                        address.ai_protocol)
        guard fd >= 0 else { return -errno }
        if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else { let e = errno; close(fd); return -e }
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, Int32(timeoutMillis)) == 1 else { close(fd); return -ETIMEDOUT }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { close(fd); return -error }
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// `[::1]:587` or `127.0.0.1:587`, for messages.
    private static func describe(_ address: addrinfo) -> String {
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        guard getnameinfo(address.ai_addr, address.ai_addrlen, &host, socklen_t(host.count), &service, socklen_t(service.count),
                          NI_NUMERICHOST | NI_NUMERICSERV) == 0 else { return "?" }
        let text = String(cString: host)
        return address.ai_family == AF_INET6 ? "[\(text)]:\(String(cString: service))" : "\(text):\(String(cString: service))"
    }
}
