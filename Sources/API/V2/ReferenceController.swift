import Domain
import HTTPCore
import HTTPServer
import JSON

/// Reference data on the v2 surface, in the shapes the Go SDK and the Python wrappers decode:
/// `/v3/locations`, `/v2/networkRegions`, `/v2/dropdowns/partner/megaports`, `/v2/product/ix/types`,
/// `/v2/ixp`.
struct ReferenceController {
    let locations: LocationService
    let marketplace: MarketplaceService
    let orders: OrderService

    static let statuses = ["Active", "Deployment", "Restricted", "Extended", "New", "Expired"]

    /// `GET /v3/locations[?locationStatuses=Active&locationStatuses=…]` (open).
    func locationsV3(_ request: HTTPRequest) async throws -> HTTPResponse {
        let wanted = request.uri.query.filter { $0.name == "locationStatuses" }.map(\.value)
        for status in wanted where !Self.statuses.contains(status) {
            throw DomainError.invalid("locationStatuses", "must be one of \(Self.statuses.joined(separator: ", "))")
        }
        let all = try await locations.locations().filter { wanted.isEmpty || wanted.contains($0.status) }
        return Envelope.success("Found \(all.count) locations", data: .array(all.map(Self.locationV3)))
    }

    /// A location as `LocationV3`: port speeds in both diversity zones, and cloud router speeds where the
    /// location is open for orders (no MVE here yet).
    static func locationV3(_ l: Location) -> JSONValue {
        let routers = l.status == "Active" ? MCROrder.speeds : []
        let zone: JSONValue = ["megaportSpeedMbps": .array(l.portSpeeds.map { .int(Int64($0)) }),
                               "mcrSpeedMbps": .array(routers.map { .int(Int64($0)) }),
                               "mveMaxCpuCoreCount": nil, "mveAvailable": false, "natGatewaySpeedMbps": []]
        return [
            "id": .int(l.id), "name": .string(l.name), "metro": .string(l.metro), "market": .string(l.market), "status": .string(l.status),
            "latitude": .double(l.latitude), "longitude": .double(l.longitude), "orderingMessage": nil,
            "address": ["street": .string(l.street), "suburb": .string(l.suburb), "city": .string(l.city), "state": .string(l.state),
                        "postcode": .string(l.postcode), "country": .string(l.countryName)],
            "dataCentre": ["id": .int(l.id), "name": .string(l.name)],
            "diversityZones": ["red": zone, "blue": zone],
            "productAddOns": ["crossConnect": ["available": true, "type": nil]],
        ]
    }

    /// `GET /v2/networkRegions` (open): MP1's countries with their market code as `prefix`.
    func networkRegions() async throws -> HTTPResponse {
        var countries: [(code: String, name: String, prefix: String, sites: Int)] = []
        for location in try await locations.locations() {
            if let index = countries.firstIndex(where: { $0.code == location.country }) {
                countries[index].sites += 1
            } else {
                countries.append((location.country, location.countryName, location.market, 1))
            }
        }
        let region: JSONValue = ["networkRegion": "MP1", "countries": .array(countries.sorted { $0.name < $1.name }.map {
            ["code": .string($0.code), "name": .string($0.name), "prefix": .string($0.prefix), "siteCount": .int(Int64($0.sites))]
        })]
        return Envelope.success("Found 1 network region", data: [region])
    }

    /// `GET /v2/dropdowns/partner/megaports[?connectType=&vxcPermitted=]`: marketplace ports, cloud providers'
    /// first (rank 1, others 10), then by title, so the Terraform provider's first match is stable.
    func partnerMegaports(_ request: HTTPRequest) async throws -> HTTPResponse {
        let connectType = request.uri.queryValue("connectType")
        let permitted = try request.uri.queryValue("vxcPermitted").map { text -> Bool in
            guard text == "true" || text == "false" else { throw DomainError.invalid("vxcPermitted", "must be true or false") }
            return text == "true"
        }
        var rows: [(rank: Int, title: String, value: JSONValue)] = []
        for provider in try await marketplace.providers() {
            let type = provider.autoApprove ? "AWS" : "DEFAULT"
            for port in provider.ports {
                guard connectType.map({ $0.uppercased() == type }) ?? true, permitted.map({ $0 == port.vxcPermitted }) ?? true else { continue }
                let rank = provider.autoApprove ? 1 : 10
                rows.append((rank, port.name, [
                    "connectType": .string(type), "productUid": .string(port.uid), "title": .string(port.name),
                    "companyUid": .string(provider.companyUid), "companyName": .string(provider.name), "diversityZone": "red",
                    "locationId": .int(port.location?.locationId), "speed": .int(port.speed.map(Int64.init)), "maxVxcSpeed": .int(port.speed.map(Int64.init)),
                    "rank": .int(Int64(rank)), "vxcPermitted": .bool(port.vxcPermitted),
                ]))
            }
        }
        rows.sort { ($0.rank, $0.title) < ($1.rank, $1.title) }
        return Envelope.success("Found \(rows.count) partner ports", data: .array(rows.map(\.value)))
    }

    /// `GET /v2/product/ix/types?locationId=`: the exchanges of that location's metro.
    func ixTypes(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let text = request.uri.queryValue("locationId") else { throw DomainError.invalid("locationId", "is required") }
        guard let locationId = Identifier.parse(text) else { throw DomainError.invalid("locationId", "must be a location id") }
        let list = try await orders.exchanges(locationId: locationId)
        return Envelope.success("Found \(list.count) IX types", data: .array(list.map {
            ["name": .string($0.name), "asn": .int($0.asn), "description": .string($0.description), "group_metro": .string($0.metro),
             "state": .string($0.state), "network_region": .string($0.networkRegion)]
        }))
    }

    /// `GET /v2/ixp`: every exchange with its peering networks.
    func ixp() async throws -> HTTPResponse {
        let list = try await locations.exchanges()
        return Envelope.success("Found \(list.count) exchanges", data: .array(list.map {
            ["id": .int($0.exchange.id), "asn": .int($0.exchange.asn), "name": .string($0.exchange.name), "metro": .string($0.exchange.metro),
             "ipv4_network": .string($0.ipv4), "ipv6_network": .string($0.ipv6)]
        }))
    }
}
