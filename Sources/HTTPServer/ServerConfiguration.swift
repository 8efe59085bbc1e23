import Glibc
import HTTPCore

/// Decides, from the head alone, whether a request that expects `100 Continue` will be refused
/// (RFC 9110 §10.1.1): the refusal is sent instead, without reading the body.
public typealias Preflight = @Sendable (HTTPRequest) async -> HTTPError?

/// Every limit and time-out of the server in one value. Defaults follow
/// the conformance catalogue in Tests/TestSupport and are listed in docs/operations.md.
public struct ServerConfiguration: Sendable {
    /// Address to bind (IPv4 literal or `localhost`).
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one (tests).
    public var port = 8080
    /// Parser limits (request line, headers, body, chunk lines).
    public var limits = ParserLimits()
    /// Absolute deadline for a request head, from its first byte (slowloris, RFC 9112 §9.5) → 408.
    public var headerTimeout: Duration = .seconds(10)
    /// Longest silence while a body arrives → 408.
    public var bodyIdleTimeout: Duration = .seconds(15)
    /// Idle keep-alive connection between requests → silent close.
    public var keepAliveTimeout: Duration = .seconds(10)
    /// A keep-alive connection idle this long between requests gives up its task and waits in its
    /// reactor's table alone (a few hundred bytes instead of its task's memory); nil: never.
    public var parkAfter: Duration? = .milliseconds(100)
    /// After this many connections have parked or closed, the heap's free pages go back to the system
    /// (`malloc_trim`, half a second later, at most every 5 s); 0: never.
    public var heapTrimAfter = 1_000
    /// Longest wait for a client to accept response bytes → close.
    public var writeTimeout: Duration = .seconds(30)
    /// A handler still running after this is answered 503 with `Connection: close` (G6); nil: no limit.
    public var handlerTimeout: Duration? = .seconds(30)
    /// Lingering close (RFC 9112 §9.6): read and discard for this long after shutting down writes.
    public var lingerTimeout: Duration = .seconds(2)
    /// Most bytes discarded while lingering.
    public var lingerBytes = 64 * 1024
    /// Open connections at most (F11). When all are taken, a new connection takes the slot of the
    /// connection that has been idle longest (a keep-alive connection between requests, or one that
    /// never sent a byte); with none idle, it is accepted and closed at once.
    public var maxConnections = 1024
    /// Open connections from one client address at most (0: no limit); beyond it a connection is
    /// accepted and closed at once, so one address cannot take every slot. Behind a load balancer
    /// every client has the balancer's address: raise it to `maxConnections` there.
    public var maxConnectionsPerAddress = 512
    /// A new connection must send its first byte within this (part of `headerTimeout`, which runs
    /// from that first byte)…
    public var firstByteTimeout: Duration = .seconds(5)
    /// …and within this once three quarters of the slots are taken, so silent connections give their
    /// slots back quickly under pressure.
    public var firstByteTimeoutUnderPressure: Duration = .milliseconds(500)
    /// Requests served on one connection before `Connection: close` (F12); 0 = no cap.
    public var maxRequestsPerConnection = 10_000
    /// `listen` backlog.
    public var backlog: Int32 = 1024
    /// Event loops: threads that each poll their share of the connections and run their requests
    /// (one per online core by default).
    public var eventLoops = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// The documented defaults.
    /// The first half of every trace id; nil draws it at random (a sandbox started with a seed fixes it,
    /// so its error bodies repeat byte for byte).
    public var traceIdPrefix: UInt32?

    public init() {}
}

extension Duration {
    /// Whole nanoseconds, for monotonic deadlines.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
