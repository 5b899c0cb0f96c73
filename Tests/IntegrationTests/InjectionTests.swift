import Foundation
import GRDB
import SchemagenCore
import Testing

/// A schema whose names, enum labels, comments and default strings are built
/// to break out of quoting: quotes, semicolons, comment starts, backslashes,
/// dollar quotes, psql meta-commands and variables, line breaks, non-ASCII.
/// Applied on both engines, it must create exactly the declared objects
/// (nothing dropped, nothing extra), and every default must read back
/// byte-identical to the YAML string.
@Suite struct InjectionTests {
    static let evil = "Robert'); DROP TABLE x; --"

    /// Text columns and their defaults (each column's comment is its default too).
    static let textColumns: [(name: String, value: String)] = [
        ("col\"umn; --", evil),
        ("back\\slash", #"a\b\'c\\ \x41 \\' E'\''"#),
        ("dollar$$", "$$ $schemagen$ $x$ $1 $$; DROP TABLE x; $$"),
        ("new\nline", "line1\nline2\r\nline3\ttab\u{0B}\u{0C}end"),
        ("/* open", "/* not a comment */ -- nor this; */ DROP TABLE x; /*"),
        ("ünï ✓", "naïve ✓ 😀 ü 中文 \u{2028} Ω \u{301}'"),
        ("psql \\! meta :var", "\\! echo pwned :var :'var' :\"var\" \\g \\gexec \\\\"),
        ("quote'd", "' OR '1'='1"),
        ("U&\"x\"", "U&'\\0041' $$' \"\"\";"),
    ]
    static let enumLabels = [evil, "it's", "$$", "back\\slash", "semi;colon", "-- dash", "/* c */", "new\nline", "ünïcödé ✓"]
    static let arrayOfText = ["a,b", "{c}", "\"d\"", "e\\f", "NULL", "new\nline", evil, ""]
    static let tableComment = evil + "\n*/ $$ \\' \"; DROP TABLE x; --\r\nend"
    static let enumComment = "mood'); DROP TYPE x; -- */ $$ \\"
    static let namespace = "ns'); DROP SCHEMA public CASCADE; --"
    static let partitioned = "part'); DROP TABLE x; --"
    static let partitionColumn = "k\nDROP TABLE x; --"
    static let view = "v'); DROP TABLE x; --"

    /// A YAML double-quoted scalar: the parser gives back exactly `text`.
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\L"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func yamlList(_ items: [String]) -> String { "[" + items.map(yaml).joined(separator: ", ") + "]" }

    static func schemaText(targets: String = "[sqlite, postgres]", extensions: [String] = []) -> String {
        var columns = ""
        for (name, value) in textColumns {
            columns += "      \(yaml(name)): { type: text, default: \(yaml(value)), comment: \(yaml(value)) }\n"
        }
        return """
            schemagen: 1
            targets: \(targets)
            postgres:
              schema: \(yaml(namespace))
              extensions: \(yamlList(extensions))
            enums:
              \(yaml("mood'); DROP TABLE x; --")):
                values: \(yamlList(enumLabels))
                comment: \(yaml(enumComment))
              Stimmung_Ü: \(yamlList(enumLabels))
            tables:
              x:
                columns:
                  id: { type: int, primary_key: true }
              \(yaml(evil)):
                comment: \(yaml(tableComment))
                tenant: \(yaml("col\"umn; --"))
                columns:
                  \(yaml("id\"; DROP TABLE x; --")): { type: serial, primary_key: true }
            \(columns)      feeling: { type: Stimmung_Ü, default: \(yaml(evil)) }
                  moods: { type: "[Stimmung_Ü]", default: \(yamlList([evil, "$$", "it's"])) }
                  texts: { type: "[text]", default: \(yamlList(arrayOfText)) }
                  doc: { type: json, default: { \(yaml("k'ey")): \(yaml("va\"l; --")), "$$": ["\\\\", "ü", null] } }
                  x_id: { type: "int?", references: x, on_delete: cascade }
                  "touched$schemagen$": { type: timestamp, default: now(), auto_update: true }
                indexes:
                  - { name: \(yaml("idx'); DROP TABLE x; --")), columns: [x_id] }
                  - { name: \(yaml("idx\"; DROP TABLE x; /*")), columns: [feeling], where: "x_id IS NOT NULL" }
                  - { name: \(yaml("gin\nDROP TABLE x; --")), columns: [doc], using: gin }
                search: \(yamlList(["col\"umn; --", "ünï ✓"]))
              \(yaml(partitioned)):
                columns:
                  \(yaml(partitionColumn)): int
                  v: text?
                primary_key: \(yamlList([partitionColumn]))
                partition:
                  by: list
                  columns: \(yamlList([partitionColumn]))
                  partitions:
                    \(yaml("p'); DROP TABLE x; --")): "IN (1, 2)"
                    \(yaml("p_default\"")): default
            views:
              \(yaml(view)):
                sql: SELECT 1 AS one
                comment: \(yaml(evil + " */"))

            """
    }

    /// An identifier as the tests write it, independently of the generator.
    static func q(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    /// A string literal (standard conforming on both engines).
    static func lit(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static func json(_ text: String?) throws -> NSObject {
        let data = Data(try #require(text).utf8)
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as! NSObject
    }

    static var expectedDoc: NSObject { ["k'ey": "va\"l; --", "$$": ["\\", "ü", NSNull()]] as NSDictionary }

    @Test func theSchemaCompilesWithEveryHostileName() throws {
        let schema = try Schemas.inline(Self.schemaText())
        let table = try #require(schema.table(named: Self.evil))
        #expect(table.columns.map(\.name).contains("new\nline"))
        #expect(table.comment == Self.tableComment)
        #expect(schema.postgresSchema == Self.namespace)
        for (name, value) in Self.textColumns {
            #expect(table.column(named: name)?.defaultValue == .string(value), "default of \(name)")
        }
    }

    @Test func sqlite() throws {
        let schema = try Schemas.inline(Self.schemaText())
        let queue = try SQLiteEngine.open(schema)
        try Catalog.expectSQLite(schema, in: queue)
        try expectDefaultsReadBack(queue)
    }

    /// SQLite alone may carry names that PostgreSQL would refuse (an
    /// extension that does not exist): they appear in SQLite's DDL as comments only.
    @Test func sqliteOnlyWithHostileExtensionNames() throws {
        let schema = try Schemas.inline(Self.schemaText(targets: "[sqlite]", extensions: ["ext\nDROP TABLE x; --", "e'); DROP TABLE x; --"]))
        let queue = try SQLiteEngine.open(schema)
        try Catalog.expectSQLite(schema, in: queue)
    }

    func expectDefaultsReadBack(_ queue: DatabaseQueue) throws {
        let t = Self.q(Self.evil)
        try SQLiteEngine.execute("INSERT INTO x (id) VALUES (1); INSERT INTO \(t) (x_id) VALUES (1)", in: queue)
        for (name, value) in Self.textColumns {
            let read = try SQLiteEngine.string("SELECT \(Self.q(name)) FROM \(t)", in: queue)
            #expect(read.map { Array($0.utf8) } == Array(value.utf8), "default of \(name): \(String(reflecting: read))")
        }
        #expect(try SQLiteEngine.string("SELECT feeling FROM \(t)", in: queue) == Self.evil)
        #expect(try Self.json(SQLiteEngine.string("SELECT moods FROM \(t)", in: queue)) == [Self.evil, "$$", "it's"] as NSArray)
        #expect(try Self.json(SQLiteEngine.string("SELECT texts FROM \(t)", in: queue)) == Self.arrayOfText as NSArray)
        #expect(try Self.json(SQLiteEngine.string("SELECT doc FROM \(t)", in: queue)) == Self.expectedDoc)
        for label in Self.enumLabels {
            try SQLiteEngine.execute("UPDATE \(t) SET feeling = \(Self.lit(label))", in: queue)
        }
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "UPDATE \(t) SET feeling = 'Robert'", in: queue)

        // The triggers with hostile names run: search follows, auto_update refreshes.
        try SQLiteEngine.execute("UPDATE \(t) SET \(Self.q("touched$schemagen$")) = '2000-01-01T00:00:00.000Z'", in: queue)
        try SQLiteEngine.execute("UPDATE \(t) SET \(Self.q("ünï ✓")) = 'changed words'", in: queue)
        let fts = Self.q(Naming.ftsTable(table: Self.evil))
        #expect(try SQLiteEngine.strings("SELECT rowid FROM \(fts) WHERE \(fts) MATCH 'changed'", in: queue) == ["1"])
        #expect(try SQLiteEngine.string("SELECT \(Self.q("touched$schemagen$")) FROM \(t)", in: queue) != "2000-01-01T00:00:00.000Z")
        try SQLiteEngine.execute("DELETE FROM x", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM \(t)", in: queue) == 0, "cascade through the hostile foreign key")
        #expect(try SQLiteEngine.int("SELECT count(*) FROM \(Self.q(Self.view))", in: queue) == 1)
    }

    @Test func postgres() async throws {
        let schema = try Schemas.inline(Self.schemaText())
        try await PGTestDatabase.withFresh { db in
            try await db.apply(Schemas.ddl(schema, .postgres))
            try await Catalog.expectPostgres(schema, in: db)
            // The tenant policy under its hostile name, on the hostile column (the superuser below bypasses it).
            #expect(try await db.strings("SELECT polname || ' ' || pg_get_expr(polqual, polrelid) FROM pg_policy") == [
                Naming.tenantPolicy(table: Self.evil) + " (\"col\"\"umn; --\" = NULLIF(current_setting('app.tenant_id'::text, true), ''::text))",
            ])
            try await db.execute("SET search_path TO \(Self.q(Self.namespace))")

            let t = Self.q(Self.evil)
            try await db.execute("INSERT INTO x (id) VALUES (1)")
            try await db.execute("INSERT INTO \(t) (x_id) VALUES (1)")
            for (name, value) in Self.textColumns {
                let read = try await db.string("SELECT \(Self.q(name)) FROM \(t)")
                #expect(read.map { Array($0.utf8) } == Array(value.utf8), "default of \(name): \(String(reflecting: read))")
            }
            #expect(try await db.string("SELECT feeling::text FROM \(t)") == Self.evil)
            let moods = try await db.string("SELECT array_to_json(moods)::text FROM \(t)")
            #expect(try Self.json(moods) == [Self.evil, "$$", "it's"] as NSArray)
            let texts = try await db.string("SELECT array_to_json(texts)::text FROM \(t)")
            #expect(try Self.json(texts) == Self.arrayOfText as NSArray)
            let doc = try await db.string("SELECT doc::text FROM \(t)")
            #expect(try Self.json(doc) == Self.expectedDoc)
            #expect(try await db.strings("SELECT unnest(enum_range(NULL::\(Self.q("Stimmung_Ü"))))::text") == Self.enumLabels)
            await db.expectError("22P02", "UPDATE \(t) SET feeling = 'Robert'")

            // Comments read back exactly.
            let relation = "(SELECT oid FROM pg_class WHERE relname = \(Self.lit(Self.evil)))"
            #expect(try await db.string("SELECT obj_description(\(relation), 'pg_class')") == Self.tableComment)
            for (name, value) in Self.textColumns {
                let number = "(SELECT attnum FROM pg_attribute WHERE attrelid = \(relation) AND attname = \(Self.lit(name)))"
                let comment = try await db.string("SELECT col_description(\(relation), \(number))")
                #expect(comment.map { Array($0.utf8) } == Array(value.utf8), "comment of \(name): \(String(reflecting: comment))")
            }
            #expect(try await db.string("SELECT obj_description(oid, 'pg_type') FROM pg_type WHERE typname = \(Self.lit("mood'); DROP TABLE x; --"))") == Self.enumComment)
            #expect(try await db.string("SELECT obj_description(oid, 'pg_class') FROM pg_class WHERE relname = \(Self.lit(Self.view))") == Self.evil + " */")

            // The trigger (function body in dollar quotes) and the search index run.
            try await db.execute("UPDATE \(t) SET \(Self.q("touched$schemagen$")) = '2000-01-01T00:00:00Z'")
            try await db.execute("UPDATE \(t) SET \(Self.q("ünï ✓")) = 'changed words'")
            #expect(try await db.string("SELECT (now() - \(Self.q("touched$schemagen$")) < interval '2 minutes')::text FROM \(t)") == "true")
            let table = try #require(schema.table(named: Self.evil))
            let document = try #require(PostgresDDL(schema: schema).searchDocument(table))
            #expect(try await db.strings("SELECT feeling::text FROM \(t) WHERE \(document) @@ plainto_tsquery('english', 'changed')") == [Self.evil])

            // Partitions with hostile names route rows.
            let p = Self.q(Self.partitioned), k = Self.q(Self.partitionColumn)
            try await db.execute("INSERT INTO \(p) (\(k)) VALUES (1), (3)")
            #expect(try await db.strings("SELECT relname::text FROM pg_class WHERE oid IN (SELECT tableoid FROM \(p)) ORDER BY 1") == ["p'); DROP TABLE x; --", "p_default\""])
            try await db.execute("DELETE FROM x")
            #expect(try await db.string("SELECT count(*)::text FROM \(t)") == "0", "cascade through the hostile foreign key")
        }
    }
}
