import CCrypto

/// Session tokens: random UUID v4 strings (as Megaport issues), stored only as SHA-256 digests.
/// A token has 122 random bits, so a fast digest is enough; lookups go by digest, so comparing a
/// presented token never depends on how much of a stored one it matches.
public enum Tokens {
    /// A new random UUID v4 (from OpenSSL's CSPRNG; from the seeded stream in a seeded sandbox).
    public static func newUUID() -> String {
        var bytes = RandomSource.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return formatted(bytes)
    }

    /// A new UUID version 7 (RFC 9562) for a row's uid: the epoch milliseconds `now` in its first 48 bits,
    /// then 74 random bits. Uids made one after another sort one after another, so inserting them into
    /// a unique index lands near its end — a batch of orders touches a few pages of the index, not one
    /// random page each (which, in a large database, meant reading and rewriting pages far apart).
    public static func newTimeOrderedUUID(now: Int64) -> String {
        var bytes = RandomSource.bytes(16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: UInt64(max(0, now)) >> UInt64(40 - 8 * index)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return formatted(bytes)
    }

    /// 8-4-4-4-12 lower-case hex digits, written straight into the string's bytes (every order makes one
    /// on the writer thread).
    private static func formatted(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: 36) { out in
            var index = 0
            for (position, byte) in bytes.enumerated() {
                if position == 4 || position == 6 || position == 8 || position == 10 {
                    out[index] = UInt8(ascii: "-")
                    index += 1
                }
                out[index] = hexDigits[Int(byte >> 4)]
                out[index + 1] = hexDigits[Int(byte & 0xF)]
                index += 2
            }
            return index
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `count` random bytes (see `RandomSource`).
    public static func randomBytes(_ count: Int) -> [UInt8] { RandomSource.bytes(count) }

    /// Whether two strings are equal, compared in time that does not depend on where they differ
    /// (OpenSSL's `CRYPTO_memcmp`).
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return x.withUnsafeBytes { p in y.withUnsafeBytes { q in CRYPTO_memcmp(p.baseAddress, q.baseAddress, x.count) == 0 } }
    }

    /// SHA-256 of the token text, lower-case hex.
    public static func digest(_ token: String) -> String { digest(bytes: Array(token.utf8)) }

    /// SHA-256, fetched from the default provider once. `EVP_sha256()` makes OpenSSL 3 look the algorithm
    /// up again on every digest (a provider search under a lock: 40% of a token check, measured).
    /// `nonisolated(unsafe)` is sound: the pointer is written once, by the lazy initializer, and a fetched
    /// `EVP_MD` is immutable and documented safe to share between threads (OpenSSL `crypto(7)`, "Fetching").
    nonisolated(unsafe) private static let sha256Algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

    /// SHA-256 of bytes, lower-case hex.
    public static func digest(bytes: [UInt8]) -> String { hexString(sha256(bytes)) }

    /// SHA-256 of bytes, the 32 raw bytes.
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &out, &length, sha256Algorithm, nil) }
        precondition(ok == 1 && length == 32, "SHA-256 failed")
        return out
    }

    /// Whether `text` has the shape of a UUID (8-4-4-4-12 hex digits), so junk never reaches the database.
    public static func looksLikeUUID(_ text: String) -> Bool {
        guard text.utf8.count == 36 else { return false }
        // A native string's bytes in place (stepping through its `UTF8View` cost ~1% of an authenticated GET).
        return text.utf8.withContiguousStorageIfAvailable(looksLikeUUID) ?? Array(text.utf8).withUnsafeBufferPointer(looksLikeUUID)
    }

    private static func looksLikeUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard b == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)
                guard isHex else { return false }
            }
        }
        return true
    }

    public static func hexString(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
