/// Renders a schema as SQLite DDL. A pure function of the model.
///
/// SQLite lacks enums, booleans, JSON and array types: CHECK constraints stand
/// in for them. What SQLite cannot do at all (GIN indexes, partitioning,
/// materialized views, extensions) leaves a one-line comment, never invalid SQL.
public struct SQLiteDDL: Sendable {
    public var dialect: Dialect { .sqlite }
    public let schema: Schema
    let sql = SQLSyntax(.sqlite)
    /// Each enum's values as SQL literals, `'a', 'b'`: rendered once, not for every column of the enum.
    private let enumValueLists: [String: String]

    public init(schema: Schema) {
        self.schema = schema
        var lists: [String: String] = [:]
        let sql = SQLSyntax(.sqlite)
        for e in schema.enums { lists[e.name] = e.values.map(sql.literal).joined(separator: ", ") }
        self.enumValueLists = lists
    }

    // MARK: Tables

    /// The SQLite storage type of a logical type. A decimal is NUMERIC, which stores the text the
    /// records write as INTEGER or REAL; STRICT tables do not allow NUMERIC, and there it is REAL
    /// (TEXT or ANY would keep that text as text, which compares above every number and sorts as text).
    public func storageType(_ type: ColumnType, strict: Bool) -> String {
        switch type {
        case .bool, .smallint, .int, .bigint, .serial, .bigserial, .unixtime: return "INTEGER"
        case .real, .double: return "REAL"
        case .decimal: return strict ? "REAL" : "NUMERIC"
        case .string, .char, .text, .uuid, .timestamp, .datetime, .time, .date, .json, .array, .enumeration: return "TEXT"
        case .bytes: return "BLOB"
        case .custom(let sqlite, _, _): return sqlite ?? "ANY"
        }
    }

    /// The CREATE TABLE (under `name` when given), appended to `s`: a script is one buffer, without a string per line.
    func writeCreateTable(_ table: Table, name: String? = nil, into s: inout String) {
        if let comment = table.comment { s += SQLSyntax.comment(comment) }
        if let partition = table.partition {
            s += SQLSyntax.comment("PostgreSQL-only: partitioned by \(partition.strategy.rawValue) (\(partition.columns.joined(separator: ", "))) on PostgreSQL; one plain table here.")
        }
        s += "CREATE TABLE "
        sql.appendID(name ?? table.name, to: &s)
        s += " (\n"
        var first = true
        /// Starts the next line of the body: `,` after the previous one.
        func nextLine() {
            if !first { s += ",\n" }
            first = false
        }
        let identity = table.identityColumn
        for column in table.columns {
            nextLine()
            if let comment = column.comment { s += SQLSyntax.comment(comment, indent: "    ") }
            s += "    "
            writeColumnDefinition(column, table: table, isIdentity: column.name == identity?.name, into: &s)
        }
        if let pk = table.primaryKey, identity == nil {
            nextLine()
            s += "    "
            sql.appendConstraint(pk.name, "PRIMARY KEY", columns: pk.columns, to: &s)
        }
        for u in table.uniques {
            nextLine()
            s += "    "
            sql.appendConstraint(u.name, "UNIQUE", columns: u.columns, to: &s)
        }
        for check in table.checks {
            nextLine()
            s += "    CONSTRAINT "
            sql.appendID(check.name, to: &s)
            s += " CHECK (\(SQLSyntax.trimmedStatement(check.expression)))"
        }
        for fk in table.foreignKeys {
            nextLine()
            s += "    CONSTRAINT "
            sql.appendID(fk.name, to: &s)
            s += " "
            sql.appendForeignKeyClause(fk, to: &s)
        }
        s += "\n)"
        if table.strict { s += " STRICT" }
        s += ";"
    }

    func writeColumnDefinition(_ column: Column, table: Table, isIdentity: Bool, into s: inout String) {
        sql.appendID(column.name, to: &s)
        if isIdentity {
            s += " INTEGER PRIMARY KEY AUTOINCREMENT"
            return
        }
        s += " "
        s += storageType(column.type, strict: table.strict)
        if let generated = column.generated {
            s += " GENERATED ALWAYS AS (\(SQLSyntax.trimmedStatement(generated.expression))) \(generated.stored ? "STORED" : "VIRTUAL")"
        }
        if !column.nullable { s += " NOT NULL" }
        if let d = column.defaultValue, let rendered = defaultExpression(d, type: column.type) {
            s += " DEFAULT "
            s += rendered
        }
        writeImpliedCheck(column, into: &s)
    }

