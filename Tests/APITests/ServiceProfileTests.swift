import JSON
import TestSupport
import Testing

/// Selling through service profiles over HTTP: a provider defines what it sells and what buyers must
/// tell it; buyers list what they may buy, order with the fields, and the provider sees the values in
/// its approval and email. AWS sells through a profile too, and the blog's AWS order answers as before.
@Suite struct ServiceProfileTests {
    static let manual = #"""
        {"name": "Beta L2", "description": "Layer 2 into Beta", "portIds": [PORT], "speeds": [100, 500], "approvalMode": "MANUAL",
         "buyerFields": [
           {"key": "circuitRef", "label": "Circuit reference", "type": "text", "required": true, "pattern": "^CR-[0-9]{6}$"},
           {"key": "tier", "label": "Tier", "type": "enum", "values": ["gold", "silver"], "required": true},
           {"key": "secret", "label": "Shared secret", "type": "text", "writeOnly": true}]}
        """#
    static let auto = #"{"name": "Beta instant", "portIds": [PORT], "approvalMode": "AUTO", "vlanPolicy": "PROVIDER", "buyerFields": [{"key": "ref", "label": "Ref", "type": "integer", "min": 1, "max": 99, "required": true}]}"#

    static func uid(_ value: JSONValue) -> String { if case .string(let s)? = value["uid"] { s } else { "" } }

    @Test func aProviderSellsAndABuyerBuysThroughProfiles() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (made, manual) = try await world.callJSON("POST", "/secure/serviceprofiles", as: "admin@betacloud.example",
                                                      json: Self.manual.replacingOccurrences(of: "PORT", with: "\(beta)"))
        #expect(made == 201 && manual["approvalMode"] == "MANUAL" && manual["visibleTo"] == .array([]))
        let (madeAuto, auto) = try await world.callJSON("POST", "/secure/serviceprofiles", as: "admin@betacloud.example",
                                                        json: Self.auto.replacingOccurrences(of: "PORT", with: "\(beta)"))
        #expect(madeAuto == 201)
        #expect(try await world.call("POST", "/secure/serviceprofiles", as: "tech@betacloud.example",
                                     json: Self.auto.replacingOccurrences(of: "PORT", with: "\(beta)")).status == 403, "Company Admins only")

        // The buyer sees both (and AWS's), with the offered ports' locations, but not whom a profile is shown to.
        let (_, listed) = try await world.callJSON("GET", "/secure/serviceprofiles?visible=true", as: "techadmin@acme.example")
        guard case .array(let profiles) = listed else { Issue.record("\(listed)"); return }
        #expect(Set(profiles.compactMap { if case .string(let n)? = $0["name"] { n } else { nil } })
                == ["Beta L2", "Beta instant", "AWS Direct Connect (hosted connection)"])
        let shown = try #require(profiles.first { $0["name"] == "Beta L2" })
        let firstPort: JSONValue? = if case .array(let ports)? = shown["ports"] { ports.first } else { nil }
        #expect(firstPort?["locationName"] == "Equinix SY1")
        #expect(shown["visibleTo"] == nil)

        // A missing and an invalid field: 422 naming both; a speed the profile does not offer: 422.
        let order = { (fields: String, speed: Int) in
            #"{"payerMegaPortNsId": \#(acme), "serviceProfileUid": "\#(Self.uid(manual))", "speed": \#(speed), "buyerFields": \#(fields)}"#
        }
        let (bad, refused) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example",
                                                      json: order(#"{"circuitRef": "CR-12"}"#, 100))
        #expect(bad == 422)
        #expect(refused["data"]?["errors"] == [["field": "buyerFields.circuitRef", "message": "must match ^CR-[0-9]{6}$"],
                                                ["field": "buyerFields.tier", "message": "is required (Tier)"]])
        #expect(try await world.call("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example",
                                     json: order(#"{"circuitRef": "CR-123456", "tier": "gold"}"#, 200)).status == 422)
        let (notUid, named) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example",
                                                       json: #"{"payerMegaPortNsId": \#(acme), "serviceProfileUid": "beta-l2", "speed": 100}"#)
        #expect(notUid == 422 && named["data"]?["errors"] == [["field": "serviceProfileUid", "message": "must be a service profile uid (a UUID)"]])

        // Valid: the VXC waits for Beta, whose approval and email carry the values (the secret stays hidden).
        let (ok, vxc) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example",
                                                 json: order(#"{"circuitRef": "CR-123456", "tier": "gold", "secret": "s3cret"}"#, 100))
        #expect(ok == 200 && vxc["nonPayerMegaPortNsId"] == .int(beta), "the profile's port is the B-end")
        let (_, approvals) = try await world.callJSON("GET", "/secure/approvals?status=PENDING", as: "admin@betacloud.example")
        guard case .array(let pending) = approvals, let approval = pending.first else { Issue.record("\(approvals)"); return }
        #expect(approval["serviceProfileUid"] == .string(Self.uid(manual)))
        #expect(approval["buyerFields"] == ["circuitRef": "CR-123456", "tier": "gold"])
        let email = try await world.sql("""
            SELECT e.body FROM outbox o JOIN emails e ON e.id = o.email_id WHERE e.event = 'vxc_request' AND o.recipient = 'admin@betacloud.example'
            """) { $0.string(0) }
        #expect(email.count == 1 && email[0].contains("Circuit reference: CR-123456") && email[0].contains("Beta L2") && !email[0].contains("s3cret"))

        // AUTO: approved and LIVE without a person; the provider's VLAN policy refuses a chosen B-end VLAN.
        let autoOrder = #"{"payerMegaPortNsId": \#(acme), "serviceProfileUid": "\#(Self.uid(auto))", "speed": 50, "buyerFields": {"ref": "7"}}"#
        #expect(try await world.call("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example",
                                     json: autoOrder.replacingOccurrences(of: #""speed""#, with: #""nonPayerVlanId": 900, "speed""#)).status == 422)
        let (autoStatus, autoVXC) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example", json: autoOrder)
        guard autoStatus == 200, case .int(let id)? = autoVXC["vxcJTechnicalServiceId"] else { Issue.record("\(autoVXC)"); return }
        try await world.app.provisioning.advance()
        try await world.app.provisioning.advance()
        #expect(try await world.sql("SELECT provisioning_status FROM services WHERE id = \(id)") { $0.string(0) } == ["LIVE"])
        #expect(try await world.sql("SELECT count(*) FROM approvals WHERE service_id = \(id)") { $0.int(0) } == [0])
        let (raised, _) = try await world.callJSON("PUT", "/secure/technicalservice/\(id)/speed", as: "techadmin@acme.example", json: #"{"speed": 80}"#)
        #expect(raised == 200, "an AUTO profile approves a raise of speed itself")
        #expect(try await world.sql("SELECT rate_limit FROM services WHERE id = \(id)") { $0.int(0) } == [80])
    }

    @Test func privateProfilesAreShownOnlyToTheirCompanies() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let gamma = try await world.sql("SELECT id FROM companies WHERE trading_name = 'Gamma Partners'") { $0.int64(0) }[0]
        let body = #"{"name": "Only Gamma", "portIds": [\#(beta)], "visibility": "PRIVATE", "visibleTo": [\#(gamma)]}"#
        let (_, profile) = try await world.callJSON("POST", "/secure/serviceprofiles", as: "admin@betacloud.example", json: body)
        let path = "/secure/serviceprofiles/\(Self.uid(profile))"
        #expect(try await world.call("GET", path, as: "admin@acme.example").status == 404)
        #expect(try await world.call("GET", path, as: "admin@gamma.example").status == 200)
        #expect(try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                         json: #"{"payerMegaPortNsId": 1, "serviceProfileUid": "\#(Self.uid(profile))", "speed": 100}"#).0 == 404)
        // Rules named at once: someone else's port, an unanchored pattern, a PUBLIC profile with viewers.
        let (status, refused) = try await world.callJSON("POST", "/secure/serviceprofiles", as: "admin@betacloud.example", json: #"""
            {"name": "Bad", "portIds": [1], "visibleTo": [1], "buyerFields": [{"key": "a", "label": "A", "type": "text", "pattern": "[0-9]+"}]}
            """#)
        guard case .array(let errors)? = refused["data"]?["errors"] else { Issue.record("\(refused)"); return }
        #expect(status == 422 && errors.compactMap { if case .string(let f)? = $0["field"] { f } else { nil } }
                == ["portIds[0]", "visibleTo", "buyerFields[0].pattern"])
        #expect(try await world.call("DELETE", path, as: "admin@acme.example").status == 404)
        #expect(try await world.call("DELETE", path, as: "admin@betacloud.example").status == 204)
        #expect(try await world.call("GET", path, as: "admin@gamma.example").status == 404, "a deleted profile is gone")
    }

    /// Patterns the C library would match by backtracking for seconds or minutes are refused by name,
    /// before they are compiled; ordinary ones are taken.
    @Test func patternsThatWouldMatchSlowlyAreRefused() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let create = { (pattern: String) in
            try await world.callJSON("POST", "/secure/serviceprofiles", as: "admin@betacloud.example", json: #"""
                {"name": "p", "portIds": [\#(beta)], "buyerFields": [{"key": "v", "label": "V", "type": "text", "pattern": \#(JSONWriter.string(.string(pattern)))}]}
                """#)
        }
        for (pattern, rule) in [(#"^(a*)*\1$"#, "back-references"), ("^(a{1,9}){1,9}$", "count a group"),
                                ("^[a-z]{1,200}[a-z]{1,200}$", "more than 256")] {
            let (status, body) = try await create(pattern)
            #expect(status == 422 && JSONWriter.string(body).contains(rule), "\(pattern): \(status) \(JSONWriter.string(body))")
        }
        for pattern in ["^[0-9]{12}$", "^[[:alpha:]]{1,50}-[0-9]+$", "^[{}]{2}$", #"^a\{1\}$"#] {
            #expect(try await create(pattern).0 == 201, "\(pattern) is an ordinary pattern")
        }
    }

    @Test func theBlogsAWSOrderAnswersAsWithoutAProfile() async throws {
        func answer(deletingProfile: Bool) async throws -> (JSONValue, [String]) {
            let world = try await APIWorld(startProvisioning: false)
            defer { world.remove() }
            if deletingProfile {
                let (_, own) = try await world.callJSON("GET", "/secure/serviceprofiles", as: "admin@aws.example")
                guard case .array(let list) = own, let first = list.first else { return (nil, []) }
                #expect(try await world.call("DELETE", "/secure/serviceprofiles/\(Self.uid(first))", as: "admin@aws.example").status == 204)
            }
            let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), aws = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])
            let (status, body) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxcOrder(payer: acme, nonPayer: aws))
            #expect(status == 200)
            let stored = try await world.sql("SELECT buyer_fields FROM services WHERE product_type = 'VXC'") { $0.optionalString("buyer_fields") ?? "" }
            return (Self.withoutVaryingValues(body), stored)
        }
        let (throughProfile, recorded) = try await answer(deletingProfile: false)
        let (withoutProfile, _) = try await answer(deletingProfile: true)
        #expect(throughProfile == withoutProfile)
        #expect(recorded == [#"{"asn":65001,"authKey":"password1","ownerAccount":"123456789123","type":"private"}"#], "bought through AWS's profile")
    }

    /// The answer with its uids and times (random or the clock's) blanked.
    static func withoutVaryingValues(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var copy = JSONObject()
            for (key, member) in object.members {
                let varies = ["uid", "date", "approval"].contains { key.lowercased().hasSuffix($0) }  // random or the clock's
                copy[key] = varies ? .null : withoutVaryingValues(member)
            }
            return .object(copy)
        case .array(let items): return .array(items.map(withoutVaryingValues))
        default: return value
        }
    }
}
