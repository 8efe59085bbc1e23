import CLinux
import Glibc

extension Reactor {
    /// The epoll thread: run the queued jobs, poll (without waiting while jobs are queued), collect events
    /// and expired deadlines under the lock, resume outside it — which queues the connections' jobs here.
    func loop() {
        var events = [epoll_event](repeating: epoll_event(), count: 512)
        var resumptions: [(UnsafeContinuation<WaitResult, Never>, WaitResult)] = []
        var fired: [@Sendable () -> Void] = []
        var batch: [UnownedJob] = []
        while runJobs(&batch) {
            let count = epoll_wait(epollFD, &events, Int32(events.count), pollTimeout())
            sleeping.store(false, ordering: .sequentiallyConsistent)
            let now = Socket.now()
            state.withLock { state in
                if count > 0 {
                    for event in events[0..<Int(count)] where event.data.fd != wakeFD {
                        Self.deliver(event, to: &state, into: &resumptions, firing: &fired)
                    }
                }
                if now >= state.nextDeadline { Self.expire(at: now, in: &state, into: &resumptions, firing: &fired) }
            }
            if count > 0, events[0..<Int(count)].contains(where: { $0.data.fd == wakeFD }) {
                var value: UInt64 = 0
                _ = Glibc.read(wakeFD, &value, 8)
            }
            for (continuation, result) in resumptions { continuation.resume(returning: result) }
            for fire in fired { fire() }
            resumptions.removeAll(keepingCapacity: true)
            fired.removeAll(keepingCapacity: true)
        }
    }

    private static func deliver(_ event: epoll_event, to state: inout State,
                                into resumptions: inout [(UnsafeContinuation<WaitResult, Never>, WaitResult)],
                                firing fired: inout [@Sendable () -> Void]) {
        let fd = Int(event.data.fd)
        guard fd < state.slots.count, var slot = state.slots[fd] else { return }
        let flags = event.events
        let failed = flags & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
        if failed || flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 {
            if let reader = slot.reader {
                resumptions.append((reader.continuation, .ready))
                slot.reader = nil
            } else if let parked = slot.parked {
                fired.append { parked.wake(false) }
                slot.parked = nil
            } else {
                slot.readReady = true
            }
        }
        if failed || flags & EPOLLOUT.rawValue != 0 {
            if let writer = slot.writer {
                resumptions.append((writer.continuation, .ready))
                slot.writer = nil
            } else {
                slot.writeReady = true
            }
        }
        state.slots[fd] = slot
    }

    /// Ends every wait whose deadline has passed, and finds the next deadline.
    private static func expire(at now: UInt64, in state: inout State,
                               into resumptions: inout [(UnsafeContinuation<WaitResult, Never>, WaitResult)],
                               firing fired: inout [@Sendable () -> Void]) {
        var next = UInt64.max
        for (fd, watch) in state.watches {
            if watch.deadline <= now {
                fired.append(watch.fire)
                state.watches[fd] = nil
            } else {
                next = min(next, watch.deadline)
            }
        }
        for index in state.slots.indices {
            guard var slot = state.slots[index] else { continue }
            if let parked = slot.parked {
                if parked.deadline <= now {
                    fired.append { parked.wake(true) }
                    slot.parked = nil
                } else { next = min(next, parked.deadline) }
            }
            if let reader = slot.reader {
                if reader.deadline <= now {
                    resumptions.append((reader.continuation, .timedOut))
                    slot.reader = nil
                } else { next = min(next, reader.deadline) }
            }
            if let writer = slot.writer {
                if writer.deadline <= now {
                    resumptions.append((writer.continuation, .timedOut))
                    slot.writer = nil
                } else { next = min(next, writer.deadline) }
            }
            state.slots[index] = slot
        }
        state.nextDeadline = next
    }
}
