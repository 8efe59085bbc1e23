/// Rewrites the storage seam's placeholders into PostgreSQL's: `?` becomes `$1`, `$2`, … in order, and
/// `?N` becomes `$N` (a bare `?` after `?N` is N + 1, as in SQLite). Quoted strings and identifiers are copied as they are, so a `?` inside them stays.
enum Placeholders {
    /// The statement in PostgreSQL's syntax.
    static func rewrite(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var next = 1
        var quote: Character?
        var index = sql.startIndex
        while index < sql.endIndex {
            let c = sql[index]
            index = sql.index(after: index)
            if let open = quote {
                out.append(c)
                if c == open { quote = nil }
                continue
            }
            if c == "'" || c == "\"" {
                quote = c
                out.append(c)
                continue
            }
            guard c == "?" else {
                out.append(c)
                continue
            }
            var digits = ""
            while index < sql.endIndex, let digit = sql[index].wholeNumberValue, sql[index].isASCII {
                digits.append(String(digit))
                index = sql.index(after: index)
            }
            if digits.isEmpty {
                out += "$\(next)"
                next += 1
            } else {
                out += "$" + digits
                next = max(next, (Int(digits) ?? 0) + 1)  // as SQLite numbers a bare `?` after `?N`
            }
        }
        return out
    }
}
