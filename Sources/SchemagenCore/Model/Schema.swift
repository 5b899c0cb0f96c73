/// The SQL engines schemagen renders for.
public enum Dialect: String, Codable, Sendable, CaseIterable, Comparable {
    case sqlite, postgres

    public static func < (a: Dialect, b: Dialect) -> Bool { a.rawValue < b.rawValue }

    /// The name users read in messages.
    public var displayName: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
}

/// The intermediate model: everything `schema.yaml` (and its includes) declare,
/// resolved and normalized. Every generator is a function of this value.
///
/// It is `Codable` so that the last migrated state can be stored as a snapshot
/// and diffed against, and it holds no source locations (those live in
/// `SourceMap`) so that moving a declaration in the file changes nothing here.
public struct Schema: Codable, Sendable, Equatable {
    /// Swift namespace for generated records.
    public var name: String?
    public var targets: [Dialect]
    /// PostgreSQL namespace (`postgres.schema`); nil means the default search path.
    public var postgresSchema: String?
    /// The setting that carries the current tenant (`postgres.tenant_setting`); nil means
    /// `Schema.defaultTenantSetting`. Optional so that snapshots of schemas without it stay as they were.
    public var tenantSetting: String?
    public var extensions: [String]
    public var enums: [EnumType]
    public var tables: [Table]
    public var views: [View]
    public var rawSQL: [RawSQL]

    public init(name: String? = nil, targets: [Dialect] = Dialect.allCases, postgresSchema: String? = nil,
                extensions: [String] = [], enums: [EnumType] = [], tables: [Table] = [],
                views: [View] = [], rawSQL: [RawSQL] = []) {
        self.name = name
        self.targets = targets
        self.postgresSchema = postgresSchema
        self.extensions = extensions
        self.enums = enums
        self.tables = tables
        self.views = views
        self.rawSQL = rawSQL
    }

    public func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// The setting a session sets to its tenant when `postgres.tenant_setting` says nothing.
    public static let defaultTenantSetting = "app.tenant_id"

    /// The setting the tenant policies read.
    public var effectiveTenantSetting: String { tenantSetting ?? Self.defaultTenantSetting }

    /// The tenant policy of a table of this schema: nil when the table declares no `tenant`
    /// (or names a column it does not have, which validation reports).
    public func tenantPolicy(of table: Table) -> TenantPolicy? {
        guard let name = table.tenant, let column = table.column(named: name) else { return nil }
        return TenantPolicy(column: name, type: column.type, setting: effectiveTenantSetting)
    }

    public func enumType(named name: String) -> EnumType? { enums.first { $0.name == name } }

    /// The schema as one dialect has it: without the tables, views and indexes whose `targets`
    /// leave the dialect out, nor, on SQLite, the indexes of a PostgreSQL-only method (`gin`, ...),
    /// and with every `targets` cleared, so that giving an object targets is no change at all for a
    /// dialect that keeps it (nor for SQLite, marking a `gin` index PostgreSQL-only); and with the
    /// declared triggers that have a body for the dialect, holding only its texts (a change to the
    /// other dialect's body is no change here). The DDL and the planners see only this.
    public func projected(for dialect: Dialect) -> Schema {
        func keeps(_ targets: [Dialect]?) -> Bool { targets?.contains(dialect) ?? true }
        func keeps(_ index: Index) -> Bool { keeps(index.targets) && !(dialect == .sqlite && index.isPostgresOnly) }
        let restricted = tables.contains { $0.targets != nil || $0.triggers != nil || $0.indexes.contains { $0.targets != nil || !keeps($0) } }
            || views.contains { $0.targets != nil || $0.indexes.contains { $0.targets != nil || !keeps($0) } }
        guard restricted else { return self }
        func project(_ indexes: [Index]) -> [Index] {
            indexes.filter(keeps).map { var i = $0; i.targets = nil; return i }
        }
        var out = self
        out.tables = tables.filter { keeps($0.targets) }.map { t in
            var t = t
            t.targets = nil
            t.indexes = project(t.indexes)
            t.triggers = t.triggers.map { $0.compactMap { $0.projected(for: dialect) } }.flatMap { $0.isEmpty ? nil : $0 }
            return t
        }
        out.views = views.filter { keeps($0.targets) }.map { v in
            var v = v
            v.targets = nil
            v.indexes = project(v.indexes)
            return v
        }
        return out
    }
}

