import Model
import Storage

/// SQL for reading services (ports, VXCs, IXs) with their company, location, interface and exchange.
public enum ServiceRepository {
    static let select = """
        SELECT s.id, s.uid, s.product_type, s.name, s.company_id, c.trading_name AS company_name, c.uid AS company_uid, c.parent_company_id, s.provisioning_status,
               s.location_id, l.name AS location_name, l.metro, l.country, s.speed, s.interface_id, i.name AS interface_name,
               s.marketplace_visibility, s.vxc_permitted, s.a_end_service_id, s.b_end_service_id, s.rate_limit, s.distance_band,
               s.vxc_approval_status, s.payer_status, s.non_payer_status, s.rate_type, s.term, s.rollover, s.aws_config,
               s.service_key_id, s.ix_id, x.name AS ix_name, s.asn, s.mac_address, s.create_date, s.created_by, s.provision_date,
               s.live_date, s.cancel_date, s.customer_request_date, s.locked, s.cost_centre, s.aggregation_id
        FROM services s JOIN companies c ON c.id = s.company_id
        LEFT JOIN locations l ON l.id = s.location_id
        LEFT JOIN interfaces i ON i.id = s.interface_id
        LEFT JOIN internet_exchanges x ON x.id = s.ix_id
        """

    static func map(_ r: any DatabaseRow) -> ServiceRecord {
        let location = r.optionalInt64("location_id").map {
            PortLocation(locationId: $0, name: r.string("location_name"), metro: r.string("metro"), country: r.string("country"))
        }
        return ServiceRecord(
            id: r.int64("id"), uid: r.string("uid"), productType: ProductType(rawValue: r.string("product_type")) ?? .megaport,
            name: r.string("name"), companyId: r.int64("company_id"), companyName: r.string("company_name"), companyUid: r.string("company_uid"), companyParentId: r.optionalInt64("parent_company_id"),
            status: ProvisioningStatus(rawValue: r.string("provisioning_status")) ?? .failed,
            location: location, speed: r.optionalInt("speed"), interfaceId: r.optionalInt64("interface_id"),
            interfaceName: r.optionalString("interface_name"), marketplaceVisibility: r.bool("marketplace_visibility"),
            vxcPermitted: r.bool("vxc_permitted"), aEndId: r.optionalInt64("a_end_service_id"),
            bEndId: r.optionalInt64("b_end_service_id"), rateLimit: r.optionalInt("rate_limit"),
            distanceBand: r.optionalString("distance_band"), vxcApprovalStatus: r.optionalString("vxc_approval_status"),
            payerStatus: r.optionalString("payer_status"), nonPayerStatus: r.optionalString("non_payer_status"),
            rateType: r.optionalString("rate_type"), term: r.optionalInt("term"), rollover: r.optionalBool("rollover"),
            awsConfig: r.optionalString("aws_config"), serviceKeyId: r.optionalInt64("service_key_id"),
            ixId: r.optionalInt64("ix_id"), ixName: r.optionalString("ix_name"), asn: r.optionalInt64("asn"),
            macAddress: r.optionalString("mac_address"), createDate: r.int64("create_date"), createdBy: r.optionalInt64("created_by"),
            provisionDate: r.optionalInt64("provision_date"), liveDate: r.optionalInt64("live_date"),
            cancelDate: r.optionalInt64("cancel_date"), customerRequestDate: r.optionalInt64("customer_request_date"), locked: r.bool("locked"),
            costCentre: r.string("cost_centre"), aggregationId: r.optionalInt64("aggregation_id"))
    }

    /// The statements by id and by uid, built once: a statement is looked up in the connection's cache by
    /// its text, and one put together on every call cost an allocation and a copy of ~700 bytes.
    static let byId = select + " WHERE s.id = ?", byUid = select + " WHERE s.uid = ?"

    /// A service by integer id or by uid (paths accept either, API.md §1).
    public static func find(_ db: any DatabaseConnection, idOrUid: String) throws -> ServiceRecord? {
        if let id = Identifier.parse(idOrUid) { return try find(db, id: id) }
        return try db.queryFirst(byUid, idOrUid.lowercased(), map: map)
    }

    /// A service by id.
    public static func find(_ db: any DatabaseConnection, id: Int64) throws -> ServiceRecord? {
        try db.queryFirst(byId, id, map: map)
    }

    /// Whether a company has a service that is CONFIGURED or LIVE: one probe of services_company_status
    /// (Schema/0003) per status, however many services the company has. Asked before every port order of
    /// a direct account; written as two `EXISTS` because SQLite drives an index with `IN (…)` through a
    /// temporary table built for each run (~10% of the writer's time under port orders).
    public static func hasProvisioned(_ db: any DatabaseConnection, companyId: Int64) throws -> Bool {
        try db.queryFirst("""
            SELECT EXISTS (SELECT 1 FROM services WHERE company_id = ?1 AND provisioning_status = 'LIVE')
                OR EXISTS (SELECT 1 FROM services WHERE company_id = ?1 AND provisioning_status = 'CONFIGURED') AS found
            """, companyId) { $0.bool("found") } ?? false
    }

    /// The condition on `services s` for a port's children (parameter ?1: the port's id).
    static let childCondition = """
        (s.a_end_service_id = ?1 OR s.b_end_service_id = ?1) AND s.provisioning_status NOT IN ('DECOMMISSIONED', 'FAILED')
        """

    /// The VXCs (either end) and IXs on a port that are not finished.
    public static func children(_ db: any DatabaseConnection, portId: Int64) throws -> [ServiceRecord] {
        try db.query(select + " WHERE " + childCondition + " ORDER BY s.id", portId, map: map)
    }

    /// Sets a service's status, with the date column that goes with it.
    public static func setStatus(_ db: any DatabaseConnection, id: Int64, _ status: ProvisioningStatus, now: Int64) throws {
        switch status {
        case .configured:
            try db.execute("UPDATE services SET provisioning_status = 'CONFIGURED', provision_date = ? WHERE id = ?", now, id)
        case .live:
            try db.execute("UPDATE services SET provisioning_status = 'LIVE', live_date = ? WHERE id = ?", now, id)
        case .cancelled:
            try db.execute("UPDATE services SET provisioning_status = 'CANCELLED', cancel_date = ?, interface_id = NULL WHERE id = ?", now, id)
        default:
            try db.execute("UPDATE services SET provisioning_status = ?, interface_id = NULL WHERE id = ?", status.rawValue, id)
        }
    }
}

extension ServiceRepository {
    /// A company's ports (MEGAPORT and MEGADIRECT) and cloud routers (MCR2), whatever their status, in id order.
    public static func portsAndRouters(_ db: any DatabaseConnection, companyId: Int64) throws -> [ServiceRecord] {
        try db.query(select + " WHERE s.company_id = ? AND s.product_type IN ('MEGAPORT', 'MEGADIRECT', 'MCR2') ORDER BY s.id", companyId, map: map)
    }

    /// The other members of the LAG whose primary is `primaryId`, in the order they were bought.
    public static func lagMembers(_ db: any DatabaseConnection, primaryId: Int64) throws -> [ServiceRecord] {
        try db.query(select + " WHERE s.aggregation_id = ? AND s.id <> ? ORDER BY s.id", primaryId, primaryId, map: map)
    }
}
