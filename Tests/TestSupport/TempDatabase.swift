import Foundation
import SQLiteStorage

/// A real SQLite file in a fresh temporary directory, migrated with the project's `Schema/`.
public struct TempDatabase: Sendable {
    public let directory: String
    public var path: String { directory + "/test.sqlite" }

    public init() throws {
        directory = NSTemporaryDirectory() + "megaport-storage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The repository's `Schema/` directory, found from this file's path.
    public static let schemaDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schema").path

    public func open() async throws -> SQLiteDatabase { try await SQLiteDatabase.open(path: path, schemaDirectory: Self.schemaDirectory) }

    public func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
