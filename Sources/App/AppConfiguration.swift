import API
import Domain
import Foundation
import HTTPServer
import SMTP

/// Settings shared by every command: the database, the schema and the log level; flags win over the
/// environment, which wins over defaults.
struct CommonConfiguration {
    var database: DatabaseLocation
    var schemaDirectory: String
    var logLevel: LogWriter.Level

    init(_ args: Arguments, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        database = try DatabaseLocation(args.string("db") ?? environment["DATABASE_URL"] ?? environment["DATABASE_PATH"] ?? "./data/megaport.sqlite")
        schemaDirectory = try args.string("schema-dir") ?? environment["SCHEMA_DIR"] ?? Self.findSchemaDirectory()
        let level = args.string("log-level") ?? environment["LOG_LEVEL"] ?? "info"
        guard let parsed = LogWriter.Level.allCases.first(where: { $0.name == level }) else {
            throw UsageError("--log-level must be one of debug, info, warning, error")
        }
        logLevel = parsed
    }

    /// `./Schema`, else the `Schema/` of the source tree the executable was built in.
    static func findSchemaDirectory() throws -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: "Schema/0001_initial.sql") { return "Schema" }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for up in 1...4 {
            var dir = exe
            for _ in 0..<up { dir = dir.deletingLastPathComponent() }
            let candidate = dir.appendingPathComponent("Schema").path
            if fm.fileExists(atPath: candidate + "/0001_initial.sql") { return candidate }
        }
        throw UsageError("cannot find the Schema directory; pass --schema-dir or set SCHEMA_DIR")
    }
}

/// `serve` settings: the listener, its limits and time-outs, and the background stages. The SMTP
/// credentials come only from the environment (`SMTP_USERNAME`, `SMTP_PASSWORD`), never from flags
/// that `ps` would show.
struct ServeConfiguration {
    var server = ServerConfiguration()
    var smtpRelay: (host: String, port: Int)?
    var smtpSecurity = SMTPRelay.Security.startTLS
    var smtpCAFile: String?
    var smtpTimeoutMillis = 10_000
    var mailFrom = "notifications@megaport-server.local"
    var smtpUsername: String?
    var smtpPassword: String?
    var smtpRetryBaseMillis = 2000
    var provisioningDelayMillis = 3000
    var approvalLifetimeDays = 60
    var tokenLifetimeHours = 24
    /// The base URL people reach the server at, for links in emails (default: the listen address).
    var publicURL: String
    /// This node's name in `/health` and on every `/metrics` series (default: host name and process id).
    var nodeName: String

    init(_ args: Arguments, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        server.host = args.string("host") ?? environment["HOST"] ?? "127.0.0.1"
        if let port = try args.int("port", in: 0...65535) {
            server.port = port
        } else if let text = environment["PORT"] {
            guard let port = Int(text), (0...65535).contains(port) else { throw UsageError("PORT must be 0–65535, got '\(text)'") }
            server.port = port
        }
        publicURL = args.string("public-url") ?? environment["PUBLIC_URL"] ?? "http://\(server.host):\(server.port)"
        nodeName = args.string("node-name") ?? environment["NODE_NAME"] ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        guard !nodeName.isEmpty, nodeName.count <= 64, nodeName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._:-".contains($0)) }) else {
            throw UsageError("--node-name must be 1 to 64 letters, digits, '.', '_', ':' or '-', got '\(nodeName)'")
        }
        guard publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://") else {
            throw UsageError("--public-url must start with http:// or https://, got '\(publicURL)'")
        }
        if let smtp = args.string("smtp") {
            guard let relay = Self.hostAndPort(smtp) else { throw UsageError("--smtp must be HOST:PORT or [IPv6]:PORT, got '\(smtp)'") }
            smtpRelay = relay
        }
        if let mode = args.string("smtp-tls") ?? environment["SMTP_TLS"] {
            guard let security = SMTPRelay.Security(rawValue: mode) else {
                throw UsageError("--smtp-tls must be starttls, implicit or none, got '\(mode)'")
            }
            smtpSecurity = security
        }
        smtpCAFile = args.string("smtp-ca-file") ?? environment["SMTP_CA_FILE"]
        smtpTimeoutMillis = try args.int("smtp-timeout-ms", in: 100...600_000) ?? smtpTimeoutMillis
        mailFrom = args.string("mail-from") ?? environment["MAIL_FROM"] ?? mailFrom
        guard mailFrom.contains("@"), !mailFrom.contains(" ") else { throw UsageError("--mail-from must be an email address") }
        smtpUsername = environment["SMTP_USERNAME"]
        smtpPassword = environment["SMTP_PASSWORD"]
        if let reason = mail?.relay.unsafeReason { throw UsageError(reason) }
        smtpRetryBaseMillis = try args.int("smtp-retry-base-ms", in: 10...3_600_000) ?? smtpRetryBaseMillis
        provisioningDelayMillis = try args.int("provisioning-delay-ms", in: 0...3_600_000) ?? provisioningDelayMillis
        approvalLifetimeDays = try args.int("approval-ttl-days", in: 1...3650) ?? approvalLifetimeDays
        tokenLifetimeHours = try args.int("token-ttl-hours", in: 1...8760) ?? tokenLifetimeHours
        server.maxConnections = try args.int("max-connections", in: 1...1_000_000) ?? server.maxConnections
        server.eventLoops = try args.int("event-loops", in: 1...256) ?? server.eventLoops
        server.maxConnectionsPerAddress = try args.int("max-connections-per-address", in: 0...1_000_000) ?? server.maxConnectionsPerAddress
        if let ms = try args.int("first-byte-timeout-ms", in: 10...600_000) { server.firstByteTimeout = .milliseconds(ms) }
        server.limits.maxBodyBytes = try args.int("max-body-bytes", in: 1024...(64 << 20)) ?? server.limits.maxBodyBytes
        if let ms = try args.int("header-timeout-ms", in: 10...600_000) { server.headerTimeout = .milliseconds(ms) }
        if let ms = try args.int("body-timeout-ms", in: 10...600_000) { server.bodyIdleTimeout = .milliseconds(ms) }
        if let ms = try args.int("keep-alive-timeout-ms", in: 10...3_600_000) { server.keepAliveTimeout = .milliseconds(ms) }
        if let ms = try args.int("write-timeout-ms", in: 10...600_000) { server.writeTimeout = .milliseconds(ms) }
    }
}

extension ServeConfiguration {
    /// The mail worker's settings, when a relay is configured.
    var mail: MailWorker.Configuration? {
        guard let relay = smtpRelay else { return nil }
        var settings = SMTPRelay(host: relay.host, port: relay.port)
        settings.security = smtpSecurity
        settings.caFile = smtpCAFile
        settings.stepTimeoutMillis = smtpTimeoutMillis
        settings.username = smtpUsername
        settings.password = smtpPassword
        var config = MailWorker.Configuration(relay: settings)
        config.from = mailFrom
        config.retryBaseMillis = Int64(smtpRetryBaseMillis)
        return config
    }
}

extension ServeConfiguration {
    /// `host:port`, or `[v6 address]:port`.
    static func hostAndPort(_ text: String) -> (host: String, port: Int)? {
        let host: Substring, portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            (host, portText) = (parts[0], parts[1])
        }
        guard !host.isEmpty, let port = Int(portText), (1...65535).contains(port) else { return nil }
        return (String(host), port)
    }
}
