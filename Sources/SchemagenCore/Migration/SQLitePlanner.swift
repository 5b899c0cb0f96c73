/// Plans a SQLite migration from a diff, as typed statements. The plan from the
/// empty schema is the fresh DDL.
///
/// SQLite's `ALTER TABLE` can rename tables and columns, add a column (at the
/// end, nullable or with a constant default) and drop a column nothing depends
/// on. Every other change rebuilds the table by the procedure of SQLite's
/// documentation: with foreign keys off (set before `BEGIN`, where the pragma
/// works), create the new table under a temporary name, copy the rows (rowids
/// included, so full-text indexes stay valid), drop the old table, rename the
/// new one, and recreate its indexes, triggers and the views involved. The old
/// table is never renamed to a temporary name: child foreign keys would follow
/// that rename and dangle. (A table the schema renames is renamed to its new
/// name first, precisely so that child foreign keys follow.)
///
/// Which of the two a table gets is decided on the model (`strategy`): the
/// order of columns is not part of it, so a column added in the middle of a
/// table is added at its end, and the order of added columns follows the migrations.
public struct SQLitePlanner {
    typealias Step = MigrationPlan.Step

    let diff: SchemaDiff
    let index: DiffIndex
    let ddl: SQLiteDDL
    let oldDDL: SQLiteDDL
    /// Enum name → its renamed values, in the diff's order.
    let valueRenames: [String: [EnumValueRename]]

    public init(diff: SchemaDiff) {
        self.diff = diff
        index = DiffIndex(diff)
        ddl = SQLiteDDL(schema: diff.new)
        oldDDL = SQLiteDDL(schema: diff.old)
        var renames: [String: [EnumValueRename]] = [:]
        for c in diff.changes {
            if case let .renameEnumValue(e, from, to) = c { renames[e, default: []].append(EnumValueRename(from: from, to: to)) }
        }
        valueRenames = renames
    }

    /// The renamed values a kept column's rows hold: of its enum, or of the enum of its array.
    func renamedValues(_ column: Column, in pair: Pair) -> (renames: [EnumValueRename], array: Bool)? {
        guard !valueRenames.isEmpty, pair.columnSource[column.name] != nil, column.generated == nil else { return nil }
        switch column.type {
        case .enumeration(let e): return valueRenames[e].map { ($0, false) }
        case .array(.enumeration(let e)): return valueRenames[e].map { ($0, true) }
        default: return nil
        }
    }

    /// How an existing table is migrated.
    enum Strategy { case unchanged, alter, rebuild }

    /// One table present in both schemas: old and new model, and the column mapping.
    struct Pair {
        var old: Table
        var new: Table
        /// new column name → old column name
        var columnSource: [String: String]
        /// Where the table stands in the new schema: the order tables are worked on.
        var position: Int
        var strategy: Strategy = .unchanged
    }

    func hazards(_ c: Change) -> [Hazard] { Hazards.of(c, old: diff.old) }

