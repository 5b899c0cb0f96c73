import Foundation
import GRDB
import PostgresNIO
import SchemagenCore

/// A catalog: everything the migration oracle and the inspector round trips compare, as sorted lines of text.
public typealias Catalog = [String]

/// SQLite through GRDB, in memory, foreign keys on (GRDB's default), as
/// migration scripts expect to be run.
public struct SQLiteEngine {
    public let db: DatabaseQueue

    public init() throws { db = try DatabaseQueue() }

    /// A database file (created when missing), as `schemagen inspect` reads it.
    public init(path: String) throws { db = try DatabaseQueue(path: path) }

    /// Runs a script statement by statement, outside any transaction of GRDB's own.
    public func run(_ script: String) throws {
        try db.writeWithoutTransaction { db in
            do {
                try db.execute(sql: script)
            } catch {
                // A script that fails halfway leaves its transaction open, as sqlite3 would.
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                throw error
            }
        }
    }

    public func rows(_ sql: String) throws -> [[String?]] {
        try db.read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { v in v.isNull ? nil : "\(v.storage)" } }
        }
    }

    /// Tables (columns in order and constraints as a set, parsed from their SQL),
    /// foreign keys, strictness, indexes, triggers and views of the database.
    public func catalog() throws -> Catalog {
        try db.read { db in
            var lines: [String] = []
            let objects = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name <> 'sqlite_sequence' ORDER BY type, name")
            let strict = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE strict = 1"))
            for o in objects {
                let type: String = o["type"], name: String = o["name"], sql: String = o["sql"]
                if type == "table" && !sql.uppercased().hasPrefix("CREATE VIRTUAL") {
                    let (columns, constraints) = SQLText.tableParts(sql)
                    lines.append("table \(name)\(strict.contains(name) ? " STRICT" : "")")
                    // Columns as a set: SQLite's ADD COLUMN appends, so the order of added columns follows the migrations.
                    for c in columns.sorted() { lines.append("  column \(name) \(c)") }
                    for c in constraints.sorted() { lines.append("  constraint \(name) \(c)") }
                    for fk in try Row.fetchAll(db, sql: "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY \"table\", \"from\"", arguments: [name]) {
                        lines.append("  fk \(name) \(fk.databaseValues.map { "\($0.storage)" }.joined(separator: " "))")
                    }
                } else {
                    lines.append("\(type) \(name) on \(o["tbl_name"] as String): \(SQLText.normalize(sql))")
                }
            }
            return lines
        }
    }
}

/// Small text helpers for comparing SQL the engines stored.
public enum SQLText {
    /// Without comments and double quotes, whitespace collapsed: the form in which
    /// a statement written by schemagen and one rewritten by SQLite's ALTER TABLE compare equal.
    public static func normalize(_ sql: String) -> String {
        var out = ""
        var lastSpace = true
        var i = sql.startIndex
        while i < sql.endIndex {
            let ch = sql[i]
            if ch == "-", sql[i...].hasPrefix("--") {
                while i < sql.endIndex && sql[i] != "\n" { i = sql.index(after: i) }
                continue
            }
            if ch == "\"" { i = sql.index(after: i); continue }
            if ch.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                if "(),;".contains(ch), out.hasSuffix(" ") { out.removeLast() }
                out.append(ch)
                lastSpace = "(,".contains(ch)
            }
            i = sql.index(after: i)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// The column definitions (in order) and the table constraints of a CREATE TABLE.
    public static func tableParts(_ sql: String) -> (columns: [String], constraints: [String]) {
        let text = normalize(sql)
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return ([], []) }
        let body = text[text.index(after: open) ..< close]
        var items: [String] = []
        var depth = 0, quote = false, current = ""
        for ch in body {
            if ch == "'" { quote.toggle() }
            if !quote {
                if ch == "(" { depth += 1 }
                if ch == ")" { depth -= 1 }
                if ch == "," && depth == 0 {
                    items.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                    continue
                }
            }
            current.append(ch)
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        var columns: [String] = [], constraints: [String] = []
        for item in items {
            let first = item.split(separator: " ").first.map { $0.uppercased() } ?? ""
            if ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].contains(first) { constraints.append(item) } else { columns.append(item) }
        }
        return (columns, constraints)
    }
}

/// PostgreSQL: PostgresNIO for queries, `psql -v ON_ERROR_STOP=1 -f` for
/// scripts (how the format says migration scripts are run), through
/// DatabaseTestSupport's `TestPostgres`. Each test case works in its own schema
/// of one database.
public final class PostgresEngine: Sendable {
    public let server: TestPostgres
    public let connection: PostgresConnection
    public let database: String

