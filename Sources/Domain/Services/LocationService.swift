import Model
import Persistence
import Storage

/// Data-centre locations (API.md §3). Locations change only by migration, so the list is read once;
/// port availability is read fresh for the full objects.
public final class LocationService: Sendable {
    let db: any DatabaseWriter

    /// A service over the database.
    public init(db: any DatabaseWriter) { self.db = db }

    /// Every location with current availability, ordered by id.
    public func locations() async throws -> [Location] {
        try await db.read { try LocationRepository.all($0) }
    }
}

extension LocationService {
    /// Every internet exchange with its peering networks (`GET /v2/ixp`).
    public func exchanges() async throws -> [ExchangeRepository.Listed] {
        try await db.read { try ExchangeRepository.all($0) }
    }
}
