extension PostgresDDL {
    /// The spelling of `table`'s data statements.
    public func statements(for table: String, columns: [String]) -> PostgresTableStatements {
        PostgresTableStatements(ddl: self, table: table, columns: columns)
    }

    /// What follows a placeholder's number: `::type`, or nothing without a cast.
    public func castSuffix(_ type: ColumnType?) -> String {
        type.map { "::" + castType($0) } ?? ""
    }

    /// A column type as a cast names it: without a length or precision (an explicit cast to
    /// `VARCHAR(n)` would cut a longer value instead of failing; `bpchar` is `CHARACTER` of any
    /// length, where a bare `CHARACTER` would be one character), enums in the namespace.
    func castType(_ type: ColumnType) -> String {
        switch type {
        case .decimal: return "NUMERIC"
        case .string: return "VARCHAR"
        case .char: return "bpchar"
        case .array(let element): return castType(element) + "[]"
        case .enumeration(let name): return sql.qualified(name, in: schema.postgresSchema)
        case .custom(_, let postgres?, _): return PostgresDDL.withoutModifier(postgres)
        default: return columnType(type)
        }
    }

    /// A user's type text without its modifiers: `numeric(10,2)` → `numeric`, `text[]` unchanged.
    static func withoutModifier(_ type: String) -> String {
        var out = ""
        var depth = 0
        for ch in type {
            if ch == "(" { depth += 1; continue }
            if ch == ")" { depth -= 1; continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }
}

/// How PostgreSQL spells the `DataStatement`s of one table, the statements of the generated
/// PostgresNIO operations. Unlike the DDL, which sets `search_path` first, these run on whatever
/// connection the application has, so the table and enum types are named in the schema's namespace.
///
/// Made once per table: every statement of a table's operations repeats its column list, and
/// quoting it again for each statement was a third of the PostgresNIO file's rendering at
/// 5,000 tables.
public struct PostgresTableStatements {
    let ddl: PostgresDDL
    /// The table, quoted and qualified.
    let table: String
    let columns: [String]
    /// `columns`, quoted and comma-separated.
    let columnList: String

    init(ddl: PostgresDDL, table: String, columns: [String]) {
        self.ddl = ddl
        self.table = ddl.sql.qualified(table, in: ddl.schema.postgresSchema)
        self.columns = columns
        columnList = ddl.sql.ids(columns)
    }

    public func render(_ statement: DataStatement) -> String {
        // One string, appended to: statements of wide tables run to kilobytes, and joining
        // intermediate strings per column was most of their rendering.
        var s = ""
        switch statement {
        case let .select(columns, conditions, order):
            s += "SELECT "
            appendIDs(columns, to: &s)
            s += " FROM "
            s += table
            appendFilter(conditions, order, to: &s)
        case let .filter(conditions, order):
            appendFilter(conditions, order, to: &s)
        case let .update(assignments, conditions, returning):
            s += "UPDATE "
            s += table
            s += " SET "
            appendEquals(assignments, separator: ", ", to: &s)
            appendFilter(conditions, [], to: &s)
            s += " RETURNING "
            appendIDs(returning, to: &s)
        case let .delete(conditions):
            s += "DELETE FROM "
            s += table
            appendFilter(conditions, [], to: &s)
            s += " RETURNING 1"
        }
        return s
    }

    /// The text of an insert around its rows: before them (`INSERT INTO t (a, b) VALUES `), then
    /// after them the conflict clause (` ON CONFLICT ...`, or nothing) and ` RETURNING ...`.
    public func render(_ insert: InsertStatement) -> (head: String, conflict: String, returning: String) {
        var head = "INSERT INTO "
        head += table
        head += " ("
        appendIDs(insert.columns, to: &head)
        head += ") VALUES "
        var conflict = ""
        if let c = insert.conflict {
            conflict += " ON CONFLICT ON CONSTRAINT "
            ddl.sql.appendID(c.constraint, to: &conflict)
            conflict += " DO UPDATE SET "
            for (i, column) in c.update.enumerated() {
                if i > 0 { conflict += ", " }
                ddl.sql.appendID(column, to: &conflict)
                conflict += " = EXCLUDED."
                ddl.sql.appendID(column, to: &conflict)
            }
        }
        var returning = " RETURNING "
        appendIDs(insert.returning, to: &returning)
        return (head, conflict, returning)
    }

    /// The table's own column list when asked for it, without quoting it again.
    private func appendIDs(_ names: [String], to s: inout String) {
        if names == columns { s += columnList } else { ddl.sql.appendIDs(names, to: &s) }
    }

    /// `a = $1, b = $2::t` (or joined with ` AND `).
    private func appendEquals(_ values: [ColumnValue], separator: String, to s: inout String) {
        for (i, c) in values.enumerated() {
            if i > 0 { s += separator }
            ddl.sql.appendID(c.column, to: &s)
            s += " = $"
            s += String(c.value.number)
            if let cast = c.value.cast { s += ddl.castSuffix(cast) }
        }
    }

    private func appendFilter(_ conditions: [ColumnValue], _ order: [String], to s: inout String) {
        if !conditions.isEmpty {
            s += " WHERE "
            appendEquals(conditions, separator: " AND ", to: &s)
        }
        if !order.isEmpty {
            s += " ORDER BY "
            appendIDs(order, to: &s)
        }
    }
}