    public func plan() -> MigrationPlan {
        var plan = MigrationPlan(renderer: ddl)
        let new = diff.new
        let pairs = tablePairs()
        let rebuilt = Set(pairs.filter { $0.value.strategy == .rebuild }.keys)
        let altered = Set(pairs.filter { $0.value.strategy == .alter }.keys)
        let touched = pairs.values.filter { $0.strategy != .unchanged }.sorted { $0.position < $1.position }
        let dropped = diff.old.tables.filter { index.newName(ofOld: $0.name) == nil }
        let views = ViewDependencies(diff: diff, dialect: .sqlite, changedTables: rebuilt.union(altered).union(dropped.map(\.name)))

        notes(&plan)
        undoRawSQL(&plan)
        let explicitlyDropped = Set(diff.changes.compactMap { c -> String? in if case .dropView(let v) = c { return v.name }; return nil })
        for v in views.drop { plan.add(.dropView(v), explicitlyDropped.contains(v.name) ? hazards(.dropView(v)) : []) }
        let declared = declaredTriggers(pairs, views: views)
        plan.add(declared.dropped.filter { !$0.tableDropped }.map { .dropTrigger($0.trigger.name, table: $0.table) })
        // Every trigger of a table that changes goes first: SQLite's ALTER TABLE checks the whole
        // schema, and a trigger over a full-text table dropped below would fail any later rename.
        for pair in touched { plan.add(dropTriggersAndSearch(pair)) }
        for t in dropped where t.search != nil { plan.add(.dropTables([Naming.ftsTable(table: t.name)])) }
        for pair in touched where pair.strategy == .alter { plan.add(dropIndexes(pair)) }
        for t in dropped { plan.add(.dropTables([t.name]), hazards(.dropTable(t))) }
        for pair in touched { renames(pair, &plan) }
        for pair in touched where pair.strategy == .alter { dropAndAddColumns(pair, &plan) }
        let order = DependencyOrder(new)
        for i in order.tables where index.created.contains(new.tables[i].name) { plan.add(createTable(new.tables[i])) }
        for pair in touched where pair.strategy == .rebuild { plan.add(rebuild(pair), rebuildHazards(pair)) }
        for pair in touched { plan.add(renameValuesInArrays(pair)) }
        for pair in touched { recreate(pair, &plan) }
        for v in views.create { plan.add(.createView(v)) }
        for c in diff.changes {
            if case .dropView(let v) = c, !views.drop.contains(where: { $0.name == v.name }) { plan.add(.dropView(v), hazards(c)) }
        }
        for (t, triggers) in declared.created { plan.add(triggers.map { .createTrigger($0, table: t) }) }
        for c in diff.changes {
            if case .addRawSQL(let b) = c, b.dialect == .sqlite { plan.add(.raw(name: b.name, sql: b.up, down: false)) }
        }
        return plan
    }

    // MARK: Steps

    /// What SQLite has no statement for, said in the script: extensions, tenant isolation, and
    /// enums (their CHECKs change with the tables rebuilt below).
    func notes(_ plan: inout MigrationPlan) {
        let extensions = diff.changes.compactMap { c -> String? in if case .addExtension(let e) = c { return e }; return nil }
        if !extensions.isEmpty {
            plan.add(.note("PostgreSQL-only: extensions \(extensions.joined(separator: ", ")) have no SQLite counterpart."))
        }
        for c in diff.changes {
            if case let .replaceEnum(_, e) = c { plan.add(.note("enum \(e.name) changed: the tables using it are rebuilt with the new CHECK."), hazards(c)) }
            if case let .renameEnumValue(e, from, to) = c {
                plan.add(.note("enum \(e): value \(from) is renamed to \(to): the rows holding it hold \(to), in tables rebuilt with the new CHECK."), hazards(c))
            }
        }
        let tenancy = diff.changes.compactMap { c -> String? in if case let .setTenancy(t, _, _) = c { return t }; return nil }
        if !tenancy.isEmpty {
            plan.add(.note("PostgreSQL-only: the tenant isolation of \(tenancy.joined(separator: ", ")) changes; SQLite has no row-level security."))
        }
    }

    func undoRawSQL(_ plan: inout MigrationPlan) {
        for c in diff.changes {
            guard case .removeRawSQL(let b) = c, b.dialect == .sqlite else { continue }
            plan.add(b.down.map { .raw(name: b.name, sql: $0, down: true) } ?? .note("sql: \(b.name) has no 'down': nothing to undo."), hazards(c))
        }
    }

    /// A new table with its indexes, full-text table and triggers: one block of the fresh DDL.
    func createTable(_ t: Table) -> [Statement] {
        var s: [Statement] = [.createTable(t)]
        for i in t.indexes { s.append(.createIndex(i, table: t.name)) }
        if t.search != nil { s += [.createSearchTable(t), .createSearchTriggers(t)] }
        for column in t.columns where column.autoUpdate { s.append(.createAutoUpdateTrigger(t, column)) }
        return s
    }

