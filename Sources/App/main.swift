import Domain
import Foundation
import Glibc

/// megaport-server: `serve` (the default), `admin …` and `demo` (API.md §2 command line).
/// Bad arguments: one line on standard error, exit 2. A missing company or user: exit 1.
/// `--help`/`-h` on any command, and `help [COMMAND]`, print help and exit 0; so does `--version`.

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data(("megaport-server: " + message + "\n").utf8))
    exit(status)
}

let words = Array(CommandLine.arguments.dropFirst())
do {
    switch try CommandRouter.resolve(words) {
    case .help(let text): print(text)
    case .run(let command, let rest):
        switch command.words {
        case ["serve"]: try await Serve.run(rest)
        case ["sandbox"]: try await SandboxCommand.run(rest)
        case ["demo"]: print(try await Commands.demo(rest))
        case ["admin", "create-company"]: print(try await Commands.createCompany(rest))
        case ["admin", "create-user"]: print(try await Commands.createUser(rest))
        case ["admin", "issue-token"]: print(try await Commands.issueToken(rest))
        case ["admin", "create-api-key"]: print(try await Commands.createApiKey(rest))
        case ["admin", "add-interfaces"]: print(try await Commands.addInterfaces(rest))
        case ["admin", "seed-scale"]: print(try await Commands.seedScale(rest))
        default: fail("'\(command.name)' has no implementation", status: 2)
        }
    }
} catch let error as UsageError {
    fail(error.description, status: 2)
} catch let error as DomainError {
    switch error {
    case .invalid(let fields): fail(fields.map { "--\(CommandLineFields.names.wire($0.field)) \($0.message)" }.joined(separator: "; "), status: 2)
    case .notFound(let message): fail(message, status: 1)
    case .conflict(_, let message), .forbidden(_, let message), .unauthenticated(let message): fail(message, status: 1)
    case .rateLimited, .accountSetupIncomplete, .vlanUnavailable, .unprocessable: fail(String(describing: error), status: 1)
    }
} catch let error as PortInUse {
    fail(error.description, status: 1)
} catch {
    fail(String(describing: error), status: 1)
}
