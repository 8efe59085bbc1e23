import Model
import Storage

/// SQL for the price book (Schema/0008).
public enum PriceRepository {
    /// The monthly rate and currency for a product in a location's market: a port's or cloud router's exact speed, a VXC's
    /// or IX's first speed row at or above its rate limit; nil when the book has no such row.
    public static func monthlyRate(_ db: any DatabaseConnection, locationId: Int64, productType: String, speed: Int,
                                   term: Int) throws -> (rate: Double, currency: String)? {
        try db.queryFirst("""
            SELECT p.monthly_rate, m.currency FROM price_book p JOIN markets m ON m.code = p.market
            WHERE p.market = (SELECT market FROM locations WHERE id = ?) AND p.product_type = ? AND p.term = ?
              AND p.speed >= ? AND (p.product_type NOT IN ('MEGAPORT', 'MCR2') OR p.speed = ?)
            ORDER BY p.speed LIMIT 1
            """, locationId, productType, term, speed, speed) { ($0.double("monthly_rate"), $0.string("currency")) }
    }
}
