/// How PostgreSQL spells each `Statement`: the one place where the planner's
/// values become PostgreSQL text. Every statement ends with `;`; a statement
/// that PostgreSQL writes as several (a trigger and its function) is one value.
extension PostgresDDL: StatementRenderer {
    public func render(_ statement: Statement, into s: inout String) {
        switch statement {
        case .createNamespace(let ns): s += "CREATE SCHEMA IF NOT EXISTS \(sql.id(ns));"
        case .useNamespace(let ns): s += "SET search_path TO \(sql.id(ns));"
        case let .createExtension(name, ns):
            s += "CREATE EXTENSION IF NOT EXISTS \(sql.id(name))" + (ns.map { " WITH SCHEMA \(sql.id($0))" } ?? "") + ";"
        case .dropExtension(let name): s += "DROP EXTENSION IF EXISTS \(sql.id(name));"
        case .begin: s += "BEGIN;"
        case .commit: s += "COMMIT;"
        case .foreignKeys, .foreignKeyCheck: break
        case .note(let text): s += SQLSyntax.comment(text).dropLast()
        case .createEnum(let e): s += createEnum(e)
        case let .addEnumValue(type, value, position):
            s += "ALTER TYPE \(sql.id(type)) ADD VALUE IF NOT EXISTS \(sql.literal(value))"
            switch position {
            case .before(let v)?: s += " BEFORE \(sql.literal(v))"
            case .after(let v)?: s += " AFTER \(sql.literal(v))"
            case nil: break
            }
            s += ";"
        case let .renameEnumValue(type, from, to):
            s += "ALTER TYPE \(sql.id(type)) RENAME VALUE \(sql.literal(from)) TO \(sql.literal(to));"
        case let .renameType(from, to): s += "ALTER TYPE \(sql.id(from)) RENAME TO \(sql.id(to));"
        case .dropType(let name): s += "DROP TYPE \(sql.id(name));"
        case let .createTable(table, name, skip): writeCreateTable(table, omittingForeignKeys: skip, name: name, into: &s)
        case let .createPartition(parent, part):
            s += "CREATE TABLE \(sql.id(part.name)) PARTITION OF \(sql.id(parent)) "
                + (part.bound.map { "FOR VALUES \(SQLSyntax.trimmedStatement($0))" } ?? "DEFAULT") + ";"
        case let .detachPartition(parent, part): s += "ALTER TABLE \(sql.id(parent)) DETACH PARTITION \(sql.id(part));"
        case .dropTables(let names): s += "DROP TABLE \(sql.ids(names));"
        case let .renameTable(from, to): s += "ALTER TABLE \(sql.id(from)) RENAME TO \(sql.id(to));"
        case let .addColumn(table, column):
            s += "ALTER TABLE \(sql.id(table.name)) ADD COLUMN "
            writeColumnDefinition(column, into: &s)
            s += ";"
        case let .dropColumn(table, column): s += "ALTER TABLE \(sql.id(table)) DROP COLUMN \(sql.id(column));"
        case let .renameColumn(table, from, to): s += "ALTER TABLE \(sql.id(table)) RENAME COLUMN \(sql.id(from)) TO \(sql.id(to));"
        case let .alterColumn(table, column, change): renderAlterColumn(table, column, change, into: &s)
        case let .fillNulls(table, column):
            let c = sql.id(column.name)
            let value = column.defaultValue.flatMap { defaultExpression($0, type: column.type) } ?? "NULL"
            s += "UPDATE \(sql.id(table)) SET \(c) = \(value) WHERE \(c) IS NULL;"
        case let .userTriggers(table, enabled): s += "ALTER TABLE \(sql.id(table)) \(enabled ? "ENABLE" : "DISABLE") TRIGGER USER;"
        case let .resetIdentity(table, column):
            s += "SELECT setval(pg_get_serial_sequence(\(sql.literal(sql.id(table))), \(sql.literal(column))), coalesce(max(\(sql.id(column))), 0) + 1, false) FROM \(sql.id(table));"
        case let .renameSequence(from, to): s += "ALTER SEQUENCE \(sql.id(from)) RENAME TO \(sql.id(to));"
        case .copyRows, .carrySequence, .renameValuesInArray: break
        case let .addConstraint(table, constraint, notValid):
            s += "ALTER TABLE \(sql.id(table)) ADD "
            writeConstraint(constraint, into: &s)
            s += notValid ? " NOT VALID;" : ";"
        case let .dropConstraint(table, name): s += "ALTER TABLE \(sql.id(table)) DROP CONSTRAINT \(sql.id(name));"
        case let .renameConstraint(table, from, to): s += "ALTER TABLE \(sql.id(table)) RENAME CONSTRAINT \(sql.id(from)) TO \(sql.id(to));"
        case let .validateConstraint(table, name): s += "ALTER TABLE \(sql.id(table)) VALIDATE CONSTRAINT \(sql.id(name));"
        case let .createIndex(index, table, concurrently): writeCreateIndex(index, on: table, concurrently: concurrently, into: &s)
        case .dropIndex(let name): s += "DROP INDEX \(sql.id(name));"
        case let .renameIndex(from, to): s += "ALTER INDEX \(sql.id(from)) RENAME TO \(sql.id(to));"
        case .createSearchIndex(let table): s += searchIndex(table) ?? ""
        case .createSearchTable, .createSearchTriggers, .rebuildSearch: break
        case let .createAutoUpdateTrigger(table, column): s += autoUpdateTrigger(table: table.name, column)
        case let .createTrigger(trigger, table): s += declaredTrigger(trigger, table: table)
        case let .dropTrigger(name, table, ifExists):
            s += "DROP TRIGGER \(ifExists ? "IF EXISTS " : "")\(sql.id(name)) ON \(sql.id(table));"
        case .dropFunction(let name): s += "DROP FUNCTION \(sql.id(name))();"
        case let .rowSecurity(table, enabled):
            let t = sql.id(table)
            s += enabled ? "ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;\nALTER TABLE \(t) FORCE ROW LEVEL SECURITY;"
                : "ALTER TABLE \(t) NO FORCE ROW LEVEL SECURITY;\nALTER TABLE \(t) DISABLE ROW LEVEL SECURITY;"
        case let .createTenantPolicy(table, policy):
            let condition = tenantCondition(policy)
            s += "CREATE POLICY \(sql.id(Naming.tenantPolicy(table: table))) ON \(sql.id(table)) USING (\(condition)) WITH CHECK (\(condition));"
        case let .dropPolicy(name, table): s += "DROP POLICY \(sql.id(name)) ON \(sql.id(table));"
        case let .renamePolicy(table, from, to): s += "ALTER POLICY \(sql.id(from)) ON \(sql.id(table)) RENAME TO \(sql.id(to));"
        case .createView(let view): s += createView(view)
        case .dropView(let view): s += "DROP \(view.materialized ? "MATERIALIZED VIEW" : "VIEW") \(sql.id(view.name));"
        case let .comment(target, text): s += "COMMENT ON \(commentTarget(target)) IS \(text.map(sql.literal) ?? "NULL");"
        case let .raw(name, text, down): s += SQLSyntax.comment("sql: \(name)\(down ? " (down)" : "")") + SQLSyntax.trimmedStatement(text) + ";"
        }
    }

