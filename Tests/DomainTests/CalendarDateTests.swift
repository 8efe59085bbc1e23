import Foundation
import Model
import Testing

/// The date arithmetic that replaced Foundation's formatters on the order path agrees with them.
@Suite struct CalendarDateTests {
    static func foundation(_ text: String) -> Int64? {
        let fraction = ISO8601DateFormatter()
        fraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = fraction.date(from: text) ?? ISO8601DateFormatter().date(from: text) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    @Test(arguments: ["2014-12-29T14:00:00.000Z", "2014-12-29T14:00:00Z", "2024-02-29T23:59:59.999+10:00", "1970-01-01T00:00:00Z",
                      "2000-03-01T00:00:00.5-05:30", "1969-12-31T23:59:59Z", "2100-12-31T12:00:00.123456789+14:00"])
    func parsesAsFoundationDoes(_ text: String) {
        #expect(CalendarDate.parseDateTime(text) == Self.foundation(text), "\(text)")
    }

    @Test(arguments: ["2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
                      "2024-01-01T00:00:00+15:00", "2024-01-01T00:00:00", "2024-01-01 00:00:00Z", "２０２４-01-01T00:00:00Z", "2024-01-01T00:00:00.Z"])
    func refusesWhatIsNotADateTime(_ text: String) {
        #expect(CalendarDate.parseDateTime(text) == nil, "\(text)")
    }

    @Test func daysRoundTripAndPrintAsDates() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let d = CalendarDate.civil(fromDays: day)
            #expect(CalendarDate.days(year: d.year, month: d.month, day: d.day) == day)
        }
        #expect(CalendarDate.day(1_801_353_600_000) == "2027-01-31")
        #expect(CalendarDate.day(-1) == "1969-12-31")
    }
}
