import Synchronization

/// What every connection of one server shares: configuration, reactors, responder and counters.
final class ServerEnvironment: Sendable {
    let configuration: ServerConfiguration
    /// One per event loop; the first also watches the listening socket.
    let reactors: [Reactor]
    /// Connections accepted so far, for spreading them over the reactors in turn.
    let accepted = Atomic<Int>(0)
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
    /// Times a connection has parked since the server started.
    let parks = Atomic<Int>(0)
    /// Open connections per client address (without the port).
    let perAddress = Mutex<[String: Int]>([:])
    /// Returns freed memory to the system after many connections went idle or closed.
    let heap: HeapTrimmer

    /// Counts an accepted connection and tells the reactors whether three quarters of the slots are
    /// taken (at accepts only: between them no new connection waits for its first byte; a reactor acts
    /// only when that changes).
    func opened() {
        let open = openConnections.add(1, ordering: .relaxed).newValue
        for reactor in reactors { reactor.setPressure(open * 4 >= configuration.maxConnections * 3) }
    }

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

    /// The reactor of the next connection (round robin).
    func nextReactor() -> Reactor { reactors[accepted.add(1, ordering: .relaxed).oldValue % reactors.count] }

    /// Ends the idle wait that began longest ago on any reactor (its connection gives up its slot).
    func evictOldestIdle() -> Bool {
        let candidates = reactors.compactMap { reactor in reactor.oldestIdle().map { (reactor, $0) } }
        guard let oldest = candidates.min(by: { $0.1 < $1.1 }) else { return false }
        return oldest.0.evictOldestIdle()
    }

    init(configuration: ServerConfiguration, reactors: [Reactor], responder: any HTTPResponder,
         renderError: @escaping ErrorRenderer, accessLog: AccessLogger?, preflight: Preflight?) {
        self.configuration = configuration
        self.reactors = reactors
        self.responder = responder
        self.renderError = renderError
        self.accessLog = accessLog
        self.preflight = preflight
        traceIDs = TraceIDGenerator(prefix: configuration.traceIdPrefix)
        heap = HeapTrimmer(threshold: configuration.heapTrimAfter)
    }
}
