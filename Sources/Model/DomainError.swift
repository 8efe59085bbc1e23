/// A field that failed validation and the rule it broke.
public struct FieldError: Sendable, Equatable {
    /// The field's domain key, e.g. `aEnd.vlan` or `ix.macAddress` (each surface renames it, see `FieldNames`).
    public let field: String
    /// The rule, in words: "must be one of 1000, 10000, 100000".
    public let message: String

    /// A field error.
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Every failure the domain reports. `API/ErrorMapping.swift` is the one place that turns these
/// into statuses and envelopes; the domain never speaks HTTP.
public enum DomainError: Error, Sendable, Equatable {
    /// No (visible) object: another company's objects are reported the same way (never reveal existence).
    case notFound(String)
    /// Missing, unknown, expired or revoked credentials.
    case unauthenticated(String)
    /// Authenticated, but the position or account may not do this.
    case forbidden(code: String, message: String)
    /// Well-formed input that breaks a rule; one entry per field.
    case invalid([FieldError])
    /// The request conflicts with current state (VLAN taken, already decided, duplicate).
    case conflict(code: String, message: String)
    /// Well-formed input that breaks a rule with its own code (e.g. `billing_market_required`).
    case unprocessable(code: String, field: String, message: String)
    /// A direct account without provisioned services must finish its setup before ordering (API.md §4).
    case accountSetupIncomplete(missing: [String])
    /// The VLAN is in use on that port; `suggestions` are free ones nearby (API.md §5).
    case vlanUnavailable(field: String, vlan: Int, portId: Int64, suggestions: [Int])
    /// Too many attempts; retry after the given seconds.
    case rateLimited(retryAfterSeconds: Int)

    /// A single-field validation failure.
    public static func invalid(_ field: String, _ message: String) -> DomainError { .invalid([FieldError(field, message)]) }
}
