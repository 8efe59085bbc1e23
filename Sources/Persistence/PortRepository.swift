import Model
import Storage

/// SQL for ports (MEGAPORT and MEGADIRECT services).
public enum PortRepository {
    /// What a new port row holds besides its allocation.
    public struct NewPort: Sendable {
        public var companyId: Int64
        public var productType: ProductType = .megaport
        public var name: String
        public var locationId: Int64
        public var speed: Int
        public var marketplaceVisible = false
        public var rackId: String?
        public var opticalInterface: String?
        public var customerRequestDate: Int64?
        public var createdBy: Int64?

        /// A port with the defaults for everything but its owner, name, location and speed.
        public init(companyId: Int64, name: String, locationId: Int64, speed: Int) {
            self.companyId = companyId
            self.name = name
            self.locationId = locationId
            self.speed = speed
        }
    }

    /// Inserts a port, allocating a free interface in the same transaction. With no interface free the
    /// port waits in PROVISIONING with no resources (API.md §4) until capacity appears.
    /// - Parameter live: seeders create ports that are already LIVE.
    /// - Returns: the new id and the status the port got (PROVISIONING when it waits for an interface).
    public static func insert(_ db: any DatabaseConnection, _ port: NewPort, live: Bool = false, now: Int64) throws -> (id: Int64, status: ProvisioningStatus) {
        let interface = try InterfaceRepository.freeInterface(db, locationId: port.locationId, speed: port.speed)
        let status: ProvisioningStatus = interface == nil ? .provisioning : (live ? .live : .configured)
        let id = try db.insertReturningId("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id,
                marketplace_visibility, vxc_permitted, rack_id, optical_interface, customer_request_date, create_date,
                created_by, provision_date, live_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, Tokens.newTimeOrderedUUID(now: now), port.productType.rawValue, port.name, port.companyId, status.rawValue, port.locationId, port.speed,
            interface, port.marketplaceVisible, port.rackId, port.opticalInterface, port.customerRequestDate, now,
            port.createdBy, interface == nil ? nil : now, status == .live ? now : nil)
        return (id, status)
    }

    /// The id of a company's port with that name.
    public static func find(_ db: any DatabaseConnection, companyId: Int64, name: String) throws -> Int64? {
        try db.queryFirst("SELECT id FROM services WHERE company_id = ? AND name = ? AND product_type = 'MEGAPORT'",
                          companyId, name) { $0.int64("id") }
    }
}
