/// A storage failure in words every engine shares, so the layers above never name an engine's codes.
/// `description` names the kind, the engine's message and the statement, never the bound arguments
/// (they may be passwords or tokens).
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as the API answers it.
    public enum Kind: Sendable, Equatable {
        /// Another writer holds the lock; retrying shortly may succeed.
        case busy
        /// The disk or the database is full; nothing was changed.
        case full
        /// The database is read-only here.
        case readOnly
        /// The database cannot be reached or read (I/O error, connection refused or lost).
        case unavailable
        /// A constraint refused the change; the constraint's name (or the engine's description of it).
        case constraint(String)
        /// The transaction conflicted with another one and may be run again.
        case serialization
        /// Anything else: a bug, reported as an internal error.
        case other
    }

    /// The kind of failure.
    public let kind: Kind
    /// The engine's message, for logs.
    public let message: String
    /// The statement that failed, if any.
    public let statement: String?

    /// An error value.
    public init(_ kind: Kind, message: String, statement: String? = nil) {
        self.kind = kind
        self.message = message
        self.statement = statement
    }

    public var description: String {
        "storage error (\(kind)): \(message)" + (statement.map { " — in \($0)" } ?? "")
    }
}
