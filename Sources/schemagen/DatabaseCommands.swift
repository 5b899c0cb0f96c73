import ArgumentParser
import Foundation
import SchemagenCommands
import SchemagenCore
import SchemagenInspect

/// `schemagen inspect DATABASE [--namespace NAME]`: the database's schema.yaml on stdout, warnings on stderr.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the schema.yaml of an existing database (SQLite file, sqlite:PATH or postgres:// URL).",
        discussion: """
        What the format cannot express is kept as a raw sql: block and named in a warning on stderr.
        PG* environment variables fill in what a postgres:// URL leaves out. Exit 2 when the database
        cannot be read (one error line, nothing on stdout).
        """)

    @Argument(help: "A SQLite file, sqlite:PATH, or postgres://[user[:password]@][host][:port]/dbname[?host=/socket/dir].")
    var database: String

    @Option(help: "The PostgreSQL schema to read (default public); written as postgres.schema.")
    var namespace: String?

    func run() throws {
        let location = try DatabaseArgument.location(database)
        let inspection = try DatabaseArgument.wait { try await Inspector.inspect(location, namespace: namespace) }
        for warning in inspection.warnings { CLI.printError("warning: \(warning)") }
        CLI.writeStandardOutput(SchemaYAMLWriter.render(inspection.schema))
    }
}

/// `schemagen check`, and with `--database` the drift of a live database from the schema.
struct DatabaseCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 1 and print a diff when the output folder is stale, or with --database when the database differs from the schema. Writes nothing.",
        discussion: """
        With --database, only the database is compared (not the output folder or the migrations): the schema's
        DDL is built in a scratch database on the same engine and both are inspected. Exit 0 when they match;
        exit 1 listing each difference, then the SQL that brings the database to the schema; exit 2 on bad input.
        """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var swift: SwiftOptions

    @Option(help: "A SQLite file, sqlite:PATH, or postgres:// URL to compare with the schema.")
    var database: String?

    func run() throws {
        guard let database else { return try Check.checkOutputFolder(project: project, swift: swift) }
        let location = try DatabaseArgument.location(database)
        let schema: Schema
        do { schema = try CLI.compile(project.schema) } catch { throw ExitCode(2) }
        let drift = try DatabaseArgument.wait { try await Inspector.drift(of: location, from: schema) }
        if drift.isEmpty { return }
        CLI.writeStandardOutput(drift.report(database: location.display, schema: CLI.displayName(project.schema)))
        throw ExitCode(1)
    }
}

/// The DATABASE argument and the async work on it, for the synchronous commands.
enum DatabaseArgument {
    /// The parsed location, or one error line and exit 2.
    static func location(_ text: String) throws -> DatabaseLocation {
        do {
            return try DatabaseLocation.parse(text, environment: ProcessInfo.processInfo.environment)
        } catch let error as InspectError {
            CLI.printError("error: \(error)")
            throw ExitCode(2)
        }
    }

    /// Runs the async body to its end; an `InspectError` is one error line and exit 2.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        do {
            return try box.result!.get()
        } catch let error as InspectError {
            CLI.printError("error: \(error)")
            throw ExitCode(2)
        }
    }

    /// The result handed from the task to the waiting thread (the semaphore orders the accesses).
    final class ResultBox<T: Sendable>: @unchecked Sendable {
        var result: Result<T, Error>?
    }
}
