import API
import Foundation
import TestSupport
import Testing

/// What an order costs the writer, counted in statements (exact, unlike time): a guard against
/// re-reading what a use case already holds. The counts include the group commit's per-order
/// SAVEPOINT and RELEASE. Before the storage seam these were 8 and 31; 22 until recipients came with
/// their company's account type, 20 until an email's recipients were written in one statement.
@Suite(.enabled(if: !TempDatabase.onPostgres, "measures SQLite itself")) struct StatementCountTests {
    func statements(_ world: APIWorld) async throws -> Int { try await world.sqlite.writer.access { $0.statementsRun } }

    @Test func ordersRunNoMoreStatementsThanTheyNeed() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        _ = try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "warm-up"))

        let beforePort = try await statements(world)
        let port = try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "counted"))
        let portStatements = try await statements(world) - beforePort
        #expect(port.status == 200)

        let beforeVXC = try await statements(world)
        let vxc = try await world.call("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example", json: Blog.vxc(acme, beta))
        let vxcStatements = try await statements(world) - beforeVXC
        #expect(vxc.status == 200)
        print("statements: port order \(portStatements), cross-company VXC order \(vxcStatements)")
        #expect(portStatements <= 9, "port order: \(portStatements) statements")
        #expect(vxcStatements <= 19, "cross-company VXC order with its approval and emails: \(vxcStatements) statements")
    }
}
