import Domain
import HTTPCore
import HTTPServer
import JSON

/// Company accounts (API.md §2, §9): markets, support contacts, billing market, users.
struct AccountController {
    let accounts: AccountService

    /// `?companyId=` lets a partner act for a managed company.
    static func companyId(_ request: HTTPRequest) throws -> Int64? {
        guard let text = request.uri.queryValue("companyId") else { return nil }
        guard let id = Identifier.parse(text) else { throw DomainError.notFound("company \(text) not found") }
        return id
    }

    func markets() async throws -> HTTPResponse {
        Envelope.json(.array(try await accounts.markets().map {
            ["code": .string($0.code), "name": .string($0.name), "currency": .string($0.currency), "dialCode": .string("+" + $0.dialCode),
             "nationalDigits": .int($0.nationalDigits), "phoneRule": .string($0.rule)]
        }))
    }

    static func json(_ c: SupportContacts) -> JSONValue {
        ["companyId": .int(c.companyId), "supportPhone": .string(c.supportPhone), "supportEmail": .string(c.supportEmail),
         "accountManagerEmail": .string(c.accountManagerEmail), "customerSuccessManagerEmail": .string(c.customerSuccessManagerEmail),
         "billingMarket": .string(c.billingMarket), "required": .bool(c.required), "displayed": .bool(c.displayed), "editable": .bool(c.editable)]
    }

    func contacts(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        Envelope.json(Self.json(try await accounts.contacts(of: try Self.companyId(request), by: session)))
    }

    func updateContacts(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let changes = ContactChanges(supportPhone: body.string("supportPhone"), supportEmail: body.string("supportEmail"))
        let readOnly = ["accountManagerEmail", "customerSuccessManagerEmail"].first { body.string($0) != nil }
        try body.finish()
        if let readOnly { throw DomainError.invalid(readOnly, "is read-only: Megaport sets it") }
        return Envelope.json(Self.json(try await accounts.updateContacts(of: try Self.companyId(request), changes, by: session)))
    }

    /// API.md §9: contacts are never deleted.
    static func refuseDelete() throws -> HTTPResponse {
        throw HTTPError(.methodNotAllowed, code: "method_not_allowed", message: "support contact details can be edited but not deleted",
                        headers: HTTPHeaders([("Allow", "GET, HEAD, PUT, OPTIONS")]))
    }

    func billingMarket(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let market = body.requireString("billingMarket")
        let phone = body.string("supportPhone")
        try body.finish()
        return Envelope.json(Self.json(try await accounts.setBillingMarket(of: try Self.companyId(request), market, supportPhone: phone, by: session)))
    }

    static func json(_ u: User) -> JSONValue {
        ["id": .int(u.id), "personId": .int(u.id), "uid": .string(u.uid), "personUid": .string(u.uid), "companyId": .int(u.companyId),
         "firstName": .string(u.firstName), "lastName": .string(u.lastName), "email": .string(u.email),
         "position": .string(u.position.rawValue), "active": .bool(u.active), "createDate": .int(u.createDate)]
    }

    func users(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        Envelope.json(.array(try await accounts.users(of: try Self.companyId(request), by: session).map(Self.json)))
    }

    func createUser(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let positionText = body.requireString("position")
        var user = NewUser(companyId: try Self.companyId(request) ?? body.int("companyId") ?? session.companyId,
                           email: body.requireString("email"), position: .readOnly, password: body.requireString("password"))
        user.firstName = body.string("firstName") ?? ""
        user.lastName = body.string("lastName") ?? ""
        try body.finish()
        guard let position = Position(rawValue: positionText) else { throw Self.badPosition }
        user.position = position
        return Envelope.json(Self.json(try await accounts.createUser(user, by: session)), status: .created)
    }

    func updateUser(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Identifier.parse($0) }) else { throw DomainError.notFound("user not found") }
        let body = try JSONBody.parse(request)
        let positionText = body.string("position")
        var changes = UserChanges(active: body.bool("active"), firstName: body.string("firstName"), lastName: body.string("lastName"))
        try body.finish()
        if let positionText {
            guard let position = Position(rawValue: positionText) else { throw Self.badPosition }
            changes.position = position
        }
        return Envelope.json(Self.json(try await accounts.updateUser(id, changes, by: session)))
    }

    static let badPosition = DomainError.invalid("position", "must be one of \(Position.allCases.map(\.rawValue).joined(separator: ", "))")
}
