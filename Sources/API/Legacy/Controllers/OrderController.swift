import Domain
import HTTPCore
import HTTPServer
import JSON

/// The ordering endpoints (API.md §4–6).
struct OrderController {
    let orders: OrderService

    /// `["OK", "<serviceName>", "<serviceId>"]`, as the seed blog shows.
    static func receipt(_ r: OrderReceipt) -> HTTPResponse {
        Envelope.json(["OK", .string(r.name), .string(String(r.serviceId))])
    }

    func port(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let order = try OrderRequests.port(request)
        let key = try IdempotencyKey.request(request, session, encode: Self.receipt)
        return IdempotencyKey.response(try await orders.orderPort(order, by: session, idempotency: key), encode: Self.receipt)
    }

    func ix(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let (port, item) = try OrderRequests.ix(request)
        let key = try IdempotencyKey.request(request, session, encode: Self.receipt)
        return IdempotencyKey.response(try await orders.orderIX(portIdOrUid: port, item: item, by: session, idempotency: key),
                                       encode: Self.receipt)
    }

    static func vxcResponse(_ r: VXCOrderResult) -> HTTPResponse { Envelope.json(ServiceJSON.vxcOrder(r)) }

    func vxc(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let order = try OrderRequests.vxc(request)
        let key = try IdempotencyKey.request(request, session, encode: Self.vxcResponse)
        return IdempotencyKey.response(try await orders.orderVXC(order, by: session, idempotency: key), encode: Self.vxcResponse)
    }

    /// `GET /secure/dropdowns/ix?locationId=` → the exchanges of that location's metro (research §2.5 shape).
    func exchanges(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let text = request.uri.queryValue("locationId") else { throw DomainError.invalid("locationId", "is required") }
        guard let locationId = Identifier.parse(text) else {
            throw HTTPError(.badRequest, code: "wrong_type", message: "locationId must be a whole number",
                            details: ["errors": [["field": "locationId", "message": "must be a whole number"]]])
        }
        let list = try await orders.exchanges(locationId: locationId)
        return Envelope.json(.array(list.map {
            ["id": .int($0.id), "name": .string($0.name), "description": .string($0.description), "asn": .int($0.asn),
             "group_metro": .string($0.metro), "state": .string($0.state), "network_region": .string($0.networkRegion)]
        }))
    }
}
