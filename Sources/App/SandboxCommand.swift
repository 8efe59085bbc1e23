import API
import Domain
import Foundation
import JSON
import SQLiteStorage

/// `sandbox`: `serve` for integrators' test harnesses — a SQLite database created for it and seeded with
/// the demo world, a template of that state for `POST /sandbox/reset`, the `/sandbox/` controls, and with
/// `--seed N` repeatable ids and a frozen clock. It refuses a database that was not created as a sandbox.
enum SandboxCommand {
    static func run(_ words: ArraySlice<String>) async throws {
        let args = try Arguments(words, for: CommandCatalogue.sandbox)
        let common = try CommonConfiguration(args)
        var config = try ServeConfiguration(args)
        if try args.int("token-ttl-hours", in: 1...8760) == nil { config.tokenLifetimeHours = 8760 }
        let seed = try args.string("seed").map { text in
            guard let value = UInt64(text) else { throw UsageError("--seed must be a whole number 0 to 18446744073709551615, got '\(text)'") }
            return value
        }
        let place = try Place(args.string("db"))
        defer { place.cleanUp() }

        if let seed {
            RandomSource.seed(seed)
            config.server.traceIdPrefix = UInt32(truncatingIfNeeded: seed)
        }
        Sandbox.startClock(seed: seed)  // the demo world is seeded at the sandbox's time
        let db = try await SQLiteDatabase.open(path: place.path, schemaDirectory: common.schemaDirectory)
        try await db.markAsSandbox()
        let world = try await Commands.application(db, common, serve: config).seedDemo()
        try? FileManager.default.removeItem(atPath: place.template)
        try await db.saveTemplate(to: place.template)

        var settings = Sandbox.Settings(seed: seed, randomPosition: RandomSource.position) { [template = place.template] in
            try await db.restore(fromTemplate: template)
        }
        settings.mailFrom = config.mailFrom
        let app = Commands.application(db, common, serve: config, sandbox: settings)
        app.log.log(.warning, "SANDBOX: a test server, not for production — reset, clock and faults under /sandbox/, mail captured, not sent",
                    ["seed": seed.map { .int(Int64(bitPattern: $0)) } ?? .null, "db": .string(place.path)], always: true)
        try await Serve.serve(app, common, config, extra: ["sandbox": true, "db": .string(place.path), "seed": seed.map { .string(String($0)) } ?? .null, "demo": world])
    }

    /// Where the sandbox's file and its template live: a temporary directory removed at exit, or the file
    /// `--db` names (new, or made by an earlier sandbox).
    struct Place {
        let path: String
        let template: String
        private let temporaryDirectory: String?

        init(_ given: String?) throws {
            if let given {
                guard !given.contains("://") else {
                    throw UsageError("--db must be a file path: the sandbox runs on SQLite (its reset restores a SQLite copy)")
                }
                guard SQLiteDatabase.isNewFile(given) || (try? SQLiteDatabase.isSandboxFile(given)) == true else {
                    throw UsageError("\(given) was not created as a sandbox; the sandbox runs only on a new file or one an earlier sandbox made")
                }
                (path, temporaryDirectory) = (given, nil)
            } else {
                var pattern = Array((NSTemporaryDirectory() + "megaport-sandbox.XXXXXX").utf8CString)
                guard let made = mkdtemp(&pattern) else { throw UsageError("cannot create a temporary directory for the sandbox") }
                let directory = String(cString: made)
                (path, temporaryDirectory) = (directory + "/sandbox.sqlite", directory)
            }
            template = path + ".template"
        }

        /// Removes the temporary directory, or the template beside a named file.
        func cleanUp() {
            try? FileManager.default.removeItem(atPath: temporaryDirectory ?? template)
        }
    }
}
