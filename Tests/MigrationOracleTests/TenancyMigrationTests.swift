import DatabaseTestSupport
import Foundation
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport
import Testing

/// Tenancy turned on for populated tables and off again, on PostgreSQL 15: each migration applied
/// with rows in the tables, the catalog (row-level security and policies included) equal to that
/// of the fresh DDL, the rows kept; isolation holds for an application role after the first, and
/// the second is refused without --allow-destructive, its hazard named in the file.
@Suite("Tenancy migrations on PostgreSQL", .serialized)
struct TenancyMigrationTests {
    static func schema(tenant: Bool, renamed: Bool = false) throws -> Schema {
        let customers = renamed ? "clients:\n    renamed_from: customers" : "customers:"
        let yaml = """
            schemagen: 1
            targets: [postgres]
            tables:
              \(customers)
                \(tenant ? "tenant: org_id" : "comment: shared")
                columns:
                  id: { type: int, primary_key: true }
                  org_id: bigint
                  name: text
              orders:
                \(tenant ? "tenant: org_id" : "comment: shared")
                columns:
                  id: { type: int, primary_key: true }
                  org_id: bigint
                  customer_id: { type: int, references: \(renamed ? "clients" : "customers"), on_delete: cascade }

            """
        let compiled = Fixtures.compile(yaml)
        return try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))")
    }

    static let rows = ["INSERT INTO customers VALUES (1, 1, 'one'), (2, 2, 'two')", "INSERT INTO orders VALUES (10, 1, 1), (20, 2, 2)"]

    /// Applies `plan` to `engine`'s schema `m` and compares with a fresh `f` built from `target`'s DDL.
    static func apply(_ plan: MigrationPlan, target: Schema, on engine: PostgresEngine, _ step: String) async throws {
        let script = plan.script(title: step)
        do { try await engine.runScript(script, schema: "m") } catch { throw OracleError("\(step) failed: \(error)\n\(script)") }
        try await engine.execute("DROP SCHEMA IF EXISTS f CASCADE")
        try await engine.execute("CREATE SCHEMA f")
        try await engine.runScript(DDL.script(for: target, dialect: .postgres, source: step), schema: "f")
        let (migrated, fresh) = (try await engine.catalog(schema: "m"), try await engine.catalog(schema: "f"))
        #expect(migrated == fresh, "catalog after \(step): missing \(fresh.filter { !migrated.contains($0) }), extra \(migrated.filter { !fresh.contains($0) })\n\(script)")
    }

    @Test func onWithRowsThenOffOnlyWhenAllowed() async throws {
        let shared = try Self.schema(tenant: false), isolated = try Self.schema(tenant: true), renamed = try Self.schema(tenant: true, renamed: true)
        let engine = try await PostgresEngine.make(name: "schemagen_tenancy_migration")
        do {
            try await engine.execute("CREATE SCHEMA m")
            try await engine.runScript(DDL.script(for: shared, dialect: .postgres, source: "shared"), schema: "m")
            try await engine.runScript(Self.rows.joined(separator: ";\n") + ";", schema: "m")

            // On: not refused, its hazard named; then the policy follows a table rename.
            let on = Migrator.delta(from: shared, to: isolated, dialect: .postgres)
            #expect(on.refusals.isEmpty)
            #expect(on.up.script(title: "on").contains("-- BC: turns on tenant isolation for customers"))
            try await Self.apply(on.up, target: isolated, on: engine, "on")
            #expect(try await engine.catalog(schema: "m").contains { $0.hasPrefix("policy customers tenant_customers * permissive") })
            try await Self.expectIsolation(engine, table: "customers")
            let rename = Migrator.delta(from: isolated, to: renamed, dialect: .postgres)
            #expect(rename.up.script(title: "rename").contains("ALTER POLICY tenant_customers ON clients RENAME TO tenant_clients;"))
            try await Self.apply(rename.up, target: renamed, on: engine, "rename")
            #expect(try await engine.catalog(schema: "m").contains { $0.hasPrefix("policy clients tenant_clients ") })
            try await Self.apply(rename.down, target: isolated, on: engine, "rename back")

            // Off: refused unless allowed, the hazard in the file; applied, every row is visible again.
            let off = Migrator.delta(from: isolated, to: shared, dialect: .postgres)
            #expect(off.refusals.map(\.code) == [.DS, .DS])
            let folder = MigrationDirectory(dialect: .postgres, files: [:])
            guard case .written(let files, _) = folder.migrate(to: isolated, name: "init", allowDestructive: false, source: "schema.yaml"),
                  case .refused(let hazards) = MigrationDirectory(dialect: .postgres, files: files).migrate(to: shared, name: "off", allowDestructive: false, source: "schema.yaml")
            else { Issue.record("turning tenancy off was not refused without --allow-destructive"); return }
            #expect(hazards.map(\.message).contains("removes the tenant isolation of orders: every session sees and writes every tenant's rows, not only those whose org_id is its app.tenant_id"))
            let script = off.up.script(title: "off")
            #expect(script.contains("-- DS: removes the tenant isolation of customers"))
            try await Self.apply(off.up, target: shared, on: engine, "off")
            #expect(try await engine.texts("SELECT count(*)::text FROM m.customers") == [["2"]])
            #expect(try await engine.texts("SELECT count(*)::text FROM m.orders") == [["2"]])
        } catch {
            try? await engine.close()
            throw error
        }
        try await engine.close()
    }

    /// As an application role: tenant 1 sees its one row of `table`, nobody without the setting.
    static func expectIsolation(_ engine: PostgresEngine, table: String) async throws {
        try await engine.server.withApplicationRole(database: engine.database, namespace: "m") { app in
            let c = try await app.connect(database: engine.database)
            do {
                #expect(try await c.texts("SELECT count(*)::text FROM m.\(table)") == [["0"]])
                try await c.run("BEGIN")
                try await c.run("SELECT set_config('app.tenant_id', '1', true)")
                #expect(try await c.texts("SELECT id::text FROM m.\(table)") == [["1"]])
                try await c.run("COMMIT")
            } catch {
                try? await c.close()
                throw error
            }
            try await c.close()
        }
    }
}
