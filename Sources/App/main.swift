import Domain
import Foundation
import Glibc

/// megaport-server: `serve` (the default), `admin …` and `demo` (API.md §2 command line).
/// Bad arguments: one line on standard error, exit 2. A missing company or user: exit 1.
let usage = """
    usage: megaport-server [serve] [--host H] [--port P] [--db PATH] [--smtp HOST:PORT] [--provisioning-delay-ms N]
           megaport-server admin create-company --name N --type DIRECT|PARTNER|MANAGED|DISTRIBUTOR [...]
           megaport-server admin create-user --company ID --email E --position P --password P [...]
           megaport-server admin issue-token --email E
           megaport-server admin add-interfaces --location ID --speed S --count N
           megaport-server demo
    """

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data(("megaport-server: " + message + "\n").utf8))
    exit(status)
}

let words = Array(CommandLine.arguments.dropFirst())
do {
    switch (words.first, words.dropFirst().first) {
    case (nil, _), ("serve", _): try await Serve.run(words.first == nil ? [] : words.dropFirst())
    case (let first?, _) where first.hasPrefix("--"): try await Serve.run(words[...])
    case ("admin", "create-company"): print(try await Commands.createCompany(words.dropFirst(2)))
    case ("admin", "create-user"): print(try await Commands.createUser(words.dropFirst(2)))
    case ("admin", "issue-token"): print(try await Commands.issueToken(words.dropFirst(2)))
    case ("admin", "add-interfaces"): print(try await Commands.addInterfaces(words.dropFirst(2)))
    case ("demo", _): print(try await Commands.demo(words.dropFirst()))
    case ("help", _), ("--help", _), ("-h", _):
        print(usage)
    default:
        fail("unknown command '\(words.joined(separator: " "))'; see 'megaport-server help'", status: 2)
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
} catch {
    fail(String(describing: error), status: 1)
}
