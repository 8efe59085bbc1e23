import JSON
import TestSupport
import Testing

/// Issue 13, ordering on the v2 surface: validate and buy with the Go SDK's item shapes (bare arrays for
/// validate, `{"networkDesign": [...], "discountCodes": []}` for the v4 buy), priced from the price book,
/// all items in one transaction.
@Suite struct V2NetworkDesignTests {
    static func post(_ world: APIWorld, _ path: String, as email: String = "admin@acme.example", _ body: String) async throws -> (Int, JSONValue) {
        let response = try await world.request("POST", path, headers: ["Authorization": "Bearer \(try world.token(email))",
                                                                      "Content-Type": "application/json", "Accept": "application/json"], body: body)
        return (response.status, try APIWorld.json(response))
    }

    /// A port item exactly as the Go SDK's createPortOrder encodes it (Terraform never sets market).
    static func port(_ name: String, speed: Int = 10000, term: Int = 12, extra: String = "") -> String {
        #"{"productName":"\#(name)","term":\#(term),"productType":"MEGAPORT","portSpeed":\#(speed),"locationId":3,"createDate":0,"virtual":false,"market":"","marketplaceVisibility":false,"config":{}\#(extra)}"#
    }

    static func services(_ world: APIWorld) async throws -> Int64 {
        try #require(try await world.sql("SELECT count(*) FROM services") { $0.int64(0) }.first)
    }

