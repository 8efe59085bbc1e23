import Synchronization

/// One write waiting for the next group commit, on an engine whose connection type is `Connection`.
/// `execute` runs the body inside its savepoint and reports whether it succeeded, plus how to answer its
/// caller once the commit's outcome is known; `fail` answers the caller when the batch never ran.
public struct WriteJob<Connection>: Sendable {
    public let execute: @Sendable (Connection) -> (failure: (any Error)?, finish: @Sendable ((any Error)?) -> Void)
    public let fail: @Sendable (any Error) -> Void

    /// A job for a typed body whose result reaches `continuation` only after the commit.
    public static func make<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T,
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

/// The writes waiting for an engine's next group commit: callers submit and wait, the engine's writer
/// takes everything waiting as one batch.
public final class WriteQueue<Connection>: Sendable {
    private let pending = Mutex<[WriteJob<Connection>]>([])

    public init() {}

    /// Queues `body` and waits until its batch committed; `schedule` runs when the queue was empty (the
    /// writer then has a batch to start).
    public func submit<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T, schedule: @Sendable () -> Void) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let first = pending.withLock { queue in
                queue.append(WriteJob.make(body, continuation))
                return queue.count == 1
            }
            if first { schedule() }
        }
    }

    /// Everything waiting, as one batch.
    public func take() -> [WriteJob<Connection>] {
        pending.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }

    /// Puts jobs that never ran back at the front.
    public func putBack(_ jobs: [WriteJob<Connection>]) { pending.withLock { $0.insert(contentsOf: jobs, at: 0) } }
}