    /// The check that stands in for a type SQLite does not have: what the planner compares to
    /// decide whether a column's definition changed.
    enum ImpliedCheck: Equatable {
        case boolean, json, array
        /// An enum's values, as the check lists them.
        case oneOf(String)
    }

    func impliedCheck(_ type: ColumnType) -> ImpliedCheck? {
        switch type {
        case .bool: return .boolean
        case .enumeration(let name): return enumValueLists[name].map { .oneOf($0) }
        case .json: return .json
        case .array: return .array
        default: return nil
        }
    }

    /// ` CHECK (...)`, the check that stands in for a type SQLite does not have, if the column needs one.
    func writeImpliedCheck(_ column: Column, into s: inout String) {
        switch column.type {
        case .bool:
            s += " CHECK ("
            sql.appendID(column.name, to: &s)
            s += " IN (0, 1))"
        case .enumeration(let enumName):
            guard let values = enumValueLists[enumName] else { return }
            s += " CHECK ("
            sql.appendID(column.name, to: &s)
            s += " IN ("
            s += values
            s += "))"
        case .json:
            let name = sql.id(column.name)
            s += " CHECK (\(name) IS NULL OR json_valid(\(name)))"
        case .array:
            let name = sql.id(column.name)
            s += " CHECK (\(name) IS NULL OR CASE WHEN json_valid(\(name)) THEN json_type(\(name)) = 'array' ELSE 0 END)"
        default:
            return
        }
    }

    /// The SQL of a default, or nil when the default has no SQLite form.
    public func defaultExpression(_ value: DefaultValue, type: ColumnType) -> String? {
        switch value {
        case .null: return "NULL"
        case .bool(let b): return b ? "1" : "0"
        case .number(let n):
            if type.isTextual { return sql.literal(n) }
            return numberLiteral(n)
        case .string(let text):
            if type.isNumeric, YAMLNode.resolvePlain(text).isNumber { return numberLiteral(text) }
            return sql.literal(text)
        case .json(let value): return sql.literal(value.text)
        case .function(let f): return "(\(functionExpression(f, type: type)))"
        case .sql(let raw): return "(\(SQLSyntax.trimmedStatement(raw)))"
        case .perDialect(let sqlite, _): return sqlite.map { "(\(SQLSyntax.trimmedStatement($0)))" }
        }
    }

    /// A YAML number as SQLite writes it. SQLite has no infinity literal (a
    /// real too large to represent is infinite) and no NaN (it stores NULL).
    func numberLiteral(_ n: String) -> String {
        switch n {
        case ".inf", "+.inf": return "9e999"
        case "-.inf": return "(-9e999)"
        case ".nan": return "NULL"
        default: return n.hasPrefix("-") ? "(\(n))" : n
        }
    }

    /// The SQLite expression of a portable function for a column of `type`.
    public func functionExpression(_ f: PortableFunction, type: ColumnType) -> String {
        switch f {
        case .now:
            if type == .datetime { return "strftime('%Y-%m-%d %H:%M:%f', 'now')" }
            if type == .unixtime { return "CAST(strftime('%s', 'now') AS INTEGER)" }
            return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        case .uuid:
            // A version-4 UUID as 36 lowercase characters.
            return "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
        case .unixepoch: return "CAST(strftime('%s', 'now') AS INTEGER)"
        case .currentDate: return "date('now')"
        }
    }

    // MARK: Indexes

    /// The CREATE INDEX statement, or a comment when SQLite cannot build the index, appended to `s`
    /// (one line, without its line break).
    func writeCreateIndex(_ index: Index, on table: String, into s: inout String) {
        if let method = index.method, method != .btree {
            // Through `comment`: a line break in the index name must not end the comment.
            s += SQLSyntax.comment("PostgreSQL-only: index \(sql.id(index.name)) uses \(method.rawValue); not created on SQLite.").dropLast()
            return
        }
        s += index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX "
        sql.appendID(index.name, to: &s)
        s += " ON "
        sql.appendID(table, to: &s)
        s += " ("
        for (i, part) in index.parts.enumerated() {
            if i > 0 { s += ", " }
            switch part {
            case let .column(name, descending, _):
                // SQLite's CREATE INDEX has no NULLS FIRST/LAST: NULLs sort first
                // ascending, last descending, and the index serves lookups either way.
                sql.appendID(name, to: &s)
                if descending { s += " DESC" }
            case .expression(let e): s += "(\(SQLSyntax.trimmedStatement(e)))"
            }
        }
        s += ")"
        if let predicate = index.predicate { s += " WHERE \(SQLSyntax.trimmedStatement(predicate))" }
        s += ";"
    }

