import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/secure/approvals` (API.md §7).
struct ApprovalController {
    let approvals: ApprovalService

    func list(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        var status: Approval.Status?
        if let text = request.uri.queryValue("status") {
            guard let parsed = Approval.Status(rawValue: text.uppercased()) else {
                throw DomainError.invalid("status", "must be one of \(Approval.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = parsed
        }
        let roleText = request.uri.queryValue("role") ?? "approver"
        guard let role = ApprovalRole(rawValue: roleText) else { throw DomainError.invalid("role", "must be approver or requester") }
        return Envelope.json(.array(try await approvals.list(by: session, role: role, status: status).map(Self.json)))
    }

    func accept(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        var vlan: Int?, comment: String?
        if !request.body.isEmpty {
            let body = try JSONBody.parse(request)
            vlan = body.int("vlan").map(Int.init)
            comment = body.string("comment")
            try body.finish()
        }
        return Envelope.json(Self.json(try await approvals.accept(context.parameters["id"] ?? "", vlan: vlan, comment: comment, by: session)))
    }

    func deny(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        guard !request.body.isEmpty else { throw DomainError.invalid("comment", "is required: tell the requester why") }
        let body = try JSONBody.parse(request)
        let comment = body.requireString("comment")
        try body.finish()
        return Envelope.json(Self.json(try await approvals.deny(context.parameters["id"] ?? "", comment: comment, by: session)))
    }

    func withdraw(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        Envelope.json(Self.json(try await approvals.withdraw(context.parameters["id"] ?? "", by: session)))
    }

    /// Buyer values as `{"key": value}`: integers as numbers, the rest as strings.
    static func values(_ shown: [ShownBuyerValue]) -> JSONObject {
        var object = JSONObject()
        for entry in shown {
            switch entry.value {
            case .text(let text): object[entry.key] = .string(text)
            case .integer(let number): object[entry.key] = .int(number)
            }
        }
        return object
    }

    static func json(_ l: ApprovalListing) -> JSONValue {
        let a = l.approval
        return [
            "id": .int(a.id), "uid": .string(a.uid), "type": .string(a.kind.rawValue), "status": .string(a.status.rawValue),
            "serviceId": .int(a.serviceId), "serviceName": .string(l.serviceName),
            "requesterCompanyId": .int(a.requesterCompanyId), "requesterCompanyName": .string(l.requesterCompanyName),
            "approverCompanyId": .int(a.approverCompanyId), "approverCompanyName": .string(l.approverCompanyName),
            "speed": .int(a.speed), "newSpeed": .int(a.newSpeed.map(Int64.init)),
            "aEnd": ["productId": .int(l.aEndId), "productName": .string(l.aEndName), "vlan": .int(l.aVlan.map(Int64.init))],
            "bEnd": ["productId": .int(l.bEndId), "productName": .string(l.bEndName), "vlan": .int(l.bVlan.map(Int64.init))],
            "createDate": .int(a.createDate), "expiryDate": .int(a.expiryDate), "decisionDate": .int(a.decisionDate),
            "decidedBy": .int(a.decidedBy), "decidedByName": .string(l.decidedByName), "comment": .string(a.comment),
            "serviceProfileUid": .string(l.serviceProfileUid), "buyerFields": .object(Self.values(l.buyerFields)),
        ]
    }
}
