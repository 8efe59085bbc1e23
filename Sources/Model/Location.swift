/// A data centre where ports can be ordered (API.md §3, research §2.5).
public struct Location: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, name: String, siteCode: String, metro: String, state: String?, country: String, countryName: String, market: String, networkRegion: String, status: String, street: String, suburb: String?, city: String, postcode: String?, latitude: Double, longitude: Double, liveDate: Int64, portSpeeds: [Int], availableSpeeds: [Int]) {
        self.id = id
        self.name = name
        self.siteCode = siteCode
        self.metro = metro
        self.state = state
        self.country = country
        self.countryName = countryName
        self.market = market
        self.networkRegion = networkRegion
        self.status = status
        self.street = street
        self.suburb = suburb
        self.city = city
        self.postcode = postcode
        self.latitude = latitude
        self.longitude = longitude
        self.liveDate = liveDate
        self.portSpeeds = portSpeeds
        self.availableSpeeds = availableSpeeds
    }

    public let id: Int64
    public let name: String
    public let siteCode: String
    public let metro: String
    public let state: String?
    public let country: String
    public let countryName: String
    public let market: String
    public let networkRegion: String
    public let status: String
    public let street: String
    public let suburb: String?
    public let city: String
    public let postcode: String?
    public let latitude: Double
    public let longitude: Double
    public let liveDate: Int64
    /// Port speeds (Mbps) with interfaces installed here.
    public let portSpeeds: [Int]
    /// Port speeds with at least one free interface right now.
    public let availableSpeeds: [Int]
}
