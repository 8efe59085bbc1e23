import Glibc

extension ServerEnvironment {
    /// Serves a connection in a task run by its reactor: a new one (`served` 0), or one that parked and
    /// now has bytes waiting. When the task ends the socket is closed, or parked until the connection's
    /// keep-alive deadline; the reactor then either starts the next task here or closes it.
    func serve(fd: Int32, peer: String, address: String, reactor: Reactor, served: Int) {
        Task(executorPreference: reactor) {
            var connection = HTTPConnection(fd: fd, peer: peer, reactor: reactor, env: self, served: served)
            let outcome = await connection.run()
            self.heap.connectionReleased()
            guard outcome == .parked else { return self.closed(fd, address: address, reactor: reactor) }
            let served = connection.served
            self.parks.add(1, ordering: .relaxed)
            reactor.park(fd, since: connection.idleSince, until: connection.keepAliveDeadline) { close in
                if close {
                    self.closed(fd, address: address, reactor: reactor)
                } else {
                    self.serve(fd: fd, peer: peer, address: address, reactor: reactor, served: served)
                }
            }
        }
    }

    /// Closes a connection's socket and gives its slot back.
    func closed(_ fd: Int32, address: String, reactor: Reactor) {
        reactor.deregister(fd)
        close(fd)
        release(address)
        openConnections.subtract(1, ordering: .relaxed)
    }
}
