import Dispatch
import Glibc

/// The write end of the signal pipe. `nonisolated(unsafe)` is sound: it is written once, before the
/// handler that reads it is installed, and never again; a signal handler may only call
/// async-signal-safe functions, and `write(2)` is one.
nonisolated(unsafe) private var signalPipeWrite: Int32 = -1

/// SIGTERM/SIGINT turned into a call on a dispatch queue, with no window in which a signal is lost:
/// `sigaction` installs the handler synchronously (a self-pipe handler that writes the signal's number),
/// and a reader on its own queue calls back. Only one instance runs per process.
final class Signals {
    private let pipe: (read: Int32, write: Int32)

    init(_ handler: @escaping @Sendable (String) -> Void) {
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [-1, -1]
        precondition(Glibc.pipe(&fds) == 0, "pipe failed")
        pipe = (fds[0], fds[1])
        signalPipeWrite = fds[1]
        for number in [SIGTERM, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWrite, &byte, 1)
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
        let readEnd = fds[0]
        DispatchQueue(label: "signals").async {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 {
                if byte == 0 { return }  // `cancel()`
                handler(Int32(byte) == SIGTERM ? "SIGTERM" : "SIGINT")
            }
        }
    }

    /// Restores the default actions and stops the reader.
    func cancel() {
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        var stop: UInt8 = 0
        _ = write(pipe.write, &stop, 1)
    }
}
