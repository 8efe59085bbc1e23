import JSON
import SQLiteStorage
import Storage
import TestSupport
import Testing

/// Issue 6: SQLite faults become 503 with a clear message, write nothing half-way, and the service
/// resumes when the fault clears.
@Suite(.enabled(if: !TempDatabase.onPostgres, "makes SQLite fail")) struct StorageFaultTests {
    @Test func aLockedDatabaseIs503WithRetryAfter() async throws {
        let world = try await APIWorld(startProvisioning: false, busyTimeoutMillis: 100)
        defer { world.remove() }
        // Another process holds the write lock.
        let other = try SQLiteConnection(path: world.temp.path, busyTimeoutMilliseconds: 0)
        try other.exec("BEGIN IMMEDIATE")
        let busy = try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "busy"))
        #expect(busy.status == 503 && busy.header("Retry-After") == "1")
        #expect(try APIWorld.json(busy)["data"]?["code"] == "database_busy")
        #expect(try await world.call("GET", "/secure/dropdowns/locations", as: "admin@acme.example").status == 200, "reads go on (WAL)")
        try other.exec("ROLLBACK")
        #expect(try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "busy")).status == 200)
    }

    @Test func aFullDatabaseIs503AndWritesNothingHalfWay() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let before = try await world.sql("SELECT (SELECT count(*) FROM services), (SELECT count(*) FROM audit_events), (SELECT count(*) FROM outbox)") {
            "\($0.int(0)) \($0.int(1)) \($0.int(2))"
        }
        // The file may not grow: the size-limited disk of this test.
        let pages = try await world.sqlite.writer.access { try $0.queryFirst("PRAGMA page_count") { $0.int(0) } ?? 0 }
        try await world.sqlite.writer.access { try $0.exec("PRAGMA max_page_count = \(pages)") }
        var full: TestResponse?
        for n in 0..<40 {  // fill the free pages until a write no longer fits
            let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
            full = try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                        json: Blog.vxc(a, b, aVlan: 100 + n, extra: #", "serviceName": "\#(String(repeating: "x", count: 200))""#))
            if full?.status != 200 { break }
        }
        #expect(full?.status == 503 && full?.header("Retry-After") == "1", "\(String(describing: full))")
        #expect(try APIWorld.json(try #require(full))["data"]?["code"] == "storage_full")
        let integrity = try await world.sql("PRAGMA integrity_check") { $0.string(0) }
        #expect(integrity == ["ok"])
        let orphans = try await world.sql("""
            SELECT count(*) FROM services s WHERE s.product_type = 'VXC' AND (NOT EXISTS (SELECT 1 FROM vxc_orders o WHERE o.service_id = s.id)
              OR NOT EXISTS (SELECT 1 FROM approvals a WHERE a.service_id = s.id) OR NOT EXISTS (SELECT 1 FROM outbox m JOIN emails e ON e.id = m.email_id WHERE e.event = 'vxc_request'))
            """) { $0.int(0) }
        #expect(orphans == [0], "every stored VXC has its order, approval and emails: nothing half-written")
        try await world.sqlite.writer.access { try $0.exec("PRAGMA max_page_count = 1073741823") }
        #expect(try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "after")).status == 200,
                "service resumes when space returns")
        _ = before
    }

    @Test func aReadOnlyDatabaseIs503() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        try await world.sqlite.writer.access { try $0.exec("PRAGMA query_only = 1") }
        let response = try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "ro"))
        let code = try APIWorld.json(response)["data"]?["code"]
        #expect(response.status == 503 && code == "storage_unavailable")
        try await world.sqlite.writer.access { try $0.exec("PRAGMA query_only = 0") }
        #expect(try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "ro")).status == 200)
    }

    /// A background pass that fails is logged with the service's name, and the stage carries on.
    @Test func backgroundFailuresAreLoggedAndWorkResumes() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        try await world.sqlite.writer.access { try $0.exec("PRAGMA query_only = 1") }
        world.app.startBackgroundWork()
        var logged = false
        for _ in 0..<100 where !logged {
            try await Task.sleep(for: .milliseconds(20))
            logged = try world.logText().contains(#""service":"provisioning""#)
        }
        #expect(logged, "the failed pass is in the log")
        try await world.sqlite.writer.access { try $0.exec("PRAGMA query_only = 0") }
        let order = try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "after outage"))
        #expect(order.status == 200)
        var live = false
        for _ in 0..<100 where !live {
            try await Task.sleep(for: .milliseconds(20))
            live = try await world.sql("SELECT count(*) FROM services WHERE name = 'after outage' AND provisioning_status = 'LIVE'") { $0.int(0) } == [1]
        }
        #expect(live, "the stage went on after the failure")
        await world.app.stopBackgroundWork()
    }

    @Test func loginsAreRateLimitedPerAccount() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        for _ in 0..<5 {
            #expect(try await world.request("POST", "/v2/login", headers: form, body: "username=finance%40acme.example&password=wrong-guess").status == 401)
        }
        let limited = try await world.request("POST", "/v2/login", headers: form, body: "username=finance%40acme.example&password=megaport-demo")
        #expect(limited.status == 429, "even the right password, during the lock-out")
        #expect(Int(limited.header("Retry-After") ?? "") ?? 0 > 0)
        let other = try await world.request("POST", "/v2/login", headers: form, body: "username=admin%40acme.example&password=megaport-demo")
        #expect(other.status == 200, "another account from the same address is not locked out yet")
    }
}
