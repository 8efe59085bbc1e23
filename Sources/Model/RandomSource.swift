import CCrypto
import Synchronization

/// Where every random id, token and secret comes from: OpenSSL's CSPRNG, or — in a sandbox started
/// with `--seed N`, which owns its process — a repeatable stream, so the same calls get the same uids,
/// tokens and API keys run after run. The stream is SHA-256 (OpenSSL's) over the seed and a block
/// counter; it is predictable by design and never used by `serve`.
public enum RandomSource {
    private struct Stream {
        var seed: UInt64
        /// Blocks drawn so far.
        var counter: UInt64
    }

    /// CSPRNG output drawn 4 KiB at a time: one `RAND_bytes` call costs about as much as drawing 4 KiB
    /// (OpenSSL 3 looks its generator up and locks it on every call), and a VXC request needs seven uids.
    /// Each byte goes to one caller only, and is zeroed in the pool once handed out, so no copy of a
    /// token's bytes stays behind.
    private struct Pool {
        var bytes = [UInt8](repeating: 0, count: 4096)
        var next = 4096

        /// Fills `out` from the pool, refilling the pool from OpenSSL when too little is left.
        mutating func draw(into out: inout [UInt8]) {
            if next + out.count > bytes.count {
                precondition(RAND_bytes(&bytes, Int32(bytes.count)) == 1, "the system random generator failed")
                next = 0
            }
            for index in out.indices {
                out[index] = bytes[next + index]
                bytes[next + index] = 0
            }
            next += out.count
        }
    }

    private static let seeded = Atomic<Bool>(false)
    private static let stream = Mutex(Stream(seed: 0, counter: 0))
    private static let pool = Mutex(Pool())

    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        if seeded.load(ordering: .acquiring) {
            stream.withLock { stream in
                var filled = 0
                while filled < count {
                    let block = Self.block(seed: stream.seed, counter: stream.counter)
                    stream.counter += 1
                    let take = min(block.count, count - filled)
                    bytes.replaceSubrange(filled..<filled + take, with: block.prefix(take))
                    filled += take
                }
            }
        } else if count <= 64 {
            pool.withLock { $0.draw(into: &bytes) }
        } else {
            precondition(RAND_bytes(&bytes, Int32(count)) == 1, "the system random generator failed")
        }
        return bytes
    }

    /// Switches this process to the repeatable stream of `seed`, from its start.
    public static func seed(_ seed: UInt64) {
        stream.withLock { $0 = Stream(seed: seed, counter: 0) }
        seeded.store(true, ordering: .releasing)
    }

    /// How far the repeatable stream has been drawn (0 when not seeded), to return to with `rewind(to:)`.
    public static var position: UInt64 { stream.withLock { $0.counter } }

    /// Puts the repeatable stream back where `position` read it, so a sandbox reset replays the same ids.
    public static func rewind(to position: UInt64) {
        stream.withLock { $0.counter = position }
    }

    /// SHA-256 of the seed and the counter (both little-endian).
    private static func block(seed: UInt64, counter: UInt64) -> [UInt8] {
        var input = [UInt8]()
        input.reserveCapacity(16)
        for word in [seed, counter] { for shift in stride(from: 0, to: 64, by: 8) { input.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
        return Tokens.sha256(input)
    }
}
