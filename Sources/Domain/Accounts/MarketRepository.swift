import Storage

/// SQL for billing markets.
enum MarketRepository {
    static func all(_ db: SQLiteConnection) throws -> [Market] {
        try db.query("SELECT code, name, currency, dial_code, national_digits FROM markets ORDER BY code", map: map)
    }

    static func find(_ db: SQLiteConnection, code: String) throws -> Market? {
        try db.queryFirst("SELECT code, name, currency, dial_code, national_digits FROM markets WHERE code = ?", code.uppercased(), map: map)
    }

    static func map(_ r: Row) -> Market {
        Market(code: r.string(0), name: r.string(1), currency: r.string(2), dialCode: r.string(3), nationalDigits: r.int(4))
    }
}
