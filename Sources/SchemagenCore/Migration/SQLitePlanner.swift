/// Plans a SQLite migration from a diff.
///
/// SQLite's `ALTER TABLE` can rename tables and columns, add a column at the
/// end (with a constant default) and drop a column nothing depends on. Every
/// other change rebuilds the table by the procedure of SQLite's documentation:
/// with foreign keys off (set before `BEGIN`, where the pragma works), create
/// the new table under a temporary name, copy the rows (rowids included, so
/// full-text indexes stay valid), drop the old table, rename the new one, and
/// recreate its indexes, triggers and the views involved. The old table is
/// never renamed to a temporary name: child foreign keys would follow that
/// rename and dangle. (A table the schema renames is renamed to its new name
/// first, precisely so that child foreign keys follow.)
public struct SQLitePlanner {
    let diff: SchemaDiff
    let ddl: SQLiteDDL
    let oldDDL: SQLiteDDL
    var sql: SQLSyntax { ddl.sql }

    public init(diff: SchemaDiff) {
        self.diff = diff
        ddl = SQLiteDDL(schema: diff.new)
        oldDDL = SQLiteDDL(schema: diff.old)
    }

    /// How an existing table is migrated.
    enum Strategy { case unchanged, alter, rebuild }

    /// One table present in both schemas: old and new model, and the column mapping.
    struct Pair {
        var old: Table
        var new: Table
        /// new column name → old column name
        var columnSource: [String: String]
    }

