import Storage

/// SQL for ports (MEGAPORT services).
enum PortRepository {
    /// Inserts a port, allocating a free interface in the same transaction. With no interface free the
    /// port waits in PROVISIONING with no resources (API.md §4) until capacity appears.
    /// - Parameter live: seeders create ports that are already LIVE.
    static func insert(_ db: SQLiteConnection, companyId: Int64, name: String, locationId: Int64, speed: Int,
                       marketplaceVisible: Bool, createdBy: Int64?, live: Bool, now: Int64) throws -> Int64 {
        let interface = try InterfaceRepository.freeInterface(db, locationId: locationId, speed: speed)
        let status = interface == nil ? "PROVISIONING" : (live ? "LIVE" : "CONFIGURED")
        try db.execute("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id,
                marketplace_visibility, vxc_permitted, create_date, created_by, provision_date, live_date)
            VALUES (?, 'MEGAPORT', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
            """, Tokens.newUUID(), name, companyId, status, locationId, speed, interface, marketplaceVisible, now, createdBy,
            interface == nil ? nil : now, status == "LIVE" ? now : nil)
        return db.lastInsertRowID
    }

    /// The id of a company's port with that name.
    static func find(_ db: SQLiteConnection, companyId: Int64, name: String) throws -> Int64? {
        try db.queryFirst("SELECT id FROM services WHERE company_id = ? AND name = ? AND product_type = 'MEGAPORT'",
                          companyId, name) { $0.int64(0) }
    }
}
