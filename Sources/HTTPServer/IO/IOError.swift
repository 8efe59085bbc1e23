import Glibc

/// A failed system call, carrying its name and `errno` (FlyingFox `SocketError` style).
public struct IOError: Error, Sendable, CustomStringConvertible {
    /// The call that failed, e.g. `bind`.
    public let call: String
    /// The `errno` value.
    public let code: Int32

    /// Captures the current `errno` for `call`.
    static func last(_ call: String) -> IOError { IOError(call: call, code: errno) }

    public var description: String { "\(call) failed: \(String(cString: strerror(code))) (errno \(code))" }
}
