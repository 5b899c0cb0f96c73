// swift-tools-version:6.0
// An example consumer of schemagen, with two models whose records are generated at build time by
// SchemagenBuildPlugin from the schema.yaml and migrations/ (written by `schemagen migrate NAME
// --only-migrations`) in their folders; no generated Swift is committed.
// - TodoModel: an app's SQLite model, with the GRDB integration (conformances, columns,
//   associations, embedded migrations); tested in TodoModelTests.
// - KanbanModel: a server's PostgreSQL model in its own namespace, with the PostgresNIO
//   integration (find, fetch, insert, update, upsert, delete, embedded migrations); the
//   executable kanban-server migrates a database and uses it; tested in KanbanModelTests.
import PackageDescription

let package = Package(
    name: "TodoApp",
    platforms: [.macOS(.v13)],
    dependencies: [
        // In your own package: .package(url: "<schemagen's git URL>", from: "<version>")
        .package(name: "schemagen", path: "../.."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        .target(
            name: "KanbanModel",
            dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")],
            exclude: ["migrations"],
            plugins: [.plugin(name: "SchemagenBuildPlugin", package: "schemagen")]
        ),
        .executableTarget(name: "kanban-server", dependencies: ["KanbanModel", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "KanbanModelTests", dependencies: ["KanbanModel", .product(name: "PostgresNIO", package: "postgres-nio")]),
    ]
)
