import Glibc
import HTTPCore

/// One accepted socket, owned by one task at a time: read → parse → respond, in order, until close —
/// or until it has been idle between requests for a while, when it parks (its task ends; the reactor
/// starts the next one). No actor is needed because nothing else touches the parser, the buffer or the
/// descriptor.
struct HTTPConnection {
    /// How `run()` ended: the socket is to be closed, or parked until `idleSince`'s keep-alive deadline.
    enum Ending: Equatable { case closed, parked }

    let fd: Int32
    let peer: String
    /// The reactor that watches the socket and runs this connection's task.
    let reactor: Reactor
    let env: ServerEnvironment
    var parser: RequestParser
    var buffer = ReadBuffer()
    var served = 0
    /// Absolute deadline for the head being read, set at its first byte (RFC 9112 §9.5, G2).
    var headDeadline: UInt64 = 0
    /// Decides between the handler and its deadline (G6).
    let responseGuard: ResponseGuard
    /// The last `recv` returned less than asked: the socket was empty then.
    var lastReadDrained = false
    /// When the connection fell idle after its last response, and when its keep-alive time runs out.
    var idleSince: UInt64 = 0
    var keepAliveDeadline: UInt64 = 0

    /// A new connection, or (`served` > 0) one resuming after it parked, with bytes waiting.
    init(fd: Int32, peer: String, reactor: Reactor, env: ServerEnvironment, served: Int = 0) {
        self.fd = fd
        self.peer = peer
        self.reactor = reactor
        self.served = served
        self.env = env
        parser = RequestParser(limits: env.configuration.limits)
        responseGuard = ResponseGuard(fd: fd)
    }

    /// Serves the connection until it must close or parks; the caller closes or parks the descriptor.
    mutating func run() async -> Ending {
        while true {
            let request: HTTPRequest?
            do {
                request = try parser.parse(&buffer)
            } catch {
                // Every parse error is fatal: answer, then close without reading further (catalogue §A–D).
                let httpError = HTTPError(error.status, code: error.code, message: error.description)
                if await send(errorResponse(httpError, method: nil), keepAlive: false) { await lingeringClose() }
                return .closed
            }
            if let request {
                headDeadline = 0
                guard await serve(request) else { return .closed }
                continue
            }
            if parser.expectsContinue {
                // RFC 9110 §10.1.1: a request we will refuse gets its final status instead of 100, and
                // its body is never read (E2); otherwise the head is accepted and the body invited (E1).
                if let head = parser.pendingHead, let refusal = await env.preflight?(head) {
                    if await send(errorResponse(refusal, method: head.method), keepAlive: false) { await lingeringClose() }
                    return .closed
                }
                guard await write(ResponseSerializer.continueResponse) else { return .closed }
                parser.continueWasSent()
            }
            switch await readMore() {
            case .data: continue
            case .closed: return .closed
            case .parked: return .parked
            case .timedOut:
                if !parser.isIdle {
                    // G2/G3: a request was under way → 408 + close; an idle connection closes silently (G1/G4).
                    let timeout = HTTPError(.requestTimeout, code: "request_timeout", message: "request not received in time")
                    if await send(errorResponse(timeout, method: nil), keepAlive: false) { await lingeringClose() }
                }
                return .closed
            }
        }
    }

    /// Runs the responder and writes the response. Returns false when the connection must close.
    mutating func serve(_ request: HTTPRequest) async -> Bool {
        let started = Socket.now()
        served += 1
        var context = RequestContext(traceId: env.traceIDs.next(), remoteAddress: peer)
        var response: HTTPResponse
        if let limit = env.configuration.handlerTimeout { armDeadline(Socket.now() + limit.nanoseconds, request: request, traceId: context.traceId) }
        do {
            response = try await env.responder.respond(to: request, context: &context)
        } catch let error as HTTPError {
            response = env.renderError(error, context.traceId)
        } catch {
            // K7: nothing about the failure leaks; the trace id ties the response to the log.
            response = env.renderError(HTTPError(.internalServerError, code: "internal_error",
                                                 message: "internal error; quote the trace id"), context.traceId)
        }
        if env.configuration.handlerTimeout != nil {
            reactor.unwatch(fd)
            guard responseGuard.handlerFinished() else { return false }  // the deadline answered 503 and closed
        }
        let cap = env.configuration.maxRequestsPerConnection
        let keepAlive = request.keepAlive && !env.draining.load(ordering: .relaxed) && (cap == 0 || served < cap)
        response.headers.addValidated("Trace-Id", context.traceId)  // hex digits: nothing to check
        let bytes = ResponseSerializer.serialize(response, date: env.dates.current(), keepAlive: keepAlive,
                                                 requestVersion: request.version, omitBody: request.method == .head)
        env.accessLog?(AccessRecord(traceId: context.traceId, method: request.method, route: context.route,
                                    path: request.uri.path, status: response.status.code,
                                    durationMicros: Int((Socket.now() - started) / 1000), identity: context.identity,
                                    remoteAddress: peer))
        guard await write(bytes) else { return false }
        if !keepAlive {
            await lingeringClose()  // F2: nothing buffered after a closing request is processed
            return false
        }
        return true
    }

    /// Arms the handler deadline: past it, the reactor answers 503 with `Connection: close`.
    func armDeadline(_ deadline: UInt64, request: HTTPRequest, traceId: String) {
        responseGuard.arm()
        let env = self.env, reactor = self.reactor, guardian = responseGuard, version = request.version, method = request.method, path = request.uri.path, peer = self.peer
        reactor.watch(fd, deadline: deadline) {
            guardian.deadlinePassed({
                var response = env.renderError(HTTPError(.serviceUnavailable, code: "handler_timeout",
                                                         message: "the request took too long; it may still complete — check before retrying"), traceId)
                response.headers.add("Trace-Id", traceId)
                env.accessLog?(AccessRecord(traceId: traceId, method: method, route: nil, path: path, status: 503, durationMicros: 0,
                                            identity: nil, remoteAddress: peer))
                return ResponseSerializer.serialize(response, date: env.dates.current(), keepAlive: false, requestVersion: version)
            }())
        }
    }

    /// Renders a server-level error (parse error, time-out) and logs it.
    func errorResponse(_ error: HTTPError, method: HTTPMethod?) -> HTTPResponse {
        let traceId = env.traceIDs.next()
        var response = env.renderError(error, traceId)
        response.headers.add("Trace-Id", traceId)
        env.accessLog?(AccessRecord(traceId: traceId, method: method, route: nil, path: nil, status: error.status.code,
                                    durationMicros: 0, identity: nil, remoteAddress: peer))
        return response
    }

    /// Serializes and writes a response.
    func send(_ response: HTTPResponse, keepAlive: Bool) async -> Bool {
        await write(ResponseSerializer.serialize(response, date: env.dates.current(), keepAlive: keepAlive))
    }
}
