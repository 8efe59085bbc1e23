/// A failed delivery attempt. `permanent` (a 5xx reply) means retrying will not help.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// What failed, e.g. `connect 127.0.0.1:2525` or `RCPT TO: 550 no such user`.
    public let message: String
    /// True for 5xx replies: the message is refused for good.
    public let permanent: Bool

    public init(_ message: String, permanent: Bool = false) {
        self.message = message
        self.permanent = permanent
    }

    public var description: String { message }
}
