/// The email groups users subscribe to (API.md §8).
public enum NotificationGroup: String, Sendable, CaseIterable {
    case security = "SECURITY"
    case people = "PEOPLE"
    case company = "COMPANY"
    case financial = "FINANCIAL"
    case ordering = "ORDERING"
    case serviceStatus = "SERVICE_STATUS"
    case services = "SERVICES"

    /// SECURITY and PEOPLE cannot be turned off.
    public var alwaysOn: Bool { self == .security || self == .people }

    /// The default for a user who never chose: direct (and partner, distributor) accounts all on,
    /// managed accounts all off — except the groups that are always on.
    public static func defaultSubscribed(_ group: NotificationGroup, accountType: AccountType) -> Bool {
        group.alwaysOn || accountType != .managed
    }
}

extension Position {
    /// Company Admins, Technical Admins and Technical Contacts receive email; nobody else may subscribe.
    public var receivesEmail: Bool { may(.subscribe) }
}
