import Domain
import HTTPCore
import JSON
import Synchronization

/// Locations (API.md §3): the legacy dropdown and the v2 objects.
final class LocationController: Sendable {
    let service: LocationService
    /// The dropdown never changes while the server runs (locations change only by migration),
    /// so its bytes are built once.
    private let dropdownBytes = Mutex<[UInt8]?>(nil)

    init(service: LocationService) { self.service = service }

    /// `GET /secure/dropdowns/locations` → `[[id, name, state, country], ...]` ordered by id.
    func dropdown() async throws -> HTTPResponse {
        if let cached = dropdownBytes.withLock({ $0 }) { return .json(.ok, cached) }
        let rows = try await service.locations().map { location -> JSONValue in
            [.int(location.id), .string(location.name), .string(location.state), .string(location.country)]
        }
        let bytes = JSONWriter.bytes(.array(rows))
        dropdownBytes.withLock { $0 = bytes }
        return .json(.ok, bytes)
    }

    /// `GET /v2/locations` → the envelope with full location objects (research §2.5 field names).
    func v2Locations(_ request: HTTPRequest) async throws -> HTTPResponse {
        var locations = try await service.locations()
        if let metro = request.uri.queryValue("metro") {
            guard Self.isMetro(metro) else { throw DomainError.invalid("metro", "must be a metro name such as Sydney") }
            locations = locations.filter { $0.metro == metro }
        }
        if let country = request.uri.queryValue("country") {
            guard country.utf8.count == 2, country.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
                throw DomainError.invalid("country", "must be a two-letter country code such as AU")
            }
            locations = locations.filter { $0.country == country.uppercased() }
        }
        return Envelope.success("Found \(locations.count) locations", data: .array(locations.map(Self.object)))
    }

    /// A location as the legacy list shows it; cloud routers (`mcr`, `vRouterAvailable`) wherever it is open for orders.
    static func object(_ l: Location) -> JSONValue {
        let routers = l.status == "Active"
        let address: JSONValue = ["street": .string(l.street), "suburb": .string(l.suburb), "city": .string(l.city),
                                  "state": .string(l.state), "postcode": .string(l.postcode), "country": .string(l.countryName)]
        return [
            "id": .int(l.id), "name": .string(l.name), "country": .string(l.countryName), "countryCode": .string(l.country),
            "metro": .string(l.metro), "market": .string(l.market), "siteCode": .string(l.siteCode),
            "networkRegion": .string(l.networkRegion), "status": .string(l.status), "address": address,
            "latitude": .double(l.latitude), "longitude": .double(l.longitude), "liveDate": .int(l.liveDate),
            "products": ["megaport": .array(l.portSpeeds.map { .int($0 / 1000) }), "mcr": .bool(routers),
                         "mcrVersion": 2, "mcr2": .array((routers ? MCROrder.speeds : []).map { .int(Int64($0)) })],
            "availableSpeeds": .array(l.availableSpeeds.map { .int($0) }), "vRouterAvailable": .bool(routers),
        ]
    }

    /// A letter, then up to 63 letters, spaces, dots, apostrophes or hyphens (as the OpenAPI pattern says).
    static func isMetro(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64, Self.isLetter(first) else { return false }
        return bytes.dropFirst().allSatisfy { Self.isLetter($0) || $0 == 0x20 || $0 == 0x2E || $0 == 0x27 || $0 == 0x2D }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
