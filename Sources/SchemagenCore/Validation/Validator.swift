/// Resolves cross-references in a decoded schema and checks every rule that
/// needs the whole schema: names that exist, types that match, PostgreSQL's
/// namespace rules, defaults that fit, dependencies without cycles.
///
/// It reports everything it finds (it never stops at the first problem) and
/// returns the schema with bare `references: table` resolved to the table's
/// primary key columns.
public final class Validator {
    let sourceMap: SourceMap
    public private(set) var diagnostics = Diagnostics()
    private var schema: Schema
    private var tableIndex: [String: Int] = [:]
    private var enumIndex: [String: Int] = [:]
    /// Uses of features a target lacks, grouped by kind so that a schema with
    /// twenty GIN indexes gets one warning, not twenty.
    private var unsupported: [(kind: String, name: String, location: SourceLocation?)] = []

    public init(schema: Schema, sourceMap: SourceMap) {
        self.schema = schema
        self.sourceMap = sourceMap
        for i in schema.tables.indices { tableIndex[schema.tables[i].name] = i }
        for (i, e) in schema.enums.enumerated() { enumIndex[e.name] = i }
    }

    /// Runs every check; returns the resolved schema.
    public func run() -> Schema {
        checkEnums()
        for i in schema.tables.indices { checkTable(at: i) }
        checkNamespace()
        if targetsSQLite { checkSQLiteTriggerNames() }
        if schema.tables.contains(where: { $0.triggers != nil }) { checkDeclaredTriggerNames() }
        checkViews()
        checkPostgresSettings()
        if targetsPostgres { checkMaterializedViewsOfTenants() }
        reportUnsupported()
        return schema
    }

    /// What each kind of unsupported feature becomes, for the grouped warning.
    private static let unsupportedEffects: [String: String] = [
        "partitioned table": "is partitioned, which SQLite does not support: SQLite gets one plain table",
        "materialized view": "is materialized, which SQLite does not support: SQLite gets a plain view without indexes",
        "index with include columns": "has 'include' columns, which SQLite does not support: SQLite indexes only the key columns",
        "virtual generated column": "is a virtual generated column, which PostgreSQL 15 does not have: PostgreSQL stores it",
        "strict table": "asks for 'strict', which only SQLite has: without SQLite as a target it does nothing",
        "tenant table": "declares a 'tenant', which SQLite cannot enforce (it has no row-level security): the SQLite target gets the table without isolation; filter by tenant in the application (the GRDB records' forTenant)",
    ]

    private func noteUnsupported(_ kind: String, _ name: String, at location: SourceLocation?) {
        unsupported.append((kind, name, location))
    }

    private func reportUnsupported() {
        var order: [String] = []
        var groups: [String: [(name: String, location: SourceLocation?)]] = [:]
        for u in unsupported {
            if groups[u.kind] == nil { order.append(u.kind) }
            groups[u.kind, default: []].append((u.name, u.location))
        }
        for kind in order {
            let items = groups[kind]!
            let effect: String
            if let known = Validator.unsupportedEffects[kind] {
                effect = known
            } else {
                effect = "is PostgreSQL-only (\(kind)): it is left out of the SQLite DDL"
            }
            if items.count == 1 {
                diagnostics.warning("\(items[0].name) \(effect)", at: items[0].location)
            } else {
                let others = items.dropFirst().map { $0.location.map { "\($0.file):\($0.line)" } ?? "?" }
                diagnostics.warning("\(items[0].name) \(effect); so do \(items.count - 1) more of this kind (\(others.prefix(5).joined(separator: ", "))\(others.count > 5 ? ", ..." : ""))", at: items[0].location)
            }
        }
    }

    private var targetsSQLite: Bool { schema.targets.contains(.sqlite) }
    private var targetsPostgres: Bool { schema.targets.contains(.postgres) }

    /// The dialects an object with these `targets` exists in: the schema's, or those it names.
    private func dialects(_ targets: [Dialect]?, within outer: [Dialect]? = nil) -> [Dialect] {
        (outer ?? schema.targets).filter { targets?.contains($0) ?? true }
    }

    /// An object's `targets` name only dialects its container has: the schema (`owner` nil), or the
    /// table or view of an index.
    private func checkTargets(_ targets: [Dialect]?, within outer: [Dialect], _ what: @autoclosure () -> String,
                              owner: String? = nil, at location: @autoclosure () -> SourceLocation?) {
        for d in targets ?? [] where !outer.contains(d) {
            let container = owner ?? "the schema", fix = owner.map { "the 'targets' of \($0)" } ?? "the top-level 'targets'"
            diagnostics.error("'targets' of \(what()) names \(d.rawValue), which \(container) does not target; drop it, or add it to \(fix)", at: location())
        }
    }

    private func checkIdentifier(_ name: String, _ kind: String, at location: @autoclosure () -> SourceLocation?) {
        if name.isEmpty {
            diagnostics.error("\(kind) has an empty name", at: location())
        } else if name.utf8.count > Naming.maxIdentifierBytes {
            diagnostics.error("\(kind) '\(name)' is \(name.utf8.count) bytes long; PostgreSQL identifiers are at most \(Naming.maxIdentifierBytes) bytes", at: location())
        } else if name.utf8.contains(0) {
            diagnostics.error("\(kind) '\(name)' contains a NUL character", at: location())
        }
    }

    // MARK: Enums

    private func checkEnums() {
        for e in schema.enums {
            checkIdentifier(e.name, "enum", at: sourceMap.enumType(e.name))
            if Self.builtinTypeNames.contains(e.name.lowercased()) {
                diagnostics.error("enum '\(e.name)' has the name of a built-in type: a column of type '\(e.name)' would mean the built-in one, and PostgreSQL resolves '\(e.name)' to its own type first; rename the enum", at: sourceMap.enumType(e.name))
            }
            // Locate values by their text: values listed twice were dropped, so positions differ.
            let entry = sourceMap.enums[e.name]
            let valuesNode = entry?.value.kind == .mapping ? entry?.value["values"] : entry?.value
            for value in e.values {
                let location = valuesNode?.items.first(where: { $0.scalar == value })?.location ?? entry?.key.location
                if value.isEmpty {
                    diagnostics.error("enum '\(e.name)' has an empty value", at: location)
                } else if value.utf8.count > Naming.maxIdentifierBytes {
                    diagnostics.error("value '\(value)' of enum '\(e.name)' is \(value.utf8.count) bytes long; PostgreSQL enum labels are at most \(Naming.maxIdentifierBytes) bytes", at: location)
                }
            }
        }
    }

