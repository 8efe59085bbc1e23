import Foundation
import Glibc

/// One client conversation of the test relay.
struct SMTPTestSession {
    let fd: Int32
    let server: SMTPTestServer
    private var buffer: [UInt8] = []

    init(fd: Int32, server: SMTPTestServer) {
        self.fd = fd
        self.server = server
    }

    /// Speaks SMTP until QUIT or the connection drops; the server closes the socket afterwards.
    mutating func run() {
        reply("220 test-relay ESMTP ready")
        var from = ""
        var recipients: [String] = []
        while let line = readLine() {
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                reply("250-test-relay greets you\r\n250-AUTH PLAIN\r\n250 8BITMIME")
            } else if upper.hasPrefix("HELO") || upper.hasPrefix("NOOP") {
                reply("250 OK")
            } else if upper.hasPrefix("AUTH PLAIN ") {
                let token = String(line.dropFirst(11))
                let parts = (Data(base64Encoded: token) ?? Data()).split(separator: 0, omittingEmptySubsequences: false)
                server.storeCredentials(parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }.joined(separator: ":"))
                reply("235 2.7.0 Authentication successful")
            } else if upper.hasPrefix("MAIL FROM:") {
                from = Self.address(line)
                recipients = []
                reply("250 OK")
            } else if upper.hasPrefix("RCPT TO:") {
                let address = Self.address(line)
                if server.rejected.contains(address) { reply("550 5.1.1 no such user"); continue }
                recipients.append(address)
                reply("250 OK")
            } else if upper == "DATA" {
                reply("354 end with <CRLF>.<CRLF>")
                var lines: [String] = []
                while let dataLine = readLine(), dataLine != "." {
                    lines.append(dataLine.hasPrefix("..") ? String(dataLine.dropFirst()) : dataLine)  // RFC 5321 §4.5.2
                }
                server.store(ReceivedMail(envelopeFrom: from, recipients: recipients, data: lines.joined(separator: "\r\n")))
                reply("250 2.0.0 queued")
            } else if upper == "RSET" {
                recipients = []
                reply("250 OK")
            } else if upper == "QUIT" {
                reply("221 bye")
                return
            } else {
                reply("500 5.5.1 unrecognised command")
            }
        }
    }

    static func address(_ line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line.firstIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }

    func reply(_ text: String) {
        let bytes = Array((text + "\r\n").utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    mutating func readLine() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }
}
