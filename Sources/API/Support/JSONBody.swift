import Domain
import HTTPCore
import HTTPServer
import JSON

/// A JSON request body read field by field (API.md §1): unknown fields are ignored; numbers sent as
/// strings (`"portId": "1"`) are accepted; a wrong type is 400 and a missing or empty required field
/// 422, every problem named by its dotted path. Problems are collected, so one response lists them all.
final class JSONBody {
    private let object: JSONObject
    private let prefix: String
    private let problems: Problems

    final class Problems {
        var wrongType: [FieldError] = []
        var missing: [FieldError] = []
    }

    private init(_ object: JSONObject, prefix: String, problems: Problems) {
        self.object = object
        self.prefix = prefix
        self.problems = problems
    }

    /// 415 unless the request says its body is `application/json`.
    static func requireJSON(_ request: HTTPRequest) throws {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.split(separator: ";").first.map({ $0.trimmingCharacters(in: " ") == "application/json" }) == true else {
            throw HTTPError(.unsupportedMediaType, code: "unsupported_media_type", message: "send the body as Content-Type: application/json")
        }
    }

    /// Parses the body of a request that must be `application/json` (415 otherwise) and a JSON object.
    static func parse(_ request: HTTPRequest) throws -> JSONBody {
        try requireJSON(request)
        guard case .object(let object) = try JSONParser.parse(request.body) else {
            throw HTTPError(.badRequest, code: "malformed_json", message: "the request body must be a JSON object")
        }
        return JSONBody(object, prefix: "", problems: Problems())
    }

    /// Throws what was collected: 400 for wrong types first, else 422 for missing fields.
    func finish() throws {
        if !problems.wrongType.isEmpty {
            throw HTTPError(.badRequest, code: "wrong_type",
                            message: problems.wrongType.map { "\($0.field) \($0.message)" }.joined(separator: "; "),
                            details: ["errors": .array(problems.wrongType.map { ["field": .string($0.field), "message": .string($0.message)] })])
        }
        if !problems.missing.isEmpty { throw DomainError.invalid(problems.missing) }
    }

    /// A member's dotted path, for errors raised after reading.
    func path(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    private func value(_ key: String) -> JSONValue? {
        switch object[key] {
        case nil, .null?: nil
        case .string(let s)? where s.isEmpty: nil  // the blog sends "" for unset contact ids
        case let v?: v
        }
    }

    private func wrong(_ key: String, _ expected: String, _ got: JSONValue) {
        problems.wrongType.append(FieldError(path(key), "must be \(expected), got \(got.typeName)"))
    }

    /// A whole number: a JSON number with no fraction (`10000`, `1e4`, `10000.0` are one number, as in
    /// JSON Schema), or its decimal digits in a string (one spelling: no sign, no leading zero).
    func int(_ key: String) -> Int64? {
        guard let v = value(key) else { return nil }
        switch v {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int64(d)
        case .string(let s):
            if let i = Identifier.parse(s) { return i }
            problems.wrongType.append(FieldError(path(key), "must be a whole number, got \"\(s)\""))
        default: wrong(key, "a whole number", v)
        }
        return nil
    }

    /// A required integer.
    func requireInt(_ key: String) -> Int64 {
        if let v = int(key) { return v }
        if value(key) == nil { problems.missing.append(FieldError(path(key), "is required")) }
        return 0
    }

    /// A string (whole numbers are accepted and written in decimal).
    func string(_ key: String) -> String? {
        guard let v = value(key) else { return nil }
        switch v {
        case .string(let s): return s
        case .int(let i) where i.magnitude <= 9_007_199_254_740_991: return String(i)
        case .double(let d) where d == d.rounded() && abs(d) <= 9_007_199_254_740_991: return String(Int64(d))
        default: wrong(key, "a string", v)
        }
        return nil
    }

    /// A required, non-empty string.
    func requireString(_ key: String) -> String {
        if let v = string(key) { return v }
        if value(key) == nil { problems.missing.append(FieldError(path(key), "is required")) }
        return ""
    }

    /// A boolean (also `"true"`/`"false"`).
    func bool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        switch v {
        case .bool(let b): return b
        case .string("true"): return true
        case .string("false"): return false
        default: wrong(key, "true or false", v)
        }
        return nil
    }

