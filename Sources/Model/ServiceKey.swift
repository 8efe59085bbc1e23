/// A provider's key that lets another company connect to one of its ports (API.md §10).
public struct ServiceKey: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, key: String, companyId: Int64, productId: Int64, description: String?, vlan: Int?, maxSpeed: Int?, preApproved: Bool, singleUse: Bool, active: Bool, validFrom: Int64?, validTo: Int64?, usedDate: Int64?, createDate: Int64) {
        self.id = id
        self.key = key
        self.companyId = companyId
        self.productId = productId
        self.description = description
        self.vlan = vlan
        self.maxSpeed = maxSpeed
        self.preApproved = preApproved
        self.singleUse = singleUse
        self.active = active
        self.validFrom = validFrom
        self.validTo = validTo
        self.usedDate = usedDate
        self.createDate = createDate
    }

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
