/// Everything the VXC order response (the seed's VXC order object) reports (API.md §5).
public struct VXCOrderResult: Sendable, Equatable {
    /// One end of the VXC.
    public struct End: Sendable, Equatable {
        public let portId: Int64
        public let portName: String
        public let companyId: Int64
        public let companyName: String
        public let locationId: Int64
        public let vlan: Int
    }

    public let orderId: Int64
    public let serviceId: Int64
    public let serviceUid: String
    public let createDate: Int64
    public let name: String
    public let aEnd: End
    public let bEnd: End
    public let speed: Int
    public let distanceBand: DistanceBand
    public let term: Int
    public let rollover: Bool
    public let payerStatus: String
    public let nonPayerStatus: String
    public let payerApproverId: Int64
    public let payerApproverName: String
    public let nonPayerApproverId: Int64?
    public let nonPayerApproverName: String?
    public let nonPayerApprovalDate: Int64?
    public let provisioningStatus: ProvisioningStatus
    public let vxcApprovalStatus: String?
    public let aws: AWSConfig?
    public let serviceKey: String?
}
