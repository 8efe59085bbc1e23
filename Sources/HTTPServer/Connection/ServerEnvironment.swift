import Synchronization

/// What every connection of one server shares: configuration, reactor, responder and counters.
final class ServerEnvironment: Sendable {
    let configuration: ServerConfiguration
    let reactor: Reactor
    let responder: any HTTPResponder
    let renderError: ErrorRenderer
    let accessLog: AccessLogger?
    let preflight: Preflight?
    let dates = DateCache()
    let traceIDs: TraceIDGenerator
    /// Set on graceful shutdown: every response from now on closes its connection.
    let draining = Atomic<Bool>(false)
    /// Connections currently open.
    let openConnections = Atomic<Int>(0)
    /// Open connections per client address (without the port).
    let perAddress = Mutex<[String: Int]>([:])

    /// Whether three quarters of the connection slots are taken.
    var underPressure: Bool { openConnections.load(ordering: .relaxed) * 4 >= configuration.maxConnections * 3 }

    /// Counts a connection from `address` if its address is under its limit; false refuses it.
    func admit(_ address: String) -> Bool {
        let limit = configuration.maxConnectionsPerAddress
        return perAddress.withLock { counts in
            let current = counts[address, default: 0]
            guard limit == 0 || current < limit else { return false }
            counts[address] = current + 1
            return true
        }
    }

    /// A connection from `address` closed.
    func release(_ address: String) {
        perAddress.withLock { counts in
            let left = counts[address, default: 1] - 1
            counts[address] = left > 0 ? left : nil
        }
    }

    init(configuration: ServerConfiguration, reactor: Reactor, responder: any HTTPResponder,
         renderError: @escaping ErrorRenderer, accessLog: AccessLogger?, preflight: Preflight?) {
        self.configuration = configuration
        self.reactor = reactor
        self.responder = responder
        self.renderError = renderError
        self.accessLog = accessLog
        self.preflight = preflight
        traceIDs = TraceIDGenerator(prefix: configuration.traceIdPrefix)
    }
}
