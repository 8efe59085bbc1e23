/// A provider's key that lets another company connect to one of its ports (API.md §10).
public struct ServiceKey: Sendable, Equatable {
    public let id: Int64
    public let key: String
    public let companyId: Int64
    public let productId: Int64
    public let description: String?
    public let vlan: Int?
    public let maxSpeed: Int?
    public let preApproved: Bool
    public let singleUse: Bool
    public let active: Bool
    public let validFrom: Int64?
    public let validTo: Int64?
    public let usedDate: Int64?
    public let createDate: Int64
}
