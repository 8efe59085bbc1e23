/// Idle connections: pressure, eviction, drain and parking. A keep-alive connection that stays idle
/// parks: it gives up its task (whose memory holds the deepest frames any request on it ever needed)
/// and leaves only a slot entry; the reactor starts a new task when the next request begins to arrive,
/// and closes the socket itself when the connection must end. Under load connections never park (their
/// next request comes first), so nothing is paid per request.
extension Reactor {
    /// Tells the reactor whether most connection slots are taken; when they are, every read wait with a
    /// pressure deadline (new connections that have not sent a byte) moves to it.
    public func setPressure(_ on: Bool) {
        state.withLock { state in
            guard state.underPressure != on else { return }
            state.underPressure = on
            guard on else { return }
            for index in state.slots.indices {
                guard var reader = state.slots[index]?.reader, reader.pressureDeadline != 0, reader.pressureDeadline < reader.deadline
                else { continue }
                reader.deadline = reader.pressureDeadline
                state.slots[index]?.reader = reader
                state.nextDeadline = min(state.nextDeadline, reader.deadline)
            }
        }
    }

    /// Since when the connection idle longest has been idle, if any is.
    func oldestIdle() -> UInt64? {
        state.withLock { state in Self.oldestIdleSlot(in: state)?.since }
    }

    /// Ends the connection idle longest, waiting or parked (it closes and gives its slot to a new one).
    /// False when no connection is idle.
    public func evictOldestIdle() -> Bool {
        let victim = state.withLock { state -> Idle? in
            guard let oldest = Self.oldestIdleSlot(in: state) else { return nil }
            return Self.takeIdle(at: oldest.index, from: &state)
        }
        victim?.end()
        return victim != nil
    }

    private static func oldestIdleSlot(in state: State) -> (index: Int, since: UInt64)? {
        var oldest: (index: Int, since: UInt64)?
        for index in state.slots.indices {
            guard let since = state.slots[index]?.parked?.since ?? state.slots[index]?.reader.flatMap({ $0.idle ? $0.since : nil })
            else { continue }
            if since < oldest?.since ?? .max { oldest = (index, since) }
        }
        return oldest
    }

    /// Graceful shutdown, step one: every idle waiter (and every later idle wait) ends with `.shutdown`.
    public func drainIdle() {
        let woken = state.withLock { state -> [Idle] in
            state.draining = true
            return state.slots.indices.compactMap { Self.takeIdle(at: $0, from: &state) }
        }
        for idle in woken { idle.end() }
    }

    /// An idle connection taken out of its slot: one waiting in a task, or one parked.
    enum Idle {
        case waiting(UnsafeContinuation<WaitResult, Never>)
        case parked(@Sendable (Bool) -> Void)

        /// Ends it: the waiting task sees `.shutdown` and closes; a parked one is closed.
        func end() {
            switch self {
            case .waiting(let continuation): continuation.resume(returning: .shutdown)
            case .parked(let wake): wake(true)
            }
        }
    }

    /// Takes the idle connection of slot `index`, if it has one.
    static func takeIdle(at index: Int, from state: inout State) -> Idle? {
        if let parked = state.slots[index]?.parked {
            state.slots[index]?.parked = nil
            return .parked(parked.wake)
        }
        guard let reader = state.slots[index]?.reader, reader.idle else { return nil }
        state.slots[index]?.reader = nil
        return .waiting(reader.continuation)
    }

    /// Parks the connection on `fd`, idle since `since`, until its keep-alive `deadline`; called by its
    /// task as that task ends. `wake(false)` when bytes arrive (at once if they already have), and
    /// `wake(true)` when it must close instead: at the deadline, on drain or stop (at once if the server
    /// already drains), or when its slot goes to a new connection.
    public func park(_ fd: Int32, since: UInt64, until deadline: UInt64, wake: @escaping @Sendable (_ close: Bool) -> Void) {
        let immediate: Bool? = state.withLock { state in
            if state.stopped || state.draining { return true }
            guard Int(fd) < state.slots.count, var slot = state.slots[Int(fd)] else { return true }
            if slot.readReady {
                slot.readReady = false
                state.slots[Int(fd)] = slot
                return false
            }
            slot.parked = Parked(deadline: deadline, since: since, wake: wake)
            state.slots[Int(fd)] = slot
            state.nextDeadline = min(state.nextDeadline, deadline)
            return nil
        }
        if let immediate { wake(immediate) }
    }

    /// How many connections are parked on this reactor.
    var parkedCount: Int { state.withLock { state in state.slots.reduce(0) { $0 + ($1?.parked == nil ? 0 : 1) } } }
}