    public func plan() -> MigrationPlan {
        var plan = MigrationPlan(dialect: .sqlite)
        let changes = diff.changes
        let old = diff.old, new = diff.new
        func hazards(_ c: Change) -> [Hazard] { Hazards.of(c, old: old) }

        // Pairs of tables present on both sides.
        let renames = SchemaDiff.Renames.declared(old: old, new: new)
        let oldTables = Dictionary(old.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [String: Pair] = [:]
        var tableRenames: [String: String] = [:] // old → new
        for t in new.tables {
            let oldName = renamesFromChanges(t.name) ?? t.name
            guard let o = oldTables[oldName] else { continue }
            if oldName != t.name { tableRenames[oldName] = t.name }
            var source: [String: String] = [:]
            let oldColumns = Set(o.columns.map(\.name))
            let columnRenames = columnRenamesFromChanges(t.name)
            for c in t.columns {
                let from = columnRenames[c.name] ?? c.name
                if oldColumns.contains(from) { source[c.name] = from }
            }
            pairs[t.name] = Pair(old: o, new: t, columnSource: source)
        }
        _ = renames

        var strategies: [String: Strategy] = [:]
        for (name, pair) in pairs { strategies[name] = strategy(pair, tableRenames: tableRenames) }
        let rebuilt = Set(strategies.filter { $0.value == .rebuild }.keys)
        let altered = Set(strategies.filter { $0.value == .alter }.keys)
        let created = new.tables.filter { pairs[$0.name] == nil }
        let dropped = old.tables.filter { t in !pairs.values.contains { $0.old.name == t.name } }

        // Changes that SQLite has no use for leave a note; data-relevant hazards still apply.
        let views = ViewDependencies(diff: diff, dialect: .sqlite,
                                     changedTables: rebuilt.union(altered).union(dropped.map(\.name)))

        // 1. Raw SQL blocks that go away or change.
        for c in changes {
            guard case .removeRawSQL(let b) = c, b.dialect == .sqlite else { continue }
            if let down = b.down {
                plan.add(SQLSyntax.comment("sql: \(b.name) (down)") + SQLSyntax.trimmedStatement(down) + ";", hazards(c))
            } else {
                plan.add("-- sql: \(b.name) has no 'down': nothing to undo.", hazards(c))
            }
        }

        // 2. Views over what changes.
        for v in views.drop { plan.add("DROP VIEW \(sql.id(v.name));", changes.contains(.dropView(v)) ? hazards(.dropView(v)) : []) }

        // 3. Triggers and full-text tables of tables that change.
        for name in (altered.union(rebuilt)).sorted(by: { newIndex($0) < newIndex($1) }) {
            let pair = pairs[name]!
            let keepFTS = ftsUnchanged(pair)
            // Every trigger goes first: SQLite's ALTER TABLE checks the whole schema, and a
            // trigger over a full-text table dropped below would fail any later rename.
            for trigger in triggerNames(pair.old, includeSearch: true) { plan.add("DROP TRIGGER IF EXISTS \(sql.id(trigger));") }
            if pair.old.search != nil && !(keepFTS && strategies[name] == .alter) {
                plan.add("DROP TABLE \(sql.id(Naming.ftsTable(table: pair.old.name)));")
            }
        }
        for t in dropped where t.search != nil { plan.add("DROP TABLE \(sql.id(Naming.ftsTable(table: t.name)));") }

        // 4. Indexes that go away (of tables altered in place; a rebuild drops them all).
        for c in changes {
            switch c {
            case let .dropIndex(t, i) where strategies[t] == .alter:
                if !i.isSQLiteSkipped { plan.add("DROP INDEX \(sql.id(i.name));", hazards(c)) }
            case let .renameIndex(t, from, _) where strategies[t] == .alter:
                if let index = pairs[t]?.old.indexes.first(where: { $0.name == from }), !index.isSQLiteSkipped {
                    plan.add("DROP INDEX \(sql.id(from));")
                }
            default: break
            }
        }

        // 5. Tables that go away.
        for t in dropped { plan.add("DROP TABLE \(sql.id(t.name));", hazards(.dropTable(t))) }

        // 6. Renames, by ALTER TABLE even for tables rebuilt afterwards: SQLite (3.26+) rewrites
        //    the references of child foreign keys to follow them. Then drops and adds in place.
        for name in altered.union(rebuilt).sorted(by: { newIndex($0) < newIndex($1) }) {
            let pair = pairs[name]!
            if pair.old.name != name {
                plan.add("ALTER TABLE \(sql.id(pair.old.name)) RENAME TO \(sql.id(name));", hazards(.renameTable(from: pair.old.name, to: name)))
            }
            for c in pair.new.columns {
                if let from = pair.columnSource[c.name], from != c.name {
                    plan.add("ALTER TABLE \(sql.id(name)) RENAME COLUMN \(sql.id(from)) TO \(sql.id(c.name));", hazards(.renameColumn(table: name, from: from, to: c.name)))
                }
            }
        }
        for name in altered.sorted(by: { newIndex($0) < newIndex($1) }) {
            let pair = pairs[name]!
            let kept = Set(pair.columnSource.values)
            for c in pair.old.columns where !kept.contains(c.name) {
                plan.add("ALTER TABLE \(sql.id(name)) DROP COLUMN \(sql.id(c.name));", hazards(.dropColumn(table: name, c)))
            }
            for c in pair.new.columns where pair.columnSource[c.name] == nil {
                plan.add("ALTER TABLE \(sql.id(name)) ADD COLUMN \(ddl.columnDefinition(c, table: pair.new, isIdentity: false));", hazards(.addColumn(table: name, c)))
            }
        }

        // 7. New tables.
        let order = DependencyOrder(new)
        let createdNames = Set(created.map(\.name))
        for i in order.tables where createdNames.contains(new.tables[i].name) {
            plan.add(ddl.createTable(new.tables[i]))
        }

        // 8. Rebuilt tables.
        for i in order.tables where rebuilt.contains(new.tables[i].name) {
            let pair = pairs[new.tables[i].name]!
            plan.add(rebuild(pair), rebuildHazards(pair))
        }

        // 9. Indexes, full-text tables and triggers of everything new, rebuilt or altered.
        for i in order.tables {
            let t = new.tables[i]
            let name = t.name
            let strategy = strategies[name] ?? (createdNames.contains(name) ? .rebuild : .unchanged)
            switch strategy {
            case .unchanged: continue
            case .rebuild:
                for index in t.indexes { plan.add(ddl.createIndex(index, on: name)) }
            case .alter:
                for c in changes {
                    switch c {
                    case let .addIndex(tt, index) where tt == name: plan.add(ddl.createIndex(index, on: name), hazards(c))
                    case let .renameIndex(tt, _, to) where tt == name:
                        if let index = t.indexes.first(where: { $0.name == to }) { plan.add(ddl.createIndex(index, on: name)) }
                    default: break
                    }
                }
            }
            if t.search != nil {
                let pair = pairs[name]
                let fts = ddl.search(t)
                if strategy == .alter, let pair, ftsUnchanged(pair) {
                    for trigger in fts.dropFirst() { plan.add(trigger) }
                } else {
                    for statement in fts { plan.add(statement) }
                    if pairs[name] != nil {
                        let ftsName = sql.id(Naming.ftsTable(table: name))
                        plan.add("INSERT INTO \(ftsName) (\(ftsName)) VALUES ('rebuild');")
                    }
                }
            }
            for trigger in ddl.autoUpdateTriggers(t) { plan.add(trigger) }
        }

        // 10. Views, raw SQL.
        for v in views.create { for s in ddl.createView(v) { plan.add(s) } }
        for c in changes {
            if case .dropView(let v) = c, !views.drop.contains(where: { $0.name == v.name }) {
                plan.add("DROP VIEW \(sql.id(v.name));", hazards(c))
            }
        }
        for c in changes {
            guard case .addRawSQL(let b) = c, b.dialect == .sqlite else { continue }
            plan.add(SQLSyntax.comment("sql: \(b.name)") + SQLSyntax.trimmedStatement(b.up) + ";")
        }
        // An enum has no statement of its own on SQLite: its CHECKs change with the tables rebuilt above.
        for c in changes {
            guard case let .replaceEnum(_, e) = c else { continue }
            plan.steps.insert(.init("-- enum \(e.name) changed: the tables using it are rebuilt with the new CHECK.", hazards: hazards(c)), at: 0)
        }
        return plan
    }

    // MARK: Strategy

    func newIndex(_ name: String) -> Int { diff.new.tables.firstIndex { $0.name == name } ?? 0 }

    func renamesFromChanges(_ newName: String) -> String? {
        for c in diff.changes { if case let .renameTable(from, to) = c, to == newName { return from } }
        return nil
    }

    func columnRenamesFromChanges(_ table: String) -> [String: String] {
        var out: [String: String] = [:]
        for c in diff.changes { if case let .renameColumn(t, from, to) = c, t == table { out[to] = from } }
        return out
    }

    func ftsUnchanged(_ pair: Pair) -> Bool { pair.old.search == pair.new.search && pair.old.name == pair.new.name && pair.new.search.map { $0.columns.allSatisfy { pair.columnSource[$0] == $0 } } ?? true }

    /// Decides between leaving a table alone, ALTER TABLE, and a rebuild.
    func strategy(_ pair: Pair, tableRenames: [String: String]) -> Strategy {
        let o = pair.old, n = pair.new
        // The old table as it would read after renames: same columns under their new names.
        var inverse: [String: String] = [:]
        for (newName, oldName) in pair.columnSource { inverse[oldName] = newName }
        let columnRename: (String) -> String = { inverse[$0] ?? $0 }
        var renamedOld = o
        renamedOld.name = n.name
        renamedOld.columns = o.columns.map { c in var c = c; c.name = columnRename(c.name); return c }
        renamedOld.primaryKey = o.primaryKey.map { PrimaryKey(name: $0.name, columns: $0.columns.map(columnRename)) }
        renamedOld.uniques = o.uniques.map { UniqueConstraint(name: $0.name, columns: $0.columns.map(columnRename)) }
        renamedOld.foreignKeys = o.foreignKeys.map { fk in
            var f = fk
            f.columns = f.columns.map(columnRename)
            f.referencedTable = tableRenames[f.referencedTable] ?? f.referencedTable
            if let parent = diff.new.table(named: f.referencedTable) {
                let parentRenames = columnRenamesFromChanges(parent.name)
                let inv = Dictionary(parentRenames.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                f.referencedColumns = f.referencedColumns.map { inv[$0] ?? $0 }
            }
            return f
        }
        let oldConstraints = constraintLines(renamedOld, oldDDL)
        let newConstraints = constraintLines(n, ddl)
        let keptNew = n.columns.filter { pair.columnSource[$0.name] != nil }
        let added = n.columns.filter { pair.columnSource[$0.name] == nil }
        let keptOld = renamedOld.columns.filter { c in keptNew.contains { $0.name == c.name } }
        let droppedOld = renamedOld.columns.filter { c in !keptNew.contains { $0.name == c.name } }

        let sameKept = keptNew.map { ddl.columnDefinition($0, table: n, isIdentity: n.identityColumn?.name == $0.name) }
            == keptOld.map { oldDDL.columnDefinition($0, table: renamedOld, isIdentity: renamedOld.identityColumn?.name == $0.name) }
        let appendedOnly = Array(n.columns.prefix(keptNew.count)).map(\.name) == keptNew.map(\.name)
        let addable = added.allSatisfy { c in
            c.generated?.stored != true && !c.type.isSerial
                && (c.defaultValue?.isConstant ?? true)
                && (c.nullable || (c.defaultValue != nil && c.defaultValue != .null))
        }
        let generatedExpressions = keptNew.compactMap(\.generated?.expression).flatMap { SQLWords.identifiers(in: $0, dialect: .sqlite) }
        let droppable = droppedOld.allSatisfy { c in
            !generatedExpressions.contains(c.name.lowercased()) && o.identityColumn?.name != c.name
        }
        let structural = o.strict == n.strict && oldConstraints == newConstraints && sameKept && appendedOnly && addable && droppable
        if !structural { return .rebuild }
        let nothingElse = o.name == n.name && added.isEmpty && droppedOld.isEmpty && pair.columnSource.allSatisfy { $0.key == $0.value }
            && o.indexes == n.indexes && o.search == n.search
            && o.columns.map(\.autoUpdate) == n.columns.map(\.autoUpdate)
        return nothingElse ? .unchanged : .alter
    }

    /// Table constraints as the SQLite DDL renders them.
    func constraintLines(_ t: Table, _ ddl: SQLiteDDL) -> [String] {
        let text = ddl.createTable(t)
        return text.split(separator: "\n").filter { $0.hasPrefix("    CONSTRAINT ") }.map { String($0.hasSuffix(",") ? $0.dropLast() : $0[...]) }
    }

    /// Names of the triggers schemagen creates on a table.
    func triggerNames(_ t: Table, includeSearch: Bool) -> [String] {
        var names = t.columns.filter(\.autoUpdate).map { Naming.autoUpdateTrigger(table: t.name, column: $0.name) }
        if includeSearch && t.search != nil {
            names += Naming.searchTriggerSuffixes.map { Naming.searchTrigger(table: t.name, suffix: $0) }
        }
        return names
    }

    func tempName(_ table: String) -> String { Naming.fit("_schemagen_new_\(table)") }

    // MARK: Rebuild

    /// Create the new table under a temporary name, copy, drop, rename.
    func rebuild(_ pair: Pair) -> String {
        let n = pair.new
        let temp = tempName(n.name)
        var s = ddl.createTable(n, name: temp) + "\n"
        var targets: [String] = []
        var sources: [String] = []
        if n.identityColumn == nil {
            targets.append("rowid")
            sources.append("rowid")
        }
        for c in n.columns where c.generated == nil {
            // Renames already ran: a kept column has its new name in the table being copied.
            guard let from = pair.columnSource[c.name], let oc = pair.old.column(named: from) else { continue }
            targets.append(sql.id(c.name))
            var source = sql.id(c.name)
            if !c.nullable, oc.nullable, let d = c.defaultValue, d != .null, let rendered = ddl.defaultExpression(d, type: c.type) {
                source = "coalesce(\(source), \(rendered))"
            }
            sources.append(source)
        }
        s += "INSERT INTO \(sql.id(temp)) (\(targets.joined(separator: ", ")))\n    SELECT \(sources.joined(separator: ", ")) FROM \(sql.id(n.name));\n"
        if n.identityColumn != nil {
            // AUTOINCREMENT never reuses an id: carry the old table's counter over (the copy set the new
            // one to the largest id still present; DROP TABLE deletes the old one, RENAME moves this one).
            s += "DELETE FROM sqlite_sequence WHERE name = \(sql.literal(temp));\n"
            s += "INSERT INTO sqlite_sequence (name, seq) SELECT \(sql.literal(temp)), seq FROM sqlite_sequence WHERE name = \(sql.literal(n.name));\n"
        }
        s += "DROP TABLE \(sql.id(n.name));\n"
        s += "ALTER TABLE \(sql.id(temp)) RENAME TO \(sql.id(n.name));"
        return s
    }

    func rebuildHazards(_ pair: Pair) -> [Hazard] {
        var out = [Hazard(.LT, "rebuilds table \(pair.new.name): copies every row into a new table")]
        for c in diff.changes where c.table == pair.new.name {
            switch c {
            case .dropColumn, .alterColumn, .addColumn, .addUnique, .addCheck, .addForeignKey, .setPrimaryKey:
                out += Hazards.of(c, old: diff.old)
            default: break
            }
        }
        return out
    }
}

extension Index {
    /// Indexes SQLite cannot build (GIN and friends) are not in the SQLite DDL.
    var isSQLiteSkipped: Bool { method != nil && method != .btree }
}
