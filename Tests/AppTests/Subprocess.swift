import Dispatch
import Foundation
import TestSupport

/// Runs the built `megaport-server` binary. Blocking waits happen on a dispatch queue, never on the
/// cooperative pool the in-process test servers need.
enum Subprocess {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable beside the test bundle (`swift build` puts both in the same directory).
    static let binary: String = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("megaport-server").path

    /// Runs a command to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue(label: "subprocess").async {
                do {
                    let child = try ChildProcess.spawn(binary, arguments, environment: environment)
                    child.finishInput()
                    let (stdout, stderr) = child.readAll()
                    continuation.resume(returning: Result(status: child.wait() ?? -1, stdout: String(decoding: stdout, as: UTF8.self),
                                                          stderr: String(decoding: stderr, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

/// A fresh database path and the common flags that point a command at it.
struct Scratch {
    let temp: TempDatabase
    var flags: [String] { ["--db", temp.path, "--schema-dir", TempDatabase.schemaDirectory] }

    init() throws { temp = try TempDatabase() }

    func run(_ arguments: [String]) async throws -> Subprocess.Result { try await Subprocess.run(arguments + flags) }
}
