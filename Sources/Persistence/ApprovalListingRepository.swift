import Model
import Storage

/// SQL for approvals as listed to people: with the service, both companies, both ports, VLANs and who decided.
public enum ApprovalListingRepository {
    static let select = """
        SELECT a.id, a.uid, a.type, a.status, a.service_id, a.requester_company_id, a.approver_company_id, a.speed, a.new_speed,
               a.create_date, a.expiry_date, a.decision_date, a.decided_by, a.comment,
               s.name AS service_name, rc.trading_name AS requester_name, ac.trading_name AS approver_name,
               pa.id AS a_end_id, pa.name AS a_end_name, pb.id AS b_end_id, pb.name AS b_end_name,
               (SELECT vlan FROM vlan_assignments WHERE service_id = s.id AND end_name = 'A') AS a_vlan,
               (SELECT vlan FROM vlan_assignments WHERE service_id = s.id AND end_name = 'B') AS b_vlan,
               (SELECT trim(first_name || ' ' || last_name) FROM users WHERE id = a.decided_by) AS decided_by_name,
               sp.uid AS profile_uid, sp.buyer_fields AS profile_fields, s.buyer_fields AS buyer_values
        FROM approvals a JOIN services s ON s.id = a.service_id LEFT JOIN service_profiles sp ON sp.id = s.service_profile_id
        JOIN companies rc ON rc.id = a.requester_company_id JOIN companies ac ON ac.id = a.approver_company_id
        JOIN services pa ON pa.id = s.a_end_service_id JOIN services pb ON pb.id = s.b_end_service_id
        """

    static func map(_ r: any DatabaseRow) -> ApprovalListing {
        ApprovalListing(approval: ApprovalRepository.map(r), serviceName: r.string("service_name"),
                        requesterCompanyName: r.string("requester_name"), approverCompanyName: r.string("approver_name"),
                        aEndId: r.int64("a_end_id"), aEndName: r.string("a_end_name"), bEndId: r.int64("b_end_id"),
                        bEndName: r.string("b_end_name"), aVlan: r.optionalInt("a_vlan"), bVlan: r.optionalInt("b_vlan"),
                        decidedByName: r.optionalString("decided_by_name"), serviceProfileUid: r.optionalString("profile_uid"),
                        buyerFields: ShownBuyerValue.of(BuyerFieldCoding.decodeValues(r.optionalString("buyer_values")),
                                                        fields: BuyerFieldCoding.decodeFields(r.optionalString("profile_fields") ?? "[]")))
    }

    /// One approval as listed.
    public static func listing(_ db: any DatabaseConnection, id: Int64) throws -> ApprovalListing? {
        try db.queryFirst(select + " WHERE a.id = ?", id, map: map)
    }

    /// Which approvals a listing shows.
    public enum Filter: Sendable {
        /// Approvals a company must decide (as the provider), optionally only those with one status.
        case toDecide(companyId: Int64, status: String?)
        /// Approvals a company asked for (as the requester), optionally only those with one status.
        case requested(companyId: Int64, status: String?)
    }

    /// Listings matching a filter, newest first.
    public static func listings(_ db: any DatabaseConnection, _ filter: Filter) throws -> [ApprovalListing] {
        let (column, companyId, status) = switch filter {
        case .toDecide(let id, let status): ("a.approver_company_id", id, status)
        case .requested(let id, let status): ("a.requester_company_id", id, status)
        }
        let order = " ORDER BY a.create_date DESC, a.id DESC"
        if let status {
            return try db.query(select + " WHERE \(column) = ? AND a.status = ?" + order, companyId, status, map: map)
        }
        return try db.query(select + " WHERE \(column) = ?" + order, companyId, map: map)
    }
}
