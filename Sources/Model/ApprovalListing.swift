/// An approval as `GET /secure/approvals` lists it: the record plus the names a person needs.
public struct ApprovalListing: Sendable, Equatable {
    /// A value with every field given.
    public init(approval: Approval, serviceName: String, requesterCompanyName: String, approverCompanyName: String, aEndId: Int64, aEndName: String, bEndId: Int64, bEndName: String, aVlan: Int?, bVlan: Int?, decidedByName: String?, serviceProfileUid: String? = nil, buyerFields: [ShownBuyerValue] = []) {
        self.approval = approval
        self.serviceName = serviceName
        self.requesterCompanyName = requesterCompanyName
        self.approverCompanyName = approverCompanyName
        self.aEndId = aEndId
        self.aEndName = aEndName
        self.bEndId = bEndId
        self.bEndName = bEndName
        self.aVlan = aVlan
        self.bVlan = bVlan
        self.decidedByName = decidedByName
        self.serviceProfileUid = serviceProfileUid
        self.buyerFields = buyerFields
    }

    public let approval: Approval
    public let serviceName: String
    public let requesterCompanyName: String
    public let approverCompanyName: String
    public let aEndId: Int64
    public let aEndName: String
    public let bEndId: Int64
    public let bEndName: String
    public let aVlan: Int?
    public let bVlan: Int?
    public let decidedByName: String?
    /// The service profile the VXC was bought through, and the buyer's values the provider may see.
    public let serviceProfileUid: String?
    public let buyerFields: [ShownBuyerValue]
}

/// Which side of approvals to list.
public enum ApprovalRole: String, Sendable {
    /// Requests the caller's company must decide (the default).
    case approver
    /// Requests the caller's company made.
    case requester
}
