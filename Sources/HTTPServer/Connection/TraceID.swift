import CLinux
import Glibc
import Synchronization

/// Request ids: a random per-process prefix and a counter — unique, cheap, and not guessable across
/// restarts. 16 lower-case hex digits.
final class TraceIDGenerator: Sendable {
    private let prefix: UInt32
    private let counter = Atomic<UInt32>(0)

    init() {
        var random: UInt32 = 0
        _ = getrandom(&random, 4, 0)
        prefix = random
    }

    func next() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return Self.hex(prefix) + Self.hex(n)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
