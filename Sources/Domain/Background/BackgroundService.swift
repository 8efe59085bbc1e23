import Synchronization

/// Work that runs beside the server for as long as it serves: the provisioning stage (which also
/// expires approvals) and the mail worker. `run()` loops until its task is cancelled; a failed pass is
/// reported (never swallowed) and the loop goes on, so a database outage delays work but loses none.
public protocol BackgroundService: Sendable {
    /// A short name for logs (`provisioning`, `mail`).
    var name: String { get }

    /// Runs until the task is cancelled, reporting each failed pass to `report`.
    func run(report: @escaping @Sendable (_ failure: any Error) -> Void) async
}

/// Starts and stops a set of background services together: one implementation for all of them.
public final class BackgroundServices: Sendable {
    private let services: [any BackgroundService]
    private let report: @Sendable (_ service: String, _ failure: any Error) -> Void
    private let running = Mutex<[Task<Void, Never>]>([])

    /// `report` hears every failed pass, with the service's name.
    public init(_ services: [any BackgroundService], report: @escaping @Sendable (_ service: String, _ failure: any Error) -> Void) {
        self.services = services
        self.report = report
    }

    /// Starts every service (does nothing while they run).
    public func start() {
        running.withLock { tasks in
            guard tasks.isEmpty else { return }
            let report = self.report
            tasks = services.map { service in
                Task { await service.run { failure in report(service.name, failure) } }
            }
        }
    }

    /// Cancels every service and waits until each has finished its current pass.
    public func stop() async {
        let tasks = running.withLock { tasks in
            defer { tasks.removeAll() }
            return tasks
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }
}
