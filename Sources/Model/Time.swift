import Glibc

/// Wall-clock time in epoch milliseconds, the unit of every timestamp the API returns.
public enum Now {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public static func millis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
