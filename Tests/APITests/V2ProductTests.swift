import JSON
import TestSupport
import Testing

/// Issue 13, products on the v2 surface: what the Go SDK and the Terraform provider decode.
@Suite struct V2ProductTests {
    static func bearer(_ world: APIWorld, _ email: String) throws -> [String: String] {
        ["Authorization": "Bearer \(try world.token(email))", "Accept": "application/json"]
    }

    @Test func productsListPortsWithTheirVXCsAndTypesTheClientsDecode() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        #expect(try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example", json: Blog.vxc(acme, beta)).0 == 200)
        let response = try await world.request("GET", "/v2/products", headers: try Self.bearer(world, "admin@acme.example"))
        let body = try APIWorld.json(response)
        guard case .array(let products)? = body["data"] else { Issue.record("no data: \(body)"); return }
        #expect(response.status == 200 && !products.isEmpty && products.allSatisfy { $0["productType"] == "MEGAPORT" }, "ports only at the top")
        let port = try #require(products.first { $0["productId"] == .int(acme) })
        if case .int? = port["portSpeed"], case .object? = port["attributeTags"], case .object? = port["resources"]?["interface"] {} else {
            Issue.record("integer speed, tags and interface objects: \(port)")
        }
        #expect(port["vxcpermitted"] == true && port["vxcPermitted"] == nil, "lower-case p on products")
        guard case .array(let vxcs)? = port["associatedVxcs"], let vxc = vxcs.first else { Issue.record("no VXC under the port"); return }
        #expect(vxc["productType"] == "VXC" && vxc["rateLimit"] == 100 && vxc["vxcApproval"]?["status"] == "PENDING_EXTERNAL"
                && vxc["provisioningStatus"] == "DEPLOYABLE", "Terraform finishes on PENDING_EXTERNAL; DEPLOYABLE is not ready")
        #expect(vxc["bEnd"]?["productUid"] != nil && vxc["aEnd"]?["vlan"] != nil)
        if case .int? = vxc["createDate"] {} else { Issue.record("dates are integer epoch milliseconds") }
        if case .object? = vxc["resources"]?["interface"] { Issue.record("a VXC's resources.interface is never an object") }
        guard case .string(let uid)? = vxc["productUid"] else { return }
        let one = try APIWorld.json(try await world.request("GET", "/v2/product/\(uid)", headers: try Self.bearer(world, "admin@acme.example")))
        #expect(one["data"]?["productType"] == "VXC")
        // Scripts join "https://host/v2/product/" with "/" + uid: the double slash reaches the same product.
        let doubled = try APIWorld.json(try await world.request("GET", "/v2/product//\(uid)", headers: try Self.bearer(world, "admin@acme.example")))
        #expect(doubled["data"]?["productUid"] == .string(uid), "\(doubled)")
        #expect(try await world.request("GET", "/secure//technicalservice/\(acme)", headers: try Self.bearer(world, "admin@acme.example")).status == 404,
                "the legacy surface keeps empty segments distinct")
        #expect(try await world.request("GET", "/v2/product/\(uid)", headers: try Self.bearer(world, "admin@gamma.example")).status == 404,
                "another company's product is not found")
    }

    @Test func everyProductHasTagsAndTheOwnerReplacesThem() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let headers = try Self.bearer(world, "admin@acme.example")
        let empty = try APIWorld.json(try await world.request("GET", "/v2/product/\(acme)/tags", headers: headers))
        #expect(empty["data"]?["resourceTags"] == [], "data is there even with no tags (the Go SDK dereferences it)")
        let put = try await world.request("PUT", "/v2/product/\(acme)/tags", headers: headers.merging(["Content-Type": "application/json"]) { $1 },
                                          body: #"{"resourceTags": [{"key": "env", "value": "prod"}, {"key": "team", "value": "net"}]}"#)
        #expect(put.status == 200)
        let tags = try APIWorld.json(try await world.request("GET", "/v2/product/\(acme)/tags", headers: headers))
        #expect(tags["data"]?["resourceTags"] == [["key": "env", "value": "prod"], ["key": "team", "value": "net"]])
        let readOnly = try await world.request("PUT", "/v2/product/\(acme)/tags",
                                               headers: try Self.bearer(world, "readonly@acme.example").merging(["Content-Type": "application/json"]) { $1 },
                                               body: #"{"resourceTags": []}"#)
        #expect(readOnly.status == 403)
        let twice = try await world.request("PUT", "/v2/product/\(acme)/tags", headers: headers.merging(["Content-Type": "application/json"]) { $1 },
                                            body: #"{"resourceTags": [{"key": "a", "value": "1"}, {"key": "a", "value": "2"}]}"#)
        #expect(twice.status == 422)
    }
}
