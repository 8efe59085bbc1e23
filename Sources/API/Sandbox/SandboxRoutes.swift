import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/sandbox/…`: the controls a test harness uses, registered only when the server runs as a sandbox
/// (under `serve` every one of them is 404). Any user's token may call them; errors use the legacy
/// envelope. docs/sandbox.md describes each.
struct SandboxRoutes: APISurface {
    let app: Application
    let sandbox: Sandbox

    func render(_ error: HTTPError, traceId: String) -> HTTPResponse { ErrorMapping.render(error, traceId: traceId) }

    /// Not in `/openapi.json`: the document describes the product, which these routes are not part of.
    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { [] }

    func register(_ router: inout RouteGroup) {
        let sandbox = self.sandbox
        // The answer holds nothing that varies between runs (a seeded sandbox repeats bodies byte for byte).
        router.session(.post, "/sandbox/reset", changesState: true) { _, _, _ in
            try await sandbox.reset()
            return Envelope.json(["reset": true, "clock": Self.clock(sandbox)])
        }
        router.session(.get, "/sandbox/clock") { _, _, _ in Envelope.json(Self.clock(sandbox)) }
        router.session(.post, "/sandbox/clock", changesState: true) { request, _, _ in
            let body = try JSONBody.parse(request)
            let advance = body.int("advanceMs"), instant = body.int("now")
            try body.finish()
            try await sandbox.moveClock(by: advance, to: instant)
            return Envelope.json(Self.clock(sandbox))
        }
        router.session(.post, "/sandbox/provisioning/flush", changesState: true) { _, _, _ in
            try await sandbox.flushProvisioning()
            return Envelope.json(Self.clock(sandbox))
        }
        router.session(.get, "/sandbox/mail") { _, _, _ in
            let messages = try await sandbox.capturedMail()
            return Envelope.json(["messages": .array(messages.map { Self.mail($0, from: sandbox.mailFrom) })])
        }
        router.session(.delete, "/sandbox/mail", changesState: true) { _, _, _ in
            Envelope.json(["deleted": .int(Int64(try await sandbox.clearMail()))])
        }
        router.session(.get, "/sandbox/faults") { _, _, _ in Self.faults(sandbox) }
        router.session(.post, "/sandbox/faults", changesState: true) { request, _, _ in
            let body = try JSONBody.parse(request)
            let kindText = body.requireString("kind"), count = body.int("count") ?? 1, delay = body.int("delayMs") ?? 0
            let routes = body.strings("routes")
            try body.finish()
            sandbox.faults.add(try FaultQueue.Fault(kindName: kindText, count: Int(clamping: count), delayMillis: Int(clamping: delay), routes: routes))
            return Self.faults(sandbox, status: .created)
        }
        router.session(.delete, "/sandbox/faults", changesState: true) { _, _, _ in
            sandbox.faults.clear()
            return Self.faults(sandbox)
        }
    }

    static func clock(_ sandbox: Sandbox) -> JSONValue {
        let clock = sandbox.clock
        return ["now": .int(clock.now), "date": .string(CalendarDate.day(clock.now)), "frozen": .bool(clock.frozen)]
    }

    static func faults(_ sandbox: Sandbox, status: HTTPStatus = .ok) -> HTTPResponse {
        Envelope.json(["faults": .array(sandbox.faults.pending.map { fault in
            ["kind": .string(fault.kind.rawValue), "remaining": .int(Int64(fault.remaining)), "delayMs": .int(Int64(fault.delayMillis)),
             "routes": .array(fault.routes.map { .string($0) })]
        })], status: status)
    }

    /// One captured email: who it is for, what it says, and the header fields it would be sent with.
    static func mail(_ row: OutboxMessage, from: String) -> JSONValue {
        var headers = JSONObject()
        for field in MailWorker.headerFields(row, from: from) { headers[field.name] = .string(field.value) }
        return ["id": .int(row.id), "to": .string(row.recipient), "subject": .string(row.subject), "body": .string(row.body),
                "event": .string(row.event), "group": .string(row.group), "date": .int(row.createDate), "headers": .object(headers)]
    }
}
