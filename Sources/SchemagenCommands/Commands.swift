import ArgumentParser
import Foundation
import SchemagenCore

/// Runs a root command: usage errors exit 2 like every other invalid input (ArgumentParser's own
/// code is 64); the CLI's own I/O failures are one `error:` line naming the path and the reason, exit 1.
/// Shared by the two executables, `schemagen` (with the database commands) and `schemagen-offline`
/// (what the plugins run, without a database client).
public enum CommandLineMain {
    public static func run(_ root: ParsableCommand.Type) -> Never {
        do {
            var command = try root.parseAsRoot()
            try command.run()
            exit(0)
        } catch let failure as CLIError {
            CLI.printError("error: \(failure)")
            exit(1)
        } catch {
            if root.exitCode(for: error) == .validationFailure {
                CLI.printError(root.fullMessage(for: error))
                exit(2)
            }
            root.exit(withError: error)
        }
    }

    /// The commands that work on files only: all of them but those that connect to a database.
    public static let fileCommands: [ParsableCommand.Type] = [Generate.self, Check.self, Migrate.self, Diff.self, SQL.self, SwiftCommand.self]

    /// The exit codes and diagnostics, as every root command's help states them.
    public static let discussion = """
        Exit codes: 0 success, 1 check failed, change refused or an output file not written, 2 invalid input.
        Diagnostics go to stderr as path:line:column: error: message.
        """
}

/// Options shared by the commands that work on a project.
public struct ProjectOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: "The root schema file.")
    public var schema: String = "schema.yaml"

    @Option(name: .long, help: "The folder of generated files.")
    public var output: String = "Generated"

    /// The migration folders: `<output>/migrations/<dialect>/`.
    public var migrations: String { output + "/migrations" }
}

public struct Generate: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Write every generated file (DDL for each target, Swift records) into the output folder.",
        discussion: """
        Files are written atomically, and only when their bytes change. Never creates migrations; the Swift
        records embed the up migrations that <output>/migrations/ holds.
        """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var swift: SwiftOptions

    public func run() throws {
        let (_, files) = try CLI.renderGeneratedFiles(schemaPath: project.schema, options: swift) { schema in
            CLI.migrationDirectories(in: project.migrations, for: schema)
        }
        for file in files {
            try CLI.writeIfChanged(file.contents, to: project.output + "/" + file.path)
        }
    }
}

public struct Check: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Exit 1 and print a diff when the output folder is stale. Writes nothing.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var swift: SwiftOptions

    public func run() throws { try Self.checkOutputFolder(project: project, swift: swift) }

    /// The check without a database: the output folder and the migrations against the schema.
    public static func checkOutputFolder(project: ProjectOptions, swift: SwiftOptions) throws {
        let (schema, files) = try CLI.renderGeneratedFiles(schemaPath: project.schema, options: swift) { schema in
            CLI.migrationDirectories(in: project.migrations, for: schema)
        }
        var stale = false
        for file in files {
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
        if stale { CLI.printError("\(project.output)/ is stale: run `schemagen generate`.") }
        // Migrations are verified once the project has any.
        var migrationsFailed = false
        if FileManager.default.fileExists(atPath: project.migrations) {
            for directory in CLI.migrationDirectories(in: project.migrations, for: schema) {
                let problems = directory.problems(for: schema)
                for p in problems { CLI.printError("error: \(p)") }
                if !problems.isEmpty { migrationsFailed = true }
            }
        }
        if stale || migrationsFailed { throw ExitCode(1) }
    }
}

