import JSON
import TestSupport
import Testing

/// The Profiles page over HTTP, as a browser posts its forms: Beta's Company Admin creates a profile
/// with two buyer fields, Acme buys through it (a wrong value comes back beside its field), and Beta's
/// Approvals page shows what Acme filled in.
@Suite struct PortalProfileTests {
    typealias Browser = PortalTests.Browser

    @Test func sellingAndBuyingThroughTheProfilesPage() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"]), acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let seller = Browser(world)
        _ = try await seller.signIn("admin@betacloud.example")
        let page = try await seller.send("GET", "/portal/profiles")
        #expect(page.status == 200 && page.text.contains("New profile") && page.text.contains("AWS Direct Connect"))
        let csrf = Browser.csrf(page)
        let bad = try await seller.send("POST", "/portal/profiles", form: [("csrf", csrf), ("name", "Beta L2"), ("f0-key", "ref"), ("f0-rule", "[0-9]+")])
        #expect(bad.status == 422 && bad.text.contains("must be anchored") && bad.text.contains("must list 1 to 100 of your ports"))
        let made = try await seller.send("POST", "/portal/profiles", form: [
            ("csrf", csrf), ("name", "Beta L2"), ("port-\(beta)", "on"), ("speeds", "100, 500"), ("approvalMode", "MANUAL"),
            ("f0-key", "circuitRef"), ("f0-label", "Circuit reference"), ("f0-type", "text"), ("f0-required", "on"), ("f0-rule", "^CR-[0-9]{6}$"),
            ("f1-key", "tier"), ("f1-label", "Tier"), ("f1-type", "enum"), ("f1-required", "on"), ("f1-rule", "gold, silver"),
        ])
        #expect(made.status == 303)
        let uid = try #require(try await world.sql("SELECT uid FROM service_profiles WHERE name = 'Beta L2'") { $0.string(0) }.first)

        let buyer = Browser(world)
        _ = try await buyer.signIn("techadmin@acme.example")
        let offer = try await buyer.send("GET", "/portal/profiles")
        #expect(offer.text.contains("Beta L2") && offer.text.contains("Circuit reference") && !offer.text.contains("New profile"), "no Sell for a Technical Admin")
        let buy = { (ref: String) in
            try await buyer.send("POST", "/portal/profiles/\(uid)/buy", form: [("csrf", Browser.csrf(offer)), ("aEnd", "\(acme)"), ("speed", "100"),
                                                                           ("field-circuitRef", ref), ("field-tier", "gold")])
        }
        let refused = try await buy("CR-1")
        #expect(refused.status == 422 && refused.text.contains("must match ^CR-[0-9]{6}$"))
        #expect(try await buy("CR-123456").status == 303)

        let approvals = try await seller.send("GET", "/portal/approvals")
        #expect(approvals.text.contains("<dt>Circuit reference</dt><dd>CR-123456</dd>") && approvals.text.contains("<dd>gold</dd>"))
    }
}
