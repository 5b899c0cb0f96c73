import ArgumentParser
import SchemagenCommands

/// `schemagen` without the commands that connect to a database (`inspect`, `check --database`): the
/// tool the build plugin and the generate-schema plugin run, so that a package using the plugin
/// compiles no database client (no PostgresNIO, SwiftNIO or GRDB).
struct SchemagenOffline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemagen",
        abstract: "Generate SQLite and PostgreSQL DDL, migrations and Swift records from schema.yaml.",
        discussion: CommandLineMain.discussion,
        subcommands: CommandLineMain.fileCommands
    )
}

CommandLineMain.run(SchemagenOffline.self)
