import Dispatch
import Foundation
import JSON
import TestSupport
import Testing

/// `megaport-server serve` as a process: it logs where it listens, answers, and exits 0 on SIGTERM.
@Suite struct ServeTests {
    @Test func servesUntilSIGTERMThenExitsZero() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        _ = try await s.run(["demo"])
        let child = try ChildProcess.spawn(Subprocess.binary, ["serve", "--port", "0", "--log-level", "warning", "--smtp", "127.0.0.1:1"] + s.flags,
                                           environment: ["SMTP_USERNAME": "relay-user", "SMTP_PASSWORD": "hunter2-secret"])
        child.finishInput()
        let (first, early): ([UInt8], [UInt8]) = await withCheckedContinuation { continuation in
            DispatchQueue(label: "serve-reader").async { continuation.resume(returning: child.readLine()) }
        }
        let firstLine = String(decoding: first, as: UTF8.self)
        let startup = try JSONParser.parse(firstLine)
        #expect(startup["msg"] == "listening")
        #expect(startup["smtp"] == "127.0.0.1:1" && startup["smtpAuth"] == "relay-user (password redacted)", "configuration, secrets redacted")
        #expect(!firstLine.contains("hunter2"))
        guard case .int(let port)? = startup["port"] else { Issue.record("no port in \(firstLine)"); child.send(SIGKILL); return }
        let client = try RawClient(port: Int(port))
        await client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await client.readResponses(1).first?.status == 200)
        child.send(SIGTERM)
        let (status, output): (Int32?, [UInt8]) = await withCheckedContinuation { continuation in
            DispatchQueue(label: "serve-wait").async {
                let output = child.readAll().output
                continuation.resume(returning: (child.wait(), output))
            }
        }
        #expect(status == 0, "graceful shutdown exits 0 (nil: a signal ended it)")
        let rest = String(decoding: early + output, as: UTF8.self)
        #expect(rest.contains(#""msg":"shutting down""#) && rest.contains(#""msg":"stopped""#))
        #expect(!rest.contains(#""msg":"request""#), "--log-level warning leaves out the request lines")
        #expect(!rest.contains("hunter2"))
    }
}
