/// How PostgreSQL spells a `DataStatement`, the statements of the generated PostgresNIO
/// operations. Unlike the DDL, which sets `search_path` first, these run on whatever connection
/// the application has, so tables and enum types are named in the schema's namespace.
extension PostgresDDL {
    public func render(_ statement: DataStatement) -> String {
        var s = ""
        switch statement {
        case let .select(table, columns, conditions, order):
            s += "SELECT \(sql.ids(columns)) FROM \(qualified(table))"
            appendWhere(conditions, to: &s)
            if !order.isEmpty { s += " ORDER BY " + sql.ids(order) }
        case let .update(table, assignments, conditions, returning):
            s += "UPDATE \(qualified(table)) SET " + assignments.map(equals).joined(separator: ", ")
            appendWhere(conditions, to: &s)
            s += " RETURNING " + sql.ids(returning)
        case let .delete(table, conditions):
            s += "DELETE FROM \(qualified(table))"
            appendWhere(conditions, to: &s)
            s += " RETURNING 1"
        }
        return s
    }

    /// The text before an insert's rows (`INSERT INTO t (a, b) VALUES `) and after them
    /// (` [ON CONFLICT ...] RETURNING ...`).
    public func render(_ insert: InsertStatement) -> (head: String, tail: String) {
        let head = "INSERT INTO \(qualified(insert.table)) (\(sql.ids(insert.columns))) VALUES "
        var tail = ""
        if let conflict = insert.conflict {
            tail += " ON CONFLICT ON CONSTRAINT \(sql.id(conflict.constraint)) DO UPDATE SET "
                + conflict.update.map { sql.id($0) + " = EXCLUDED." + sql.id($0) }.joined(separator: ", ")
        }
        tail += " RETURNING " + sql.ids(insert.returning)
        return (head, tail)
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
        case .enumeration(let name): return qualified(name)
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

    private func qualified(_ name: String) -> String { sql.qualified(name, in: schema.postgresSchema) }

    private func equals(_ c: ColumnValue) -> String {
        sql.id(c.column) + " = $" + String(c.value.number) + castSuffix(c.value.cast)
    }

    private func appendWhere(_ conditions: [ColumnValue], to s: inout String) {
        guard !conditions.isEmpty else { return }
        s += " WHERE " + conditions.map(equals).joined(separator: " AND ")
    }
}
