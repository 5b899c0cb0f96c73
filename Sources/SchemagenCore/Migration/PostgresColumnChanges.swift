/// Column changes on PostgreSQL: `ALTER COLUMN` in its forms, with what a type
/// change must take down and put back, and enum type swaps.
extension PostgresPlanner {
    /// The steps of one column whose definition changed.
    func alterColumn(table t: String, old o: Column, new n: Column, hazards hz: [Hazard]) -> [Step] {
        guard let table = index.newTables[t] else { return [] }
        if o.generated != n.generated || o.type.isSerial != n.type.isSerial && (o.generated != nil || n.generated != nil) {
            // A generated column cannot be altered into another: drop it and add it again.
            return [Step([.dropColumn(table: t, column: n.name), .addColumn(table, n)] + commentChange(t, o, n, always: n.comment != nil), hazards: hz)]
        }
        var s: [Statement] = []
        var extra: [Hazard] = []
        let typeChanged = ddl.columnType(o.type) != ddl.columnType(n.type)
        let dependents = typeChanged ? TypeDependents(table: table, column: n.name, index: index) : TypeDependents()
        if typeChanged {
            s += dependents.takeDown
            if o.defaultValue != nil { s.append(.alterColumn(table: t, column: n.name, .dropDefault)) }
            s.append(.alterColumn(table: t, column: n.name, .type(n.type, from: o.type)))
            extra.append(Hazard(.PG, "changing the type of \(t).\(n.name) rewrites the table under an exclusive lock"))
        }
        if o.type.isSerial && !n.type.isSerial { s.append(.alterColumn(table: t, column: n.name, .dropIdentity)) }
        s += defaultChange(t, o, n, typeChanged: typeChanged)
        if !o.type.isSerial && n.type.isSerial {
            s.append(.alterColumn(table: t, column: n.name, .addIdentity))
            s.append(.resetIdentity(table: t, column: n.name))
        }
        s += nullabilityChange(t, o, n)
        s += commentChange(t, o, n, always: false)
        s += dependents.putBack
        return s.isEmpty ? [] : [Step(s, hazards: hz + extra)]
    }

    func defaultChange(_ t: String, _ o: Column, _ n: Column, typeChanged: Bool) -> [Statement] {
        let defaultChanged = o.defaultValue != n.defaultValue || (typeChanged && n.defaultValue != nil)
        guard defaultChanged || typeChanged && o.defaultValue != nil else { return [] }
        if let d = n.defaultValue, ddl.defaultExpression(d, type: n.type) != nil {
            return [.alterColumn(table: t, column: n.name, .setDefault(d, type: n.type))]
        }
        // After a type change the old default is gone already.
        return !typeChanged && o.defaultValue != nil ? [.alterColumn(table: t, column: n.name, .dropDefault)] : []
    }

    func nullabilityChange(_ t: String, _ o: Column, _ n: Column) -> [Statement] {
        guard o.nullable != n.nullable else { return [] }
        if n.nullable { return [.alterColumn(table: t, column: n.name, .dropNotNull)] }
        var s: [Statement] = []
        if let d = n.defaultValue, d != .null, ddl.defaultExpression(d, type: n.type) != nil {
            // Filling NULLs is not an edit of the rows: keep auto_update and declared triggers from touching them.
            let touched = index.oldTable(t).map { $0.columns.contains(where: \.autoUpdate) || $0.triggers != nil } ?? false
            if touched { s.append(.userTriggers(table: t, enabled: false)) }
            s.append(.fillNulls(table: t, n))
            if touched { s.append(.userTriggers(table: t, enabled: true)) }
        }
        s.append(.alterColumn(table: t, column: n.name, .setNotNull))
        return s
    }

    func commentChange(_ t: String, _ o: Column, _ n: Column, always: Bool) -> [Statement] {
        o.comment != n.comment || always ? [.comment(.column(table: t, column: n.name), n.comment)] : []
    }

    /// Swaps an enum type whose values were removed or reordered: rename the old type, create the
    /// new one, convert every existing column through text, drop the old type.
    func swapEnum(old o: EnumType, new n: EnumType, hazards: [Hazard]) -> Step {
        let previous = Naming.fit(o.name + "__old")
        var s: [Statement] = [.renameType(from: o.name, to: previous), .createEnum(n)]
        if let comment = n.comment { s.append(.comment(.type(n.name), comment)) }
        // Only columns that exist already: new tables and added columns get the new type when created.
        for t in diff.new.tables where !index.created.contains(t.name) {
            for c in t.columns where Self.uses(c.type, enum: n.name) {
                guard let oldColumn = index.oldColumn(t.name, c.name) else { continue }
                // The default in place now is the old column's (a default change comes later).
                if oldColumn.defaultValue != nil { s.append(.alterColumn(table: t.name, column: c.name, .dropDefault)) }
                s.append(.alterColumn(table: t.name, column: c.name, .type(c.type, from: .enumeration(previous))))
                if let d = c.defaultValue, ddl.defaultExpression(d, type: c.type) != nil {
                    s.append(.alterColumn(table: t.name, column: c.name, .setDefault(d, type: c.type)))
                }
            }
        }
        s.append(.dropType(previous))
        return Step(s, hazards: hazards + [Hazard(.PG, "rewrites every table with a column of enum \(n.name)")])
    }
}

