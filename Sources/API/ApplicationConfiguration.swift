import Domain

/// Everything an `Application` is built from: the database (already opened, on any engine) and the
/// product's settings.
public struct ApplicationConfiguration: Sendable {
    /// The database the services run on.
    public var database: any DatabaseWriter
    /// How long a session token lives.
    public var tokenLifetimeMillis: Int64 = 24 * 3_600_000
    /// How long services stay CONFIGURED before LIVE (0 in tests).
    public var provisioningDelayMillis: Int64 = 3000
    /// How long a connection request waits for a decision (60 days).
    public var approvalLifetimeMillis: Int64 = 60 * 86_400_000
    /// The SMTP relay; without one, emails wait in the outbox.
    public var mail: MailWorker.Configuration?
    /// Structured logs.
    public var log = LogWriter()
    /// Where emails send people (the server's public base URL).
    public var links = PortalLinks()
    /// Set when the server runs as a sandbox (`megaport-server sandbox`): its controls and `/sandbox/` routes.
    public var sandbox: Sandbox.Settings?
    /// This node's name in `/health` and on every `/metrics` series (several nodes may serve one database).
    public var nodeName = "local"

    /// The defaults, on `database`.
    public init(database: any DatabaseWriter) { self.database = database }
}
