/// Renders a schema as PostgreSQL 15 DDL. A pure function of the model.
public struct PostgresDDL {
    public let schema: Schema
    let sql = SQLSyntax(.postgres)

    public init(schema: Schema) { self.schema = schema }

    public func script(source: String) -> String {
        // About 1,100 bytes per table in the benchmark schema; capacity never touched costs nothing.
        var out = ScriptBuffer(reserving: schema.tables.count * 1600)
        out.line(DDL.header(source: source, dialect: .postgres))
        if let ns = schema.postgresSchema {
            out.block("CREATE SCHEMA IF NOT EXISTS \(sql.id(ns));")
            out.line("SET search_path TO \(sql.id(ns));")
        }
        for ext in schema.extensions { out.block(createExtension(ext)) }
        for e in schema.enums { out.block(createEnum(e)) }
        let order = DependencyOrder(schema)
        var deferred: [String] = []
        for i in order.tables {
            let table = schema.tables[i]
            // Deferred foreign keys are rare: no set (and no key strings) unless the schema has any.
            let skip = order.deferredForeignKeys.isEmpty ? [] : Set(table.foreignKeys.filter { order.deferredForeignKeys.contains(DependencyOrder.key(table: table.name, constraint: $0.name)) }.map(\.name))
            out.startBlock()
            writeCreateTable(table, omittingForeignKeys: skip, into: &out.text)
            out.text += "\n"
            for statement in partitions(table) { out.line(statement) }
            for statement in comments(table) { out.line(statement) }
            for index in table.indexes {
                writeCreateIndex(index, on: table.name, into: &out.text)
                out.text += "\n"
            }
            if let statement = searchIndex(table) { out.line(statement) }
            for statement in autoUpdateTriggers(table) { out.line(statement) }
            for fk in table.foreignKeys where skip.contains(fk.name) { deferred.append(addForeignKey(fk, to: table.name)) }
        }
        if !deferred.isEmpty {
            out.block("-- Foreign keys of a reference cycle, added once every table exists.")
            for statement in deferred { out.line(statement) }
        }
        for i in order.views {
            for statement in createView(schema.views[i]) { out.block(statement) }
        }
        for block in schema.rawSQL where block.dialect == .postgres {
            out.block(SQLSyntax.comment("sql: \(block.name)") + SQLSyntax.trimmedStatement(block.up) + ";")
        }
        return out.text
    }

    public func createExtension(_ name: String) -> String {
        "CREATE EXTENSION IF NOT EXISTS \(sql.id(name))" + (schema.postgresSchema.map { " WITH SCHEMA \(sql.id($0))" } ?? "") + ";"
    }

    public func createEnum(_ e: EnumType) -> String {
        var s = "CREATE TYPE \(sql.id(e.name)) AS ENUM (\(e.values.map(sql.literal).joined(separator: ", ")));"
        if let comment = e.comment { s += "\nCOMMENT ON TYPE \(sql.id(e.name)) IS \(sql.literal(comment));" }
        return s
    }

    // MARK: Tables

    /// The PostgreSQL type of a logical type.
    public func columnType(_ type: ColumnType) -> String {
        switch type {
        case .bool: return "BOOLEAN"
        case .smallint: return "SMALLINT"
        case .int, .serial: return "INTEGER"
        case .bigint, .bigserial, .unixtime: return "BIGINT"
        case .real: return "REAL"
        case .double: return "DOUBLE PRECISION"
        case let .decimal(p, s):
            if let p, let s { return "NUMERIC(\(p),\(s))" }
            if let p { return "NUMERIC(\(p))" }
            return "NUMERIC"
        case .string(let n): return "VARCHAR(\(n))"
        case .text: return "TEXT"
        case .uuid: return "UUID"
        case .timestamp: return "TIMESTAMPTZ"
        case .datetime: return "TIMESTAMP"
        case .time: return "TIME"
        case .date: return "DATE"
        case .json: return "JSONB"
        case .bytes: return "BYTEA"
        case .array(let element): return columnType(element) + "[]"
        case .enumeration(let name): return sql.id(name)
        case .custom(_, let postgres, _): return postgres ?? "TEXT"
        }
    }

    public func createTable(_ table: Table, omittingForeignKeys skip: Set<String> = [], name: String? = nil) -> String {
        var s = ""
        writeCreateTable(table, omittingForeignKeys: skip, name: name, into: &s)
        return s
    }

