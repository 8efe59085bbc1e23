/// A bad command line: printed as one line on standard error, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The options of one command: `--name value` pairs and bare `--flag`s, checked against what the
/// command accepts, so a typo is an error rather than silently ignored.
struct Arguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// Parses `words` for `command`. An unknown option is an error that suggests the nearest known one.
    init(_ words: ArraySlice<String>, for command: CommandSpec) throws {
        let options = command.valueOptions, switches = command.switches
        var rest = words
        while let word = rest.popFirst() {
            guard word.hasPrefix("--"), word.count > 2 else { throw UsageError("unexpected argument '\(word)'") }
            var name = String(word.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if switches.contains(name) {
                guard inline == nil else { throw UsageError("--\(name) takes no value") }
                flags.insert(name)
            } else if options.contains(name) {
                guard let value = inline ?? rest.popFirst(), inline != nil || !value.hasPrefix("--") else {
                    throw UsageError("--\(name) needs a value")
                }
                guard values[name] == nil else { throw UsageError("--\(name) given twice") }
                values[name] = value
            } else {
                throw UsageError("unknown option --\(name) for '\(command.name)'"
                                 + Suggestion.hint(name, in: command.options.map(\.name), prefix: "--")
                                 + "; see 'megaport-server \(command.name) --help'")
            }
        }
    }

    /// The value of an option, if given.
    func string(_ name: String) -> String? { values[name] }

    /// A required option.
    func required(_ name: String) throws -> String {
        guard let value = values[name], !value.isEmpty else { throw UsageError("--\(name) is required") }
        return value
    }

    /// An integer option within a range.
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A required integer option.
    func requiredInt(_ name: String, in range: ClosedRange<Int>) throws -> Int {
        _ = try required(name)
        return try int(name, in: range)!
    }

    /// Whether a switch was given.
    func has(_ name: String) -> Bool { flags.contains(name) }
}
