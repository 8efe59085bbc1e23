/// Byte classification for the HTTP grammars (RFC 9110 §5.6.2 tokens, §5.5 field values,
/// RFC 3986 §2 URI characters). Table lookups, one per byte.
public enum ByteClass {
    private static let tokenTable: [Bool] = (0..<256).map { b in
        // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
        let symbols: [UInt8] = Array("!#$%&'*+-.^_`|~".utf8)
        let byte = UInt8(b)
        return isAlpha(byte) || isDigit(byte) || symbols.contains(byte)
    }

    private static let targetTable: [Bool] = (0..<256).map { b in
        // RFC 3986: unreserved / sub-delims / ":" / "@" / "/" / "?" / "%" (pct-encoded checked later).
        let symbols: [UInt8] = Array("-._~!$&'()*+,;=:@/?%".utf8)
        let byte = UInt8(b)
        return isAlpha(byte) || isDigit(byte) || symbols.contains(byte)
    }

    private static let regNameTable: [Bool] = (0..<256).map { b in
        // RFC 3986 §3.2.2 reg-name: unreserved / sub-delims / "%" (pct-encoded), without "," (see
        // `RequestTarget.isValidAuthority`).
        let symbols: [UInt8] = Array("-._~!$&'()*+;=%".utf8)
        let byte = UInt8(b)
        return isAlpha(byte) || isDigit(byte) || symbols.contains(byte)
    }

    /// RFC 9110 §5.6.2: a token character.
    @inline(__always) public static func isTokenChar(_ b: UInt8) -> Bool { tokenTable[Int(b)] }

    /// RFC 9110 §5.5: field-vchar / SP / HTAB (obs-text 0x80–0xFF allowed); no CTLs, no DEL.
    @inline(__always) public static func isFieldValueChar(_ b: UInt8) -> Bool {
        b == 0x09 || (b >= 0x20 && b != 0x7F)
    }

    /// A character allowed unencoded in a request-target (RFC 9112 §3.2, RFC 3986 §3).
    @inline(__always) static func isTargetChar(_ b: UInt8) -> Bool { targetTable[Int(b)] }

    /// A character of a host name in an authority (RFC 3986 §3.2.2), commas excluded.
    @inline(__always) static func isRegNameChar(_ b: UInt8) -> Bool { regNameTable[Int(b)] }

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }

    /// ASCII lower-casing of one byte.
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// Whether every byte is a token character and there is at least one.
    static func isToken<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        !bytes.isEmpty && bytes.allSatisfy(isTokenChar)
    }
}