    // MARK: Full-text search and triggers

    /// The FTS5 external-content table of a table with `search`.
    func searchTable(_ table: Table) -> String {
        guard let search = table.search else { return "" }
        let fts = sql.id(Naming.ftsTable(table: table.name))
        return "CREATE VIRTUAL TABLE \(fts) USING fts5(\(search.columns.map(SQLSyntax.quoted).joined(separator: ", ")), content=\(sql.literal(table.name)), content_rowid='rowid');"
    }

    /// The three triggers that keep the FTS5 table in step with its table.
    func searchTriggers(_ table: Table) -> String {
        guard let search = table.search else { return "" }
        let fts = sql.id(Naming.ftsTable(table: table.name))
        let cols = sql.ids(search.columns)
        let newValues = search.columns.map { "new." + sql.id($0) }.joined(separator: ", ")
        let oldValues = search.columns.map { "old." + sql.id($0) }.joined(separator: ", ")
        let t = sql.id(table.name)
        let trigger = { (suffix: String) in self.sql.id(Naming.searchTrigger(table: table.name, suffix: suffix)) }
        return [
            "CREATE TRIGGER \(trigger("ai")) AFTER INSERT ON \(t) BEGIN\n    INSERT INTO \(fts) (rowid, \(cols)) VALUES (new.rowid, \(newValues));\nEND;",
            "CREATE TRIGGER \(trigger("ad")) AFTER DELETE ON \(t) BEGIN\n    INSERT INTO \(fts) (\(fts), rowid, \(cols)) VALUES ('delete', old.rowid, \(oldValues));\nEND;",
            "CREATE TRIGGER \(trigger("au")) AFTER UPDATE ON \(t) BEGIN\n    INSERT INTO \(fts) (\(fts), rowid, \(cols)) VALUES ('delete', old.rowid, \(oldValues));\n    INSERT INTO \(fts) (rowid, \(cols)) VALUES (new.rowid, \(newValues));\nEND;",
        ].joined(separator: "\n")
    }

    /// An AFTER UPDATE trigger per `auto_update` column: sets it to now unless the UPDATE changed it.
    ///
    /// With several such columns, each trigger watches only its own column and the
    /// columns that are not auto_update (`UPDATE OF`): the UPDATE a sibling trigger
    /// runs sets just the sibling's column and must not fire this one, which would
    /// overwrite a value the user's UPDATE set. (An UPDATE that sets nothing but
    /// another auto_update column then leaves this one alone.)
    func autoUpdateTrigger(_ table: Table, _ column: Column) -> String {
        let c = sql.id(column.name)
        let name = sql.id(Naming.autoUpdateTrigger(table: table.name, column: column.name))
        var event = "AFTER UPDATE"
        if table.columns.lazy.filter(\.autoUpdate).count > 1 {
            let watched = table.columns.filter { ($0.name == column.name || !$0.autoUpdate) && $0.generated == nil }
            event += " OF \(sql.ids(watched.map(\.name)))"
        }
        return "CREATE TRIGGER \(name) \(event) ON \(sql.id(table.name)) FOR EACH ROW WHEN new.\(c) IS old.\(c) BEGIN\n    UPDATE \(sql.id(table.name)) SET \(c) = \(functionExpression(.now, type: column.type)) WHERE rowid = new.rowid;\nEND;"
    }

    /// A declared trigger: its body between `BEGIN` and `END` (the last `;` optional). SQLite fires a
    /// trigger on one event and for each row only; the validator holds a SQLite body to that.
    func declaredTrigger(_ trigger: Trigger, table: String) -> String {
        var s = "CREATE TRIGGER \(sql.id(trigger.name)) \(trigger.timing.rawValue.uppercased()) "
        s += sql.triggerEvents(trigger)
        s += " ON \(sql.id(table)) FOR EACH ROW"
        if let when = trigger.when?.sqlite { s += " WHEN \(SQLSyntax.trimmedStatement(when))" }
        return s + " BEGIN\n" + SQLSyntax.trimmedStatement(trigger.body.sqlite ?? "") + ";\nEND;"
    }

    // MARK: Views

    func createView(_ view: View) -> String {
        guard let body = view.sql.sqlite else { return "" }
        var s = ""
        if let comment = view.comment { s += SQLSyntax.comment(comment) }
        if view.materialized { s += "-- PostgreSQL-only: materialized on PostgreSQL; a plain view here.\n" }
        s += "CREATE VIEW \(sql.id(view.name)) AS\n\(SQLSyntax.trimmedStatement(body));"
        return s
    }
}
