import JSON
import TestSupport
import Testing

/// Issue 13, reference data on the v2 surface, as the Go SDK, the Terraform provider and megaLib read it.
@Suite struct V2ReferenceTests {
    static func data(_ body: JSONValue) -> [JSONValue] { if case .array(let items)? = body["data"] { items } else { [] } }

    @Test func locationsV3AreOpenAndCarrySpeedsPerDiversityZone() async throws {
        let world = try await APIWorld.shared.value
        // The CLI asks with no token.
        let all = try await world.request("GET", "/v3/locations", headers: ["Accept": "application/json"])
        let locations = Self.data(try APIWorld.json(all))
        #expect(all.status == 200 && locations.count >= 40)
        let sydney = try #require(locations.first { $0["id"] == 3 })
        #expect(sydney["name"] == "Global Switch Sydney" && sydney["status"] == "Active")
        if case .array(let speeds)? = sydney["diversityZones"]?["red"]?["megaportSpeedMbps"] {
            #expect(speeds.contains(10000), "port speeds in Mbps, as integers")
        } else { Issue.record("no speeds: \(sydney)") }
        let active = Self.data(try APIWorld.json(try await world.request("GET", "/v3/locations?locationStatuses=Active&locationStatuses=New")))
        #expect(!active.isEmpty && active.allSatisfy { $0["status"] == "Active" || $0["status"] == "New" })
        let bad = try APIWorld.json(try await world.request("GET", "/v3/locations?locationStatuses=Open"))
        if case .string? = bad["data"], case .string? = bad["trace_id"] {} else { Issue.record("a v2 error: \(bad)") }
    }

    @Test func networkRegionsNameTheMarketCodes() async throws {
        let world = try await APIWorld.shared.value
        let regions = Self.data(try APIWorld.json(try await world.request("GET", "/v2/networkRegions")))
        let mp1 = try #require(regions.first { $0["networkRegion"] == "MP1" })
        guard case .array(let countries)? = mp1["countries"] else { Issue.record("no countries"); return }
        let australia = try #require(countries.first { $0["code"] == "AU" })
        #expect(australia["prefix"] == "AU" && australia["name"] == "Australia")
        if case .int(let sites)? = australia["siteCount"] { #expect(sites >= 5) } else { Issue.record("siteCount is an integer") }
    }

    @Test func partnerPortsAreSortedAndFiltered() async throws {
        let world = try await APIWorld.shared.value
        let token = try world.token("admin@acme.example")
        let bearer = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        let all = Self.data(try APIWorld.json(try await world.request("GET", "/v2/dropdowns/partner/megaports", headers: bearer)))
        #expect(!all.isEmpty && all.first?["connectType"] == "AWS", "cloud providers' ports first (rank 1)")
        let ranked = all.map { ($0["rank"], $0["title"]) }
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { a, b in
            guard case .int(let ra)? = a.0, case .int(let rb)? = b.0, case .string(let ta)? = a.1, case .string(let tb)? = b.1 else { return false }
            return (ra, ta) <= (rb, tb)
        }, "by rank, then title")
        let aws = Self.data(try APIWorld.json(try await world.request("GET", "/v2/dropdowns/partner/megaports?connectType=AWS&vxcPermitted=true",
                                                                       headers: bearer)))
        #expect(!aws.isEmpty && aws.allSatisfy { $0["connectType"] == "AWS" && $0["vxcPermitted"] == true })
        #expect(try await world.request("GET", "/v2/dropdowns/partner/megaports").status == 401)
    }

    @Test func exchangesByLocationAndAll() async throws {
        let world = try await APIWorld.shared.value
        let token = try world.token("admin@acme.example")
        let types = Self.data(try APIWorld.json(try await world.request("GET", "/v2/product/ix/types?locationId=3", headers: ["X-Auth-Token": token])))
        #expect(types.contains { $0["name"] == "Sydney IX" && $0["group_metro"] == "Sydney" })
        let ixp = Self.data(try APIWorld.json(try await world.request("GET", "/v2/ixp", headers: ["Authorization": "Bearer \(token)"])))
        #expect(ixp.count >= 20 && ixp.allSatisfy { $0["asn"] != nil && $0["ipv4_network"] != nil && $0["ipv6_network"] != nil })
    }
}