    /// `createTable`, appended to `s`: the whole script is one buffer, without a string per line.
    func writeCreateTable(_ table: Table, omittingForeignKeys skip: Set<String> = [], name: String? = nil, into s: inout String) {
        s += "CREATE TABLE "
        sql.appendID(name ?? table.name, to: &s)
        s += " (\n"
        var first = true
        /// Starts the next line of the body: `,` after the previous one.
        func nextLine() {
            if !first { s += ",\n" }
            first = false
            s += "    "
        }
        for column in table.columns {
            nextLine()
            writeColumnDefinition(column, into: &s)
        }
        if let pk = table.primaryKey {
            nextLine()
            sql.appendConstraint(pk.name, "PRIMARY KEY", columns: pk.columns, to: &s)
        }
        for u in table.uniques {
            nextLine()
            sql.appendConstraint(u.name, "UNIQUE", columns: u.columns, to: &s)
        }
        for check in table.checks {
            nextLine()
            s += "CONSTRAINT "
            sql.appendID(check.name, to: &s)
            s += " CHECK (\(SQLSyntax.trimmedStatement(check.expression)))"
        }
        for fk in table.foreignKeys where !skip.contains(fk.name) {
            nextLine()
            s += "CONSTRAINT "
            sql.appendID(fk.name, to: &s)
            s += " "
            sql.appendForeignKeyClause(fk, to: &s)
        }
        s += "\n)"
        if let p = table.partition {
            s += " PARTITION BY \(p.strategy.rawValue.uppercased()) (\(sql.ids(p.columns)))"
        }
        s += ";"
    }

    public func columnDefinition(_ column: Column) -> String {
        var s = ""
        writeColumnDefinition(column, into: &s)
        return s
    }

    func writeColumnDefinition(_ column: Column, into s: inout String) {
        sql.appendID(column.name, to: &s)
        s += " "
        writeColumnType(column.type, into: &s)
        if column.type.isSerial { s += " GENERATED BY DEFAULT AS IDENTITY" }
        if let generated = column.generated {
            s += " GENERATED ALWAYS AS (\(SQLSyntax.trimmedStatement(generated.expression))) STORED"
        }
        if !column.nullable { s += " NOT NULL" }
        if let d = column.defaultValue, let rendered = defaultExpression(d, type: column.type) {
            s += " DEFAULT "
            s += rendered
        }
    }

    /// `columnType`, appended to `s`.
    func writeColumnType(_ type: ColumnType, into s: inout String) {
        switch type {
        case .string(let n):
            s += "VARCHAR("
            s += String(n)
            s += ")"
        case .enumeration(let name): sql.appendID(name, to: &s)
        default: s += columnType(type)
        }
    }

    func foreignKeyClause(_ fk: ForeignKey) -> String { sql.foreignKeyClause(fk) }

    public func addForeignKey(_ fk: ForeignKey, to table: String) -> String {
        "ALTER TABLE \(sql.id(table)) ADD CONSTRAINT \(sql.id(fk.name)) \(foreignKeyClause(fk));"
    }

    /// The SQL of a default, or nil when the default has no PostgreSQL form.
    public func defaultExpression(_ value: DefaultValue, type: ColumnType) -> String? {
        switch value {
        case .null: return "NULL"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if type.isTextual { return sql.literal(n) }
            return numberLiteral(n)
        case .string(let text):
            if type.isNumeric, YAMLNode.resolvePlain(text).isNumber { return numberLiteral(text) }
            return sql.literal(text)
        case .json(let value):
            if case .array(let element) = type, case .array(let items) = value {
                return sql.literal(PostgresDDL.arrayLiteral(items)) + "::" + columnType(element) + "[]"
            }
            return sql.literal(value.text) + "::jsonb"
        case .function(let f): return functionExpression(f, type: type)
        // Parenthesized: a column DEFAULT takes only PostgreSQL's restricted
        // expression grammar (no NOT, IN, IS, AND, ...) unless in parentheses.
        case .sql(let raw): return "(\(SQLSyntax.trimmedStatement(raw)))"
        case .perDialect(_, let postgres): return postgres.map { "(\(SQLSyntax.trimmedStatement($0)))" }
        }
    }

    /// A YAML number as PostgreSQL writes it: YAML's `.inf` and `.nan` are the
    /// quoted special values of real, double precision and numeric.
    func numberLiteral(_ n: String) -> String {
        switch n {
        case ".inf", "+.inf": return "'Infinity'"
        case "-.inf": return "'-Infinity'"
        case ".nan": return "'NaN'"
        default: return n
        }
    }

