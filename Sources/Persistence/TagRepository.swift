import Model
import Storage

/// SQL for products' resource tags.
public enum TagRepository {
    /// A product's tags, by key.
    public static func list(_ db: any DatabaseConnection, serviceId: Int64) throws -> [(key: String, value: String)] {
        try db.query("SELECT key, value FROM service_tags WHERE service_id = ? ORDER BY key", serviceId) { ($0.string("key"), $0.string("value")) }
    }

    /// Replaces a product's tags with `tags`.
    public static func replace(_ db: any DatabaseConnection, serviceId: Int64, _ tags: [(key: String, value: String)]) throws {
        try db.execute("DELETE FROM service_tags WHERE service_id = ?", serviceId)
        for tag in tags { try db.execute("INSERT INTO service_tags (service_id, key, value) VALUES (?, ?, ?)", serviceId, tag.key, tag.value) }
    }
}
