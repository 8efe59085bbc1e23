/// An ordered multi-map of header fields with case-insensitive lookup (RFC 9110 §5.1, §5.3).
/// Repeated names keep every value in order; the original spelling of names is preserved.
public struct HTTPHeaders: Sendable, Sequence {
    /// One field line.
    public struct Field: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    private var fields: [Field] = []

    /// An empty header map.
    public init() {}

    /// A header map from literal pairs; values are validated like `add`.
    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { add(name, value) }
    }

    /// Number of field lines.
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// Appends a field. RFC 9112 §11.1 (response splitting): CR, LF and NUL in a name or value are
    /// programmer errors on the response side, so they trap instead of reaching the wire.
    public mutating func add(_ name: String, _ value: String) {
        precondition(!name.utf8.contains(where: { !ByteClass.isTokenChar($0) }), "invalid header name")
        precondition(!value.utf8.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }), "invalid header value")
        fields.append(Field(name: name, value: value))
    }

    /// Appends a field already validated by the request parser.
    mutating func addValidated(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field of that name with one value.
    public mutating func replace(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Removes every field of that name.
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.equalsIgnoringCase($0.name, name) }
    }

    /// The first value of that name, or nil.
    public subscript(_ name: String) -> String? {
        fields.first { Self.equalsIgnoringCase($0.name, name) }?.value
    }

    /// Every value of that name, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { Self.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    /// Whether a comma-separated list header (RFC 9110 §5.6.1) of that name holds `token`,
    /// compared case-insensitively (e.g. `Connection: Keep-Alive, Upgrade`).
    public func containsToken(_ token: String, in name: String) -> Bool {
        for value in values(name) {
            for element in value.split(separator: ",") {
                if Self.equalsIgnoringCase(trimOWS(element), token) { return true }
            }
        }
        return false
    }

    /// ASCII case-insensitive comparison, as field names and tokens need (RFC 9110 §5.1).
    public static func equalsIgnoringCase<A: StringProtocol, B: StringProtocol>(_ a: A, _ b: B) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { ByteClass.lower($0) == ByteClass.lower($1) }
    }
}

/// Strips optional white space (SP / HTAB, RFC 9110 §5.6.3) from both ends.
func trimOWS<S: StringProtocol>(_ s: S) -> Substring {
    let sub = Substring(s)
    let start = sub.firstIndex { $0 != " " && $0 != "\t" } ?? sub.endIndex
    let end = sub.lastIndex { $0 != " " && $0 != "\t" }.map { sub.index(after: $0) } ?? start
    return sub[start..<max(start, end)]
}
