/// A billing market and its phone numbering rule (E.164: `+<dial code><national digits>`).
public struct Market: Sendable, Equatable {
    /// A value with every field given.
    public init(code: String, name: String, currency: String, dialCode: String, nationalDigits: Int) {
        self.code = code
        self.name = name
        self.currency = currency
        self.dialCode = dialCode
        self.nationalDigits = nationalDigits
    }

    public let code: String
    public let name: String
    public let currency: String
    public let dialCode: String
    public let nationalDigits: Int

    /// The rule in words, for error messages.
    public var rule: String { "an \(code) number: +\(dialCode) followed by \(nationalDigits) digits" }
}
