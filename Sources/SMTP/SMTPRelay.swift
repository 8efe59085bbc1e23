/// Where and how to reach the mail relay.
public struct SMTPRelay: Sendable, Equatable {
    /// How the conversation is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain connection, then `STARTTLS` (RFC 3207) before anything else; a relay that does not
        /// offer it is refused. The usual port is 587.
        case startTLS = "starttls"
        /// TLS from the first byte (RFC 8314). The usual port is 465.
        case implicitTLS = "implicit"
        /// No TLS: only for a relay on the same host or network, and never with credentials.
        case none = "none"
    }

    /// A host name or an IP address (IPv4 or IPv6); every address of a name is tried in turn.
    public var host: String
    public var port: Int
    public var security: Security = .startTLS
    /// A PEM file of extra CA certificates to trust (a private CA), besides the system's.
    public var caFile: String?
    /// The most any one step (connecting to one address, a TLS handshake, one reply) may take.
    public var stepTimeoutMillis = 10_000
    /// The name this server gives in EHLO.
    public var heloName = "megaport-server.local"
    /// Credentials for AUTH PLAIN or LOGIN, sent only over TLS.
    public var username: String?
    public var password: String?

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Why these settings can never be used safely, if they cannot: credentials without TLS.
    public var unsafeReason: String? {
        security == .none && username != nil
            ? "SMTP credentials are set but --smtp-tls is none: AUTH would send the password in clear; use starttls or implicit"
            : nil
    }
}
