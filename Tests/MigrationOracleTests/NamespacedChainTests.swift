import DatabaseTestSupport
import Foundation
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport
import Testing

/// A project whose schema sets `postgres.schema` to a name that needs quoting (`"Agentic Ops"`),
/// migrated in three steps (`Tests/Fixtures/namespaced`: v1.yaml, v2.yaml, schema.yaml; the
/// migrations and records that `schemagen migrate` wrote are in `Namespaced/`, kept current by
/// `schemagen check` in scripts/test.sh). Every session here starts with the search path `public`,
/// as a user's would, and nothing may end up there.
@Suite("A namespaced schema migrated in three steps on PostgreSQL", .serialized)
struct NamespacedChainTests {
    static let namespace = "Agentic Ops"
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/MigrationOracleTests/Namespaced")
    static let identifiers = ["0001_init", "0002_grow", "0003_rename"]

    static func file(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// The fresh DDL of a version of the schema, in a database of its own.
    static func freshCatalog(_ ddl: String) async throws -> Catalog {
        let fresh = try await PostgresEngine.make(name: "schemagen_chain_fresh")
        try await fresh.runScript(ddl, schema: "public")
        let catalog = try await fresh.catalog(schema: namespace)
        try await fresh.close()
        return catalog
    }

    static let rows = """
    SET search_path TO "Agentic Ops";
    INSERT INTO projects (id, name, rating) VALUES ('00000000-0000-4000-8000-000000000001', 'Alpha', 3), ('00000000-0000-4000-8000-000000000002', 'Beta', 5);
    INSERT INTO tasks (project_id, title, status) VALUES ('00000000-0000-4000-8000-000000000001', 'write it', 'open'), ('00000000-0000-4000-8000-000000000002', 'ship it', 'done');
    """

    static func projectRows(_ engine: PostgresEngine) async throws -> [[String?]] {
        try await engine.texts("SELECT id::text, name::text, rating::text, bumped::text FROM \"Agentic Ops\".projects ORDER BY id")
    }

    static func taskRows(_ engine: PostgresEngine, table: String, title: String) async throws -> [[String?]] {
        try await engine.texts("SELECT id::text, project_id::text, \(title), status::text FROM \"Agentic Ops\".\(table) ORDER BY id")
    }

    static func publicRelations(_ engine: PostgresEngine) async throws -> [[String?]] {
        try await engine.texts("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace")
    }

    @Test("psql: three up migrations from a session in public keep the rows and give the fresh DDL's catalog; the down files go back")
    func psqlChain() async throws {
        let engine = try await PostgresEngine.make(name: "schemagen_chain")
        try await engine.runScript(try Self.file("migrations/postgres/0001_init.up.sql"), schema: "public")
        try await engine.runScript(Self.rows, schema: "public")
        let projects = try await Self.projectRows(engine)
        let tasks = try await Self.taskRows(engine, table: "tasks", title: "title")
        #expect(projects.count == 2 && tasks.count == 2)
        for id in Self.identifiers.dropFirst() {
            try await engine.runScript(try Self.file("migrations/postgres/\(id).up.sql"), schema: "public")
        }
        #expect(try await engine.catalog(schema: Self.namespace) == (try await Self.freshCatalog(try Self.file("postgres/schema.sql"))))
        #expect(try await Self.projectRows(engine) == projects)
        #expect(try await Self.taskRows(engine, table: "work_items", title: "summary") == tasks)
        #expect(try await Self.publicRelations(engine).isEmpty)

        for id in Self.identifiers.dropFirst().reversed() {
            try await engine.runScript(try Self.file("migrations/postgres/\(id).down.sql"), schema: "public")
        }
        let v1 = try #require(Fixtures.compile(try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/namespaced/v1.yaml"), encoding: .utf8)).schema)
        #expect(try await engine.catalog(schema: Self.namespace) == (try await Self.freshCatalog(DDL.script(for: v1, dialect: .postgres, source: "v1.yaml"))))
        #expect(try await Self.projectRows(engine) == projects)
        #expect(try await Self.taskRows(engine, table: "tasks", title: "title") == tasks)
        #expect(try await Self.publicRelations(engine).isEmpty)
        try await engine.close()
    }

    @Test("The embedded runner, on a connection whose search path is public: the fresh DDL's catalog, its history in the namespace, the search path given back")
    func embeddedRunner() async throws {
        let engine = try await PostgresEngine.make(name: "schemagen_chain_runner")
        try await engine.execute("SET search_path TO public")
        let logger = engine.connection.logger
        #expect(try await Chain.PostgresMigrations.migrate(on: engine.connection, logger: logger) == Self.identifiers)
        #expect(try await engine.texts("SELECT current_setting('search_path')") == [["public"]])
        #expect(try await engine.texts("SELECT identifier FROM \"Agentic Ops\".schemagen_migrations ORDER BY identifier") == Self.identifiers.map { [$0] })
        #expect(try await Self.publicRelations(engine).isEmpty)
        let catalog = try await engine.catalog(schema: Self.namespace).filter { !$0.contains("schemagen_migrations") }
        #expect(catalog == (try await Self.freshCatalog(try Self.file("postgres/schema.sql"))))
        // Applied once: a second run, again from public, has nothing to do.
        try await engine.execute("SET search_path TO public")
        #expect(try await Chain.PostgresMigrations.migrate(on: engine.connection, logger: logger) == [])
        #expect(try await engine.texts("SELECT current_setting('search_path')") == [["public"]])
        try await engine.close()
    }
}
