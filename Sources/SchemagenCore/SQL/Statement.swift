/// One SQL statement as a typed value: what the planners produce (for a fresh
/// schema and for every migration alike) and what the dialect renderers
/// (`PostgresDDL`, `SQLiteDDL`) spell, in the manner of Atlas's `schema.Change`
/// values. No SQL text is assembled outside those two renderers: a planner
/// decides *what* happens, a renderer *how* the dialect writes it.
///
/// Names are the model's names; the renderer quotes them. Model values (tables,
/// columns, indexes, views) are carried whole, so a renderer has everything the
/// dialect needs (SQLite's implied checks, PostgreSQL's identity columns).
public enum Statement: Equatable, Sendable {
    // MARK: Script structure

    /// `CREATE SCHEMA IF NOT EXISTS ns` (PostgreSQL).
    case createNamespace(String)
    /// `SET search_path TO ns` (PostgreSQL): every script of a namespaced schema starts with it.
    case useNamespace(String)
    case createExtension(String, namespace: String?)
    case dropExtension(String)
    case begin
    case commit
    /// SQLite's `PRAGMA foreign_keys = ON/OFF`, around a table rebuild.
    case foreignKeys(enabled: Bool)
    /// SQLite's `PRAGMA foreign_key_check`, before a rebuild commits.
    case foreignKeyCheck
    /// A comment line in the script (a note for the reviewer, never SQL).
    case note(String)

    // MARK: Enums (PostgreSQL types; on SQLite the checks of the columns using them)

    case createEnum(EnumType)
    case addEnumValue(type: String, value: String, position: EnumValuePosition?)
    /// `ALTER TYPE ... RENAME VALUE` (PostgreSQL): the rows holding the value hold the new label.
    case renameEnumValue(type: String, from: String, to: String)
    case renameType(from: String, to: String)
    case dropType(String)

    // MARK: Tables and columns

    /// `CREATE TABLE` under `name` (the table's own name when nil), without the foreign keys named in `omitting`.
    case createTable(Table, name: String? = nil, omittingForeignKeys: Set<String> = [])
    /// `CREATE TABLE part PARTITION OF parent ...` (PostgreSQL).
    case createPartition(parent: String, Partition.Part)
    /// `ALTER TABLE parent DETACH PARTITION part`: before a partition is dropped, so that foreign keys
    /// into the partitioned table check the rows that go (and refuse if any are referenced).
    case detachPartition(parent: String, String)
    case dropTables([String])
    case renameTable(from: String, to: String)
    /// `ADD COLUMN`: the table is the new one (SQLite's storage types depend on STRICT).
    case addColumn(Table, Column)
    case dropColumn(table: String, column: String)
    case renameColumn(table: String, from: String, to: String)
    case alterColumn(table: String, column: String, AlterColumn)
    /// Sets a NOT NULL column's NULL cells to its default before `SET NOT NULL`.
    case fillNulls(table: String, Column)
    /// PostgreSQL's `ALTER TABLE ... DISABLE/ENABLE TRIGGER USER`: a data fix that must not fire auto_update or declared triggers.
    case userTriggers(table: String, enabled: Bool)
    /// Sets an identity column's sequence past the largest value present (PostgreSQL).
    case resetIdentity(table: String, column: String)
    case renameSequence(from: String, to: String)
    /// SQLite's rebuild copy: `INSERT INTO to (...) SELECT ... FROM from`, the rowid carried when `rowid`.
    case copyRows(from: String, to: String, columns: [CopiedColumn], rowid: Bool)
    /// SQLite: the renamed values of an enum replaced in a column holding a JSON array of it (the
    /// rows of an enum column are renamed by the rebuild's copy, since the CHECK changes with them).
    case renameValuesInArray(table: String, column: String, [EnumValueRename])
    /// SQLite: the AUTOINCREMENT counter of `from` carried to `to` (a rebuild must not reuse ids).
    case carrySequence(from: String, to: String)

    // MARK: Constraints and indexes

