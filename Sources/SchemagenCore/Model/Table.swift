/// A table with its columns and every constraint and index, normalized:
/// column-level `primary_key`, `unique`, `references` and `check` are stored
/// here as named table-level constraints, so renderers and the migration
/// differ see one shape only.
public struct Table: Codable, Sendable, Equatable {
    public var name: String
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var uniques: [UniqueConstraint]
    public var checks: [CheckConstraint]
    public var foreignKeys: [ForeignKey]
    public var indexes: [Index]
    public var search: FullTextSearch?
    public var partition: Partition?
    /// SQLite `STRICT` table.
    public var strict: Bool
    /// The column that says which tenant a row belongs to (`tenant:`): PostgreSQL row-level
    /// security shows and accepts only the current tenant's rows. Nil for a table every session shares.
    public var tenant: String?
    public var comment: String?
    public var renamedFrom: String?
    public var swiftName: String?
    /// The Swift association names set on foreign keys (`swift:` on a foreign key or on a column
    /// with `references`); nil when none is set, so snapshots of schemas without any stay as they were.
    public var swiftAssociations: [SwiftAssociationNames]?
    /// The dialects the table exists in (`targets: [postgres]`), when not every target of the
    /// schema; nil for all. `Schema.projected(for:)` leaves it out of the other dialects.
    public var targets: [Dialect]?
    /// The triggers the table declares (`triggers:`), in declaration order; nil when it declares
    /// none, so that snapshots of schemas without triggers stay as they were.
    public var triggers: [Trigger]?

    public init(name: String, columns: [Column] = [], primaryKey: PrimaryKey? = nil,
                uniques: [UniqueConstraint] = [], checks: [CheckConstraint] = [],
                foreignKeys: [ForeignKey] = [], indexes: [Index] = [], search: FullTextSearch? = nil,
                partition: Partition? = nil, strict: Bool = false, tenant: String? = nil, comment: String? = nil,
                renamedFrom: String? = nil, swiftName: String? = nil, swiftAssociations: [SwiftAssociationNames]? = nil,
                triggers: [Trigger]? = nil) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniques = uniques
        self.checks = checks
        self.foreignKeys = foreignKeys
        self.indexes = indexes
        self.search = search
        self.partition = partition
        self.strict = strict
        self.tenant = tenant
        self.comment = comment
        self.renamedFrom = renamedFrom
        self.swiftName = swiftName
        self.swiftAssociations = swiftAssociations
        self.triggers = triggers
    }

    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    /// The single auto-incrementing key column (`serial`/`bigserial`), if any.
    public var identityColumn: Column? { columns.first { $0.type.isSerial } }
}

/// A trigger a table declares: when it fires, and its body per dialect. It exists in each dialect
/// whose body is given (`Schema.projected(for:)` keeps, per dialect, only that dialect's texts), and
/// migrations compare it whole, by its name, like a raw SQL block: a changed trigger is dropped and
/// created again. On PostgreSQL the body is that of a trigger function, `Naming.triggerFunction`.
public struct Trigger: Codable, Sendable, Equatable {
    public enum Timing: String, Codable, Sendable, CaseIterable { case before, after }
    public enum Event: String, Codable, Sendable, CaseIterable { case insert, update, delete }
    /// `FOR EACH ROW` or `FOR EACH STATEMENT` (PostgreSQL only).
    public enum Level: String, Codable, Sendable, CaseIterable { case row, statement }

    public var name: String
    public var timing: Timing
    public var events: [Event]
    /// `UPDATE OF` these columns (`of:`); empty for an UPDATE of any column.
    public var columns: [String]
    public var level: Level
    /// The condition (`when:`) per dialect; nil for none.
    public var when: DialectText?
    /// The statements between `BEGIN` and `END` per dialect (on PostgreSQL, of the trigger function).
    public var body: DialectText

    public init(name: String, timing: Timing, events: [Event], columns: [String] = [], level: Level = .row,
                when: DialectText? = nil, body: DialectText) {
        self.name = name
        self.timing = timing
        self.events = events
        self.columns = columns
        self.level = level
        self.when = when
        self.body = body
    }

    /// The trigger as one dialect has it: only that dialect's body and condition, or nil without a body there.
    public func projected(for dialect: Dialect) -> Trigger? {
        guard let body = body.projected(for: dialect) else { return nil }
        var t = self
        t.body = body
        t.when = when?.projected(for: dialect)
        return t
    }
}

/// A column of a table.
public struct Column: Codable, Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var defaultValue: DefaultValue?
    public var generated: GeneratedColumn?
    /// Refresh to the current time on every UPDATE that does not set it.
    public var autoUpdate: Bool
    public var comment: String?
    public var renamedFrom: String?
    public var swiftName: String?
    public var swiftType: String?

    public init(name: String, type: ColumnType, nullable: Bool = false, defaultValue: DefaultValue? = nil,
                generated: GeneratedColumn? = nil, autoUpdate: Bool = false, comment: String? = nil,
                renamedFrom: String? = nil, swiftName: String? = nil, swiftType: String? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.generated = generated
        self.autoUpdate = autoUpdate
        self.comment = comment
        self.renamedFrom = renamedFrom
        self.swiftName = swiftName
        self.swiftType = swiftType
    }
}

