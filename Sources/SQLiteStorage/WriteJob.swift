import Storage
/// One write waiting for the next group commit. `execute` runs the body inside its savepoint and
/// reports whether it succeeded, plus how to answer its caller once the commit's outcome is known;
/// `fail` answers the caller when the batch never ran (BEGIN failed).
struct WriteJob: Sendable {
    let execute: @Sendable (SQLiteConnection) -> (failure: (any Error)?, finish: @Sendable ((any Error)?) -> Void)
    let fail: @Sendable (any Error) -> Void

    /// A job for a typed body whose result reaches `continuation` only after the commit.
    static func make<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T,
                                  _ continuation: CheckedContinuation<T, any Error>) -> WriteJob {
        WriteJob(execute: { connection in
            let result = Result { try body(connection) }
            let failure: (any Error)? = if case .failure(let error) = result { error } else { nil }
            let succeeded = failure == nil
            return (failure, { commitError in
                if let commitError, succeeded { continuation.resume(throwing: commitError) } else { continuation.resume(with: result) }
            })
        }, fail: { continuation.resume(throwing: $0) })
    }
}
