import Foundation
import JSON
import TestSupport
import Testing

/// Issue 13, machine authentication: API keys and `POST /oauth2/token`, with the requests the Go SDK
/// (behind the Terraform provider and the CLI) and Python scripts send.
@Suite struct MachineAuthTests {
    static func basic(_ key: String, _ secret: String) -> String { "Basic " + Data("\(key):\(secret)".utf8).base64EncodedString() }

    /// A key made through the API by Acme's Company Admin, with its secret.
    static func makeKey(_ world: APIWorld, role: String = "Company Admin") async throws -> (key: String, secret: String) {
        let (status, body) = try await world.callJSON("POST", "/v2/users/apikeys", as: "admin@acme.example",
                                                      json: #"{"name": "terraform", "role": "\#(role)", "lifetime": 120}"#)
        guard status == 200, case .string(let key)? = body["data"]?["key"], case .string(let secret)? = body["data"]?["secret"] else {
            throw RawClient.ClientError.failed("no key: \(status) \(body)")
        }
        return (key, secret)
    }

    @Test func theGoSDKTokenRequestGetsABearerToken() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (key, secret) = try await Self.makeKey(world)
        // As the Go SDK sends it: grant_type in the query, an empty form body, HTTP Basic.
        let response = try await world.request("POST", "/oauth2/token?grant_type=client_credentials",
                                               headers: ["Authorization": Self.basic(key, secret), "Content-Type": "application/x-www-form-urlencoded",
                                                         "Accept": "application/json", "User-Agent": "terraform Go-Megaport-Library/1.0"], body: "")
        let token = try APIWorld.json(response)
        #expect(response.status == 200 && token["token_type"] == "Bearer" && token["message"] == nil, "no envelope: \(token)")
        #expect(token["expires_in"] == 7200, "the key's lifetime, in seconds")
        guard case .string(let access)? = token["access_token"] else { Issue.record("no access_token"); return }
        let dropdown = try await world.request("GET", "/secure/dropdowns/locations", headers: ["Authorization": "Bearer \(access)"])
        #expect(dropdown.status == 200)
        // As Python and Postman send it: grant_type in the form body.
        let form = try await world.request("POST", "/oauth2/token", headers: ["Authorization": Self.basic(key, secret),
                                                                             "Content-Type": "application/x-www-form-urlencoded"],
                                           body: "grant_type=client_credentials")
        #expect(form.status == 200)
    }

    @Test func refusalsReadAsTheClientsExpect() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (key, secret) = try await Self.makeKey(world)
        let wrong = try await world.request("POST", "/oauth2/token?grant_type=client_credentials",
                                            headers: ["Authorization": Self.basic(key, secret + "x"), "Content-Type": "application/x-www-form-urlencoded"])
        let body = try APIWorld.json(wrong)
        #expect(wrong.status == 401 && body["error"] == "invalid_client" && body["trace_id"] != nil, "\(body)")
        if case .string? = body["message"], case .string? = body["data"] {} else { Issue.record("message and data are strings: \(body)") }
        let unknown = try await world.request("POST", "/oauth2/token?grant_type=client_credentials",
                                              headers: ["Authorization": Self.basic(UUID().uuidString.lowercased(), secret)])
        #expect(try APIWorld.json(unknown)["error_description"] == body["error_description"], "an unknown key reads like a wrong secret")
        let grant = try await world.request("POST", "/oauth2/token?grant_type=password", headers: ["Authorization": Self.basic(key, secret)])
        let grantBody = try APIWorld.json(grant)
        #expect(grant.status == 400 && grantBody["error"] == "unsupported_grant_type")
    }

    @Test func aKeyActsWithItsRoleAndDiesWhenRevoked() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (key, secret) = try await Self.makeKey(world, role: "Read Only")
        let issued = try APIWorld.json(try await world.request("POST", "/oauth2/token?grant_type=client_credentials",
                                                               headers: ["Authorization": Self.basic(key, secret)]))
        guard case .string(let access)? = issued["access_token"] else { Issue.record("no token"); return }
        let bearer = ["Authorization": "Bearer \(access)", "Content-Type": "application/json"]
        let order = try await world.request("POST", "/secure/ecommerce/megaport/order", headers: bearer, body: Blog.port(name: "by key"))
        #expect(order.status == 403, "a Read Only key may not order, though its creator may")
        let (listed, list) = try await world.callJSON("GET", "/v2/users/apikeys", as: "admin@acme.example")
        if case .array(let keys)? = list["data"] {
            #expect(listed == 200 && keys.contains { $0["key"] == .string(key) } && keys.allSatisfy { $0["secret"] == nil }, "secrets are never listed")
        } else { Issue.record("no list: \(list)") }
        #expect(try await world.callJSON("GET", "/v2/users/apikeys", as: "techadmin@acme.example").0 == 403)
        #expect(try await world.callJSON("DELETE", "/v2/users/apikeys/\(key)", as: "admin@acme.example").0 == 200)
        #expect(try await world.request("GET", "/secure/dropdowns/locations", headers: bearer).status == 401, "its tokens die with it")
        let again = try await world.request("POST", "/oauth2/token?grant_type=client_credentials", headers: ["Authorization": Self.basic(key, secret)])
        #expect(again.status == 401)
        let stored = try await world.sql("SELECT count(*) FROM api_keys WHERE secret_hash = '\(secret)'") { $0.int(0) }
        #expect(stored == [0], "the secret is stored only as a digest")
    }
}