    func dropTriggersAndSearch(_ pair: Pair) -> [Statement] {
        let o = pair.old
        var names = o.columns.filter(\.autoUpdate).map { Naming.autoUpdateTrigger(table: o.name, column: $0.name) }
        if o.search != nil { names += Naming.searchTriggerSuffixes.map { Naming.searchTrigger(table: o.name, suffix: $0) } }
        var s: [Statement] = names.map { .dropTrigger($0, table: o.name, ifExists: true) }
        if o.search != nil && !(ftsUnchanged(pair) && pair.strategy == .alter) { s.append(.dropTables([Naming.ftsTable(table: o.name)])) }
        return s
    }

    /// Indexes of a table altered in place that go away or are renamed (a rebuild drops them all).
    func dropIndexes(_ pair: Pair) -> [Statement] {
        var s: [Statement] = []
        for c in index.changes(of: pair.new.name) {
            switch c {
            case let .dropIndex(_, i): s.append(.dropIndex(i.name))
            case let .renameIndex(_, from, _):
                s.append(.dropIndex(from))
            default: break
            }
        }
        return s
    }

    /// Renames, by ALTER TABLE even for tables rebuilt afterwards: SQLite (3.26+) rewrites the
    /// references of child foreign keys to follow them.
    func renames(_ pair: Pair, _ plan: inout MigrationPlan) {
        let name = pair.new.name
        if pair.old.name != name {
            plan.add(.renameTable(from: pair.old.name, to: name), hazards(.renameTable(from: pair.old.name, to: name)))
        }
        for c in pair.new.columns {
            if let from = pair.columnSource[c.name], from != c.name {
                plan.add(.renameColumn(table: name, from: from, to: c.name), hazards(.renameColumn(table: name, from: from, to: c.name)))
            }
        }
    }

    func dropAndAddColumns(_ pair: Pair, _ plan: inout MigrationPlan) {
        let name = pair.new.name
        // In the diff's order, which drops generated columns before the columns they read.
        for c in index.changes(of: name) {
            if case let .dropColumn(_, column) = c { plan.add(.dropColumn(table: name, column: column.name), hazards(c)) }
        }
        for c in pair.new.columns where pair.columnSource[c.name] == nil {
            plan.add(.addColumn(pair.new, c), hazards(.addColumn(table: name, c)))
        }
    }

    /// Indexes, full-text table and triggers of a table rebuilt or altered.
    func recreate(_ pair: Pair, _ plan: inout MigrationPlan) {
        let t = pair.new
        if pair.strategy == .rebuild {
            for i in t.indexes { plan.add(.createIndex(i, table: t.name)) }
        } else {
            for c in index.changes(of: t.name) {
                switch c {
                case let .addIndex(_, i): plan.add(.createIndex(i, table: t.name), hazards(c))
                case let .renameIndex(_, _, to):
                    if let i = t.indexes.first(where: { $0.name == to }) { plan.add(.createIndex(i, table: t.name)) }
                default: break
                }
            }
        }
        if t.search != nil {
            if pair.strategy == .alter && ftsUnchanged(pair) {
                plan.add(.createSearchTriggers(t))
            } else {
                plan.add([.createSearchTable(t), .createSearchTriggers(t), .rebuildSearch(table: t.name)])
            }
        }
        for column in t.columns where column.autoUpdate { plan.add(.createAutoUpdateTrigger(t, column)) }
    }

    /// The declared triggers this migration drops and creates. SQLite cannot keep a trigger through a
    /// rebuild of its table, nor through a rename or drop of its table's columns (ALTER TABLE rewrites
    /// or refuses it); and any ALTER TABLE checks every trigger of the schema, so a trigger whose SQL
    /// mentions such a table, or one dropped, or a view taken down, goes down and comes back too.
    func declaredTriggers(_ pairs: [String: Pair], views: ViewDependencies) -> DeclaredTriggers {
        let reshaped = Set(pairs.values.filter(reshapes).map(\.new.name))
        var names = Set<String>()
        func insert(_ name: String) {
            names.insert(name)
            names.insert(name.lowercased())
        }
        for name in reshaped { insert(name) }
        for pair in pairs.values where reshaped.contains(pair.new.name) { insert(pair.old.name) }
        for t in diff.old.tables where index.newName(ofOld: t.name) == nil { insert(t.name) }
        for v in views.drop { insert(v.name) }
        return DeclaredTriggers(diff: diff, index: index) { table, trigger in
            reshaped.contains(table) || !DeclaredTriggers.mentions(trigger, .sqlite).isDisjoint(with: names)
        }
    }

