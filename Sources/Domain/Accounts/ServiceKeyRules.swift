import Model
import Persistence
import Storage

/// When a service key may be used in an order (API.md §10).
enum ServiceKeyRules {
    /// A key that may be used now: it exists, is active, inside its validity window and, if single-use,
    /// unused. Anything else is 403.
    static func usable(_ db: any DatabaseConnection, key: String, now: Int64) throws -> ServiceKey {
        guard let found = try ServiceKeyRepository.find(db, key: key) else {
            throw DomainError.forbidden(code: "service_key_invalid", message: "service key \(key) is not valid")
        }
        let problem: String? = !found.active ? "is inactive"
            : (found.validFrom.map { now < $0 } ?? false) ? "is not valid yet"
            : (found.validTo.map { now >= $0 } ?? false) ? "has expired"
            : (found.singleUse && found.usedDate != nil) ? "has already been used"
            : nil
        if let problem { throw DomainError.forbidden(code: "service_key_invalid", message: "service key \(key) \(problem)") }
        return found
    }
}
