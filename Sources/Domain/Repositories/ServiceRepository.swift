import Storage

/// SQL for reading services (ports, VXCs, IXs) with their company, location, interface and exchange.
enum ServiceRepository {
    static let select = """
        SELECT s.id, s.uid, s.product_type, s.name, s.company_id, c.trading_name, s.provisioning_status,
               s.location_id, l.name, l.metro, l.country, s.speed, s.interface_id, i.name, s.marketplace_visibility,
               s.vxc_permitted, s.a_end_service_id, s.b_end_service_id, s.rate_limit, s.distance_band,
               s.vxc_approval_status, s.payer_status, s.non_payer_status, s.rate_type, s.term, s.rollover, s.aws_config,
               s.service_key_id, s.ix_id, x.name, s.asn, s.mac_address, s.create_date, s.created_by, s.provision_date,
               s.live_date, s.cancel_date, s.customer_request_date
        FROM services s JOIN companies c ON c.id = s.company_id
        LEFT JOIN locations l ON l.id = s.location_id
        LEFT JOIN interfaces i ON i.id = s.interface_id
        LEFT JOIN internet_exchanges x ON x.id = s.ix_id
        """

    static func map(_ r: Row) -> ServiceRecord {
        let location = r.isNull(7) ? nil : PortLocation(locationId: r.int64(7), name: r.string(8), metro: r.string(9), country: r.string(10))
        return ServiceRecord(
            id: r.int64(0), uid: r.string(1), productType: ProductType(rawValue: r.string(2)) ?? .megaport, name: r.string(3),
            companyId: r.int64(4), companyName: r.string(5), status: ProvisioningStatus(rawValue: r.string(6)) ?? .failed,
            location: location, speed: r.isNull(11) ? nil : r.int(11), interfaceId: r.optionalInt64(12),
            interfaceName: r.optionalString(13), marketplaceVisibility: r.bool(14), vxcPermitted: r.bool(15),
            aEndId: r.optionalInt64(16), bEndId: r.optionalInt64(17), rateLimit: r.isNull(18) ? nil : r.int(18),
            distanceBand: r.optionalString(19), vxcApprovalStatus: r.optionalString(20), payerStatus: r.optionalString(21),
            nonPayerStatus: r.optionalString(22), rateType: r.optionalString(23), term: r.isNull(24) ? nil : r.int(24),
            rollover: r.isNull(25) ? nil : r.bool(25), awsConfig: r.optionalString(26), serviceKeyId: r.optionalInt64(27),
            ixId: r.optionalInt64(28), ixName: r.optionalString(29), asn: r.optionalInt64(30), macAddress: r.optionalString(31),
            createDate: r.int64(32), createdBy: r.optionalInt64(33), provisionDate: r.optionalInt64(34),
            liveDate: r.optionalInt64(35), cancelDate: r.optionalInt64(36), customerRequestDate: r.optionalInt64(37))
    }

    /// A service by integer id or by uid (paths accept either, API.md §1).
    static func find(_ db: SQLiteConnection, idOrUid: String) throws -> ServiceRecord? {
        if let id = Int64(idOrUid) { return try find(db, id: id) }
        return try db.queryFirst(select + " WHERE s.uid = ?", idOrUid.lowercased(), map: map)
    }

    /// A service by id.
    static func find(_ db: SQLiteConnection, id: Int64) throws -> ServiceRecord? {
        try db.queryFirst(select + " WHERE s.id = ?", id, map: map)
    }

    /// Whether a company has a service that is CONFIGURED or LIVE. `EXISTS` over services_company_status
    /// (Schema/0003): one index probe, however many services the company has.
    static func hasProvisioned(_ db: SQLiteConnection, companyId: Int64) throws -> Bool {
        try db.queryFirst("""
            SELECT EXISTS (SELECT 1 FROM services WHERE company_id = ? AND provisioning_status IN ('CONFIGURED', 'LIVE'))
            """, companyId) { $0.int(0) } == 1
    }

    /// The condition on `services s` for a port's children (parameter ?1: the port's id).
    static let childCondition = """
        (s.a_end_service_id = ?1 OR s.b_end_service_id = ?1) AND s.provisioning_status NOT IN ('DECOMMISSIONED', 'FAILED')
        """

    /// The VXCs (either end) and IXs on a port that are not finished.
    static func children(_ db: SQLiteConnection, portId: Int64) throws -> [ServiceRecord] {
        try db.query(select + " WHERE " + childCondition + " ORDER BY s.id", portId, map: map)
    }

    /// Sets a service's status, with the date column that goes with it.
    static func setStatus(_ db: SQLiteConnection, id: Int64, _ status: ProvisioningStatus, now: Int64) throws {
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
