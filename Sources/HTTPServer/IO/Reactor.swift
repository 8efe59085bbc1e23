import CLinux
import Glibc
import Synchronization

/// One thread in `epoll_wait` that resumes the tasks waiting for socket readiness or a deadline, and
/// runs them: the reactor is the task executor of the connections it serves (`Reactor+Executor`), so
/// a connection's request is read, handled and answered on this thread between two `epoll_wait`s.
/// The server runs one reactor per core and spreads connections over them.
///
/// Sockets are registered once, edge-triggered, for reading and writing. A readiness event that
/// arrives while nobody waits is remembered in the slot, so the next `wait` returns at once: there is
/// no `epoll_ctl` per request and no lost wake-up. Spurious wake-ups are harmless by design (the
/// caller retries its non-blocking call). Deadlines live here too, so time-outs need no timer tasks.
public final class Reactor: Sendable {
    /// What a wait ended with.
    public enum WaitResult: Sendable { case ready, timedOut, shutdown }
    /// The direction a task waits for.
    public enum Interest: Sendable { case read, write }

    struct Waiter {
        let continuation: UnsafeContinuation<WaitResult, Never>
        var deadline: UInt64
        /// The deadline that applies instead while the server is under pressure (0: none).
        let pressureDeadline: UInt64
        let idle: Bool
        /// When the wait began (idle waits are evicted oldest first).
        var since: UInt64 = 0
    }

    /// A keep-alive connection between requests that holds no task (`park`).
    struct Parked {
        /// Its keep-alive time runs out then.
        let deadline: UInt64
        /// When it fell idle (idle connections are evicted oldest first).
        let since: UInt64
        /// `false`: a request is arriving, start a task; `true`: close it.
        let wake: @Sendable (_ close: Bool) -> Void
    }

    struct Slot {
        var readReady = false
        var writeReady = false
        var reader: Waiter?
        var writer: Waiter?
        var parked: Parked?
    }

    /// A handler deadline: at `deadline`, `fire` runs on the reactor thread.
    struct Watch {
        let deadline: UInt64
        let fire: @Sendable () -> Void
    }

    struct State {
        var slots: [Slot?] = []
        var watches: [Int32: Watch] = [:]
        var nextDeadline = UInt64.max
        var draining = false
        var stopped = false
        /// Most connection slots are taken: waits with a pressure deadline use it.
        var underPressure = false
    }

    /// Jobs of the tasks that prefer this reactor as their executor, waiting to run on its thread.
    struct JobQueue {
        var jobs: [UnownedJob] = []
        /// The loop has ended; later jobs run elsewhere.
        var finished = false
        /// `finish()` was called: the loop ends once no job is left.
        var finishing = false
    }

    let epollFD: Int32
    let wakeFD: Int32
    let state = Mutex(State())
    let queue = Mutex(JobQueue())
    /// The loop is (about to be) blocked in `epoll_wait`: a job from another thread must wake it.
    let sleeping = Atomic<Bool>(false)
    /// Granularity of deadline checks; deadlines fire at most this late.
    static let tickMilliseconds: Int32 = 25

