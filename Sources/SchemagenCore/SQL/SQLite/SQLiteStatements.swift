/// How SQLite spells each `Statement`: the one place where the planner's values
/// become SQLite text. What SQLite has no form for (namespaces, enum types,
/// `ALTER COLUMN`, comments outside `CREATE TABLE`) is never planned for it;
/// rendering one writes nothing.
extension SQLiteDDL: StatementRenderer {
    public func render(_ statement: Statement, into s: inout String) {
        switch statement {
        case .begin: s += "BEGIN;"
        case .commit: s += "COMMIT;"
        case .foreignKeys(let on): s += "PRAGMA foreign_keys = \(on ? "ON" : "OFF");"
        case .foreignKeyCheck: s += "PRAGMA foreign_key_check;"
        case .note(let text): s += SQLSyntax.comment(text).dropLast()
        case let .createTable(table, name, _): writeCreateTable(table, name: name, into: &s)
        case .dropTables(let names): s += names.map { "DROP TABLE \(sql.id($0));" }.joined(separator: "\n")
        case let .renameTable(from, to): s += "ALTER TABLE \(sql.id(from)) RENAME TO \(sql.id(to));"
        case let .addColumn(table, column):
            s += "ALTER TABLE \(sql.id(table.name)) ADD COLUMN "
            writeColumnDefinition(column, table: table, isIdentity: false, into: &s)
            s += ";"
        case let .dropColumn(table, column): s += "ALTER TABLE \(sql.id(table)) DROP COLUMN \(sql.id(column));"
        case let .renameColumn(table, from, to): s += "ALTER TABLE \(sql.id(table)) RENAME COLUMN \(sql.id(from)) TO \(sql.id(to));"
        case let .copyRows(from, to, columns, rowid): writeCopy(from: from, to: to, columns, rowid: rowid, into: &s)
        case let .renameValuesInArray(table, column, renames): writeRenameValuesInArray(table, column, renames, into: &s)
        case let .carrySequence(from, to):
            s += "DELETE FROM sqlite_sequence WHERE name = \(sql.literal(to));\n"
            s += "INSERT INTO sqlite_sequence (name, seq) SELECT \(sql.literal(to)), seq FROM sqlite_sequence WHERE name = \(sql.literal(from));"
        case let .createIndex(index, table, _): writeCreateIndex(index, on: table, into: &s)
        case .dropIndex(let name): s += "DROP INDEX \(sql.id(name));"
        case .createSearchTable(let table): s += searchTable(table)
        case .createSearchTriggers(let table): s += searchTriggers(table)
        case .rebuildSearch(let table):
            let fts = sql.id(Naming.ftsTable(table: table))
            s += "INSERT INTO \(fts) (\(fts)) VALUES ('rebuild');"
        case let .createAutoUpdateTrigger(table, column): s += autoUpdateTrigger(table, column)
        case let .createTrigger(trigger, table): s += declaredTrigger(trigger, table: table)
        case let .dropTrigger(name, _, ifExists): s += "DROP TRIGGER \(ifExists ? "IF EXISTS " : "")\(sql.id(name));"
        case .createView(let view): s += createView(view)
        case .dropView(let view): s += "DROP VIEW \(sql.id(view.name));"
        case let .raw(name, text, down): s += SQLSyntax.comment("sql: \(name)\(down ? " (down)" : "")") + SQLSyntax.trimmedStatement(text) + ";"
        case .createNamespace, .useNamespace, .createExtension, .dropExtension, .createEnum, .addEnumValue, .renameEnumValue, .renameType, .dropType,
             .createPartition, .detachPartition, .alterColumn, .fillNulls, .userTriggers, .resetIdentity, .renameSequence, .addConstraint,
             .dropConstraint, .renameConstraint, .validateConstraint, .renameIndex, .createSearchIndex, .dropFunction, .comment,
             .rowSecurity, .createTenantPolicy, .dropPolicy, .renamePolicy:
            break
        }
    }

    /// The copy of a rebuild: every kept column (renames already ran, so under its new name), renamed
    /// enum values under their new labels, NULLs filled with the default where the column became
    /// NOT NULL, and the rowid unless an
    /// INTEGER PRIMARY KEY stands for it (full-text indexes point at rowids).
    func writeCopy(from: String, to: String, _ columns: [CopiedColumn], rowid: Bool, into s: inout String) {
        var targets: [String] = rowid ? ["rowid"] : []
        var sources: [String] = rowid ? ["rowid"] : []
        for copied in columns {
            let c = copied.column
            targets.append(sql.id(c.name))
            var source = sql.id(c.name)
            if !copied.valueRenames.isEmpty { source = renamedValue(source, copied.valueRenames) }
            if copied.fillNulls, let d = c.defaultValue, let rendered = defaultExpression(d, type: c.type) {
                source = "coalesce(\(source), \(rendered))"
            }
            sources.append(source)
        }
        s += "INSERT INTO \(sql.id(to)) (\(targets.joined(separator: ", ")))\n    SELECT \(sources.joined(separator: ", ")) FROM \(sql.id(from));"
    }

    /// `CASE x WHEN 'old' THEN 'new' ... ELSE x END`: the value with renamed enum labels replaced.
    func renamedValue(_ x: String, _ renames: [EnumValueRename]) -> String {
        "CASE \(x)" + renames.map { " WHEN \(sql.literal($0.from)) THEN \(sql.literal($0.to))" }.joined() + " ELSE \(x) END"
    }

    /// Rewrites the JSON arrays that hold a renamed label, element by element in array order; the
    /// other rows keep their text exactly.
    func writeRenameValuesInArray(_ table: String, _ column: String, _ renames: [EnumValueRename], into s: inout String) {
        let t = sql.id(table), c = sql.id(column)
        let olds = renames.map { sql.literal($0.from) }.joined(separator: ", ")
        s += "UPDATE \(t) SET \(c) = (SELECT json_group_array(\(renamedValue("value", renames))) FROM json_each(\(t).\(c)))\n"
        s += "    WHERE EXISTS (SELECT 1 FROM json_each(\(t).\(c)) WHERE value IN (\(olds)));"
    }
}
