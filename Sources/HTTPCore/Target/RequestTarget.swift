/// A decoded request-target (RFC 9112 §3.2): the path split into segments **before** decoding
/// (so `%2F` never makes a new segment), and the query as ordered form items.
///
/// Policy, as docs/operations.md documents it: empty segments are kept (`//a` and `/a/` are distinct paths
/// and match no route), dot segments (`.`/`..`, raw or encoded) are rejected with 400, a query item
/// without `=` has the value `""`.
public struct RequestTarget: Sendable, Equatable {
    /// The raw path as received (percent-encoded), without the query; `*` for asterisk-form.
    public let path: String
    /// Decoded path segments; `/` is `[]`.
    public let segments: [String]
    /// Decoded query items in order, duplicates kept.
    public let query: [QueryItem]

    /// One `name=value` pair of the query, form-decoded.
    public struct QueryItem: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    /// The target `/`.
    public static let root = RequestTarget(path: "/", segments: [], query: [])

    /// The first value of a query parameter, or nil.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// A target from decoded parts (tests and internal callers).
    public init(path: String, segments: [String], query: [QueryItem]) {
        self.path = path
        self.segments = segments
        self.query = query
    }

    /// Parses origin-form, absolute-form (RFC 9112 §3.2.2: MUST accept; its path is used) and
    /// asterisk-form (OPTIONS only, §3.2.4).
    static func parse(_ bytes: ArraySlice<UInt8>, method: HTTPMethod) throws(HTTPParseError) -> RequestTarget {
        guard let first = bytes.first else { throw .invalidTarget }
        if bytes.count == 1 && first == 0x2A {
            guard method == .options else { throw .invalidTarget }
            return RequestTarget(path: "*", segments: [], query: [])
        }
        for byte in bytes where !ByteClass.isTargetChar(byte) { throw .invalidTarget }  // C13, C14 (#), H8 (\)
        var rest = bytes
        if first != 0x2F {
            rest = try stripAbsoluteForm(bytes)
        }
        let queryStart = rest.firstIndex(of: 0x3F)
        let pathBytes = rest[..<(queryStart ?? rest.endIndex)]
        let segments = try decodeSegments(pathBytes)
        var query: [QueryItem] = []
        if let queryStart { query = try decodeQuery(rest[(queryStart + 1)...]) }
        return RequestTarget(path: String(decoding: pathBytes, as: UTF8.self), segments: segments, query: query)
    }

    /// `http://authority/path?query` → `/path?query` (the authority is validated, then overrides Host).
    static func stripAbsoluteForm(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> ArraySlice<UInt8> {
        let lowered = bytes.prefix(8).map(ByteClass.lower)
        let schemeLength: Int
        if lowered.starts(with: "http://".utf8) { schemeLength = 7 } else if lowered.starts(with: "https://".utf8) {
            schemeLength = 8
        } else { throw .invalidTarget }
        let authorityStart = bytes.startIndex + schemeLength
        let pathStart = bytes[authorityStart...].firstIndex { $0 == 0x2F || $0 == 0x3F } ?? bytes.endIndex
        guard isValidAuthority(bytes[authorityStart..<pathStart]) else { throw .invalidTarget }
        guard pathStart < bytes.endIndex else { return ArraySlice("/".utf8) }
        if bytes[pathStart] == 0x3F { return ArraySlice("/".utf8) + bytes[pathStart...] }
        return bytes[pathStart...]
    }

    /// `uri-host [ ":" port ]` (RFC 3986 §3.2.2): reg-name or IP literal; no userinfo, no comma
    /// (a comma smuggles a second host), port digits only. Empty is rejected for `http`.
    static func isValidAuthority<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        let text = Array(bytes)
        guard !text.isEmpty else { return false }
        var hostEnd = text.count
        if text[0] == 0x5B {  // [IPv6]
            guard let close = text.firstIndex(of: 0x5D) else { return false }
            guard text[1..<close].allSatisfy({ ByteClass.hexValue($0) != nil || $0 == 0x3A || $0 == 0x2E }) else { return false }
            hostEnd = close + 1
            guard hostEnd == text.count || text[hostEnd] == 0x3A else { return false }
        } else if let colon = text.lastIndex(of: 0x3A) {
            hostEnd = colon
        }
        let host = text[0..<hostEnd]
        guard !host.isEmpty else { return false }
        if text[0] != 0x5B {
            guard host.allSatisfy(ByteClass.isRegNameChar) else { return false }
        }
        guard hostEnd < text.count else { return true }
        let port = text[(hostEnd + 1)...]
        return port.count <= 5 && port.allSatisfy(ByteClass.isDigit)
    }
}
