import Model
import Storage

/// SQL for service profiles, the ports they are offered on and the companies a private one is shown to.
public enum ServiceProfileRepository {
    static let columns = """
        p.id, p.uid, p.company_id, c.trading_name AS company_name, p.name, p.description, p.speeds, p.approval_mode, p.vlan_policy,
        p.visibility, p.buyer_fields, p.create_date, p.update_date
        """

    /// Inserts a profile with its ports and viewers; returns its id.
    public static func insert(_ db: any DatabaseConnection, companyId: Int64, _ content: ServiceProfileContent, createdBy: Int64?, now: Int64) throws -> Int64 {
        let id = try db.insertReturningId("""
            INSERT INTO service_profiles (uid, company_id, name, description, speeds, approval_mode, vlan_policy, visibility, buyer_fields,
                created_by, create_date, update_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, Tokens.newUUID(), companyId, content.name, content.description, BuyerFieldCoding.encode(speeds: content.speeds),
            content.approvalMode.rawValue, content.vlanPolicy.rawValue, content.visibility.rawValue, BuyerFieldCoding.encode(content.buyerFields),
            createdBy, now, now)
        try replaceMembers(db, id: id, content)
        return id
    }

    /// Replaces a profile's content.
    public static func update(_ db: any DatabaseConnection, id: Int64, _ content: ServiceProfileContent, now: Int64) throws {
        try db.execute("""
            UPDATE service_profiles SET name = ?, description = ?, speeds = ?, approval_mode = ?, vlan_policy = ?, visibility = ?,
                buyer_fields = ?, update_date = ? WHERE id = ?
            """, content.name, content.description, BuyerFieldCoding.encode(speeds: content.speeds), content.approvalMode.rawValue,
            content.vlanPolicy.rawValue, content.visibility.rawValue, BuyerFieldCoding.encode(content.buyerFields), now, id)
        try db.execute("DELETE FROM service_profile_ports WHERE profile_id = ?", id)
        try db.execute("DELETE FROM service_profile_viewers WHERE profile_id = ?", id)
        try replaceMembers(db, id: id, content)
    }

    private static func replaceMembers(_ db: any DatabaseConnection, id: Int64, _ content: ServiceProfileContent) throws {
        for port in Set(content.portIds) { try db.execute("INSERT INTO service_profile_ports (profile_id, port_id) VALUES (?, ?)", id, port) }
        for company in Set(content.visibleTo) {
            try db.execute("INSERT INTO service_profile_viewers (profile_id, company_id) VALUES (?, ?)", id, company)
        }
    }

    /// Deletes a profile: it is no longer listed or sold; VXCs bought through it keep it.
    public static func markDeleted(_ db: any DatabaseConnection, id: Int64, now: Int64) throws {
        try db.execute("UPDATE service_profiles SET deleted_date = ? WHERE id = ?", now, id)
        try db.execute("DELETE FROM service_profile_ports WHERE profile_id = ?", id)
    }

    /// Records that a VXC was bought through a profile, with the buyer's values (JSON).
    public static func recordPurchase(_ db: any DatabaseConnection, serviceId: Int64, profileId: Int64, values: String) throws {
        try db.execute("UPDATE services SET service_profile_id = ?, buyer_fields = ? WHERE id = ?", profileId, values, serviceId)
    }

    /// The profile a VXC was bought through and the buyer's values, if it was.
    public static func purchase(_ db: any DatabaseConnection, serviceId: Int64) throws -> (profile: ServiceProfile, values: [String: BuyerValue])? {
        guard let row = try db.queryFirst("SELECT service_profile_id, buyer_fields FROM services WHERE id = ?", serviceId, map: {
            ($0.optionalInt64("service_profile_id"), $0.optionalString("buyer_fields"))
        }), let profileId = row.0, let profile = try find(db, id: profileId) else { return nil }
        return (profile, BuyerFieldCoding.decodeValues(row.1))
    }

    /// A profile that is not deleted, by uid.
    public static func find(_ db: any DatabaseConnection, uid: String) throws -> ServiceProfile? {
        try load(db, where: "p.uid = ?", uid.lowercased()).first
    }

    /// A profile by id, deleted or not (for the VXCs bought through it).
    public static func find(_ db: any DatabaseConnection, id: Int64) throws -> ServiceProfile? {
        try load(db, where: "p.id = ?", id, includingDeleted: true).first
    }

    /// A company's profiles, oldest first.
    public static func list(_ db: any DatabaseConnection, companyId: Int64) throws -> [ServiceProfile] {
        try load(db, where: "p.company_id = ?", companyId)
    }

    /// The profiles a company may buy from: public ones, private ones shown to it, and its own.
    public static func visible(_ db: any DatabaseConnection, to companyId: Int64) throws -> [ServiceProfile] {
        try load(db, where: """
            (p.visibility = 'PUBLIC' OR p.company_id = ?1
             OR EXISTS (SELECT 1 FROM service_profile_viewers v WHERE v.profile_id = p.id AND v.company_id = ?1))
            """, companyId)
    }

    /// The profiles a port is offered through.
    public static func offering(_ db: any DatabaseConnection, portId: Int64) throws -> [ServiceProfile] {
        try load(db, where: "EXISTS (SELECT 1 FROM service_profile_ports sp WHERE sp.profile_id = p.id AND sp.port_id = ?)", portId)
    }

    private static func load(_ db: any DatabaseConnection, where condition: String, _ argument: any DatabaseBindable,
                             includingDeleted: Bool = false) throws -> [ServiceProfile] {
        let live = includingDeleted ? "" : " AND p.deleted_date IS NULL"
        var profiles = try db.query("""
            SELECT \(columns) FROM service_profiles p JOIN companies c ON c.id = p.company_id WHERE \(condition)\(live) ORDER BY p.id
            """, argument) { r in
            ServiceProfile(id: r.int64("id"), uid: r.string("uid"), companyId: r.int64("company_id"), companyName: r.string("company_name"),
                           content: ServiceProfileContent(
                               name: r.string("name"), description: r.string("description"), portIds: [],
                               speeds: BuyerFieldCoding.decodeSpeeds(r.string("speeds")),
                               approvalMode: ServiceProfile.ApprovalMode(rawValue: r.string("approval_mode")) ?? .manual,
                               vlanPolicy: ServiceProfile.VLANPolicy(rawValue: r.string("vlan_policy")) ?? .buyer,
                               visibility: ServiceProfile.Visibility(rawValue: r.string("visibility")) ?? .private, visibleTo: [],
                               buyerFields: BuyerFieldCoding.decodeFields(r.string("buyer_fields"))),
                           createDate: r.int64("create_date"), updateDate: r.int64("update_date"))
        }
        for index in profiles.indices {
            let id = profiles[index].id
            profiles[index].portIds = try db.query("SELECT port_id FROM service_profile_ports WHERE profile_id = ? ORDER BY port_id", id) { $0.int64("port_id") }
            profiles[index].visibleTo = try db.query("SELECT company_id FROM service_profile_viewers WHERE profile_id = ? ORDER BY company_id", id) {
                $0.int64("company_id")
            }
        }
        return profiles
    }
}
