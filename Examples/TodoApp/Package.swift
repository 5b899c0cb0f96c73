// swift-tools-version:6.0
// An example consumer of schemagen: the TodoModel target's record types are generated at build
// time by SchemagenBuildPlugin from Sources/TodoModel/schema.yaml; nothing generated is committed.
import PackageDescription

let package = Package(
    name: "TodoApp",
    platforms: [.macOS(.v13)],
    dependencies: [
        // In your own package: .package(url: "<schemagen's git URL>", from: "<version>")
        .package(name: "schemagen", path: "../.."),
    ],
    targets: [
        .target(
            name: "TodoModel",
            plugins: [.plugin(name: "SchemagenBuildPlugin", package: "schemagen")]
        ),
        .testTarget(name: "TodoModelTests", dependencies: ["TodoModel"]),
    ]
)
