/// Plans a PostgreSQL migration from a diff: `ALTER` statements in a safe
/// order (drop dependents before what they depend on, create before reference),
/// all in one transaction except what PostgreSQL cannot run in one.
public struct PostgresPlanner {
    public struct Options: Sendable {
        /// Build indexes `CONCURRENTLY` (outside the transaction) and add foreign
        /// keys and checks `NOT VALID` and `VALIDATE` them after the transaction, in the
        /// manner of pg-schema-diff: fewer and shorter locks on live tables.
        public var onlineSafe: Bool

        public init(onlineSafe: Bool = false) { self.onlineSafe = onlineSafe }
    }

    let diff: SchemaDiff
    let options: Options
    let ddl: PostgresDDL
    let oldDDL: PostgresDDL
    var sql: SQLSyntax { ddl.sql }

    public init(diff: SchemaDiff, options: Options = Options()) {
        self.diff = diff
        self.options = options
        ddl = PostgresDDL(schema: diff.new)
        oldDDL = PostgresDDL(schema: diff.old)
    }

    public func plan() -> MigrationPlan {
        var plan = MigrationPlan(dialect: .postgres)
        let changes = diff.changes
        let old = diff.old, new = diff.new
        func hazards(_ c: Change) -> [Hazard] { Hazards.of(c, old: old) }
        let newTables = Dictionary(new.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let oldTables = Dictionary(old.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        // Tables whose columns change (their views must be rebuilt).
        var changedTables = Set<String>()
        for c in changes {
            switch c {
            case .addColumn(let t, _), .dropColumn(let t, _), .alterColumn(let t, _, _), .renameColumn(let t, _, _), .renameTable(_, let t):
                changedTables.insert(t)
            case .dropTable(let t): changedTables.insert(t.name)
            default: break
            }
        }
        // Enums that are replaced: every column using one changes type, so its views go too.
        let replacedEnums = changes.compactMap { c -> (EnumType, EnumType)? in
            if case let .replaceEnum(o, n) = c { return (o, n) }
            return nil
        }
        for (_, e) in replacedEnums {
            for t in new.tables where t.columns.contains(where: { Self.uses($0.type, enum: e.name) }) { changedTables.insert(t.name) }
        }
        let views = ViewDependencies(diff: diff, dialect: .postgres, changedTables: changedTables)

        // 1. Enum values added: before the transaction, so later statements may use them.
        for c in changes {
            guard case let .addEnumValues(o, n) = c else { continue }
            // In declaration order, each after the value before it (which exists by then), or before the first old one.
            for (i, value) in n.values.enumerated() where !o.values.contains(value) {
                var statement = "ALTER TYPE \(sql.id(n.name)) ADD VALUE IF NOT EXISTS \(sql.literal(value))"
                if i > 0 { statement += " AFTER \(sql.literal(n.values[i - 1]))" } else if let first = o.values.first { statement += " BEFORE \(sql.literal(first))" }
                plan.before.append(.init(statement + ";", hazards: [Hazard(.TX, "adds value \(value) to enum \(n.name) outside the transaction")], transactional: false))
            }
        }

        // 2. Raw SQL blocks that go away or change: their `down` first.
        for c in changes {
            guard case .removeRawSQL(let b) = c, b.dialect == .postgres else { continue }
            if let down = b.down {
                plan.add(SQLSyntax.comment("sql: \(b.name) (down)") + SQLSyntax.trimmedStatement(down) + ";", hazards(c))
            } else {
                plan.add("-- sql: \(b.name) has no 'down': nothing to undo.", hazards(c))
            }
        }

        // 3. Views over what changes.
        for v in views.drop { plan.add("DROP \(v.materialized ? "MATERIALIZED VIEW" : "VIEW") \(sql.id(v.name));") }

        // 4. Constraints and indexes that go away, foreign keys first.
        for c in changes {
            if case let .dropForeignKey(t, fk) = c { plan.add("ALTER TABLE \(sql.id(oldName(t))) DROP CONSTRAINT \(sql.id(fk.name));", hazards(c)) }
        }
        for c in changes {
            switch c {
            case let .dropUnique(t, u): plan.add("ALTER TABLE \(sql.id(oldName(t))) DROP CONSTRAINT \(sql.id(u.name));", hazards(c))
            case let .dropCheck(t, k): plan.add("ALTER TABLE \(sql.id(oldName(t))) DROP CONSTRAINT \(sql.id(k.name));", hazards(c))
            // The hazard of a new key belongs to its ADD below; dropping the old one cannot fail.
            case let .setPrimaryKey(t, o?, _): plan.add("ALTER TABLE \(sql.id(oldName(t))) DROP CONSTRAINT \(sql.id(o.name));")
            case let .dropIndex(_, i): plan.add("DROP INDEX \(sql.id(i.name));", hazards(c))
            case let .setSearch(t, _?, _): plan.add("DROP INDEX \(sql.id(Naming.searchIndex(table: oldName(t))));", hazards(c))
            default: break
            }
        }

        // 5. Tables that go away.
        let dropped = changes.compactMap { c -> Table? in
            if case .dropTable(let t) = c { return t }
            return nil
        }
        if !dropped.isEmpty {
            plan.add("DROP TABLE \(dropped.map { sql.id($0.name) }.joined(separator: ", "));", dropped.flatMap { hazards(.dropTable($0)) })
            for t in dropped {
                for c in t.columns where c.autoUpdate {
                    plan.add("DROP FUNCTION \(sql.id(oldDDL.autoUpdateFunctionName(table: t.name, column: c.name)))();")
                }
            }
        }

        // 6. Renames: tables, then columns, constraints and indexes.
        for c in changes {
            switch c {
            case let .renameTable(from, to):
                plan.add("ALTER TABLE \(sql.id(from)) RENAME TO \(sql.id(to));", hazards(c))
                // Identity sequences and the search index keep their old, derived names: rename them too.
                if let column = oldTables[from]?.identityColumn {
                    let newColumn = columnRenames(to)[column.name] ?? column.name
                    plan.add("ALTER SEQUENCE \(sql.id(Naming.fit("\(from)_\(column.name)_seq"))) RENAME TO \(sql.id(Naming.fit("\(to)_\(newColumn)_seq")));")
                }
                if oldTables[from]?.search != nil, newTables[to]?.search != nil, !searchChanged(to) {
                    plan.add("ALTER INDEX \(sql.id(Naming.searchIndex(table: from))) RENAME TO \(sql.id(Naming.searchIndex(table: to)));")
                }
                for column in oldTables[from]?.columns ?? [] where column.autoUpdate {
                    // The trigger follows the table; its name and function are derived from the table's.
                    plan.add("DROP TRIGGER \(sql.id(Naming.autoUpdateTrigger(table: from, column: column.name))) ON \(sql.id(to));\nDROP FUNCTION \(sql.id(oldDDL.autoUpdateFunctionName(table: from, column: column.name)))();")
                }
            default: break
            }
        }
        for c in changes {
            switch c {
            case let .renameColumn(t, from, to):
                plan.add("ALTER TABLE \(sql.id(t)) RENAME COLUMN \(sql.id(from)) TO \(sql.id(to));", hazards(c))
                if !renamedTable(t), oldTables[t]?.identityColumn?.name == from {
                    plan.add("ALTER SEQUENCE \(sql.id(Naming.fit("\(t)_\(from)_seq"))) RENAME TO \(sql.id(Naming.fit("\(t)_\(to)_seq")));")
                }
                if oldTables[oldName(t)]?.column(named: from)?.autoUpdate == true, !renamedTable(t) {
                    plan.add("DROP TRIGGER \(sql.id(Naming.autoUpdateTrigger(table: t, column: from))) ON \(sql.id(t));\nDROP FUNCTION \(sql.id(oldDDL.autoUpdateFunctionName(table: t, column: from)))();")
                }
            case let .renameConstraint(t, from, to): plan.add("ALTER TABLE \(sql.id(t)) RENAME CONSTRAINT \(sql.id(from)) TO \(sql.id(to));")
            case let .renameIndex(_, from, to): plan.add("ALTER INDEX \(sql.id(from)) RENAME TO \(sql.id(to));")
            default: break
            }
        }

        // 7. Columns that go away (before enum swaps, which convert the columns that stay).
        for c in changes {
            guard case let .dropColumn(t, column) = c else { continue }
            plan.add("ALTER TABLE \(sql.id(t)) DROP COLUMN \(sql.id(column.name));", hazards(c))
            if column.autoUpdate {
                plan.add("DROP FUNCTION \(sql.id(oldDDL.autoUpdateFunctionName(table: oldName(t), column: column.name)))();")
            }
        }

        // 8. Enums: new types, and replaced ones swapped in (rows must hold kept values).
        for c in changes {
            if case .createEnum(let e) = c { plan.add(ddl.createEnum(e), hazards(c)) }
        }
        for (o, n) in replacedEnums {
            plan.add(contentsOf: swapEnum(old: o, new: n, hazards: hazards(.replaceEnum(old: o, new: n))))
        }

        // 9. New tables, in dependency order; foreign keys to tables created later are added at the end.
        let created = Set(changes.compactMap { c -> String? in
            if case .createTable(let t) = c { return t.name }
            return nil
        })
        let order = DependencyOrder(new)
        var laterForeignKeys: [(String, ForeignKey)] = []
        var madeSoFar = Set(new.tables.map(\.name)).subtracting(created)
        for i in order.tables where created.contains(new.tables[i].name) {
            let t = new.tables[i]
            let skip = Set(t.foreignKeys.filter { $0.referencedTable != t.name && !madeSoFar.contains($0.referencedTable) }.map(\.name))
            var s = ddl.createTable(t, omittingForeignKeys: skip)
            for p in ddl.partitions(t) { s += "\n" + p }
            for x in ddl.comments(t) { s += "\n" + x }
            if let search = ddl.searchIndex(t) { s += "\n" + search }
            for x in ddl.autoUpdateTriggers(t) { s += "\n" + x }
            plan.add(s)
            for index in t.indexes { plan.add(ddl.createIndex(index, on: t.name)) }
            for fk in t.foreignKeys where skip.contains(fk.name) { laterForeignKeys.append((t.name, fk)) }
            madeSoFar.insert(t.name)
        }

        // 10. Columns added and altered.
        for c in changes {
            switch c {
            case let .addColumn(t, column):
                var s = "ALTER TABLE \(sql.id(t)) ADD COLUMN \(ddl.columnDefinition(column));"
                if let comment = column.comment { s += "\nCOMMENT ON COLUMN \(sql.id(t)).\(sql.id(column.name)) IS \(sql.literal(comment));" }
                plan.add(s, hazards(c))
                if column.autoUpdate, let table = newTables[t] { plan.add(autoUpdateTrigger(table, column)) }
            case let .alterColumn(t, o, n):
                plan.add(contentsOf: alterColumn(table: t, old: o, new: n, hazards: hazards(c)))
            default: break
            }
        }
        // Triggers of renamed tables and columns, under their new names.
        for c in changes {
            switch c {
            case let .renameTable(_, to):
                guard let table = newTables[to] else { continue }
                for column in table.columns where column.autoUpdate && !alteredAutoUpdate(to, column.name) {
                    plan.add(autoUpdateTrigger(table, column))
                }
            case let .renameColumn(t, _, to):
                guard !renamedTable(t), let table = newTables[t], let column = table.column(named: to), column.autoUpdate, !alteredAutoUpdate(t, to) else { continue }
                plan.add(autoUpdateTrigger(table, column))
            default: break
            }
        }

        // 11. Partitions added or removed (the partitioning itself cannot change in place).
        for c in changes {
            guard case let .setPartition(t, o, n) = c else { continue }
            if o?.strategy != n?.strategy || o?.columns != n?.columns {
                plan.errors.append("table \(t): changing how a table is partitioned is not supported by migrations; write the steps in a raw sql block")
                continue
            }
            let oldParts = o?.partitions ?? [], newParts = n?.partitions ?? []
            for p in oldParts where !newParts.contains(p) {
                plan.add("DROP TABLE \(sql.id(p.name));", [Hazard(.DS, "drops partition \(p.name) of \(t) and its rows")])
            }
            if let table = newTables[t] {
                var partial = table
                partial.partition?.partitions = newParts.filter { !oldParts.contains($0) }
                for s in ddl.partitions(partial) { plan.add(s) }
            }
        }

        // 12. Keys, constraints and indexes that are new.
        for c in changes {
            switch c {
            case let .setPrimaryKey(t, _, n?):
                plan.add("ALTER TABLE \(sql.id(t)) ADD CONSTRAINT \(sql.id(n.name)) PRIMARY KEY (\(sql.ids(n.columns)));", hazards(c))
            case let .addUnique(t, u):
                plan.add("ALTER TABLE \(sql.id(t)) ADD CONSTRAINT \(sql.id(u.name)) UNIQUE (\(sql.ids(u.columns)));", hazards(c))
            case let .addCheck(t, k):
                let check = "ALTER TABLE \(sql.id(t)) ADD CONSTRAINT \(sql.id(k.name)) CHECK (\(SQLSyntax.trimmedStatement(k.expression)))"
                if options.onlineSafe {
                    plan.add(check + " NOT VALID;")
                    plan.after.append(validate(k.name, on: t, hazards: hazards(c)))
                } else {
                    plan.add(check + ";", hazards(c))
                }
            default: break
            }
        }
        for c in changes {
            guard case let .addIndex(t, index) = c else { continue }
            if options.onlineSafe && !created.contains(t) {
                plan.after.append(.init(ddl.createIndex(index, on: t, concurrently: true), hazards: hazards(c), transactional: false))
            } else {
                plan.add(ddl.createIndex(index, on: t), hazards(c) + [Hazard(.PG, "builds index \(index.name) while holding a lock that blocks writes to \(t)")])
            }
        }
        for c in changes {
            guard case let .setSearch(t, _, n?) = c, let table = newTables[t], !created.contains(t) else { continue }
            _ = n
            if let s = ddl.searchIndex(table) { plan.add(s, [Hazard(.PG, "builds the full-text index of \(t) while holding a lock that blocks writes")]) }
        }
        let addedForeignKeys = changes.compactMap { c -> (String, ForeignKey)? in
            if case let .addForeignKey(t, fk) = c { return (t, fk) }
            return nil
        }
        for (t, fk) in laterForeignKeys + addedForeignKeys {
            let hz = created.contains(t) ? [] : hazards(.addForeignKey(table: t, fk))
            if options.onlineSafe && !created.contains(t) {
                plan.add("ALTER TABLE \(sql.id(t)) ADD CONSTRAINT \(sql.id(fk.name)) \(ddl.foreignKeyClause(fk)) NOT VALID;")
                plan.after.append(validate(fk.name, on: t, hazards: hz))
            } else {
                plan.add(ddl.addForeignKey(fk, to: t), hz)
            }
        }

        // 13. Comments, enums that go away, views, raw SQL.
        for c in changes {
            switch c {
            case let .setTableComment(t, comment):
                plan.add("COMMENT ON TABLE \(sql.id(t)) IS \(comment.map(sql.literal) ?? "NULL");")
            case .setEnumComment(let e):
                plan.add("COMMENT ON TYPE \(sql.id(e.name)) IS \(e.comment.map(sql.literal) ?? "NULL");")
            case .dropEnum(let e):
                plan.add("DROP TYPE \(sql.id(e.name));", hazards(c))
            default: break
            }
        }
        for v in views.create { plan.add(contentsOf: ddl.createView(v).map { MigrationPlan.Step($0) }) }
        for c in changes {
            if case .dropView(let v) = c, !views.drop.contains(where: { $0.name == v.name }) {
                plan.add("DROP \(v.materialized ? "MATERIALIZED VIEW" : "VIEW") \(sql.id(v.name));", hazards(c))
            } else if case .dropView(let v) = c {
                plan.steps[plan.steps.firstIndex { $0.sql.hasPrefix("DROP") && $0.sql.contains(sql.id(v.name)) } ?? 0].hazards += hazards(c)
            }
        }
        for c in changes {
            guard case .addRawSQL(let b) = c, b.dialect == .postgres else { continue }
            plan.add(SQLSyntax.comment("sql: \(b.name)") + SQLSyntax.trimmedStatement(b.up) + ";")
        }
        return plan
    }

    // MARK: Helpers

    /// The old name of a table given its new name.
    func oldName(_ table: String) -> String {
        for c in diff.changes { if case let .renameTable(from, to) = c, to == table { return from } }
        return table
    }

    func renamedTable(_ table: String) -> Bool { oldName(table) != table }

    /// Column renames of a table: old name → new name.
    func columnRenames(_ table: String) -> [String: String] {
        var out: [String: String] = [:]
        for c in diff.changes { if case let .renameColumn(t, from, to) = c, t == table { out[from] = to } }
        return out
    }

    func searchChanged(_ table: String) -> Bool {
        diff.changes.contains { if case let .setSearch(t, _, _) = $0 { return t == table }; return false }
    }

    func alteredAutoUpdate(_ table: String, _ column: String) -> Bool {
        diff.changes.contains { c in
            if case let .alterColumn(t, o, n) = c, t == table, n.name == column { return o.autoUpdate != n.autoUpdate }
            return false
        }
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
    func validate(_ constraint: String, on table: String, hazards: [Hazard]) -> MigrationPlan.Step {
        .init("ALTER TABLE \(sql.id(table)) VALIDATE CONSTRAINT \(sql.id(constraint));", hazards: hazards, transactional: false,
              note: "the constraint was added NOT VALID and committed; validating it apart holds only a SHARE UPDATE EXCLUSIVE lock while the existing rows are read.")
    }

    func autoUpdateTrigger(_ table: Table, _ column: Column) -> String {
        var single = table
        single.columns = [column]
        return ddl.autoUpdateTriggers(single).joined(separator: "\n")
    }

    /// Swaps an enum type whose values were removed or reordered:
    /// rename the old type, create the new one, convert every column through text, drop the old type.
    func swapEnum(old o: EnumType, new n: EnumType, hazards: [Hazard]) -> [MigrationPlan.Step] {
        let previous = Naming.fit(o.name + "__old")
        var s = "ALTER TYPE \(sql.id(o.name)) RENAME TO \(sql.id(previous));\n" + ddl.createEnum(n)
        // Only columns that exist already: new tables and added columns get the new type when created.
        var added = Set<String>()
        for change in diff.changes {
            if case let .addColumn(t, c) = change { added.insert(t + "\u{0}" + c.name) }
            if case let .createTable(t) = change { for c in t.columns { added.insert(t.name + "\u{0}" + c.name) } }
        }
        for t in diff.new.tables {
            for c in t.columns where Self.uses(c.type, enum: n.name) && !added.contains(t.name + "\u{0}" + c.name) {
                let target = ddl.columnType(c.type)
                let cast = c.type.isArray ? "\(sql.id(c.name))::text[]::\(target)" : "\(sql.id(c.name))::text::\(target)"
                // The default in place now is the old column's (a default change comes later).
                let oldColumnName = columnRenames(t.name).first { $0.value == c.name }?.key ?? c.name
                let oldDefault = diff.old.table(named: oldName(t.name))?.column(named: oldColumnName)?.defaultValue
                if oldDefault != nil { s += "\nALTER TABLE \(sql.id(t.name)) ALTER COLUMN \(sql.id(c.name)) DROP DEFAULT;" }
                s += "\nALTER TABLE \(sql.id(t.name)) ALTER COLUMN \(sql.id(c.name)) TYPE \(target) USING \(cast);"
                if let d = c.defaultValue, let rendered = ddl.defaultExpression(d, type: c.type) {
                    s += "\nALTER TABLE \(sql.id(t.name)) ALTER COLUMN \(sql.id(c.name)) SET DEFAULT \(rendered);"
                }
            }
        }
        s += "\nDROP TYPE \(sql.id(previous));"
        return [.init(s, hazards: hazards + [Hazard(.PG, "rewrites every table with a column of enum \(n.name)")])]
    }

    /// ALTER COLUMN statements for one column whose definition changed.
    func alterColumn(table t: String, old o: Column, new n: Column, hazards: [Hazard]) -> [MigrationPlan.Step] {
        let table = sql.id(t), column = sql.id(n.name)
        var statements: [String] = []
        if o.generated != n.generated || o.type.isSerial != n.type.isSerial && (o.generated != nil || n.generated != nil) {
            // A generated column cannot be altered into another: drop it and add it again.
            statements.append("ALTER TABLE \(table) DROP COLUMN \(column);")
            statements.append("ALTER TABLE \(table) ADD COLUMN \(ddl.columnDefinition(n));")
            return [.init(statements.joined(separator: "\n"), hazards: hazards)]
        }
        let typeChanged = ddl.columnType(o.type) != ddl.columnType(n.type)
        var extra: [Hazard] = []
        if typeChanged {
            if o.defaultValue != nil { statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) DROP DEFAULT;") }
            statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) TYPE \(ddl.columnType(n.type)) USING \(castExpression(column, from: o.type, to: n.type));")
            extra.append(Hazard(.PG, "changing the type of \(t).\(n.name) rewrites the table under an exclusive lock"))
        }
        if o.type.isSerial && !n.type.isSerial { statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) DROP IDENTITY;") }
        let defaultChanged = o.defaultValue != n.defaultValue || (typeChanged && n.defaultValue != nil)
        if defaultChanged || typeChanged && o.defaultValue != nil {
            if let d = n.defaultValue, let rendered = ddl.defaultExpression(d, type: n.type) {
                statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) SET DEFAULT \(rendered);")
            } else if !typeChanged || o.defaultValue == nil {
                if o.defaultValue != nil { statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) DROP DEFAULT;") }
            }
        }
        if !o.type.isSerial && n.type.isSerial {
            statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) ADD GENERATED BY DEFAULT AS IDENTITY;")
            statements.append("SELECT setval(pg_get_serial_sequence(\(sql.literal(sql.id(t))), \(sql.literal(n.name))), coalesce(max(\(column)), 0) + 1, false) FROM \(table);")
        }
        if o.nullable != n.nullable {
            if n.nullable {
                statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) DROP NOT NULL;")
            } else {
                if let d = n.defaultValue, d != .null, let rendered = ddl.defaultExpression(d, type: n.type) {
                    // Filling NULLs is not an edit of the rows: keep auto_update triggers from touching them.
                    let touched = diff.old.table(named: oldName(t))?.columns.contains(where: \.autoUpdate) ?? false
                    if touched { statements.append("ALTER TABLE \(table) DISABLE TRIGGER USER;") }
                    statements.append("UPDATE \(table) SET \(column) = \(rendered) WHERE \(column) IS NULL;")
                    if touched { statements.append("ALTER TABLE \(table) ENABLE TRIGGER USER;") }
                }
                statements.append("ALTER TABLE \(table) ALTER COLUMN \(column) SET NOT NULL;")
            }
        }
        if o.comment != n.comment {
            statements.append("COMMENT ON COLUMN \(table).\(column) IS \(n.comment.map(sql.literal) ?? "NULL");")
        }
        var steps: [MigrationPlan.Step] = []
        if !statements.isEmpty { steps.append(.init(statements.joined(separator: "\n"), hazards: hazards + extra)) }
        if o.autoUpdate != n.autoUpdate, let tableModel = diff.new.table(named: t) {
            if n.autoUpdate {
                steps.append(.init(autoUpdateTrigger(tableModel, n)))
            } else {
                // A rename of the table or the column dropped the old trigger already.
                let oldColumn = columnRenames(t).first { $0.value == o.name }?.key
                if !renamedTable(t) && oldColumn == nil {
                    steps.append(.init("DROP TRIGGER \(sql.id(Naming.autoUpdateTrigger(table: t, column: o.name))) ON \(table);\nDROP FUNCTION \(sql.id(oldDDL.autoUpdateFunctionName(table: t, column: o.name)))();"))
                }
            }
        }
        return steps
    }

    /// The USING expression that converts a column's values to the new type.
    ///
    /// To `string(n)` the expression stays text and PostgreSQL's assignment cast does the rest:
    /// it fails on a value longer than n, where an explicit `::varchar(n)` would cut it silently.
    func castExpression(_ column: String, from a: ColumnType, to b: ColumnType) -> String {
        let target = ddl.columnType(b)
        if case .string = b {
            switch a {
            case .text, .string: return column
            case .json: return "(\(column) #>> '{}')"
            default: return "\(column)::text"
            }
        }
        switch (a, b) {
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

extension MigrationPlan {
    mutating func add(contentsOf steps: [Step]) { self.steps.append(contentsOf: steps) }
}
