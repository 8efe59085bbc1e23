import Glibc
import Synchronization

/// Wall-clock time in epoch milliseconds, the unit of every timestamp the API returns — the one clock
/// that everything reading the time of day goes through (orders, approvals and their expiry, token, API
/// key and service key lifetimes, login throttling, idempotency retention, email dates). `serve` follows
/// the system clock. The sandbox owns its process and may take the clock over (`control`): then the
/// time is the system clock moved by an offset, or a frozen instant that moves only when advanced.
public enum Now {
    /// Whether the sandbox controls the clock; `serve` never sets it.
    private static let controlled = Atomic<Bool>(false)
    /// While controlled: the frozen instant, or the offset added to the system clock.
    private static let frozen = Atomic<Bool>(false)
    private static let value = Atomic<Int64>(0)

    /// Milliseconds since 1970-01-01T00:00:00Z.
    @inline(__always)
    public static func millis() -> Int64 {
        guard controlled.load(ordering: .acquiring) else { return system() }
        let value = value.load(ordering: .relaxed)
        return frozen.load(ordering: .relaxed) ? value : system() + value
    }

    /// The system clock, whatever the sandbox did.
    private static func system() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    /// Takes the clock over for the sandbox: frozen at `instant` (it then moves only when advanced or
    /// set), or following the system clock when `instant` is nil.
    public static func control(frozenAt instant: Int64?) {
        frozen.store(instant != nil, ordering: .relaxed)
        value.store(instant ?? 0, ordering: .relaxed)
        controlled.store(true, ordering: .releasing)
    }

    /// Moves a controlled clock forward by `millis` (never backwards: `millis` ≥ 0).
    public static func advance(by millis: Int64) {
        precondition(millis >= 0 && controlled.load(ordering: .acquiring), "only the sandbox moves the clock, and only forwards")
        value.add(millis, ordering: .relaxed)
    }

    /// Sets a controlled clock to `instant`, keeping its mode (a following clock keeps following from there).
    public static func set(to instant: Int64) {
        precondition(controlled.load(ordering: .acquiring), "only the sandbox sets the clock")
        value.store(frozen.load(ordering: .relaxed) ? instant : instant - system(), ordering: .relaxed)
    }

    /// Whether the clock is frozen (it moves only when advanced).
    public static var isFrozen: Bool { controlled.load(ordering: .acquiring) && frozen.load(ordering: .relaxed) }
}
