import Storage
import Synchronization

/// One pooled connection, owned by an actor on its own serial queue so blocking libpq calls never run
/// on the cooperative pool. A connection that broke is dropped and the next use connects again, so the
/// server recovers by itself when the database comes back.
actor ConnectionSlot {
    private let executor: QueueExecutor
    private let url: String
    private var connection: PostgresConnection?

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(url: String, label: String) {
        self.url = url
        executor = QueueExecutor(label: label)
    }

    /// Runs `body` with a healthy connection (connecting first when needed).
    func access<T: Sendable>(_ body: @Sendable (PostgresConnection) throws -> T) throws -> T {
        let conn: PostgresConnection
        if let current = connection, current.isHealthy {
            conn = current
        } else {
            connection = nil
            conn = try PostgresConnection(url: url)
            connection = conn
        }
        defer { if !conn.isHealthy { connection = nil } }
        return try body(conn)
    }
}

/// A fixed set of slots handed out one caller at a time; callers beyond the set wait in order.
final class SlotPool: Sendable {
    struct State {
        var free: [Int]
        var waiters: [CheckedContinuation<Int, Never>] = []
    }

    let slots: [ConnectionSlot]
    private let state: Mutex<State>

    init(url: String, size: Int) {
        slots = (0..<size).map { ConnectionSlot(url: url, label: "db.postgres.\($0)") }
        state = Mutex(State(free: Array((0..<size).reversed())))
    }

    /// Runs `body` on a slot held for its whole duration.
    func with<T: Sendable>(_ body: (ConnectionSlot) async throws -> T) async throws -> T {
        let index = await acquire()
        defer { release(index) }
        return try await body(slots[index])
    }

    private func acquire() async -> Int {
        if let index = state.withLock({ $0.free.popLast() }) { return index }
        return await withCheckedContinuation { continuation in
            let index = state.withLock { state -> Int? in
                if let index = state.free.popLast() { return index }
                state.waiters.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    private func release(_ index: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Int, Never>? in
            guard !state.waiters.isEmpty else {
                state.free.append(index)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: index)
    }
}
