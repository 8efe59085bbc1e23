import Model
import Storage

/// SQL for new VXCs and the order records behind them.
public enum VXCRepository {
    /// What a new VXC row holds.
    public struct NewVXC: Sendable {
        public var name: String
        public var companyId: Int64
        public var status: ProvisioningStatus
        public var aEndId: Int64
        public var bEndId: Int64
        public var rateLimit: Int
        public var distanceBand: String
        public var approvalStatus: String?
        public var nonPayerStatus: String
        public var term: Int
        public var rollover: Bool
        public var awsConfig: String?
        public var serviceKeyId: Int64?
        public var createdBy: Int64?
        public var provisionDate: Int64?

        /// A VXC with every field given.
        public init(name: String, companyId: Int64, status: ProvisioningStatus, aEndId: Int64, bEndId: Int64, rateLimit: Int,
                    distanceBand: String, approvalStatus: String?, nonPayerStatus: String, term: Int, rollover: Bool,
                    awsConfig: String?, serviceKeyId: Int64?, createdBy: Int64?, provisionDate: Int64?) {
            self.name = name
            self.companyId = companyId
            self.status = status
            self.aEndId = aEndId
            self.bEndId = bEndId
            self.rateLimit = rateLimit
            self.distanceBand = distanceBand
            self.approvalStatus = approvalStatus
            self.nonPayerStatus = nonPayerStatus
            self.term = term
            self.rollover = rollover
            self.awsConfig = awsConfig
            self.serviceKeyId = serviceKeyId
            self.createdBy = createdBy
            self.provisionDate = provisionDate
        }
    }

    /// Inserts a VXC and its order record; returns the service's id and uid and the order's id.
    public static func insert(_ db: any DatabaseConnection, _ vxc: NewVXC, now: Int64) throws -> (serviceId: Int64, uid: String, orderId: Int64) {
        let uid = Tokens.newTimeOrderedUUID(now: now)
        let serviceId = try db.insertReturningId("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, a_end_service_id, b_end_service_id,
                rate_limit, distance_band, vxc_approval_status, payer_status, non_payer_status, rate_type, term, rollover,
                aws_config, service_key_id, create_date, created_by, provision_date)
            VALUES (?, 'VXC', ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?, 'MONTHLY', ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, uid, vxc.name, vxc.companyId, vxc.status.rawValue, vxc.aEndId, vxc.bEndId, vxc.rateLimit, vxc.distanceBand,
            vxc.approvalStatus, vxc.nonPayerStatus, vxc.term, vxc.rollover, vxc.awsConfig, vxc.serviceKeyId, now, vxc.createdBy,
            vxc.provisionDate)
        let orderId = try db.insertReturningId("INSERT INTO vxc_orders (service_id, create_date, created_by) VALUES (?, ?, ?) RETURNING id",
                                               serviceId, now, vxc.createdBy)
        return (serviceId, uid, orderId)
    }
}
