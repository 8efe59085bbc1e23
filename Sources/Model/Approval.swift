/// A request for the far end's company to approve a VXC or a speed change (API.md §7).
public struct Approval: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, uid: String, kind: Kind, status: Status, serviceId: Int64, requesterCompanyId: Int64, approverCompanyId: Int64, speed: Int, newSpeed: Int?, createDate: Int64, expiryDate: Int64, decisionDate: Int64?, decidedBy: Int64?, comment: String?) {
        self.id = id
        self.uid = uid
        self.kind = kind
        self.status = status
        self.serviceId = serviceId
        self.requesterCompanyId = requesterCompanyId
        self.approverCompanyId = approverCompanyId
        self.speed = speed
        self.newSpeed = newSpeed
        self.createDate = createDate
        self.expiryDate = expiryDate
        self.decisionDate = decisionDate
        self.decidedBy = decidedBy
        self.comment = comment
    }

    public enum Kind: String, Sendable { case new = "NEW", speedChange = "SPEED_CHANGE" }
    public enum Status: String, Sendable, CaseIterable {
        case pending = "PENDING", approved = "APPROVED", rejected = "REJECTED", withdrawn = "WITHDRAWN", expired = "EXPIRED"
    }

    public let id: Int64
    public let uid: String
    public let kind: Kind
    public let status: Status
    public let serviceId: Int64
    public let requesterCompanyId: Int64
    public let approverCompanyId: Int64
    public let speed: Int
    public let newSpeed: Int?
    public let createDate: Int64
    public let expiryDate: Int64
    public let decisionDate: Int64?
    public let decidedBy: Int64?
    public let comment: String?
}
