import CCrypto
import Dispatch

/// Passwords hashed with yescrypt through libxcrypt's `crypt_rn` (a slow, salted KDF from a system
/// library — never hand-rolled). Hashing runs on a dispatch queue, not the cooperative pool: it is
/// deliberately expensive.
public enum PasswordHasher {
    private static let queue = DispatchQueue(label: "password-hashing", qos: .userInitiated, attributes: .concurrent)

    /// A yescrypt hash (`$y$…`) of `password` with a fresh random salt.
    public static func hash(_ password: String) async throws(DomainError) -> String {
        let result: String? = await onQueue {
            var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
            guard crypt_gensalt_rn("$y$", 0, nil, 0, &setting, Int32(setting.count)) != nil else { return nil }
            return crypt(password, setting: setting)
        }
        guard let result, result.hasPrefix("$y$") else {
            throw .invalid("password", "could not be hashed")
        }
        return result
    }

    /// Whether `password` matches `storedHash`, compared in constant time.
    public static func verify(_ password: String, against storedHash: String) async -> Bool {
        await onQueue {
            guard let computed = crypt(password, setting: Array(storedHash.utf8CString)) else { return false }
            let a = Array(computed.utf8), b = Array(storedHash.utf8)
            return a.count == b.count && CRYPTO_memcmp(a, b, a.count) == 0
        }
    }

    /// A hash of a fixed string, verified against when the user does not exist so that "no such user"
    /// and "wrong password" take the same time.
    static let decoy: String = {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        _ = crypt_gensalt_rn("$y$", 0, nil, 0, &setting, Int32(setting.count))
        return crypt(Tokens.newUUID(), setting: setting) ?? ""
    }()

    private static func crypt(_ password: String, setting: [CChar]) -> String? {
        let size = MemoryLayout<crypt_data>.size
        let data = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer {
            data.initializeMemory(as: UInt8.self, repeating: 0, count: size)  // do not leave the password in memory
            data.deallocate()
        }
        data.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        // crypt(3) reads a C string: a NUL would cut the password short, so such a password never hashes
        // (creation refuses it with 422; a login with one cannot match).
        guard !password.utf8.contains(0), let out = crypt_rn(password, setting, data, Int32(size)) else { return nil }
        let text = String(cString: out)
        return text.hasPrefix("*") ? nil : text
    }

    private static func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