    /// Creates the epoll instance and starts its thread.
    public init() throws(IOError) {
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw .last("epoll_create1") }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else { throw .last("eventfd") }
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(fd: wakeFD))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { context in
            Unmanaged<Reactor>.fromOpaque(context!).takeRetainedValue().loop()
            return nil
        }, context)
        pthread_detach(thread)
    }

    /// Starts watching `fd` (edge-triggered, both directions).
    public func register(_ fd: Int32) {
        state.withLock { state in
            if state.slots.count <= Int(fd) { state.slots.append(contentsOf: repeatElement(nil, count: Int(fd) + 64 - state.slots.count)) }
            state.slots[Int(fd)] = Slot()
        }
        let mask = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
        var event = epoll_event(events: mask, data: epoll_data_t(fd: fd))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
    }

    /// Stops watching `fd`; call before closing it. Its owner is not waiting at this point.
    public func deregister(_ fd: Int32) {
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
        state.withLock { $0.slots[Int(fd)] = nil }
    }

    /// Suspends until `fd` is ready for `interest`, the monotonic `deadline` (ns, 0 = none) passes, or
    /// the server drains (only for `idle` waits, i.e. keep-alive connections between requests). While
    /// the server is under pressure — now or from any moment during the wait — `pressureDeadline` (if
    /// not 0) applies when it is earlier.
    public func wait(_ fd: Int32, for interest: Interest, deadline: UInt64, idle: Bool = false,
                     pressureDeadline: UInt64 = 0) async -> WaitResult {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<WaitResult, Never>) in
            let immediate: WaitResult? = state.withLock { state in
                if state.stopped || (idle && state.draining) { return .shutdown }
                guard Int(fd) < state.slots.count, var slot = state.slots[Int(fd)] else { return .shutdown }
                var waiter = Waiter(continuation: continuation, deadline: deadline == 0 ? .max : deadline,
                                    pressureDeadline: pressureDeadline, idle: idle, since: idle ? Socket.now() : 0)
                if state.underPressure, pressureDeadline != 0 { waiter.deadline = min(waiter.deadline, pressureDeadline) }
                switch interest {
                case .read:
                    if slot.readReady { slot.readReady = false; state.slots[Int(fd)] = slot; return .ready }
                    slot.reader = waiter
                case .write:
                    if slot.writeReady { slot.writeReady = false; state.slots[Int(fd)] = slot; return .ready }
                    slot.writer = waiter
                }
                state.slots[Int(fd)] = slot
                state.nextDeadline = min(state.nextDeadline, waiter.deadline)
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    /// Runs `fire` on the reactor thread at `deadline` unless `unwatch` comes first (handler deadlines).
    public func watch(_ fd: Int32, deadline: UInt64, fire: @escaping @Sendable () -> Void) {
        state.withLock { state in
            state.watches[fd] = Watch(deadline: deadline, fire: fire)
            state.nextDeadline = min(state.nextDeadline, deadline)
        }
    }

    /// Cancels a handler deadline.
    public func unwatch(_ fd: Int32) { _ = state.withLock { $0.watches.removeValue(forKey: fd) } }

    /// The descriptors close only when nothing can use them any more: the loop thread holds a reference
    /// until it returns, so a late `stop()` (the shutdown grace timer) never writes to a closed — and
    /// perhaps reused — descriptor number.
    deinit {
        close(epollFD)
        close(wakeFD)
    }

    /// Ends every wait with `.shutdown`, now and from now on. Idempotent. The thread keeps running the
    /// jobs of its tasks (they finish their connections) until `finish()`.
    public func stop() {
        var closing: [@Sendable (Bool) -> Void] = []
        let woken = state.withLock { state -> [UnsafeContinuation<WaitResult, Never>]? in
            if state.stopped { return nil }
            state.stopped = true
            var woken: [UnsafeContinuation<WaitResult, Never>] = []
            for index in state.slots.indices {
                if let reader = state.slots[index]?.reader { woken.append(reader.continuation) }
                if let writer = state.slots[index]?.writer { woken.append(writer.continuation) }
                if let parked = state.slots[index]?.parked { closing.append(parked.wake) }
                state.slots[index]?.reader = nil
                state.slots[index]?.writer = nil
                state.slots[index]?.parked = nil
            }
            return woken
        }
        guard let woken else { return }
        for continuation in woken { continuation.resume(returning: .shutdown) }
        for wake in closing { wake(true) }
        wake()
    }

    /// Ends the thread once every queued job has run (the server calls it when its connections are gone).
    public func finish() {
        let first = queue.withLock { queue -> Bool in
            defer { queue.finishing = true }
            return !queue.finishing
        }
        if first { wake() }
    }

    /// Interrupts `epoll_wait`.
    func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }
}
