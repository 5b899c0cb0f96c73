import DatabaseTestSupport
import Foundation
import SchemagenCore
import SchemagenInspect
import SchemagenTestSupport
import Testing

/// `check --database`: a freshly migrated database has no drift (with and without a namespace);
/// each change made by hand is reported exactly once, naming its object, and the printed SQL makes
/// the check pass.
@Suite struct DriftTests {
    static func schema(namespace: String? = nil) throws -> Schema {
        try InspectFixtures.compiled(Fixtures.compile("""
            schemagen: 1
            \(namespace.map { "postgres: { schema: \($0) }" } ?? "")
            enums:
              status: [open, closed]
            tables:
              projects:
                columns:
                  id: { type: bigserial, primary_key: true }
                  name: string(100)
                  status: { type: status, default: open }
                  priority: { type: int, default: 0, check: "priority BETWEEN 0 AND 10" }
                  created_at: { type: timestamp, default: now() }
                  updated_at: { type: timestamp, default: now(), auto_update: true }
                indexes:
                  - [name]
                  - { columns: [priority], where: "priority > 5" }
            """), what: "the drift schema")
    }

    /// A change made by hand: SQL for an engine, or (where SQLite can only rebuild the table) the planner's SQL for an edited model.
    enum Edit: String, CaseIterable, Sendable {
        case columnAdded, indexDropped, defaultChanged, checkChanged

        /// The object the one reported difference must name.
        var object: String {
            switch self {
            case .columnAdded: return "projects.note"
            case .indexDropped: return "idx_projects_name"
            case .defaultChanged: return "projects.priority"
            case .checkChanged: return "chk_projects_priority"
            }
        }

        func sql(_ schema: Schema, _ dialect: Dialect) -> String {
            switch self {
            case .columnAdded: return "ALTER TABLE projects ADD COLUMN note TEXT;"
            case .indexDropped: return "DROP INDEX idx_projects_name;"
            case .defaultChanged, .checkChanged:
                var edited = schema
                if self == .defaultChanged { edited.tables[0].columns[3].defaultValue = .number("5") }
                if self == .checkChanged { edited.tables[0].checks[0].expression = "priority BETWEEN 0 AND 5" }
                return Migrator.plan(from: schema, to: edited, dialect: dialect).script(title: "by hand")
            }
        }
    }

    /// The first migration, as `schemagen migrate init` writes it.
    static func migration(_ schema: Schema, _ dialect: Dialect) throws -> String {
        let outcome = MigrationDirectory(dialect: dialect, files: [:]).migrate(to: schema, name: "init", allowDestructive: false, source: "schema.yaml")
        guard case .written(let files, _) = outcome, let up = files.first(where: { $0.key.hasSuffix(".up.sql") })?.value else {
            throw InspectTestFailure("no first migration: \(outcome)")
        }
        return up
    }

    // MARK: SQLite

    @Test func freshSQLiteHasNoDrift() async throws {
        let schema = try Self.schema()
        let file = try SQLiteFile.with(try Self.migration(schema, .sqlite))
        let drift = try await Inspector.drift(of: .sqlite(path: file.path), from: schema)
        #expect(drift.differences == [])
        #expect(drift.reconcileSQL == "")
    }

    @Test(arguments: Edit.allCases)
    func sqliteEdit(_ edit: Edit) async throws {
        let schema = try Self.schema()
        let file = try SQLiteFile.with(try Self.migration(schema, .sqlite))
        try file.engine().run(edit.sql(schema, .sqlite))
        let drift = try await Inspector.drift(of: .sqlite(path: file.path), from: schema)
        try Self.expectOneDifference(drift, naming: edit.object)
        try file.engine().run(drift.reconcileSQL)
        let after = try await Inspector.drift(of: .sqlite(path: file.path), from: schema)
        #expect(after.differences == [], "the reconcile SQL left differences:\n\(drift.reconcileSQL)")
    }

    // MARK: PostgreSQL

