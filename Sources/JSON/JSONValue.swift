/// A JSON value (RFC 8259). Integers and doubles are kept apart so 64-bit ids and epoch-millisecond
/// timestamps round-trip exactly; objects keep their key order for stable output.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member of an object, or nil for a missing key or a non-object.
    public subscript(_ key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The name of the JSON type, for error messages ("expected a number, got a string").
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// An ordered JSON object. Lookups are linear: request and response objects are small.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Members in order.
    public private(set) var members: [(key: String, value: JSONValue)] = []

    /// An empty object.
    public init() {}

    /// An object from a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(members: elements) }

    /// An object of distinct keys (checked in debug builds), so building one is a copy, not a search per key.
    init(members elements: [(String, JSONValue)]) {
        assert(Set(elements.map(\.0)).count == elements.count, "duplicate key in a JSON object literal")
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    /// Reads or replaces a member; assigning nil removes it.
    public subscript(_ key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// Appends a member without checking for an existing key (the parser checks duplicates itself).
    mutating func append(_ key: String, _ value: JSONValue) { members.append((key, value)) }

    /// Whether the object has that key.
    public func contains(_ key: String) -> Bool { members.contains { $0.key == key } }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(members: elements))
    }
}

extension JSONValue {
    /// `.string` for a value, `.null` for nil.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    /// `.int` for a value, `.null` for nil.
    public static func int(_ value: Int64?) -> JSONValue { value.map { .int($0) } ?? .null }
    /// `.int` from an `Int`.
    public static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
}
