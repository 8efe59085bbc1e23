/// Small validation rules shared by services.
enum Validation {
    /// An email address under the documented rule: ASCII only, so look-alikes (Cyrillic letters,
    /// full-width forms, zero-width characters) never pass. The local part is letters, digits and
    /// ``!#$%&'*+/=?^_`{|}~.-`` without a leading, trailing or doubled dot; the domain is dot-separated
    /// labels of letters, digits and inner hyphens (internationalised domains in their `xn--` form),
    /// ending in a label of at least two letters or an `xn--` label; at most 254 characters.
    static func isEmail(_ text: String) -> Bool {
        guard text.utf8.count <= 254, text.unicodeScalars.allSatisfy(\.isASCII) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-")
        guard (1...64).contains(local.count), local.allSatisfy(localAllowed.contains), !local.hasPrefix("."), !local.hasSuffix("."),
              !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
                  !label.hasPrefix("-"), !label.hasSuffix("-") else { return false }
        }
        let top = labels[labels.count - 1]
        return top.hasPrefix("xn--") || (top.count >= 2 && top.allSatisfy(\.isLetter))
    }

    /// The characters text fields refuse: C0 and C1 controls (NUL, tab, CR, LF, DEL…) and the invisible
    /// formatting characters (soft hyphen, zero-width spaces and joiners, bidirectional marks, overrides and
    /// isolates, word joiner, byte-order mark…). The OpenAPI document's text patterns exclude the same set.
    static let invisible: [ClosedRange<UInt32>] = [
        0x00...0x1F, 0x7F...0x9F, 0xAD...0xAD, 0x600...0x605, 0x61C...0x61C, 0x6DD...0x6DD, 0x70F...0x70F, 0x180E...0x180E,
        0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF...0xFEFF, 0xFFF9...0xFFFB,
    ]

    /// Whether `text` holds one of the `invisible` characters.
    static func hasInvisibleCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in invisible.contains { $0.contains(scalar.value) } }
    }

    /// A required text field of bounded length with no control or invisible characters.
    static func require(_ text: String, field: String, maxLength: Int) throws {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw DomainError.invalid(field, "is required") }
        guard trimmed.count <= maxLength else { throw DomainError.invalid(field, "must be at most \(maxLength) characters") }
        try plain(text, field: field)
    }

    /// 422 when the text holds a control or invisible character: text is stored exactly or refused,
    /// never cut short.
    static func plain(_ text: String, field: String) throws {
        if hasInvisibleCharacters(text) { throw DomainError.invalid(field, "must not contain control or invisible characters") }
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