    public static func connect(database: String) async throws -> PostgresConnection {
        try await TestPostgres.fromEnvironment().connect(database: database)
    }

    /// A fresh database (a unique name starting with `name`) for this engine.
    public static func make(name: String) async throws -> PostgresEngine {
        let server = try TestPostgres.fromEnvironment()
        let database = try await server.createDatabase(prefix: name + "_")
        return PostgresEngine(server: server, connection: try await server.connect(database: database), database: database)
    }

    public init(server: TestPostgres, connection: PostgresConnection, database: String) {
        self.server = server
        self.connection = connection
        self.database = database
    }

    public func close() async throws {
        try await connection.close()
        try await server.dropDatabase(database)
    }

    /// One statement (PostgresNIO sends one statement per query; scripts go through `runScript`).
    public func execute(_ sql: String) async throws {
        try await connection.run(sql)
    }

    /// The rows of one query, every cell as text (queries cast what they select to text).
    public func texts(_ sql: String) async throws -> [[String?]] {
        try await connection.texts(sql)
    }

    /// Runs a script with psql in `schema`, as a user would; throws psql's output on failure.
    public func runScript(_ script: String, schema: String) async throws {
        try await server.psql(script, database: database, searchPath: schema)
    }

    /// Relations (with their row-level security), policies, columns, constraints, indexes, triggers, functions,
    /// views, partitions and their bounds, enums and comments of `schema`.
    public func catalog(schema: String) async throws -> Catalog {
        let quoted = SQLSyntax(.postgres).id(schema)
        try await execute("SET search_path TO \(quoted)")
        let ns = "(SELECT oid FROM pg_namespace WHERE nspname = '\(schema)')"
        let queries = [
            // Row-level security: enabled (relrowsecurity) and forced (relforcerowsecurity), options (a view's security_invoker), and the policies below.
            "SELECT 'relation ' || relname || ' ' || relkind::text || CASE WHEN relrowsecurity THEN ' RLS' ELSE '' END || CASE WHEN relforcerowsecurity THEN ' FORCED' ELSE '' END || coalesce(' ' || reloptions::text, '') || coalesce(' ' || obj_description(oid, 'pg_class'), '') FROM pg_class WHERE relnamespace = \(ns) AND relkind IN ('r','p','v','m','S')",
            "SELECT 'policy ' || c.relname || ' ' || p.polname || ' ' || p.polcmd::text || CASE WHEN p.polpermissive THEN ' permissive' ELSE ' restrictive' END || ' ' || p.polroles::text || ' USING ' || coalesce(pg_get_expr(p.polqual, p.polrelid), '-') || ' CHECK ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '-') FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = \(ns)",
            "SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') || ' ' || a.attidentity::text || a.attgenerated::text || coalesce(' -- ' || col_description(c.oid, a.attnum), '') FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE c.relnamespace = \(ns) AND c.relkind IN ('r','p','v','m') AND a.attnum > 0 AND NOT a.attisdropped",
            "SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = \(ns) AND contype <> 'n' AND conparentid = 0",
            "SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = '\(schema)'",
            "SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = \(ns) AND NOT t.tgisinternal",
            // Not the functions of an extension: it is installed once per database, in the first schema that asks.
            "SELECT 'function ' || proname || ' ' || prosrc FROM pg_proc p WHERE pronamespace = \(ns) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')",
            "SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = '\(schema)'",
            "SELECT 'matview ' || matviewname || ' ' || definition FROM pg_matviews WHERE schemaname = '\(schema)'",
            "SELECT 'partition ' || c.relname || ' of ' || p.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent WHERE c.relnamespace = \(ns) AND c.relispartition AND c.relkind IN ('r','p')",
            "SELECT 'partition key ' || relname || ' ' || pg_get_partkeydef(oid) FROM pg_class WHERE relnamespace = \(ns) AND relkind = 'p'",
            "SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) || coalesce(' -- ' || obj_description(t.oid, 'pg_type'), '') FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = \(ns) GROUP BY t.oid, t.typname",
        ]
        var lines: [String] = []
        for q in queries {
            // Definitions name the schema of their table; the two databases compared live in different schemas.
            for row in try await texts(q) {
                lines.append((row.first.flatMap { $0 } ?? "NULL").replacingOccurrences(of: " \(quoted).", with: " ").replacingOccurrences(of: "(\(quoted).", with: "("))
            }
        }
        try await execute("SET search_path TO public")
        return lines.sorted()
    }
}
