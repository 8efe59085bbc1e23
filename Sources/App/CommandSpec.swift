/// One option of a command: its flag, the value it takes (nil for a switch), what it does, its default
/// and the environment variable that also sets it.
struct OptionSpec {
    let name: String
    let value: String?
    let help: String
    var defaultValue: String? = nil
    var environment: String? = nil
}

/// A command of the command line, with everything its `--help` prints.
struct CommandSpec {
    /// The words that name it: `["serve"]`, `["admin", "create-user"]`.
    let words: [String]
    /// One line on what it does.
    let summary: String
    /// What it prints when it succeeds.
    let prints: String
    let options: [OptionSpec]

    var name: String { words.joined(separator: " ") }

    /// The options taking a value, and the switches.
    var valueOptions: Set<String> { Set(options.filter { $0.value != nil }.map(\.name)) }
    var switches: Set<String> { Set(options.filter { $0.value == nil }.map(\.name)) }

    /// The text of `megaport-server <command> --help`.
    var help: String {
        let width = (options.map { flag($0).count }.max() ?? 0) + 2
        var lines = ["megaport-server \(name) — \(summary)", "", "usage: megaport-server \(name) [options]", "", "prints: \(prints)", ""]
        if !options.isEmpty { lines.append("options:") }
        for option in options {
            var detail = option.help
            let extras = [option.defaultValue.map { "default \($0)" }, option.environment.map { "env \($0)" }].compactMap { $0 }
            if !extras.isEmpty { detail += " (\(extras.joined(separator: "; ")))" }
            let left = flag(option)
            lines.append("  " + left + String(repeating: " ", count: width - left.count) + detail)
        }
        lines.append("  " + "--help, -h" + String(repeating: " ", count: max(1, width - 10)) + "this text")
        return lines.joined(separator: "\n")
    }

    private func flag(_ option: OptionSpec) -> String { "--\(option.name)" + (option.value.map { " \($0)" } ?? "") }
}

/// Suggestions for mistyped names: the nearest by edit distance, if it is near enough to be a typo.
enum Suggestion {
    /// The candidate nearest to `word` (at most two edits, or a prefix of it), if any.
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) || $0.0.hasPrefix(word) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// `; did you mean X?` or nothing.
    static func hint(_ word: String, in candidates: [String], prefix: String = "") -> String {
        nearest(word, in: candidates).map { "; did you mean \(prefix)\($0)?" } ?? ""
    }
}
