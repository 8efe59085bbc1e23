/// Small validation rules shared by services.
enum Validation {
    /// A plausible email: one `@`, a non-empty local part, a dotted domain, no spaces or controls.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F }
    }

    /// A required text field of bounded length.
    static func require(_ text: String, field: String, maxLength: Int) throws {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw DomainError.invalid(field, "is required") }
        guard trimmed.count <= maxLength else { throw DomainError.invalid(field, "must be at most \(maxLength) characters") }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
