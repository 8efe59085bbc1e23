import HTTPCore
import TestSupport
import Testing

/// The parser's answer must depend only on the bytes, never on how the network cut them: the same
/// error (not just the same status), the same number of requests. `make fuzz` checks this property on
/// generated input; the inputs below are what it found, kept as regressions.
@Suite struct SplitInvarianceTests {
    /// Inputs the request-parser fuzzer (or reasoning about its finding) showed to answer differently
    /// when split. Each was a 400 either way, but with a different reason in the error envelope.
    static let regressions: [(String, [UInt8])] = [
        // Fuzz finding 3b31e5ea: tabs for spaces. Whole it was "malformed request line", split after
        // "GET\t" it was "method is not a token".
        ("tab-separated request line", Array("GET\t/\tHTTP/1.1\r\nHost: x\r\n\r\n".utf8)),
        // A non-token method byte, then a bare LF: whole it was "bare LF", split it was "method".
        ("bad method then bare LF", Array("G\tET\n".utf8)),
        // A method longer than the limit with no space: whole it was "malformed request line".
        ("long method without a space", Array(String(repeating: "A", count: 40).utf8) + [0x0D, 0x0A, 0x0D, 0x0A]),
        // A line over the limit ending in a bare CR: whole it was "bare CR", split it was "too long".
        ("over-long line ending in bare CR",
         Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 300) + [0x0D, 0x58]),
    ]

    static let limits: ParserLimits = {
        var limits = ParserLimits()
        limits.maxRequestLine = 256
        return limits
    }()

    @Test(arguments: regressions.map(\.0))
    func regressionAnswersTheSameHoweverSplit(_ name: String) throws {
        let raw = try #require(Self.regressions.first { $0.0 == name }?.1)
        let whole = ParserDriver.run(raw, splits: [], limits: Self.limits)
        #expect(whole.error != nil, "\(name) is rejected")
        for cut in 1..<raw.count {
            let split = ParserDriver.run(raw, splits: [cut], limits: Self.limits)
            #expect(split == whole, "\(name) cut at \(cut): \(split) vs whole \(whole)")
        }
        let bytewise = ParserDriver.run(raw, splits: Array(1..<raw.count), limits: Self.limits)
        #expect(bytewise == whole, "\(name) byte by byte: \(bytewise) vs whole \(whole)")
    }

    @Test(arguments: ConformanceCase.all)
    func catalogueCaseAnswersTheSameHoweverSplit(_ testCase: ConformanceCase) {
        let plans = ParserDriver.splitPlans(for: testCase.raw.count, seed: UInt64(testCase.id.utf8.count))
        let outcomes = plans.map { ParserDriver.run(testCase.raw, splits: $0.1) }
        #expect(Set(outcomes.map(\.description)).count == 1, "\(testCase.id): \(outcomes)")
    }
}
