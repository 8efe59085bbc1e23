import CCrypto

/// Session tokens: random UUID v4 strings (as Megaport issues), stored only as SHA-256 digests.
/// A token has 122 random bits, so a fast digest is enough; lookups go by digest, so comparing a
/// presented token never depends on how much of a stored one it matches.
public enum Tokens {
    /// A new random UUID v4 from OpenSSL's CSPRNG.
    public static func newUUID() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        precondition(RAND_bytes(&bytes, 16) == 1, "the system random generator failed")
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = hexString(bytes)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    /// SHA-256 of the token text, lower-case hex.
    public static func digest(_ token: String) -> String { digest(bytes: Array(token.utf8)) }

    /// SHA-256 of bytes, lower-case hex.
    public static func digest(bytes: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &out, &length, EVP_sha256(), nil) }
        precondition(ok == 1 && length == 32, "SHA-256 failed")
        return hexString(out)
    }

    /// Whether `text` has the shape of a UUID (8-4-4-4-12 hex digits), so junk never reaches the database.
    public static func looksLikeUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(i) {
                guard b == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)
                guard isHex else { return false }
            }
        }
        return true
    }

    static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
