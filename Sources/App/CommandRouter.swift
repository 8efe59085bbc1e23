/// Finds the command the words name, or the help they ask for.
enum CommandRouter {
    enum Outcome {
        /// Print this and exit 0.
        case help(String)
        /// Run this command with the remaining words (its options).
        case run(CommandSpec, ArraySlice<String>)
    }

    static func resolve(_ words: [String]) throws -> Outcome {
        let asksHelp = words.contains("--help") || words.contains("-h")
        switch words.first {
        case nil: return .run(CommandCatalogue.serve, [])
        case "--help", "-h": return .help(CommandCatalogue.overview)
        case "--version", "version": return .help("megaport-server \(CommandCatalogue.version)")
        case "help":
            let topic = Array(words.dropFirst())
            if topic.isEmpty { return .help(CommandCatalogue.overview) }
            if isBareAdmin(topic) { return .help(adminListing) }
            return .help(try command(for: topic).spec.help)
        case "admin" where isBareAdmin(words):
            return .help(adminListing)
        case let first? where first.hasPrefix("-") && !asksHelp:
            return .run(CommandCatalogue.serve, words[...])  // `megaport-server --port 9000` serves
        default:
            if words.first?.hasPrefix("-") == true { return .help(CommandCatalogue.serve.help) }
            let (spec, used) = try command(for: words)
            return asksHelp ? .help(spec.help) : .run(spec, words.dropFirst(used))
        }
    }

    /// The command named by the first word (or two, for `admin`), and how many words named it.
    static func command(for words: [String]) throws -> (spec: CommandSpec, used: Int) {
        let first = words[0]
        if first == "admin" {
            let admin = CommandCatalogue.admin
            guard let spec = admin.first(where: { $0.words[1] == words[1] }) else {
                throw UsageError("unknown command 'admin \(words[1])'" + Suggestion.hint(words[1], in: admin.map { $0.words[1] }, prefix: "admin ")
                                 + "; see 'megaport-server admin'")
            }
            return (spec, 2)
        }
        guard let spec = CommandCatalogue.all.first(where: { $0.words == [first] }) else {
            let names = CommandCatalogue.all.map { $0.words[0] } + ["help"]
            throw UsageError("unknown command '\(first)'" + Suggestion.hint(first, in: Array(Set(names)).sorted()) + "; see 'megaport-server help'")
        }
        return (spec, 1)
    }
}

extension CommandRouter {
    /// `admin`, `admin --help`: no subcommand named.
    static func isBareAdmin(_ words: [String]) -> Bool { words.first == "admin" && (words.count == 1 || words[1].hasPrefix("-")) }

    /// What `admin` alone prints: its commands.
    static var adminListing: String {
        let admin = CommandCatalogue.admin
        let width = (admin.map(\.name.count).max() ?? 0) + 2
        return (["megaport-server admin — operator commands:", ""]
                + admin.map { "  " + $0.name + String(repeating: " ", count: width - $0.name.count) + $0.summary }
                + ["", "'megaport-server admin COMMAND --help' lists a command's options."]).joined(separator: "\n")
    }
}
