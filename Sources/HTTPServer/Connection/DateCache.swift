import Glibc
import HTTPCore
import Synchronization

/// The `Date` field value, formatted once per second (RFC 9110 §6.6.1; Hummingbird `DateCache`).
final class DateCache: Sendable {
    private let cached = Mutex<(second: Int, text: String)>((-1, ""))

    /// The current IMF-fixdate.
    func current() -> String {
        let now = Int(time(nil))
        return cached.withLock { cache in
            if cache.second != now { cache = (now, HTTPDate.format(epochSeconds: now)) }
            return cache.text
        }
    }
}
