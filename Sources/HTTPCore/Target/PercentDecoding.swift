/// Strict percent-decoding (RFC 3986 §2.1) and form decoding for the query.
extension RequestTarget {
    /// Splits on `/` first, then decodes each segment (H1). Rejects dot segments (H5), `%00`/CTLs (H3)
    /// and bytes that are not UTF-8 (H4).
    static func decodeSegments(_ path: ArraySlice<UInt8>) throws(HTTPParseError) -> [String] {
        guard path.count > 1 else { return [] }  // "/"
        var segments: [String] = []
        segments.reserveCapacity(4)
        var start = path.startIndex + 1
        while true {  // each segment in place, without an array of slices first
            let end = path[start...].firstIndex(of: 0x2F) ?? path.endIndex
            let segment = try decode(path[start..<end], plusIsSpace: false)
            guard segment != "." && segment != ".." else { throw .invalidTarget }
            segments.append(segment)
            guard end < path.endIndex else { return segments }
            start = end + 1
        }
    }

    /// `a=1&b=2`: split on `&`, then on the first `=`; `+` is a space, then `%XX` (form semantics, H6).
    static func decodeQuery(_ query: ArraySlice<UInt8>) throws(HTTPParseError) -> [QueryItem] {
        var items: [QueryItem] = []
        for pair in query.split(separator: 0x26) {
            let equals = pair.firstIndex(of: 0x3D)
            let name = try decode(pair[..<(equals ?? pair.endIndex)], plusIsSpace: true)
            var value = ""
            if let equals { value = try decode(pair[(equals + 1)...], plusIsSpace: true) }
            items.append(QueryItem(name: name, value: value))
        }
        return items
    }

    /// Decodes `%XX` escapes; a bad escape, a decoded control character or invalid UTF-8 is an error.
    static func decode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) throws(HTTPParseError) -> String {
        if !bytes.contains(0x25) && !(plusIsSpace && bytes.contains(0x2B)) {
            return String(decoding: bytes, as: UTF8.self)  // every byte already checked as a target char
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x25 {
                guard index + 2 < bytes.endIndex,
                      let high = ByteClass.hexValue(bytes[index + 1]), let low = ByteClass.hexValue(bytes[index + 2])
                else { throw .invalidTarget }
                let decoded = high << 4 | low
                guard decoded >= 0x20 && decoded != 0x7F else { throw .invalidTarget }
                out.append(decoded)
                index += 3
            } else {
                out.append(plusIsSpace && byte == 0x2B ? 0x20 : byte)
                index += 1
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw .invalidTarget }
        return text
    }
}

/// `application/x-www-form-urlencoded` bodies (`POST /v2/login`), decoded like a query string.
public enum FormDecoding {
    /// The name/value pairs of a form body; nil if it is not valid form encoding.
    public static func decode(_ body: [UInt8]) -> [RequestTarget.QueryItem]? {
        guard body.allSatisfy(ByteClass.isTargetChar) else { return nil }
        return try? RequestTarget.decodeQuery(body[...])
    }
}