public struct Migrate: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Write the next numbered migration (up and down) per target dialect.",
        discussion: """
        Computes the delta from the snapshot of the last migrated state (Generated/migrations/<dialect>/snapshot.json)
        to the current schema. The first migration is the whole schema. Changes that can lose data are refused
        (exit 1, hazards listed) unless --allow-destructive is given. Then rewrites the rest of the output
        folder as `generate` does, since the Swift records embed the migrations (not with --only-migrations).
        """)

    @Argument(help: "The migration's name, e.g. add_interfaces (letters, digits, underscores).")
    var name: String

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Allow changes that can lose data.")
    var allowDestructive = false

    @Flag(help: "PostgreSQL: build indexes CONCURRENTLY and add foreign keys and checks NOT VALID, then VALIDATE.")
    var onlineSafe = false

    @Flag(help: "Write the migration files only, not the rest of the output folder (for a schema whose Swift records the build plugin generates, with the migrations beside the schema).")
    var onlyMigrations = false

    @OptionGroup var swift: SwiftOptions

    public func validate() throws {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) else {
            throw ValidationError("the migration name must be letters, digits and underscores, e.g. add_interfaces")
        }
    }

    public func run() throws {
        let source = CLI.displayName(project.schema)
        var writes: [(String, String)] = []
        // The migrations are planned first; the Swift that embeds them is rendered from the folders
        // as they will be, and nothing is written until everything has been planned and rendered.
        let (_, files) = try CLI.renderGeneratedFiles(schemaPath: project.schema, options: swift) { schema in
            var refused = false
            var directories: [MigrationDirectory] = []
            for directory in CLI.migrationDirectories(in: project.migrations, for: schema) {
                let dialect = directory.dialect
                let folder = project.migrations + "/" + dialect.rawValue
                switch directory.migrate(to: schema, name: name, allowDestructive: allowDestructive, source: source,
                                         options: .init(onlineSafe: onlineSafe)) {
                case .unchanged:
                    CLI.printError("\(dialect.rawValue): no changes since the last migration; nothing to write.")
                    directories.append(directory)
                case .failed(let problems):
                    for p in problems { CLI.printError("error: \(p)") }
                    throw ExitCode(1)
                case .refused(let hazards):
                    refused = true
                    CLI.printError("error: \(dialect.rawValue): the change can lose data; refused without --allow-destructive:")
                    for h in hazards { CLI.printError("  \(h.code.rawValue): \(h.message)") }
                case .written(let files, let hazards):
                    for h in hazards { CLI.printError("\(dialect.rawValue): \(h.code.rawValue): \(h.message)") }
                    for (file, text) in files.sorted(by: { $0.key < $1.key }) { writes.append((folder + "/" + file, text)) }
                    directories.append(MigrationDirectory(dialect: dialect, files: files))
                }
            }
            // A refusal for one dialect writes nothing for any.
            if refused { throw ExitCode(1) }
            return directories
        }
        for (path, text) in writes { try CLI.writeIfChanged(text, to: path) }
        // The rest of Generated/, as `generate` writes it: the Swift embeds the new migration.
        if onlyMigrations { return }
        for file in files { try CLI.writeIfChanged(file.contents, to: project.output + "/" + file.path) }
    }
}

public struct Diff: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Print the migration from one schema file to another.")

    @Argument(help: "The schema before the change.")
    var from: String

    @Argument(help: "The schema after the change.")
    var to: String

    @Option(help: "sqlite or postgres.")
    var dialect: Dialect

    @Flag(help: "Print the reverse delta (TO back to FROM). Never refused.")
    var down = false

    @Flag(help: "Allow changes that can lose data.")
    var allowDestructive = false

    @Flag(help: "PostgreSQL: build indexes CONCURRENTLY and add foreign keys and checks NOT VALID, then VALIDATE.")
    var onlineSafe = false

    public func run() throws {
        let schemas = try CLI.compile([from, to])
        let plan = Migrator.plan(from: schemas[0], to: schemas[1], dialect: dialect, options: .init(onlineSafe: onlineSafe), down: down)
        if !plan.errors.isEmpty {
            for e in plan.errors { CLI.printError("error: \(e)") }
            throw ExitCode(1)
        }
        let refusals = down ? [] : plan.refusals(allowDestructive: allowDestructive)
        if !refusals.isEmpty {
            CLI.printError("error: the change can lose data; refused without --allow-destructive:")
            for h in refusals { CLI.printError("  \(h.code.rawValue): \(h.message)") }
            throw ExitCode(1)
        }
        let title = "schemagen diff \(down ? "(down) " : "")\(CLI.displayName(from)) -> \(CLI.displayName(to)) (\(dialect.displayName))"
        CLI.writeStandardOutput(plan.script(title: title))
        CLI.finish()
    }
}

public struct SQL: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Print the full DDL of one schema for one dialect.")

    @Argument(help: "The root schema file.")
    var schema: String

    @Option(help: "sqlite or postgres.")
    var dialect: Dialect

    public func run() throws {
        let compiled = try CLI.compile(schema)
        guard compiled.targets.contains(dialect) else {
            CLI.printError("\(schema): error: \(dialect.rawValue) is not one of the schema's targets (\(compiled.targets.map(\.rawValue).joined(separator: ", ")))")
            throw ExitCode(2)
        }
        let clock = ContinuousClock(), start = clock.now
        let text = DDL.script(for: compiled, dialect: dialect, source: CLI.displayName(schema))
        CLI.phases.append(("render_s", (clock.now - start).seconds))
        CLI.writeStandardOutput(text)
        CLI.finish()
    }
}

extension Dialect: ExpressibleByArgument {}
