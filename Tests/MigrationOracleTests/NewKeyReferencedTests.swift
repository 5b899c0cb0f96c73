import DatabaseTestSupport
import SchemagenCore
import SchemagenTestSupport
import Testing

/// A new table whose foreign keys reference keys that their tables gain in the same migration (a
/// primary key, a unique constraint, a unique index), on PostgreSQL, which checks the key when the
/// foreign key is made: the up migration gives the fresh DDL's catalog with the rows kept, and the
/// down migration (the table dropped before the keys it referenced) the old catalog.
@Suite("Foreign keys to keys gained in the same migration")
struct NewKeyReferencedTests {
    static func schema(keys: Bool) throws -> Schema {
        let yaml = """
            schemagen: 1
            tables:
              a:
                columns:
                  id:   { type: int\(keys ? ", primary_key: true" : "") }
                  code: text
              b:
                columns:
                  id:   { type: int, primary_key: true }
                  code: text
            \(keys ? "    unique: [[code]]" : "")
              c:
                columns:
                  id:   { type: int, primary_key: true }
                  code: text
            \(keys ? "    indexes:\n      - { columns: [code], unique: true }" : "")
            \(keys ? """
              d:
                columns:
                  id:     { type: int, primary_key: true }
                  a_id:   { type: int?, references: a }
                  b_code: { type: text?, references: b.code }
                  c_code: { type: text?, references: c.code }
            """ : "")
            """
        let compiled = Fixtures.compile(yaml)
        return try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))\n\(yaml)")
    }

    @Test func postgres() async throws {
        let old = try Self.schema(keys: false), new = try Self.schema(keys: true)
        let delta = Migrator.delta(from: old, to: new, dialect: .postgres)
        let engine = try await PostgresEngine.make(name: "schemagen_new_keys")
        do {
            for ns in ["m", "f"] { try await engine.execute("CREATE SCHEMA \(ns)") }
            try await engine.runScript(DDL.script(for: old, dialect: .postgres, source: "old"), schema: "m")
            let oldCatalog = try await engine.catalog(schema: "m")
            try await engine.runScript("INSERT INTO a VALUES (1, 'x'); INSERT INTO b VALUES (1, 'x'); INSERT INTO c VALUES (1, 'x');", schema: "m")
            let up = delta.up.script(title: "up")
            try await engine.runScript(up, schema: "m")
            try await engine.runScript(DDL.script(for: new, dialect: .postgres, source: "new"), schema: "f")
            let (migrated, fresh) = (try await engine.catalog(schema: "m"), try await engine.catalog(schema: "f"))
            #expect(migrated == fresh, "missing \(fresh.filter { !migrated.contains($0) }), extra \(migrated.filter { !fresh.contains($0) })\n\(up)")
            try await engine.runScript("INSERT INTO d VALUES (1, 1, 'x', 'x');", schema: "m")
            await #expect(throws: (any Error).self) { try await engine.execute("INSERT INTO m.d VALUES (2, 1, 'x', 'nope')") }
            try await engine.runScript(delta.down.script(title: "down"), schema: "m")
            let back = try await engine.catalog(schema: "m")
            #expect(back == oldCatalog, "missing \(oldCatalog.filter { !back.contains($0) }), extra \(back.filter { !oldCatalog.contains($0) })")
            #expect(try await engine.texts("SELECT count(*)::text FROM m.a JOIN m.b USING (id) JOIN m.c USING (id)") == [["1"]])
        } catch {
            try? await engine.close()
            throw error
        }
        try await engine.close()
    }
}
