// swift-tools-version:6.1
import Foundation
import PackageDescription

/// The schema's migration files, `Migrations/NNNN_subject.sql`, each embedded in the binary, so that
/// adding a migration means adding a file, and a copied `gazette` binary still knows its schema.
let migrationFiles: [String] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Migrations")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".sql") }.sorted()
}()

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
        .target(
            name: "Gazette",
            dependencies: [
                "GazetteSchema",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "Gazette",
                "GazetteSeeds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
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