    /// A nested object, or nil when absent (`null` and `""` mean absent, as for other members); `{}` is
    /// returned as an empty object.
    func object(_ key: String) -> JSONBody? {
        guard let v = object[key], v != .null, v != .string("") else { return nil }
        guard case .object(let nested) = v else {
            wrong(key, "an object", v)
            return nil
        }
        return JSONBody(nested, prefix: path(key), problems: problems)
    }

    /// A required nested object.
    func requireObject(_ key: String) -> JSONBody? {
        if let nested = object(key) { return nested }
        if object[key] == nil || object[key] == .null { problems.missing.append(FieldError(path(key), "is required")) }
        return nil
    }

    /// Whether the member is present as an empty string (which `string` reads as absent).
    func isBlank(_ key: String) -> Bool { object[key] == .string("") }

    /// A request body that is a bare JSON array or an object holding it under `key`, read as that object.
    static func parseList(_ request: HTTPRequest, key: String) throws -> JSONBody {
        try requireJSON(request)
        switch try JSONParser.parse(request.body) {
        case .array(let items): return JSONBody([key: .array(items)], prefix: "", problems: Problems())
        case .object(let object): return JSONBody(object, prefix: "", problems: Problems())
        default: throw HTTPError(.badRequest, code: "malformed_json", message: "the request body must be a JSON array or object")
        }
    }

    /// An array of objects, each read with its index in its path (`items[0].name`); `[]` when absent.
    func objects(_ key: String) -> [JSONBody] {
        elements(key, "an array") { index, item in
            guard case .object(let nested) = item else {
                wrong("\(key)[\(index)]", "an object", item)
                return nil
            }
            return JSONBody(nested, prefix: path("\(key)[\(index)]"), problems: problems)
        }
    }

    /// An array of strings; `[]` when absent.
    func strings(_ key: String) -> [String] {
        elements(key, "an array of strings") { index, item in
            guard case .string(let text) = item else {
                wrong("\(key)[\(index)]", "a string", item)
                return nil
            }
            return text
        }
    }

    /// An array of whole numbers (each as `int` reads one); `[]` when absent.
    func ints(_ key: String) -> [Int64] {
        elements(key, "an array of whole numbers") { index, item in
            JSONBody(["\(index)": item], prefix: path(key), problems: problems).int("\(index)")
        }
    }

    /// An object of buyer-field values (`{"key": "text" | number}`); `[:]` when absent. Other kinds of value are wrong types.
    func buyerValues(_ key: String) -> [String: BuyerValue] {
        guard let nested = object(key) else { return [:] }
        var values: [String: BuyerValue] = [:]
        for (member, value) in nested.object.members {
            switch value {
            case .string(let text): values[member] = .text(text)
            case .int(let number): values[member] = .integer(number)
            case .double(let d) where d == d.rounded() && abs(d) < 9e15: values[member] = .integer(Int64(d))
            case .null: continue
            default: nested.wrong(member, "a string or a whole number", value)
            }
        }
        return values
    }

    /// Records "is required" when the member is absent (for members read by a later step).
    func requirePresence(_ key: String) {
        if value(key) == nil { problems.missing.append(FieldError(path(key), "is required")) }
    }

    /// The elements of an array member read by `read` (nil skips one it complained about); `[]` when absent.
    private func elements<T>(_ key: String, _ expected: String, _ read: (Int, JSONValue) -> T?) -> [T] {
        guard let v = value(key) else { return [] }
        guard case .array(let items) = v else {
            wrong(key, expected, v)
            return []
        }
        return items.enumerated().compactMap { read($0.offset, $0.element) }
    }

    /// Whether the member is sent with a value (not absent, `null` or `""`).
    func has(_ key: String) -> Bool { value(key) != nil }

    /// A string member where `""` is a value (it clears the field) rather than absence.
    func text(_ key: String) -> String? { isBlank(key) ? "" : string(key) }

    /// Whether the object has no members.
    var isEmpty: Bool { object.members.isEmpty }
}