    /// PostgreSQL's array input syntax for JSON scalars: `{"a","b"}`.
    static func arrayLiteral(_ items: [JSONValue]) -> String {
        let parts = items.map { item -> String in
            switch item {
            case .null: return "NULL"
            case .bool(let b): return b ? "true" : "false"
            case .number(let n): return n
            case .string(let s):
                return "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
            case .array, .object: return "\"" + item.text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
            }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// The PostgreSQL expression of a portable function for a column of `type`.
    public func functionExpression(_ f: PortableFunction, type: ColumnType) -> String {
        switch f {
        case .now:
            if type == .datetime { return "(now() AT TIME ZONE 'UTC')" }
            if type == .unixtime { return "(EXTRACT(EPOCH FROM now()))::bigint" }
            return "now()"
        case .uuid: return type == .uuid ? "gen_random_uuid()" : "(gen_random_uuid())::text"
        case .unixepoch: return "(EXTRACT(EPOCH FROM now()))::bigint"
        case .currentDate: return "CURRENT_DATE"
        }
    }

    public func partitions(_ table: Table) -> [String] {
        guard let p = table.partition else { return [] }
        return p.partitions.map { part in
            "CREATE TABLE \(sql.id(part.name)) PARTITION OF \(sql.id(table.name)) "
                + (part.bound.map { "FOR VALUES \(SQLSyntax.trimmedStatement($0))" } ?? "DEFAULT") + ";"
        }
    }

    public func comments(_ table: Table) -> [String] {
        var out: [String] = []
        if let c = table.comment { out.append("COMMENT ON TABLE \(sql.id(table.name)) IS \(sql.literal(c));") }
        for column in table.columns {
            if let c = column.comment {
                out.append("COMMENT ON COLUMN \(sql.id(table.name)).\(sql.id(column.name)) IS \(sql.literal(c));")
            }
        }
        return out
    }

    // MARK: Indexes

    public func createIndex(_ index: Index, on table: String, concurrently: Bool = false) -> String {
        var s = ""
        writeCreateIndex(index, on: table, concurrently: concurrently, into: &s)
        return s
    }

    /// `createIndex`, appended to `s`.
    func writeCreateIndex(_ index: Index, on table: String, concurrently: Bool = false, into s: inout String) {
        s += index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX "
        if concurrently { s += "CONCURRENTLY " }
        sql.appendID(index.name, to: &s)
        s += " ON "
        sql.appendID(table, to: &s)
        if let method = index.method, method != .btree { s += " USING \(method.rawValue)" }
        s += " ("
        for (i, part) in index.parts.enumerated() {
            if i > 0 { s += ", " }
            switch part {
            case let .column(name, descending, nulls):
                sql.appendID(name, to: &s)
                if descending { s += " DESC" }
                if let nulls { s += " NULLS \(nulls.rawValue)" }
            case .expression(let e): s += "(\(SQLSyntax.trimmedStatement(e)))"
            }
        }
        s += ")"
        if !index.include.isEmpty { s += " INCLUDE (\(sql.ids(index.include)))" }
        if let predicate = index.predicate { s += " WHERE \(SQLSyntax.trimmedStatement(predicate))" }
        s += ";"
    }

    /// The tsvector expression the search index is built on; queries must use the same one.
    public func searchDocument(_ table: Table) -> String? {
        guard let search = table.search else { return nil }
        let joined = search.columns.map { "coalesce(\(sql.id($0)), '')" }.joined(separator: " || ' ' || ")
        return "to_tsvector(\(sql.literal(search.language))::regconfig, \(joined))"
    }

    public func searchIndex(_ table: Table) -> String? {
        guard let document = searchDocument(table) else { return nil }
        return "CREATE INDEX \(sql.id(Naming.searchIndex(table: table.name))) ON \(sql.id(table.name)) USING gin ((\(document)));"
    }

    // MARK: Triggers

    /// The function name behind an `auto_update` column's trigger.
    public func autoUpdateFunctionName(table: String, column: String) -> String {
        Naming.fit("\(table)_touch_\(column)")
    }

    public func autoUpdateTriggers(_ table: Table) -> [String] {
        table.columns.filter(\.autoUpdate).map { column in
            let c = sql.id(column.name)
            let function = sql.id(autoUpdateFunctionName(table: table.name, column: column.name))
            let trigger = sql.id(Naming.autoUpdateTrigger(table: table.name, column: column.name))
            let body = """

            BEGIN
                IF NEW.\(c) IS NOT DISTINCT FROM OLD.\(c) THEN
                    NEW.\(c) := \(functionExpression(.now, type: column.type));
                END IF;
                RETURN NEW;
            END;

            """
            return "CREATE FUNCTION \(function)() RETURNS trigger LANGUAGE plpgsql AS \(PostgresDDL.dollarQuoted(body));\n"
                + "CREATE TRIGGER \(trigger) BEFORE UPDATE ON \(sql.id(table.name)) FOR EACH ROW EXECUTE FUNCTION \(function)();"
        }
    }

    /// `$tag$body$tag$` with a tag that does not occur in the body, so that no
    /// name inside the body can close the quote.
    static func dollarQuoted(_ body: String) -> String {
        var tag = "$schemagen$"
        while body.containsBytes(tag) { tag = "$schemagen" + String(tag.count) + "$" }
        return tag + body + tag
    }

    // MARK: Views

    public func createView(_ view: View) -> [String] {
        guard let body = view.sql.postgres else { return [] }
        let kind = view.materialized ? "MATERIALIZED VIEW" : "VIEW"
        var s = "CREATE \(kind) \(sql.id(view.name)) AS\n\(SQLSyntax.trimmedStatement(body));"
        if let comment = view.comment { s += "\nCOMMENT ON \(kind) \(sql.id(view.name)) IS \(sql.literal(comment));" }
        for index in view.indexes where view.materialized { s += "\n" + createIndex(index, on: view.name) }
        return [s]
    }
}