    /// Whether a table is rebuilt, renamed, or has columns renamed or dropped; or has its rows fixed
    /// (renamed enum values in arrays), which must not fire its triggers.
    func reshapes(_ pair: Pair) -> Bool {
        pair.strategy == .rebuild || pair.old.name != pair.new.name || pair.old.columns.count > pair.columnSource.count
            || pair.columnSource.contains { $0.key != $0.value } || !renameValuesInArrays(pair).isEmpty
    }

    // MARK: Rebuild

    func tempName(_ table: String) -> String { Naming.fit("_schemagen_new_\(table)") }

    /// Create the new table under a temporary name, copy, drop, rename (renames already ran, so a
    /// kept column has its new name in the table being copied).
    func rebuild(_ pair: Pair) -> [Statement] {
        let n = pair.new
        let temp = tempName(n.name)
        let copied = n.columns.compactMap { c -> CopiedColumn? in
            guard c.generated == nil, let from = pair.columnSource[c.name], let oc = pair.old.column(named: from) else { return nil }
            var copied = CopiedColumn(column: c, fillNulls: !c.nullable && oc.nullable && c.defaultValue != nil && c.defaultValue != .null)
            if let (renames, array) = renamedValues(c, in: pair), !array { copied.valueRenames = renames }
            return copied
        }
        var s: [Statement] = [.createTable(n, name: temp), .copyRows(from: n.name, to: temp, columns: copied, rowid: n.identityColumn == nil)]
        // AUTOINCREMENT never reuses an id: carry the old table's counter over (the copy set the new
        // one to the largest id still present; DROP TABLE deletes the old one, RENAME moves this one).
        if n.identityColumn != nil { s.append(.carrySequence(from: n.name, to: temp)) }
        return s + [.dropTables([n.name]), .renameTable(from: temp, to: n.name)]
    }

    /// Renamed enum values in the JSON arrays of a table altered or rebuilt (its triggers are down,
    /// so the update refreshes no `auto_update` column and fires no declared trigger).
    func renameValuesInArrays(_ pair: Pair) -> [Statement] {
        pair.new.columns.compactMap { c in
            guard let (renames, array) = renamedValues(c, in: pair), array else { return nil }
            return .renameValuesInArray(table: pair.new.name, column: c.name, renames)
        }
    }

    func rebuildHazards(_ pair: Pair) -> [Hazard] {
        var out = [Hazard(.LT, "rebuilds table \(pair.new.name): copies every row into a new table")]
        for c in index.changes(of: pair.new.name) {
            switch c {
            case .dropColumn, .alterColumn, .addColumn, .addUnique, .addCheck, .addForeignKey, .setPrimaryKey:
                out += Hazards.of(c, old: diff.old)
            default: break
            }
        }
        return out
    }

    // MARK: Strategy

    /// Tables present on both sides by new name, each with its column mapping and strategy.
    func tablePairs() -> [String: Pair] {
        var pairs: [String: Pair] = [:]
        for (position, t) in diff.new.tables.enumerated() {
            guard let o = index.oldTable(t.name) else { continue }
            var source: [String: String] = [:]
            for c in t.columns {
                let from = index.oldColumnName(t.name, c.name)
                if o.column(named: from) != nil { source[c.name] = from }
            }
            var pair = Pair(old: o, new: t, columnSource: source, position: position)
            pair.strategy = strategy(pair)
            pairs[t.name] = pair
        }
        return pairs
    }

    func ftsUnchanged(_ pair: Pair) -> Bool {
        pair.old.search == pair.new.search && pair.old.name == pair.new.name
            && pair.new.search.map { $0.columns.allSatisfy { pair.columnSource[$0] == $0 } } ?? true
    }

