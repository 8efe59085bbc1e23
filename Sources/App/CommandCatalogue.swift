/// Every command of `megaport-server` and its options: the one source for parsing and `--help`.
enum CommandCatalogue {
    static let common: [OptionSpec] = [
        OptionSpec(name: "db", value: "PATH|URL", help: "a SQLite database file, or a postgres:// URL for several nodes on one database",
                   defaultValue: "./data/megaport.sqlite", environment: "DATABASE_URL or DATABASE_PATH"),
        OptionSpec(name: "schema-dir", value: "DIR", help: "the migration files", defaultValue: "./Schema", environment: "SCHEMA_DIR"),
        OptionSpec(name: "log-level", value: "LEVEL", help: "debug, info (a line per request), warning or error", defaultValue: "info",
                   environment: "LOG_LEVEL"),
    ]

    static let serve = CommandSpec(words: ["serve"], summary: "serve the API (the default command)",
                                   prints: "JSON log lines: where it listens, each request, shutdown", options: common + [
        OptionSpec(name: "host", value: "ADDR", help: "IPv4 address to listen on", defaultValue: "127.0.0.1", environment: "HOST"),
        OptionSpec(name: "port", value: "N", help: "port to listen on; 0 picks a free one", defaultValue: "8080", environment: "PORT"),
        OptionSpec(name: "public-url", value: "URL", help: "the base URL people reach the server at, for links in emails",
                   defaultValue: "http://HOST:PORT", environment: "PUBLIC_URL"),
        OptionSpec(name: "node-name", value: "NAME", help: "this node's name in /health and on /metrics series, when several serve one database",
                   defaultValue: "HOSTNAME-PID", environment: "NODE_NAME"),
        OptionSpec(name: "smtp", value: "HOST:PORT", help: "mail relay ([IPv6]:PORT too); without one, emails wait in the outbox"),
        OptionSpec(name: "smtp-tls", value: "MODE", help: "starttls (port 587), implicit (port 465) or none (local relay only)",
                   defaultValue: "starttls", environment: "SMTP_TLS"),
        OptionSpec(name: "smtp-ca-file", value: "PEM", help: "a private CA to trust besides the system's", environment: "SMTP_CA_FILE"),
        OptionSpec(name: "smtp-timeout-ms", value: "N", help: "the most one SMTP step may take", defaultValue: "10000"),
        OptionSpec(name: "mail-from", value: "EMAIL", help: "sender address", defaultValue: "notifications@megaport-server.local",
                   environment: "MAIL_FROM"),
        OptionSpec(name: "smtp-retry-base-ms", value: "N", help: "first retry delay of an email; doubles per failure up to 1 h",
                   defaultValue: "2000"),
        OptionSpec(name: "provisioning-delay-ms", value: "N", help: "how long a service stays CONFIGURED before LIVE", defaultValue: "3000"),
        OptionSpec(name: "approval-ttl-days", value: "N", help: "days before an undecided connection request expires", defaultValue: "60"),
        OptionSpec(name: "token-ttl-hours", value: "N", help: "session token lifetime", defaultValue: "24"),
        OptionSpec(name: "max-connections", value: "N", help: "open connections at most; when all are taken, the one idle longest gives its slot up",
                   defaultValue: "1024"),
        OptionSpec(name: "event-loops", value: "N", help: "threads that each poll their share of the connections and run their requests",
                   defaultValue: "one per core"),
        OptionSpec(name: "max-connections-per-address", value: "N",
                   help: "open connections from one client address at most; 0 = no limit (behind a load balancer)", defaultValue: "512"),
        OptionSpec(name: "first-byte-timeout-ms", value: "N", help: "a new connection must send its first byte within this (500 ms under pressure)",
                   defaultValue: "5000"),
        OptionSpec(name: "max-body-bytes", value: "N", help: "larger request bodies get 413", defaultValue: "1048576"),
        OptionSpec(name: "header-timeout-ms", value: "N", help: "deadline for a request head", defaultValue: "10000"),
        OptionSpec(name: "body-timeout-ms", value: "N", help: "longest silence while a body arrives", defaultValue: "15000"),
        OptionSpec(name: "keep-alive-timeout-ms", value: "N", help: "idle keep-alive connections close after", defaultValue: "10000"),
        OptionSpec(name: "write-timeout-ms", value: "N", help: "a client that stops reading is disconnected after", defaultValue: "30000"),
    ])

    static let sandbox = CommandSpec(words: ["sandbox"], summary: "serve a sandbox for test harnesses: reset, a clock, captured mail, faults",
                                     prints: "JSON log lines: a sandbox banner, then where it listens with the demo world's tokens and API key",
                                     options: [
        OptionSpec(name: "db", value: "PATH", help: "the sandbox's SQLite file: a new one, or one an earlier sandbox made (others are refused)",
                   defaultValue: "a temporary file, removed at exit"),
        OptionSpec(name: "seed", value: "N", help: "repeatable runs: ids, tokens and keys from a stream seeded with N, the clock frozen at 2026-01-01"),
    ] + serve.options.filter { $0.name != "db" && $0.name != "token-ttl-hours" } + [
        OptionSpec(name: "token-ttl-hours", value: "N", help: "session token lifetime (long, so clock moves keep the printed tokens)",
                   defaultValue: "8760"),
    ])

