import DatabaseTestSupport
import Foundation
import GRDB
import SchemagenCore
import SchemagenTestSupport
import Testing

/// An enum value renamed (`renamed_from` on the value) with rows in every table, on both engines:
/// the up migration leaves the catalog of the fresh DDL and every row, the rows that held the old
/// label holding the new one (in enum columns and in arrays of the enum), no `auto_update` column
/// refreshed; the old label is refused afterwards; the down migration brings the old catalog and
/// labels back. A value added after the renamed one shows PostgreSQL's order of the two.
@Suite("Enum value renames with rows", .serialized)
struct EnumValueRenameTests {
    static func schema(renamed: Bool) throws -> Schema {
        let values = renamed ? "[pending, { name: in_progress, renamed_from: running }, blocked, done]" : "[pending, running, done]"
        let yaml = """
            schemagen: 1
            enums:
              task_status: \(values)
            tables:
              tasks:
                columns:
                  id:     { type: int, primary_key: true }
                  status: { type: task_status, default: \(renamed ? "in_progress" : "running") }
                  title:  text
              reviews:
                columns:
                  id:         { type: int, primary_key: true }
                  seen:       { type: "[task_status]", default: [] }
                  updated_at: { type: timestamp, default: now(), auto_update: true }

            """
        let compiled = Fixtures.compile(yaml)
        return try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))")
    }

    static func inserts(_ dialect: Dialect) -> [String] {
        let (a, b) = dialect == .sqlite ? (#"'["running","done"]'"#, "'[]'") : ("'{running,done}'", "'{}'")
        return ["INSERT INTO tasks (id, status, title) VALUES (1, 'pending', 'a'), (2, 'running', 'b'), (3, 'done', 'c')",
                "INSERT INTO tasks (id, title) VALUES (4, 'd')",
                "INSERT INTO reviews (id, seen, updated_at) VALUES (1, \(a), '2024-01-01T00:00:00.000Z'), (2, \(b), '2024-01-02T00:00:00.000Z')"]
    }

    static let statuses = "SELECT CAST(id AS TEXT), status FROM tasks ORDER BY id"

    /// Every cell as text (the query casts what is not text already).
    static func texts(_ engine: SQLiteEngine, _ sql: String) throws -> [[String?]] {
        try engine.db.read { db in try Row.fetchAll(db, sql: sql).map { row in (0 ..< row.count).map { row[$0] as String? } } }
    }
    static let before: [[String?]] = [["1", "pending"], ["2", "running"], ["3", "done"], ["4", "running"]]
    static let after: [[String?]] = [["1", "pending"], ["2", "in_progress"], ["3", "done"], ["4", "in_progress"]]

    @Test func sqlite() throws {
        let old = try Self.schema(renamed: false), new = try Self.schema(renamed: true)
        let delta = Migrator.delta(from: old, to: new, dialect: .sqlite)
        #expect(delta.refusals.isEmpty && delta.errors.isEmpty)
        let db = try SQLiteEngine()
        try db.run(DDL.script(for: old, dialect: .sqlite, source: "old"))
        let oldCatalog = try db.catalog()
        for statement in Self.inserts(.sqlite) { try db.run(statement) }
        let up = delta.up.script(title: "up")
        try db.run(up)
        let fresh = try SQLiteEngine()
        try fresh.run(DDL.script(for: new, dialect: .sqlite, source: "new"))
        #expect(try db.catalog() == fresh.catalog(), "\(up)")
        #expect(try Self.texts(db, Self.statuses) == Self.after)
        #expect(try Self.texts(db, "SELECT CAST(id AS TEXT), seen, updated_at FROM reviews ORDER BY id")
            == [["1", #"["in_progress","done"]"#, "2024-01-01T00:00:00.000Z"], ["2", "[]", "2024-01-02T00:00:00.000Z"]])
        #expect(throws: (any Error).self) { try db.run("INSERT INTO tasks (id, status, title) VALUES (5, 'running', 'e')") }
        try db.run("INSERT INTO tasks (id, status, title) VALUES (5, 'blocked', 'e'); DELETE FROM tasks WHERE id = 5")

        try db.run(delta.down.script(title: "down"))
        #expect(try db.catalog() == oldCatalog)
        #expect(try Self.texts(db, Self.statuses) == Self.before)
        #expect(try Self.texts(db, "SELECT seen FROM reviews ORDER BY id") == [[#"["running","done"]"#], ["[]"]])
    }

    @Test func postgres() async throws {
        let old = try Self.schema(renamed: false), new = try Self.schema(renamed: true)
        let delta = Migrator.delta(from: old, to: new, dialect: .postgres)
        #expect(delta.refusals.isEmpty && delta.errors.isEmpty)
        let engine = try await PostgresEngine.make(name: "schemagen_enum_rename")
        do {
            for ns in ["m", "f"] { try await engine.execute("CREATE SCHEMA \(ns)") }
            try await engine.runScript(DDL.script(for: old, dialect: .postgres, source: "old"), schema: "m")
            let oldCatalog = try await engine.catalog(schema: "m")
            try await engine.runScript(Self.inserts(.postgres).joined(separator: ";\n") + ";", schema: "m")
            let up = delta.up.script(title: "up")
            try await engine.runScript(up, schema: "m")
            try await engine.runScript(DDL.script(for: new, dialect: .postgres, source: "new"), schema: "f")
            let (migrated, fresh) = (try await engine.catalog(schema: "m"), try await engine.catalog(schema: "f"))
            #expect(migrated == fresh, "missing \(fresh.filter { !migrated.contains($0) }), extra \(migrated.filter { !fresh.contains($0) })\n\(up)")
            #expect(try await engine.texts("SELECT id::text, status::text FROM m.tasks ORDER BY id") == Self.after)
            #expect(try await engine.texts("SELECT seen::text, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM m.reviews ORDER BY id")
                == [["{in_progress,done}", "2024-01-01"], ["{}", "2024-01-02"]])
            #expect(try await engine.texts("SELECT enum_range(NULL::m.task_status)::text") == [["{pending,in_progress,blocked,done}"]])
            await #expect(throws: (any Error).self) { try await engine.execute("INSERT INTO m.tasks (id, status, title) VALUES (5, 'running', 'e')") }

            try await engine.runScript(delta.down.script(title: "down"), schema: "m")
            let back = try await engine.catalog(schema: "m")
            #expect(back == oldCatalog, "missing \(oldCatalog.filter { !back.contains($0) }), extra \(back.filter { !oldCatalog.contains($0) })")
            #expect(try await engine.texts("SELECT id::text, status::text FROM m.tasks ORDER BY id") == Self.before)
            #expect(try await engine.texts("SELECT seen::text FROM m.reviews ORDER BY id") == [["{running,done}"], ["{}"]])
        } catch {
            try? await engine.close()
            throw error
        }
        try await engine.close()
    }
}
