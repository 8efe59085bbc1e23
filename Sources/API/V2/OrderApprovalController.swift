import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/v3/order_approvals`: the connection requests the caller's companies must decide or asked for, paged
/// (integer `Pagination-*` headers), and `approve`, `reject`, `withdraw` with `{"comments"}`, `null` or
/// nothing as the body (the Go SDK sends `null`).
struct OrderApprovalController {
    let approvals: ApprovalService

    /// The statuses the v3 API knows: ours, and FAILED, which no approval here ever has.
    static let statuses = Approval.Status.allCases.map(\.rawValue) + ["FAILED"]

    static func json(_ l: ApprovalListing) -> JSONValue {
        let a = l.approval
        return ["uid": .string(a.uid), "id": .int(a.id), "referenceId": .string(String(a.serviceId)), "status": .string(a.status.rawValue),
                "type": .string(a.kind == .new ? "NEW_ORDER" : "SPEED_CHANGE"), "active": .bool(a.status == .pending),
                "acctName": .string(l.requesterCompanyName), "acctRef": .string(String(a.requesterCompanyId)),
                "approverCompanyId": .int(a.approverCompanyId), "requesterCompanyId": .int(a.requesterCompanyId), "serviceId": .int(a.serviceId),
                "comment": .string(a.comment), "createDate": .int(a.createDate),
                "detail": ["serviceName": .string(l.serviceName), "speed": .int(Int64(a.speed)), "newSpeed": .int(a.newSpeed.map(Int64.init)),
                           "aEnd": ["productId": .int(l.aEndId), "productName": .string(l.aEndName), "vlan": .int(l.aVlan.map(Int64.init))],
                           "bEnd": ["productId": .int(l.bEndId), "productName": .string(l.bEndName), "vlan": .int(l.bVlan.map(Int64.init))],
                           "expiryDate": .int(a.expiryDate)]]
    }

    func list(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let uri = request.uri
        let status = uri.queryValue("status")
        if let status, !Self.statuses.contains(status) { throw DomainError.invalid("status", "must be one of \(Self.statuses.joined(separator: ", "))") }
        let serviceIds = try uri.queryValue("serviceIds").flatMap { $0.isEmpty ? nil : $0 }.map { text in
            try text.split(separator: ",").map { part in
                guard let id = Identifier.parse(part), id > 0 else { throw DomainError.invalid("serviceIds", "must be service ids separated by commas") }
                return id
            }
        }
        let page = try Self.number(uri.queryValue("pageNumber"), "pageNumber", default: 1, in: 1...1_000_000)
        let size = try Self.number(uri.queryValue("pageSize"), "pageSize", default: 25, in: 1...100)
        let descending = try Self.direction(uri.queryValue("direction"))
        if let sort = uri.queryValue("sort"), sort != "createDate" && sort != "id" { throw DomainError.invalid("sort", "must be createDate or id") }
        let wanted = status.flatMap(Approval.Status.init(rawValue:))
        var all = status != nil && wanted == nil ? []  // FAILED
            : try await approvals.list(by: session, role: .approver, status: wanted) + approvals.list(by: session, role: .requester, status: wanted)
        var seen = Set<Int64>()  // a partner admin may stand on both sides of one request
        all = all.filter { seen.insert($0.approval.id).inserted && (serviceIds?.contains($0.approval.serviceId) ?? true) }
        all.sort { ($0.approval.createDate, $0.approval.id) < ($1.approval.createDate, $1.approval.id) }
        if descending { all.reverse() }
        let pages = max(1, (all.count + size - 1) / size)
        let slice = all.dropFirst((page - 1) * size).prefix(size)
        var response = Envelope.success("Found \(all.count) order approvals", data: .array(slice.map(Self.json)))
        for (name, value) in [("Pagination-Total-Count", all.count), ("Pagination-Page", page), ("Pagination-Limit", size),
                              ("Pagination-Total-Page", pages)] {
            response.headers.add(name, String(value))
        }
        return response
    }

    static func number(_ text: String?, _ field: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Identifier.parse(text).map(Int.init), range.contains(number) else {
            throw DomainError.invalid(field, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    static func direction(_ text: String?) throws -> Bool {
        switch text {
        case nil, "ASC": false
        case "DESC": true
        default: throw DomainError.invalid("direction", "must be ASC or DESC")
        }
    }

    /// The optional `comments`: the body may be empty, `null`, or `{"comments": text}`.
    static func comments(_ request: HTTPRequest) throws -> String? {
        let text = String(decoding: request.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text != "null" else { return nil }
        let body = try JSONBody.parse(request)
        let comments = body.string("comments")
        try body.finish()
        return comments
    }

    func decide(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let uid = context.parameters["uid"] ?? ""
        let comments = try Self.comments(request)
        let listing: ApprovalListing
        switch context.parameters["decision"] ?? "" {
        case "approve": listing = try await approvals.accept(uid, vlan: nil, comment: comments, by: session)
        case "reject":
            // The Go SDK may reject with a `null` body; the legacy API's rule (say why) stays there.
            let reason = comments.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } ?? "rejected without a reason"
            listing = try await approvals.deny(uid, comment: reason, by: session)
        case "withdraw": listing = try await approvals.withdraw(uid, by: session)
        default: throw DomainError.invalid("decision", "must be approve, reject or withdraw")
        }
        return Envelope.success("Order approval \(listing.approval.status.rawValue)", data: Self.json(listing))
    }
}
