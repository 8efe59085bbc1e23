import HTTPCore

/// One case of `reference/http-conformance.md`: raw request bytes and the required outcome.
public struct ConformanceCase: Sendable, CustomStringConvertible {
    /// What the server must do with the bytes.
    public enum Expectation: Sendable, Equatable {
        /// `requests` complete requests; `body` is the last one's decoded body when given.
        case accept(requests: Int, body: String?)
        /// `after` complete requests, then an error answered with `status` and a close.
        case reject(status: Int, after: Int)
        /// `after` complete requests, then bytes that never complete a message (EOF: close, no response).
        case incomplete(after: Int)
    }

    /// Catalogue id, e.g. `A5 +5`.
    public let id: String
    /// The bytes a client sends.
    public let raw: [UInt8]
    /// The required outcome.
    public let expect: Expectation

    /// A case from text (CRLFs are written out) or from bytes.
    public init(_ id: String, _ raw: String, _ expect: Expectation) {
        self.init(id, Array(raw.utf8), expect)
    }

    /// A case from raw bytes.
    public init(_ id: String, _ raw: [UInt8], _ expect: Expectation) {
        self.id = id
        self.raw = raw
        self.expect = expect
    }

    public var description: String { id }

    /// One accepted request.
    public static let ok = Expectation.accept(requests: 1, body: nil)
    /// One accepted request with this body.
    public static func body(_ text: String) -> Expectation { .accept(requests: 1, body: text) }
    /// Rejected as the first request.
    public static func reject(_ status: Int) -> Expectation { .reject(status: status, after: 0) }
}

/// What the parser produced from a byte stream.
public struct ParseOutcome: Equatable, CustomStringConvertible {
    public var requests: Int
    public var lastBody: String?
    public var error: HTTPParseError?
    public var leftoverIncomplete: Bool

    public var description: String {
        "requests=\(requests) body=\(lastBody ?? "nil") error=\(error.map { "\($0.status.code) \($0)" } ?? "nil") incomplete=\(leftoverIncomplete)"
    }

    /// Whether this outcome satisfies the expectation.
    public func matches(_ expect: ConformanceCase.Expectation) -> Bool {
        switch expect {
        case .accept(let n, let body):
            return error == nil && requests == n && !leftoverIncomplete && (body == nil || body == lastBody)
        case .reject(let status, let after):
            return error?.status.code == status && requests == after
        case .incomplete(let after):
            return error == nil && requests == after && leftoverIncomplete
        }
    }
}

/// Feeds bytes to a `RequestParser` in the given pieces, as a connection would.
public enum ParserDriver {
    /// Runs the parser over `raw` cut at `splits` (sorted offsets).
    public static func run(_ raw: [UInt8], splits: [Int], limits: ParserLimits = ParserLimits()) -> ParseOutcome {
        var parser = RequestParser(limits: limits)
        var buffer = ReadBuffer()
        var outcome = ParseOutcome(requests: 0, lastBody: nil, error: nil, leftoverIncomplete: false)
        var start = 0
        for end in splits + [raw.count] where end > start {
            buffer.append(contentsOf: raw[start..<end])
            start = end
            do {
                while let request = try parser.parse(&buffer) {
                    outcome.requests += 1
                    outcome.lastBody = String(decoding: request.body, as: UTF8.self)
                }
            } catch {
                outcome.error = error
                return outcome
            }
        }
        outcome.leftoverIncomplete = !parser.isIdle || buffer.readableCount > 0
        return outcome
    }

    /// The three ways every case is fed: whole, byte by byte, and seeded random splits.
    public static func splitPlans(for count: Int, seed: UInt64) -> [(String, [Int])] {
        var rng = SplitMix(seed: seed)
        var random: [Int] = []
        var at = 0
        while at < count {
            at += 1 + Int(rng.next() % 7)
            if at < count { random.append(at) }
        }
        return [("whole", []), ("bytewise", Array(stride(from: 1, to: count, by: 1))), ("random", random)]
    }
}

/// A small deterministic generator so random splits reproduce.
public struct SplitMix {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
