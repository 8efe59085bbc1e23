import JSON
import TestSupport
import Testing

/// Issue 13, the whole life of a Terraform apply and destroy (port, LAG, MCR, VXCs, tags, service key, lock)
/// over the v2 surface, each request as the Go SDK sends it (Bearer token, JSON content type on every
/// non-GET, the SDK's user agent). Provisioning is stepped by hand between polls, so the test waits on
/// state, never on time.
@Suite struct TerraformLifecycleTests {
    /// A Go SDK client: one bearer token from the API key.
    struct Client {
        let world: APIWorld
        let token: String

        func call(_ method: String, _ path: String, _ body: String? = nil) async throws -> (Int, JSONValue) {
            var headers = ["Authorization": "Bearer \(token)", "Accept": "application/json", "User-Agent": "terraform Go-Megaport-Library/1.0"]
            if method != "GET" { headers["Content-Type"] = "application/json" }
            let response = try await world.request(method, path, headers: headers, body: body ?? (method == "GET" ? nil : ""))
            return (response.status, try APIWorld.json(response))
        }

        /// Polls the product, stepping provisioning between reads, until its status is one of `statuses`.
        func await(_ uid: String, _ statuses: Set<String>) async throws -> JSONValue {
            for _ in 0..<10 {
                let product = try await call("GET", "/v2/product/\(uid)").1["data"] ?? nil
                if case .string(let status)? = product["provisioningStatus"], statuses.contains(status) { return product }
                _ = try await world.app.provisioning.advance()
            }
            throw RawClient.ClientError.failed("\(uid) never reached \(statuses)")
        }
    }

    static func uid(_ body: JSONValue, _ index: Int, _ key: String) throws -> String {
        guard case .array(let lines)? = body["data"], lines.count > index, case .string(let uid)? = lines[index][key] else {
            throw RawClient.ClientError.failed("no \(key) at \(index): \(body)")
        }
        return uid
    }

    @Test func applyThenDestroy() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (key, secret) = try await MachineAuthTests.makeKey(world)
        let tokenResponse = try await world.request("POST", "/oauth2/token?grant_type=client_credentials",
                                                    headers: ["Authorization": MachineAuthTests.basic(key, secret),
                                                              "Content-Type": "application/x-www-form-urlencoded"], body: "")
        guard case .string(let token)? = try APIWorld.json(tokenResponse)["access_token"] else { Issue.record("\(tokenResponse)"); return }
        let go = Client(world: world, token: token)
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"]), aws = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])

