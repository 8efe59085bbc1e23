import Model
import Storage
import Synchronization

/// Failures a sandbox was asked to inject (`POST /sandbox/faults`): the next `count` requests whose
/// path starts with one of `routes` (any path when empty) fail the way production fails — the database
/// busy or unavailable (503 with `Retry-After`, rendered by the route's own surface) — or are delayed,
/// so a client's retry and time-out logic can be tested. Faults are used up in the order they were added.
public final class FaultQueue: Sendable {
    /// How a request fails.
    public enum Kind: String, Sendable, CaseIterable {
        /// The database is busy (503 `database_busy`, `Retry-After: 1`).
        case busy
        /// The database cannot be reached (503 `storage_unavailable`, `Retry-After: 1`).
        case unavailable
        /// The request is answered normally, `delayMs` later.
        case slow
    }

    /// One armed fault.
    public struct Fault: Sendable, Equatable {
        public let kind: Kind
        /// Requests still to be hit.
        public var remaining: Int
        /// The delay of a `slow` fault.
        public let delayMillis: Int
        /// Path prefixes the fault applies to; empty means every route outside `/sandbox/`.
        public let routes: [String]

        /// A fault of the kind `kindName` names; `count` 1–1000, `delayMillis` 0–60000, at most 20 route
        /// prefixes each starting with `/`. Every problem is named at once.
        public init(kindName: String, count: Int, delayMillis: Int, routes: [String]) throws {
            var problems: [FieldError] = []
            let kind = Kind(rawValue: kindName)
            if kind == nil { problems.append(FieldError("kind", "must be one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")) }
            if !(1...1000).contains(count) { problems.append(FieldError("count", "must be 1 to 1000")) }
            if !(0...60_000).contains(delayMillis) { problems.append(FieldError("delayMs", "must be 0 to 60000")) }
            if kind == .slow, delayMillis == 0 { problems.append(FieldError("delayMs", "is required for a slow fault (1 to 60000)")) }
            if routes.count > 20 || routes.contains(where: { !$0.hasPrefix("/") || $0.utf8.count > 200 }) {
                problems.append(FieldError("routes", "must be at most 20 path prefixes, each starting with '/' (at most 200 characters)"))
            }
            guard problems.isEmpty, let kind else { throw DomainError.invalid(problems) }
            self.kind = kind
            remaining = count
            self.delayMillis = delayMillis
            self.routes = routes
        }

        func applies(to path: String) -> Bool { routes.isEmpty || routes.contains { path.hasPrefix($0) } }
    }

    private let armed = Mutex<[Fault]>([])

    public init() {}

    /// Arms a fault behind those already armed.
    public func add(_ fault: Fault) { armed.withLock { $0.append(fault) } }

    /// The faults still armed, in the order they will be used.
    public var pending: [Fault] { armed.withLock { $0 } }

    /// Disarms every fault.
    public func clear() { armed.withLock { $0.removeAll() } }

    /// Uses up one hit of the first fault that applies to `path`: throws the failure, or waits the delay.
    /// The sandbox's own routes are never hit.
    public func inject(path: String) async throws {
        guard !path.hasPrefix("/sandbox/") else { return }
        let hit: Fault? = armed.withLock { faults in
            guard let index = faults.firstIndex(where: { $0.applies(to: path) }) else { return nil }
            let fault = faults[index]
            faults[index].remaining -= 1
            if faults[index].remaining == 0 { faults.remove(at: index) }
            return fault
        }
        guard let hit else { return }
        switch hit.kind {
        case .busy: throw StorageError(.busy, message: "injected by the sandbox (busy)")
        case .unavailable: throw StorageError(.unavailable, message: "injected by the sandbox (unavailable)")
        case .slow: try await Task.sleep(for: .milliseconds(hit.delayMillis))
        }
    }
}
