import Glibc
import HTTPCore
import Synchronization

/// Who answers the request in flight on a connection: the handler, or — once its deadline passes —
/// the reactor with a 503 (catalogue G6). One guard per connection, re-armed per request; a
/// compare-and-swap decides the winner, so exactly one response is ever written.
final class ResponseGuard: Sendable {
    private enum Phase: Int { case running = 0, answered = 1, timingOut = 2, timedOut = 3 }

    let fd: Int32
    private let phase = Atomic<Int>(Phase.answered.rawValue)

    init(fd: Int32) { self.fd = fd }

    /// A new request is in flight.
    func arm() { phase.store(Phase.running.rawValue, ordering: .sequentiallyConsistent) }

    /// The handler finished. Returns false if the deadline already answered; then waits until the
    /// reactor has finished writing, so the connection may close the descriptor safely.
    func handlerFinished() -> Bool {
        if phase.compareExchange(expected: Phase.running.rawValue, desired: Phase.answered.rawValue, ordering: .sequentiallyConsistent).exchanged {
            return true
        }
        while phase.load(ordering: .sequentiallyConsistent) != Phase.timedOut.rawValue { sched_yield() }
        return false
    }

    /// The deadline passed (called on the reactor thread): answer 503 with `Connection: close` and shut
    /// the socket down, unless the handler answered first.
    func deadlinePassed(_ response: @autoclosure () -> [UInt8]) {
        guard phase.compareExchange(expected: Phase.running.rawValue, desired: Phase.timingOut.rawValue, ordering: .sequentiallyConsistent).exchanged else { return }
        let bytes = response()
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
        shutdown(fd, Int32(SHUT_RDWR))
        phase.store(Phase.timedOut.rawValue, ordering: .sequentiallyConsistent)
    }
}
