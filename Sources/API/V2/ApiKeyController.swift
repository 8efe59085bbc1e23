import Domain
import Foundation
import HTTPCore
import HTTPServer
import JSON

/// Machine authentication on the v2 surface: API keys (`/v2/users/apikeys`) and the OAuth 2 client
/// credentials exchange (`POST /oauth2/token`) that the Go SDK, the Terraform provider and the CLI use.
struct ApiKeyController {
    let keys: ApiKeyService

    static func json(_ key: ApiKey, secret: String? = nil) -> JSONValue {
        var object: JSONObject = ["key": .string(key.key), "name": .string(key.name), "role": .string(key.role.rawValue),
                                  "lifetime": .int(Int64(key.lifetimeMinutes)), "createDate": .int(key.createDate),
                                  "active": .bool(key.revokedDate == nil), "revokeDate": .int(key.revokedDate)]
        if let secret { object["secret"] = .string(secret) }
        return .object(object)
    }

    func create(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let name = body.requireString("name")
        let roleText = body.requireString("role")
        let lifetime = body.int("lifetime").map(Int.init)
        try body.finish()
        guard let role = Position(rawValue: roleText) else {
            throw DomainError.invalid("role", "must be one of \(Position.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let created = try await keys.create(name: name, role: role, lifetimeMinutes: lifetime, by: session)
        return Envelope.success("API key created; its secret is shown this once", data: Self.json(created.key, secret: created.secret))
    }

    func list(_ session: Session) async throws -> HTTPResponse {
        let all = try await keys.list(by: session)
        return Envelope.success("Found \(all.count) API keys", data: .array(all.map { Self.json($0) }))
    }

    func revoke(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let revoked = try await keys.revoke(context.parameters["key"] ?? "", by: session)
        return Envelope.success("API key revoked", data: Self.json(revoked))
    }

    /// `POST /oauth2/token`: HTTP Basic `key:secret`, `grant_type=client_credentials` in the query or the
    /// form body. The answer has no envelope (RFC 6749 §5.1); a refusal carries both the OAuth fields and
    /// the v2 error fields, since clients read one or the other.
    func token(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        var grant = request.uri.queryValue("grant_type")
        if grant == nil, request.headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true,
           let items = FormDecoding.decode(request.body) {
            grant = items.first { $0.name == "grant_type" }?.value
        }
        guard grant == "client_credentials" else {
            return Self.oauthError(.badRequest, "unsupported_grant_type", "grant_type must be client_credentials", context.traceId)
        }
        guard let (key, secret) = Self.basicCredentials(request) else {
            return Self.oauthError(.unauthorized, "invalid_client", "send the API key and secret as HTTP Basic key:secret", context.traceId)
        }
        do {
            let issued = try await keys.token(key: key, secret: secret)
            return .json(.ok, JSONWriter.bytes(["access_token": .string(issued.token), "token_type": "Bearer",
                                                "expires_in": .int(Int64(issued.expiresInSeconds))]),
                         headers: HTTPHeaders([("Cache-Control", "no-store")]))
        } catch DomainError.unauthenticated(let message) {
            return Self.oauthError(.unauthorized, "invalid_client", message, context.traceId)
        }
    }

    static func basicCredentials(_ request: HTTPRequest) -> (String, String)? {
        guard let header = request.headers["Authorization"] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, HTTPHeaders.equalsIgnoringCase(parts[0], "Basic"),
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    static func oauthError(_ status: HTTPStatus, _ code: String, _ message: String, _ traceId: String) -> HTTPResponse {
        var headers = HTTPHeaders([("Cache-Control", "no-store")])
        if status == .unauthorized { headers.add("WWW-Authenticate", "Basic realm=\"megaport\"") }
        let body: JSONValue = ["error": .string(code), "error_description": .string(message), "message": .string(message),
                               "data": .string(code), "trace_id": .string(traceId)]
        return .json(status, JSONWriter.bytes(body), headers: headers)
    }
}
