import Foundation
import GRDB
import SchemagenCore
import Testing

/// One object as an engine's catalog lists it: its kind and name.
struct CatalogObject: Hashable, Comparable, CustomStringConvertible {
    var kind: String
    var name: String

    init(_ kind: String, _ name: String) {
        self.kind = kind
        self.name = name
    }

    static func < (a: Self, b: Self) -> Bool { (a.kind, a.name) < (b.kind, b.name) }
    var description: String { "\(kind) \(String(reflecting: name))" }
}

/// What the DDL of a schema must create, computed from the model, and what
/// the catalogs (sqlite_master, pg_catalog) say was created.
enum Catalog {
    // MARK: SQLite

    /// Tables (with the FTS5 tables and their shadow tables), btree indexes,
    /// triggers (search sync and auto_update) and views.
    static func expectedSQLite(_ schema: Schema) -> Set<CatalogObject> {
        var out = Set<CatalogObject>()
        for table in schema.tables {
            out.insert(.init("table", table.name))
            for index in table.indexes where index.method == nil || index.method == .btree {
                out.insert(.init("index", index.name))
            }
            if table.search != nil {
                let fts = Naming.ftsTable(table: table.name)
                out.insert(.init("table", fts))
                for shadow in ["data", "idx", "docsize", "config"] { out.insert(.init("table", "\(fts)_\(shadow)")) }
                for suffix in ["ai", "ad", "au"] { out.insert(.init("trigger", Naming.fit("\(fts)_\(suffix)"))) }
            }
            for column in table.columns where column.autoUpdate {
                out.insert(.init("trigger", Naming.fit("trg_\(table.name)_\(column.name)")))
            }
        }
        for view in schema.views where view.sql.sqlite != nil { out.insert(.init("view", view.name)) }
        for table in schema.tables {
            for fk in table.foreignKeys {
                out.insert(foreignKey(table.name, fk.columns, fk.referencedTable, fk.referencedColumns,
                                      onDelete: (fk.onDelete ?? .noAction).sql, onUpdate: (fk.onUpdate ?? .noAction).sql))
            }
        }
        return out
    }

