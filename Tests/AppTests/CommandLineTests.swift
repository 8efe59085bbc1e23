import Foundation
import Glibc
import JSON
import TestSupport
import Testing

/// API.md §2 "The command line": what each command prints, and exit status 2 (bad arguments, one
/// line on stderr) or 1 (a missing company or user).
@Suite struct CommandLineTests {
    @Test func adminCommandsPrintWhatTheTableSays() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let partner = try await s.run(["admin", "create-company", "--name", "Gamma", "--type", "PARTNER", "--market", "AU"])
        #expect(partner.status == 0 && Int(partner.stdout.trimmed) != nil, "prints the new id: \(partner)")
        let managed = try await s.run(["admin", "create-company", "--name", "Delta", "--type", "MANAGED", "--parent", partner.stdout.trimmed,
                                       "--supported-by", "PARTNER", "--signup-email", "ops@delta.example"])
        #expect(managed.status == 0 && Int(managed.stdout.trimmed) != nil)
        let user = try await s.run(["admin", "create-user", "--company", managed.stdout.trimmed, "--email", "ops@delta.example",
                                    "--position", "Company Admin", "--password", "long-password", "--first-name", "Olga"])
        #expect(user.status == 0 && Int(user.stdout.trimmed) != nil)
        let token = try await s.run(["admin", "issue-token", "--email", "ops@delta.example"])
        #expect(token.status == 0 && token.stdout.trimmed.count == 36, "prints the token")
        let added = try await s.run(["admin", "add-interfaces", "--location", "3", "--speed", "10000", "--count", "5"])
        #expect(added.status == 0 && added.stdout.trimmed == "5", "prints the count added")
    }

    /// A grown database is handed over whole: the log folded into the file, so `serve` does not start
    /// by copying hundreds of megabytes (what made the first orders on a 1M database wait seconds).
    /// 100,000 services in single statements, each in one savepoint: big enough that a savepoint journal
    /// kept in a bounded block overflowed it (that failed with SQLITE_FULL).
    @Test(.enabled(if: !TempDatabase.onPostgres, "seed-scale builds SQLite files")) func seedScaleLeavesNoLogBehind() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let seeded = try await s.run(["admin", "seed-scale", "--services", "100000", "--companies", "5000"])
        #expect(seeded.status == 0 && seeded.stdout.hasPrefix("210000 rows in "), "\(seeded)")
        let log = (try? FileManager.default.attributesOfItem(atPath: s.temp.path + "-wal")[.size] as? Int) ?? 0
        #expect(log == 0, "the write-ahead log is empty: \(log) bytes")
    }

    @Test(arguments: [
        ["admin", "create-company", "--name", "X", "--type", "BIG"],
        ["admin", "create-company", "--type", "DIRECT"],
        ["admin", "create-company", "--name", "X", "--type", "DIRECT", "--colour", "blue"],
        ["admin", "create-company", "--name", "X", "--type", "DIRECT", "--market", "AUS"],
        ["admin", "create-company", "--name", "X", "--type", "MANAGED"],
        ["admin", "create-user", "--company", "1", "--email", "a@b.example", "--position", "Boss", "--password", "long-password"],
        ["admin", "create-user", "--company", "one", "--email", "a@b.example", "--position", "Finance", "--password", "long-password"],
        ["admin", "add-interfaces", "--location", "3", "--speed", "2500", "--count", "1"],
        ["admin", "add-interfaces", "--location", "3", "--speed", "1000"],
        ["admin", "launch-rockets"],
        ["serve", "--port", "99999"],
        ["serve", "--event-loops", "0"],
        ["serve", "--smtp", "nohost"],
    ])
    func badArgumentsExit2WithOneLine(_ arguments: [String]) async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let result = try await s.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// The domain names fields by its own keys; the command line shows its flags.
    @Test func ruleViolationsNameTheFlag() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let managed = try await s.run(["admin", "create-company", "--name", "X", "--type", "MANAGED"])
        #expect(managed.status == 2 && managed.stderr.contains("--parent is required for a MANAGED company"), "\(managed)")
        let direct = try await s.run(["admin", "create-company", "--name", "X", "--type", "DIRECT", "--market", "ZZ"])
        #expect(direct.status == 2 && direct.stderr.contains("--market unknown billing market ZZ"), "\(direct)")
    }

    /// Help on every command and subcommand: exit 0, the options with their defaults and environment.
    @Test(arguments: [
        (["--help"], "commands:"), (["-h"], "commands:"), (["help"], "admin create-user"), (["--version"], "megaport-server 1."),
        (["serve", "--help"], "--port N"), (["serve", "-h"], "env PORT"), (["--port", "1", "--help"], "--smtp-tls MODE"),
        (["demo", "--help"], "--json"), (["admin"], "admin add-interfaces"), (["admin", "--help"], "admin issue-token"),
        (["admin", "create-user", "--help"], "--position POSITION"), (["help", "admin", "create-company"], "--auto-approve-vxcs"),
        (["help", "serve"], "default 127.0.0.1; env HOST"),
    ])
    func helpIsThereForEveryCommand(_ arguments: [String], _ expected: String) async throws {
        let result = try await Subprocess.run(arguments)
        #expect(result.status == 0 && result.stdout.contains(expected) && result.stderr.isEmpty, "\(arguments): \(result)")
    }

    /// A typo gets the nearest valid name; a port in use says how to pick another.
    @Test func mistakesPointTheWay() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        for (arguments, expected) in [(["serve", "--prot", "9000"], "did you mean --port?"), (["dmeo"], "did you mean demo?"),
                                      (["admin", "create-usr"], "did you mean admin create-user?")] {
            let result = try await s.run(arguments)
            #expect(result.status == 2 && result.stderr.contains(expected), "\(arguments): \(result)")
        }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        let bound = Loopback.withAddress(port: 0) { bind(listener, $0, $1) }
        #expect(bound == 0 && listen(listener, 1) == 0)
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let taken = Int(UInt16(bigEndian: address.sin_port))
        let busy = try await s.run(["serve", "--port", String(taken)])
        #expect(busy.status == 1 && busy.stderr.contains("--port N or PORT=N"), "\(busy)")
    }

    /// `admin create-api-key` prints a key and its secret once; `demo --json` carries one for admin@acme.example.
    @Test func apiKeysFromTheCommandLine() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let demo = try JSONParser.parse(try await s.run(["demo", "--json"]).stdout.trimmed)
        #expect(demo["apiKey"]?["key"] != nil && demo["apiKey"]?["secret"] != nil, "\(demo)")
        let created = try await s.run(["admin", "create-api-key", "--email", "techadmin@acme.example", "--name", "ci"])
        let key = try JSONParser.parse(created.stdout.trimmed)
        if case .string(let secret)? = key["secret"] { #expect(created.status == 0 && secret.count == 64) } else { Issue.record("\(created)") }
        let bad = try await s.run(["admin", "create-api-key", "--email", "techadmin@acme.example", "--role", "Boss"])
        #expect(bad.status == 2 && bad.stderr.contains("--role must be one of"))
    }

    /// `demo` prints a table a person can read; `--json` is for scripts.
    @Test func demoPrintsATable() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let table = try await s.run(["demo"])
        let lines = table.stdout.split(separator: "\n")
        #expect(table.status == 0 && lines.contains { $0.hasPrefix("company") && $0.contains("position") && $0.contains("token") })
        #expect(lines.contains { $0.contains("readonly@acme.example") && $0.contains("Read Only") }, "\(table.stdout)")
    }

    /// Credentials never go in clear: `serve` refuses to start with them and no TLS.
    @Test func credentialsWithoutTLSAreRefusedAtStart() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let result = try await Subprocess.run(["serve", "--port", "0", "--smtp", "127.0.0.1:25", "--smtp-tls", "none"] + s.flags,
                                              environment: ["SMTP_USERNAME": "relay-user", "SMTP_PASSWORD": "secret-password"])
        #expect(result.status == 2 && result.stderr.contains("--smtp-tls is none"), "\(result)")
        #expect(!result.stderr.contains("secret-password"))
        let ipv6 = try await Subprocess.run(["serve", "--port", "0", "--smtp", "[::1", "--smtp-tls", "none"] + s.flags)
        #expect(ipv6.status == 2 && ipv6.stderr.contains("[IPv6]:PORT"), "\(ipv6)")
    }

    @Test(arguments: [
        ["admin", "create-user", "--company", "999", "--email", "a@b.example", "--position", "Finance", "--password", "long-password"],
        ["admin", "issue-token", "--email", "nobody@nowhere.example"],
        ["admin", "create-company", "--name", "X", "--type", "MANAGED", "--parent", "999"],
        ["admin", "add-interfaces", "--location", "999", "--speed", "1000", "--count", "1"],
    ])
    func missingCompanyOrUserExits1(_ arguments: [String]) async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let result = try await s.run(arguments)
        #expect(result.status == 1, "\(arguments): \(result)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func demoPrintsTokensAndIsRepeatable() async throws {
        let s = try Scratch()
        defer { s.temp.remove() }
        let first = try await s.run(["demo", "--json"])
        #expect(first.status == 0, "\(first)")
        let world = try JSONParser.parse(first.stdout.trimmed)
        guard case .object(let tokens)? = world["tokens"] else { Issue.record("no tokens: \(first.stdout)"); return }
        for email in ["admin@acme.example", "readonly@acme.example", "admin@aws.example", "admin@delta.example"] {
            #expect(tokens[email] != nil, "\(email) has a token")
        }
        let second = try JSONParser.parse(try await s.run(["demo", "--json"]).stdout.trimmed)
        #expect(second["companies"] == world["companies"], "the demo world is seeded once")
    }

    @Test func databasePathComesFromTheEnvironmentToo() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let result = try await Subprocess.run(["admin", "create-company", "--name", "Env", "--type", "DIRECT",
                                               "--schema-dir", TempDatabase.schemaDirectory],
                                              environment: ["DATABASE_PATH": temp.path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: temp.path))
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
