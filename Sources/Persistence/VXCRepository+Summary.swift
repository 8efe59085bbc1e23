import Model
import Storage

extension VXCRepository {
    /// One end of a VXC as its emails name it.
    public struct SummaryEnd: Sendable {
        /// The port's service id.
        public let id: Int64
        /// The port's name.
        public let name: String
        /// The company that owns the port.
        public let companyId: Int64
        /// That company's trading name.
        public let companyName: String

        /// An end as given.
        public init(id: Int64, name: String, companyId: Int64, companyName: String) {
            (self.id, self.name, self.companyId, self.companyName) = (id, name, companyId, companyName)
        }
    }

    /// What an email about a VXC says: both ends and their companies, speed, VLANs and who ordered it.
    public struct Summary: Sendable {
        /// The VXC's service id.
        public let id: Int64
        /// The VXC's name.
        public let name: String
        /// Its speed in Mbps.
        public let rateLimit: Int
        /// The company that owns the VXC.
        public let companyId: Int64
        /// That company's trading name (named when nobody is recorded as the orderer).
        public let companyName: String
        /// The A-end port.
        public let aEnd: SummaryEnd
        /// The B-end port.
        public let bEnd: SummaryEnd
        /// The VLAN at each end (-1 untagged), when assigned.
        public let aVlan: Int?
        /// The VLAN at the B end.
        public let bVlan: Int?
        /// The user who ordered it: name and email.
        public let orderedBy: (name: String, email: String)?
    }

    /// The summary of VXC `serviceId` in one statement (nil when it is not a VXC): it is read for every
    /// email about a VXC, above all when a provisioning slice turns VXCs LIVE, where it took five.
    public static func summary(_ db: any DatabaseConnection, serviceId: Int64) throws -> Summary? {
        try db.queryFirst("""
            SELECT v.id, v.name, v.rate_limit, v.company_id, vc.trading_name AS company_name,
                   a.id AS a_id, a.name AS a_name, a.company_id AS a_company_id, ac.trading_name AS a_company_name,
                   b.id AS b_id, b.name AS b_name, b.company_id AS b_company_id, bc.trading_name AS b_company_name,
                   (SELECT vlan FROM vlan_assignments WHERE service_id = v.id AND end_name = 'A') AS a_vlan,
                   (SELECT vlan FROM vlan_assignments WHERE service_id = v.id AND end_name = 'B') AS b_vlan,
                   u.first_name, u.last_name, u.email
            FROM services v JOIN companies vc ON vc.id = v.company_id
                JOIN services a ON a.id = v.a_end_service_id JOIN companies ac ON ac.id = a.company_id
                JOIN services b ON b.id = v.b_end_service_id JOIN companies bc ON bc.id = b.company_id
                LEFT JOIN users u ON u.id = v.created_by
            WHERE v.id = ? AND v.product_type = 'VXC'
            """, serviceId) { r in
            Summary(id: r.int64("id"), name: r.string("name"), rateLimit: r.optionalInt("rate_limit") ?? 0,
                    companyId: r.int64("company_id"), companyName: r.string("company_name"),
                    aEnd: SummaryEnd(id: r.int64("a_id"), name: r.string("a_name"), companyId: r.int64("a_company_id"),
                                     companyName: r.string("a_company_name")),
                    bEnd: SummaryEnd(id: r.int64("b_id"), name: r.string("b_name"), companyId: r.int64("b_company_id"),
                                     companyName: r.string("b_company_name")),
                    aVlan: r.optionalInt("a_vlan"), bVlan: r.optionalInt("b_vlan"),
                    orderedBy: r.optionalString("email").map {
                        ("\(r.string("first_name")) \(r.string("last_name"))", $0)
                    })
        }
    }
}
