import JSON
import TestSupport
import Testing

/// API.md §6: IX connections on ports.
@Suite struct IXOrderTests {
    static func ix(_ port: Int64, exchange: String = "Sydney IX", mac: String = "00:11:22:33:44:55", rate: Int = 500, vlan: Int = 2000, asn: Int = 65000) -> String {
        #"{"megaPortNsId": "\#(port)", "serviceName": "My IX", "ixProvItem": {"networkServiceType": "\#(exchange)", "asn": \#(asn), "macAddress": "\#(mac)", "rateLimit": \#(rate), "vlan": \#(vlan)}}"#
    }

    @Test func ixOrdersFollowTheExchangeAndPortRules() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let port = try #require(world.ports["The MEGAPORT at Global Switch"])
        let path = "/secure/ecommerce/ix/order"
        let (ok, receipt) = try await world.callJSON("POST", path, as: "admin@acme.example", json: Self.ix(port))
        #expect(ok == 200 && receipt.typeName == "an array")
        let (_, view) = try await world.callJSON("GET", "/secure/technicalservice/\(port)", as: "admin@acme.example")
        guard case .array(let ixs)? = view["associatedIxs"] else { Issue.record("no IXs"); return }
        #expect(ixs.count == 1 && ixs[0]["networkServiceType"] == "Sydney IX" && ixs[0]["vlan"] == 2000)

        let (again, a) = try await world.callJSON("POST", path, as: "admin@acme.example", json: Self.ix(port, mac: "00:11:22:33:44:66", vlan: 2001))
        #expect(again == 409 && a["data"]?["code"] == "ix_already_on_port", "one IX of each name per port")
        let (wrongMetro, w) = try await world.callJSON("POST", path, as: "admin@acme.example", json: Self.ix(port, exchange: "Melbourne IX"))
        #expect(wrongMetro == 422 && w["data"]?["errors"] == [["field": "ixProvItem.networkServiceType", "message": "Melbourne IX is not available in Sydney"]])
        let (tooFast, _) = try await world.callJSON("POST", path, as: "admin@acme.example", json: Self.ix(port, exchange: "Sydney IX", rate: 20000))
        #expect(tooFast == 409 || tooFast == 422)
        for bad in [Self.ix(port, mac: "00-11-22-33-44-55"), Self.ix(port, asn: 0), Self.ix(port, vlan: 1), Self.ix(port, rate: 0)] {
            #expect(try await world.callJSON("POST", path, as: "admin@acme.example", json: bad).0 == 422, "\(bad)")
        }
        // The same MAC on the same exchange from another port is a conflict.
        let (_, r) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "p2", location: 1))
        guard case .array(let f) = r, case .string(let second)? = f.last, let p2 = Int64(second) else { return }
        let (mac, m) = try await world.callJSON("POST", path, as: "admin@acme.example", json: Self.ix(p2))
        #expect(mac == 409 && m["data"]?["code"] == "mac_address_in_use")
        #expect(try await world.callJSON("POST", path, as: "admin@acme.example", json: Self.ix(p2, mac: "00:11:22:33:44:77")).0 == 200)
    }

    @Test func aPortOrderCanCarryAnIX() async throws {
        let world = try await APIWorld()
        defer { world.remove() }
        let body = Blog.port(name: "with ix", extra: #", "ixProvItem": {"networkServiceType": "Sydney IX", "asn": 65001, "macAddress": "aa:bb:cc:dd:ee:ff", "rateLimit": 1000, "vlan": 0}"#)
        let (status, receipt) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: body)
        #expect(status == 200)
        guard case .array(let f) = receipt, case .string(let id)? = f.last else { return }
        let (_, port) = try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example")
        guard case .array(let ixs)? = port["associatedIxs"] else { Issue.record("no IX"); return }
        #expect(ixs.count == 1 && ixs[0]["vlan"] == 2 && ixs[0]["macAddress"] == "aa:bb:cc:dd:ee:ff")
    }

    @Test func theIXDropdownListsTheMetrosExchanges() async throws {
        let world = try await APIWorld.shared.value
        let (status, list) = try await world.callJSON("GET", "/secure/dropdowns/ix?locationId=3", as: "readonly@acme.example")
        guard case .array(let items) = list, let first = items.first else { Issue.record("not a list: \(list)"); return }
        #expect(status == 200 && items.count == 1)
        #expect(first["name"] == "Sydney IX" && first["group_metro"] == "Sydney" && first["asn"] == 58941 && first["network_region"] == "MP1")
        #expect(try await world.callJSON("GET", "/secure/dropdowns/ix?locationId=999", as: "readonly@acme.example").0 == 404)
        #expect(try await world.callJSON("GET", "/secure/dropdowns/ix", as: "readonly@acme.example").0 == 422)
    }
}
