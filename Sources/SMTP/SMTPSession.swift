import Foundation

/// One SMTP conversation (RFC 5321) that can carry several messages: connect, TLS as configured
/// (implicit, or `STARTTLS` and EHLO again, RFC 3207), AUTH PLAIN or LOGIN (RFC 4954) only once the
/// stream is encrypted, then per message MAIL FROM / RCPT TO / DATA with dot-stuffing, `RSET` between
/// messages, and QUIT. Blocking: callers run it on a dispatch queue, never on Swift's cooperative pool.
/// Every failure names its step (`SMTPError.Stage`).
public final class SMTPSession {
    private let connection: SMTPConnection
    private let stepMillis: Int
    private var buffer: [UInt8] = []
    private var extensions: [String] = []
    private var messagesSent = 0

    /// Connects, secures the stream as `relay.security` says, introduces itself and authenticates.
    public init(_ relay: SMTPRelay) throws(SMTPError) {
        if let reason = relay.unsafeReason { throw SMTPError(.auth, reason, configuration: true) }
        connection = try SMTPConnection(relay)
        stepMillis = relay.stepTimeoutMillis
        if relay.security == .implicitTLS { try connection.startTLS(try TLSContext(caFile: relay.caFile), host: relay.host) }
        try expect(220, stage: .greeting)
        try hello(relay.heloName)
        if relay.security == .startTLS {
            guard offers("STARTTLS") else {
                throw SMTPError(.startTLS, "the relay does not offer STARTTLS; use --smtp-tls implicit for port 465, or none for a local relay",
                                configuration: true)
            }
            try expect(220, after: "STARTTLS", stage: .startTLS)
            buffer.removeAll()  // RFC 3207 §4.2: nothing read before the handshake may be used after it
            try connection.startTLS(try TLSContext(caFile: relay.caFile), host: relay.host)
            try hello(relay.heloName)
        }
        if let user = relay.username { try authenticate(username: user, password: relay.password ?? "") }
    }

    /// Sends one message; returns when the relay has accepted it (250 after the final dot).
    public func send(_ message: SMTPMessage, envelopeFrom: String) throws(SMTPError) {
        if messagesSent > 0 { try expect(250, after: "RSET", stage: .reset) }
        messagesSent += 1
        try expect(250, after: "MAIL FROM:<\(envelopeFrom)>", stage: .mailFrom)
        let rcpt = try command("RCPT TO:<\(message.to)>", stage: .rcptTo)
        guard rcpt.code == 250 || rcpt.code == 251 else { throw failure(.rcptTo, rcpt) }
        try expect(354, after: "DATA", stage: .data)
        // RFC 5321 §4.5.2: a line that starts with "." gets one more.
        var data = message.rendered().split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        data += "\r\n.\r\n"
        try connection.write(Array(data.utf8))
        try expect(250, stage: .endOfData)
    }

    /// Ends the conversation politely.
    public func quit() { _ = try? command("QUIT", stage: .reset) }

    /// Whether the conversation is encrypted.
    public var isEncrypted: Bool { connection.isTLS }

    // MARK: - Steps

    private func hello(_ name: String) throws(SMTPError) {
        let reply = try command("EHLO \(name)", stage: .ehlo)
        if reply.code == 250 {
            extensions = reply.lines.dropFirst().map { $0.uppercased() }
        } else {
            try expect(250, after: "HELO \(name)", stage: .ehlo)
            extensions = []
        }
    }

    private func offers(_ keyword: String) -> Bool { extensions.contains { $0 == keyword || $0.hasPrefix(keyword + " ") } }

    /// AUTH PLAIN, else AUTH LOGIN, whichever the relay offers — only over TLS.
    private func authenticate(username: String, password: String) throws(SMTPError) {
        guard connection.isTLS else { throw SMTPError(.auth, "refusing to send credentials without TLS", configuration: true) }
        let methods = extensions.first { $0.hasPrefix("AUTH ") }?.split(separator: " ").dropFirst().map(String.init) ?? []
        if methods.contains("PLAIN") {
            let token = Data([0] + Array(username.utf8) + [0] + Array(password.utf8)).base64EncodedString()
            try expect(235, after: "AUTH PLAIN \(token)", stage: .auth)
        } else if methods.contains("LOGIN") {
            try expect(334, after: "AUTH LOGIN", stage: .auth)
            try expect(334, after: Data(username.utf8).base64EncodedString(), stage: .auth)
            try expect(235, after: Data(password.utf8).base64EncodedString(), stage: .auth)
        } else {
            throw SMTPError(.auth, "the relay offers neither AUTH PLAIN nor AUTH LOGIN", configuration: true)
        }
    }

    // MARK: - Replies

    struct Reply {
        let code: Int
        let lines: [String]
    }

    private func failure(_ stage: SMTPError.Stage, _ reply: Reply) -> SMTPError {
        SMTPError(stage, "\(reply.code) \(reply.lines.joined(separator: " "))", permanent: reply.code >= 500, replyCode: reply.code)
    }

    /// Sends `line` (when given) and requires `code`. A failure quotes the relay's reply, never the line
    /// (which may carry credentials).
    private func expect(_ code: Int, after line: String? = nil, stage: SMTPError.Stage) throws(SMTPError) {
        let reply = if let line { try command(line, stage: stage) } else { try readReply(stage) }
        guard reply.code == code else { throw failure(stage, reply) }
    }

    private func command(_ line: String, stage: SMTPError.Stage) throws(SMTPError) -> Reply {
        do { try connection.write(Array((line + "\r\n").utf8)) } catch { throw SMTPError(stage, error.detail) }
        return try readReply(stage)
    }

    /// Reads a possibly multi-line reply (`250-…` continues, `250 …` ends).
    private func readReply(_ stage: SMTPError.Stage) throws(SMTPError) -> Reply {
        var lines: [String] = []
        let deadline = SMTPConnection.nowMillis() + stepMillis
        while true {
            let line = try readLine(stage, deadline: deadline)
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError(stage, "malformed reply: \(line.prefix(80))") }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return Reply(code: code, lines: lines) }
        }
    }

    private func readLine(_ stage: SMTPError.Stage, deadline: Int) throws(SMTPError) -> String {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 1)
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            guard buffer.count < 65_536 else { throw SMTPError(stage, "reply line too long") }
            do { try connection.read(into: &buffer, deadline: deadline) } catch { throw SMTPError(stage, error.detail) }
        }
    }
}
