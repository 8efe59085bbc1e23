import Domain
import HTTPCore
import HTTPServer
import JSON

/// The marketplace (API.md §10).
struct MarketplaceController {
    let marketplace: MarketplaceService

    static func json(_ p: MarketplaceProvider) -> JSONValue {
        ["companyId": .int(p.companyId), "companyUid": .string(p.companyUid), "name": .string(p.name),
         "description": .string(p.description), "contactEmail": .string(p.contactEmail), "visible": .bool(p.visible),
         "ports": .array(p.ports.map { port in
             ["id": .int(port.id), "productUid": .string(port.uid), "name": .string(port.name), "speed": .int(port.speed.map(Int64.init)),
              "locationId": .int(port.location?.locationId), "locationName": .string(port.location?.name),
              "metro": .string(port.location?.metro), "country": .string(port.location?.country), "vxcPermitted": .bool(port.vxcPermitted)]
         })]
    }

    func list() async throws -> HTTPResponse { Envelope.json(.array(try await marketplace.providers().map(Self.json))) }

    func updateProfile(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let name = body.string("name"), description = body.string("description"), email = body.string("contactEmail")
        let visible = body.bool("visible") ?? body.bool("marketplaceVisibility")
        try body.finish()
        return Envelope.json(Self.json(try await marketplace.updateProfile(name: name, description: description, contactEmail: email,
                                                                           visible: visible, by: session)))
    }
}
