// swift-tools-version:6.0
// An example consumer of schemagen: the TodoModel target's record types, with their GRDB
// conformances, columns, associations and embedded migrations, are generated at build time by
// SchemagenBuildPlugin from Sources/TodoModel/schema.yaml and Sources/TodoModel/migrations
// (written by `schemagen migrate NAME --only-migrations`); no generated Swift is committed.
import PackageDescription

let package = Package(
    name: "TodoApp",
    platforms: [.macOS(.v13)],
    dependencies: [
        // In your own package: .package(url: "<schemagen's git URL>", from: "<version>")
        .package(name: "schemagen", path: "../.."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "TodoModel",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            // The migrations are the plugin's input (embedded in the records), not sources.
            exclude: ["migrations"],
            plugins: [.plugin(name: "SchemagenBuildPlugin", package: "schemagen")]
        ),
        .testTarget(name: "TodoModelTests", dependencies: ["TodoModel", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
