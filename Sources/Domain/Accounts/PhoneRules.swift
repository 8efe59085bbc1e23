/// Phone numbers validated against the billing market and normalised to E.164 (API.md §9).
enum PhoneRules {
    /// Markets whose national numbers are dialled with a leading 0 (trunk prefix) inside the country.
    static let trunkZero: Set = ["AU", "NZ", "GB", "IE", "DE", "NL", "FR", "JP"]

    /// The E.164 form of `input` if it is a valid number of `market`: spaces, dashes, dots and
    /// parentheses are ignored; `00` may stand for `+`; a national number with its trunk `0` is accepted.
    static func normalize(_ input: String, market: Market) -> String? {
        var digits = ""
        var plus = false
        for (index, character) in input.enumerated() {
            if character == "+" && index == 0 { plus = true } else if character.isASCII && character.isNumber {
                digits.append(character)
            } else if !" -.()".contains(character) { return nil }
        }
        if !plus && digits.hasPrefix("00") { digits.removeFirst(2); plus = true }
        var national: Substring
        if plus {
            guard digits.hasPrefix(market.dialCode) else { return nil }
            national = digits.dropFirst(market.dialCode.count)
        } else if trunkZero.contains(market.code), digits.hasPrefix("0") {
            national = digits.dropFirst()
        } else {
            national = Substring(digits)
        }
        if trunkZero.contains(market.code) && national.hasPrefix("0") { national = national.dropFirst() }  // +44 (0)20 …
        guard national.count == market.nationalDigits, national.first != "0" else { return nil }
        return "+" + market.dialCode + national
    }
}
