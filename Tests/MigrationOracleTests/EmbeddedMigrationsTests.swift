import DatabaseTestSupport
import Foundation
import GRDB
import PostgresNIO
import SchemagenTestSupport
import Testing
import WorkflowRecords

/// The migrations that `Generated/Swift` embeds for applications (issue: Swift records), applied
/// the way an application applies them: GRDB's `DatabaseMigrator` on SQLite, the generated
/// `PostgresMigrations.migrate` on PostgreSQL. Each must give the catalog of the fresh DDL, keep
/// the rows of a database populated between migrations, and be applied once only.
@Suite("Embedded migrations on the real engines", .serialized)
struct EmbeddedMigrationsTests {
    static func generated(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Generated/" + path), encoding: .utf8)
    }

    /// The stems of the committed `.up.sql` files of one dialect, in order.
    static func committedIdentifiers(_ dialect: String) throws -> [String] {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Generated/migrations/" + dialect)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".up.sql") }.sorted().map { String($0.dropLast(".up.sql".count)) }
    }

    /// Rows in the tables the second migration rebuilds (projects) and in a child of them (tasks),
    /// written in the first migration's shape.
    static let rows = """
    INSERT INTO users (id) VALUES ('me');
    INSERT INTO projects (id, name, settings) VALUES ('00000000-0000-4000-8000-000000000001', 'Alpha ✓', '{"k": [1, 2]}');
    INSERT INTO tasks (id, project_id, title) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'it''s; a task');
    """
    static let rowQueries = [
        "SELECT CAST(id AS TEXT), name, CAST(settings AS TEXT) FROM projects ORDER BY id",
        "SELECT CAST(id AS TEXT), CAST(project_id AS TEXT), title FROM tasks ORDER BY id",
    ]

