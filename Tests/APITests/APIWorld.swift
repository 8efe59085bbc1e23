import API
import Foundation
import HTTPServer
import JSON
import TestSupport

/// One running application for the API tests: a temp database with the demo world, the real server
/// on `127.0.0.1:0`, and its log written to a file the tests can read.
final class APIWorld: Sendable {
    let temp: TempDatabase
    let app: Application
    let server: Server
    let tokens: [String: String]
    let logPath: String

    static let shared = Task { try await APIWorld() }

    private init() async throws {
        temp = try TempDatabase()
        logPath = temp.directory + "/server.log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let fd = open(logPath, O_WRONLY | O_APPEND)
        app = try await Application(databasePath: temp.path, schemaDirectory: TempDatabase.schemaDirectory,
                                    log: LogWriter(level: .info, fd: fd))
        let seeded = try JSONParser.parse(try await app.seedDemo())
        var tokens: [String: String] = [:]
        if case .object(let object)? = seeded["tokens"] {
            for member in object.members { if case .string(let t) = member.value { tokens[member.key] = t } }
        }
        self.tokens = tokens
        var configuration = ServerConfiguration()
        configuration.port = 0
        server = try app.makeServer(configuration)
        let server = self.server
        Task.detached { await server.run() }
    }

    /// One request on a fresh connection.
    func request(_ method: String, _ target: String, headers: [String: String] = [:], body: String? = nil) async throws -> TestResponse {
        let client = try RawClient(port: server.port)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.utf8.count)\r\n" }
        await client.send(head + "\r\n" + (body ?? ""))
        guard let response = await client.readResponses(1, headOnly: method == "HEAD").first else {
            throw RawClient.ClientError.failed("no response to \(method) \(target)")
        }
        return response
    }

    /// The response body as JSON.
    static func json(_ response: TestResponse) throws -> JSONValue { try JSONParser.parse(response.body) }

    /// The server's log so far.
    func logText() throws -> String { try String(contentsOfFile: logPath, encoding: .utf8) }
}
