// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode is the default with tools 6.0.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "MegaportServer",
    products: [.executable(name: "megaport-server", targets: ["App"])],
    targets: [
        // System libraries from Debian (no Swift packages).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", providers: [.apt(["libcrypt-dev", "libssl-dev"])]),
        .systemLibrary(name: "CTLS", path: "Sources/CTLS", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPostgres", path: "Sources/CPostgres", providers: [.apt(["libpq-dev"])]),

        // HTTP: pure protocol (HTTPCore) below sockets and routing (HTTPServer).
        .target(name: "HTTPCore", swiftSettings: strict),
        .target(name: "HTTPServer", dependencies: ["HTTPCore", "JSON", "CLinux"], swiftSettings: strict),

        // JSON values, strict parser and writer; a leaf used by Domain and API.
        .target(name: "JSON", swiftSettings: strict),

        // An SMTP client (RFC 5321) for the mail worker, with STARTTLS and implicit TLS through OpenSSL.
        .target(name: "SMTP", dependencies: ["CTLS"], swiftSettings: strict),

        // Storage: engine-neutral connection, reader and writer protocols and errors; SQLite (the embedded
        // default) and PostgreSQL (several nodes on one database) implement them.
        .target(name: "Storage", swiftSettings: strict),
        .target(name: "SQLiteStorage", dependencies: ["Storage", "CSQLite"], swiftSettings: strict),
        .target(name: "PostgresStorage", dependencies: ["Storage", "CPostgres"], swiftSettings: strict),

        // The product's vocabulary (records, errors, ids), the repositories that hold every SQL
        // statement, and the product's rules over them.
        .target(name: "Model", dependencies: ["CCrypto"], swiftSettings: strict),
        .target(name: "Persistence", dependencies: ["Model", "Storage", "JSON"], swiftSettings: strict),
        .target(name: "Domain", dependencies: ["Model", "Persistence", "Storage", "CCrypto", "JSON", "SMTP"], swiftSettings: strict),

        // Where HTTP meets the domain, and the composition root.
        .target(name: "API", dependencies: ["HTTPServer", "Domain", "JSON", "CZlib"], swiftSettings: strict),
        .executableTarget(name: "App", dependencies: ["API", "SQLiteStorage", "PostgresStorage", "SMTP"], swiftSettings: strict),

        // Test support shared by the test targets: the conformance catalogue, a raw socket client, temp databases.
        .target(name: "TestSupport", dependencies: ["CLinux", "HTTPCore", "Storage", "SQLiteStorage", "PostgresStorage"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: strict),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "SQLiteStorage", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "Model", "Persistence", "Storage", "SQLiteStorage", "JSON", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "APITests", dependencies: ["API", "HTTPServer", "Domain", "Model", "Persistence", "Storage", "SQLiteStorage", "JSON", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "AppTests", dependencies: ["JSON", "TestSupport"], swiftSettings: strict),
    ]
)
