import CLinux
import Foundation
import Glibc

/// A child process started with `posix_spawn`, its standard streams on pipes. Foundation's `Process`
/// is not used: its `run()` crashed (a `memcpy` past a buffer) when the test process held over a
/// thousand descriptors, as it does while many in-process servers run beside a subprocess test.
/// Every call here blocks: run them on a dispatch queue, never on the cooperative pool.
public struct ChildProcess: Sendable {
    public let pid: pid_t
    /// The write end of the child's standard input.
    public let input: Int32
    /// The read ends of the child's standard output and error.
    public let output: Int32, errors: Int32

    /// Starts `path` with `arguments`, this process's environment with `environment` laid over it, and
    /// no descriptor of ours but the three pipes.
    public static func spawn(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess {
        var stdin: [Int32] = [-1, -1], stdout: [Int32] = [-1, -1], stderr: [Int32] = [-1, -1]
        guard pipe2(&stdin, O_CLOEXEC) == 0, pipe2(&stdout, O_CLOEXEC) == 0, pipe2(&stderr, O_CLOEXEC) == 0 else {
            let code = errno
            for fd in stdin + stdout + stderr where fd >= 0 { close(fd) }
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        for fd in [stdin[0], stdout[1], stderr[1]] { close(fd) }
        guard rc == 0 else {
            for fd in [stdin[1], stdout[0], stderr[0]] { close(fd) }
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO)
        }
        return ChildProcess(pid: pid, input: stdin[1], output: stdout[0], errors: stderr[0])
    }

    /// Writes `bytes` to the child's standard input and closes it.
    public func finishInput(_ bytes: [UInt8] = []) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
        close(input)
    }

    /// Reads standard output up to its first newline (or its end): the line, and what was read after it.
    public func readLine() -> (line: [UInt8], rest: [UInt8]) {
        var bytes: [UInt8] = []
        while !bytes.contains(0x0A), let chunk = Self.read(output) { bytes += chunk }
        guard let newline = bytes.firstIndex(of: 0x0A) else { return (bytes, []) }
        return (Array(bytes[..<newline]), Array(bytes[(newline + 1)...]))
    }

    /// Reads standard output and standard error to their ends (both at once, so neither pipe fills).
    public func readAll() -> (output: [UInt8], errors: [UInt8]) {
        var collected: [Int32: [UInt8]] = [output: [], errors: []]
        var open = [output, errors]
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 || errno == EINTR else { break }
            for entry in fds where entry.revents != 0 {
                if let chunk = Self.read(entry.fd) { collected[entry.fd, default: []] += chunk } else { open.removeAll { $0 == entry.fd } }
            }
        }
        close(output)
        close(errors)
        return (collected[output] ?? [], collected[errors] ?? [])
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the child to end: its exit status, or nil when a signal ended it.
    public func wait() -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
    }

    /// One `read`: nil at the end of the stream (or on an error).
    private static func read(_ fd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 { return Array(buffer[..<count]) }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
