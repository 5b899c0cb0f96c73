import DatabaseTestSupport
import Foundation
import GRDB
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport

/// The repository schema and the real databases built from its committed DDL
/// (`Generated/sqlite/schema.sql`, `Generated/postgres/schema.sql`).
enum RepositorySchema {
    static func compile() throws -> Schema {
        let compiled = SchemaCompiler.compile(rootPath: "schema.yaml", loader: Loader())
        guard let schema = compiled.schema else {
            throw SampleError("schema.yaml does not compile:\n" + compiled.diagnostics.sorted.map(\.description).joined(separator: "\n"))
        }
        return schema
    }

    static func generated(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Generated/" + path), encoding: .utf8)
    }

    struct Loader: SchemaFileLoader {
        func load(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: Fixtures.repositoryRoot.appendingPathComponent(path).path) else {
                throw SampleError("no such file: \(path)")
            }
            return [UInt8](data)
        }
    }
}

enum SQLiteDatabase {
    /// An in-memory SQLite with foreign keys on and the DDL applied.
    static func open(script: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try queue.writeWithoutTransaction { db in try db.execute(sql: script) }
        return queue
    }
}

/// A database of its own on the PostgreSQL server that scripts/test.sh starts, created for
/// one test and dropped after it (DatabaseTestSupport's `TestPostgres`).
enum PostgresDatabase {
    static var logger: Logger { TestPostgres.logger }

    /// Runs `body` on a fresh database holding the PostgreSQL DDL `script` (applied by psql,
    /// as the format says scripts run; PostgresNIO sends one statement per query).
    static func withSchema<T: Sendable>(_ script: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let server = try TestPostgres.fromEnvironment()
        return try await server.withFreshDatabase(prefix: "schemagen_records_") { connection, name in
            try await server.psql(script, database: name)
            return try await body(connection)
        }
    }

    static func execute(_ sql: String, on connection: PostgresConnection) async throws {
        try await connection.run(sql)
    }
}
