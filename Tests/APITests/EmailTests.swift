import Domain
import JSON
import TestSupport
import Testing

/// API.md §8 with a real SMTP relay: who gets which email, what it says, and delivery that survives
/// a relay outage and a restart.
@Suite struct EmailTests {
    static let acmeReaders: Set = ["admin@acme.example", "techadmin@acme.example", "techcontact@acme.example"]
    static let betaReaders: Set = ["admin@betacloud.example", "tech@betacloud.example"]

    static func mail(_ all: [ReceivedMail], event: String) -> [ReceivedMail] { all.filter { $0.header("X-Megaport-Event") == event } }
    static func recipients(_ mail: [ReceivedMail]) -> Set<String> { Set(mail.flatMap(\.recipients)) }

    /// A port going LIVE tells its owner where it is and which interface it has.
    @Test func aPortGoingLiveEmailsItsOwner() async throws {
        let relay = try SMTPTestServer()
        defer { relay.stop() }
        let world = try await APIWorld(startProvisioning: false, relayPort: relay.port)
        defer { world.remove() }
        world.app.startBackgroundWork()
        let (status, _) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example",
                                                   json: #"{"serviceName":"Live Mail Port","megaPortProvItem":{"speed":10000,"location_id":3}}"#)
        #expect(status == 200)
        let live = Self.mail(await relay.waitFor(3), event: "service_live")
        #expect(Self.recipients(live) == Self.acmeReaders)
        #expect(live.first?.header("Subject") == "Live Mail Port is live")
        let body = live.first?.body.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") ?? ""
        #expect(body.contains("Your 10000 Mbps port at") && body.contains("is ready to carry VXCs and IX connections."), "\(body)")
        #expect(body.contains("Port:          Live Mail Port (service ") && body.contains("Interface:"))
        await world.app.stopBackgroundWork()
    }

