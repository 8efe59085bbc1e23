/// A data centre where ports can be ordered (API.md §3, research §2.5).
public struct Location: Sendable, Equatable {
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
