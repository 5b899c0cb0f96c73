import ArgumentParser
import Foundation
import SchemagenCore

/// The command line: reads files, calls SchemagenCore, writes files. No schema logic lives here.
@main
struct Schemagen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemagen",
        abstract: "Generate SQLite and PostgreSQL DDL, migrations and Swift records from schema.yaml.",
        discussion: """
        Exit codes: 0 success, 1 check failed or change refused, 2 invalid input.
        Diagnostics go to stderr as path:line:column: error: message.
        """,
        subcommands: [Generate.self, Check.self, Migrate.self, Diff.self, SQL.self]
    )
}

/// Options shared by the commands that work on a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The root schema file.")
    var schema: String = "schema.yaml"

    @Option(name: .long, help: "The folder of generated files.")
    var output: String = "Generated"
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every generated file (DDL for each target) into the output folder.",
        discussion: "Files are written atomically, and only when their bytes change. Never creates migrations.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let schema = try CLI.compile(project.schema)
        let files = GeneratedFiles.render(schema, source: CLI.displayName(project.schema))
        for file in files {
            try CLI.writeIfChanged(file.contents, to: project.output + "/" + file.path)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 1 and print a diff when the output folder is stale. Writes nothing.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let schema = try CLI.compile(project.schema)
        var stale = false
        for file in GeneratedFiles.render(schema, source: CLI.displayName(project.schema)) {
            let path = project.output + "/" + file.path
            let current = (try? String(contentsOfFile: path, encoding: .utf8))
            if current != file.contents {
                stale = true
                if current == nil {
                    CLI.printError("\(path) is missing")
                } else {
                    CLI.printError(UnifiedDiff.diff(old: current!, new: file.contents, oldName: path, newName: path + " (expected)"))
                }
            }
        }
        if stale {
            CLI.printError("\(project.output)/ is stale: run `schemagen generate`.")
            throw ExitCode(1)
        }
    }
}

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the next numbered migration (up and down) per target dialect.")

    @Argument(help: "The migration's name, e.g. add_interfaces.")
    var name: String

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Allow changes that can lose data.")
    var allowDestructive = false

    func run() throws {
        CLI.printError("error: 'schemagen migrate' is not implemented yet")
        throw ExitCode(1)
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the migration from one schema file to another.")

    @Argument(help: "The schema before the change.")
    var from: String

    @Argument(help: "The schema after the change.")
    var to: String

    @Option(help: "sqlite or postgres.")
    var dialect: Dialect

    @Flag(help: "Print the reverse delta (TO back to FROM).")
    var down = false

    @Flag(help: "Allow changes that can lose data.")
    var allowDestructive = false

    func run() throws {
        CLI.printError("error: 'schemagen diff' is not implemented yet")
        throw ExitCode(1)
    }
}

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the full DDL of one schema for one dialect.")

    @Argument(help: "The root schema file.")
    var schema: String

    @Option(help: "sqlite or postgres.")
    var dialect: Dialect

    func run() throws {
        let compiled = try CLI.compile(schema)
        guard compiled.targets.contains(dialect) else {
            CLI.printError("\(schema): error: \(dialect.rawValue) is not one of the schema's targets (\(compiled.targets.map(\.rawValue).joined(separator: ", ")))")
            throw ExitCode(2)
        }
        CLI.writeStandardOutput(DDL.script(for: compiled, dialect: dialect, source: CLI.displayName(schema)))
    }
}

extension Dialect: ExpressibleByArgument {}