    @Test func requestAcceptLiveEmailsReachExactlyTheRightPeople() async throws {
        let relay = try SMTPTestServer()
        defer { relay.stop() }
        let world = try await APIWorld(startProvisioning: false, relayPort: relay.port)
        defer { world.remove() }
        world.app.startBackgroundWork()
        let (approval, vxc) = try await ApprovalTests.request(world, vlan: 300)
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "admin@betacloud.example").0 == 200)
        try await Task.sleep(for: .milliseconds(50))
        let all = await relay.waitFor(3 + 2 + 3 + 3)  // request sent, request, accepted, live
        let request = Self.mail(all, event: "vxc_request")
        #expect(Self.recipients(request) == Self.betaReaders, "the provider's subscribed, eligible users")
        #expect(request.first?.header("Subject") == "Connection request from Acme Networks: 100 Mbps to Beta Cloud Sydney (Equinix SY1)")
        let body = request.first?.body ?? ""
        #expect(body.contains("Requested by:  Tom Tech <techadmin@acme.example> of Acme Networks"))
        #expect(body.contains("From port:     The MEGAPORT at Global Switch (Acme Networks"))
        #expect(body.contains("VLAN 300") && body.contains("Speed:         100 Mbps"))
        #expect(body.contains("http://localhost:8080/portal/approvals/") && !body.contains("/secure/"), "what to do next: a page, no API path")
        #expect(Self.recipients(Self.mail(all, event: "vxc_request_sent")) == Self.acmeReaders)
        let accepted = Self.mail(all, event: "vxc_request_accepted")
        #expect(Self.recipients(accepted) == Self.acmeReaders)
        #expect(accepted.first?.header("Subject") == "Beta Cloud accepted your connection request")
        let live = Self.mail(all, event: "service_live")
        #expect(Self.recipients(live) == Self.acmeReaders, "SERVICES: the VXC is available")
        #expect(live.first?.body.contains("Your VXC to Beta Cloud is available.") == true)
        #expect(live.first?.header("Subject")?.hasPrefix("from The MEGAPORT at Global Switch to Beta Cloud") == true)
        for body in [accepted.first?.body ?? "", live.first?.body ?? ""] {  // the VXC read back from the database
            let loaded = body.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")  // folded at 78 characters
            #expect(loaded.contains("Requested by:  Tom Tech <techadmin@acme.example> of Acme Networks"))
            #expect(loaded.contains("From port:     The MEGAPORT at Global Switch (Acme Networks, service 1), VLAN 300"))
            #expect(loaded.contains("To port:       Beta Cloud Sydney (Equinix SY1) (Beta Cloud, service 4), VLAN "))
            #expect(loaded.contains("Speed:         100 Mbps") && loaded.contains("(service \(vxc))"))
        }
        let messageIds = all.compactMap { $0.header("Message-ID") }
        #expect(Set(messageIds).count == all.count, "one Message-ID per message")
        #expect(messageIds.allSatisfy { Array($0).dropFirst(15).first == "7" }, "<UUID version 7@…>: the outbox index grows at its end")
        for message in all {
            #expect(message.header("Message-ID")?.hasSuffix("@megaport-server>") == true)
            #expect(message.header("Date") != nil && message.header("From")?.contains("notifications@") == true)
            #expect(message.data.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 }, "lines within 78 characters")
        }
        for nobody in ["finance@acme.example", "fincontact@acme.example", "readonly@acme.example"] {
            #expect(!Self.recipients(all).contains(nobody), "\(nobody) may not receive email")
        }
        // The relay hears a message just before the worker records it sent: wait for the record, not for time.
        var outbox: [Int] = []
        for _ in 0..<100 {
            outbox = try await world.sql("SELECT count(*) FROM outbox WHERE state = 'SENT'") { $0.int(0) }
            if outbox == [all.count] { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(outbox == [all.count])
        await world.app.stopBackgroundWork()
    }

    @Test func aDenialCarriesTheReason() async throws {
        let relay = try SMTPTestServer()
        defer { relay.stop() }
        let world = try await APIWorld(startProvisioning: false, relayPort: relay.port)
        defer { world.remove() }
        world.app.startBackgroundWork()
        let (approval, _) = try await ApprovalTests.request(world)
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/deny", as: "admin@betacloud.example",
                                         json: #"{"comment": "No capacity in SY1 this quarter"}"#).0 == 200)
        let denied = Self.mail(await relay.waitFor(8), event: "vxc_request_denied")
        #expect(Self.recipients(denied) == Self.acmeReaders)
        #expect(denied.first?.header("Subject") == "Beta Cloud denied your connection request")
        #expect(denied.first?.body.contains("Reason:        No capacity in SY1 this quarter") == true)
        #expect(denied.first?.body.contains("Its VLANs were released") == true)
        await world.app.stopBackgroundWork()
    }

    @Test func mailWaitsOutARelayOutageAndArrivesOnce() async throws {
        let relay = try SMTPTestServer()
        let world = try await APIWorld(startProvisioning: false, relayPort: relay.port)
        defer { world.remove() }
        relay.stop()  // the relay is down when the request is made
        _ = try await ApprovalTests.request(world)
        let worker = try #require(world.app.mail)
        #expect(try await worker.deliverDue() == 0)
        let failed = try await world.sql("SELECT attempts, last_error FROM outbox WHERE state = 'PENDING'") { ($0.int(0), $0.optionalString(1)) }
        #expect(failed.count == 5 && failed.allSatisfy { $0.0 == 1 && $0.1?.contains("cannot connect") == true }, "\(failed)")
        try relay.restart()
        world.app.startBackgroundWork()
        let arrived = await relay.waitFor(5)
        await world.app.stopBackgroundWork()
        relay.stop()
        #expect(arrived.count == 5)
        #expect(Set(arrived.compactMap { $0.header("Message-ID") }).count == 5, "each message once")
        #expect(try await world.sql("SELECT count(*) FROM outbox WHERE state = 'SENT'") { $0.int(0) } == [5])
    }

    @Test func anEmailIsStoredOnceAndEachRecipientIsGreetedByName() async throws {
        let world = try await APIWorld(startProvisioning: false)  // no relay: mail waits in the outbox
        defer { world.remove() }
        _ = try await ApprovalTests.request(world)
        let stored = try await world.sql("""
            SELECT e.id, count(o.id) FROM emails e JOIN outbox o ON o.email_id = e.id WHERE e.event = 'vxc_request_sent' GROUP BY e.id
            """) { "\($0.int(1))" }
        #expect(stored == ["3"], "one email, a row for each of Acme's three readers")
        let (_, outbox) = try await world.callJSON("GET", "/secure/notifications/outbox", as: "admin@acme.example")
        guard case .array(let messages) = outbox else { Issue.record("\(outbox)"); return }
        let bodies = messages.compactMap { message -> (String, String)? in
            guard case .string(let to)? = message["recipient"], case .string(let body)? = message["body"] else { return nil }
            return (to, body)
        }
        #expect(bodies.count == 3)
        let tom = try #require(bodies.first { $0.0 == "techadmin@acme.example" }?.1)
        #expect(tom.hasPrefix("Hello Tom Tech,\n\nYour request to connect to Beta Cloud"), "\(tom)")
        let rests = Set(bodies.map { $0.1.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n") })
        #expect(rests.count == 1 && bodies.allSatisfy { $0.1.hasPrefix("Hello") }, "the same text after each greeting")
    }

    @Test func aRestartDeliversWaitingMailOnce() async throws {
        let world = try await APIWorld(startProvisioning: false)  // no relay: mail waits in the outbox
        defer { world.remove() }
        _ = try await ApprovalTests.request(world)
        let (_, outbox) = try await world.callJSON("GET", "/secure/notifications/outbox?state=PENDING", as: "admin@acme.example")
        guard case .array(let pending) = outbox else { Issue.record("\(outbox)"); return }
        #expect(pending.count == 3, "Acme's admin sees the three messages to Acme's users")
        #expect(try await world.callJSON("GET", "/secure/notifications/outbox", as: "techadmin@acme.example").0 == 403)

        let relay = try SMTPTestServer()
        defer { relay.stop() }
        let restarted = try await APIWorld.reopen(world, relayPort: relay.port)
        let worker = try #require(restarted.mail)
        #expect(try await worker.deliverDue() == 5)
        let again = try await APIWorld.reopen(world, relayPort: relay.port)  // and once more: nothing is resent
        #expect(try await again.mail?.deliverDue() == 0)
        #expect(relay.received.count == 5)
    }

    @Test func preferencesDecideWhoIsEmailed() async throws {
        let relay = try SMTPTestServer()
        defer { relay.stop() }
        let world = try await APIWorld(startProvisioning: false, relayPort: relay.port)
        defer { world.remove() }
        let (status, prefs) = try await world.callJSON("GET", "/secure/notifications/preferences", as: "techcontact@acme.example")
        #expect(status == 200 && prefs.typeName == "an array")
        if case .array(let items) = prefs { #expect(items.count == 7 && items.allSatisfy { $0["subscribed"] == true }, "direct accounts: all on") }
        let off = #"[{"group": "ORDERING", "subscribed": false}]"#
        let (put, after) = try await world.callJSON("PUT", "/secure/notifications/preferences", as: "techcontact@acme.example", json: off)
        #expect(put == 200 && after.typeName == "an array")
        #expect(try await world.callJSON("PUT", "/secure/notifications/preferences", as: "readonly@acme.example", json: off).0 == 403,
                "a Read Only user cannot subscribe")
        let (always, _) = try await world.callJSON("PUT", "/secure/notifications/preferences", as: "admin@acme.example",
                                                   json: #"[{"group": "SECURITY", "subscribed": false}]"#)
        #expect(always == 422, "SECURITY is always on")
        let (_, managed) = try await world.callJSON("GET", "/secure/notifications/preferences", as: "admin@delta.example")
        if case .array(let items) = managed {
            #expect(items.first { $0["group"] == "ORDERING" }?["subscribed"] == false, "managed accounts: off by default")
            #expect(items.first { $0["group"] == "SECURITY" }?["subscribed"] == true)
        }
        // A Company Admin sets another user's preferences; a Technical Admin may not.
        let techAdmin = try #require(try await world.sql("SELECT id FROM users WHERE email = 'techadmin@acme.example'") { $0.int64(0) }.first)
        #expect(try await world.callJSON("PUT", "/secure/company/users/\(techAdmin)/notifications", as: "admin@acme.example", json: off).0 == 200)
        #expect(try await world.callJSON("GET", "/secure/company/users/\(techAdmin)/notifications", as: "techcontact@acme.example").0 == 403)
        #expect(try await world.callJSON("GET", "/secure/company/users/\(techAdmin)/notifications", as: "admin@betacloud.example").0 == 404)

        world.app.startBackgroundWork()
        _ = try await ApprovalTests.request(world)
        let all = await relay.waitFor(3)  // request sent (to Acme's admin only now) + request (Beta's two)
        try await Task.sleep(for: .milliseconds(100))
        await world.app.stopBackgroundWork()
        #expect(Self.recipients(Self.mail(relay.received, event: "vxc_request_sent")) == ["admin@acme.example"], "unsubscribed users get nothing")
        #expect(all.count == 3 && relay.received.count == 3)
    }
}