    /// Everything in sqlite_master except SQLite's own objects (sqlite_sequence,
    /// autoindexes), and every table's foreign keys as PRAGMA foreign_key_list reads them.
    static func actualSQLite(_ queue: DatabaseQueue) throws -> Set<CatalogObject> {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
            var out = Set(rows.map { CatalogObject($0["type"], $0["name"]) })
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
            for table in tables {
                let keys = try Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq", arguments: [table])
                for (_, parts) in Dictionary(grouping: keys, by: { $0["id"] as Int }) {
                    out.insert(foreignKey(table, parts.map { $0["from"] }, parts[0]["table"], parts.map { $0["to"] },
                                          onDelete: parts[0]["on_delete"], onUpdate: parts[0]["on_update"]))
                }
            }
            return out
        }
    }

    /// A foreign key by what it does (its name is not in SQLite's catalog).
    static func foreignKey(_ table: String, _ columns: [String], _ target: String, _ targetColumns: [String],
                           onDelete: String, onUpdate: String) -> CatalogObject {
        .init("foreign key", "\(table)(\(columns.joined(separator: ", "))) -> \(target)(\(targetColumns.joined(separator: ", "))) on delete \(onDelete) on update \(onUpdate)")
    }

    /// Records an issue for every missing and every unexpected object.
    static func expectSQLite(_ schema: Schema, in queue: DatabaseQueue, alsoCreatedByRawSQL extra: Set<CatalogObject> = [],
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        compare(expected: expectedSQLite(schema).union(extra), actual: try actualSQLite(queue), engine: "SQLite", sourceLocation: sourceLocation)
    }

    // MARK: PostgreSQL

    /// Tables and partitions, views, materialized views, indexes (declared,
    /// search, constraint-backed, on materialized views), auto_update triggers
    /// and their functions, enum types, named constraints and extensions.
    static func expectedPostgres(_ schema: Schema) -> Set<CatalogObject> {
        var out = Set<CatalogObject>()
        for table in schema.tables {
            out.insert(.init("table", table.name))
            for part in table.partition?.partitions ?? [] { out.insert(.init("table", part.name)) }
            for index in table.indexes { out.insert(.init("index", index.name)) }
            if table.search != nil { out.insert(.init("index", Naming.searchIndex(table: table.name))) }
            if let pk = table.primaryKey {
                out.insert(.init("index", pk.name))
                out.insert(.init("constraint", "\(table.name).\(pk.name)"))
            }
            for u in table.uniques {
                out.insert(.init("index", u.name))
                out.insert(.init("constraint", "\(table.name).\(u.name)"))
            }
            for c in table.checks { out.insert(.init("constraint", "\(table.name).\(c.name)")) }
            for fk in table.foreignKeys {
                out.insert(.init("constraint", "\(table.name).\(fk.name)"))
                out.insert(foreignKey(table.name, fk.columns, fk.referencedTable, fk.referencedColumns,
                                      onDelete: (fk.onDelete ?? .noAction).sql, onUpdate: (fk.onUpdate ?? .noAction).sql))
            }
            for column in table.columns where column.autoUpdate {
                out.insert(.init("trigger", "\(table.name).\(Naming.fit("trg_\(table.name)_\(column.name)"))"))
                out.insert(.init("trigger function", Naming.autoUpdateFunction(table: table.name, column: column.name)))
            }
        }
        for view in schema.views where view.sql.postgres != nil {
            out.insert(.init(view.materialized ? "materialized view" : "view", view.name))
            if view.materialized { for index in view.indexes { out.insert(.init("index", index.name)) } }
        }
        for e in schema.enums { out.insert(.init("enum", e.name)) }
        for name in schema.extensions { out.insert(.init("extension", name)) }
        return out
    }

    /// The objects of the schema's namespace, leaving out what extensions own
    /// and what PostgreSQL derives for partitions (attached indexes, cloned
    /// triggers and constraints).
    static func actualPostgres(_ db: PGTestDatabase, namespace: String) async throws -> Set<CatalogObject> {
        let ns = "(SELECT oid FROM pg_namespace WHERE nspname = \(sqlString(namespace)))"
        let notExtensionMember = { (catalog: String, oid: String) in
            "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '\(catalog)'::regclass AND d.objid = \(oid) AND d.deptype = 'e')"
        }
        var out = Set<CatalogObject>()
        let relations = try await db.rows("""
            SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                   WHEN 'm' THEN 'materialized view' ELSE 'index' END, c.relname::text
            FROM pg_class c
            WHERE c.relnamespace = \(ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I')
              AND NOT (c.relkind IN ('i', 'I') AND c.relispartition)
              AND \(notExtensionMember("pg_class", "c.oid"))
            """)
        for row in relations { out.insert(.init(row[0]!, row[1]!)) }
        let triggers = try await db.rows("""
            SELECT c.relname::text, t.tgname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = \(ns) AND NOT t.tgisinternal AND t.tgparentid = 0
            """)
        for row in triggers { out.insert(.init("trigger", "\(row[0]!).\(row[1]!)")) }
        let functions = try await db.strings("""
            SELECT p.proname::text FROM pg_proc p
            WHERE p.pronamespace = \(ns) AND p.prorettype = 'trigger'::regtype AND \(notExtensionMember("pg_proc", "p.oid"))
            """)
        for name in functions { out.insert(.init("trigger function", name!)) }
        let enums = try await db.strings("""
            SELECT t.typname::text FROM pg_type t
            WHERE t.typnamespace = \(ns) AND t.typtype = 'e' AND \(notExtensionMember("pg_type", "t.oid"))
            """)
        for name in enums { out.insert(.init("enum", name!)) }
        let constraints = try await db.rows("""
            SELECT c.relname::text, k.conname::text FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE c.relnamespace = \(ns) AND k.contype IN ('p', 'u', 'c', 'f') AND NOT c.relispartition
            """)
        for row in constraints { out.insert(.init("constraint", "\(row[0]!).\(row[1]!)")) }
        let action = "CASE %@ WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END"
        let columnList = { (keys: String, relation: String) in
            "(SELECT string_agg(a.attname::text, chr(31) ORDER BY u.ord) FROM unnest(\(keys)) WITH ORDINALITY AS u(num, ord) JOIN pg_attribute a ON a.attrelid = \(relation) AND a.attnum = u.num)"
        }
        let foreignKeys = try await db.rows("""
            SELECT c.relname::text, \(columnList("k.conkey", "k.conrelid")), f.relname::text, \(columnList("k.confkey", "k.confrelid")),
                   \(action.replacingOccurrences(of: "%@", with: "k.confdeltype")), \(action.replacingOccurrences(of: "%@", with: "k.confupdtype"))
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid
            WHERE c.relnamespace = \(ns) AND k.contype = 'f' AND NOT c.relispartition
            """)
        for row in foreignKeys {
            let split = { (text: String?) in (text ?? "").split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
            out.insert(foreignKey(row[0]!, split(row[1]), row[2]!, split(row[3]), onDelete: row[4]!, onUpdate: row[5]!))
        }
        let extensions = try await db.strings("SELECT extname::text FROM pg_extension WHERE extnamespace = \(ns)")
        for name in extensions { out.insert(.init("extension", name!)) }
        return out
    }

    static func expectPostgres(_ schema: Schema, in db: PGTestDatabase, alsoCreatedByRawSQL extra: Set<CatalogObject> = [],
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let namespace = schema.postgresSchema ?? "public"
        let actual = try await actualPostgres(db, namespace: namespace)
        compare(expected: expectedPostgres(schema).union(extra), actual: actual, engine: "PostgreSQL", sourceLocation: sourceLocation)
        if namespace != "public" {
            // postgres.schema: nothing lands in public.
            let inPublic = try await db.strings("""
                SELECT 'relation ' || relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                UNION ALL SELECT 'type ' || typname FROM pg_type WHERE typnamespace = 'public'::regnamespace
                UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                """)
            #expect(inPublic.isEmpty, "objects in public although postgres.schema is \(namespace): \(inPublic)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Comparison

    static func compare(expected: Set<CatalogObject>, actual: Set<CatalogObject>, engine: String, sourceLocation: Testing.SourceLocation) {
        let missing = expected.subtracting(actual).sorted()
        let unexpected = actual.subtracting(expected).sorted()
        #expect(missing.isEmpty, "\(engine) lacks declared objects: \(missing)", sourceLocation: sourceLocation)
        #expect(unexpected.isEmpty, "\(engine) has objects nothing declared: \(unexpected)", sourceLocation: sourceLocation)
    }

    /// A PostgreSQL string literal for a catalog query.
    static func sqlString(_ text: String) -> String {
        SQLSyntax(.postgres).literal(text)
    }
}
