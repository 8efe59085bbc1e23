import HTTPCore
import TestSupport
import Testing

/// The catalogue, fed to the parser whole, byte by byte and in random splits: all three must agree
/// with the required outcome.
@Suite struct ConformanceTests {
    @Test(arguments: ConformanceCase.all)
    func parserMeetsCatalogue(_ testCase: ConformanceCase) {
        for (name, splits) in ParserDriver.splitPlans(for: testCase.raw.count, seed: UInt64(testCase.id.utf8.count)) {
            let outcome = ParserDriver.run(testCase.raw, splits: splits)
            #expect(outcome.matches(testCase.expect), "\(testCase.id) fed \(name): \(outcome)")
        }
    }

    @Test func catalogueIsLargeEnough() {
        #expect(ConformanceCase.all.count >= 60)
        #expect(Set(ConformanceCase.all.map(\.id)).count == ConformanceCase.all.count, "ids are unique")
    }
}
