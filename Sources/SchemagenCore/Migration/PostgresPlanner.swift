/// Plans a PostgreSQL migration from a diff: typed statements in a safe order
/// (drop dependents before what they depend on, create before reference), all
/// in one transaction except what PostgreSQL cannot run in one. The plan from
/// the empty schema is the fresh DDL.
///
/// `plan()` decides the order, once; each kind of change has a small function
/// that turns it into statements. To add a kind of change: a `Change` case in
/// `SchemaDiff`, its hazards in `Hazards.of`, a function here called from
/// `plan()` at the right place, and (if it needs new SQL) a `Statement` case
/// that both renderers spell.
public struct PostgresPlanner {
    public struct Options: Sendable {
        /// Build indexes `CONCURRENTLY` (outside the transaction) and add foreign
        /// keys and checks `NOT VALID` and `VALIDATE` them after the transaction, in the
        /// manner of pg-schema-diff: fewer and shorter locks on live tables.
        public var onlineSafe: Bool

        public init(onlineSafe: Bool = false) { self.onlineSafe = onlineSafe }
    }

    typealias Step = MigrationPlan.Step

    let diff: SchemaDiff
    let options: Options
    let index: DiffIndex
    /// The renderer of the new schema, asked only what PostgreSQL makes of a type or a default.
    let ddl: PostgresDDL

    public init(diff: SchemaDiff, options: Options = Options()) {
        self.diff = diff
        self.options = options
        index = DiffIndex(diff)
        ddl = PostgresDDL(schema: diff.new)
    }

    var changes: [Change] { diff.changes }

    func hazards(_ c: Change) -> [Hazard] { Hazards.of(c, old: diff.old) }

    public func plan() -> MigrationPlan {
        var plan = MigrationPlan(renderer: ddl, namespace: diff.new.postgresSchema)
        if diff.old.postgresSchema != diff.new.postgresSchema {
            plan.errors.append("postgres.schema changes from \(diff.old.postgresSchema ?? "the default") to \(diff.new.postgresSchema ?? "the default"): moving a schema to another namespace is not supported by migrations; write the steps in a raw sql block")
            return plan
        }
        let views = ViewDependencies(diff: diff, dialect: .postgres, changedTables: tablesWhoseViewsChange())
        let triggers = AutoUpdateTriggers(index: index, old: diff.old, new: diff.new)
        let declared = DeclaredTriggers(diff: diff, index: index, bounces: dependsOnRetypedColumns)
        addEnumValues(&plan)
        addExtensions(&plan)
        undoRawSQL(&plan)
        let explicitlyDropped = Set(changes.compactMap { c -> String? in if case .dropView(let v) = c { return v.name }; return nil })
        for v in views.drop { plan.add(.dropView(v), explicitlyDropped.contains(v.name) ? hazards(.dropView(v)) : []) }
        for t in triggers.dropped where !t.tableDropped {
            plan.add([.dropTrigger(Naming.autoUpdateTrigger(table: t.table, column: t.column), table: t.table),
                      .dropFunction(Naming.autoUpdateFunction(table: t.table, column: t.column))])
        }
        for d in declared.dropped where !d.tableDropped {
            plan.add([.dropTrigger(d.trigger.name, table: d.table), .dropFunction(Naming.triggerFunction(table: d.table, trigger: d.trigger.name))])
        }
        dropForeignKeys(&plan)
        // Dropped tables before the keys they reference: a dropped table's foreign key may depend
        // on a primary or unique key that goes away too.
        dropTables(&plan, triggers, declared)
        dropConstraintsAndIndexes(&plan)
        renameTables(&plan)
        renameColumnsConstraintsAndIndexes(&plan)
        for c in changes {
            if case let .dropColumn(t, column) = c { plan.add(.dropColumn(table: t, column: column.name), hazards(c)) }
        }
        renameEnumValues(&plan)
        createEnums(&plan)
        let deferred = createTables(&plan)
        addAndAlterColumns(&plan)
        for (t, column) in triggers.created where !index.created.contains(t) {
            if let table = index.newTables[t], let c = table.column(named: column) { plan.add(.createAutoUpdateTrigger(table, c)) }
        }
        changePartitions(&plan)
        addConstraints(&plan)
        addTenantPolicies(&plan)
        addIndexes(&plan)
        addForeignKeys(&plan, deferred: deferred)
        commentsAndEnumDrops(&plan)
        for v in views.create { plan.add(.createView(v)) }
        for c in changes {
            if case .dropView(let v) = c, !views.drop.contains(where: { $0.name == v.name }) { plan.add(.dropView(v), hazards(c)) }
        }
        for (t, triggers) in declared.created { plan.add(triggers.map { .createTrigger($0, table: t) }) }
        for c in changes {
            if case .addRawSQL(let b) = c, b.dialect == .postgres { plan.add(.raw(name: b.name, sql: b.up, down: false)) }
        }
        for c in changes {
            if case .dropExtension(let name) = c { plan.add(.dropExtension(name), hazards(c)) }
        }
        return plan
    }