    func renderAlterColumn(_ table: String, _ column: String, _ change: AlterColumn, into s: inout String) {
        s += "ALTER TABLE \(sql.id(table)) ALTER COLUMN \(sql.id(column)) "
        switch change {
        case let .type(type, from):
            s += "TYPE \(columnType(type)) USING \(castExpression(sql.id(column), from: from, to: type));"
        case let .setDefault(value, type): s += "SET DEFAULT \(defaultExpression(value, type: type) ?? "NULL");"
        case .dropDefault: s += "DROP DEFAULT;"
        case .setNotNull: s += "SET NOT NULL;"
        case .dropNotNull: s += "DROP NOT NULL;"
        case .addIdentity: s += "ADD GENERATED BY DEFAULT AS IDENTITY;"
        case .dropIdentity: s += "DROP IDENTITY;"
        }
    }

    /// `CONSTRAINT name ...` of an `ADD`.
    func writeConstraint(_ constraint: TableConstraint, into s: inout String) {
        switch constraint {
        case .primaryKey(let k): sql.appendConstraint(k.name, "PRIMARY KEY", columns: k.columns, to: &s)
        case .unique(let u): sql.appendConstraint(u.name, "UNIQUE", columns: u.columns, to: &s)
        case .check(let c):
            s += "CONSTRAINT "
            sql.appendID(c.name, to: &s)
            s += " CHECK (\(SQLSyntax.trimmedStatement(c.expression)))"
        case .foreignKey(let fk):
            s += "CONSTRAINT "
            sql.appendID(fk.name, to: &s)
            s += " "
            sql.appendForeignKeyClause(fk, to: &s)
        }
    }

