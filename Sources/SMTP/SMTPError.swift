/// A failed delivery attempt, naming the step of the conversation that failed and what the relay said.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// The steps of a delivery, as the outbox and the log name them.
    public enum Stage: String, Sendable {
        case connect = "connect"
        case greeting = "greeting"
        case ehlo = "EHLO"
        case startTLS = "STARTTLS"
        case tlsHandshake = "TLS handshake"
        case auth = "AUTH"
        case mailFrom = "MAIL FROM"
        case rcptTo = "RCPT TO"
        case data = "DATA"
        case endOfData = "end of data"
        case reset = "RSET"
    }

    /// Which step failed.
    public let stage: Stage
    /// What happened at that step: the relay's reply, or the local reason.
    public let detail: String
    /// A 5xx reply: this message is refused for good.
    public let permanent: Bool
    /// The mail settings cannot work with this relay (no STARTTLS, an untrusted or mismatched
    /// certificate, AUTH that would go in clear): nothing is sent until the settings change.
    public let configuration: Bool
    /// The relay's reply code, when the relay answered (nil: the connection failed or timed out).
    public let replyCode: Int?

    public init(_ stage: Stage, _ detail: String, permanent: Bool = false, configuration: Bool = false, replyCode: Int? = nil) {
        self.stage = stage
        self.detail = detail
        self.permanent = permanent
        self.configuration = configuration
        self.replyCode = replyCode
    }

    /// The relay refused this one message but the conversation can go on with the next (after RSET).
    public var concernsOnlyThisMessage: Bool {
        replyCode != nil && [.mailFrom, .rcptTo, .data, .endOfData].contains(stage)
    }

    /// `<stage>: <detail>`, e.g. `RCPT TO: 550 no such user` or `TLS handshake: certificate verify failed …`.
    public var message: String {
        "\(stage.rawValue): \(detail)" + (configuration ? " (nothing is sent until the mail settings change)" : "")
    }

    public var description: String { message }
}
