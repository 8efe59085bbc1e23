import Dispatch

/// A serial executor backed by a dedicated `DispatchQueue`, so blocking SQLite calls run on their own
/// thread and never on Swift's cooperative pool (GRDB's `DispatchQueueActor` pattern; Linux has no
/// `DispatchSerialQueue`).
final class QueueExecutor: SerialExecutor {
    let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label, qos: .userInitiated) }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }
}