    /// The schema format's type names and PostgreSQL's built-in ones (pg_catalog comes first in
    /// every search path, so an enum of such a name would never be the type a column gets).
    static let builtinTypeNames: Set<String> = [
        "bool", "boolean", "smallint", "int", "integer", "bigint", "serial", "bigserial", "real", "float", "double",
        "text", "uuid", "timestamp", "datetime", "time", "date", "unixtime", "json", "bytes", "string", "decimal", "numeric",
        "varchar", "char", "character", "bpchar", "jsonb", "bytea", "timestamptz", "timetz", "interval", "money", "inet",
        "cidr", "macaddr", "macaddr8", "xml", "oid", "name", "point", "line", "lseg", "box", "path", "polygon", "circle",
        "tsvector", "tsquery", "bit", "varbit", "int2", "int4", "int8", "float4", "float8", "smallserial", "serial2",
        "serial4", "serial8", "record", "void", "regclass", "pg_lsn", "txid_snapshot", "int4range", "int8range",
        "numrange", "tsrange", "tstzrange", "daterange",
    ]

    // MARK: Tables

    private func checkTable(at index: Int) {
        // A constant: passing a `var` to the checks below would copy the whole table for every call.
        let table = schema.tables[index]
        let name = table.name
        let what = LazyText { "table '\(name)'" }
        checkIdentifier(name, "table", at: sourceMap.table(name))
        checkTargets(table.targets, within: schema.targets, "\(what)", at: sourceMap.table(name, "targets"))
        let tableDialects = dialects(table.targets)
        var columnIndex: [String: Int] = [:]
        columnIndex.reserveCapacity(table.columns.count)
        for i in table.columns.indices { columnIndex[table.columns[i].name] = i }

        /// `path` leads to the declaration in the YAML; it is only built for a missing column.
        func requireColumns(_ columns: [String], _ owner: @autoclosure () -> String, _ path: @autoclosure () -> [String]) -> Bool {
            var ok = true
            for c in columns where columnIndex[c] == nil {
                let path = path()
                let location = columnItem(c, in: sourceMap.node(table: name, path)) ?? SourceMap.locate(sourceMap.tables[name], path)
                diagnostics.error("\(owner()) names column '\(c)', which \(what) does not have\(Suggestions.hint(for: c, in: table.columns.map(\.name)))", at: location)
                ok = false
            }
            return ok
        }

        for i in table.columns.indices { checkColumn(table.columns[i], in: table) }
        for trigger in table.triggers ?? [] {
            checkIdentifier(trigger.name, "trigger", at: sourceMap.table(name, "triggers", trigger.name))
            _ = requireColumns(trigger.columns, "'of' of trigger '\(trigger.name)' of \(what)", ["triggers", trigger.name, "of"])
        }

        let serials = table.columns.filter { $0.type.isSerial }
        for s in serials where table.primaryKey?.columns != [s.name] {
            diagnostics.error("column '\(s.name)' of \(what) is \(s.type.spelling), which is only allowed as the table's single-column primary key; \(serialHint(s, primaryKey: table.primaryKey))", at: sourceMap.column(name, s.name))
        }

        if let pk = table.primaryKey {
            checkIdentifier(pk.name, "primary key constraint", at: sourceMap.table(name, "primary_key"))
            if requireColumns(pk.columns, "the primary key of \(what)", ["primary_key"]) {
                for c in pk.columns where table.columns[columnIndex[c]!].nullable {
                    diagnostics.error("primary key column '\(c)' of \(what) is nullable; primary key columns are NOT NULL", at: sourceMap.column(name, c))
                }
            }
            duplicateColumns(pk.columns, "the primary key of \(what)", at: sourceMap.table(name, "primary_key"))
        }
        for u in table.uniques {
            // Column-level uniques come first in `uniques`, so positions differ from the 'unique' list.
            _ = requireColumns(u.columns, "unique constraint '\(u.name)'", ["unique"])
            duplicateColumns(u.columns, "unique constraint '\(u.name)'", at: constraintLocation(name, u.name, in: ["unique"]) ?? sourceMap.table(name, "unique"))
        }
        // Resolved foreign keys (bare `references: table` gets the key columns), stored when the table is done.
        let foreignKeys = table.foreignKeys.map { checkForeignKey($0, in: table, columnIndex: columnIndex) }
        for (i, index) in table.indexes.enumerated() {
            let path = { ["indexes", String(i)] }
            _ = requireColumns(index.parts.compactMap(\.columnName), "index '\(index.name)'", path())
            _ = requireColumns(index.include, "index '\(index.name)'", path())
            checkIndexForTargets(index, owner: "\(what)", ownerDialects: tableDialects, at: SourceMap.locate(sourceMap.tables[name], path()))
        }
        if let search = table.search {
            // The item naming a column in `search: [...]` or `search: { columns: [...] }`.
            func searchItem(_ column: String) -> SourceLocation? {
                let node = sourceMap.tables[name]?.value["search"]
                let items = (node?.kind == .mapping ? node?["columns"] : node)?.items ?? []
                return items.first(where: { $0.scalar == column })?.location ?? sourceMap.table(name, "search")
            }
            if requireColumns(search.columns, "'search' of \(what)", ["search"]) {
                for c in search.columns {
                    let type = table.columns[columnIndex[c]!].type
                    if !type.isTextual {
                        diagnostics.error("'search' of \(what) names column '\(c)' of type \(type.spelling); full-text search takes text and string columns", at: searchItem(c))
                    }
                    if c == "rank" && tableDialects.contains(.sqlite) {
                        diagnostics.error("'search' of \(what) names column 'rank', which SQLite's FTS5 reserves; rename the column or leave it out of 'search'", at: searchItem(c))
                    }
                }
            }
            duplicateColumns(search.columns, "'search' of \(what)", at: sourceMap.table(name, "search"))
        }
        if let partition = table.partition {
            let location = sourceMap.table(name, "partition")
            if requireColumns(partition.columns, "'partition' of \(what)", ["partition"]) {
                let keys: [(String, [String])] = (table.primaryKey.map { [("primary key", $0.columns)] } ?? [])
                    + table.uniques.map { ("unique constraint '\($0.name)'", $0.columns) }
                for (kind, columns) in keys where !partition.columns.allSatisfy(columns.contains) {
                    diagnostics.error("the \(kind) of partitioned \(what) must include the partition columns (\(partition.columns.joined(separator: ", "))); PostgreSQL requires it", at: location)
                }
            }
            if partition.strategy == .hash, partition.partitions.contains(where: { $0.bound == nil }) {
                let defaultPartition = partition.partitions.first(where: { $0.bound == nil })!.name
                diagnostics.error("hash-partitioned \(what) cannot have a default partition ('\(defaultPartition)')", at: sourceMap.table(name, "partition", "partitions", defaultPartition))
            }
            if tableDialects.contains(.sqlite) { noteUnsupported("partitioned table", "\(what)", at: location) }
        }
        for check in table.checks {
            checkIdentifier(check.name, "check constraint", at: sourceMap.table(name, "checks"))
        }
        for fk in table.foreignKeys { checkIdentifier(fk.name, "foreign key", at: sourceMap.table(name)) }
        if let tenant = table.tenant { checkTenant(tenant, of: table, columnIndex: columnIndex) }
        if table.strict && !tableDialects.contains(.sqlite) { noteUnsupported("strict table", "\(what)", at: sourceMap.table(name, "strict")) }
        if let renamed = table.renamedFrom, renamed == name || tableIndex[renamed] != nil {
            diagnostics.error("'renamed_from' of \(what) names '\(renamed)', which is a table of the current schema", at: sourceMap.table(name, "renamed_from"))
        }
        // Names of constraints must be unique within a table. A table has a handful:
        // each is compared with the earlier ones rather than hashed into a dictionary.
        var named: [(name: String, kind: String, columns: [String]?)] = []
        named.reserveCapacity(1 + table.uniques.count + table.checks.count + table.foreignKeys.count)
        if let pk = table.primaryKey { named.append((pk.name, "primary key", pk.columns)) }
        for u in table.uniques { named.append((u.name, "unique constraint", u.columns)) }
        for c in table.checks { named.append((c.name, "check", nil)) }
        for fk in table.foreignKeys { named.append((fk.name, "foreign key", nil)) }
        for (i, (constraint, kind, columns)) in named.enumerated() {
            // The first earlier constraint of this name, as a dictionary of first occurrences would give.
            guard let other = named[..<i].first(where: { $0.name == constraint }) else { continue }
            let location = constraintLocation(name, constraint, in: ["primary_key", "unique", "checks", "foreign_keys"]) ?? sourceMap.table(name)
            if kind == "unique constraint", other.kind == kind, other.columns == columns {
                // `unique: true` on a column and the same key in the table's 'unique' list.
                diagnostics.error("\(what) declares the unique constraint on (\(columns!.joined(separator: ", "))) twice", at: location)
            } else {
                diagnostics.error("\(what) has two constraints named '\(constraint)' (a \(other.kind) and a \(kind)); give one another name", at: location)
            }
        }
        schema.tables[index].foreignKeys = foreignKeys
    }