    // MARK: Before the transaction, and what goes away

    /// Tables whose columns change: their views are dropped and created again.
    func tablesWhoseViewsChange() -> Set<String> {
        var out = Set<String>()
        for c in changes {
            switch c {
            case .addColumn(let t, _), .dropColumn(let t, _), .alterColumn(let t, _, _), .renameColumn(let t, _, _), .renameTable(_, let t):
                out.insert(t)
            case .dropTable(let t): out.insert(t.name)
            // Views over a table whose tenancy goes on or off change between plain and `security_invoker`.
            case let .setTenancy(t, o, n) where (o == nil) != (n == nil): out.insert(t)
            case .replaceEnum(_, let e):
                // Every column using a replaced enum changes type.
                for t in diff.new.tables where t.columns.contains(where: { Self.uses($0.type, enum: e.name) }) { out.insert(t.name) }
            default: break
            }
        }
        return out
    }

    /// New enum values, before the transaction, each after the value before it (which exists by then,
    /// under its old label if the transaction renames it).
    func addEnumValues(_ plan: inout MigrationPlan) {
        for c in changes {
            guard case let .addEnumValues(o, n) = c else { continue }
            let renamed = Dictionary(changes.compactMap { c -> (String, String)? in
                if case let .renameEnumValue(e, from, to) = c, e == n.name { return (to, from) }
                return nil
            }, uniquingKeysWith: { a, _ in a })
            let label = { (value: String) in renamed[value] ?? value }
            for (i, value) in n.values.enumerated() where !o.values.contains(value) {
                let position: EnumValuePosition? = i > 0 ? .after(label(n.values[i - 1])) : o.values.first.map { .before(label($0)) }
                plan.before.append(Step([.addEnumValue(type: n.name, value: value, position: position)],
                                        hazards: [Hazard(.TX, "adds value \(value) to enum \(n.name) outside the transaction")], transactional: false))
            }
        }
    }

    func addExtensions(_ plan: inout MigrationPlan) {
        for c in changes {
            if case .addExtension(let name) = c { plan.add(.createExtension(name, namespace: diff.new.postgresSchema)) }
        }
    }

    /// Raw SQL blocks that go away or change: their `down` first.
    func undoRawSQL(_ plan: inout MigrationPlan) {
        for c in changes {
            guard case .removeRawSQL(let b) = c, b.dialect == .postgres else { continue }
            plan.add(b.down.map { .raw(name: b.name, sql: $0, down: true) } ?? .note("sql: \(b.name) has no 'down': nothing to undo."), hazards(c))
        }
    }

    /// Foreign keys that go away (under the table's old name: renames come later), before the
    /// tables and keys they reference.
    func dropForeignKeys(_ plan: inout MigrationPlan) {
        for c in changes {
            if case let .dropForeignKey(t, fk) = c { plan.add(.dropConstraint(table: index.oldName(t), name: fk.name), hazards(c)) }
        }
    }

    /// The other constraints and indexes that go away (under the table's old name).
    func dropConstraintsAndIndexes(_ plan: inout MigrationPlan) {
        for c in changes {
            switch c {
            case let .dropUnique(t, u): plan.add(.dropConstraint(table: index.oldName(t), name: u.name), hazards(c))
            case let .dropCheck(t, k): plan.add(.dropConstraint(table: index.oldName(t), name: k.name), hazards(c))
            // The hazard of a new key belongs to its ADD below; dropping the old one cannot fail.
            case let .setPrimaryKey(t, o?, _): plan.add(.dropConstraint(table: index.oldName(t), name: o.name))
            case let .dropIndex(_, i): plan.add(.dropIndex(i.name), hazards(c))
            case let .setSearch(t, _?, _): plan.add(.dropIndex(Naming.searchIndex(table: index.oldName(t))), hazards(c))
            // The old policy goes before any column it reads is altered or dropped (PostgreSQL refuses both).
            case let .setTenancy(t, _?, n):
                let old = index.oldName(t)
                plan.add([.dropPolicy(Naming.tenantPolicy(table: old), table: old)] + (n == nil ? [.rowSecurity(table: old, enabled: false)] : []),
                         n == nil ? hazards(c) : [])
            default: break
            }
        }
    }