    // MARK: SQLite through GRDB's DatabaseMigrator

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        Workflow.SQLiteMigrations.register(in: &migrator)
        return migrator
    }

    @Test("SQLite: DatabaseMigrator applies SQLiteMigrations to an empty database and gets the fresh DDL's catalog")
    func sqliteFromEmpty() throws {
        #expect(Workflow.SQLiteMigrations.all.map(\.identifier) == (try Self.committedIdentifiers("sqlite")))
        let fresh = try SQLiteEngine()
        try fresh.run(try Self.generated("sqlite/schema.sql"))
        let migrated = try SQLiteEngine()
        try Self.migrator().migrate(migrated.db)
        let applied = try migrated.db.read { db in try Self.migrator().appliedIdentifiers(db) }
        #expect(applied == Set(Workflow.SQLiteMigrations.all.map(\.identifier)))
        let catalog = try migrated.catalog().filter { !$0.contains("grdb_migrations") }
        #expect(catalog == (try fresh.catalog()))
        // Applied once: a second run has nothing to do.
        try Self.migrator().migrate(migrated.db)
        #expect(try migrated.db.read { db in try Self.migrator().appliedIdentifiers(db) } == applied)
    }

    @Test("SQLite: rows written after the first migration survive the rest (a table rebuild among them)")
    func sqlitePopulated() throws {
        let identifiers = Workflow.SQLiteMigrations.all.map(\.identifier)
        try #require(identifiers.count >= 2)
        let migrated = try SQLiteEngine()
        try Self.migrator().migrate(migrated.db, upTo: identifiers[0])
        try migrated.run(Self.rows)
        let before = try Self.rowQueries.map(migrated.rows)
        try Self.migrator().migrate(migrated.db)
        #expect(try Self.rowQueries.map(migrated.rows) == before)
        #expect(try migrated.rows("PRAGMA foreign_key_check").isEmpty)
        let fresh = try SQLiteEngine()
        try fresh.run(try Self.generated("sqlite/schema.sql"))
        #expect(try migrated.catalog().filter { !$0.contains("grdb_migrations") } == (try fresh.catalog()))
    }

    // MARK: PostgreSQL through the generated runner

    static func withEngines(_ body: (_ fresh: PostgresEngine, _ migrated: PostgresEngine) async throws -> Void) async throws {
        let fresh = try await PostgresEngine.make(name: "schemagen_embedded_fresh")
        let migrated = try await PostgresEngine.make(name: "schemagen_embedded_migrated")
        do {
            try await fresh.runScript(try generated("postgres/schema.sql"), schema: "public")
            try await body(fresh, migrated)
        } catch {
            try? await fresh.close()
            try? await migrated.close()
            throw error
        }
        try await fresh.close()
        try await migrated.close()
    }

    static func catalog(_ engine: PostgresEngine) async throws -> Catalog {
        try await engine.catalog(schema: "public").filter { !$0.contains("schemagen_migrations") }
    }

    @Test("PostgreSQL: PostgresMigrations.migrate applies every migration to an empty database, the fresh DDL's catalog; a second run applies none")
    func postgresFromEmpty() async throws {
        #expect(Workflow.PostgresMigrations.all.map(\.identifier) == (try Self.committedIdentifiers("postgres")))
        try await Self.withEngines { fresh, migrated in
            let logger = migrated.connection.logger
            let applied = try await Workflow.PostgresMigrations.migrate(on: migrated.connection, logger: logger)
            #expect(applied == Workflow.PostgresMigrations.all.map(\.identifier))
            #expect(try await Self.catalog(migrated) == (try await Self.catalog(fresh)))
            #expect(try await Workflow.PostgresMigrations.migrate(on: migrated.connection, logger: logger) == [])
            let recorded = try await migrated.texts("SELECT identifier FROM schemagen_migrations ORDER BY identifier").map { $0[0] ?? "" }
            #expect(recorded == applied)
        }
    }

    @Test("PostgreSQL: on a database at the first migration with rows, only the rest is applied and the rows are kept")
    func postgresPopulated() async throws {
        let first = try #require(Workflow.PostgresMigrations.all.first?.identifier)
        try await Self.withEngines { fresh, migrated in
            // The state an application that ran the first migration is in.
            try await migrated.runScript(try Self.generated("migrations/postgres/\(first).up.sql"), schema: "public")
            try await migrated.execute("CREATE TABLE schemagen_migrations (identifier text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            try await migrated.execute("INSERT INTO schemagen_migrations (identifier) VALUES ('\(first)')")
            try await migrated.runScript(Self.rows, schema: "public")
            var before: [[[String?]]] = []
            for q in Self.rowQueries { before.append(try await migrated.texts(q)) }
            let applied = try await Workflow.PostgresMigrations.migrate(on: migrated.connection, logger: migrated.connection.logger)
            #expect(applied == Array(Workflow.PostgresMigrations.all.map(\.identifier).dropFirst()))
            var after: [[[String?]]] = []
            for q in Self.rowQueries { after.append(try await migrated.texts(q)) }
            #expect(after == before)
            #expect(try await Self.catalog(migrated) == (try await Self.catalog(fresh)))
        }
    }

    @Test("PostgreSQL: two processes migrating one database at once: the lock lets one apply everything, the other nothing")
    func postgresConcurrent() async throws {
        try await Self.withEngines { fresh, migrated in
            let other = try await PostgresEngine.connect(database: migrated.database)
            let logger = migrated.connection.logger
            async let first = Workflow.PostgresMigrations.migrate(on: migrated.connection, logger: logger)
            async let second = Workflow.PostgresMigrations.migrate(on: other, logger: logger)
            let results = try await [first, second]
            try await other.close()
            let all = Workflow.PostgresMigrations.all.map(\.identifier)
            #expect(results.sorted { $0.count < $1.count } == [[], all])
            #expect(try await Self.catalog(migrated) == (try await Self.catalog(fresh)))
        }
    }

    @Test("PostgreSQL: a failing statement rolls its migration back, records nothing, releases the lock and is thrown")
    func postgresFailure() async throws {
        try await Self.withEngines { _, migrated in
            // A table in the way of the first migration's CREATE TABLE organizations.
            try await migrated.execute("CREATE TABLE organizations (x int)")
            await #expect(throws: (any Error).self) {
                try await Workflow.PostgresMigrations.migrate(on: migrated.connection, logger: migrated.connection.logger)
            }
            #expect(try await migrated.texts("SELECT count(*)::text FROM schemagen_migrations") == [["0"]])
            // Statements before the failing one were rolled back with it.
            #expect(try await migrated.texts("SELECT count(*)::text FROM pg_type WHERE typname = 'user_role'") == [["0"]])
            #expect(try await migrated.texts("SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory'") == [["0"]])
            // The connection is usable and the obstacle removed, the same call succeeds.
            try await migrated.execute("DROP TABLE organizations")
            let applied = try await Workflow.PostgresMigrations.migrate(on: migrated.connection, logger: migrated.connection.logger)
            #expect(applied == Workflow.PostgresMigrations.all.map(\.identifier))
        }
    }
}
