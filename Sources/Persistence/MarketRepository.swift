import Model
import Storage

/// SQL for billing markets.
public enum MarketRepository {
    public static func all(_ db: any DatabaseConnection) throws -> [Market] {
        try db.query("SELECT code, name, currency, dial_code, national_digits FROM markets ORDER BY code", map: map)
    }

    public static func find(_ db: any DatabaseConnection, code: String) throws -> Market? {
        try db.queryFirst("SELECT code, name, currency, dial_code, national_digits FROM markets WHERE code = ?", code.uppercased(), map: map)
    }

    static func map(_ r: any DatabaseRow) -> Market {
        Market(code: r.string("code"), name: r.string("name"), currency: r.string("currency"), dialCode: r.string("dial_code"),
               nationalDigits: r.int("national_digits"))
    }
}