/// An enumerated type: a PostgreSQL enum, a CHECK on SQLite, a Swift enum.
public struct EnumType: Codable, Sendable, Equatable {
    public var name: String
    /// The SQL labels, in declaration order (PostgreSQL sorts enum values by it).
    public var values: [String]
    public var comment: String?
    public var swiftName: String?
    /// Values declared with `renamed_from`: new value → the value it was called before, so that a
    /// migration renames the value (and the rows holding it) instead of dropping one and adding
    /// another. Nil when no value says it (snapshots of enums without renames stay as they were).
    public var valueRenames: [String: String]?

    public init(name: String, values: [String], comment: String? = nil, swiftName: String? = nil,
                valueRenames: [String: String]? = nil) {
        self.name = name
        self.values = values
        self.comment = comment
        self.swiftName = swiftName
        self.valueRenames = valueRenames
    }
}

/// A raw SQL block: the escape hatch for what the format cannot say.
public struct RawSQL: Codable, Sendable, Equatable {
    public var dialect: Dialect
    public var name: String
    public var up: String
    /// SQL that undoes `up`, used by down migrations; nil when the block cannot be undone.
    public var down: String?

    public init(dialect: Dialect, name: String, up: String, down: String?) {
        self.dialect = dialect
        self.name = name
        self.up = up
        self.down = down
    }
}

/// A view; `sql` may differ per dialect.
public struct View: Codable, Sendable, Equatable {
    public var name: String
    public var sql: DialectText
    /// PostgreSQL materialized view; a plain view on SQLite.
    public var materialized: Bool
    /// Indexes, allowed on materialized views only.
    public var indexes: [Index]
    public var comment: String?
    public var renamedFrom: String?
    /// The dialects the view exists in, when not every target of the schema; nil for all.
    public var targets: [Dialect]?

    public init(name: String, sql: DialectText, materialized: Bool = false, indexes: [Index] = [],
                comment: String? = nil, renamedFrom: String? = nil) {
        self.name = name
        self.sql = sql
        self.materialized = materialized
        self.indexes = indexes
        self.comment = comment
        self.renamedFrom = renamedFrom
    }
}

/// SQL text that is either shared by every dialect or given per dialect.
public struct DialectText: Codable, Sendable, Equatable {
    public var sqlite: String?
    public var postgres: String?

    public init(shared: String) {
        sqlite = shared
        postgres = shared
    }

    public init(sqlite: String?, postgres: String?) {
        self.sqlite = sqlite
        self.postgres = postgres
    }

    public func text(for dialect: Dialect) -> String? {
        dialect == .sqlite ? sqlite : postgres
    }

    /// Only `dialect`'s text, or nil when it has none.
    public func projected(for dialect: Dialect) -> DialectText? {
        text(for: dialect).map { dialect == .sqlite ? DialectText(sqlite: $0, postgres: nil) : DialectText(sqlite: nil, postgres: $0) }
    }
}

/// What a table's row-level security policy compares: the tenant column (of its type) with the
/// setting that carries the current tenant. Two tables with equal values have the same policy
/// text, so the migration differ compares these, not the tables.
public struct TenantPolicy: Sendable, Equatable {
    public var column: String
    public var type: ColumnType
    public var setting: String

    public init(column: String, type: ColumnType, setting: String) {
        self.column = column
        self.type = type
        self.setting = setting
    }
}
