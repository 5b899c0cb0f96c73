import Foundation
import GRDB
import SchemagenCore

/// Reads a SQLite database into the model. SQLite keeps each object's CREATE statement as written,
/// so names of constraints, checks and generated expressions come from that text (read with
/// `SQLTokens`), and columns, keys and indexes from the pragmas.
///
/// The types SQLite lacks come back from the checks schemagen writes for them (`bool`, `json`,
/// arrays, enums); `auto_update` and `search` from their triggers and FTS5 table, accepted only
/// when the SQLite renderer writes exactly the stored text. Anything else the format cannot say
/// (other triggers, other virtual tables, `WITHOUT ROWID` tables, view column lists) is kept as a
/// raw `sql:` block with a warning.
public struct SQLiteInspector {
    let db: Database
    var warnings: [String] = []
    var rawSQL: [RawSQL] = []
    var enums: [EnumType] = []

    /// Opens the file read-only and inspects it; a missing file or one that is not SQLite is an `InspectError`.
    public static func inspect(path: String) throws -> Inspection {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InspectError("cannot open the SQLite database '\(path)': no such file")
        }
        guard !isFolder.boolValue else { throw InspectError("cannot open the SQLite database '\(path)': it is a folder") }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                var inspector = SQLiteInspector(db: db)
                return try inspector.run()
            }
        } catch let error as DatabaseError {
            let reason = error.resultCode == .SQLITE_NOTADB ? "it is not a SQLite database" : (error.message ?? "\(error.resultCode)")
            throw InspectError("cannot read the SQLite database '\(path)': \(reason)")
        }
    }

    /// One object of sqlite_master.
    struct Object {
        var type: String, name: String, table: String, sql: String
    }

    mutating func run() throws -> Inspection {
        let objects = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")
            .map { Object(type: $0["type"], name: $0["name"], table: $0["tbl_name"], sql: $0["sql"]) }
        let strict = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE strict = 1"))
        let virtual = objects.filter { $0.type == "table" && Self.isVirtual($0.sql) }
        let shadowNames = Set(virtual.flatMap { v in ["data", "idx", "docsize", "config", "content"].map { "\(v.name)_\($0)" } })
        let searches = SQLiteSearchReader.searches(virtual)

        var tables: [Table] = []
        var unmodeled = Set<String>()
        for object in objects where object.type == "table" && !shadowNames.contains(object.name) {
            if Self.isVirtual(object.sql) {
                if searches.values.contains(where: { $0.fts == object.name }) { continue }
                keepRaw(object, "virtual table")
                continue
            }
            let tokens = SQLTokens(object.sql, dialect: .sqlite)
            if let without = tokens.tokens.lastIndex(where: { $0.isKeyword("WITHOUT") && $0.depth == 0 }), without > 0 {
                keepRaw(object, "WITHOUT ROWID table")
                unmodeled.insert(object.name)
                continue
            }
            var table = try readTable(object, tokens: tokens)
            table.strict = strict.contains(object.name)
            if let search = searches[object.name] { table.search = FullTextSearch(columns: search.columns) }
            tables.append(table)
        }
        for object in objects where object.type == "index" {
            if unmodeled.contains(object.table) { keepRaw(object, "index of a table kept as raw SQL"); continue }
            guard let t = tables.firstIndex(where: { $0.name == object.table }) else { continue }
            if let index = SQLiteIndexReader.index(object.sql) {
                tables[t].indexes.append(index)
            } else {
                keepRaw(object, "index")
            }
        }
        var triggers = objects.filter { $0.type == "trigger" }
        for t in tables.indices { acceptGeneratedTriggers(&tables[t], triggers: &triggers) }
        for (content, search) in searches.sorted(by: { $0.key < $1.key }) where tables.first(where: { $0.name == content })?.search == nil {
            if let object = virtual.first(where: { $0.name == search.fts }) { keepRaw(object, "full-text table") }
        }
        for trigger in triggers { keepRaw(trigger, "trigger") }
        resolveForeignKeys(&tables)

        var views: [View] = []
        for object in objects where object.type == "view" {
            if let body = Self.viewBody(object.sql) { views.append(View(name: object.name, sql: DialectText(sqlite: body, postgres: nil))) } else { keepRaw(object, "view with a column list") }
        }
        shareEnums(&tables)
        let schema = Schema(targets: [.sqlite], enums: enums, tables: tables, views: views, rawSQL: rawSQL)
        return Inspection(schema: schema, warnings: warnings)
    }

    static func isVirtual(_ sql: String) -> Bool {
        let tokens = SQLTokens(sql, dialect: .sqlite).tokens
        return tokens.count > 1 && tokens[1].isKeyword("VIRTUAL")
    }

    /// Keeps the object as a raw SQL block named after it, with a warning.
    mutating func keepRaw(_ object: Object, _ what: String) {
        let kind = object.type == "table" ? "TABLE" : object.type.uppercased()
        rawSQL.append(RawSQL(dialect: .sqlite, name: object.name, up: object.sql + ";",
                             down: "DROP \(kind) IF EXISTS \(SQLSyntax(.sqlite).id(object.name));"))
        warnings.append("\(what) '\(object.name)' cannot be expressed in schema.yaml; kept as a raw sql: block")
    }

    /// `CREATE VIEW name AS body`: the body, or nil when the view declares its column names.
    static func viewBody(_ sql: String) -> String? {
        let tokens = SQLTokens(sql, dialect: .sqlite)
        guard let asIndex = tokens.find("AS", from: 2, depth: 0), asIndex + 1 < tokens.tokens.count,
              !tokens.tokens[2 ..< asIndex].contains(where: { $0.text == "(" }) else { return nil }
        return tokens.source(asIndex + 1, through: tokens.tokens.count - 1)
    }

    // MARK: Tables

    mutating func readTable(_ object: Object, tokens: SQLTokens) throws -> Table {
        var table = Table(name: object.name)
        guard let open = tokens.tokens.firstIndex(where: { $0.text == "(" }), let close = tokens.closing(open) else { return table }
        let info = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid", arguments: [object.name])
        var definitions: [String: ClosedRange<Int>] = [:]
        var constraints: [ClosedRange<Int>] = []
        for item in tokens.items(inside: open, close) {
            let first = tokens.tokens[item.lowerBound]
            if ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].contains(where: first.isKeyword) {
                constraints.append(item)
            } else {
                definitions[first.name] = item
            }
        }
        let pkColumns = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        for row in info {
            let name: String = row["name"]
            let item = definitions[name]
            let column = readColumn(row, item: item, tokens: tokens, table: &table, isKey: pkColumns == [name])
            table.columns.append(column)
        }
        if !pkColumns.isEmpty { table.primaryKey = PrimaryKey(name: Naming.primaryKey(table: table.name), columns: pkColumns) }
        for c in table.columns.indices where pkColumns.contains(table.columns[c].name) && table.columns[c].nullable {
            // SQLite lets a key column without NOT NULL hold NULL (a documented legacy quirk); the format's keys are NOT NULL.
            table.columns[c].nullable = false
            if !(pkColumns.count == 1 && [.bigserial, .bigint].contains(table.columns[c].type)) { // a rowid alias is never NULL
                warnings.append("primary key column '\(table.name).\(table.columns[c].name)' is not declared NOT NULL; schema.yaml's key columns are NOT NULL")
            }
        }
        var unnamedChecks = 0
        for item in constraints { readConstraint(item, tokens: tokens, into: &table, unnamedChecks: &unnamedChecks) }
        return table
    }

    /// A column from `pragma table_xinfo` and its definition's text (checks, generated expression, comment).
    mutating func readColumn(_ row: Row, item: ClosedRange<Int>?, tokens: SQLTokens, table: inout Table, isKey: Bool) -> Column {
        let name: String = row["name"]
        let declared: String = row["type"]
        let hidden: Int = row["hidden"]
        var column = Column(name: name, type: .custom(sqlite: declared, postgres: nil, swift: nil), nullable: (row["notnull"] as Int) == 0)
        var checks: [(name: String?, expression: String)] = []
        var collation: String?
        // The default as written (pragma table_info drops parentheses around a literal).
        var defaultText = row["dflt_value"] as String?
        if let item {
            var i = item.lowerBound + 1
            var constraintName: String?
            while i <= item.upperBound {
                let token = tokens.tokens[i]
                if token.isKeyword("CONSTRAINT"), i + 1 <= item.upperBound { constraintName = tokens.tokens[i + 1].name; i += 2; continue }
                if token.isKeyword("CHECK"), i + 1 <= item.upperBound, tokens.tokens[i + 1].text == "(", let end = tokens.closing(i + 1) {
                    checks.append((constraintName, tokens.source(i + 2, through: end - 1)))
                    constraintName = nil
                    i = end + 1
                    continue
                }
                if token.isKeyword("AS"), i + 1 <= item.upperBound, tokens.tokens[i + 1].text == "(", let end = tokens.closing(i + 1) {
                    column.generated = GeneratedColumn(expression: tokens.source(i + 2, through: end - 1), stored: hidden == 3)
                    i = end + 1
                    continue
                }
                if token.isKeyword("REFERENCES") { readInlineReference(column: name, tokens: tokens, at: i, end: item.upperBound, name: constraintName, into: &table) }
                if token.isKeyword("UNIQUE") {
                    table.uniques.append(UniqueConstraint(name: constraintName ?? Naming.unique(table: table.name, columns: [name]), columns: [name]))
                }
                if token.isKeyword("COLLATE"), i + 1 <= item.upperBound { collation = tokens.tokens[i + 1].text }
                if token.isKeyword("DEFAULT"), i + 1 <= item.upperBound {
                    let end = Self.expressionEnd(tokens, from: i + 1, limit: item.upperBound)
                    defaultText = tokens.source(i + 1, through: end)
                    i = end + 1
                    continue
                }
                i += 1
            }
            column.comment = Self.comment(before: item.lowerBound, in: tokens)
        }
        column.type = type(declared: declared, checks: &checks, column: name, table: table.name,
                           autoincrement: isKey && item.map { r in tokens.tokens[r].contains { $0.isKeyword("AUTOINCREMENT") } } == true)
        for check in checks {
            table.checks.append(CheckConstraint(name: check.name ?? Naming.columnCheck(table: table.name, column: name), expression: check.expression))
        }
        if let collation, [.text, .bigint, .double, .bytes, .decimal(precision: nil, scale: nil)].contains(column.type) || column.type.isCustom {
            // The format says a collation through the SQLite type: `{ sqlite: "TEXT COLLATE NOCASE" }`.
            column.type = .custom(sqlite: "\(declared) COLLATE \(collation)", postgres: nil, swift: nil)
        }
        if let text = defaultText {
            column.type = column.type == .array(.text) ? Self.arrayType(default: text) : Self.temporalType(column.type, default: text)
            column.defaultValue = Self.defaultValue(text, type: column.type)
        }
        return column
    }

    /// The last token of the default expression starting at `start`: a parenthesized expression, a signed number, or one token.
    static func expressionEnd(_ tokens: SQLTokens, from start: Int, limit: Int) -> Int {
        let t = tokens.tokens
        if t[start].text == "(", let close = tokens.closing(start) { return min(close, limit) }
        // A number is several tokens written without space between them (`-1.25e-3`).
        var end = start
        while end + 1 <= limit, t[end + 1].range.lowerBound == t[end].range.upperBound, ![",", "(", ")"].contains(t[end + 1].text) { end += 1 }
        return end
    }

    /// The logical type of a declared SQLite type, taking the check that stands in for it (if any) out of `checks`.
    mutating func type(declared: String, checks: inout [(name: String?, expression: String)], column: String, table: String, autoincrement: Bool) -> ColumnType {
        let id = SQLSyntax(.sqlite).id(column)
        /// Removes the unnamed check whose text is `expected` and says whether it was there.
        func take(_ expected: String) -> Bool {
            guard let i = checks.firstIndex(where: { $0.name == nil && $0.expression == expected }) else { return false }
            checks.remove(at: i)
            return true
        }
        switch declared.uppercased() {
        case "INTEGER":
            if autoincrement { return .bigserial }
            return take("\(id) IN (0, 1)") ? .bool : .bigint
        case "REAL": return .double
        case "NUMERIC": return .decimal(precision: nil, scale: nil)
        case "BLOB": return .bytes
        case "TEXT":
            if take("\(id) IS NULL OR json_valid(\(id))") { return .json }
            if take("\(id) IS NULL OR CASE WHEN json_valid(\(id)) THEN json_type(\(id)) = 'array' ELSE 0 END") { return .array(.text) }
            if let (i, values) = checks.enumerated().lazy.compactMap({ (i, c) in c.name == nil ? Self.enumValues(c.expression, id: id).map { (i, $0) } : nil }).first {
                checks.remove(at: i)
                return .enumeration(enumNamed(Naming.fit("\(table)_\(column)"), values: values))
            }
            return .text
        default:
            return .custom(sqlite: declared.isEmpty ? nil : declared, postgres: nil, swift: nil)
        }
    }

    /// The values of `id IN ('a', 'b')`, the check an enum column gets.
    static func enumValues(_ expression: String, id: String) -> [String]? {
        let tokens = SQLTokens(expression, dialect: .sqlite)
        let t = tokens.tokens
        guard t.count >= 5, tokens.source(0, through: 0) == id, t[1].isKeyword("IN"), t[2].text == "(", tokens.closing(2) == t.count - 1 else { return nil }
        var values: [String] = []
        for item in tokens.items(inside: 2, t.count - 1) {
            guard item.count == 1, let value = Self.stringLiteral(t[item.lowerBound].text) else { return nil }
            values.append(value)
        }
        let rendered = values.map(SQLSyntax(.sqlite).literal).joined(separator: ", ")
        return expression == "\(id) IN (\(rendered))" ? values : nil
    }

    /// One enum per list of values (SQLite writes the same check for each column of an enum), named
    /// after its columns when they share a name that no table or other enum has, else after the first
    /// `<table>_<column>`.
    mutating func shareEnums(_ tables: inout [Table]) {
        var usages: [[String]: [(table: Int, column: Int)]] = [:]
        var order: [[String]] = []
        for t in tables.indices {
            for c in tables[t].columns.indices {
                guard case .enumeration(let name) = tables[t].columns[c].type, let e = enums.first(where: { $0.name == name }) else { continue }
                if usages[e.values] == nil { order.append(e.values) }
                usages[e.values, default: []].append((t, c))
            }
        }
        let columnNames = order.map { values in Set(usages[values]!.map { tables[$0.table].columns[$0.column].name }) }
        let taken = Set(tables.map(\.name))
        var shared: [EnumType] = []
        for (values, names) in zip(order, columnNames) {
            let first = usages[values]![0]
            var name = Naming.fit("\(tables[first.table].name)_\(tables[first.table].columns[first.column].name)")
            if names.count == 1, let column = names.first, !taken.contains(column),
               columnNames.filter({ $0 == [column] }).count == 1 {
                name = column
            }
            shared.append(EnumType(name: name, values: values))
            for use in usages[values]! { tables[use.table].columns[use.column].type = .enumeration(name) }
        }
        enums = shared
    }

    mutating func enumNamed(_ name: String, values: [String]) -> String {
        if !enums.contains(where: { $0.name == name }) { enums.append(EnumType(name: name, values: values)) }
        return name
    }

    /// `'text'` with `''` inside: the text; nil for any other token.
    static func stringLiteral(_ token: String) -> String? {
        guard token.count >= 2, token.hasPrefix("'"), token.hasSuffix("'") else { return nil }
        return String(token.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }

    /// The `-- ` comment lines right before a column's definition (as the SQLite renderer writes them).
    static func comment(before index: Int, in tokens: SQLTokens) -> String? {
        guard index > 0 else { return nil }
        let bytes = Array(tokens.text.utf8)
        let gap = String(decoding: bytes[tokens.tokens[index - 1].range.upperBound ..< tokens.tokens[index].range.lowerBound], as: UTF8.self)
        let lines = gap.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("--") }
        guard !lines.isEmpty else { return nil }
        return lines.map { String($0.dropFirst(2).drop(while: { $0 == " " })) }.joined(separator: "\n")
    }

    /// A default as `pragma table_info` gives it (the SQL after DEFAULT, one pair of outer parentheses
    /// dropped), in the model's terms: a literal or portable function when the SQLite renderer writes
    /// exactly that text for it, else raw SQL.
    static func defaultValue(_ text: String, type: ColumnType) -> DefaultValue {
        let ddl = SQLiteDDL(schema: Schema())
        /// Whether the renderer writes `value` as this stored text.
        func writes(_ value: DefaultValue) -> Bool { ddl.defaultExpression(value, type: type) == text }
        if text.uppercased() == "NULL" { return .null }
        if let f = PortableFunction.allCases.first(where: { fits($0, type) && writes(.function($0)) }) { return .function(f) }
        if type == .bool, text == "1" || text == "0" { return .bool(text == "1") }
        if type == .bool, text == "TRUE" || text == "FALSE" { return .sql(text) }
        if let literal = stringLiteral(text), SQLTokens(text, dialect: .sqlite).tokens.count == 1 {
            if type == .json || type.isArray, let json = JSONValue.parse(literal), writes(.json(json)) { return .json(json) }
            if writes(.string(literal)) { return .string(literal) }
        }
        let number = stored(text)
        if Double(number) != nil, writes(.number(number)) { return .number(number) }
        return .sql(stored(text))
    }

    /// A TEXT column whose default is what schemagen writes for `now()` or `current_date()` on a
    /// `timestamp`, `datetime` or `date` column is that type (SQLite stores all of them as TEXT);
    /// an INTEGER one defaulting to the current unix time is `unixtime`.
    static func temporalType(_ type: ColumnType, default text: String) -> ColumnType {
        let candidates: [ColumnType] = type == .text ? [.timestamp, .datetime, .date] : type == .bigint ? [.unixtime] : []
        return candidates.first { candidate in
            if case .function = defaultValue(text, type: candidate) { return true }
            return false
        } ?? type
    }

    /// Whether the format takes the function as a default of the type (the validator's rule).
    static func fits(_ f: PortableFunction, _ type: ColumnType) -> Bool {
        switch f {
        case .now: return type == .timestamp || type == .datetime
        case .uuid: return type == .uuid || type.isTextual
        case .unixepoch: return type == .unixtime || type == .int || type == .bigint
        case .currentDate: return type == .date
        }
    }

    /// An array column's element type, from its JSON default (SQLite's check is the same for every element type).
    static func arrayType(default text: String) -> ColumnType {
        guard let literal = stringLiteral(text), case .array(let items)? = JSONValue.parse(literal), !items.isEmpty else { return .array(.text) }
        if items.allSatisfy({ if case .bool = $0 { return true } else { return false } }) { return .array(.bool) }
        let numbers = items.compactMap { item -> String? in if case .number(let n) = item { return n } else { return nil } }
        if numbers.count == items.count { return .array(numbers.allSatisfy { Int($0) != nil } ? .bigint : .double) }
        return .array(.text)
    }

    /// The text without one pair of parentheses around all of it, as SQLite's pragma reports a default.
    static func stored(_ text: String) -> String {
        let tokens = SQLTokens(text, dialect: .sqlite)
        guard tokens.tokens.first?.text == "(", tokens.closing(0) == tokens.tokens.count - 1 else { return text }
        return tokens.source(1, through: tokens.tokens.count - 2)
    }

    // MARK: Constraints

    mutating func readConstraint(_ item: ClosedRange<Int>, tokens: SQLTokens, into table: inout Table, unnamedChecks: inout Int) {
        let t = tokens.tokens
        var i = item.lowerBound
        var name: String?
        if t[i].isKeyword("CONSTRAINT"), i + 1 <= item.upperBound {
            name = t[i + 1].name
            i += 2
        }
        guard i <= item.upperBound else { return }
        let parenthesized = t[i...item.upperBound].firstIndex { $0.text == "(" }
        let columns = parenthesized.flatMap { open in tokens.closing(open).map { tokens.items(inside: open, $0).map { t[$0.lowerBound].name } } } ?? []
        if t[i].isKeyword("PRIMARY") {
            if let name { table.primaryKey?.name = name }
        } else if t[i].isKeyword("UNIQUE") {
            table.uniques.append(UniqueConstraint(name: name ?? Naming.unique(table: table.name, columns: columns), columns: columns))
        } else if t[i].isKeyword("CHECK"), let open = parenthesized, let close = tokens.closing(open) {
            if name == nil { unnamedChecks += 1 }
            table.checks.append(CheckConstraint(name: name ?? Naming.tableCheck(table: table.name, ordinal: unnamedChecks),
                                                expression: tokens.source(open + 1, through: close - 1)))
        } else if t[i].isKeyword("FOREIGN"), let open = parenthesized, let close = tokens.closing(open),
                  let references = tokens.find("REFERENCES", from: close, before: item.upperBound + 1) {
            readReference(columns: columns, tokens: tokens, at: references, end: item.upperBound, name: name, into: &table)
        }
    }

    mutating func readInlineReference(column: String, tokens: SQLTokens, at i: Int, end: Int, name: String?, into table: inout Table) {
        readReference(columns: [column], tokens: tokens, at: i, end: end, name: name, into: &table)
    }

    /// `REFERENCES t [(cols)] [ON DELETE a] [ON UPDATE a]`; referenced columns left empty are the
    /// referenced table's primary key (`resolveForeignKeys`).
    mutating func readReference(columns: [String], tokens: SQLTokens, at i: Int, end: Int, name: String?, into table: inout Table) {
        let t = tokens.tokens
        guard i + 1 <= end else { return }
        var fk = ForeignKey(name: name ?? Naming.foreignKey(table: table.name, columns: columns), columns: columns,
                            referencedTable: t[i + 1].name, referencedColumns: [])
        var j = i + 2
        if j <= end, t[j].text == "(", let close = tokens.closing(j) {
            fk.referencedColumns = tokens.items(inside: j, close).map { t[$0.lowerBound].name }
            j = close + 1
        }
        while j <= end {
            if t[j].isKeyword("ON"), j + 2 <= end {
                let isDelete = t[j + 1].isKeyword("DELETE")
                var k = j + 2
                var words: [String] = []
                while k <= end, t[k].isWord, !t[k].isKeyword("ON"), !t[k].isKeyword("MATCH"), !t[k].isKeyword("DEFERRABLE"), !t[k].isKeyword("NOT"), words.count < 2 {
                    words.append(t[k].text)
                    k += 1
                    if ["CASCADE", "RESTRICT"].contains(words[0].uppercased()) || words.count == 2 { break }
                }
                let action = ReferentialAction(sql: words.joined(separator: " "))
                if isDelete { fk.onDelete = action } else { fk.onUpdate = action }
                j = k
                continue
            }
            if t[j].isKeyword("DEFERRABLE") || t[j].isKeyword("MATCH") {
                warnings.append("'\(t[j].text)' on foreign key '\(fk.name)' of '\(table.name)' cannot be expressed in schema.yaml; dropped")
            }
            j += 1
        }
        table.foreignKeys.append(fk)
    }

    /// Foreign keys that name no referenced columns reference the table's primary key.
    func resolveForeignKeys(_ tables: inout [Table]) {
        let keys = Dictionary(tables.map { ($0.name, $0.primaryKey?.columns ?? []) }, uniquingKeysWith: { a, _ in a })
        for t in tables.indices {
            for f in tables[t].foreignKeys.indices where tables[t].foreignKeys[f].referencedColumns.isEmpty {
                tables[t].foreignKeys[f].referencedColumns = keys[tables[t].foreignKeys[f].referencedTable] ?? []
            }
        }
    }

    // MARK: Triggers

    /// Marks `auto_update` columns and keeps `search`, where the renderer writes exactly the stored
    /// triggers; the triggers it accounts for are taken out of `triggers`, the others stay.
    mutating func acceptGeneratedTriggers(_ table: inout Table, triggers: inout [Object]) {
        let mine = triggers.filter { $0.table == table.name }
        for column in table.columns.indices where mine.contains(where: { $0.name == Naming.autoUpdateTrigger(table: table.name, column: table.columns[column].name) }) {
            table.columns[column].autoUpdate = true
            // auto_update takes a timestamp (TEXT) or unixtime (INTEGER) column.
            if table.columns[column].type == .text { table.columns[column].type = .timestamp }
            if table.columns[column].type == .bigint { table.columns[column].type = .unixtime }
        }
        let rendered = DDL.script(for: Schema(targets: [.sqlite], enums: enums, tables: [table]), dialect: .sqlite, source: "")
        var accounted = Set<String>()
        for trigger in mine where rendered.contains(trigger.sql + ";") { accounted.insert(trigger.name) }
        for column in table.columns.indices where table.columns[column].autoUpdate
            && !accounted.contains(Naming.autoUpdateTrigger(table: table.name, column: table.columns[column].name)) {
            table.columns[column].autoUpdate = false
            if table.columns[column].defaultValue == nil, table.columns[column].type == .timestamp { table.columns[column].type = .text }
        }
        if table.search != nil, !Naming.searchTriggerSuffixes.allSatisfy({ accounted.contains(Naming.searchTrigger(table: table.name, suffix: $0)) }) {
            table.search = nil
            warnings.append("the full-text search of '\(table.name)' differs from what schema.yaml's search writes; its triggers are kept as raw sql: blocks")
        }
        triggers.removeAll { accounted.contains($0.name) && $0.table == table.name }
    }
}
