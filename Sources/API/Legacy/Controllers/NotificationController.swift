import Domain
import HTTPCore
import HTTPServer
import JSON

/// Notification preferences and the outbox (API.md §8).
struct NotificationController {
    let notifications: NotificationService

    static func json(_ preferences: [(NotificationGroup, Bool)]) -> JSONValue {
        .array(preferences.map { ["group": .string($0.0.rawValue), "subscribed": .bool($0.1)] })
    }

    /// `GET /secure/notifications/preferences` or `/secure/company/users/{userId}/notifications`.
    func get(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        Envelope.json(Self.json(try await notifications.preferences(of: try Self.userId(context), by: session)))
    }

    /// `PUT` of the same shape: `[{"group": "ORDERING", "subscribed": false}, ...]` (only the groups to change).
    func put(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let changes = try Self.changes(request)
        return Envelope.json(Self.json(try await notifications.setPreferences(of: try Self.userId(context), changes, by: session)))
    }

    /// `GET /secure/notifications/outbox[?state=PENDING|SENT|FAILED]`.
    func outbox(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let state = request.uri.queryValue("state")?.uppercased()
        if let state, !["PENDING", "SENT", "FAILED"].contains(state) { throw DomainError.invalid("state", "must be PENDING, SENT or FAILED") }
        let messages = try await notifications.outbox(by: session, state: state)
        return Envelope.json(.array(messages.map { m in
            ["id": .int(m.id), "messageId": .string(m.messageId), "companyId": .int(m.companyId), "userId": .int(m.userId),
             "recipient": .string(m.recipient), "event": .string(m.event), "group": .string(m.group), "subject": .string(m.subject),
             "body": .string(m.body), "state": .string(m.state), "attempts": .int(m.attempts),
             "nextAttemptDate": .int(m.nextAttemptDate), "lastError": .string(m.lastError), "createDate": .int(m.createDate),
             "sentDate": .int(m.sentDate)]
        }))
    }

    static func userId(_ context: RequestContext) throws -> Int64? {
        guard let text = context.parameters["id"] else { return nil }
        guard let id = Identifier.parse(text) else { throw DomainError.notFound("user \(text) not found") }
        return id
    }

    static func changes(_ request: HTTPRequest) throws -> [(NotificationGroup, Bool)] {
        guard request.headers["Content-Type"]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPError(.unsupportedMediaType, code: "unsupported_media_type", message: "send the body as Content-Type: application/json")
        }
        guard case .array(let items) = try JSONParser.parse(request.body) else {
            throw HTTPError(.badRequest, code: "wrong_type", message: "the body must be an array of {group, subscribed}")
        }
        var changes: [(NotificationGroup, Bool)] = []
        for (index, item) in items.enumerated() {
            guard case .string(let name)? = item["group"], case .bool(let on)? = item["subscribed"] else {
                throw HTTPError(.badRequest, code: "wrong_type", message: "item \(index) must be {\"group\": string, \"subscribed\": boolean}",
                                details: ["errors": [["field": .string("[\(index)]"), "message": "must be {group: string, subscribed: boolean}"]]])
            }
            guard let group = NotificationGroup(rawValue: name) else {
                throw DomainError.invalid("[\(index)].group", "must be one of \(NotificationGroup.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            changes.append((group, on))
        }
        return changes
    }
}
