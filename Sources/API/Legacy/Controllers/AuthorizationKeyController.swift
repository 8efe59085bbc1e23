import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/secure/company/authorizationkeys`: a customer's Company Admin issues, lists and revokes the keys
/// resellers act with. The key text is in the creation answer only.
struct AuthorizationKeyController {
    let keys: AuthorizationKeyService

    static func json(_ k: AuthorizationKey) -> JSONValue {
        let now = Now.millis()
        return ["uid": .string(k.uid), "id": .int(k.id), "companyId": .int(k.companyId), "label": .string(k.label),
                "actions": .array(AuthorizationKey.Permission.allCases.filter(k.permissions.contains).map { .string($0.rawValue) }),
                "expiresAt": .int(k.expiryDate), "createDate": .int(k.createDate), "revokedDate": .int(k.revokedDate),
                "active": .bool(k.revokedDate == nil && (k.expiryDate.map { now < $0 } ?? true))]
    }

    func create(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let label = body.requireString("label"), expiresAt = body.int("expiresAt"), actions = body.strings("actions")
        body.requirePresence("actions")
        try body.finish()
        let permissions = actions.map { AuthorizationKey.Permission(rawValue: $0.uppercased()) }
        if let bad = permissions.firstIndex(of: nil) {
            throw DomainError.invalid("actions[\(bad)]", "must be ORDER, VIEW or CANCEL")
        }
        let issued = try await keys.issue(.init(label: label, expiresAt: expiresAt, permissions: Set(permissions.compactMap { $0 })), by: session)
        guard case .object(var object) = Self.json(issued.key) else { return HTTPResponse(status: .internalServerError) }
        object["key"] = .string(issued.text)
        return Envelope.json(.object(object), status: .created)
    }

    func list(_ session: Session) async throws -> HTTPResponse {
        Envelope.json(.array(try await keys.list(by: session).map(Self.json)))
    }

    func revoke(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        Envelope.json(Self.json(try await keys.revoke(context.parameters["id"] ?? "", by: session)))
    }
}
