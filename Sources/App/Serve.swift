import API
import Dispatch
import Foundation
import Glibc
import HTTPServer
import JSON

/// `serve`: run the API until SIGTERM or SIGINT, then shut down gracefully and exit 0.
enum Serve {
    static func run(_ words: ArraySlice<String>) async throws {
        let args = try Arguments(words, for: CommandCatalogue.serve)
        let common = try CommonConfiguration(args)
        let config = try ServeConfiguration(args)
        try await serve(try await Commands.open(common, serve: config), common, config)
    }

    /// Serves `app` until SIGTERM or SIGINT; the "listening" line carries `extra` too.
    static func serve(_ app: Application, _ common: CommonConfiguration, _ config: ServeConfiguration, extra: JSONObject = JSONObject()) async throws {
        let server: Server
        do {
            server = try app.makeServer(config.server)
        } catch let error as IOError where error.call == "bind" && error.code == EADDRINUSE {
            throw PortInUse(host: config.server.host, port: config.server.port)
        }
        app.startBackgroundWork()
        let signals = Signals { signal in
            app.log.log(.info, "shutting down", ["signal": .string(signal)], always: true)
            server.shutdown()
        }
        var fields = describe(common, config, port: server.port)
        for (key, value) in extra.members { fields[key] = value }
        app.log.log(.info, "listening", fields, always: true)
        await server.run()
        await app.stopBackgroundWork()
        signals.cancel()
        app.log.log(.info, "stopped", always: true)
    }

    /// The configuration as a log line, secrets redacted (the SMTP password is never printed).
    static func describe(_ common: CommonConfiguration, _ config: ServeConfiguration, port: Int) -> JSONObject {
        let s = config.server
        return [
            "host": .string(s.host), "port": .int(port), "publicUrl": .string(config.publicURL), "db": .string(common.database.display),
            "schemaDir": .string(common.schemaDirectory), "smtp": .string(config.smtpRelay.map { "\($0.host):\($0.port)" }), "smtpTls": .string(config.smtpSecurity.rawValue),
            "mailFrom": .string(config.mailFrom), "smtpAuth": .string(config.smtpUsername.map { "\($0) (password redacted)" }),
            "provisioningDelayMs": .int(config.provisioningDelayMillis), "approvalTtlDays": .int(config.approvalLifetimeDays),
            "tokenTtlHours": .int(config.tokenLifetimeHours),
            "eventLoops": .int(s.eventLoops), "maxConnections": .int(s.maxConnections), "maxConnectionsPerAddress": .int(s.maxConnectionsPerAddress), "maxBodyBytes": .int(s.limits.maxBodyBytes),
            "headerTimeoutMs": .int(Int(s.headerTimeout / .milliseconds(1))),
            "bodyTimeoutMs": .int(Int(s.bodyIdleTimeout / .milliseconds(1))),
            "keepAliveTimeoutMs": .int(Int(s.keepAliveTimeout / .milliseconds(1))),
            "writeTimeoutMs": .int(Int(s.writeTimeout / .milliseconds(1))),
        ]
    }
}

/// The listen port is taken: says how to choose another.
struct PortInUse: Error, CustomStringConvertible {
    let host: String
    let port: Int

    var description: String {
        "\(host):\(port) is already in use (another megaport-server?); choose another port with --port N or PORT=N (0 picks a free one)"
    }
}
