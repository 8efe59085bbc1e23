import Model

/// The rules of buyer fields: what a provider may define, and what a buyer's values must meet. Every
/// problem is named (`buyerFields[1].pattern`, `buyerFields.ownerAccount`) with its rule in words.
enum BuyerFieldRules {
    /// At most this many fields per profile.
    static let maxFields = 30

    /// Problems with a provider's field definitions.
    static func problems(_ fields: [BuyerField]) -> [FieldError] {
        var errors: [FieldError] = []
        if fields.count > maxFields { errors.append(FieldError("buyerFields", "must have at most \(maxFields) fields")) }
        var seen = Set<String>()
        for (index, field) in fields.enumerated() {
            let at = "buyerFields[\(index)]"
            func refuse(_ member: String, _ rule: String) { errors.append(FieldError("\(at).\(member)", rule)) }
            if !isKey(field.key) { refuse("key", "must be 1 to 64 letters, digits, '_' or '-', starting with a letter") }
            if !seen.insert(field.key).inserted { refuse("key", "must be unique within the profile ('\(field.key)' appears twice)") }
            if !(1...100).contains(field.label.count) || Validation.hasInvisibleCharacters(field.label) { refuse("label", "must be 1 to 100 visible characters") }
            if field.help.count > 500 { refuse("help", "must be at most 500 characters") }
            let textRules = field.pattern != nil || field.minLength != nil || field.maxLength != nil
            let numberRules = field.min != nil || field.max != nil
            switch field.kind {
            case .text:
                if let pattern = field.pattern, let problem = PosixPattern.problem(pattern) { refuse("pattern", problem) }
                for (member, value) in [("minLength", field.minLength), ("maxLength", field.maxLength)] where value.map({ !(0...1000).contains($0) }) ?? false {
                    refuse(member, "must be 0 to 1000")
                }
                if let low = field.minLength, let high = field.maxLength, low > high { refuse("maxLength", "must not be below minLength") }
                if numberRules || !field.values.isEmpty { refuse("type", "text takes pattern, minLength and maxLength only") }
            case .integer:
                if let low = field.min, let high = field.max, low > high { refuse("max", "must not be below min") }
                if textRules || !field.values.isEmpty { refuse("type", "integer takes min and max only") }
            case .enum:
                if !(1...50).contains(field.values.count) { refuse("values", "must list 1 to 50 values") }
                if field.values.contains(where: { !(1...100).contains($0.count) }) { refuse("values", "each value must be 1 to 100 characters") }
                if Set(field.values).count != field.values.count { refuse("values", "must not repeat a value") }
                if textRules || numberRules { refuse("type", "enum takes values only") }
            }
        }
        return errors
    }

    /// The buyer's values checked against the fields: every problem (a missing required field, a value
    /// of the wrong kind or outside its rule, a key the profile does not ask for) under `buyerFields.<key>`.
    static func check(_ values: [String: BuyerValue], against fields: [BuyerField]) throws -> [String: BuyerValue] {
        var errors: [FieldError] = []
        var accepted: [String: BuyerValue] = [:]
        for key in values.keys.sorted() where !fields.contains(where: { $0.key == key }) {
            errors.append(FieldError("buyerFields.\(key)", "is not a field of this service profile (its fields: \(fields.map(\.key).joined(separator: ", ")))"))
        }
        for field in fields {
            let at = "buyerFields.\(field.key)"
            guard let value = values[field.key] else {
                if field.required { errors.append(FieldError(at, "is required (\(field.label))")) }
                continue
            }
            if let problem = problem(value, field) { errors.append(FieldError(at, problem)) } else { accepted[field.key] = normalized(value, field) }
        }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        return accepted
    }

    /// What is wrong with one value, or nil.
    static func problem(_ value: BuyerValue, _ field: BuyerField) -> String? {
        switch (field.kind, value) {
        case (.integer, .integer(let number)):
            return inRange(number, field)
        case (.integer, .text(let text)):
            guard let number = Int64(text) else { return "must be a whole number" }
            return inRange(number, field)
        case (.text, _), (.enum, _):
            let text = switch value { case .text(let t): t; case .integer(let n): String(n) }
            if text.count > 1000 || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return "must be at most 1000 characters without control characters"
            }
            if field.kind == .enum { return field.values.contains(text) ? nil : "must be one of \(field.values.joined(separator: ", "))" }
            let low = field.minLength ?? 0, high = field.maxLength ?? 1000
            if !(low...high).contains(text.count) { return "must be \(low) to \(high) characters" }
            if let pattern = field.pattern, !PosixPattern.matches(pattern, text) { return "must match \(pattern)" }
            return nil
        }
    }

    private static func inRange(_ number: Int64, _ field: BuyerField) -> String? {
        switch (field.min, field.max) {
        case (let low?, let high?) where !(low...high).contains(number): "must be from \(low) to \(high)"
        case (let low?, nil) where number < low: "must be at least \(low)"
        case (nil, let high?) where number > high: "must be at most \(high)"
        default: nil
        }
    }

    /// Integers as integers, everything else as text.
    private static func normalized(_ value: BuyerValue, _ field: BuyerField) -> BuyerValue {
        switch (field.kind, value) {
        case (.integer, .text(let text)): .integer(Int64(text) ?? 0)
        case (.integer, _): value
        case (_, .integer(let number)): .text(String(number))
        case (_, .text): value
        }
    }

    private static func isKey(_ key: String) -> Bool {
        guard (1...64).contains(key.utf8.count), key.unicodeScalars.first?.isASCIILetter == true else { return false }
        return key.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
