/// What a provider sells on its ports: a service profile (`/secure/serviceprofiles`). Buyers order a VXC
/// "from" it, naming its uid, and fill in the fields it asks for. Its content (`profile.name`,
/// `profile.buyerFields`, …) is read and changed through `content`.
@dynamicMemberLookup
public struct ServiceProfile: Sendable, Equatable {
    /// Whether requests through the profile are approved by the server or by the provider's people.
    public enum ApprovalMode: String, Sendable, CaseIterable { case auto = "AUTO", manual = "MANUAL" }
    /// Who picks the B-end VLAN: the buyer (or the server when the buyer leaves it out), or always the server.
    public enum VLANPolicy: String, Sendable, CaseIterable { case buyer = "BUYER", provider = "PROVIDER" }
    /// Everyone, or the provider and the companies in `visibleTo`.
    public enum Visibility: String, Sendable, CaseIterable { case `public` = "PUBLIC", `private` = "PRIVATE" }

    public var id: Int64
    public var uid: String
    public var companyId: Int64
    public var companyName: String
    /// What the provider sells, to whom, and what buyers must fill in.
    public var content: ServiceProfileContent
    public var createDate: Int64
    public var updateDate: Int64

    /// A value with every field given.
    public init(id: Int64, uid: String, companyId: Int64, companyName: String, content: ServiceProfileContent, createDate: Int64, updateDate: Int64) {
        self.id = id
        self.uid = uid
        self.companyId = companyId
        self.companyName = companyName
        self.content = content
        self.createDate = createDate
        self.updateDate = updateDate
    }

    /// A part of the content, as if it were the profile's own.
    public subscript<T>(dynamicMember part: WritableKeyPath<ServiceProfileContent, T>) -> T {
        get { content[keyPath: part] }
        set { content[keyPath: part] = newValue }
    }
}

/// What a service profile is made of (everything but its identity, provider and dates).
public struct ServiceProfileContent: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The provider's ports the profile is offered on.
    public var portIds: [Int64]
    /// Speeds offered, in Mbps (empty: any speed the ports allow).
    public var speeds: [Int]
    public var approvalMode: ServiceProfile.ApprovalMode
    public var vlanPolicy: ServiceProfile.VLANPolicy
    public var visibility: ServiceProfile.Visibility
    /// The companies a PRIVATE profile is shown to (besides the provider).
    public var visibleTo: [Int64]
    public var buyerFields: [BuyerField]

    /// Content with every part given.
    public init(name: String, description: String, portIds: [Int64], speeds: [Int], approvalMode: ServiceProfile.ApprovalMode,
                vlanPolicy: ServiceProfile.VLANPolicy, visibility: ServiceProfile.Visibility, visibleTo: [Int64], buyerFields: [BuyerField]) {
        self.name = name
        self.description = description
        self.portIds = portIds
        self.speeds = speeds
        self.approvalMode = approvalMode
        self.vlanPolicy = vlanPolicy
        self.visibility = visibility
        self.visibleTo = visibleTo
        self.buyerFields = buyerFields
    }
}

/// One piece of information a provider requires from buyers, with the rule its value must meet.
public struct BuyerField: Sendable, Equatable {
    /// The kind of value.
    public enum Kind: String, Sendable, CaseIterable { case text, integer, `enum` }

    /// The member name in a VXC order's `buyerFields` (letters, digits, `_`, `-`; 1–64 characters).
    public var key: String
    public var label: String
    public var help: String
    public var kind: Kind
    public var required: Bool
    /// For text: an anchored POSIX extended regular expression (`^…$`) the whole value must match.
    public var pattern: String?
    public var minLength: Int?
    public var maxLength: Int?
    /// For integers: the range.
    public var min: Int64?
    public var max: Int64?
    /// For enums: the allowed values.
    public var values: [String]
    /// Stored with the VXC but never shown again, nor sent in emails (a BGP auth key).
    public var writeOnly: Bool

    /// A field with the given rules.
    public init(key: String, label: String, help: String = "", kind: Kind, required: Bool, pattern: String? = nil, minLength: Int? = nil,
                maxLength: Int? = nil, min: Int64? = nil, max: Int64? = nil, values: [String] = [], writeOnly: Bool = false) {
        self.key = key
        self.label = label
        self.help = help
        self.kind = kind
        self.required = required
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.min = min
        self.max = max
        self.values = values
        self.writeOnly = writeOnly
    }
}

/// A buyer's value for one field: text, or a whole number for integer fields.
public enum BuyerValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
}

/// A buyer's value as the provider is shown it.
public struct ShownBuyerValue: Sendable, Equatable {
    public let key: String
    public let label: String
    public let value: BuyerValue

    /// The values a provider is shown: write-only ones left out, in the fields' order.
    public static func of(_ values: [String: BuyerValue], fields: [BuyerField]) -> [ShownBuyerValue] {
        fields.filter { !$0.writeOnly }.compactMap { field in values[field.key].map { ShownBuyerValue(key: field.key, label: field.label, value: $0) } }
    }

    /// The value as text.
    public var text: String {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        }
    }
}
