import JSON
import Model
import Storage

/// Writes audit events (who, when, what) inside the transaction of the change they describe.
public enum AuditLog {
    public static func record(_ db: any DatabaseConnection, userId: Int64?, companyId: Int64?, entity: String, entityId: Int64?,
                       action: String, detail: JSONObject = JSONObject(), now: Int64) throws {
        let text: String? = detail.members.isEmpty ? nil : JSONWriter.string(.object(detail))
        try db.execute("""
            INSERT INTO audit_events (create_date, user_id, company_id, entity, entity_id, action, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, now, userId, companyId, entity, entityId, action, text)
    }
}