    /// The list item that names `column` (alone or followed by ASC/DESC...) below a
    /// declaration's node: a list of columns, or a mapping's `columns` and `include`.
    private func columnItem(_ column: String, in node: YAMLNode?) -> SourceLocation? {
        guard let node else { return nil }
        switch node.kind {
        case .scalar:
            return node.scalar == column || node.scalar.hasPrefix(column + " ") ? node.location : nil
        case .sequence:
            return node.items.lazy.compactMap { self.columnItem(column, in: $0) }.first
        case .mapping:
            return columnItem(column, in: node["columns"]) ?? columnItem(column, in: node["include"])
        }
    }

    /// Where a constraint of `table` named `constraint` is declared in the given sections
    /// (`primary_key`, `unique`, `checks`, `foreign_keys`): an explicit `name:`, a key of the
    /// `checks` mapping, or a column's `unique: true`. The last such place, since of two equal
    /// names the later one is the one to change; nil when the name is derived and not found.
    private func constraintLocation(_ table: String, _ constraint: String, in sections: [String]) -> SourceLocation? {
        guard let body = sourceMap.tables[table]?.value, body.kind == .mapping else { return nil }
        var found: SourceLocation?
        if sections.contains("unique"), let columns = body["columns"], columns.kind == .mapping {
            for (key, value) in columns.pairs where Naming.unique(table: table, columns: [key.scalar]) == constraint {
                if let entry = value.entry("unique") { found = entry.key.location }
            }
        }
        for section in sections {
            guard let node = body[section] else { continue }
            let candidates = node.kind == .sequence ? node.items : [node]
            for item in candidates where item.kind == .mapping {
                if section == "checks", let entry = item.pairs.first(where: { Naming.fit($0.key.scalar) == constraint }) {
                    found = entry.key.location
                } else if let nameNode = item["name"], Naming.fit(nameNode.scalar) == constraint {
                    found = nameNode.location
                }
            }
            if section == "unique", node.kind == .sequence {
                // Unnamed items: `[a, b]`, or a mapping without 'name', named `uq_<table>_<columns>`.
                for item in node.items where item["name"] == nil {
                    let list = item.kind == .mapping ? item["columns"] : item
                    let columns = list.map { $0.kind == .sequence ? $0.items.map(\.scalar) : [$0.scalar] } ?? []
                    if Naming.unique(table: table, columns: columns) == constraint { found = item.location }
                }
            }
        }
        return found
    }

    private func duplicateColumns(_ columns: [String], _ owner: @autoclosure () -> String, at location: @autoclosure () -> SourceLocation?) {
        var seen = Set<String>()
        for c in columns where !seen.insert(c).inserted {
            diagnostics.error("\(owner()) lists column '\(c)' twice", at: location())
        }
    }

    /// What an index of an owner (a table or a materialized view) in `ownerDialects` does on each of them.
    private func checkIndexForTargets(_ index: Index, owner: @autoclosure () -> String, ownerDialects: [Dialect],
                                      at location: @autoclosure () -> SourceLocation?) {
        checkTargets(index.targets, within: ownerDialects, "index '\(index.name)' of \(owner())", owner: owner(), at: location())
        let onSQLite = dialects(index.targets, within: ownerDialects).contains(.sqlite)
        if let method = index.method, method != .btree, onSQLite {
            noteUnsupported("\(method.rawValue) index", "index '\(index.name)' of \(owner())", at: location())
        }
        if !index.include.isEmpty, onSQLite {
            noteUnsupported("index with include columns", "index '\(index.name)' of \(owner())", at: location())
        }
        if let method = index.method, index.unique, method != .btree {
            diagnostics.error("index '\(index.name)' of \(owner()) is unique with method \(method.rawValue); only btree indexes can be unique", at: location())
        }
    }

