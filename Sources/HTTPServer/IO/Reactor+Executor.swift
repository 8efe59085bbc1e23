import Dispatch
import Glibc

/// The reactor as the executor of its connections' tasks. A job that becomes runnable — a wait the
/// loop itself resumed, or an answer from a database thread — is queued here and run on the reactor's
/// thread before its next `epoll_wait`; a job queued from another thread while the loop sleeps wakes it
/// through the eventfd. No hand-off to the cooperative pool and back for each request.
extension Reactor: TaskExecutor {
    /// Queues a job to run on the reactor's thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let queued = queue.withLock { queue -> Bool in
            guard !queue.finished else { return false }
            queue.jobs.append(job)
            return true
        }
        guard queued else {
            // The loop has ended with the server; whatever still runs finishes on Dispatch.
            let executor = asUnownedTaskExecutor()
            DispatchQueue.global().async { job.runSynchronously(on: executor) }
            return
        }
        if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake() }
    }

    /// Runs the jobs queued so far (the ones they queue wait for the next round, after the next poll),
    /// swapping them into `batch` (empty, its capacity kept from round to round). Returns whether the loop
    /// should go on: false once `finish()` was called and nothing is left.
    func runJobs(_ batch: inout [UnownedJob]) -> Bool {
        let finishing = queue.withLock { queue in
            swap(&queue.jobs, &batch)
            return queue.finishing
        }
        let executor = asUnownedTaskExecutor()
        for job in batch { job.runSynchronously(on: executor) }
        let ran = !batch.isEmpty
        batch.removeAll(keepingCapacity: true)
        guard finishing, !ran else { return true }
        return queue.withLock { queue in
            guard queue.jobs.isEmpty else { return true }
            queue.finished = true
            return false
        }
    }

    /// The `epoll_wait` time-out: none while jobs wait; otherwise the tick, announcing the sleep first so
    /// a job queued from another thread from now on wakes the loop.
    func pollTimeout() -> Int32 {
        sleeping.store(true, ordering: .sequentiallyConsistent)
        guard queue.withLock({ $0.jobs.isEmpty && !$0.finishing }) else {
            sleeping.store(false, ordering: .sequentiallyConsistent)
            return 0
        }
        return Self.tickMilliseconds
    }
}
