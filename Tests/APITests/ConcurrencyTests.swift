import JSON
import TestSupport
import Testing

/// Many clients at once over real sockets: invariants hold because every check-and-write is one
/// transaction on the single writer, with constraints as the backstop.
@Suite struct ConcurrencyTests {
    @Test func sixtyFourOrdersForOneVLANOneWins() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 0..<64 {
                group.addTask {
                    try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                         json: Blog.vxc(a, b, aVlan: 1000, bVlan: 2000 + n)).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 63)
        #expect(try await world.sql("SELECT count(*) FROM vlan_assignments WHERE port_id = \(a) AND vlan = 1000 AND active = 1") { $0.int(0) } == [1])
    }

    @Test func twoHundredPortOrdersForFiftyInterfaces() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        // Canberra (location 10) has 20 free 1G interfaces; add 30 for 50.
        #expect(try await world.app.admin.addInterfaces(locationId: 10, speed: 1000, count: 30) == 30)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 0..<200 {
                group.addTask {
                    try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example",
                                         json: Blog.port(name: "cbr \(n)", location: 10, speed: 1000)).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == 200 }, "every valid order is accepted")
        let byStatus = try await world.sql("SELECT provisioning_status, count(*) FROM services WHERE location_id = 10 GROUP BY 1 ORDER BY 1") { "\($0.string(0)) \($0.int(1))" }
        #expect(byStatus == ["CONFIGURED 50", "PROVISIONING 150"])
        let doubled = try await world.sql("SELECT count(*) - count(DISTINCT interface_id) FROM services WHERE interface_id IS NOT NULL") { $0.int(0) }
        #expect(doubled == [0], "no interface allocated twice")
    }
}