    /// How to fix a serial column that is not the primary key: make it the key when the table has
    /// none (the usual slip: `id: bigserial` without `primary_key: true`), else use the plain integer.
    private func serialHint(_ column: Column, primaryKey: PrimaryKey?) -> String {
        guard let primaryKey else {
            return "make it the primary key: '\(column.name): { type: \(column.type.spelling), primary_key: true }'"
        }
        let integer = column.type == .bigserial ? "bigint" : "int"
        return "the primary key is (\(primaryKey.columns.joined(separator: ", "))): declare this column as '\(integer)', or make it the primary key instead"
    }

    private func checkColumn(_ column: Column, in table: Table) {
        let name = column.name
        // Closures and autoclosures below capture the names only: capturing `table` copies the whole table.
        let tableName = table.name
        let what = ColumnText(column: name, table: tableName)
        checkIdentifier(name, "column", at: sourceMap.column(tableName, name))
        // Types
        var elementType = column.type
        if case .array(let inner) = column.type { elementType = inner }
        if case .enumeration(let enumName) = elementType, enumIndex[enumName] == nil {
            let hint = TypeParser.hint(for: enumName, extra: schema.enums.map(\.name))
            diagnostics.error("unknown type '\(enumName)' of \(what): it is neither a built-in type nor a declared enum\(hint)", at: sourceMap.columnType(tableName, name))
        }
        if case let .custom(sqlite, postgres, _) = column.type {
            for (dialect, type) in [(Dialect.sqlite, sqlite), (.postgres, postgres)] where schema.targets.contains(dialect) && type == nil {
                diagnostics.error("the type of \(what) gives no \(dialect.rawValue) type, but \(dialect.rawValue) is a target", at: sourceMap.column(tableName, name, "type"))
            }
            if table.strict, let t = sqlite?.uppercased(), !["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"].contains(t) {
                diagnostics.error("\(what) has SQLite type '\(sqlite!)', which a STRICT table does not allow (INT, INTEGER, REAL, TEXT, BLOB, ANY)", at: sourceMap.column(tableName, name, "type"))
            }
        }
        if column.autoUpdate && ![.timestamp, .datetime, .unixtime].contains(column.type) {
            diagnostics.error("'auto_update' of \(what) needs a timestamp, datetime or unixtime column, not \(column.type.spelling)", at: sourceMap.column(tableName, name, "auto_update"))
        }
        if column.type.isSerial && column.defaultValue != nil {
            diagnostics.error("\(what) is \(column.type.spelling) and cannot also have a default", at: sourceMap.column(tableName, name, "default"))
        }
        if let generated = column.generated {
            if column.defaultValue != nil {
                diagnostics.error("\(what) is generated and cannot also have a default", at: sourceMap.column(tableName, name, "default"))
            }
            if !generated.stored && dialects(table.targets).contains(.postgres) {
                noteUnsupported("virtual generated column", "\(what)", at: sourceMap.column(tableName, name, "generated"))
            }
        }
        // A serial or generated column with a default was reported above; its value does not matter.
        if let d = column.defaultValue, !column.type.isSerial, column.generated == nil { checkDefault(d, of: column, what: "\(what)", at: sourceMap.column(tableName, name, "default")) }
        if let renamed = column.renamedFrom, renamed == name || table.column(named: renamed) != nil {
            diagnostics.error("'renamed_from' of \(what) names '\(renamed)', which is a column of the current table", at: sourceMap.column(tableName, name, "renamed_from"))
        }
    }

    // MARK: Defaults

    private func checkDefault(_ value: DefaultValue, of column: Column, what: @autoclosure () -> String, at location: @autoclosure () -> SourceLocation?) {
        let type = column.type
        /// `hint` says how to write a value that fits; it ends the message.
        func mismatch(_ description: String, _ hint: String? = nil) {
            diagnostics.error("the default \(description) of \(what()) does not fit its type \(type.spelling)\(hint.map { "; \($0)" } ?? "")", at: location())
        }
        switch value {
        case .null:
            if !column.nullable { diagnostics.error("the default of \(what()) is null, but the column is NOT NULL", at: location()) }
        case .bool(let b):
            if type != .bool && !isCustom(type) { mismatch("\(b)", type.isTextual ? "quote it for the text '\(b)'" : nil) }
        case .number(let text):
            let isInteger = !text.contains(".") && !text.lowercased().contains("e")
            switch type {
            case .smallint, .int, .bigint, .unixtime:
                if !isInteger { mismatch(text) } else if !integerFits(text, type) { diagnostics.error("the default \(text) of \(what()) is out of range for \(type.spelling)\(Self.integerRanges[type].map { " (\($0))" } ?? "")", at: location()) }
            case .real, .double, .decimal: break
            case .string, .char, .text: break // a number written for a text column is its text
            default: if !isCustom(type) { mismatch(text, type == .bool ? "write true or false" : nil) }
            }
        case .string(let text):
            switch type {
            case .text: break
            case .string(let n), .char(let n):
                if text.count > n { diagnostics.error("the default '\(text)' of \(what()) is \(text.count) characters long, more than its type \(type.spelling) allows", at: location()) }
            case .enumeration(let enumName):
                if let e = enumIndex[enumName].map({ schema.enums[$0] }), !e.values.contains(text) {
                    diagnostics.error("the default '\(text)' of \(what()) is not a value of enum '\(enumName)' (\(e.values.joined(separator: ", ")))\(Suggestions.hint(for: text, in: e.values))", at: location())
                }
            case .uuid:
                if !Self.isUUID(text) { mismatch("'\(text)'", "write a UUID as 8-4-4-4-12 hex digits, or use uuid()") }
            case .date:
                if !Self.matches(text, "dddd-dd-dd") { mismatch("'\(text)'", "write dates as YYYY-MM-DD") }
            case .time:
                if !Self.matches(text, "dd:dd:dd") { mismatch("'\(text)'", "write times as HH:MM:SS") }
            case .timestamp, .datetime:
                if !Self.matches(String(text.prefix(10)), "dddd-dd-dd") { mismatch("'\(text)'", "write an ISO-8601 date and time") }
            case .smallint, .int, .bigint, .unixtime:
                // A quoted number is held to the rules of an unquoted one: an integer, in range.
                switch YAMLNode.resolvePlain(text) {
                case .integer:
                    if !integerFits(text, type) { diagnostics.error("the default '\(text)' of \(what()) is out of range for \(type.spelling)\(Self.integerRanges[type].map { " (\($0))" } ?? "")", at: location()) }
                default: mismatch("'\(text)'")
                }
            case .decimal, .real, .double:
                switch YAMLNode.resolvePlain(text) {
                case .integer, .float: break
                default: mismatch("'\(text)'")
                }
            case .custom: break
            default: mismatch("'\(text)'", type == .bool ? "write true or false" : nil)
            }
        case .json(let value):
            if case .array(let element) = type {
                guard case .array(let items) = value else {
                    mismatch(value.text, "an array column takes a list")
                    break
                }
                for item in items {
                    switch (item, element) {
                    case (.null, _): break
                    case (.string(let s), .enumeration(let enumName)):
                        if let e = enumIndex[enumName].map({ schema.enums[$0] }), !e.values.contains(s) { mismatch(value.text, "'\(s)' is not a value of enum '\(enumName)'") }
                    case (.string, _) where element.isTextual || [.uuid, .date, .time, .timestamp, .datetime].contains(element): break
                    case (.number, _) where element.isNumeric: break
                    case (.bool, .bool): break
                    default: mismatch(value.text)
                    }
                }
            }
        case .function(let f):
            let fits: Bool
            switch f {
            case .now: fits = type == .timestamp || type == .datetime
            case .uuid:
                switch type {
                case .string(let n), .char(let n): fits = n >= 36
                default: fits = type == .uuid || type == .text
                }
            case .unixepoch: fits = type == .unixtime || type == .bigint || type == .int
            case .currentDate: fits = type == .date
            }
            if !fits && !isCustom(type) { mismatch(f.rawValue, Self.functionTypes[f]) }
        case .sql, .perDialect:
            break
        }
    }

