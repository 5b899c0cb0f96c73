// swift-tools-version:6.0
// The front-end fuzz target: libFuzzer over SchemagenCore. Run it with Fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "SchemagenFuzz",
    dependencies: [.package(name: "schemagen", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzSchema",
            dependencies: [.product(name: "SchemagenCore", package: "schemagen")]
        ),
    ]
)
