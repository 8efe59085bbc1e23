import Glibc

/// Buyer-field patterns: POSIX extended regular expressions (the C library's `regcomp`), anchored at
/// both ends so a pattern states the whole value. Patterns are short (at most 200 characters) and values
/// at most 1000, and neither may hold control characters. The C library matches by backtracking where a
/// pattern lets it: a back-reference (`\1`) or a counted repetition of a group (`(a{1,9}){1,9}`) takes it
/// seconds to minutes, and large counted repetitions side by side take it seconds on a long value. So a
/// pattern may not use back-references, counts only single characters or classes, and its counts add
/// up to at most `maxCounted` — then compiling and matching take milliseconds at most.
enum PosixPattern {
    /// The most all of a pattern's `{m,n}` bounds may add up to.
    static let maxCounted = 256
    /// Why `pattern` cannot be used, or nil.
    static func problem(_ pattern: String) -> String? {
        guard pattern.utf8.count <= 200 else { return "must be at most 200 characters" }
        guard pattern.hasPrefix("^"), pattern.hasSuffix("$"), !pattern.hasSuffix("\\$") else {
            return "must be anchored: start with ^ and end with $"
        }
        guard !pattern.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return "must not contain control characters" }
        if let problem = costProblem(Array(pattern.utf8)) { return problem }
        var compiled = regex_t()
        let status = regcomp(&compiled, pattern, REG_EXTENDED | REG_NOSUB)
        defer { if status == 0 { regfree(&compiled) } }
        guard status == 0 else {
            var message = [UInt8](repeating: 0, count: 200)
            message.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { _ = regerror(status, &compiled, $0.baseAddress, $0.count) }
            }
            return "is not a valid POSIX extended regular expression (\(String(decoding: message.prefix { $0 != 0 }, as: UTF8.self)))"
        }
        return nil
    }

    /// What in the pattern could make matching slow, or nil: a back-reference, a count after a group,
    /// or counts adding up to more than `maxCounted`. Bracket expressions (`[{}]`) and escaped
    /// characters (`\{`) are literal and skipped.
    static func costProblem(_ bytes: [UInt8]) -> String? {
        var index = 0, counted = 0, inBracket = false
        while index < bytes.count {
            let byte = bytes[index]
            if inBracket {
                if byte == UInt8(ascii: "]") { inBracket = false }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[index + 1]) {
                    return "must not use back-references (\\1 to \\9)"
                }
                index += 2
                continue
            case UInt8(ascii: "["):
                inBracket = true
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }  // a leading ] is literal
                continue
            case UInt8(ascii: "{"):
                if index > 0, bytes[index - 1] == UInt8(ascii: ")") { return "must not count a group ({m,n} after a parenthesis)" }
                let bounds = bytes[(index + 1)...].prefix { $0 != UInt8(ascii: "}") }
                counted += bounds.split(separator: UInt8(ascii: ",")).compactMap { Int(String(decoding: $0, as: UTF8.self)) }.max() ?? 0
                if counted > maxCounted { return "must not count more than \(maxCounted) characters in all ({m,n} bounds added up)" }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Whether `text` matches `pattern` (one that passed `problem`).
    static func matches(_ pattern: String, _ text: String) -> Bool {
        var compiled = regex_t()
        guard regcomp(&compiled, pattern, REG_EXTENDED | REG_NOSUB) == 0 else { return false }
        defer { regfree(&compiled) }
        return regexec(&compiled, text, 0, nil, 0) == 0
    }
}
