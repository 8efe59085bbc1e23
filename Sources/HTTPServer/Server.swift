import Glibc
import HTTPCore

/// The HTTP/1.1 server: a listening socket, one reactor per event loop, and one task per connection,
/// run by its connection's reactor.
///
/// `init` binds (so a caller knows the port at once, e.g. for `127.0.0.1:0` in tests); `run()` serves
/// until `shutdown()`, which stops accepting, closes idle connections, lets in-flight requests finish
/// with `Connection: close`, and returns when every connection is gone.
public final class Server: Sendable {
    let env: ServerEnvironment
    let listener: Int32
    /// The bound port.
    public let port: Int

    /// Binds the listening socket and starts the reactors.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder,
                renderError: @escaping ErrorRenderer, accessLog: AccessLogger? = nil, preflight: Preflight? = nil) throws(IOError) {
        var reactors: [Reactor] = []
        for _ in 0..<max(1, configuration.eventLoops) { reactors.append(try Reactor()) }
        listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        port = Socket.localPort(listener)
        env = ServerEnvironment(configuration: configuration, reactors: reactors, responder: responder,
                                renderError: renderError, accessLog: accessLog, preflight: preflight)
    }

    /// Number of open connections.
    public var openConnections: Int { env.openConnections.load(ordering: .relaxed) }

    /// Open connections that are parked (idle between requests, holding no task).
    public var parkedConnections: Int { env.reactors.reduce(0) { $0 + $1.parkedCount } }
    /// How many times a connection has parked since the server started (parked ones may have closed since).
    public var parks: Int { env.parks.load(ordering: .relaxed) }
    /// How often the heap's free pages have been handed back (`ServerConfiguration.heapTrimAfter`).
    public var heapTrims: Int { env.heap.trims.load(ordering: .relaxed) }

    /// Accepts and serves connections until `shutdown()`; returns when every connection has closed.
    public func run() async {
        let env = self.env, listening = env.reactors[0]
        listening.register(listener)
        acceptLoop: while true {
            while let (fd, peer) = Socket.accept(listener) {
                // F11: over a cap, accept and close at once — never stop draining the queue. When every
                // slot is taken, the connection idle longest gives its slot up (oldest first). The
                // listener's own idle wait is never the one evicted: this loop is running, not waiting.
                let address = Self.address(of: peer)
                let full = env.openConnections.load(ordering: .relaxed) >= env.configuration.maxConnections
                guard !env.draining.load(ordering: .relaxed), !full || env.evictOldestIdle(), env.admit(address) else {
                    close(fd)
                    continue
                }
                env.opened()
                let reactor = env.nextReactor()
                reactor.register(fd)
                env.serve(fd: fd, peer: peer, address: address, reactor: reactor, served: 0)
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
            guard await listening.wait(listener, for: .read, deadline: 0, idle: true) == .ready else { break }
        }
        listening.deregister(listener)
        close(listener)
        // Connections run in tasks of their own (a parked one has none until it wakes): wait for the last.
        while env.openConnections.load(ordering: .relaxed) > 0 { try? await Task.sleep(for: .milliseconds(5)) }
        for reactor in env.reactors {
            reactor.stop()
            reactor.finish()
        }
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
        for reactor in env.reactors { reactor.drainIdle() }
        let reactors = env.reactors
        Task.detached {
            try? await Task.sleep(for: gracePeriod)
            for reactor in reactors { reactor.stop() }
        }
    }
}