    case addConstraint(table: String, TableConstraint, notValid: Bool = false)
    case dropConstraint(table: String, name: String)
    case renameConstraint(table: String, from: String, to: String)
    case validateConstraint(table: String, name: String)
    case createIndex(Index, table: String, concurrently: Bool = false)
    case dropIndex(String)
    case renameIndex(from: String, to: String)

    // MARK: Full-text search

    /// PostgreSQL: the GIN index over the table's search document.
    case createSearchIndex(Table)
    /// SQLite: the FTS5 external-content table.
    case createSearchTable(Table)
    /// SQLite: the three triggers that keep the FTS5 table in step.
    case createSearchTriggers(Table)
    /// SQLite: refill an FTS5 table from its content table.
    case rebuildSearch(table: String)

    // MARK: Triggers and functions

    /// The trigger (and, on PostgreSQL, its function) that keeps an `auto_update` column current.
    case createAutoUpdateTrigger(Table, Column)
    /// A trigger the schema declares (`triggers:`); on PostgreSQL with its function
    /// (`Naming.triggerFunction`), which `dropFunction` drops after `dropTrigger`.
    case createTrigger(Trigger, table: String)
    case dropTrigger(String, table: String, ifExists: Bool = false)
    /// A trigger function without arguments (PostgreSQL).
    case dropFunction(String)

    // MARK: Row-level security (PostgreSQL)

    /// `ENABLE` and `FORCE ROW LEVEL SECURITY` (forced, so that the table's owner is held to the
    /// policies too), or, when `enabled` is false, `NO FORCE` and `DISABLE`.
    case rowSecurity(table: String, enabled: Bool)
    /// The policy that shows and accepts only the current tenant's rows (named `Naming.tenantPolicy`).
    case createTenantPolicy(table: String, TenantPolicy)
    case dropPolicy(String, table: String)
    case renamePolicy(table: String, from: String, to: String)

    // MARK: Views, comments, raw SQL

    case createView(View)
    case dropView(View)
    case comment(CommentTarget, String?)
    /// A `sql:` block of the schema: its `up`, or its `down` when a block goes away.
    case raw(name: String, sql: String, down: Bool)
}

/// Where `ALTER TYPE ... ADD VALUE` puts the new value.
public enum EnumValuePosition: Equatable, Sendable {
    case before(String), after(String)
}

/// One change to one column (PostgreSQL's `ALTER COLUMN` forms).
public enum AlterColumn: Equatable, Sendable {
    /// The new type, converting the values from `from`.
    case type(ColumnType, from: ColumnType)
    case setDefault(DefaultValue, type: ColumnType)
    case dropDefault
    case setNotNull
    case dropNotNull
    case addIdentity
    case dropIdentity
}

/// A constraint of a table, as `ADD CONSTRAINT` adds it.
public enum TableConstraint: Equatable, Sendable {
    case primaryKey(PrimaryKey)
    case unique(UniqueConstraint)
    case check(CheckConstraint)
    case foreignKey(ForeignKey)

    public var name: String {
        switch self {
        case .primaryKey(let k): return k.name
        case .unique(let u): return u.name
        case .check(let c): return c.name
        case .foreignKey(let f): return f.name
        }
    }
}

/// A column a rebuild copies: its values, or its default where a NULL now breaks a NOT NULL.
public struct CopiedColumn: Equatable, Sendable {
    public var column: Column
    /// True when the old column allowed NULL and the new one does not: NULLs become the default.
    public var fillNulls: Bool
    /// The renamed values of the column's enum: the copy writes the new label for the old one
    /// (the new table's CHECK lists the new labels only).
    public var valueRenames: [EnumValueRename] = []
}

/// One enum value renamed, as the statements that rewrite rows carry it.
public struct EnumValueRename: Equatable, Sendable {
    public var from: String
    public var to: String
}

/// What a `COMMENT ON` describes.
public enum CommentTarget: Equatable, Sendable {
    case table(String)
    case column(table: String, column: String)
    case type(String)
    case view(String, materialized: Bool)
}
