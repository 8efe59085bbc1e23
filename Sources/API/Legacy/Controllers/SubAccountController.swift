import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/secure/company/{id}/subaccount` and `/secure/company/{id}/assignedports`: a partner's Company Admin
/// makes a managed company self-service, says what its users may do, and assigns it some of its ports.
struct SubAccountController {
    let subAccounts: SubAccountService

    static func json(_ sub: SubAccount) -> JSONValue {
        ["companyId": .int(sub.companyId), "subAccount": true,
         "actions": .array(SubAccount.Permission.allCases.filter(sub.permissions.contains).map { .string($0.rawValue) }),
         "portIds": .array(sub.portIds.map { .int($0) })]
    }

    func configure(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let actions = body.strings("actions")
        body.requirePresence("actions")
        try body.finish()
        let permissions = actions.map { SubAccount.Permission(rawValue: $0.uppercased()) }
        if let bad = permissions.firstIndex(of: nil) {
            throw DomainError.invalid("actions[\(bad)]", "must be \(SubAccount.Permission.allCases.map(\.rawValue).joined(separator: ", ")) (or none)")
        }
        return Envelope.json(Self.json(try await subAccounts.configure(try Self.id(context), permissions: Set(permissions.compactMap { $0 }), by: session)))
    }

    func get(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        Envelope.json(Self.json(try await subAccounts.get(try Self.id(context), by: session)))
    }

    func assign(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let ports = body.ints("portIds")
        body.requirePresence("portIds")
        try body.finish()
        return Envelope.json(Self.json(try await subAccounts.assignPorts(try Self.id(context), portIds: ports, by: session)))
    }

    static func id(_ context: RequestContext) throws -> Int64 {
        guard let id = context.parameters["id"].flatMap({ Identifier.parse($0) }) else { throw DomainError.notFound("company not found") }
        return id
    }
}
