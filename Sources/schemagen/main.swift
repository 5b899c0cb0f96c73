import ArgumentParser
import SchemagenCommands

/// The command line: the file commands (SchemagenCommands) plus those that read a live database
/// (`inspect`, `check --database`). The plugins run `schemagen-offline`, which has no database client.
struct Schemagen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemagen",
        abstract: "Generate SQLite and PostgreSQL DDL, migrations and Swift records from schema.yaml.",
        discussion: CommandLineMain.discussion,
        subcommands: CommandLineMain.fileCommands.map { ObjectIdentifier($0) == ObjectIdentifier(Check.self) ? DatabaseCheck.self : $0 } + [Inspect.self]
    )
}

CommandLineMain.run(Schemagen.self)