/// What PostgreSQL will not keep through `ALTER COLUMN ... TYPE`, taken down before and put back after:
/// generated columns that read the column (PostgreSQL refuses the change), with their comments, the indexes
/// and checks on them; and indexes whose expression or predicate reads the column, and the search
/// index, which PostgreSQL would rebuild from their old text, casts to the old type included.
struct TypeDependents {
    var takeDown: [Statement] = []
    var putBack: [Statement] = []

    init() {}

    init(table: Table, column: String, index: DiffIndex) {
        // Generated columns this migration adds, or drops and adds again itself (a changed expression):
        // not there to take down. One only commented or retyped is still there, and is taken down.
        let rebuilt = Set(index.changes(of: table.name).compactMap { c -> String? in
            switch c {
            case .alterColumn(_, let o, let n) where o.generated != n.generated: return n.name
            case .addColumn(_, let n): return n.name
            default: return nil
            }
        })
        func reads(_ sql: String?, _ names: Set<String>) -> Bool {
            guard let sql else { return false }
            return SQLWords.identifiers(in: sql, dialect: .postgres).contains { names.contains($0) }
        }
        // Every generated column: PostgreSQL stores the ones the schema calls virtual too.
        let generated = table.columns.filter { $0.generated != nil && !rebuilt.contains($0.name) && reads($0.generated?.expression, [column.lowercased()]) }
        let generatedNames = Set(generated.map(\.name))
        let unchangedIndexes = table.indexes.filter { i in
            !index.changes(of: table.name).contains { c in
                if case .addIndex(_, let added) = c { return added.name == i.name }
                return false
            }
        }
        let readers = Set(generated.map { $0.name.lowercased() } + [column.lowercased()])
        let indexes = unchangedIndexes.filter { i in
            i.parts.contains { part in
                switch part {
                case .column(let name, _, _): return generatedNames.contains(name)
                case .expression(let e): return reads(e, readers)
                }
            } || reads(i.predicate, readers) || i.include.contains(where: generatedNames.contains)
        }
        let checks = table.checks.filter { reads($0.expression, Set(generated.map { $0.name.lowercased() })) }
        // A search that changes is dropped and built again anyway.
        let searchChanges = index.changes(of: table.name).contains { if case .setSearch = $0 { return true }; return false }
        let search = !searchChanges && table.search?.columns.contains(column) == true
        takeDown = indexes.map { .dropIndex($0.name) } + (search ? [.dropIndex(Naming.searchIndex(table: table.name))] : [])
            + checks.map { .dropConstraint(table: table.name, name: $0.name) }
            + generated.map { .dropColumn(table: table.name, column: $0.name) }
        putBack = generated.flatMap { c in [.addColumn(table, c)] + (c.comment.map { [.comment(.column(table: table.name, column: c.name), $0)] } ?? []) }
            + checks.map { .addConstraint(table: table.name, .check($0)) }
            + indexes.map { .createIndex($0, table: table.name) } + (search ? [.createSearchIndex(table)] : [])
    }
}

/// The auto_update triggers a change drops and creates on PostgreSQL. A trigger and its function
/// are named after the table and the column, so a rename replaces them, as does turning
/// `auto_update` off or dropping the column (the function would otherwise stay, and the trigger
/// would block `DROP FUNCTION`). Decided once here, for every kind of change.
struct AutoUpdateTriggers {
    /// Old triggers to drop: the table's and column's old names, and whether the table goes away.
    var dropped: [(table: String, column: String, tableDropped: Bool)] = []
    /// New triggers to create: (table, column), new names.
    var created: [(String, String)] = []

    init(index: DiffIndex, old: Schema, new: Schema) {
        var kept = Set<String>()
        for t in old.tables {
            let newTable = index.newName(ofOld: t.name)
            for c in t.columns where c.autoUpdate {
                let newColumn = newTable.flatMap { index.newColumnName($0, ofOld: c.name) }
                if newTable == t.name, newColumn == c.name, index.newTables[t.name]?.column(named: c.name)?.autoUpdate == true {
                    kept.insert(t.name + "\u{0}" + c.name)
                } else {
                    dropped.append((t.name, c.name, newTable == nil))
                }
            }
        }
        for t in new.tables {
            for c in t.columns where c.autoUpdate && !kept.contains(t.name + "\u{0}" + c.name) { created.append((t.name, c.name)) }
        }
    }
}
