import Foundation
import Glibc

/// One SMTP conversation (RFC 5321) over a blocking socket with time-outs: greeting, EHLO (HELO when
/// EHLO is refused), optional AUTH PLAIN (RFC 4954), then MAIL FROM / RCPT TO / DATA with dot-stuffing,
/// and QUIT. Blocking: callers run it on a dispatch queue, never on Swift's cooperative pool.
public final class SMTPSession {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var extensions: [String] = []

    /// Connects, reads the greeting and introduces itself.
    public init(host: String, port: Int, heloName: String, timeoutSeconds: Int = 10) throws(SMTPError) {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
            throw SMTPError("cannot resolve \(host)")
        }
        defer { freeaddrinfo(info) }
        fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw SMTPError("socket failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // From here on every stored property is set, so a throw runs `deinit`, which closes the socket;
        // closing it here as well would close whatever descriptor reused the number in between.
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            throw SMTPError("cannot connect to \(host):\(port): \(String(cString: strerror(errno)))")
        }
        try expect(220, after: nil)
        let reply = try command("EHLO \(heloName)")
        if reply.code == 250 {
            extensions = reply.lines.dropFirst().map { $0.uppercased() }
        } else {
            try expect(250, after: "HELO \(heloName)")
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// AUTH PLAIN with a username and password (only when the relay offers it).
    public func authenticate(username: String, password: String) throws(SMTPError) {
        guard extensions.contains(where: { $0.hasPrefix("AUTH") && $0.contains("PLAIN") }) else {
            throw SMTPError("the relay does not offer AUTH PLAIN", permanent: true)
        }
        let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
        try expect(235, after: "AUTH PLAIN \(token)")
    }

    /// Sends one message; returns when the relay has accepted it (250 after the final dot).
    public func send(_ message: SMTPMessage, envelopeFrom: String) throws(SMTPError) {
        try expect(250, after: "MAIL FROM:<\(envelopeFrom)>")
        let rcpt = try command("RCPT TO:<\(message.to)>")
        guard rcpt.code == 250 || rcpt.code == 251 else { throw failure("RCPT TO", rcpt) }
        try expect(354, after: "DATA")
        // RFC 5321 §4.5.2: a line that starts with "." gets one more.
        var data = message.rendered().split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        data += "\r\n.\r\n"
        try write(data)
        try expect(250, after: nil)
    }

    /// Ends the conversation politely.
    public func quit() { _ = try? command("QUIT") }

    // MARK: - Replies

    struct Reply {
        let code: Int
        let lines: [String]
    }

    private func failure(_ what: String, _ reply: Reply) -> SMTPError {
        SMTPError("\(what): \(reply.code) \(reply.lines.joined(separator: " "))", permanent: reply.code >= 500)
    }

    private func expect(_ code: Int, after line: String?) throws(SMTPError) {
        let reply: Reply
        if let line { reply = try command(line) } else { reply = try readReply() }
        guard reply.code == code else { throw failure(line.map { String($0.prefix(10)) } ?? "greeting", reply) }
    }

    private func command(_ line: String) throws(SMTPError) -> Reply {
        try write(line + "\r\n")
        return try readReply()
    }

    private func write(_ text: String) throws(SMTPError) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw SMTPError("connection lost while sending") }
            offset += n
        }
    }

    /// Reads a possibly multi-line reply (`250-…` continues, `250 …` ends).
    private func readReply() throws(SMTPError) -> Reply {
        var lines: [String] = []
        while true {
            let line = try readLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError("malformed reply: \(line.prefix(80))") }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return Reply(code: code, lines: lines) }
        }
    }

    private func readLine() throws(SMTPError) -> String {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 1)
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { throw SMTPError(n == 0 ? "the relay closed the connection" : "no reply from the relay in time") }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }
}