    @Test(arguments: [nil, "drift space"] as [String?])
    func freshPostgresHasNoDrift(_ namespace: String?) async throws {
        let schema = try Self.schema(namespace: namespace.map { "\"\($0)\"" })
        try await PostgresEngine.withFresh("drift") { engine in
            try await engine.runScript(try Self.migration(schema, .postgres), schema: "public")
            let drift = try await Inspector.drift(of: .postgres(engine.location), from: schema)
            #expect(drift.differences == [])
        }
    }

    @Test(arguments: Edit.allCases, [nil, "drift_ns"] as [String?])
    func postgresEdit(_ edit: Edit, _ namespace: String?) async throws {
        let schema = try Self.schema(namespace: namespace)
        try await PostgresEngine.withFresh("drift") { engine in
            try await engine.runScript(try Self.migration(schema, .postgres), schema: "public")
            try await engine.runScript(edit.sql(schema, .postgres), schema: namespace ?? "public")
            let drift = try await Inspector.drift(of: .postgres(engine.location), from: schema)
            try Self.expectOneDifference(drift, naming: edit.object)
            try await engine.runScript(drift.reconcileSQL, schema: "public")
            let after = try await Inspector.drift(of: .postgres(engine.location), from: schema)
            #expect(after.differences == [], "the reconcile SQL left differences:\n\(drift.reconcileSQL)")
        }
    }

    // MARK: Declared triggers

    /// The drift schema with a declared trigger: the inspector keeps it (and, on PostgreSQL, its function)
    /// as a raw SQL block on both sides, so a trigger dropped by hand is one difference, and the
    /// reconcile SQL creates it again.
    static func triggerSchema() throws -> Schema {
        try InspectFixtures.compiled(Fixtures.compile("""
            schemagen: 1
            tables:
              orders:
                columns:
                  id:      { type: int, primary_key: true }
                  status:  string(20)
                  version: { type: int, default: 0 }
                triggers:
            \(TriggerFixtures.bumpVersion())
            """), what: "the trigger drift schema")
    }

    @Test func droppedTriggerOnSQLite() async throws {
        let schema = try Self.triggerSchema()
        let file = try SQLiteFile.with(try Self.migration(schema, .sqlite))
        #expect(try await Inspector.drift(of: .sqlite(path: file.path), from: schema).differences == [])
        try file.engine().run("DROP TRIGGER bump_version;")
        let drift = try await Inspector.drift(of: .sqlite(path: file.path), from: schema)
        try Self.expectOneDifference(drift, naming: "bump_version")
        try file.engine().run(drift.reconcileSQL)
        #expect(try await Inspector.drift(of: .sqlite(path: file.path), from: schema).differences == [], "\(drift.reconcileSQL)")
    }

    @Test func droppedTriggerOnPostgres() async throws {
        let schema = try Self.triggerSchema()
        try await PostgresEngine.withFresh("drift") { engine in
            try await engine.runScript(try Self.migration(schema, .postgres), schema: "public")
            #expect(try await Inspector.drift(of: .postgres(engine.location), from: schema).differences == [])
            try await engine.runScript("DROP TRIGGER bump_version ON orders;", schema: "public")
            let drift = try await Inspector.drift(of: .postgres(engine.location), from: schema)
            try Self.expectOneDifference(drift, naming: "orders.bump_version")
            try await engine.runScript(drift.reconcileSQL, schema: "public")
            let after = try await Inspector.drift(of: .postgres(engine.location), from: schema)
            #expect(after.differences == [], "\(drift.reconcileSQL)")
        }
    }

    static func expectOneDifference(_ drift: Drift, naming object: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(drift.differences.count == 1, "\(drift.differences)", sourceLocation: sourceLocation)
        let parts = object.split(separator: ".").map(String.init)
        let named = parts.count == 2 ? "'\(parts[0]).\(parts[1])'" : "'\(object)'"
        #expect(drift.differences.first?.contains(named) == true, "\(drift.differences) should name \(named)", sourceLocation: sourceLocation)
        #expect(!drift.reconcileSQL.isEmpty, sourceLocation: sourceLocation)
    }
}
