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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Subprocess.binary)
        process.arguments = ["serve", "--port", "0", "--log-level", "warning", "--smtp", "127.0.0.1:1"] + s.flags
        process.environment = ProcessInfo.processInfo.environment.merging(["SMTP_USERNAME": "relay-user", "SMTP_PASSWORD": "hunter2-secret"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let firstLine: String = await withCheckedContinuation { continuation in
            DispatchQueue(label: "serve-reader").async {
                var bytes: [UInt8] = []
                while !bytes.contains(0x0A) {
                    let data = out.fileHandleForReading.availableData
                    if data.isEmpty { break }
                    bytes.append(contentsOf: data)
                }
                continuation.resume(returning: String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self))
            }
        }
        let startup = try JSONParser.parse(firstLine)
        #expect(startup["msg"] == "listening")
        #expect(startup["smtp"] == "127.0.0.1:1" && startup["smtpAuth"] == "relay-user (password redacted)", "configuration, secrets redacted")
        #expect(!firstLine.contains("hunter2"))
        guard case .int(let port)? = startup["port"] else { Issue.record("no port in \(firstLine)"); process.terminate(); return }
        let client = try RawClient(port: Int(port))
        await client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await client.readResponses(1).first?.status == 200)
        process.terminate()  // SIGTERM
        let status: Int32 = await withCheckedContinuation { continuation in
            DispatchQueue(label: "serve-wait").async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        #expect(status == 0, "graceful shutdown exits 0")
        #expect(process.terminationReason == .exit)
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains(#""msg":"shutting down""#) && rest.contains(#""msg":"stopped""#))
        #expect(!rest.contains(#""msg":"request""#), "--log-level warning leaves out the request lines")
        #expect(!rest.contains("hunter2"))
    }
}