    /// Dropped tables in one statement (their foreign keys to each other go with them), then the
    /// functions of their auto_update and declared triggers (the triggers went with the tables).
    func dropTables(_ plan: inout MigrationPlan, _ triggers: AutoUpdateTriggers, _ declared: DeclaredTriggers) {
        let dropped = changes.compactMap { c -> Table? in if case .dropTable(let t) = c { return t }; return nil }
        guard !dropped.isEmpty else { return }
        plan.add(.dropTables(dropped.map(\.name)), dropped.flatMap { hazards(.dropTable($0)) })
        for t in triggers.dropped where t.tableDropped {
            plan.add(.dropFunction(Naming.autoUpdateFunction(table: t.table, column: t.column)))
        }
        for d in declared.dropped where d.tableDropped {
            plan.add(.dropFunction(Naming.triggerFunction(table: d.table, trigger: d.trigger.name)))
        }
    }

    // MARK: Renames

    /// Tables, with the identity sequence and search index whose names derive from the table's.
    func renameTables(_ plan: inout MigrationPlan) {
        for c in changes {
            guard case let .renameTable(from, to) = c else { continue }
            var statements: [Statement] = [.renameTable(from: from, to: to)]
            if let column = index.oldTables[from]?.identityColumn {
                let newColumn = index.newColumnName(to, ofOld: column.name) ?? column.name
                statements.append(.renameSequence(from: Naming.identitySequence(table: from, column: column.name),
                                                  to: Naming.identitySequence(table: to, column: newColumn)))
            }
            if index.oldTables[from]?.search != nil, index.newTables[to]?.search != nil, !searchChanged(to) {
                statements.append(.renameIndex(from: Naming.searchIndex(table: from), to: Naming.searchIndex(table: to)))
            }
            // A kept policy keeps its old name through ALTER TABLE RENAME: the derived name follows here.
            if index.oldTables[from]?.tenant != nil, !tenancyChanged(to) {
                statements.append(.renamePolicy(table: to, from: Naming.tenantPolicy(table: from), to: Naming.tenantPolicy(table: to)))
            }
            plan.add(statements, hazards(c))
        }
    }

    func renameColumnsConstraintsAndIndexes(_ plan: inout MigrationPlan) {
        for c in changes {
            switch c {
            case let .renameColumn(t, from, to):
                var statements: [Statement] = [.renameColumn(table: t, from: from, to: to)]
                if !index.isRenamed(t), index.oldTables[t]?.identityColumn?.name == from {
                    statements.append(.renameSequence(from: Naming.identitySequence(table: t, column: from), to: Naming.identitySequence(table: t, column: to)))
                }
                plan.add(statements, hazards(c))
            case let .renameConstraint(t, from, to): plan.add(.renameConstraint(table: t, from: from, to: to))
            case let .renameIndex(_, from, to): plan.add(.renameIndex(from: from, to: to))
            default: break
            }
        }
    }

    // MARK: What is new

    /// Renamed enum values, in the transaction, before anything writes or converts to the new labels.
    /// PostgreSQL keeps a value's rows, defaults and checks through the rename.
    func renameEnumValues(_ plan: inout MigrationPlan) {
        for c in changes {
            if case let .renameEnumValue(e, from, to) = c { plan.add(.renameEnumValue(type: e, from: from, to: to), hazards(c)) }
        }
    }

    /// New enum types, and replaced ones swapped in (rows must hold kept values).
    func createEnums(_ plan: inout MigrationPlan) {
        for c in changes {
            switch c {
            case .createEnum(let e): plan.add([.createEnum(e)] + (e.comment.map { [.comment(.type(e.name), $0)] } ?? []), hazards(c))
            case let .replaceEnum(o, n): plan.steps.append(swapEnum(old: o, new: n, hazards: hazards(c)))
            default: break
            }
        }
    }