    /// The old table as it reads after the renames: its columns, keys and references under their new names.
    func renamedOld(_ pair: Pair) -> Table {
        var inverse: [String: String] = [:]
        for (newName, oldName) in pair.columnSource { inverse[oldName] = newName }
        let rename: (String) -> String = { inverse[$0] ?? $0 }
        var r = pair.old
        r.name = pair.new.name
        r.columns = r.columns.map { c in var c = c; c.name = rename(c.name); return c }
        r.primaryKey = r.primaryKey.map { PrimaryKey(name: $0.name, columns: $0.columns.map(rename)) }
        r.uniques = r.uniques.map { UniqueConstraint(name: $0.name, columns: $0.columns.map(rename)) }
        r.foreignKeys = r.foreignKeys.map { fk in
            var f = fk
            f.columns = f.columns.map(rename)
            f.referencedTable = index.newName(ofOld: f.referencedTable) ?? f.referencedTable
            f.referencedColumns = f.referencedColumns.map { index.newColumnName(f.referencedTable, ofOld: $0) ?? $0 }
            return f
        }
        return r
    }

    /// Decides between leaving a table alone, ALTER TABLE, and a rebuild, on the model: a rebuild when
    /// what SQLite keeps in the CREATE TABLE (constraints, a kept column's definition, STRICT) changes,
    /// or a column cannot be added or dropped in place.
    func strategy(_ pair: Pair) -> Strategy {
        let o = renamedOld(pair), n = pair.new
        let keptNew = n.columns.filter { pair.columnSource[$0.name] != nil }
        let added = n.columns.filter { pair.columnSource[$0.name] == nil }
        let keptNames = Set(keptNew.map(\.name))
        let droppedOld = o.columns.filter { !keptNames.contains($0.name) }
        let sameKept = keptNew.allSatisfy { c in o.column(named: c.name).map { sameDefinition($0, in: o, c, in: n) } ?? false }
        let addable = added.allSatisfy { c in
            c.generated?.stored != true && !c.type.isSerial && (c.defaultValue?.isConstant ?? true)
                && (c.nullable || (c.defaultValue != nil && c.defaultValue != .null))
        }
        let readByGenerated = Set(keptNew.compactMap(\.generated?.expression).flatMap { SQLWords.identifiers(in: $0, dialect: .sqlite) })
        let droppable = droppedOld.allSatisfy { c in !readByGenerated.contains(c.name.lowercased()) && o.identityColumn?.name != c.name }
        guard o.strict == n.strict, sameConstraints(o, n), sameKept, addable, droppable else { return .rebuild }
        let nothingElse = pair.old.name == n.name && added.isEmpty && droppedOld.isEmpty && pair.columnSource.allSatisfy { $0.key == $0.value }
            && o.indexes == n.indexes && o.search == n.search
            && o.columns.map(\.autoUpdate) == n.columns.map(\.autoUpdate)
            && !n.columns.contains { renamedValues($0, in: pair)?.array == true }
        return nothingElse ? .unchanged : .alter
    }

    /// The table constraints SQLite keeps in the CREATE TABLE (an identity column's key is part of its column).
    func sameConstraints(_ o: Table, _ n: Table) -> Bool {
        (o.identityColumn == nil ? o.primaryKey : nil) == (n.identityColumn == nil ? n.primaryKey : nil)
            && o.uniques == n.uniques && o.checks == n.checks && o.foreignKeys == n.foreignKeys
    }

    /// Whether SQLite stores two columns alike: storage type, implied check, NULL, default, generation.
    func sameDefinition(_ a: Column, in ta: Table, _ b: Column, in tb: Table) -> Bool {
        let aIdentity = ta.identityColumn?.name == a.name, bIdentity = tb.identityColumn?.name == b.name
        if aIdentity || bIdentity { return aIdentity == bIdentity }
        return oldDDL.storageType(a.type, strict: ta.strict) == ddl.storageType(b.type, strict: tb.strict)
            && oldDDL.impliedCheck(a.type) == ddl.impliedCheck(b.type)
            && a.nullable == b.nullable && a.generated == b.generated
            && a.defaultValue.flatMap { oldDDL.defaultExpression($0, type: a.type) } == b.defaultValue.flatMap { ddl.defaultExpression($0, type: b.type) }
    }
}

