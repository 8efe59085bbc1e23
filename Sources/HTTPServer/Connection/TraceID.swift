import CLinux
import Glibc
import Synchronization

/// Request ids: a per-server prefix (random unless configured) and a counter — unique, cheap, and not
/// guessable across restarts. 16 lower-case hex digits.
final class TraceIDGenerator: Sendable {
    private let prefix: UInt32
    private let counter = Atomic<UInt32>(0)

    init(prefix fixed: UInt32?) {
        var random: UInt32 = 0
        if fixed == nil { _ = getrandom(&random, 4, 0) }
        prefix = fixed ?? random
    }

    func next() -> String {
        let value = UInt64(prefix) << 32 | UInt64(counter.wrappingAdd(1, ordering: .relaxed).newValue)
        return String(unsafeUninitializedCapacity: 16) { out in
            for index in 0..<16 { out[index] = Self.digits[Int(value >> (60 - 4 * UInt64(index)) & 0xF)] }
            return 16
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
