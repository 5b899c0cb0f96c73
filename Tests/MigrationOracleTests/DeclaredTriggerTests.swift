import DatabaseTestSupport
import Foundation
import GRDB
import SchemagenCore
import SchemagenTestSupport
import Testing

/// Declared triggers (`triggers:`) on both engines, with rows: the fresh DDL's triggers fire; each
/// migration (a trigger added, changed, removed; a table rebuilt, a column dropped or renamed, a
/// table that a trigger writes to rebuilt, a table renamed) keeps every row, leaves the catalog of
/// the fresh DDL (triggers and their functions included) and triggers that fire as declared; the
/// down migration brings the old catalog back, with triggers that fire as they did.
@Suite("Declared triggers with rows", .serialized)
struct DeclaredTriggerTests {
    /// What a schema variant declares: its table names, the version bump (nil for none), the audit
    /// trigger, and the shape of the columns a migration changes.
    struct Variant: Sendable {
        var orders = "orders"
        var bump: Int? = 1
        var audit = true
        var status = "string(20)"
        var note = "note: { type: text, nullable: true }"
        var auditWhat = "string(50)"
        var ordersExtra = ""
    }

    static func yaml(_ v: Variant) -> String {
        var triggers = ""
        if let step = v.bump { triggers += TriggerFixtures.bumpVersion(table: v.orders, step: step) }
        if v.audit {
            triggers += """
                  audit_insert:
                    timing: after
                    events: [insert]
                    postgres: |
                      INSERT INTO audit (order_id, what) VALUES (NEW.id, 'insert');
                      RETURN NULL;
                    sqlite: INSERT INTO audit (order_id, what) VALUES (NEW.id, 'insert')

            """ + TriggerFixtures.noReopen
        }
        return """
            schemagen: 1
            tables:
              audit:
                columns:
                  id:       { type: bigserial, primary_key: true }
                  order_id: int
                  what:     \(v.auditWhat)
              \(v.orders):
            \(v.ordersExtra)    columns:
                  id:      { type: int, primary_key: true }
                  status:  \(v.status)
                  version: { type: int, default: 0 }
                  \(v.note)

            """ + (triggers.isEmpty ? "" : "    triggers:\n" + triggers)
    }