    /// What each portable function fills, for the message when it does not fit.
    static let functionTypes: [PortableFunction: String] = [
        .now: "now() fills timestamp and datetime columns",
        .uuid: "uuid() fills uuid, text and string(36+) columns",
        .unixepoch: "unixepoch() fills unixtime, int and bigint columns",
        .currentDate: "current_date() fills date columns",
    ]

    private func isCustom(_ type: ColumnType) -> Bool {
        if case .custom = type { return true }
        return false
    }

    /// The ranges `integerFits` enforces, for the message.
    static let integerRanges: [ColumnType: String] = [
        .smallint: "\(Int16.min) to \(Int16.max)", .int: "\(Int32.min) to \(Int32.max)", .bigint: "\(Int64.min) to \(Int64.max)",
        .unixtime: "\(Int64.min) to \(Int64.max)",
    ]

    private func integerFits(_ text: String, _ type: ColumnType) -> Bool {
        guard let value = Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text) else { return false }
        switch type {
        case .smallint: return value >= Int64(Int16.min) && value <= Int64(Int16.max)
        case .int: return value >= Int64(Int32.min) && value <= Int64(Int32.max)
        default: return true
        }
    }

    static func isUUID(_ s: String) -> Bool {
        matches(s.lowercased(), "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh")
    }

    /// Matches `s` against a pattern where `d` is a digit, `h` a hex digit, anything else itself.
    static func matches(_ s: String, _ pattern: String) -> Bool {
        let a = Array(s.utf8), p = Array(pattern.utf8)
        guard a.count == p.count else { return false }
        for (c, q) in zip(a, p) {
            switch q {
            case UInt8(ascii: "d"): if !(48 ... 57).contains(c) { return false }
            case UInt8(ascii: "h"): if !((48 ... 57).contains(c) || (97 ... 102).contains(c)) { return false }
            default: if c != q { return false }
            }
        }
        return true
    }

    // MARK: Foreign keys

    /// The equivalence classes of column types a foreign key may join.
    private func keyFamily(_ type: ColumnType) -> String {
        switch type {
        case .int, .serial: return "int"
        case .bigint, .bigserial: return "bigint"
        case .string, .text: return "text"
        default: return type.spelling // char(n) joins char(n) only: PostgreSQL compares it blank-padded
        }
    }

    private func checkForeignKey(_ fk: ForeignKey, in table: Table, columnIndex: [String: Int]) -> ForeignKey {
        var fk = fk
        // Locations are searched for in the YAML only when a problem is reported.
        let declared = fk
        func location() -> SourceLocation? { fkLocation(declared, in: table) }
        func columnsLocation() -> SourceLocation? { fkLocation(declared, in: table, part: "columns") }
        func referencesLocation() -> SourceLocation? { fkLocation(declared, in: table, part: "references") }
        let fkName = fk.name, tableName = table.name
        let what = LazyText { "foreign key '\(fkName)' of table '\(tableName)'" }
        var columnsOK = true
        for c in fk.columns where columnIndex[c] == nil {
            diagnostics.error("\(what) names column '\(c)', which table '\(table.name)' does not have\(Suggestions.hint(for: c, in: table.columns.map(\.name)))", at: columnsLocation())
            columnsOK = false
        }
        guard let targetIndex = tableIndex[fk.referencedTable] else {
            if schema.views.contains(where: { $0.name == fk.referencedTable }) {
                diagnostics.error("\(what) references '\(fk.referencedTable)', which is a view; a foreign key references a table", at: referencesLocation())
                return fk
            }
            diagnostics.error("\(what) references table '\(fk.referencedTable)', which does not exist\(Suggestions.hint(for: fk.referencedTable, in: schema.tables.map(\.name)))", at: referencesLocation())
            return fk
        }
        let target = schema.tables[targetIndex]
        let missing = dialects(table.targets).filter { !dialects(target.targets).contains($0) }
        if !missing.isEmpty {
            diagnostics.error("\(what) references table '\(target.name)', which \(missing.map(\.displayName).joined(separator: " and ")) does not have (its 'targets'); give table '\(table.name)' the same 'targets', or drop the reference", at: referencesLocation())
        }
        if fk.referencedColumns.isEmpty {
            guard let pk = target.primaryKey else {
                diagnostics.error("\(what) references table '\(target.name)', which has no primary key; name the referenced columns", at: referencesLocation())
                return fk
            }
            fk.referencedColumns = pk.columns
        }
        var targetOK = true
        for c in fk.referencedColumns where target.column(named: c) == nil {
            diagnostics.error("\(what) references column '\(c)' of table '\(target.name)', which does not exist\(Suggestions.hint(for: c, in: target.columns.map(\.name)))", at: referencesLocation())
            targetOK = false
        }
        guard fk.columns.count == fk.referencedColumns.count else {
            let local = fk.columns.joined(separator: ", "), remote = fk.referencedColumns.joined(separator: ", ")
            let count = { (n: Int) in n == 1 ? "1 column" : "\(n) columns" }
            diagnostics.error("\(what) has \(count(fk.columns.count)) (\(local)) but references \(count(fk.referencedColumns.count)) (\(remote)) of table '\(target.name)'; the lists must match one to one", at: location())
            return fk
        }
        guard columnsOK && targetOK else { return fk }
        if !Self.isKey(fk.referencedColumns, of: target) {
            diagnostics.error("\(what) references (\(fk.referencedColumns.joined(separator: ", "))) of table '\(target.name)', which is neither its primary key nor unique", at: referencesLocation())
        }
        for (local, remote) in zip(fk.columns, fk.referencedColumns) {
            let lc = table.column(named: local)!, rc = target.column(named: remote)!
            // Equal types are one family: no spellings to build for the usual foreign key.
            if lc.type != rc.type && keyFamily(lc.type) != keyFamily(rc.type) {
                diagnostics.error("\(what): column '\(local)' is \(lc.type.spelling) but references '\(target.name).\(remote)' of type \(rc.type.spelling)", at: location())
            }
            if fk.onDelete == .setNull || fk.onUpdate == .setNull, !lc.nullable {
                let action = fk.onDelete == .setNull ? "on_delete" : "on_update"
                diagnostics.error("\(what) says '\(action): set_null', but column '\(local)' is NOT NULL; make it nullable or choose another action", at: fkLocation(fk, in: table, part: action))
            }
        }
        return fk
    }

    /// Whether `columns` (as a set) are the primary key, a unique constraint, or the columns of a
    /// unique index without predicate or expressions of `table`. Lists in the same order, the usual
    /// case, match without building sets.
    static func isKey(_ columns: [String], of table: Table) -> Bool {
        var referenced: Set<String>?
        func matches(_ key: [String]) -> Bool {
            if key == columns { return true }
            if referenced == nil { referenced = Set(columns) }
            return Set(key) == referenced
        }
        if let pk = table.primaryKey, matches(pk.columns) { return true }
        for u in table.uniques where matches(u.columns) { return true }
        for index in table.indexes where index.unique && index.predicate == nil && index.parts.allSatisfy({ $0.columnName != nil }) {
            if matches(index.parts.compactMap(\.columnName)) { return true }
        }
        return false
    }

    /// Where a foreign key is declared: its `references` key on a column, or its item of
    /// `foreign_keys`; with `part`, the key of that name inside it (columns, references, on_delete...).
    private func fkLocation(_ fk: ForeignKey, in table: Table, part: String? = nil) -> SourceLocation? {
        if fk.columns.count == 1, let l = SourceMap.locate(sourceMap.tables[table.name], ["columns", fk.columns[0], "references"]),
           sourceMap.tables[table.name]?.value["columns"]?[fk.columns[0]]?["references"] != nil {
            if let part, part.hasPrefix("on_") { return sourceMap.column(table.name, fk.columns[0], part) }
            return l
        }
        if let list = sourceMap.tables[table.name]?.value["foreign_keys"], list.kind == .sequence {
            for (i, item) in list.items.enumerated() {
                let cols = item["columns"].map { $0.kind == .sequence ? $0.items.map(\.scalar) : [$0.scalar] } ?? []
                if cols == fk.columns {
                    return SourceMap.locate(sourceMap.tables[table.name], ["foreign_keys", String(i)] + (part.map { [$0] } ?? []))
                }
            }
        }
        return sourceMap.table(table.name)
    }

    // MARK: Namespace

    /// PostgreSQL puts tables, views, indexes (including those behind primary
    /// keys and unique constraints) in one namespace, and types (enums, and the
    /// row type of every table) in another that tables also occupy.
    private func checkNamespace() {
        let sourceMap = self.sourceMap
        // Tables are read in place (`tables[i].name`): iterating `for t in schema.tables` copies each one.
        let tables = schema.tables
        func claimAll(_ claim: NameCollisions.Claim) {
            for t in tables.indices {
                let name = tables[t].name
                claim(name, "table '\(name)'", sourceMap.table(name))
            }
            for v in schema.views { claim(v.name, "view '\(v.name)'", sourceMap.view(v.name)) }
            for t in tables.indices {
                let name = tables[t].name
                if let partition = tables[t].partition {
                    for p in partition.partitions {
                        claim(p.name, "partition '\(p.name)' of table '\(name)'", sourceMap.table(name, "partition", "partitions", p.name))
                    }
                }
                if tables[t].search != nil && targetsSQLite {
                    claim(Naming.ftsTable(table: name), "full-text table '\(Naming.ftsTable(table: name))' of table '\(name)'", sourceMap.table(name, "search"))
                }
            }
            for t in tables.indices {
                let name = tables[t].name
                if let pk = tables[t].primaryKey {
                    claim(pk.name, "primary key '\(pk.name)' of table '\(name)'", self.constraintLocation(name, pk.name, in: ["primary_key"]) ?? sourceMap.table(name, "primary_key"))
                }
                for u in tables[t].uniques {
                    claim(u.name, "unique constraint '\(u.name)' of table '\(name)'", self.constraintLocation(name, u.name, in: ["unique"]) ?? sourceMap.table(name, "unique"))
                }
                for i in tables[t].indexes.indices {
                    let indexName = tables[t].indexes[i].name
                    claim(indexName, "index '\(indexName)' of table '\(name)'", sourceMap.table(name, "indexes", String(i)))
                }
                if tables[t].search != nil && targetsPostgres {
                    claim(Naming.searchIndex(table: name), "search index '\(Naming.searchIndex(table: name))' of table '\(name)'", sourceMap.table(name, "search"))
                }
            }
            for v in schema.views {
                for (i, index) in v.indexes.enumerated() {
                    claim(index.name, "index '\(index.name)' of view '\(v.name)'", sourceMap.view(v.name, "indexes", String(i)))
                }
            }
        }
        NameCollisions.find(claimAll, capacity: tables.count * 4) { later, first in
            // Two constraints of one table with one name: reported with the table's constraints.
            if later.description == first.description { return }
            let database = later.description.hasPrefix("full-text table") || first.description.hasPrefix("full-text table") ? "SQLite" : "PostgreSQL"
            diagnostics.error("\(later.description) has the same name as \(first.description)\(first.place); \(database) keeps tables, views and indexes in one namespace", at: later.location)
        }
        if targetsPostgres {
            // Tables and views also have a row type of their name.
            for e in schema.enums {
                var relation: (kind: String, location: SourceLocation?)?
                if tableIndex[e.name] != nil {
                    relation = ("table", sourceMap.table(e.name))
                } else if schema.views.contains(where: { $0.name == e.name }) {
                    relation = ("view", sourceMap.view(e.name))
                }
                if let relation {
                    let place = relation.location.map { " (\($0.file):\($0.line):\($0.column))" } ?? ""
                    diagnostics.error("enum '\(e.name)' has the same name as \(relation.kind) '\(e.name)'\(place); PostgreSQL gives every \(relation.kind) a type of its name", at: sourceMap.enumType(e.name))
                }
            }
        }
    }

    /// SQLite keeps trigger names in one namespace per schema (PostgreSQL per table), so the
    /// derived names `trg_<table>_<column>` and `<table>_fts_<ai|ad|au>` can meet across tables
    /// (`task.run_updated_at` and `task_run.updated_at`). The DDL would fail; say so here, at both.
    private func checkSQLiteTriggerNames() {
        NameCollisions.find({ claim in claimGeneratedTriggers(claim, sqlite: true) }) { later, first in
            diagnostics.error("\(later.description) gets the SQLite trigger name '\(later.name)', which is also the trigger of \(first.description)\(first.place); SQLite keeps trigger names in one namespace: rename a table or column", at: later.location)
        }
    }

    /// The names of the triggers the tool generates (`auto_update`'s; on SQLite also `search`'s), or,
    /// with `functions`, of the PostgreSQL functions behind the `auto_update` triggers.
    private func claimGeneratedTriggers(_ claim: NameCollisions.Claim, sqlite: Bool, functions: Bool = false) {
        for t in schema.tables {
            for c in t.columns where c.autoUpdate {
                claim(functions ? Naming.autoUpdateFunction(table: t.name, column: c.name) : Naming.autoUpdateTrigger(table: t.name, column: c.name),
                      "the auto_update column '\(c.name)' of table '\(t.name)'", sourceMap.column(t.name, c.name))
            }
            if sqlite && !functions && t.search != nil {
                for suffix in Naming.searchTriggerSuffixes {
                    claim(Naming.searchTrigger(table: t.name, suffix: suffix), "the search of table '\(t.name)'", sourceMap.table(t.name, "search"))
                }
            }
        }
    }

    /// Declared trigger names are unique in the schema, and none is the name of a generated trigger:
    /// SQLite keeps trigger names in one namespace, and one rule for both dialects keeps a schema
    /// portable. On PostgreSQL each declared trigger's function (`Naming.triggerFunction`) must not be
    /// another trigger's function either. A clash is reported at the declared trigger, the one to
    /// rename. (Clashes among generated names alone are reported by `checkSQLiteTriggerNames`.)
    private func checkDeclaredTriggerNames() {
        checkDeclared(generated: { claimGeneratedTriggers($0, sqlite: targetsSQLite) }, name: { t, trigger in trigger.name }) { later, _, first in
            "\(later) has the same name as \(first); trigger names are unique in the schema (SQLite keeps them in one namespace): rename the trigger"
        }
        guard targetsPostgres else { return }
        checkDeclared(generated: { claimGeneratedTriggers($0, sqlite: false, functions: true) },
                      name: { t, trigger in trigger.body.postgres == nil ? nil : Naming.triggerFunction(table: t, trigger: trigger.name) }) { later, name, first in
            "\(later) gets the PostgreSQL function name '\(name)', which is also the function of \(first); rename the trigger"
        }
    }

    /// Reports each declared trigger whose `name` (nil: none in this check) is generated already, or
    /// is an earlier declared trigger's. A generated name is described by what it belongs to.
    private func checkDeclared(generated: (NameCollisions.Claim) -> Void, name: (_ table: String, Trigger) -> String?,
                               message: (_ later: String, _ name: String, _ first: String) -> String) {
        var taken: [String: NameCollisions.Found] = [:]
        generated { name, description, location in
            if taken[name] == nil { taken[name] = NameCollisions.Found(name: name, description: "the trigger of " + description(), location: location()) }
        }
        for t in schema.tables {
            for trigger in t.triggers ?? [] {
                guard let claimed = name(t.name, trigger) else { continue }
                let found = NameCollisions.Found(name: claimed, description: "trigger '\(trigger.name)' of table '\(t.name)'",
                                                 location: sourceMap.table(t.name, "triggers", trigger.name))
                if let first = taken[claimed] {
                    diagnostics.error(message(found.description, claimed, first.description + first.place), at: found.location)
                } else {
                    taken[claimed] = found
                }
            }
        }
    }

    // MARK: Views

    private func checkViews() {
        let viewNames = Set(schema.views.map(\.name))
        var viewsByWord: [String: String] = [:]
        for v in schema.views { viewsByWord[v.name.lowercased()] = v.name }
        var dependencies: [String: [String]] = [:]
        for view in schema.views {
            let what = LazyText { "view '\(view.name)'" }
            checkIdentifier(view.name, "view", at: sourceMap.view(view.name))
            checkTargets(view.targets, within: schema.targets, "\(what)", at: sourceMap.view(view.name, "targets"))
            let viewDialects = dialects(view.targets)
            for dialect in viewDialects where view.sql.text(for: dialect) == nil {
                diagnostics.error("\(what) has no SQL for \(dialect.rawValue), which is a target; add '\(dialect.rawValue):', or one 'sql:' for every dialect", at: sourceMap.view(view.name))
            }
            if !view.indexes.isEmpty && !view.materialized {
                diagnostics.error("\(what) has indexes but is not materialized; only materialized views can be indexed (add 'materialized: true')", at: sourceMap.view(view.name, "indexes"))
            }
            for (i, index) in view.indexes.enumerated() {
                checkTargets(index.targets, within: viewDialects, "index '\(index.name)' of \(what)", owner: "\(what)", at: sourceMap.view(view.name, "indexes", String(i)))
            }
            if view.materialized && viewDialects.contains(.sqlite) { noteUnsupported("materialized view", "\(what)", at: sourceMap.view(view.name, "materialized")) }
            var deps = Set<String>()
            for dialect in Dialect.allCases {
                if let sql = view.sql.text(for: dialect) {
                    for word in SQLWords.identifiers(in: sql, dialect: dialect) {
                        if let name = viewsByWord[word] ?? (viewNames.contains(word) ? word : nil) { deps.insert(name) }
                    }
                }
            }
            dependencies[view.name] = deps.sorted()
        }
        // A view that depends on itself, directly or through other views.
        var state: [String: Int] = [:] // 1 visiting, 2 done
        var reported = Set<String>()
        func visit(_ name: String, _ path: [String]) {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = path[path.firstIndex(of: name)!...] + [name]
                if reported.insert(name).inserted {
                    diagnostics.error("view '\(name)' depends on itself: \(cycle.joined(separator: " -> "))", at: sourceMap.view(name))
                }
                return
            }
            state[name] = 1
            for dep in dependencies[name] ?? [] { visit(dep, path + [name]) }
            state[name] = 2
        }
        for view in schema.views { visit(view.name, []) }
        for view in schema.views where view.renamedFrom != nil && viewNames.contains(view.renamedFrom!) {
            diagnostics.error("'renamed_from' of view '\(view.name)' names '\(view.renamedFrom!)', which is a view of the current schema", at: sourceMap.view(view.name, "renamed_from"))
        }
    }

    private func checkPostgresSettings() {
        let root = sourceMap.root.map { SourceMap.Entry(key: $0, value: $0) }
        if let ns = schema.postgresSchema {
            checkIdentifier(ns, "PostgreSQL schema", at: SourceMap.locate(root, ["postgres", "schema"]))
        }
        if let setting = schema.tenantSetting, !Self.isCustomSetting(setting) {
            diagnostics.error("'postgres.tenant_setting' is '\(setting)', which is not a name PostgreSQL accepts for a setting of the application; write two or more dotted words of letters, digits and '_', such as '\(Schema.defaultTenantSetting)'", at: SourceMap.locate(root, ["postgres", "tenant_setting"]))
        }
    }

    /// PostgreSQL's custom settings (what `set_config` accepts without the setting being declared):
    /// `prefix.name`, each part an unquoted identifier.
    static func isCustomSetting(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || ($0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0))) }
        }
    }

    // MARK: Tenancy

    /// A materialized view over a tenant table holds the rows its refreshing session saw, and shows
    /// them to every reader: say so (plain views read as their reader, `security_invoker`).
    private func checkMaterializedViewsOfTenants() {
        let reading = PostgresDDL.viewsReadingTenantTables(schema)
        for view in schema.views where view.materialized && reading.contains(view.name) {
            diagnostics.warning("materialized view '\(view.name)' reads a tenant table: PostgreSQL fills it when it is refreshed, with the rows that session may see (none without a tenant, every tenant's for a superuser), and shows them to every reader; use a plain view, which reads as its reader", at: sourceMap.view(view.name))
        }
    }

    /// The column types a tenant column may have: those PostgreSQL casts the setting's text to
    /// exactly (`'42'::bigint`, `'...'::uuid`, text itself), and Swift binds as they are.
    static func isTenantType(_ type: ColumnType) -> Bool {
        switch type {
        case .smallint, .int, .bigint, .serial, .bigserial, .uuid, .text, .string: return true
        default: return false
        }
    }

    /// `tenant:` names a column of the table of a type the setting casts to, on a table that is not partitioned.
    private func checkTenant(_ tenant: String, of table: Table, columnIndex: [String: Int]) {
        let what = "'tenant' of table '\(table.name)'"
        let location = sourceMap.table(table.name, "tenant")
        guard let i = columnIndex[tenant] else {
            diagnostics.error("\(what) names column '\(tenant)', which the table does not have\(Suggestions.hint(for: tenant, in: table.columns.map(\.name)))", at: location)
            return
        }
        let column = table.columns[i]
        if !Self.isTenantType(column.type) {
            diagnostics.error("\(what) names column '\(tenant)' of type \(column.type.spelling); the tenant setting is text and is cast to the column's type, which schemagen supports for uuid, text, string(n) and the integer types: use one of those for the tenant column", at: location)
        }
        if table.partition != nil {
            diagnostics.error("\(what): a partitioned table cannot declare a tenant (PostgreSQL applies the parent's policy only to queries through the parent, not to its partitions); keep tenant data in a plain table", at: location)
        }
        if dialects(table.targets).contains(.sqlite) { noteUnsupported("tenant table", "table '\(table.name)'", at: location) }
    }
}

