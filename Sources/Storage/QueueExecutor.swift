import Dispatch

/// A serial executor backed by a dedicated `DispatchQueue`, so blocking engine calls (SQLite, libpq) run
/// on their own thread and never on Swift's cooperative pool (GRDB's `DispatchQueueActor` pattern; Linux
/// has no `DispatchSerialQueue`). An actor that owns a connection uses one as its executor.
public final class QueueExecutor: SerialExecutor {
    let queue: DispatchQueue

    /// An executor on a new serial queue named `label`.
    public init(label: String) { queue = DispatchQueue(label: label, qos: .userInitiated) }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }
}