/// A computed column.
public struct GeneratedColumn: Codable, Sendable, Equatable {
    public var expression: String
    public var stored: Bool

    public init(expression: String, stored: Bool) {
        self.expression = expression
        self.stored = stored
    }
}

public struct PrimaryKey: Codable, Sendable, Equatable {
    public var name: String
    public var columns: [String]

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

public struct UniqueConstraint: Codable, Sendable, Equatable {
    public var name: String
    public var columns: [String]

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

public struct CheckConstraint: Codable, Sendable, Equatable {
    public var name: String
    public var expression: String

    public init(name: String, expression: String) {
        self.name = name
        self.expression = expression
    }
}

/// What a foreign key does when the referenced row is deleted or updated.
public enum ReferentialAction: String, Codable, Sendable, CaseIterable {
    case cascade
    case restrict
    case setNull = "set_null"
    case setDefault = "set_default"
    case noAction = "no_action"

    public var sql: String {
        switch self {
        case .cascade: return "CASCADE"
        case .restrict: return "RESTRICT"
        case .setNull: return "SET NULL"
        case .setDefault: return "SET DEFAULT"
        case .noAction: return "NO ACTION"
        }
    }
}

public struct ForeignKey: Codable, Sendable, Equatable {
    public var name: String
    public var columns: [String]
    public var referencedTable: String
    /// Filled by resolution: a bare `references: table` means the table's primary key.
    public var referencedColumns: [String]
    public var onDelete: ReferentialAction?
    public var onUpdate: ReferentialAction?

    public init(name: String, columns: [String], referencedTable: String, referencedColumns: [String],
                onDelete: ReferentialAction? = nil, onUpdate: ReferentialAction? = nil) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}

/// The Swift names a foreign key's associations take instead of the derived ones. Kept apart from
/// `ForeignKey`, so that renaming an association never reads as a changed constraint to the
/// migration differ (which compares foreign keys whole).
public struct SwiftAssociationNames: Codable, Sendable, Equatable {
    /// The foreign key's constraint name.
    public var foreignKey: String
    /// The `belongsTo` association on the referencing record.
    public var association: String?
    /// The `hasMany` (or `hasOne`) association on the referenced record.
    public var inverse: String?

    public init(foreignKey: String, association: String? = nil, inverse: String? = nil) {
        self.foreignKey = foreignKey
        self.association = association
        self.inverse = inverse
    }
}

/// An index access method. Only btree exists on SQLite.
public enum IndexMethod: String, Codable, Sendable, CaseIterable {
    case btree, gin, gist, hash, brin
}

/// One key of an index: a column with its order, or an expression.
public enum IndexPart: Codable, Sendable, Equatable {
    case column(name: String, descending: Bool, nulls: NullsOrder?)
    case expression(String)

    public enum NullsOrder: String, Codable, Sendable { case first = "FIRST", last = "LAST" }

    public var columnName: String? {
        if case .column(let name, _, _) = self { return name }
        return nil
    }
}

public struct Index: Codable, Sendable, Equatable {
    public var name: String
    public var parts: [IndexPart]
    public var unique: Bool
    /// Partial index predicate.
    public var predicate: String?
    public var method: IndexMethod?
    /// PostgreSQL covering columns (`INCLUDE`).
    public var include: [String]
    /// The dialects the index exists in, when not every dialect of its table; nil for all.
    public var targets: [Dialect]?

    /// An index method only PostgreSQL has (`gin`, `gist`, ...): SQLite never has the index.
    public var isPostgresOnly: Bool { method != nil && method != .btree }

    public init(name: String, parts: [IndexPart], unique: Bool = false, predicate: String? = nil,
                method: IndexMethod? = nil, include: [String] = []) {
        self.name = name
        self.parts = parts
        self.unique = unique
        self.predicate = predicate
        self.method = method
        self.include = include
    }
}

/// Full-text search over text columns: FTS5 on SQLite, a GIN tsvector index on PostgreSQL.
public struct FullTextSearch: Codable, Sendable, Equatable {
    public var columns: [String]
    public var language: String

    public init(columns: [String], language: String = "english") {
        self.columns = columns
        self.language = language
    }
}

/// PostgreSQL declarative partitioning.
public struct Partition: Codable, Sendable, Equatable {
    public enum Strategy: String, Codable, Sendable, CaseIterable { case range, list, hash }

    public struct Part: Codable, Sendable, Equatable {
        public var name: String
        /// The bound text after `FOR VALUES`, or nil for the DEFAULT partition.
        public var bound: String?

        public init(name: String, bound: String?) {
            self.name = name
            self.bound = bound
        }
    }

    public var strategy: Strategy
    public var columns: [String]
    public var partitions: [Part]

    public init(strategy: Strategy, columns: [String], partitions: [Part]) {
        self.strategy = strategy
        self.columns = columns
        self.partitions = partitions
    }
}
