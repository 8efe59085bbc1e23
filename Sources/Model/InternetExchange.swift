/// An internet exchange a port can join (`GET /secure/dropdowns/ix`).
public struct InternetExchange: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, name: String, description: String, metro: String, state: String?, networkRegion: String, asn: Int64) {
        self.id = id
        self.name = name
        self.description = description
        self.metro = metro
        self.state = state
        self.networkRegion = networkRegion
        self.asn = asn
    }

    public let id: Int64
    public let name: String
    public let description: String
    public let metro: String
    public let state: String?
    public let networkRegion: String
    public let asn: Int64
}
