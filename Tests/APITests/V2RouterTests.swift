import JSON
import TestSupport
import Testing

/// Issue 13, cloud routers (MCR2): ordered through network designs as the Go SDK and megaLib send them,
/// priced, listed with their ASN where Terraform reads it, ends of VXCs, and refused by name where a
/// rule says no.
@Suite struct V2RouterTests {
    /// An MCR2 item as the Go SDK's createMCROrder encodes it; `mcrAsn` is left out when zero.
    static func router(_ name: String, speed: Int = 1000, config: String = #"{"diversityZone":"blue"}"#) -> String {
        #"{"locationId":3,"productName":"\#(name)","term":1,"productType":"MCR2","portSpeed":\#(speed),"costCentre":"","config":\#(config)}"#
    }

    /// The first element of `body[key]` (of `body` itself when `key` is nil), when it is a non-empty array.
    static func line(_ body: JSONValue?, key: String? = "data") -> JSONValue? {
        guard case .array(let items)? = key.map({ body?[$0] ?? nil }) ?? body else { return nil }
        return items.first
    }

    static func firstError(_ body: JSONValue) -> JSONValue? {
        if case .array(let errors)? = body["errors"] { return errors.first }
        return nil
    }

    @Test func routersAreOrderedPricedAndListedWithTheirASN() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (checked, quote) = try await V2NetworkDesignTests.post(world, "/v3/networkdesign/validate", "[\(Self.router("Quote"))]")
        #expect(checked == 200 && Self.line(quote)?["productType"] == "MCR2", "\(quote)")
        #expect(Self.line(quote)?["price"]?["monthlyRate"] == 375 && Self.line(quote)?["price"]?["currency"] == "AUD", "1 Gbps router in AU")
        let (status, bought) = try await V2NetworkDesignTests.post(world, "/v4/networkdesign/buy",
                                                                    #"{"networkDesign":[\#(Self.router("Edge router"))],"discountCodes":[]}"#)
        #expect(status == 200 && Self.line(bought)?["provisioningStatus"] == "CONFIGURED", "virtual: nothing to wait for: \(bought)")
        guard case .string(let uid)? = Self.line(bought)?["technicalServiceUid"] else { Issue.record("\(bought)"); return }

        let (_, products) = try await world.callJSON("GET", "/v2/products", as: "admin@acme.example")
        guard case .array(let list)? = products["data"], let router = list.first(where: { $0["productUid"] == .string(uid) }) else {
            Issue.record("\(products)"); return
        }
        #expect(router["productType"] == "MCR2" && router["virtual"] == true && router["portSpeed"] == 1000 && router["locationId"] == 3)
        #expect(router["resources"]?["virtual_router"]?["mcrAsn"] == 133937, "no ASN ordered: the default")
        #expect(router["resources"]?["interface"] == nil, "no physical interface")
        #expect(router["associatedVxcs"] == [] && router["attributeTags"] == [:])

        // megaLib's first-generation form: a virtual MEGAPORT with its ASN in config.
        let legacy = #"[{"productName":"Old style","productType":"MEGAPORT","virtual":"true","portSpeed":2500,"locationId":3,"config":{"mcrAsn":64600}}]"#
        let (_, old) = try await V2NetworkDesignTests.post(world, "/v2/networkdesign/buy", legacy)
        guard case .int(let id)? = Self.line(old)?["technicalServiceId"] else { Issue.record("\(old)"); return }
        let (_, view) = try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example")
        #expect(view["productType"] == "MCR2" && view["mcrAsn"] == 64600 && view["portSpeed"] == 2500, "the legacy surface sees it: \(view)")

        let (_, locations) = try await world.callJSON("GET", "/v3/locations", as: "admin@acme.example")
        guard case .array(let all)? = locations["data"], let here = all.first(where: { $0["id"] == 3 }),
              case .array(let speeds)? = here["diversityZones"]?["red"]?["mcrSpeedMbps"] else { Issue.record("\(locations)"); return }
        #expect(speeds.contains(1000) && speeds.contains(2500), "the Go SDK looks for MCR support here")
    }

