import Glibc
import HTTPCore

/// The HTTP/1.1 server: a listening socket, the reactor, and one task per connection.
///
/// `init` binds (so a caller knows the port at once, e.g. for `127.0.0.1:0` in tests); `run()` serves
/// until `shutdown()`, which stops accepting, closes idle connections, lets in-flight requests finish
/// with `Connection: close`, and returns when every connection is gone.
public final class Server: Sendable {
    let env: ServerEnvironment
    let listener: Int32
    /// The bound port.
    public let port: Int

    /// Binds the listening socket and starts the reactor.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder,
                renderError: @escaping ErrorRenderer, accessLog: AccessLogger? = nil, preflight: Preflight? = nil) throws(IOError) {
        let reactor = try Reactor()
        listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        port = Socket.localPort(listener)
        env = ServerEnvironment(configuration: configuration, reactor: reactor, responder: responder,
                                renderError: renderError, accessLog: accessLog, preflight: preflight)
    }

    /// Number of open connections.
    public var openConnections: Int { env.openConnections.load(ordering: .relaxed) }

    /// Accepts and serves connections until `shutdown()`.
    public func run() async {
        let env = self.env
        env.reactor.register(listener)
        await withDiscardingTaskGroup { group in
            acceptLoop: while true {
                while let (fd, peer) = Socket.accept(listener) {
                    // F11: over a cap, accept and close at once — never stop draining the queue. When every
                    // slot is taken, the connection idle longest gives its slot up (oldest first). The
                    // listener's own idle wait is never the one evicted: this loop is running, not waiting.
                    let address = Self.address(of: peer)
                    let full = env.openConnections.load(ordering: .relaxed) >= env.configuration.maxConnections
                    guard !env.draining.load(ordering: .relaxed), !full || env.reactor.evictOldestIdle(), env.admit(address) else {
                        close(fd)
                        continue
                    }
                    env.openConnections.add(1, ordering: .relaxed)
                    group.addTask {
                        var connection = HTTPConnection(fd: fd, peer: peer, env: env)
                        await connection.run()
                        env.release(address)
                        env.openConnections.subtract(1, ordering: .relaxed)
                    }
                }
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR || errno == ECONNABORTED
                      || errno == EMFILE || errno == ENFILE
                else { break acceptLoop }
                if errno == EMFILE || errno == ENFILE {
                    // Out of descriptors: back off briefly instead of spinning.
                    try? await Task.sleep(for: .milliseconds(10))
                    continue
                }
                // The listener wait is "idle": shutdown ends it like an idle keep-alive connection.
                guard await env.reactor.wait(listener, for: .read, deadline: 0, idle: true) == .ready else { break }
            }
            env.reactor.deregister(listener)
            close(listener)
        }
        env.reactor.stop()
    }

    /// `127.0.0.2` of `127.0.0.2:41234`.
    static func address(of peer: String) -> String {
        guard let colon = peer.lastIndex(of: ":") else { return peer }
        return String(peer[..<colon])
    }

    /// Begins graceful shutdown (RFC 9112 §9.6, catalogue F10): stop accepting, close idle connections,
    /// let in-flight requests finish with `Connection: close`. After `gracePeriod`, every connection
    /// still waiting for the network is closed.
    public func shutdown(gracePeriod: Duration = .seconds(10)) {
        env.draining.store(true, ordering: .relaxed)
        env.reactor.drainIdle()
        let reactor = env.reactor
        Task.detached {
            try? await Task.sleep(for: gracePeriod)
            reactor.stop()
        }
    }
}
