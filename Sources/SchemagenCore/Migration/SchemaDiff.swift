/// The difference between two models, as a list of typed changes.
///
/// Matching is by name; a table, column or view whose new declaration says
/// `renamed_from: old` is matched with `old` and renamed. Renames are never
/// guessed. Constraints and indexes whose definition is unchanged but whose
/// (derived) name changed, as after a table rename, are renamed too.
public struct SchemaDiff: Sendable {
    public let old: Schema
    public let new: Schema
    public private(set) var changes: [Change] = []

    /// Renames by kind, new name → old name.
    public struct Renames: Sendable {
        public var tables: [String: String] = [:]
        public var columns: [String: [String: String]] = [:] // new table name → (new column → old column)
        public var views: [String: String] = [:]
        public var enumValues: [String: [String: String]] = [:] // enum name → (new value → old value)

        /// The renames the `renamed_from` keys of `new` declare, kept only where
        /// the old name exists in `old` (and the new one does not).
        public static func declared(old: Schema, new: Schema) -> Renames {
            var r = Renames()
            let oldTables = Dictionary(old.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            let newNames = Set(new.tables.map(\.name))
            for t in new.tables {
                var oldTable = oldTables[t.name]
                if oldTable == nil, let from = t.renamedFrom, let o = oldTables[from], !newNames.contains(from) {
                    r.tables[t.name] = from
                    oldTable = o
                }
                // Only a column with `renamed_from` can be a rename: most tables need no name sets.
                guard let o = oldTable, t.columns.contains(where: { $0.renamedFrom != nil }) else { continue }
                let oldColumns = Set(o.columns.map(\.name)), newColumns = Set(t.columns.map(\.name))
                for c in t.columns where !oldColumns.contains(c.name) {
                    if let from = c.renamedFrom, oldColumns.contains(from), !newColumns.contains(from) {
                        r.columns[t.name, default: [:]][c.name] = from
                    }
                }
            }
            let oldViews = Set(old.views.map(\.name)), newViews = Set(new.views.map(\.name))
            for v in new.views where !oldViews.contains(v.name) {
                if let from = v.renamedFrom, oldViews.contains(from), !newViews.contains(from) { r.views[v.name] = from }
            }
            r.enumValues = declaredValueRenames(old: old, new: new)
            return r
        }

        /// The enum value renames of `new`, kept where the enum is in `old` with the old value and
        /// without the new one (a `renamed_from` left in the file after its migration is no rename).
        static func declaredValueRenames(old: Schema, new: Schema) -> [String: [String: String]] {
            var out: [String: [String: String]] = [:]
            for e in new.enums {
                guard let renames = e.valueRenames, let o = old.enumType(named: e.name) else { continue }
                for (value, from) in renames where o.values.contains(from) && !o.values.contains(value) && !e.values.contains(from) {
                    out[e.name, default: [:]][value] = from
                }
            }
            return out
        }

        /// The same renames seen from the other side (for down migrations).
        public var inverted: Renames {
            var r = Renames()
            for (n, o) in tables { r.tables[o] = n }
            for (table, map) in columns {
                let oldTable = tables[table] ?? table
                for (n, o) in map { r.columns[oldTable, default: [:]][o] = n }
            }
            for (n, o) in views { r.views[o] = n }
            for (e, map) in enumValues { r.enumValues[e] = Dictionary(map.map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
            return r
        }
    }

    public init(old: Schema, new: Schema, renames: Renames) {
        self.old = old
        self.new = new
        diffExtensions()
        diffEnums(renames)
        diffTables(renames)
        diffViews(renames)
        diffRawSQL()
    }

    /// Up: renames from `new`'s `renamed_from`. Down: pass the up renames inverted.
    public init(old: Schema, new: Schema) {
        self.init(old: old, new: new, renames: .declared(old: old, new: new))
    }

    private mutating func diffExtensions() {
        let oldNames = Set(old.extensions), newNames = Set(new.extensions)
        for e in new.extensions where !oldNames.contains(e) { changes.append(.addExtension(e)) }
        for e in old.extensions where !newNames.contains(e) { changes.append(.dropExtension(e)) }
    }

    private mutating func diffEnums(_ renames: Renames) {
        let oldEnums = Dictionary(old.enums.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newNames = Set(new.enums.map(\.name))
        for e in new.enums {
            guard var o = oldEnums[e.name] else {
                changes.append(.createEnum(e))
                continue
            }
            // Renamed values first: what follows compares the old enum as it reads after them.
            if let valueRenames = renames.enumValues[e.name] {
                for value in e.values {
                    if let from = valueRenames[value] { changes.append(.renameEnumValue(type: e.name, from: from, to: value)) }
                }
                o.values = o.values.map { old in valueRenames.first { $0.value == old }?.key ?? old }
            }
            if o.values == e.values {
                if o.comment != e.comment { changes.append(.setEnumComment(e)) }
                continue
            }
            let removed = o.values.filter { !e.values.contains($0) }
            // Values only added, and the old ones keep their relative order: ALTER TYPE ADD VALUE.
            let kept = e.values.filter { o.values.contains($0) }
            if removed.isEmpty && kept == o.values {
                changes.append(.addEnumValues(old: o, new: e))
            } else {
                changes.append(.replaceEnum(old: o, new: e))
            }
            if o.comment != e.comment { changes.append(.setEnumComment(e)) }
        }
        for e in old.enums where !newNames.contains(e.name) { changes.append(.dropEnum(e)) }
    }

    private mutating func diffTables(_ renames: Renames) {
        let oldTables = Dictionary(old.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let sameTenantSetting = old.effectiveTenantSetting == new.effectiveTenantSetting
        var matchedOld = Set<String>()
        for t in new.tables {
            let oldName = renames.tables[t.name] ?? t.name
            guard let o = oldTables[oldName] else {
                changes.append(.createTable(t))
                continue
            }
            matchedOld.insert(oldName)
            if oldName != t.name { changes.append(.renameTable(from: oldName, to: t.name)) }
            // Most tables of a change are untouched: equal declarations have no change to find, and
            // comparing them is far cheaper than the dictionaries and sets `diffTable` builds. (A tenant
            // table also depends on the schema's tenant setting.)
            if o == t && (t.tenant == nil || sameTenantSetting) { continue }
            diffTable(old: o, new: t, columnRenames: renames.columns[t.name] ?? [:], renames: renames)
        }
        for t in old.tables where !matchedOld.contains(t.name) { changes.append(.dropTable(t)) }
    }

    private mutating func diffTable(old o: Table, new t: Table, columnRenames: [String: String], renames: Renames) {
        let name = t.name
        let oldColumns = Dictionary(o.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var matched = Set<String>()
        var columnChanges: [Change] = []
        for c in t.columns {
            let oldName = columnRenames[c.name] ?? c.name
            guard let oc = oldColumns[oldName] else {
                columnChanges.append(.addColumn(table: name, c))
                continue
            }
            matched.insert(oldName)
            if oldName != c.name { changes.append(.renameColumn(table: name, from: oldName, to: c.name)) }
            var renamedOld = oc
            renamedOld.name = c.name
            if !Self.sameColumn(renamedOld, c) { columnChanges.append(.alterColumn(table: name, old: renamedOld, new: c)) }
        }
        var drops: [Change] = []
        // Generated columns first: one may read another column that goes too.
        for c in o.columns where !matched.contains(c.name) && c.generated != nil { drops.append(.dropColumn(table: name, c)) }
        for c in o.columns where !matched.contains(c.name) && c.generated == nil { drops.append(.dropColumn(table: name, c)) }
        // Column renames carry into constraint definitions of the old table.
        let map = Dictionary(columnRenames.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let rename: (String) -> String = { map[$0] ?? $0 }
        let oldPK = o.primaryKey.map { PrimaryKey(name: $0.name, columns: $0.columns.map(rename)) }
        // A foreign key to a renamed table or column is still the same key: both engines keep the
        // reference through the rename, so it is neither dropped nor added again.
        let tableRenames = Dictionary(renames.tables.map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) // old → new
        let oldForeignKeys = o.foreignKeys.map { fk in
            var f = fk
            f.columns = f.columns.map(rename)
            f.referencedTable = tableRenames[fk.referencedTable] ?? fk.referencedTable
            let parentRenames = Dictionary((renames.columns[f.referencedTable] ?? [:]).map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            f.referencedColumns = f.referencedColumns.map { parentRenames[$0] ?? $0 }
            return f
        }
        // Constraint drops come before column drops and adds (a dropped column may be in one).
        diffNamed(oldItems: oldForeignKeys,
                  newItems: t.foreignKeys, name: \.name, table: name,
                  add: { .addForeignKey(table: name, $0) }, drop: { .dropForeignKey(table: name, $0) })
        diffNamed(oldItems: o.uniques.map { UniqueConstraint(name: $0.name, columns: $0.columns.map(rename)) },
                  newItems: t.uniques, name: \.name, table: name,
                  add: { .addUnique(table: name, $0) }, drop: { .dropUnique(table: name, $0) })
        diffNamed(oldItems: o.checks, newItems: t.checks, name: \.name, table: name,
                  add: { .addCheck(table: name, $0) }, drop: { .dropCheck(table: name, $0) })
        if oldPK != t.primaryKey {
            if let a = oldPK, let b = t.primaryKey, a.columns == b.columns {
                changes.append(.renameConstraint(table: name, from: a.name, to: b.name))
            } else {
                changes.append(.setPrimaryKey(table: name, old: oldPK, new: t.primaryKey))
            }
        }
        changes.append(contentsOf: drops)
        changes.append(contentsOf: columnChanges)
        diffNamed(oldItems: o.indexes.map { Self.renamingColumns($0, rename) }, newItems: t.indexes, name: \.name, table: name,
                  add: { .addIndex(table: name, $0) }, drop: { .dropIndex(table: name, $0) }, isIndex: true)
        let oldSearch = o.search.map { FullTextSearch(columns: $0.columns.map(rename), language: $0.language) }
        if oldSearch != t.search { changes.append(.setSearch(table: name, old: oldSearch, new: t.search)) }
        let oldPartition = o.partition.map { Partition(strategy: $0.strategy, columns: $0.columns.map(rename), partitions: $0.partitions) }
        if oldPartition != t.partition { changes.append(.setPartition(table: name, old: oldPartition, new: t.partition)) }
        if o.strict != t.strict { changes.append(.setStrict(table: name, t.strict)) }
        // A renamed tenant column is the same policy: PostgreSQL's policy follows the column.
        let oldPolicy = self.old.tenantPolicy(of: o).map { TenantPolicy(column: rename($0.column), type: $0.type, setting: $0.setting) }
        let newPolicy = self.new.tenantPolicy(of: t)
        if oldPolicy != newPolicy { changes.append(.setTenancy(table: name, old: oldPolicy, new: newPolicy)) }
        if o.comment != t.comment { changes.append(.setTableComment(table: name, t.comment)) }
        diffTriggers(old: o.triggers ?? [], new: t.triggers ?? [], table: name)
    }

    /// Declared triggers by name, compared whole, like raw SQL blocks: a changed one is dropped and added.
    private mutating func diffTriggers(old: [Trigger], new: [Trigger], table: String) {
        guard old != new else { return }
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newNames = Set(new.map(\.name))
        for o in old where !newNames.contains(o.name) { changes.append(.dropTrigger(table: table, o)) }
        for n in new {
            if let o = oldByName[n.name] {
                if o == n { continue }
                changes.append(.dropTrigger(table: table, o))
            }
            changes.append(.addTrigger(table: table, n))
        }
    }

    static func renamingColumns(_ index: Index, _ rename: (String) -> String) -> Index {
        var i = index
        i.parts = i.parts.map { part in
            if case let .column(n, d, nulls) = part { return .column(name: rename(n), descending: d, nulls: nulls) }
            return part
        }
        i.include = i.include.map(rename)
        return i
    }

    /// Two columns are the same when everything but the Swift naming and `renamed_from` is.
    static func sameColumn(_ a: Column, _ b: Column) -> Bool {
        a.name == b.name && a.type == b.type && a.nullable == b.nullable && a.defaultValue == b.defaultValue
            && a.generated == b.generated && a.autoUpdate == b.autoUpdate && a.comment == b.comment
    }

    /// Matches items by name, then unmatched ones by identical definition (a rename), and emits the rest as drop/add.
    private mutating func diffNamed<T: Equatable>(oldItems: [T], newItems: [T], name: KeyPath<T, String>, table: String,
                                                  add: (T) -> Change, drop: (T) -> Change, isIndex: Bool = false) {
        var oldByName: [String: T] = [:]
        for item in oldItems { oldByName[item[keyPath: name]] = item }
        let newNames = Set(newItems.map { $0[keyPath: name] })
        var unmatchedOld = oldItems.filter { !newNames.contains($0[keyPath: name]) }
        var adds: [T] = []
        var drops: [T] = []
        for item in newItems {
            if let o = oldByName[item[keyPath: name]] {
                if o != item {
                    drops.append(o)
                    adds.append(item)
                }
                continue
            }
            // Same definition under another name?
            if let j = unmatchedOld.firstIndex(where: { Self.equalIgnoringName($0, item, name) }) {
                let o = unmatchedOld.remove(at: j)
                changes.append(isIndex ? .renameIndex(table: table, from: o[keyPath: name], to: item[keyPath: name])
                                       : .renameConstraint(table: table, from: o[keyPath: name], to: item[keyPath: name]))
                continue
            }
            adds.append(item)
        }
        drops.append(contentsOf: unmatchedOld)
        changes.append(contentsOf: drops.map(drop))
        changes.append(contentsOf: adds.map(add))
    }

    private static func equalIgnoringName<T>(_ a: T, _ b: T, _ name: KeyPath<T, String>) -> Bool where T: Equatable {
        switch (a, b) {
        case let (x as ForeignKey, y as ForeignKey):
            var x = x; x.name = y.name; return x == y
        case let (x as UniqueConstraint, y as UniqueConstraint): return x.columns == y.columns
        case let (x as CheckConstraint, y as CheckConstraint): return x.expression == y.expression
        case let (x as Index, y as Index):
            var x = x; x.name = y.name; return x == y
        default: return false
        }
    }

    private mutating func diffViews(_ renames: Renames) {
        let oldViews = Dictionary(old.views.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var matched = Set<String>()
        for v in new.views {
            let oldName = renames.views[v.name] ?? v.name
            guard let o = oldViews[oldName] else {
                changes.append(.createView(v))
                continue
            }
            matched.insert(oldName)
            var renamed = o
            renamed.name = v.name
            renamed.renamedFrom = v.renamedFrom
            if oldName != v.name || renamed != v { changes.append(.replaceView(old: o, new: v)) }
        }
        for v in old.views where !matched.contains(v.name) { changes.append(.dropView(v)) }
    }

    private mutating func diffRawSQL() {
        func key(_ b: RawSQL) -> String { b.dialect.rawValue + "." + b.name }
        let oldBlocks = Dictionary(old.rawSQL.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let newKeys = Set(new.rawSQL.map(key))
        for b in old.rawSQL where !newKeys.contains(key(b)) { changes.append(.removeRawSQL(b)) }
        for b in new.rawSQL {
            if let o = oldBlocks[key(b)] {
                if o != b {
                    changes.append(.removeRawSQL(o))
                    changes.append(.addRawSQL(b))
                }
            } else {
                changes.append(.addRawSQL(b))
            }
        }
    }
}

/// One typed change between two models.
public enum Change: Sendable, Equatable {
    /// A PostgreSQL extension (SQLite has none).
    case addExtension(String)
    case dropExtension(String)
    case createEnum(EnumType)
    case dropEnum(EnumType)
    /// A value renamed (`renamed_from` on the value): the rows holding it hold the new one. It comes
    /// before the enum's other changes, whose `old` enum has the new labels already.
    case renameEnumValue(type: String, from: String, to: String)
    /// Values added, existing values in the same order.
    case addEnumValues(old: EnumType, new: EnumType)
    /// Values removed or reordered: the type is swapped.
    case replaceEnum(old: EnumType, new: EnumType)
    case setEnumComment(EnumType)
    case createTable(Table)
    case dropTable(Table)
    case renameTable(from: String, to: String)
    case addColumn(table: String, Column)
    case dropColumn(table: String, Column)
    case renameColumn(table: String, from: String, to: String)
    /// `old` carries the new name already (renames are separate changes).
    case alterColumn(table: String, old: Column, new: Column)
    case setPrimaryKey(table: String, old: PrimaryKey?, new: PrimaryKey?)
    case addUnique(table: String, UniqueConstraint)
    case dropUnique(table: String, UniqueConstraint)
    case addCheck(table: String, CheckConstraint)
    case dropCheck(table: String, CheckConstraint)
    case addForeignKey(table: String, ForeignKey)
    case dropForeignKey(table: String, ForeignKey)
    case renameConstraint(table: String, from: String, to: String)
    case addIndex(table: String, Index)
    case dropIndex(table: String, Index)
    case renameIndex(table: String, from: String, to: String)
    case setSearch(table: String, old: FullTextSearch?, new: FullTextSearch?)
    case setPartition(table: String, old: Partition?, new: Partition?)
    case setStrict(table: String, Bool)
    /// Tenancy turned on (`old` nil), off (`new` nil), or its policy changed (another column, a
    /// new type of the column, another setting).
    case setTenancy(table: String, old: TenantPolicy?, new: TenantPolicy?)
    case setTableComment(table: String, String?)
    /// A declared trigger that is new or changed (a changed one is dropped first).
    case addTrigger(table: String, Trigger)
    /// A declared trigger that goes away or changes (the old declaration).
    case dropTrigger(table: String, Trigger)
    case createView(View)
    case dropView(View)
    case replaceView(old: View, new: View)
    case addRawSQL(RawSQL)
    case removeRawSQL(RawSQL)

    /// The table a change belongs to (its name in the new schema), if any.
    public var table: String? {
        switch self {
        case .createTable(let t), .dropTable(let t): return t.name
        case .renameTable(_, let to): return to
        case .addColumn(let t, _), .dropColumn(let t, _), .renameColumn(let t, _, _), .alterColumn(let t, _, _),
             .setPrimaryKey(let t, _, _), .addUnique(let t, _), .dropUnique(let t, _), .addCheck(let t, _),
             .dropCheck(let t, _), .addForeignKey(let t, _), .dropForeignKey(let t, _), .renameConstraint(let t, _, _),
             .addIndex(let t, _), .dropIndex(let t, _), .renameIndex(let t, _, _), .setSearch(let t, _, _),
             .setPartition(let t, _, _), .setStrict(let t, _), .setTenancy(let t, _, _), .setTableComment(let t, _),
             .addTrigger(let t, _), .dropTrigger(let t, _):
            return t
        default: return nil
        }
    }
}
