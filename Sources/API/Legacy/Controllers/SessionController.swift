import Domain
import HTTPCore
import HTTPServer
import JSON

/// `POST /v2/login`, `GET /v2/logout` (API.md §2).
struct SessionController {
    let auth: AuthService

    /// Login with `username` (email) and `password` from a form body, a JSON body or the query.
    func login(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let fields = try Self.credentials(request)
        var missing: [FieldError] = []
        if (fields["username"] ?? "").isEmpty { missing.append(FieldError("username", "is required")) }
        if (fields["password"] ?? "").isEmpty { missing.append(FieldError("password", "is required")) }
        guard missing.isEmpty, let username = fields["username"], let password = fields["password"] else {
            throw DomainError.invalid(missing)
        }
        let address = String(context.remoteAddress.split(separator: ":").first ?? "")
        let (token, s) = try await auth.login(email: username, password: password, from: address)
        return Self.loggedIn(token, s)
    }

    /// `POST /v2/login/{token}`: the session of a token the client already holds, as a login answers it.
    func login(token: String) async throws -> HTTPResponse {
        Self.loggedIn(token, try await auth.authenticate(token: token))
    }

    /// `{session, token, username, …}`: `session` and `token` are the same token (clients read either).
    static func loggedIn(_ token: String, _ s: Session) -> HTTPResponse {
        let data: JSONValue = [
            "session": .string(token), "token": .string(token), "username": .string(s.email),
            "firstName": .string(s.firstName), "lastName": .string(s.lastName), "personId": .int(s.userId),
            "personUid": .string(s.userUid), "position": .string(s.position.rawValue), "companyId": .int(s.companyId),
            "companyUid": .string(s.companyUid), "companyName": .string(s.companyName),
            "accountType": .string(s.accountType.rawValue), "loginDate": .int(s.createDate), "expiryDate": .int(s.expiryDate),
        ]
        return Envelope.success("Login successful", data: data)
    }

    /// Revokes the caller's token.
    func logout(_ session: Session) async throws -> HTTPResponse {
        try await auth.logout(session)
        return Envelope.success("Logged out", data: nil)
    }

    /// `GET /v2/logout/{token}`: revokes the token named in the path (which authenticates the call).
    func logout(token: String) async throws -> HTTPResponse {
        try await logout(try await auth.authenticate(token: token))
    }

    static func credentials(_ request: HTTPRequest) throws -> [String: String] {
        var fields: [String: String] = [:]
        for item in request.uri.query where item.name == "username" || item.name == "password" { fields[item.name] = item.value }
        guard !request.body.isEmpty else { return fields }
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            guard let items = FormDecoding.decode(request.body) else {
                throw HTTPError(.badRequest, code: "malformed_form", message: "request body is not valid form encoding")
            }
            for item in items where item.name == "username" || item.name == "password" { fields[item.name] = item.value }
        } else if type.hasPrefix("application/json") {
            let json = try JSONParser.parse(request.body)
            for name in ["username", "password"] {
                switch json[name] {
                case .string(let value)?: fields[name] = value
                case nil, .null?: break
                case let other?: throw HTTPError(.badRequest, code: "wrong_type", message: "\(name) must be a string, got \(other.typeName)",
                                                 details: ["errors": [["field": .string(name), "message": "must be a string"]]])
                }
            }
        } else {
            throw HTTPError(.unsupportedMediaType, code: "unsupported_media_type",
                            message: "send the login as application/x-www-form-urlencoded or application/json")
        }
        return fields
    }
}
