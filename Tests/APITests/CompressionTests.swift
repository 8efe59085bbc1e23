import Foundation
import TestSupport
import Testing

/// Large cached answers go gzip-compressed to clients that ask (Go's HTTP transport and Python's
/// requests do by default), decompressing (with the system's `gzip`) to exactly the plain answer.
@Suite struct CompressionTests {
    /// `bytes` decompressed by `gzip -dc` (from a file, so no pipe fills while the other waits).
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gunzip-\(UUID().uuidString).gz").path
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let child = try ChildProcess.spawn("/usr/bin/gzip", ["-dc", file])
        child.finishInput()
        let output = child.readAll().output
        #expect(child.wait() == 0, "gzip -dc exits 0")
        return output
    }

    @Test func largeAnswersAreGzippedForClientsThatAsk() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        for vlan in 300..<320 {
            #expect(try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta, aVlan: vlan)).status == 200)
        }
        for path in ["/v2/products", "/secure/technicalservice/\(acme)"] {
            let plain = try await world.call("GET", path, as: "admin@acme.example")
            let zipped = try await world.call("GET", path, as: "admin@acme.example", headers: ["Accept-Encoding": "gzip, deflate"])
            #expect(plain.header("Content-Encoding") == nil && plain.header("Vary") == "Accept-Encoding")
            #expect(zipped.header("Content-Encoding") == "gzip" && zipped.body.count * 3 < plain.body.count, "\(path): \(zipped.body.count) of \(plain.body.count)")
            #expect(try Self.gunzip(zipped.body) == plain.body, "\(path) decompresses to the plain answer")
            let refused = try await world.call("GET", path, as: "admin@acme.example", headers: ["Accept-Encoding": "gzip;q=0, identity"])
            #expect(refused.header("Content-Encoding") == nil && refused.body == plain.body, "q=0 refuses gzip")
        }
        // A small answer is sent as it is, asked or not.
        let aws = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])
        let small = try await world.call("GET", "/secure/technicalservice/\(aws)", as: "admin@aws.example", headers: ["Accept-Encoding": "gzip"])
        #expect(small.status == 200 && small.header("Content-Encoding") == nil)
    }
}
