import JSON
import SQLiteStorage
import TestSupport
import Testing

/// Owners' service views are rendered once per database state: every commit — through the server, or by
/// another process writing the same SQLite file — is in the very next answer.
@Suite struct RenderCacheTests {
    @Test func aCachedViewNeverHidesACommit() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let path = "/secure/technicalservice/\(acme)"
        let name = { () async throws -> JSONValue? in try await world.callJSON("GET", path, as: "admin@acme.example").1["name"] }
        let first = try await world.call("GET", path, as: "admin@acme.example").text
        #expect(try await world.call("GET", path, as: "admin@acme.example").text == first, "unchanged: the same answer")

        // A change through the server, and a new VXC on the port: both in the next answer.
        #expect(try await world.call("PUT", path, as: "admin@acme.example", json: #"{"name": "Renamed"}"#).status == 200)
        #expect(try await name() == "Renamed")
        let (_, vxc) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta))
        let (_, port) = try await world.callJSON("GET", path, as: "admin@acme.example")
        guard case .array(let children)? = port["associatedVxcs"] else { Issue.record("\(port)"); return }
        #expect(children.count == 1 && vxc["vxcJTechnicalServiceId"] != nil)

        let products = try await world.call("GET", "/v2/products", as: "admin@acme.example").text
        let again = try await world.call("GET", "/v2/products", as: "admin@acme.example").text
        #expect(products.contains("Renamed") && products == again)

        // Another process writing the file (an operator's command): seen at once too.
        guard !TempDatabase.onPostgres else { return }
        let other = try SQLiteConnection(path: world.temp.path)
        try other.exec("UPDATE services SET name = 'Changed elsewhere' WHERE id = \(acme)")
        #expect(try await name() == "Changed elsewhere")
        #expect(try await world.call("GET", "/v2/products", as: "admin@acme.example").text.contains("Changed elsewhere"))
        // The provider looking at the VXC is not its owner: its view is never taken from the owner's.
        guard case .int(let id)? = vxc["vxcJTechnicalServiceId"] else { return }
        #expect(try await world.call("GET", "/secure/technicalservice/\(id)", as: "admin@betacloud.example").status == 200)
    }
}
