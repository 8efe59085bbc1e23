import Model
import Persistence
import Storage

/// Who receives a company's email for a group, and a user's effective subscriptions (API.md §8).
enum Recipients {
    /// A user's effective subscription to every group (stored choice, else the account's default).
    static func preferences(_ db: any DatabaseConnection, userId: Int64, accountType: AccountType) throws -> [(NotificationGroup, Bool)] {
        let stored = try NotificationRepository.storedPreferences(db, userId: userId)
        return NotificationGroup.allCases.map { group in
            (group, group.alwaysOn || (stored[group.rawValue] ?? NotificationGroup.defaultSubscribed(group, accountType: accountType)))
        }
    }

    /// Active users of a company who may receive email and are subscribed to `group`
    /// (restricted to `positions` when given, e.g. Company Admins for COMPANY changes).
    static func of(_ db: any DatabaseConnection, companyId: Int64, group: NotificationGroup,
                   positions: [Position]? = nil) throws -> [(id: Int64, email: String, name: String)] {
        try NotificationRepository.candidates(db, companyId: companyId, group: group).compactMap { user in
            guard user.position.receivesEmail, positions?.contains(user.position) ?? true else { return nil }
            let subscribed = group.alwaysOn
                || (user.subscribed ?? NotificationGroup.defaultSubscribed(group, accountType: user.accountType))
            return subscribed ? (user.id, user.email, "\(user.firstName) \(user.lastName)".trimmingWhitespace) : nil
        }
    }
}