    /// The tenant column equals the current tenant: the setting read without failing when it is
    /// unset (`current_setting(name, true)`), an empty value made NULL, and the text cast to the
    /// column's type. An unset setting compares as NULL, so such a session sees and writes no row.
    /// Text columns compare with the text as it is: a cast to `VARCHAR(n)` would cut a longer
    /// tenant to the length of another one.
    func tenantCondition(_ policy: TenantPolicy) -> String {
        let current = "NULLIF(current_setting(\(sql.literal(policy.setting)), true), '')"
        return "\(sql.id(policy.column)) = " + (policy.type.isTextual ? current : "\(current)::\(columnType(policy.type))")
    }

    func commentTarget(_ target: CommentTarget) -> String {
        switch target {
        case .table(let t): return "TABLE \(sql.id(t))"
        case let .column(t, c): return "COLUMN \(sql.id(t)).\(sql.id(c))"
        case .type(let name): return "TYPE \(sql.id(name))"
        case let .view(name, materialized): return "\(materialized ? "MATERIALIZED VIEW" : "VIEW") \(sql.id(name))"
        }
    }

    /// The USING expression that converts a column's values to the new type.
    ///
    /// To `string(n)` and `char(n)` the expression stays text and PostgreSQL's assignment cast does
    /// the rest: it fails on a value longer than n, where an explicit `::varchar(n)` would cut it silently.
    func castExpression(_ column: String, from a: ColumnType, to b: ColumnType) -> String {
        let target = columnType(b)
        switch (a, b) {
        case (.text, .string), (.string, .string), (.char, .string), (.text, .char), (.string, .char), (.char, .char):
            return column
        case (.json, .string), (.json, .char): return "(\(column) #>> '{}')"
        case (_, .string), (_, .char): return "\(column)::text"
        case (.unixtime, .timestamp): return "to_timestamp(\(column))"
        case (.timestamp, .unixtime): return "EXTRACT(EPOCH FROM \(column))::bigint"
        case (.bool, .smallint), (.bool, .int), (.bool, .bigint): return "\(column)::int::\(target)"
        case (.json, _): return "(\(column) #>> '{}')::\(target)"
        case (_, .json): return "to_jsonb(\(column))"
        case (.enumeration, _), (_, .enumeration): return "\(column)::text::\(target)"
        case (.array, .array): return "\(column)::text::\(target)"
        default: return "\(column)::\(target)"
        }
    }
}

/// The SQL of the generated tenant helpers (`with<Namespace>Tenant`): the first statement of their
/// transaction. `set_config(name, value, true)` is `SET LOCAL`: the value ends with the transaction,
/// so a pooled connection carries no tenant to its next user.
struct PostgresTenantSession {
    let setting: String
    let sql = SQLSyntax(.postgres)

    /// The `set_config` call, around its bound tenant value.
    var setTenant: (before: String, after: String) { ("SELECT set_config(\(sql.literal(setting)), ", ", true)") }
}

/// The SQL the embedded PostgreSQL runner sends around the migrations. Its history table lives in
/// the schema's namespace, named in full, so the runner works whatever the connection's search path.
struct PostgresMigrationHistory {
    static let tableName = "schemagen_migrations"

    let namespace: String?
    let sql = SQLSyntax(.postgres)

    /// `"ns".schemagen_migrations`, or the bare name without a namespace.
    var table: String { (namespace.map { sql.id($0) + "." } ?? "") + sql.id(Self.tableName) }

    /// Run before the history table is created (the first migration creates the namespace too).
    var setUp: [String] {
        guard let ns = namespace else { return [] }
        return ["CREATE SCHEMA IF NOT EXISTS \(sql.id(ns))", "SET search_path TO \(sql.id(ns))"]
    }

    var createTable: String { "CREATE TABLE IF NOT EXISTS \(table) (identifier text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())" }
    var selectApplied: String { "SELECT identifier FROM \(table)" }
    /// The INSERT of one identifier, around its bound parameter.
    var insertApplied: (before: String, after: String) { ("INSERT INTO \(table) (identifier) VALUES (", ")") }
    /// The session advisory lock the runner holds while it works, and its release, around the key.
    var lock: (before: String, after: String) { ("SELECT pg_advisory_lock(", ")") }
    var unlock: (before: String, after: String) { ("SELECT pg_advisory_unlock(", ")") }
    /// Each migration's transaction.
    var begin: String { "BEGIN" }
    var commit: String { "COMMIT" }
    var rollback: String { "ROLLBACK" }
    var currentSearchPath: String { "SELECT current_setting('search_path')" }
    /// Sets the search path back, around its bound parameter.
    var restoreSearchPath: (before: String, after: String) { ("SELECT set_config('search_path', ", ", false)") }
}
