/// What both planners ask of a diff again and again, looked up once: tables by
/// name on each side, renames, and what is created. (Asking the change list each
/// time made planning quadratic in the number of changes.)
struct DiffIndex {
    let oldTables: [String: Table]
    let newTables: [String: Table]
    /// New table name → old table name, for renamed tables.
    private(set) var tableRenames: [String: String] = [:]
    /// Old table name → new table name, for renamed tables.
    private var oldToNewTables: [String: String] = [:]
    /// New table name → (new column name → old column name).
    private(set) var columnRenames: [String: [String: String]] = [:]
    /// Tables the change creates.
    private(set) var created = Set<String>()
    /// New table name → the changes of that table, in diff order (Atlas's ModifyTable).
    private(set) var changesByTable: [String: [Change]] = [:]

    init(_ diff: SchemaDiff) {
        oldTables = Dictionary(diff.old.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        newTables = Dictionary(diff.new.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for change in diff.changes {
            switch change {
            case let .renameTable(from, to):
                tableRenames[to] = from
                oldToNewTables[from] = to
            case let .renameColumn(t, from, to): columnRenames[t, default: [:]][to] = from
            case .createTable(let t): created.insert(t.name)
            default: break
            }
            if let t = change.table { changesByTable[t, default: []].append(change) }
        }
    }

    /// The old name of a table given its new name.
    func oldName(_ table: String) -> String { tableRenames[table] ?? table }

    func isRenamed(_ table: String) -> Bool { tableRenames[table] != nil }

    /// The old name of a column of `table` (new names).
    func oldColumnName(_ table: String, _ column: String) -> String { columnRenames[table]?[column] ?? column }

    /// The old table of a table that exists on both sides (by its new name).
    func oldTable(_ table: String) -> Table? { oldTables[oldName(table)] }

    /// The old column of a column that exists on both sides (by new names).
    func oldColumn(_ table: String, _ column: String) -> Column? {
        oldTable(table)?.column(named: oldColumnName(table, column))
    }

    func changes(of table: String) -> [Change] { changesByTable[table] ?? [] }

    /// The new name of a table of the old schema that is kept (renamed or not), or nil when it is dropped.
    func newName(ofOld table: String) -> String? {
        if let renamed = oldToNewTables[table] { return renamed }
        return newTables[table] != nil && tableRenames[table] == nil ? table : nil
    }

    /// The new name of a column of a kept table (new table name, old column name), or nil when it is dropped.
    func newColumnName(_ table: String, ofOld column: String) -> String? {
        if let renamed = columnRenames[table]?.first(where: { $0.value == column })?.key { return renamed }
        let isRenamedAway = columnRenames[table]?.keys.contains(column) == true
        return !isRenamedAway && newTables[table]?.column(named: column) != nil ? column : nil
    }
}
