import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/secure/serviceprofiles`: providers sell through profiles; buyers list those they may buy from
/// (`?visible=true`) with the offered ports' locations.
struct ServiceProfileController {
    let profiles: ServiceProfileService

    /// A new profile's defaults before the body's members apply: MANUAL, buyer's VLAN, PUBLIC, no fields.
    static let blank = ServiceProfileContent(name: "", description: "", portIds: [], speeds: [], approvalMode: .manual,
                                                        vlanPolicy: .buyer, visibility: .public, visibleTo: [], buyerFields: [])

    func create(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        var content = Self.blank
        try ServiceProfileJSON.read(try JSONBody.parse(request), into: &content, creating: true)
        let view = try await profiles.create(session, companyId: try AccountController.companyId(request), content)
        return Envelope.json(ServiceProfileJSON.json(view, forProvider: true), status: .created)
    }

    func list(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let companyId = try AccountController.companyId(request)
        switch request.uri.queryValue("visible") {
        case "true":
            return Envelope.json(.array(try await profiles.buyable(session, companyId: companyId).map { ServiceProfileJSON.json($0, forProvider: false) }))
        case nil, "false":
            let own = try await profiles.own(session, companyId: companyId)
            return Envelope.json(.array(own.map { ServiceProfileJSON.json($0, forProvider: true) }))
        default:
            throw DomainError.invalid("visible", "must be true (profiles you may buy from) or false (your own)")
        }
    }

    func get(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let (view, isProvider) = try await profiles.get(session, uid: try Self.uid(context))
        return Envelope.json(ServiceProfileJSON.json(view, forProvider: isProvider))
    }

    func update(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        var read = Self.blank
        try ServiceProfileJSON.read(body, into: &read, creating: false)
        let sent = read
        let members = Set(["name", "description", "portIds", "speeds", "visibleTo", "approvalMode", "vlanPolicy", "visibility", "buyerFields"]
            .filter { body.has($0) || body.isBlank($0) })
        let view = try await profiles.update(session, uid: try Self.uid(context)) { content in
            if members.contains("name") { content.name = sent.name }
            if members.contains("description") { content.description = sent.description }
            if members.contains("portIds") { content.portIds = sent.portIds }
            if members.contains("speeds") { content.speeds = sent.speeds }
            if members.contains("visibleTo") { content.visibleTo = sent.visibleTo }
            if members.contains("approvalMode") { content.approvalMode = sent.approvalMode }
            if members.contains("vlanPolicy") { content.vlanPolicy = sent.vlanPolicy }
            if members.contains("visibility") { content.visibility = sent.visibility }
            if members.contains("buyerFields") { content.buyerFields = sent.buyerFields }
        }
        return Envelope.json(ServiceProfileJSON.json(view, forProvider: true))
    }

    func delete(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        try await profiles.delete(session, uid: try Self.uid(context))
        return HTTPResponse(status: .noContent)
    }

    static func uid(_ context: RequestContext) throws -> String {
        guard let uid = context.parameters["uid"], Tokens.looksLikeUUID(uid) else { throw DomainError.notFound("service profile not found") }
        return uid
    }
}