    static func schema(_ v: Variant) throws -> Schema {
        let compiled = Fixtures.compile(yaml(v))
        return try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))\n\(yaml(v))")
    }

    /// One migration between two variants, named for the test's arguments.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var before: Variant
        var after: Variant
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "add", before: Variant(bump: nil, audit: false), after: Variant()),
        Case(name: "change", before: Variant(), after: Variant(bump: 3)),
        Case(name: "remove", before: Variant(), after: Variant(bump: nil, audit: false)),
        // SQLite rebuilds orders (NOT NULL goes); PostgreSQL retypes the column bump_version's `of` names.
        Case(name: "rebuild", before: Variant(), after: Variant(status: "{ type: string(40), nullable: true }")),
        Case(name: "drop column", before: Variant(), after: Variant(note: "")),
        Case(name: "rename column", before: Variant(), after: Variant(note: "remark: { type: text, nullable: true, renamed_from: note }")),
        // audit_insert (on orders) writes to audit: SQLite's rebuild of audit must not find it in place.
        Case(name: "rebuild the table a trigger writes", before: Variant(), after: Variant(auditWhat: "{ type: string(50), nullable: true }")),
        Case(name: "rename table", before: Variant(), after: Variant(orders: "purchases", ordersExtra: "    renamed_from: orders\n")),
    ]

    static let inserts = ["INSERT INTO orders (id, status) VALUES (1, 'a')", "INSERT INTO orders (id, status) VALUES (2, 'closed')"]

    /// The version bump an update of `status` makes, and the audit rows an insert adds: the triggers'
    /// effect. The probe's rows are deleted again (the audit rows stay: they are the evidence).
    static func probe(_ v: Variant, id: Int, query: (String) throws -> [[String?]], run: (String) throws -> Void) throws -> (bump: Int, audited: Int) {
        let t = v.orders
        func number(_ sql: String) throws -> Int { Int(try query(sql).first?.first.flatMap { $0 } ?? "") ?? -1 }
        let audits = try number("SELECT CAST(count(*) AS TEXT) FROM audit")
        try run("INSERT INTO \(t) (id, status) VALUES (\(id), 'a')")
        let audited = try number("SELECT CAST(count(*) AS TEXT) FROM audit") - audits
        try run("UPDATE \(t) SET status = 'b' WHERE id = \(id)")
        let bump = try number("SELECT CAST(version AS TEXT) FROM \(t) WHERE id = \(id)")
        try run("DELETE FROM \(t) WHERE id = \(id)")
        return (bump, audited)
    }

    static func expected(_ v: Variant) -> (bump: Int, audited: Int) { (v.bump ?? 0, v.audit ? 1 : 0) }

    static func texts(_ engine: SQLiteEngine, _ sql: String) throws -> [[String?]] {
        try engine.db.read { db in try Row.fetchAll(db, sql: sql).map { row in (0 ..< row.count).map { row[$0] as String? } } }
    }

    @Test("The fresh DDL's triggers fire on SQLite", arguments: [Variant(), Variant(bump: 2, audit: false)])
    func sqliteFresh(_ v: Variant) throws {
        let db = try SQLiteEngine()
        try db.run(DDL.script(for: try Self.schema(v), dialect: .sqlite, source: "fresh"))
        let result = try Self.probe(v, id: 10, query: { try Self.texts(db, $0) }, run: db.run)
        #expect(result == Self.expected(v))
        if v.audit {
            try db.run("INSERT INTO orders (id, status) VALUES (1, 'closed')")
            #expect(throws: (any Error).self) { try db.run("UPDATE orders SET status = 'a' WHERE id = 1") }
        }
    }

    @Test("The fresh DDL's triggers fire on PostgreSQL")
    func postgresFresh() async throws {
        let v = Variant()
        let engine = try await PostgresEngine.make(name: "schemagen_triggers_fresh")
        do {
            try await engine.execute("CREATE SCHEMA f")
            try await engine.runScript(DDL.script(for: try Self.schema(v), dialect: .postgres, source: "fresh"), schema: "f")
            try await engine.execute("SET search_path TO f")
            let result = try await Self.postgresProbe(engine, v, id: 10)
            #expect(result == Self.expected(v))
            try await engine.execute("INSERT INTO orders (id, status) VALUES (1, 'closed')")
            await #expect(throws: (any Error).self) { try await engine.execute("UPDATE orders SET status = 'a' WHERE id = 1") }
        } catch {
            try? await engine.close()
            throw error
        }
        try await engine.close()
    }

    /// A body holding the tag the function's dollar quote would take (`$schemagen$`) gets another tag.
    @Test("A PostgreSQL body holding the dollar quote's tag is quoted with another, and runs")
    func postgresQuoteTag() async throws {
        let yaml = """
            schemagen: 1
            tables:
              notes:
                columns:
                  id:   { type: int, primary_key: true }
                  body: text
                triggers:
                  tag_body:
                    timing: before
                    events: [insert]
                    postgres: "NEW.body := NEW.body || '$schemagen$'; RETURN NEW;"
            """
        let compiled = Fixtures.compile(yaml)
        let schema = try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))")
        let ddl = DDL.script(for: schema, dialect: .postgres, source: "fresh")
        #expect(ddl.contains("AS $schemagen11$"), "\(ddl)")
        let engine = try await PostgresEngine.make(name: "schemagen_triggers_tag")
        do {
            try await engine.execute("CREATE SCHEMA f")
            try await engine.runScript(ddl, schema: "f")
            try await engine.execute("INSERT INTO f.notes (id, body) VALUES (1, 'x')")
            #expect(try await engine.texts("SELECT body FROM f.notes") == [["x$schemagen$"]])
        } catch {
            try? await engine.close()
            throw error
        }
        try await engine.close()
    }

    @Test("Migrations on SQLite keep the rows and the fresh catalog; the triggers fire as declared", arguments: cases)
    func sqlite(_ c: Case) throws {
        let old = try Self.schema(c.before), new = try Self.schema(c.after)
        let delta = Migrator.delta(from: old, to: new, dialect: .sqlite)
        #expect(delta.errors.isEmpty)
        let db = try SQLiteEngine()
        try db.run(DDL.script(for: old, dialect: .sqlite, source: "old"))
        let oldCatalog = try db.catalog()
        for statement in Self.inserts { try db.run(statement) }
        let up = delta.up.script(title: "up")
        try db.run(up)
        let fresh = try SQLiteEngine()
        try fresh.run(DDL.script(for: new, dialect: .sqlite, source: "new"))
        let (migrated, expected) = (try db.catalog(), try fresh.catalog())
        #expect(migrated == expected, "missing \(expected.filter { !migrated.contains($0) }), extra \(migrated.filter { !expected.contains($0) })\n\(up)")
        #expect(try Self.texts(db, "SELECT CAST(id AS TEXT), status FROM \(c.after.orders) ORDER BY id") == [["1", "a"], ["2", "closed"]])
        #expect(try Self.probe(c.after, id: 10, query: { try Self.texts(db, $0) }, run: db.run) == Self.expected(c.after), "\(up)")

        let down = delta.down.script(title: "down")
        try db.run(down)
        let back = try db.catalog()
        #expect(back == oldCatalog, "missing \(oldCatalog.filter { !back.contains($0) }), extra \(back.filter { !oldCatalog.contains($0) })\n\(down)")
        #expect(try Self.texts(db, "SELECT CAST(id AS TEXT), status FROM \(c.before.orders) ORDER BY id") == [["1", "a"], ["2", "closed"]])
        #expect(try Self.probe(c.before, id: 11, query: { try Self.texts(db, $0) }, run: db.run) == Self.expected(c.before), "\(down)")
    }

    static func postgresProbe(_ engine: PostgresEngine, _ v: Variant, id: Int) async throws -> (bump: Int, audited: Int) {
        // The probe's statements, run one by one against the connection (its search path set by the caller).
        let t = v.orders
        func number(_ sql: String) async throws -> Int { Int(try await engine.texts(sql).first?.first.flatMap { $0 } ?? "") ?? -1 }
        let audits = try await number("SELECT count(*)::text FROM audit")
        try await engine.execute("INSERT INTO \(t) (id, status) VALUES (\(id), 'a')")
        let audited = try await number("SELECT count(*)::text FROM audit") - audits
        try await engine.execute("UPDATE \(t) SET status = 'b' WHERE id = \(id)")
        let bump = try await number("SELECT version::text FROM \(t) WHERE id = \(id)")
        try await engine.execute("DELETE FROM \(t) WHERE id = \(id)")
        return (bump, audited)
    }

    @Test("Migrations on PostgreSQL keep the rows and the fresh catalog; the triggers fire as declared", arguments: cases)
    func postgres(_ c: Case) async throws {
        let old = try Self.schema(c.before), new = try Self.schema(c.after)
        let delta = Migrator.delta(from: old, to: new, dialect: .postgres)
        #expect(delta.errors.isEmpty)
        let engine = try await PostgresEngine.make(name: "schemagen_triggers")
        do {
            for ns in ["m", "f"] { try await engine.execute("CREATE SCHEMA \(ns)") }
            try await engine.runScript(DDL.script(for: old, dialect: .postgres, source: "old"), schema: "m")
            let oldCatalog = try await engine.catalog(schema: "m")
            try await engine.runScript(Self.inserts.joined(separator: ";\n") + ";", schema: "m")
            let up = delta.up.script(title: "up")
            try await engine.runScript(up, schema: "m")
            try await engine.runScript(DDL.script(for: new, dialect: .postgres, source: "new"), schema: "f")
            let (migrated, fresh) = (try await engine.catalog(schema: "m"), try await engine.catalog(schema: "f"))
            #expect(migrated == fresh, "missing \(fresh.filter { !migrated.contains($0) }), extra \(migrated.filter { !fresh.contains($0) })\n\(up)")
            try await engine.execute("SET search_path TO m")
            #expect(try await engine.texts("SELECT id::text, status FROM \(c.after.orders) ORDER BY id") == [["1", "a"], ["2", "closed"]])
            #expect(try await Self.postgresProbe(engine, c.after, id: 10) == Self.expected(c.after), "\(up)")

            let down = delta.down.script(title: "down")
            try await engine.runScript(down, schema: "m")
            let back = try await engine.catalog(schema: "m")
            #expect(back == oldCatalog, "missing \(oldCatalog.filter { !back.contains($0) }), extra \(back.filter { !oldCatalog.contains($0) })\n\(down)")
            try await engine.execute("SET search_path TO m")
            #expect(try await engine.texts("SELECT id::text, status FROM \(c.before.orders) ORDER BY id") == [["1", "a"], ["2", "closed"]])
            #expect(try await Self.postgresProbe(engine, c.before, id: 11) == Self.expected(c.before), "\(down)")
        } catch {
            try? await engine.close()
            throw error
        }
        try await engine.close()
    }
}
