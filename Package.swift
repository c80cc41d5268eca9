// swift-tools-version:6.1
import PackageDescription

/// The schema's migration files, `Migrations/NNNN_subject.sql`, each embedded in the binary so that a
/// copied `gazette` binary still knows its schema. Listed here (not read from the folder) because
/// SwiftPM caches the evaluated manifest: a new migration is a new file, a line here and a line in
/// `Migrations/Schema.swift` (a test fails when one is missing).
let migrationFiles = [
    "0001_base_tables.sql",
    "0002_public_views.sql",
    "0003_queries_and_docs.sql",
    "0004_import_speed.sql",
    "0005_query_speed.sql",
    "0006_entity_stats.sql",
    "0007_profile_pages.sql",
    "0008_alias_order.sql",
    "0009_alias_counts.sql",
    "0010_sentence_bytes.sql",
]

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Gazette", targets: ["Gazette"]),
        .executable(name: "gazette", targets: ["GazetteCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(
            name: "GazetteSchema",
            path: "Migrations",
            sources: ["Schema.swift"],
            resources: migrationFiles.map { .embedInCode($0) }
        ),
        .target(
            name: "GazetteSeeds",
            path: "seeds",
            exclude: ["documents"],
            sources: ["Seeds.swift"],
            resources: [.copy("rules"), .copy("reference")]
        ),
        // One C function: `sqlite3_config` is variadic, which Swift cannot call. DWARF 4: the
        // machine's valgrind (the profiler docs/performance.md relies on) cannot read clang's
        // default DWARF 5 and refuses the whole binary.
        .target(
            name: "CSQLiteSettings",
            cSettings: [.unsafeFlags(["-gdwarf-4"])],
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // SHA-256 rounds with the CPU's SHA extensions, for the document fingerprint.
        .target(
            name: "CSHA256",
            cSettings: [.unsafeFlags(["-gdwarf-4"])]
        ),
        // glibc's allocator settings for a bulk import (`mallopt` is not in Swift's Glibc module).
        .target(
            name: "CAllocatorSettings",
            cSettings: [.unsafeFlags(["-gdwarf-4"])]
        ),
        .target(
            name: "Gazette",
            dependencies: [
                "GazetteSchema",
                "CSQLiteSettings",
                "CSHA256",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for binding the import's hot inserts without per-row argument arrays.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "Gazette",
                "GazetteSeeds",
                "CAllocatorSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gazette-fuzz", dependencies: ["Gazette"], path: "Sources/GazetteFuzz"),
        .testTarget(
            name: "GazetteTests",
            dependencies: ["Gazette", "GazetteSchema", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GazetteCLITests",
            dependencies: ["GazetteCLI", "Gazette"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
