// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "schemagen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schemagen", targets: ["schemagen"]),
        .executable(name: "schemagen-offline", targets: ["schemagen-offline"]),
        .library(name: "SchemagenCore", targets: ["SchemagenCore"]),
        .library(name: "WorkflowRecords", targets: ["WorkflowRecords"]),
        .plugin(name: "SchemagenBuildPlugin", targets: ["SchemagenBuildPlugin"]),
        .plugin(name: "GenerateSchemaPlugin", targets: ["GenerateSchemaPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The system libyaml, through pkg-config.
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // All the work: parse, validate, translate, render. No disk access.
        .target(
            name: "SchemagenCore",
            dependencies: ["CYaml"]
        ),
        // The commands that work on files (generate, check, migrate, diff, sql, swift): file I/O around
        // SchemagenCore, shared by the two executables below.
        .target(
            name: "SchemagenCommands",
            dependencies: [
                "SchemagenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Reads a live database's catalog into the model (SQLite through GRDB, PostgreSQL through PostgresNIO):
        // `schemagen inspect` and `schemagen check --database`.
        .target(
            name: "SchemagenInspect",
            dependencies: [
                "SchemagenCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The command line: the file commands plus the database commands (inspect, check --database).
        .executableTarget(
            name: "schemagen",
            dependencies: [
                "SchemagenCommands", "SchemagenInspect", "SchemagenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The file commands alone, without a database client: what the plugins run, so a package that
        // uses the build plugin compiles neither PostgresNIO, SwiftNIO nor GRDB.
        .executableTarget(
            name: "schemagen-offline",
            dependencies: [
                "SchemagenCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-tool plugin: a target's Swift records from the schema.yaml in its folder (`schemagen swift`).
        .plugin(name: "SchemagenBuildPlugin", capability: .buildTool(), dependencies: ["schemagen-offline"]),
        // `swift package generate-schema [--migrate NAME]`: `schemagen generate` (and `migrate`) into Generated/.
        .plugin(
            name: "GenerateSchemaPlugin",
            capability: .command(
                intent: .custom(verb: "generate-schema", description: "Regenerate Generated/ from schema.yaml (and write migration NAME with --migrate NAME)"),
                permissions: [.writeToPackageDirectory(reason: "schemagen writes the DDL, migrations and Swift records into Generated/")]
            ),
            dependencies: ["schemagen-offline"]
        ),
        // The Swift records `schemagen generate` writes for the repository's own schema, with their
        // GRDB and PostgresNIO integrations (schemagen-config.yaml). SchemagenCore depends on no database library.
        .target(
            name: "WorkflowRecords",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Generated/Swift"
        ),
        // Fixture paths and re-recordable reference files, shared by the test targets.
        .target(name: "SchemagenTestSupport", dependencies: ["SchemagenCore"], path: "Tests/SchemagenTestSupport"),
        // The PostgreSQL server scripts/test.sh starts: connections, throwaway databases, psql scripts.
        // Also the engines' catalog readers, shared by the migration oracle and the inspector's round trips.
        .target(
            name: "DatabaseTestSupport",
            dependencies: [
                "SchemagenCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/DatabaseTestSupport"
        ),
        // Unit, corpus and reference-file tests of the pure pipeline.
        .testTarget(name: "SchemagenCoreTests", dependencies: ["SchemagenCore", "SchemagenTestSupport"]),
        // The generated DDL applied to a real SQLite (through GRDB) and a real PostgreSQL (PostgresNIO).
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "SchemagenCore", "SchemagenTestSupport", "DatabaseTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // `inspect` and `check --database` on real engines: round trips of every example schema, drift, bad input
        // through the built binary, and the sample databases of ../shared/samples.
        .testTarget(
            name: "SchemagenInspectTests",
            dependencies: [
                "SchemagenInspect", "SchemagenCore", "SchemagenTestSupport", "DatabaseTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The generated records round-tripped through a real SQLite (GRDB) and a real PostgreSQL (PostgresNIO).
        .testTarget(
            name: "RecordsTests",
            dependencies: [
                "WorkflowRecords", "SchemagenCore", "SchemagenTestSupport", "DatabaseTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The build plugin on this package itself: records generated from Tests/PluginTests/schema.yaml at build
        // time (never from Generated/Swift: this target does not depend on WorkflowRecords), used through GRDB.
        .testTarget(
            name: "PluginTests",
            dependencies: ["SchemagenCore", .product(name: "GRDB", package: "GRDB.swift")],
            // The migrations beside schema.yaml are the plugin's input, not sources.
            exclude: ["migrations"],
            plugins: ["SchemagenBuildPlugin"]
        ),
        // The migration oracle: random schemas and edits, migrated on real engines and compared with fresh DDL;
        // and the repository's embedded migrations (WorkflowRecords) applied by GRDB and by the PostgreSQL runner.
        // Namespaced/ holds a namespaced project's migrations and the records that embed them (Swift compiled here).
        .testTarget(
            name: "MigrationOracleTests",
            dependencies: [
                "SchemagenCore", "SchemagenTestSupport", "DatabaseTestSupport", "WorkflowRecords",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Namespaced/migrations", "Namespaced/postgres", "Namespaced/sqlite"]
        ),
    ]
)