    /// New tables in dependency order, each with its partitions, comments, indexes, search index and
    /// triggers; returns the foreign keys to tables created after them (a reference cycle).
    func createTables(_ plan: inout MigrationPlan) -> [(String, ForeignKey)] {
        let new = diff.new
        var deferred: [(String, ForeignKey)] = []
        // Existing tables whose key a foreign key can reference already; not one that gains its key
        // in this migration (that comes after the tables, in addConstraints).
        var made = Set(new.tables.map(\.name)).subtracting(index.created).subtracting(tablesGainingKeys())
        for i in DependencyOrder(new).tables where index.created.contains(new.tables[i].name) {
            let t = new.tables[i]
            let later = t.foreignKeys.filter { $0.referencedTable != t.name && !made.contains($0.referencedTable) }
            plan.add(createTable(t, omitting: Set(later.map(\.name))))
            deferred += later.map { (t.name, $0) }
            made.insert(t.name)
        }
        return deferred
    }

    /// Existing tables that get a new primary key, unique constraint or unique index: what a
    /// foreign key may reference (`Validator.isKey`).
    func tablesGainingKeys() -> Set<String> {
        var out = Set<String>()
        for c in changes {
            switch c {
            case .setPrimaryKey(let t, _, _?), .addUnique(let t, _): out.insert(t)
            case let .addIndex(t, i) where i.unique: out.insert(t)
            default: break
            }
        }
        return out
    }

    func createTable(_ t: Table, omitting: Set<String>) -> [Statement] {
        var s: [Statement] = [.createTable(t, omittingForeignKeys: omitting)]
        for part in t.partition?.partitions ?? [] { s.append(.createPartition(parent: t.name, part)) }
        if let c = t.comment { s.append(.comment(.table(t.name), c)) }
        for column in t.columns { if let c = column.comment { s.append(.comment(.column(table: t.name, column: column.name), c)) } }
        for i in t.indexes { s.append(.createIndex(i, table: t.name)) }
        if t.search != nil { s.append(.createSearchIndex(t)) }
        for column in t.columns where column.autoUpdate { s.append(.createAutoUpdateTrigger(t, column)) }
        if let policy = diff.new.tenantPolicy(of: t) { s += [.rowSecurity(table: t.name, enabled: true), .createTenantPolicy(table: t.name, policy)] }
        return s
    }

    /// Tenancy turned on or changed on existing tables, once their columns are in their new shape
    /// (the old policy was dropped before them).
    func addTenantPolicies(_ plan: inout MigrationPlan) {
        for c in changes {
            guard case let .setTenancy(t, o, n?) = c else { continue }
            plan.add((o == nil ? [.rowSecurity(table: t, enabled: true)] : []) + [.createTenantPolicy(table: t, n)], hazards(c))
        }
    }

    func addAndAlterColumns(_ plan: inout MigrationPlan) {
        for c in changes {
            switch c {
            case let .addColumn(t, column):
                guard let table = index.newTables[t] else { continue }
                plan.add([.addColumn(table, column)] + (column.comment.map { [.comment(.column(table: t, column: column.name), $0)] } ?? []), hazards(c))
            case let .alterColumn(t, o, n):
                plan.steps += alterColumn(table: t, old: o, new: n, hazards: hazards(c))
            default: break
            }
        }
    }

    /// Partitions added or removed (the partitioning itself cannot change in place).
    func changePartitions(_ plan: inout MigrationPlan) {
        for c in changes {
            guard case let .setPartition(t, o, n) = c else { continue }
            if o?.strategy != n?.strategy || o?.columns != n?.columns {
                plan.errors.append("table \(t): changing how a table is partitioned is not supported by migrations; write the steps in a raw sql block")
                continue
            }
            let oldParts = o?.partitions ?? [], newParts = n?.partitions ?? []
            for p in oldParts where !newParts.contains(p) {
                plan.add([.detachPartition(parent: t, p.name), .dropTables([p.name])], [Hazard(.DS, "drops partition \(p.name) of \(t) and its rows")])
            }
            for p in newParts where !oldParts.contains(p) { plan.add(.createPartition(parent: t, p)) }
        }
    }

    /// Keys and checks that are new; with `--online-safe` checks are added NOT VALID and validated after.
    func addConstraints(_ plan: inout MigrationPlan) {
        for c in changes {
            switch c {
            case let .setPrimaryKey(t, _, n?): plan.add(.addConstraint(table: t, .primaryKey(n)), hazards(c))
            case let .addUnique(t, u): plan.add(.addConstraint(table: t, .unique(u)), hazards(c))
            case let .addCheck(t, k):
                if options.onlineSafe {
                    plan.add(.addConstraint(table: t, .check(k), notValid: true))
                    plan.after.append(validate(k.name, on: t, hazards: hazards(c)))
                } else {
                    plan.add(.addConstraint(table: t, .check(k)), hazards(c))
                }
            default: break
            }
        }
    }

