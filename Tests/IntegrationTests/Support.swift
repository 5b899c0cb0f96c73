import DatabaseTestSupport
import Foundation
import GRDB
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport
import Testing

// Shared helpers of the integration tests: the schemas under test, a SQLite
// database per test (GRDB, in memory) and a fresh PostgreSQL database per
// test (PostgresNIO over the unix socket that scripts/test.sh exports).

/// A failure with a readable message (thrown, so a test stops at the first one).
struct IntegrationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Schemas

enum Schemas {
    /// File names of the example schemas (`01_basics.yaml`, ...), sorted.
    static let exampleNames: [String] = Fixtures.exampleNames

    /// Compiles `Tests/Fixtures/examples/<name>`; throws with every diagnostic when it has errors.
    static func example(_ name: String) throws -> Schema {
        try require(Fixtures.compile(Fixtures.folder.appendingPathComponent("examples/\(name)")), what: "examples/\(name)")
    }

    /// Compiles inline YAML (root file `schema.yaml`).
    static func inline(_ text: String, files: [String: String] = [:]) throws -> Schema {
        try require(Fixtures.compile(text, files: files), what: "the inline schema")
    }

    /// The repository's own `schema.yaml` with its modules, read as the CLI reads it from the repository root.
    static func repository() throws -> Schema {
        try require(Fixtures.compileRepositorySchema(), what: "schema.yaml")
    }

    static func require(_ compiled: CompiledSchema, what: String) throws -> Schema {
        guard let schema = compiled.schema else {
            let messages = compiled.diagnostics.sorted.map(\.description).joined(separator: "\n")
            throw IntegrationFailure("\(what) does not compile:\n\(messages)")
        }
        return schema
    }

    /// The full DDL, as `schemagen sql` prints it (the header names the file only).
    static func ddl(_ schema: Schema, _ dialect: Dialect, source: String = "schema.yaml") -> String {
        DDL.script(for: schema, dialect: dialect, source: source)
    }
}

// MARK: - SQLite

enum SQLiteEngine {
    /// A new in-memory database with foreign keys on and the schema's DDL applied.
    static func open(_ schema: Schema) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try apply(Schemas.ddl(schema, .sqlite), to: queue)
        return queue
    }

    /// Runs a whole script on a connection with foreign keys on and no outer transaction.
    static func apply(_ script: String, to queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            do {
                try db.execute(sql: script)
            } catch {
                throw IntegrationFailure("the SQLite DDL does not apply: \(error)")
            }
        }
    }

    /// Runs `sql` and expects it to fail with the given extended result code
    /// (SQLITE_CONSTRAINT_CHECK, _NOTNULL, _UNIQUE, _FOREIGNKEY, ...).
    static func expectViolation(_ code: ResultCode, _ sql: String, in queue: DatabaseQueue, message: String? = nil,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
            Issue.record("SQLite accepted, but should reject with \(code): \(sql)", sourceLocation: sourceLocation)
        } catch let error as DatabaseError {
            #expect(error.extendedResultCode == code, "SQLite rejected with \(error.extendedResultCode) (\(error.message ?? "")), expected \(code): \(sql)", sourceLocation: sourceLocation)
            if let message {
                #expect(error.message?.contains(message) == true, "SQLite said \(error.message ?? "nothing"), expected \(message): \(sql)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error) from: \(sql)", sourceLocation: sourceLocation)
        }
    }

    /// A foreign key whose action is RESTRICT stops the statement at once;
    /// SQLite reports that as a trigger-style constraint error.
    static func expectRestrict(_ sql: String, in queue: DatabaseQueue, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectViolation(.SQLITE_CONSTRAINT_TRIGGER, sql, in: queue, message: "FOREIGN KEY constraint failed", sourceLocation: sourceLocation)
    }

    /// The values of the first column, as optional strings.
    static func strings(_ sql: String, in queue: DatabaseQueue) throws -> [String?] {
        try queue.read { db in try String?.fetchAll(db, sql: sql) }
    }

    static func string(_ sql: String, in queue: DatabaseQueue) throws -> String? {
        try queue.read { db in try String?.fetchOne(db, sql: sql) ?? nil }
    }

    static func int(_ sql: String, in queue: DatabaseQueue) throws -> Int? {
        try queue.read { db in try Int?.fetchOne(db, sql: sql) ?? nil }
    }

    static func execute(_ sql: String, in queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}

