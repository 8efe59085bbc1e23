import CLinux
import Dispatch
import Synchronization

/// Hands the heap's free pages back to the system after many connections have released their memory.
///
/// A connection's task, buffers and parser state are freed when it parks or closes, but glibc keeps
/// freed memory in its arenas: after 10,000 connections arrived and went idle the process kept ~5 KiB
/// of RSS for each, of which ~1 KiB was still in use (measured with `malloc_trim` from a debugger).
/// So once `threshold` connections have released theirs (`ServerConfiguration.heapTrimAfter`),
/// `malloc_trim(0)` runs on a utility queue — `delay` later, so a burst finishes first, and at most
/// once per `interval`, since it briefly holds each arena's lock. Connections that stay busy
/// (keep-alive under load) never count, so a steady request stream never triggers it.
final class HeapTrimmer: Sendable {
    private let threshold: Int
    private let delay: Duration
    private let interval: Duration
    private let released = Atomic<Int>(0)
    /// When the last trim ran (`ContinuousClock`), read and written on `queue` only.
    private let lastTrim = Mutex<ContinuousClock.Instant?>(nil)
    private let queue = DispatchQueue(label: "megaport.heap-trim", qos: .utility)
    /// Trims run so far (for tests).
    let trims = Atomic<Int>(0)

    /// A trimmer that acts after `threshold` releases (0: never).
    init(threshold: Int, delay: Duration = .milliseconds(500), interval: Duration = .seconds(5)) {
        (self.threshold, self.delay, self.interval) = (threshold, delay, interval)
    }

    /// A connection's task ended (it parked or closed): its memory went back to the heap.
    func connectionReleased() {
        guard threshold > 0, released.add(1, ordering: .relaxed).newValue == threshold else { return }
        queue.async { self.schedule() }  // once per `threshold` releases: the count restarts at the trim
    }

    private func schedule() {
        let now = ContinuousClock.now
        let earliest = lastTrim.withLock { $0 }.map { $0 + interval } ?? now
        let wait = max(delay, earliest - now)
        queue.asyncAfter(deadline: .now() + .nanoseconds(Int(wait / .nanoseconds(1)))) {
            self.released.store(0, ordering: .relaxed)
            _ = malloc_trim(0)
            self.lastTrim.withLock { $0 = ContinuousClock.now }
            self.trims.add(1, ordering: .relaxed)
        }
    }
}
