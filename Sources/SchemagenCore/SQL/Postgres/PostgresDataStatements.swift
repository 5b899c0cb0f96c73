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
        var s = ""
        switch statement {
        case let .select(columns, conditions, order):
            s += "SELECT " + ids(columns) + " FROM " + table
            appendWhere(conditions, to: &s)
            if !order.isEmpty { s += " ORDER BY " + ids(order) }
        case let .filter(conditions, order):
            appendWhere(conditions, to: &s)
            if !order.isEmpty { s += " ORDER BY " + ids(order) }
        case let .update(assignments, conditions, returning):
            s += "UPDATE " + table + " SET " + assignments.map(equals).joined(separator: ", ")
            appendWhere(conditions, to: &s)
            s += " RETURNING " + ids(returning)
        case let .delete(conditions):
            s += "DELETE FROM " + table
            appendWhere(conditions, to: &s)
            s += " RETURNING 1"
        }
        return s
    }

    /// The text of an insert around its rows: before them (`INSERT INTO t (a, b) VALUES `), then
    /// after them the conflict clause (` ON CONFLICT ...`, or nothing) and ` RETURNING ...`.
    public func render(_ insert: InsertStatement) -> (head: String, conflict: String, returning: String) {
        let head = "INSERT INTO " + table + " (" + ids(insert.columns) + ") VALUES "
        var conflict = ""
        if let c = insert.conflict {
            conflict = " ON CONFLICT ON CONSTRAINT " + ddl.sql.id(c.constraint) + " DO UPDATE SET "
                + c.update.map { ddl.sql.id($0) + " = EXCLUDED." + ddl.sql.id($0) }.joined(separator: ", ")
        }
        return (head, conflict, " RETURNING " + ids(insert.returning))
    }

    /// The table's own column list when asked for it, without quoting it again.
    private func ids(_ names: [String]) -> String {
        names == columns ? columnList : ddl.sql.ids(names)
    }

    private func equals(_ c: ColumnValue) -> String {
        ddl.sql.id(c.column) + " = $" + String(c.value.number) + ddl.castSuffix(c.value.cast)
    }

    private func appendWhere(_ conditions: [ColumnValue], to s: inout String) {
        guard !conditions.isEmpty else { return }
        s += " WHERE " + conditions.map(equals).joined(separator: " AND ")
    }
}
