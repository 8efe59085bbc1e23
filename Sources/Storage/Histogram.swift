/// A fixed-bucket histogram of durations in seconds (Prometheus cumulative buckets).
public struct Histogram: Sendable {
    /// Upper bounds in seconds.
    public static let bounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Observations per bucket (not cumulative); the last slot is +Inf.
    public private(set) var counts = [UInt64](repeating: 0, count: Histogram.bounds.count + 1)
    public private(set) var sum = 0.0
    public private(set) var count: UInt64 = 0

    public init() {}

    public mutating func observe(_ seconds: Double) {
        let slot = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        counts[slot] += 1
        sum += seconds
        count += 1
    }

    /// Prometheus lines for this histogram: `<name>_bucket{le=…}`, `_sum`, `_count`; `labels` like `route="/x",`.
    public func lines(_ name: String, labels: String = "") -> [String] {
        var out: [String] = []
        var running: UInt64 = 0
        for (index, bound) in Self.bounds.enumerated() {
            running += counts[index]
            out.append("\(name)_bucket{\(labels)le=\"\(bound)\"} \(running)")
        }
        out.append("\(name)_bucket{\(labels)le=\"+Inf\"} \(count)")
        let plain = labels.isEmpty ? "" : "{\(labels.dropLast())}"
        out.append("\(name)_sum\(plain) \(sum)")
        out.append("\(name)_count\(plain) \(count)")
        return out
    }
}