    @Test func aVXCRunsFromAPortToARouterWithinTheRoutersSpeed() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let (_, bought) = try await V2NetworkDesignTests.post(world, "/v4/networkdesign/buy", #"{"networkDesign":[\#(Self.router("R1"))]}"#)
        guard case .string(let router)? = Self.line(bought)?["technicalServiceUid"] else { Issue.record("\(bought)"); return }
        func vxc(_ speed: Int) -> String {
            #"[{"productUid":"\#(acme)","associatedVxcs":[{"productName":"to router","rateLimit":\#(speed),"term":1,"aEnd":{"productUid":"\#(acme)"},"bEnd":{"productUid":"\#(router)","vlan":300}}]}]"#
        }
        let (tooFast, slow) = try await V2NetworkDesignTests.post(world, "/v3/networkdesign/buy", vxc(2000))
        #expect(tooFast == 422 && Self.firstError(slow)?["field"] == "networkDesign[0].rateLimit", "a 1 Gbps router limits the VXC: \(slow)")
        let (ok, line) = try await V2NetworkDesignTests.post(world, "/v3/networkdesign/buy", vxc(500))
        guard ok == 200, case .string(let uid)? = Self.line(line)?["vxcJTechnicalServiceUid"] else { Issue.record("\(line)"); return }
        let (_, product) = try await world.callJSON("GET", "/v2/product/\(router)", as: "admin@acme.example")
        #expect(Self.line(product["data"]?["associatedVxcs"] ?? nil, key: nil)?["productUid"] == .string(uid), "the router lists its VXC")
        #expect(Self.line(product["data"]?["associatedVxcs"] ?? nil, key: nil)?["bEnd"]?["vlan"] == 300)
        let bgp = #"[{"productUid":"\#(acme)","associatedVxcs":[{"productName":"bgp","rateLimit":100,"aEnd":{"productUid":"\#(acme)"},"bEnd":{"productUid":"\#(router)","partnerConfig":{"interfaces":[{"ipAddresses":["10.0.0.1/30"]}]}}}]}]"#
        let (vrouter, v) = try await V2NetworkDesignTests.post(world, "/v3/networkdesign/validate", bgp)
        #expect(vrouter == 422 && Self.firstError(v)?["field"] == "networkDesign[0].associatedVxcs[0].bEnd.partnerConfig", "refused by name, not dropped: \(v)")
        let (ix, refused) = try await V2NetworkDesignTests.post(world, "/v3/networkdesign/validate",
            #"[{"productUid":"\#(router)","associatedIxs":[{"productName":"p","networkServiceType":"Sydney IX","asn":64513,"macAddress":"00:11:22:33:44:56","rateLimit":100}]}]"#)
        #expect(ix == 422 && Self.firstError(refused)?["field"] == "networkDesign[0].productUid", "an IX needs a port: \(refused)")
    }

    @Test func routerRulesAndUpdatesAreCheckedByName() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let (speed, s) = try await V2NetworkDesignTests.post(world, "/v3/networkdesign/validate", "[\(Self.router("R", speed: 2000))]")
        #expect(speed == 422 && Self.firstError(s)?["field"] == "networkDesign[0].portSpeed", "\(s)")
        let (asn, a) = try await V2NetworkDesignTests.post(world, "/v3/networkdesign/validate",
                                                            "[\(Self.router("R", config: #"{"mcrAsn":4294967296}"#))]")
        #expect(asn == 422 && Self.firstError(a)?["field"] == "networkDesign[0].config.mcrAsn", "\(a)")

        let (_, bought) = try await V2NetworkDesignTests.post(world, "/v4/networkdesign/buy", #"{"networkDesign":[\#(Self.router("R2"))]}"#)
        guard case .string(let router)? = Self.line(bought)?["technicalServiceUid"] else { Issue.record("\(bought)"); return }
        let put = { (path: String, body: String) in try await world.callJSON("PUT", path, as: "admin@acme.example", json: body) }
        #expect(try await put("/v2/product/megaport/\(router)", #"{"name":"x","costCentre":""}"#).0 == 404, "not a port")
        #expect(try await put("/v2/product/mcr2/\(acme)", #"{"name":"x","costCentre":""}"#).0 == 404, "not a router")
        let (onPort, p) = try await put("/v2/product/\(acme)", #"{"asn":65000}"#)
        #expect(onPort == 422 && Self.firstError(p)?["message"] == "applies to cloud routers only", "\(p)")
        let (badASN, _) = try await put("/v2/product/mcr2/\(router)", #"{"costCentre":"","asn":0}"#)
        #expect(badASN == 422)
        let (rate, r) = try await put("/v2/product/\(router)", #"{"rateLimit":500}"#)
        #expect(rate == 422 && Self.firstError(r)?["field"] == "rateLimit", "a router's speed is fixed: \(r)")
        let (ok, updated) = try await put("/v2/product/mcr2/\(router)", #"{"ProductID":"\#(router)","ProductType":"mcr2","name":"Core","costCentre":"NET","marketplaceVisibility":true}"#)
        #expect(ok == 200 && updated["data"]?["productName"] == "Core" && updated["data"]?["costCentre"] == "NET")
        #expect(updated["data"]?["marketplaceVisibility"] == true && updated["data"]?["resources"]?["virtual_router"]?["mcrAsn"] == 133937)
        #expect(try await world.callJSON("POST", "/v3/product/\(router)/action/CANCEL", as: "admin@acme.example", json: "").0 == 422,
                "a router is cancelled with CANCEL_NOW")
    }
}