    /// Indexes of existing tables (`CONCURRENTLY` after the transaction with `--online-safe`), and search indexes.
    func addIndexes(_ plan: inout MigrationPlan) {
        for c in changes {
            switch c {
            case let .addIndex(t, i):
                if options.onlineSafe {
                    plan.after.append(Step([.createIndex(i, table: t, concurrently: true)], hazards: hazards(c), transactional: false))
                } else {
                    plan.add(.createIndex(i, table: t), hazards(c) + [Hazard(.PG, "builds index \(i.name) while holding a lock that blocks writes to \(t)")])
                }
            case let .setSearch(t, _, _?):
                guard let table = index.newTables[t], !index.created.contains(t) else { continue }
                plan.add(.createSearchIndex(table), [Hazard(.PG, "builds the full-text index of \(t) while holding a lock that blocks writes")])
            default: break
            }
        }
    }

    /// Foreign keys of a reference cycle among new tables (one step, once every table exists), then added ones.
    func addForeignKeys(_ plan: inout MigrationPlan, deferred: [(String, ForeignKey)]) {
        if !deferred.isEmpty {
            plan.add([.note("Foreign keys of a reference cycle, added once every table exists.")]
                + deferred.map { .addConstraint(table: $0.0, .foreignKey($0.1)) })
        }
        for c in changes {
            guard case let .addForeignKey(t, fk) = c else { continue }
            if options.onlineSafe {
                plan.add(.addConstraint(table: t, .foreignKey(fk), notValid: true))
                plan.after.append(validate(fk.name, on: t, hazards: hazards(c)))
            } else {
                plan.add(.addConstraint(table: t, .foreignKey(fk)), hazards(c))
            }
        }
    }

    func commentsAndEnumDrops(_ plan: inout MigrationPlan) {
        for c in changes {
            switch c {
            case let .setTableComment(t, comment): plan.add(.comment(.table(t), comment))
            case .setEnumComment(let e): plan.add(.comment(.type(e.name), e.comment))
            case .dropEnum(let e): plan.add(.dropType(e.name), hazards(c))
            default: break
            }
        }
    }

    // MARK: Helpers

    /// Whether a kept declared trigger reads, in its `of` or `when`, a column whose type changes in
    /// place or which is dropped and added again: PostgreSQL refuses to change a column a trigger's
    /// definition uses, so the trigger goes down before and comes back after.
    func dependsOnRetypedColumns(_ table: String, _ trigger: Trigger) -> Bool {
        guard !trigger.columns.isEmpty || trigger.when != nil else { return false }
        var retyped = Set<String>()
        for c in index.changes(of: table) {
            if case let .alterColumn(_, o, n) = c, o.generated != n.generated || ddl.columnType(o.type) != ddl.columnType(n.type) {
                retyped.insert(n.name)
            }
        }
        for c in changes {
            guard case .replaceEnum(_, let e) = c, let t = index.newTables[table] else { continue }
            for column in t.columns where Self.uses(column.type, enum: e.name) { retyped.insert(column.name) }
        }
        if retyped.isEmpty { return false }
        if trigger.columns.contains(where: retyped.contains) { return true }
        // PL/pgSQL binds the body when it runs: only the condition is part of the trigger's definition.
        let read = Set(trigger.when?.postgres.map { SQLWords.identifiers(in: $0, dialect: .postgres) } ?? [])
        return retyped.contains { read.contains($0) || read.contains($0.lowercased()) }
    }

    func searchChanged(_ table: String) -> Bool {
        index.changes(of: table).contains { if case .setSearch = $0 { return true }; return false }
    }

    func tenancyChanged(_ table: String) -> Bool {
        index.changes(of: table).contains { if case .setTenancy = $0 { return true }; return false }
    }

    static func uses(_ type: ColumnType, enum name: String) -> Bool {
        switch type {
        case .enumeration(let n): return n == name
        case .array(let inner): return uses(inner, enum: name)
        default: return false
        }
    }

    /// `--online-safe`: the check of the existing rows of a constraint added `NOT VALID`. It runs after
    /// COMMIT, in a transaction of its own: inside the migration's transaction the ADD's strong lock
    /// would still be held while every row is read, which is what `NOT VALID` is there to avoid.
    func validate(_ constraint: String, on table: String, hazards: [Hazard]) -> Step {
        Step([.validateConstraint(table: table, name: constraint)], hazards: hazards, transactional: false,
             note: "the constraint was added NOT VALID and committed; validating it apart holds only a SHARE UPDATE EXCLUSIVE lock while the existing rows are read.")
    }
}
