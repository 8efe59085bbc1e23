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
    let traceIDs = TraceIDGenerator()
    /// Set on graceful shutdown: every response from now on closes its connection.
    let draining = Atomic<Bool>(false)
    /// Connections currently open.
    let openConnections = Atomic<Int>(0)

    init(configuration: ServerConfiguration, reactor: Reactor, responder: any HTTPResponder,
         renderError: @escaping ErrorRenderer, accessLog: AccessLogger?, preflight: Preflight?) {
        self.configuration = configuration
        self.reactor = reactor
        self.responder = responder
        self.renderError = renderError
        self.accessLog = accessLog
        self.preflight = preflight
    }
}