        // megaport_port: validate, buy, wait until ready.
        let portItem = #"{"productName":"tf-port","term":12,"productType":"MEGAPORT","portSpeed":10000,"locationId":3,"createDate":0,"virtual":false,"market":"","marketplaceVisibility":false,"config":{}}"#
        #expect(try await go.call("POST", "/v3/networkdesign/validate", "[\(portItem)]").0 == 200)
        let port = try Self.uid(try await go.call("POST", "/v4/networkdesign/buy", #"{"networkDesign":[\#(portItem)],"discountCodes":[]}"#).1, 0, "technicalServiceUid")
        #expect(try await go.await(port, ["LIVE"])["portSpeed"] == 10000)

        // megaport_lag_port: a LAG of two, every member ready before the create finishes.
        let lagItem = portItem.replacingOccurrences(of: #""tf-port""#, with: #""tf-lag""#).replacingOccurrences(of: "}}", with: #"},"lagPortCount":2}"#)
        let (_, lag) = try await go.call("POST", "/v4/networkdesign/buy", #"{"networkDesign":[\#(lagItem)],"discountCodes":[]}"#)
        let lagPorts = [try Self.uid(lag, 0, "technicalServiceUid"), try Self.uid(lag, 1, "technicalServiceUid")]
        for member in lagPorts { #expect(try await go.await(member, ["LIVE"])["lagId"] != .null) }

        // megaport_mcr: validate, buy, wait; Terraform reads the ASN back from resources.virtual_router.mcrAsn.
        let mcrItem = #"{"locationId":3,"productName":"tf-mcr","term":1,"productType":"MCR2","portSpeed":1000,"costCentre":"","config":{"mcrAsn":64512,"diversityZone":"blue"}}"#
        #expect(try await go.call("POST", "/v3/networkdesign/validate", "[\(mcrItem)]").0 == 200)
        let mcr = try Self.uid(try await go.call("POST", "/v4/networkdesign/buy", #"{"networkDesign":[\#(mcrItem)],"discountCodes":[]}"#).1, 0, "technicalServiceUid")
        let router = try await go.await(mcr, ["CONFIGURED", "LIVE"])
        #expect(router["productType"] == "MCR2" && router["resources"]?["virtual_router"]?["mcrAsn"] == 64512)

        // megaport_vxc: to our own port, to AWS (approved automatically), to Beta (approved by hand).
        func vxc(_ name: String, to bEnd: String, partner: String = "") -> String {
            #"[{"productUid":"\#(port)","associatedVxcs":[{"productName":"\#(name)","rateLimit":100,"term":1,"shutdown":false,"aEnd":{"productUid":"\#(port)"},"bEnd":{"productUid":"\#(bEnd)"\#(partner)}}]}]"#
        }
        let own = try Self.uid(try await go.call("POST", "/v3/networkdesign/buy", vxc("tf-own", to: String(acme))).1, 0, "vxcJTechnicalServiceUid")
        let toAWS = try Self.uid(try await go.call("POST", "/v3/networkdesign/buy", vxc("tf-aws", to: String(aws),
            partner: #","partnerConfig":{"connectType":"AWS","type":"private","asn":64512,"ownerAccount":"123456789012"}"#)).1, 0, "vxcJTechnicalServiceUid")
        let toBeta = try Self.uid(try await go.call("POST", "/v3/networkdesign/buy", vxc("tf-beta", to: String(beta))).1, 0, "vxcJTechnicalServiceUid")
        let toMCR = try Self.uid(try await go.call("POST", "/v3/networkdesign/buy", vxc("tf-mcr-vxc", to: mcr)).1, 0, "vxcJTechnicalServiceUid")
        #expect(try await go.await(toMCR, ["LIVE"])["bEnd"]?["productUid"] == .string(mcr), "port to MCR, same company: no approval")
        #expect(try await go.await(own, ["LIVE"])["vxcApproval"] == nil, "no approval once decided")
        #expect(try await go.await(toAWS, ["LIVE"])["bEnd"]?["productUid"] != nil)
        let waiting = try await go.call("GET", "/v2/product/\(toBeta)").1["data"] ?? nil
        #expect(waiting["vxcApproval"]?["status"] == "PENDING_EXTERNAL", "Terraform finishes the create with a warning here")

        // The far end approves through /v3/order_approvals, with the Go SDK's null body.
        let betaClient = Client(world: world, token: try world.token("tech@betacloud.example"))
        let approvals = try await betaClient.call("GET", "/v3/order_approvals?status=PENDING").1
        guard case .array(let pending)? = approvals["data"], let approval = pending.first, case .string(let approvalUid)? = approval["uid"] else {
            Issue.record("\(approvals)"); return
        }
        #expect(try await betaClient.call("POST", "/v3/order_approvals/\(approvalUid)/approve", "null\n").0 == 200)
        #expect(try await go.await(toBeta, ["LIVE"])["vxcApproval"] == nil, "no approval once decided")

        // Updates: the VXC's rate limit and VLAN, the port's tags; the next reads match the plan.
        #expect(try await go.call("PUT", "/v3/product/vxc/\(own)", #"{"rateLimit":50}"#).1["data"]?["rateLimit"] == 50)
        #expect(try await go.call("GET", "/v2/product/\(own)").1["data"]?["rateLimit"] == 50)
        #expect(try await go.call("PUT", "/v3/product/vxc/\(own)", #"{"aEndVlan":901}"#).0 == 200)
        #expect(try await go.call("GET", "/v2/product/\(own)").1["data"]?["aEnd"]?["vlan"] == 901)
        #expect(try await go.call("PUT", "/v2/product/\(port)/tags", #"{"resourceTags":[{"key":"owner","value":"tf"}]}"#).0 == 200)
        #expect(try await go.call("GET", "/v2/product/\(port)/tags").1["data"]?["resourceTags"] == [["key": "owner", "value": "tf"]])

        // ModifyMCR: the next read shows the new name and ASN.
        let modify = #"{"ProductID":"\#(mcr)","ProductType":"mcr2","name":"tf-mcr-2","costCentre":"","asn":65001}"#
        #expect(try await go.call("PUT", "/v2/product/mcr2/\(mcr)", modify).0 == 200)
        let modified = try await go.call("GET", "/v2/product/\(mcr)").1["data"] ?? nil
        #expect(modified["productName"] == "tf-mcr-2" && modified["resources"]?["virtual_router"]?["mcrAsn"] == 65001)

        // megaport_service_key: create, read through the escaped path, list.
        let (_, created) = try await go.call("POST", "/v2/service/key",
                                             #"{"productUid":"\#(port)","singleUse":false,"maxSpeed":100,"active":true,"preApproved":true,"description":"tf","ValidFor":null}"#)
        guard case .string(let serviceKey)? = created["data"]?["key"] else { Issue.record("\(created)"); return }
        #expect(try await go.call("GET", "/v2/service/key%3Fkey=\(serviceKey)").1["data"]?["productUid"] == .string(port))
        let (_, keys) = try await go.call("GET", "/v2/service/key?productIdOrUid=\(port)")
        if case .array(let list)? = keys["data"] { #expect(list.count == 1) } else { Issue.record("\(keys)") }

        // Destroy the MCR first: refused while its VXC is attached (safeDelete), then destroyed after it, as Terraform orders it.
        #expect(try await go.call("POST", "/v3/product/\(mcr)/action/CANCEL_NOW?safeDelete=true").0 == 409)
        #expect(try await go.call("POST", "/v3/product/\(toMCR)/action/CANCEL_NOW").0 == 200)
        #expect(try await go.call("POST", "/v3/product/\(mcr)/action/CANCEL_NOW?safeDelete=true").0 == 200)
        // Destroy: a locked port refuses, then unlock and cancel now; the port and its VXCs end DECOMMISSIONED.
        #expect(try await go.call("POST", "/v2/product/\(port)/lock").0 == 200)
        #expect(try await go.call("POST", "/v3/product/\(port)/action/CANCEL_NOW").0 == 409)
        #expect(try await go.call("DELETE", "/v2/product/\(port)/lock").0 == 200)
        #expect(try await go.call("POST", "/v3/product/\(port)/action/CANCEL_NOW").0 == 200)
        #expect(try await go.await(port, ["DECOMMISSIONED"])["provisioningStatus"] == "DECOMMISSIONED")
        #expect(try await go.call("POST", "/v3/product/\(lagPorts[0])/action/CANCEL_NOW").0 == 200)
        for child in [own, toAWS, toBeta, toMCR, mcr] + lagPorts {
            #expect(try await go.await(child, ["DECOMMISSIONED"])["provisioningStatus"] == "DECOMMISSIONED", "\(child)")
        }
    }
}
