/// An approval as `GET /secure/approvals` lists it: the record plus the names a person needs.
public struct ApprovalListing: Sendable, Equatable {
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
}

/// Which side of approvals to list.
public enum ApprovalRole: String, Sendable {
    /// Requests the caller's company must decide (the default).
    case approver
    /// Requests the caller's company made.
    case requester
}