// MARK: - PostgreSQL

/// A connection to a database of its own, created for one test and dropped after it
/// (the plumbing is DatabaseTestSupport's `TestPostgres`).
final class PGTestDatabase: Sendable {
    let server: TestPostgres
    let name: String
    let connection: PostgresConnection

    private init(server: TestPostgres, name: String, connection: PostgresConnection) {
        self.server = server
        self.name = name
        self.connection = connection
    }

    /// Tests run in parallel; a bounded number of databases at a time keeps the
    /// connection count well under the server's max_connections.
    private static let openDatabases = AsyncLimit(6)

    /// Runs `body` with a new, empty database, dropped afterwards whatever happens.
    static func withFresh<T: Sendable>(_ body: (PGTestDatabase) async throws -> T) async throws -> T {
        let server = try TestPostgres.fromEnvironment()
        await openDatabases.acquire()
        do {
            let result = try await server.withFreshDatabase(prefix: "schemagen_test_") { connection, name in
                try await body(PGTestDatabase(server: server, name: name, connection: connection))
            }
            await openDatabases.release()
            return result
        } catch {
            await openDatabases.release()
            throw error
        }
    }

    /// Applies a multi-statement script through psql, as the format says scripts run.
    func apply(_ script: String) async throws {
        do {
            try await server.psql(script, database: name)
        } catch {
            throw IntegrationFailure("the PostgreSQL script does not apply: \(error)")
        }
    }

    // MARK: Statements

    /// Runs one statement and returns every row, each cell as text (NULL as nil).
    /// Cast non-text columns with `::text` in the query.
    @discardableResult
    func rows(_ sql: String) async throws -> [[String?]] {
        try await connection.texts(sql)
    }

    func execute(_ sql: String) async throws {
        try await rows(sql)
    }

    /// The first column of every row.
    func strings(_ sql: String) async throws -> [String?] {
        try await rows(sql).map { $0.first ?? nil }
    }

    /// The first column of the first row.
    func string(_ sql: String) async throws -> String? {
        try await rows(sql).first?.first ?? nil
    }

    /// Runs `sql` and expects the server to reject it with `sqlState`
    /// (23502 not null, 23514 check, 23505 unique, 23503 foreign key, 22P02 invalid text).
    func expectError(_ sqlState: String, _ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        do {
            try await execute(sql)
            Issue.record("PostgreSQL accepted, but should reject with SQLSTATE \(sqlState): \(sql)", sourceLocation: sourceLocation)
        } catch let error as PSQLError {
            let state = error.serverInfo?[.sqlState]
            #expect(state == sqlState, "PostgreSQL rejected with SQLSTATE \(state ?? "none") (\(error.serverInfo?[.message] ?? String(reflecting: error))), expected \(sqlState): \(sql)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(String(reflecting: error)) from: \(sql)", sourceLocation: sourceLocation)
        }
    }
}

// MARK: - Shapes of values

enum Shapes {
    /// A version-4 UUID as 36 lowercase characters.
    static func isLowercaseUUIDv4(_ s: String) -> Bool {
        let pattern = #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#
        return s.range(of: pattern, options: .regularExpression) != nil
    }

    /// The timestamp text form of the format: `YYYY-MM-DDTHH:MM:SS.SSSZ`.
    static func isTimestampText(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) != nil
    }

    /// The datetime text form: `YYYY-MM-DD HH:MM:SS.SSS`.
    static func isDatetimeText(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$"#, options: .regularExpression) != nil
    }
}