    @Test func validateQuotesFromThePriceBookAndKeepsNothing() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let before = try await Self.services(world)
        let (status, body) = try await Self.post(world, "/v3/networkdesign/validate", "[\(Self.port("Edge", term: 1)),\(Self.port("Edge 2", term: 36))]")
        guard case .array(let lines)? = body["data"], lines.count == 2 else { Issue.record("\(body)"); return }
        #expect(status == 200 && lines[0]["price"]?["currency"] == "AUD" && lines[0]["price"]?["monthlyRate"] == 1350, "10G in AU, monthly: \(lines[0])")
        #expect(lines[1]["price"]?["monthlyRate"] == 1080, "a 36-month term costs less")
        #expect(try await Self.services(world) == before, "validation changes nothing")
        let (unknown, u) = try await Self.post(world, "/v2/networkdesign/validate", "[\(Self.port("Ok")),\(Self.port("Odd", speed: 2500))]")
        #expect(unknown == 422 && u["errors"] == [["field": "networkDesign[1].portSpeed", "message": "must be one of 1000, 10000, 100000"]],
                "the item and the member as the client sent them: \(u)")
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let ix = #"[{"productUid":"\#(acme)","associatedIxs":[{"productName":"p","networkServiceType":"Melbourne IX","asn":64513,"macAddress":"00:11:22:33:44:55","rateLimit":100}]}]"#
        let (metro, m) = try await Self.post(world, "/v3/networkdesign/validate", ix)
        if case .array(let errors)? = m["errors"], let first = errors.first {
            #expect(metro == 422 && first["field"] == "networkDesign[0].networkServiceType", "found while placing, still named: \(m)")
        } else { Issue.record("\(m)") }
    }

    @Test func buyOrdersPortsVXCsAndIXsTogetherAndAnswersTheirUids() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let aws = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])
        let design = """
            {"networkDesign":[\(Self.port("New edge", extra: #","costCentre":"NET-1","resourceTags":[{"key":"env","value":"prod"}]"#)),
             {"productUid":"\(acme)","associatedVxcs":[
               {"productName":"to Beta","rateLimit":100,"term":1,"shutdown":false,"aEnd":{"productUid":"\(acme)","vlan":731},"bEnd":{"productUid":"\(beta)"}},
               {"productName":"to AWS","rateLimit":200,"term":12,"shutdown":false,"aEnd":{"productUid":"\(acme)"},
                "bEnd":{"productUid":"\(aws)","partnerConfig":{"connectType":"AWS","type":"private","asn":64512,"ownerAccount":"123456789012"}}}]},
             {"productUid":"\(acme)","associatedIxs":[{"productName":"Peering","networkServiceType":"Sydney IX","asn":64513,
               "macAddress":"00:11:22:33:44:55","rateLimit":1000,"vlan":0,"term":1}]}],"discountCodes":[]}
            """
        let (status, body) = try await Self.post(world, "/v4/networkdesign/buy", design)
        guard case .array(let lines)? = body["data"], lines.count == 4 else { Issue.record("\(status) \(body)"); return }
        #expect(status == 200 && lines[0]["technicalServiceUid"] != nil && lines[0]["provisioningStatus"] == "CONFIGURED")
        #expect(lines[1]["vxcJTechnicalServiceUid"] != nil && lines[1]["technicalServiceUid"] == nil && lines[2]["productType"] == "VXC")
        #expect(lines[3]["productType"] == "IX" && lines[3]["technicalServiceUid"] != nil)
        guard case .string(let port)? = lines[0]["technicalServiceUid"], case .string(let vxc)? = lines[1]["vxcJTechnicalServiceUid"] else { return }
        let read = try await world.callJSON("GET", "/v2/product/\(port)", as: "admin@acme.example").1
        #expect(read["data"]?["costCentre"] == "NET-1" && read["data"]?["productName"] == "New edge")
        #expect(try await world.callJSON("GET", "/v2/product/\(port)/tags", as: "admin@acme.example").1["data"]?["resourceTags"] == [["key": "env", "value": "prod"]])
        let pending = try await world.callJSON("GET", "/v2/product/\(vxc)", as: "admin@acme.example").1
        #expect(pending["data"]?["vxcApproval"]?["status"] == "PENDING_EXTERNAL" && pending["data"]?["aEnd"]?["vlan"] == 731, "Beta approves by hand")
    }

    @Test func aRetriedBuyWithTheSameIdempotencyKeyOrdersOnce() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let before = try await Self.services(world)
        var responses: [TestResponse] = []
        for _ in 0..<2 {
            responses.append(try await world.request("POST", "/v4/networkdesign/buy", headers: [
                "Authorization": "Bearer \(try world.token("admin@acme.example"))", "Content-Type": "application/json",
                "Idempotency-Key": "apply-42"], body: "{\"networkDesign\":[\(Self.port("Once"))]}"))
        }
        #expect(responses.map(\.status) == [200, 200] && responses[1].header("Idempotent-Replayed") == "true")
        #expect(responses[0].body == responses[1].body, "the same uids again")
        #expect(try await Self.services(world) == before + 1)
    }

    @Test func aLAGIsItsPortsInBuyOrderAndGoesWithItsPrimary() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (status, body) = try await Self.post(world, "/v4/networkdesign/buy", "{\"networkDesign\":[\(Self.port("tf-lag", extra: #","lagPortCount":2"#))]}")
        guard status == 200, case .array(let lines)? = body["data"], lines.count == 2,
              case .string(let primary)? = lines[0]["technicalServiceUid"], case .string(let member)? = lines[1]["technicalServiceUid"] else {
            Issue.record("\(status) \(body)"); return
        }
        let first = try await world.callJSON("GET", "/v2/product/\(primary)", as: "admin@acme.example").1["data"] ?? nil
        let second = try await world.callJSON("GET", "/v2/product/\(member)", as: "admin@acme.example").1["data"] ?? nil
        #expect(first["lagPrimary"] == true && second["lagPrimary"] == false)
        #expect(first["aggregationId"] == first["productId"] && second["aggregationId"] == first["productId"], "one shared, non-zero id")
        let all = try await world.callJSON("GET", "/v2/products", as: "admin@acme.example").1
        guard case .array(let products)? = all["data"] else { Issue.record("\(all)"); return }
        let lag = products.filter { $0["aggregationId"] == first["productId"] }.map { $0["productUid"] }
        #expect(lag == [.string(primary), .string(member)], "the Go SDK reads the members in this order")
        #expect(try await Self.post(world, "/v3/product/\(primary)/action/CANCEL_NOW", "").0 == 200)
        let after = try await world.callJSON("GET", "/v2/product/\(member)", as: "admin@acme.example").1["data"]?["provisioningStatus"]
        #expect(after == "CANCELLED", "cancelling the primary cancels the LAG")
    }

    @Test func oneBadItemOrdersNothing() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let before = try await Self.services(world)
        let missing = #"{"productUid":"\#(acme)","associatedVxcs":[{"productName":"v","rateLimit":100,"aEnd":{"productUid":"\#(acme)"},"bEnd":{"productUid":"00000000-0000-4000-8000-000000000000"}}]}"#
        let (status, body) = try await Self.post(world, "/v3/networkdesign/buy", "[\(Self.port("Kept?")),\(missing)]")
        #expect(status == 404 && body["trace_id"] != nil, "\(body)")
        #expect(try await Self.services(world) == before, "the port in the same design was rolled back")
        let (mve, m) = try await Self.post(world, "/v4/networkdesign/buy", #"{"networkDesign":[{"locationId":3,"productName":"m","term":1,"productType":"MVE","vendorConfig":{}}]}"#)
        #expect(mve == 422 && "\(m)".contains("MVE is not served yet"), "\(m)")
        let (lag, l) = try await Self.post(world, "/v4/networkdesign/buy", "{\"networkDesign\":[\(Self.port("L", extra: #","lagPortCount":9"#))]}")
        #expect(lag == 422 && "\(l)".contains("networkDesign[0].lagPortCount"), "\(l)")
        #expect(try await Self.post(world, "/v4/networkdesign/buy", "[]").0 == 422)
        let (bare, _) = try await Self.post(world, "/v2/networkdesign/buy", "[\(Self.port("Edge", extra: #","lagPortCount":0"#)),\(missing)]")
        #expect(bare == 404, "megaLib's bare v2 form, lagPortCount 0 as a single port, still all or nothing")
        #expect(try await Self.post(world, "/v4/networkdesign/buy", as: "readonly@acme.example", "[\(Self.port("RO"))]").0 == 403)
        #expect(try await Self.services(world) == before)
    }
}