/// Finds names claimed more than once in one namespace (PostgreSQL's relations and indexes,
/// SQLite's triggers) without building a description for names that do not repeat: `claims`
/// runs once only counting, and, only when a name repeats (never, in a valid schema), once more
/// with descriptions and places, for the repeated names alone. `report` gets every claim of a
/// repeated name after its first, with the first.
enum NameCollisions {
    typealias Claim = (_ name: String, _ description: @autoclosure () -> String, _ location: @autoclosure () -> SourceLocation?) -> Void

    struct Found {
        var name: String
        var description: String
        var location: SourceLocation?
        /// ` (file:line:column)`, or nothing without a location.
        var place: String { location.map { " (\($0.file):\($0.line):\($0.column))" } ?? "" }
    }

    static func find(_ claims: (Claim) -> Void, capacity: Int = 0, report: (_ later: Found, _ first: Found) -> Void) {
        var counts: [String: Int] = [:]
        counts.reserveCapacity(capacity)
        claims { name, _, _ in counts[name, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > 1 }) else { return }
        var first: [String: Found] = [:]
        var collisions: [(later: Found, first: Found)] = []
        claims { name, description, location in
            guard counts[name, default: 0] > 1 else { return }
            let found = Found(name: name, description: description(), location: location())
            if let earlier = first[name] { collisions.append((found, earlier)) } else { first[name] = found }
        }
        for c in collisions { report(c.later, c.first) }
    }
}
