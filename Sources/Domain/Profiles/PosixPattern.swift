import Glibc

/// Buyer-field patterns: POSIX extended regular expressions (the C library's `regcomp`), anchored at
/// both ends so a pattern states the whole value. Patterns are short (at most 200 characters) and values
/// at most 1000, and neither may hold control characters.
enum PosixPattern {
    /// Why `pattern` cannot be used, or nil.
    static func problem(_ pattern: String) -> String? {
        guard pattern.utf8.count <= 200 else { return "must be at most 200 characters" }
        guard pattern.hasPrefix("^"), pattern.hasSuffix("$"), !pattern.hasSuffix("\\$") else {
            return "must be anchored: start with ^ and end with $"
        }
        guard !pattern.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return "must not contain control characters" }
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

    /// Whether `text` matches `pattern` (one that passed `problem`).
    static func matches(_ pattern: String, _ text: String) -> Bool {
        var compiled = regex_t()
        guard regcomp(&compiled, pattern, REG_EXTENDED | REG_NOSUB) == 0 else { return false }
        defer { regfree(&compiled) }
        return regexec(&compiled, text, 0, nil, 0) == 0
    }
}
