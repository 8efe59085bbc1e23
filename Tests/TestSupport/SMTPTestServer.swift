import Dispatch
import Glibc
import Synchronization

/// A message as the test relay received it.
public struct ReceivedMail: Sendable, CustomStringConvertible {
    public let envelopeFrom: String
    public let recipients: [String]
    /// The DATA section with dot-stuffing undone, CRLF line endings.
    public let data: String

    /// A header field's value (first occurrence, case-insensitive name), unfolded (RFC 5322 §2.2.3).
    public func header(_ name: String) -> String? {
        var fields: [String] = []
        for line in data.components(separatedBy: "\r\n") {
            if line.isEmpty { break }
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = fields.popLast() { fields.append(last + line) } else { fields.append(line) }
        }
        for field in fields {
            if let colon = field.firstIndex(of: ":"), field[..<colon].lowercased() == name.lowercased() {
                return String(field[field.index(after: colon)...]).trimmingSpaces
            }
        }
        return nil
    }

    /// The body after the blank line.
    public var body: String {
        let parts = data.components(separatedBy: "\r\n\r\n")
        return parts.dropFirst().joined(separator: "\r\n\r\n")
    }

    public var description: String { "to \(recipients): \(header("Subject") ?? "")" }
}

/// A real SMTP relay on loopback (RFC 5321 server side, enough for the tests): greeting, EHLO/HELO,
/// AUTH PLAIN, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT. It can be stopped and started
/// again on the same port to play a relay that goes down. Blocking I/O runs on its own dispatch
/// queues, never on the cooperative pool.
public final class SMTPTestServer: Sendable {
    /// Every descriptor has exactly one closer: the accept thread closes the listener, each session its
    /// own socket. `stop()` only shuts them down (closing a number twice could close a reused one).
    struct State {
        var listener: Int32 = -1
        var listenerClosed: DispatchSemaphore?
        var clients: Set<Int32> = []
        var mail: [ReceivedMail] = []
        var credentials: [String] = []
    }

    public let port: Int
    private let state = Mutex(State())
    /// Recipients answered 550 (a permanent failure).
    public let rejected: Set<String>

    /// Starts listening on `127.0.0.1:port` (0 picks one).
    public init(port: Int = 0, rejecting rejected: Set<String> = []) throws {
        self.rejected = rejected
        let fd = try Self.listen(port: port)
        self.port = Self.localPort(fd)
        state.withLock { $0.listener = fd }
        accept(on: fd)
    }

    /// Every message received so far.
    public var received: [ReceivedMail] { state.withLock { $0.mail } }

    /// The AUTH PLAIN credentials presented, decoded as `user:password`.
    public var credentials: [String] { state.withLock { $0.credentials } }

    /// Stops listening and drops every connection: the relay is down. Returns once the port is free.
    public func stop() {
        let (listener, closed) = state.withLock { s in
            // Under the lock: a session cannot close (and free the number of) its socket meanwhile.
            for fd in s.clients { shutdown(fd, Int32(SHUT_RDWR)) }
            let out = (s.listener, s.listenerClosed)
            s.listener = -1
            return out
        }
        guard listener >= 0 else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        closed?.wait()
    }

    /// Listens again on the same port: the relay is back.
    public func restart() throws {
        let fd = try Self.listen(port: port)
        state.withLock { $0.listener = fd }
        accept(on: fd)
    }

    /// Waits (polling, bounded) until at least `count` messages arrived; returns them.
    public func waitFor(_ count: Int, seconds: Double = 10) async -> [ReceivedMail] {
        for _ in 0..<Int(seconds * 50) {
            let mail = received
            if mail.count >= count { return mail }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return received
    }

    private func accept(on listener: Int32) {
        let closed = DispatchSemaphore(value: 0)
        state.withLock { $0.listenerClosed = closed }
        DispatchQueue(label: "smtp-test-accept").async {
            while true {
                let client = Glibc.accept(listener, nil, nil)
                guard client >= 0 else { break }
                self.state.withLock { _ = $0.clients.insert(client) }
                DispatchQueue(label: "smtp-test-session").async {
                    var session = SMTPTestSession(fd: client, server: self)
                    session.run()
                    self.state.withLock {
                        $0.clients.remove(client)
                        close(client)
                    }
                }
            }
            close(listener)
            closed.signal()
        }
    }

    func store(_ mail: ReceivedMail) { state.withLock { $0.mail.append(mail) } }
    func storeCredentials(_ text: String) { state.withLock { $0.credentials.append(text) } }

    private static func listen(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = Loopback.withAddress(port: port) { bind(fd, $0, $1) }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw RawClient.ClientError.failed("SMTP test server cannot listen on \(port)")
        }
        return fd
    }

    private static func localPort(_ fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