    static let demo = CommandSpec(words: ["demo"], summary: "seed the demo world (once) and issue fresh tokens",
                                  prints: "a table of users, positions and tokens; JSON with --json", options: common + [
        OptionSpec(name: "json", value: nil, help: "print {tokens, users, password, companies, ports} as JSON (for scripts)"),
    ])

    static let createCompany = CommandSpec(words: ["admin", "create-company"], summary: "create a company",
                                           prints: "the new company's id", options: common + [
        OptionSpec(name: "name", value: "NAME", help: "trading name (required)"),
        OptionSpec(name: "type", value: "TYPE", help: "DIRECT, PARTNER, MANAGED or DISTRIBUTOR (required)"),
        OptionSpec(name: "supported-by", value: "WHO", help: "MEGAPORT or PARTNER (MANAGED companies only)"),
        OptionSpec(name: "parent", value: "ID", help: "the partner of a MANAGED company"),
        OptionSpec(name: "market", value: "CC", help: "billing market, a two-letter country code"),
        OptionSpec(name: "signup-email", value: "EMAIL", help: "sign-up email (its domain is the support email's)"),
        OptionSpec(name: "account-manager", value: "EMAIL", help: "account manager's email"),
        OptionSpec(name: "csm", value: "EMAIL", help: "customer success manager's email"),
        OptionSpec(name: "auto-approve-vxcs", value: nil, help: "VXCs to this company are approved without a person (cloud providers)"),
    ])

    static let createUser = CommandSpec(words: ["admin", "create-user"], summary: "create a user", prints: "the new user's id",
                                        options: common + [
        OptionSpec(name: "company", value: "ID", help: "the user's company (required)"),
        OptionSpec(name: "email", value: "EMAIL", help: "login email (required)"),
        OptionSpec(name: "position", value: "POSITION", help: "e.g. 'Company Admin', 'Technical Admin', 'Read Only' (required)"),
        OptionSpec(name: "password", value: "TEXT", help: "at least 8 characters (required)"),
        OptionSpec(name: "first-name", value: "NAME", help: "first name"),
        OptionSpec(name: "last-name", value: "NAME", help: "last name"),
    ])

    static let issueToken = CommandSpec(words: ["admin", "issue-token"], summary: "issue a session token for a user",
                                        prints: "the token", options: common + [
        OptionSpec(name: "email", value: "EMAIL", help: "the user's email (required)"),
    ])

    static let addInterfaces = CommandSpec(words: ["admin", "add-interfaces"], summary: "add port capacity at a location",
                                           prints: "the number of interfaces added", options: common + [
        OptionSpec(name: "location", value: "ID", help: "location id (required)"),
        OptionSpec(name: "speed", value: "MBPS", help: "1000, 10000 or 100000 (required)"),
        OptionSpec(name: "count", value: "N", help: "1 to 1000 (required)"),
    ])

    static let seedScale = CommandSpec(words: ["admin", "seed-scale"], summary: "grow a SQLite database for scale measurements",
                                       prints: "the rows written and the rate", options: common + [
        OptionSpec(name: "services", value: "N", help: "services to add: half ports, half VXCs (required)"),
        OptionSpec(name: "companies", value: "N", help: "companies to add; services must be a multiple of twice this (required)"),
    ])

    static let createApiKey = CommandSpec(words: ["admin", "create-api-key"], summary: "create an API key acting for a user",
                                          prints: "{\"key\", \"secret\"} (the secret is shown this once)", options: common + [
        OptionSpec(name: "email", value: "EMAIL", help: "the user the key acts for (required)"),
        OptionSpec(name: "name", value: "NAME", help: "what the key is for", defaultValue: "api key"),
        OptionSpec(name: "role", value: "POSITION", help: "the position the key acts with", defaultValue: "the user's position"),
        OptionSpec(name: "lifetime-minutes", value: "N", help: "how long its tokens live, 5 to 1440", defaultValue: "60"),
    ])

    /// Every command, in the order help lists them.
    static let all = [serve, sandbox, demo, createCompany, createUser, issueToken, createApiKey, addInterfaces, seedScale]

    /// The commands under `admin`.
    static var admin: [CommandSpec] { all.filter { $0.words.first == "admin" } }

    /// `megaport-server help`.
    static var overview: String {
        var lines = ["megaport-server \(version) — the ordering backend of a network-as-a-service provider", "", "commands:"]
        let width = (all.map(\.name.count).max() ?? 0) + 2
        for command in all { lines.append("  " + command.name + String(repeating: " ", count: width - command.name.count) + command.summary) }
        lines += ["", "'megaport-server COMMAND --help' lists a command's options; 'megaport-server --version' prints the version."]
        return lines.joined(separator: "\n")
    }

    /// The version this build reports.
    static let version = "1.1.0"
}
