/// Calendar arithmetic on epoch milliseconds (UTC, proleptic Gregorian), without Foundation's formatters:
/// those build ICU calendars on every use, which cost more than the rest of an order together.
public enum CalendarDate {
    /// Days since 1970-01-01 of a date (Howard Hinnant's days-from-civil).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The date of a day number (the inverse of `days`).
    public static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468, era = (z >= 0 ? z : z - 146_096) / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153, day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2027-01-22` for an epoch-millisecond time.
    public static func day(_ millis: Int64) -> String {
        let d = civil(fromDays: Int((millis - (millis % 86_400_000 + 86_400_000) % 86_400_000) / 86_400_000))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(d.year)-\(two(d.month))-\(two(d.day))"
    }

    /// Epoch milliseconds of a strict ISO-8601 date-time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` in ASCII
    /// digits (a real calendar date, hours below 24, an offset of at most 14:00), or nil.
    public static func parseDateTime(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, b[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return b[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard b.count >= 20, let year = number(0..<4), b[4] == 0x2D, let month = number(5..<7), b[7] == 0x2D, let day = number(8..<10),
              b[10] == 0x54, let hour = number(11..<13), b[13] == 0x3A, let minute = number(14..<16), b[16] == 0x3A,
              let second = number(17..<19), (1...12).contains(month), hour < 24, minute < 60, second < 60,
              day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var i = 19, millis = 0
        if b[i] == 0x2E {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard (1...9).contains(i - start) else { return nil }
            millis = number(start..<min(i, start + 3)).map { $0 * [100, 10, 1][min(i, start + 3) - start - 1] } ?? 0
        }
        var offset = 0
        if i == b.count - 1 {
            guard b[i] == 0x5A else { return nil }
        } else {
            guard i + 6 == b.count, b[i] == 0x2B || b[i] == 0x2D, let hours = number(i + 1..<i + 3), b[i + 3] == 0x3A,
                  let minutes = number(i + 4..<i + 6), hours <= 14, minutes < 60 else { return nil }
            offset = (b[i] == 0x2B ? 1 : -1) * (hours * 60 + minutes) * 60_000
        }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Int64(seconds) * 1000 + Int64(millis) - Int64(offset)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
