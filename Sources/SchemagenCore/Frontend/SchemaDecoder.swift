/// Turns the YAML of a root schema file and its includes into one `Schema`.
///
/// It checks the shape of the input (known keys, node kinds, type syntax) and
/// merges included files; cross-references (does that table exist? does the
/// default fit?) are checked afterwards by `Validator`, when every file is in.
/// Problems are collected, never thrown, so one run reports all of them.
struct SchemaDecoder {
    let loader: SchemaFileLoader
    var diagnostics = Diagnostics()
    var schema = Schema(targets: [])
    var sourceMap = SourceMap()
    /// Files being included right now, for cycle detection.
    private var includeStack: [String] = []
    private var included: Set<String> = []
    private var typeCache: [String: TypeParser.Parsed] = [:]

    init(loader: SchemaFileLoader) { self.loader = loader }

    // MARK: Files

    mutating func decodeRoot(path: String) {
        included.insert(path)
        guard let document = readFile(path, includedAt: nil) else { return }
        decodeFile(document, path: path, isRoot: true)
        if schema.targets.isEmpty { schema.targets = Dialect.allCases }
    }

    private mutating func readFile(_ path: String, includedAt: SourceLocation?) -> YAMLDocument? {
        let bytes: [UInt8]
        do {
            bytes = try loader.load(path)
        } catch {
            diagnostics.error("cannot read '\(path)': \(error)", at: includedAt ?? SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
        return YAMLDocument.parse(bytes, file: path, diagnostics: &diagnostics)
    }

    private mutating func decodeFile(_ document: YAMLDocument, path: String, isRoot: Bool) {
        guard let root = document.root else { return }
        guard root.kind == .mapping else {
            diagnostics.error("a schema file is a mapping of keys (schemagen, tables, ...), found \(root.kindDescription)", at: root.location)
            return
        }
        if isRoot { sourceMap.root = root }
        let topKeys = ["schemagen", "name", "targets", "include", "postgres", "enums", "tables", "views", "sql"]
        checkKeys(root, allowed: topKeys, what: "at the top level")
        if let version = root["schemagen"] {
            if version.kind != .scalar || version.scalar != "1" {
                diagnostics.error("unsupported format version \(version.kind == .scalar ? "'\(version.scalar)'" : version.kindDescription); this schemagen reads 'schemagen: 1'", at: version.location)
            }
        } else {
            diagnostics.error("missing 'schemagen: 1' at the top of the file", at: root.location)
        }
        for key in ["name", "targets"] where !isRoot {
            if let entry = root.entry(key) {
                diagnostics.error("only the root schema file may set '\(key)'", at: entry.key.location)
            }
        }
        if isRoot, let name = root["name"] { schema.name = string(name, what: "'name'") }
        if isRoot, let targets = root["targets"] { schema.targets = decodeTargets(targets, what: "'targets'") }
        if let postgres = root["postgres"] { decodePostgres(postgres, isRoot: isRoot) }
        if let enums = root["enums"] {
            for (key, value) in mapping(enums, what: "'enums'") { decodeEnum(key: key, value: value) }
        }
        if let tables = root["tables"] {
            for (key, value) in mapping(tables, what: "'tables'") { decodeTable(key: key, value: value) }
        }
        if let views = root["views"] {
            for (key, value) in mapping(views, what: "'views'") { decodeView(key: key, value: value) }
        }
        if let sql = root["sql"] { decodeRawSQL(sql) }
        // Included declarations land after this file's own, in include order, depth first.
        if let include = root["include"] {
            for item in list(include, what: "'include'") {
                guard let relative = string(item, what: "an include path") else { continue }
                let target = SchemaPath.join(base: path, relative)
                if includeStack.contains(target) || target == path {
                    let chain = (includeStack + [path, target]).joined(separator: " -> ")
                    diagnostics.error("include cycle: \(chain)", at: item.location)
                    continue
                }
                if included.contains(target) {
                    diagnostics.warning("'\(target)' is already included; this include is ignored", at: item.location)
                    continue
                }
                included.insert(target)
                guard let document = readFile(target, includedAt: item.location) else { continue }
                includeStack.append(path)
                decodeFile(document, path: target, isRoot: false)
                includeStack.removeLast()
            }
        }
    }

    /// A list of dialects (`targets: [sqlite, postgres]`), of the schema or of one object (`what`).
    private mutating func decodeTargets(_ node: YAMLNode, what: @autoclosure () -> String) -> [Dialect] {
        var targets: [Dialect] = []
        let items = list(node, what: what())
        for item in items {
            guard let name = string(item, what: "a target") else { continue }
            guard let dialect = Dialect(rawValue: name) else {
                diagnostics.error("unknown target '\(name)' (targets are sqlite and postgres)\(Suggestions.hint(for: name, in: Dialect.allCases.map(\.rawValue)))", at: item.location)
                continue
            }
            if targets.contains(dialect) {
                diagnostics.error("target '\(name)' is listed twice", at: item.location)
            } else {
                targets.append(dialect)
            }
        }
        if items.isEmpty && node.kind == .sequence {
            diagnostics.error("\(what()) is empty; name at least one of sqlite, postgres", at: node.location)
        }
        return targets
    }

    private mutating func decodePostgres(_ node: YAMLNode, isRoot: Bool) {
        guard node.kind == .mapping else {
            diagnostics.error("'postgres' must be a mapping (schema, extensions, tenant_setting), found \(node.kindDescription)", at: node.location)
            return
        }
        checkKeys(node, allowed: ["schema", "extensions", "tenant_setting"], what: "in 'postgres'")
        // Settings of the whole database: only the root file may say them.
        for (key, path) in [("schema", \Schema.postgresSchema), ("tenant_setting", \Schema.tenantSetting)] {
            guard let entry = node.entry(key) else { continue }
            if isRoot {
                schema[keyPath: path] = string(entry.value, what: "'postgres.\(key)'")
            } else {
                diagnostics.error("only the root schema file may set 'postgres.\(key)'", at: entry.key.location)
            }
        }
        if let extensions = node["extensions"] {
            for item in list(extensions, what: "'postgres.extensions'") {
                if let name = string(item, what: "an extension name"), !schema.extensions.contains(name) {
                    schema.extensions.append(name)
                }
            }
        }
    }

    /// Records a declaration name, reporting one declared twice across files.
    private mutating func declare(_ kind: String, _ key: YAMLNode, _ value: YAMLNode,
                                  in map: WritableKeyPath<SourceMap, [String: SourceMap.Entry]>) -> Bool {
        if let first = sourceMap[keyPath: map][key.scalar] {
            let l = first.key.location
            diagnostics.error("\(kind) '\(key.scalar)' is declared twice; first at \(l.file):\(l.line):\(l.column)", at: key.location)
            return false
        }
        sourceMap[keyPath: map][key.scalar] = SourceMap.Entry(key: key, value: value)
        return true
    }

    // MARK: Enums

    private mutating func decodeEnum(key: YAMLNode, value: YAMLNode) {
        guard declare("enum", key, value, in: \.enums) else { return }
        var result = EnumType(name: key.scalar, values: [])
        let what = LazyText { "enum '\(key.scalar)'" }
        var valuesNode = value
        if value.kind == .mapping {
            checkKeys(value, allowed: ["values", "comment", "swift"], what: "in \(what)")
            result.comment = value["comment"].flatMap { string($0, what: "the comment of \(what)") }
            if let swift = value["swift"] { result.swiftName = decodeSwiftName(swift, what: "\(what)") }
            guard let v = value["values"] else {
                diagnostics.error("\(what) has no 'values'", at: key.location)
                return
            }
            valuesNode = v
        } else if value.kind != .sequence {
            diagnostics.error("\(what) must be a list of values or a mapping with 'values', found \(value.kindDescription)", at: value.location)
            return
        }
        var seen = Set<String>()
        var renames: [(value: String, from: YAMLNode)] = []
        for item in list(valuesNode, what: "the values of \(what)") {
            guard let (label, from) = decodeEnumValue(item, what: what) else { continue }
            if !seen.insert(label).inserted {
                diagnostics.error("\(what) lists the value '\(label)' twice", at: item.location)
                continue
            }
            result.values.append(label)
            if let from { renames.append((label, from)) }
        }
        if result.values.isEmpty && valuesNode.kind == .sequence {
            diagnostics.error("\(what) has no values", at: valuesNode.location)
        }
        result.valueRenames = checkedValueRenames(renames, values: seen, what: what)
        schema.enums.append(result)
    }

    /// One value of an enum: a label, or `{ name: label, renamed_from: old }`; the label, and the
    /// node of `renamed_from` when there is one.
    private mutating func decodeEnumValue(_ item: YAMLNode, what: LazyText) -> (String, YAMLNode?)? {
        guard item.kind == .mapping else { return string(item, what: "a value of \(what)").map { ($0, nil) } }
        checkKeys(item, allowed: ["name", "renamed_from"], what: "in a value of \(what)")
        guard let name = item["name"] else {
            diagnostics.error("a value of \(what) written as a mapping needs 'name' (the label), e.g. { name: done, renamed_from: finished }", at: item.location)
            return nil
        }
        guard let label = string(name, what: "the name of a value of \(what)") else { return nil }
        return (label, item["renamed_from"])
    }

    /// The `renamed_from` of an enum's values, new label → old label: each names a value that is no
    /// longer listed, and no two name the same one (a rename is what the old value became).
    private mutating func checkedValueRenames(_ renames: [(value: String, from: YAMLNode)], values: Set<String>,
                                              what: LazyText) -> [String: String]? {
        var out: [String: String] = [:]
        var renamedTo: [String: String] = [:] // old label → the value renamed from it
        for (value, node) in renames {
            guard let from = string(node, what: "'renamed_from' of value '\(value)' of \(what)") else { continue }
            if values.contains(from) {
                diagnostics.error("'renamed_from' of value '\(value)' of \(what) names '\(from)', which is a value of the current enum", at: node.location)
            } else if let first = renamedTo[from] {
                diagnostics.error("'renamed_from' of value '\(value)' of \(what) names '\(from)', which value '\(first)' is renamed from already", at: node.location)
            } else {
                renamedTo[from] = value
                out[value] = from
            }
        }
        return out.isEmpty ? nil : out
    }

    // MARK: Tables

    static let tableKeys = ["columns", "primary_key", "unique", "checks", "foreign_keys", "indexes", "search",
                            "partition", "strict", "tenant", "comment", "renamed_from", "swift", "targets", "triggers"]
    static let columnKeys = ["type", "nullable", "primary_key", "unique", "default", "references", "on_delete",
                             "on_update", "check", "generated", "auto_update", "comment", "renamed_from", "swift"]

    private mutating func decodeTable(key: YAMLNode, value: YAMLNode) {
        guard declare("table", key, value, in: \.tables) else { return }
        let name = key.scalar
        let what = LazyText { "table '\(name)'" }
        var table = Table(name: name)
        guard value.kind == .mapping else {
            diagnostics.error("\(what) must be a mapping with 'columns', found \(value.kindDescription)", at: value.location)
            return
        }
        checkKeys(value, allowed: Self.tableKeys, what: "in \(what)")
        var columnPrimaryKeys: [YAMLNode] = []
        if let columns = value["columns"] {
            let pairs = mapping(columns, what: "the columns of \(what)")
            table.columns.reserveCapacity(pairs.count)
            if pairs.isEmpty && columns.kind == .mapping {
                diagnostics.error("\(what) has no columns", at: columns.location)
            }
            var i = 0
            while i < pairs.count {
                defer { i += 1 }
                // `columns: { price: decimal(10,2) }`: one column cut in two by the ','.
                if reportCommaCut(columns, after: i, what: "in the columns of \(what)") {
                    i += 1
                    continue
                }
                if let isPK = decodeColumn(key: pairs[i].key, value: pairs[i].value, into: &table), isPK {
                    columnPrimaryKeys.append(pairs[i].key)
                }
            }
        } else {
            diagnostics.error("\(what) has no 'columns'", at: key.location)
        }
        if columnPrimaryKeys.count > 1 {
            diagnostics.error("\(what): \(columnPrimaryKeys.count) columns say 'primary_key: true'; declare a composite key with the table-level 'primary_key: [\(columnPrimaryKeys.map(\.scalar).joined(separator: ", "))]'", at: columnPrimaryKeys[1].location)
        } else if let pk = columnPrimaryKeys.first {
            table.primaryKey = PrimaryKey(name: Naming.primaryKey(table: name), columns: [pk.scalar])
        }
        if let entry = value.entry("primary_key") {
            if !columnPrimaryKeys.isEmpty {
                diagnostics.error("\(what) declares its primary key twice: at the table level and on column '\(columnPrimaryKeys[0].scalar)'", at: entry.key.location)
            } else if let (keyName, columns) = namedColumns(entry.value, what: "the primary key of \(what)") {
                table.primaryKey = PrimaryKey(name: keyName.map(Naming.fit) ?? Naming.primaryKey(table: name), columns: columns)
            }
        }
        if let uniques = value["unique"] {
            for item in list(uniques, what: "'unique' of \(what)") {
                guard let (keyName, columns) = namedColumns(item, what: "a unique constraint of \(what)") else { continue }
                table.uniques.append(UniqueConstraint(name: keyName.map(Naming.fit) ?? Naming.unique(table: name, columns: columns), columns: columns))
            }
        }
        if let checks = value["checks"] { decodeChecks(checks, into: &table) }
        if let fks = value["foreign_keys"] {
            for item in list(fks, what: "'foreign_keys' of \(what)") { decodeForeignKey(item, into: &table) }
        }
        if let indexes = value["indexes"] {
            for item in list(indexes, what: "'indexes' of \(what)") {
                if let index = decodeIndex(item, owner: name, what: "an index of \(what)") { table.indexes.append(index) }
            }
        }
        if let search = value.entry("search") { table.search = decodeSearch(search.value, key: search.key, what: "\(what)") }
        if let partition = value.entry("partition") { table.partition = decodePartition(partition.value, key: partition.key, what: "\(what)") }
        if let strict = value["strict"] { table.strict = bool(strict, what: "'strict' of \(what)") ?? false }
        table.tenant = value["tenant"].flatMap { string($0, what: "'tenant' of \(what)") }
        table.comment = value["comment"].flatMap { string($0, what: "the comment of \(what)") }
        table.renamedFrom = value["renamed_from"].flatMap { string($0, what: "'renamed_from' of \(what)") }
        if let swift = value["swift"] { table.swiftName = decodeSwiftName(swift, what: "\(what)") }
        if let targets = value["targets"] { table.targets = decodeTargets(targets, what: "'targets' of \(what)") }
        if let triggers = value["triggers"] {
            let decoded = mapping(triggers, what: "'triggers' of \(what)").compactMap { decodeTrigger(key: $0.key, value: $0.value, what: "trigger '\($0.key.scalar)' of \(what)") }
            table.triggers = decoded.isEmpty ? nil : decoded
        }
        schema.tables.append(table)
    }

    /// Decodes a column into `table`; returns whether it says `primary_key: true` (nil on error).
    private mutating func decodeColumn(key: YAMLNode, value: YAMLNode, into table: inout Table) -> Bool? {
        let name = key.scalar
        let tableName = table.name
        let what = ColumnText(column: name, table: tableName)
        if value.kind == .scalar {
            guard let text = string(value, what: "the type of \(what)") else { return nil }
            guard let parsed = parseType(text, at: value.location, what: "\(what)") else { return nil }
            table.columns.append(Column(name: name, type: parsed.type, nullable: parsed.nullable))
            return false
        }
        guard value.kind == .mapping else {
            diagnostics.error("\(what) must be a type or a mapping with 'type', found \(value.kindDescription)", at: value.location)
            return nil
        }
        checkKeys(value, allowed: Self.columnKeys, what: "in \(what)")
        var column = Column(name: name, type: .text)
        guard let typeNode = value["type"] else {
            diagnostics.error("\(what) has no 'type'", at: key.location)
            return nil
        }
        // A type cut by a ',' (`{ type: decimal(10,2) }`) was reported by checkKeys.
        if let i = value.pairIndex(ofKey: "type"), let remnant = value.commaRemnant(after: i), !Self.columnKeys.contains(remnant.key.scalar) {
            return nil
        }
        if typeNode.kind == .mapping {
            checkKeys(typeNode, allowed: ["sqlite", "postgres", "swift"], what: "in the type of \(what)")
            column.type = .custom(sqlite: typeNode["sqlite"].flatMap { string($0, what: "the SQLite type of \(what)") },
                                  postgres: typeNode["postgres"].flatMap { string($0, what: "the PostgreSQL type of \(what)") },
                                  swift: typeNode["swift"].flatMap { string($0, what: "the Swift type of \(what)") })
        } else if let text = string(typeNode, what: "the type of \(what)"), let parsed = parseType(text, at: typeNode.location, what: "\(what)") {
            column.type = parsed.type
            column.nullable = parsed.nullable
            if let nullableNode = value["nullable"], let flag = bool(nullableNode, what: "'nullable' of \(what)") {
                if parsed.nullable && !flag {
                    diagnostics.error("\(what) is both nullable ('\(text)') and 'nullable: false'", at: nullableNode.location)
                }
                column.nullable = column.nullable || flag
            }
        } else {
            return nil
        }
        if case .custom = column.type, let nullableNode = value["nullable"] {
            column.nullable = bool(nullableNode, what: "'nullable' of \(what)") ?? false
        }
        var isPrimaryKey = false
        if let pk = value["primary_key"] { isPrimaryKey = bool(pk, what: "'primary_key' of \(what)") ?? false }
        if let u = value["unique"], bool(u, what: "'unique' of \(what)") == true {
            table.uniques.append(UniqueConstraint(name: Naming.unique(table: table.name, columns: [name]), columns: [name]))
        }
        if let d = value["default"] { column.defaultValue = decodeDefault(d, type: column.type, what: "\(what)") }
        if let check = value["check"], let expression = string(check, what: "'check' of \(what)") {
            table.checks.append(CheckConstraint(name: Naming.columnCheck(table: table.name, column: name), expression: expression))
        }
        if let generated = value["generated"] {
            if generated.kind == .scalar, let expression = string(generated, what: "'generated' of \(what)") {
                column.generated = GeneratedColumn(expression: expression, stored: true)
            } else if generated.kind == .mapping {
                checkKeys(generated, allowed: ["expr", "stored"], what: "in 'generated' of \(what)")
                let expression = generated["expr"].flatMap { string($0, what: "'generated.expr' of \(what)") }
                if expression == nil && generated["expr"] == nil {
                    diagnostics.error("'generated' of \(what) has no 'expr'", at: generated.location)
                }
                let stored = generated["stored"].flatMap { bool($0, what: "'generated.stored' of \(what)") } ?? true
                if let expression { column.generated = GeneratedColumn(expression: expression, stored: stored) }
            } else {
                diagnostics.error("'generated' of \(what) must be { expr: ..., stored: true }, found \(generated.kindDescription)", at: generated.location)
            }
        }
        if let au = value["auto_update"] { column.autoUpdate = bool(au, what: "'auto_update' of \(what)") ?? false }
        column.comment = value["comment"].flatMap { string($0, what: "the comment of \(what)") }
        column.renamedFrom = value["renamed_from"].flatMap { string($0, what: "'renamed_from' of \(what)") }
        var associationNames: (association: String?, inverse: String?) = (nil, nil)
        if let swift = value["swift"] {
            if swift.kind == .mapping {
                checkKeys(swift, allowed: ["name", "type", "association", "inverse"], what: "in 'swift' of \(what)")
                column.swiftName = swift["name"].flatMap { string($0, what: "'swift.name' of \(what)") }
                column.swiftType = swift["type"].flatMap { string($0, what: "'swift.type' of \(what)") }
                associationNames = decodeAssociationNames(swift, what: what.description)
            } else {
                diagnostics.error("'swift' of \(what) must be a mapping { name: ..., type: ... }, found \(swift.kindDescription)", at: swift.location)
            }
        }
        if let references = value["references"], let target = string(references, what: "'references' of \(what)") {
            let parts = target.utf8.contains(UInt8(ascii: ".")) ? target.split(separator: ".", omittingEmptySubsequences: false).map(String.init) : [target]
            if parts.count > 2 || parts.contains(where: \.isEmpty) {
                diagnostics.error("'references' of \(what) must be 'table' or 'table.column', found '\(target)'", at: references.location)
            } else {
                let fkName = Naming.foreignKey(table: table.name, columns: [name])
                table.foreignKeys.append(ForeignKey(
                    name: fkName, columns: [name],
                    referencedTable: parts[0], referencedColumns: parts.count == 2 ? [parts[1]] : [],
                    onDelete: value["on_delete"].flatMap { action($0, what: "'on_delete' of \(what)") },
                    onUpdate: value["on_update"].flatMap { action($0, what: "'on_update' of \(what)") }))
                Self.addAssociationNames(associationNames, foreignKey: fkName, to: &table)
            }
        } else {
            for key in ["on_delete", "on_update"] {
                if let entry = value.entry(key) {
                    diagnostics.error("'\(key)' of \(what) needs 'references'", at: entry.key.location)
                }
            }
            for key in ["association", "inverse"] {
                if let entry = value["swift"]?.entry(key) {
                    diagnostics.error("'swift.\(key)' of \(what) names an association of a foreign key; the column needs 'references'", at: entry.key.location)
                }
            }
        }
        table.columns.append(column)
        return isPrimaryKey
    }

    private mutating func parseType(_ text: String, at location: SourceLocation, what: @autoclosure () -> String) -> TypeParser.Parsed? {
        // Schemas repeat a handful of type strings thousands of times: parse each once.
        if let cached = typeCache[text] { return cached }
        switch TypeParser.parse(text) {
        case .success(let parsed):
            typeCache[text] = parsed
            return parsed
        case .failure(let error):
            diagnostics.error("invalid type of \(what()): \(error.message)", at: location)
            return nil
        }
    }

    private mutating func action(_ node: YAMLNode, what: @autoclosure () -> String) -> ReferentialAction? {
        guard let text = string(node, what: what()) else { return nil }
        // Written as stored (`cascade`, `no_action`), the text needs no normalizing.
        guard let value = ReferentialAction(rawValue: text) ?? ReferentialAction(rawValue: text.lowercased().replacingSpaces(with: "_")) else {
            let names = ReferentialAction.allCases.map(\.rawValue)
            diagnostics.error("\(what()) is '\(text)', which is not one of \(names.joined(separator: ", "))\(Suggestions.hint(for: text, in: names))", at: node.location)
            return nil
        }
        return value
    }

    // MARK: Defaults

    private mutating func decodeDefault(_ node: YAMLNode, type: ColumnType, what: @autoclosure () -> String) -> DefaultValue? {
        let takesJSON = type == .json || type.isArray
        if node.kind == .mapping {
            let keys = Set(node.pairs.map(\.key.scalar))
            let isSpecial = keys == ["sql"] || keys == ["value"] || (!keys.isEmpty && keys.isSubset(of: ["sqlite", "postgres"]))
            if takesJSON && !isSpecial { return .json(JSONValue.from(node)) }
            if !isSpecial {
                checkKeys(node, allowed: ["sql", "value", "sqlite", "postgres"], what: "in the default of \(what())")
                diagnostics.error("the default of \(what()) must be a literal, a portable function, { sql: ... }, { value: ... } or { sqlite: ..., postgres: ... }", at: node.location)
                return nil
            }
            if let sql = node["sql"] { return string(sql, what: "the SQL default of \(what())").map(DefaultValue.sql) }
            if let value = node["value"] {
                if takesJSON { return .json(JSONValue.from(value)) }
                guard value.kind == .scalar else {
                    diagnostics.error("'value' in the default of \(what()) must be a scalar, found \(value.kindDescription)", at: value.location)
                    return nil
                }
                return literal(value, functions: false)
            }
            return .perDialect(sqlite: node["sqlite"].flatMap { string($0, what: "the SQLite default of \(what())") },
                               postgres: node["postgres"].flatMap { string($0, what: "the PostgreSQL default of \(what())") })
        }
        if node.kind == .sequence {
            if takesJSON { return .json(JSONValue.from(node)) }
            diagnostics.error("the default of \(what()) is a list, but only json and array columns take one", at: node.location)
            return nil
        }
        if takesJSON {
            if node.isNull { return .null }
            return .json(JSONValue.from(node))
        }
        return literal(node, functions: true)
    }

    private func literal(_ node: YAMLNode, functions: Bool) -> DefaultValue {
        switch node.scalarValue {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let s), .float(let s): return .number(s)
        case .string(let s):
            // Every function is written with '(': other text need not be trimmed and lowercased to know it is none.
            if functions, s.utf8.contains(UInt8(ascii: "(")), let f = PortableFunction(rawValue: s.trimmingSpaces.lowercased()) { return .function(f) }
            return .string(s)
        }
    }

    // MARK: Table-level constraints

    /// `[a, b]` or `{ name: x, columns: [a, b] }`: an optional explicit name and the columns.
    private mutating func namedColumns(_ node: YAMLNode, what: @autoclosure () -> String) -> (String?, [String])? {
        switch node.kind {
        case .scalar:
            guard let column = string(node, what: what()) else { return nil }
            return (nil, [column])
        case .sequence:
            let columns = list(node, what: what()).compactMap { string($0, what: "a column of \(what())") }
            if columns.isEmpty {
                diagnostics.error("\(what()) lists no columns", at: node.location)
                return nil
            }
            return (nil, columns)
        case .mapping:
            checkKeys(node, allowed: ["name", "columns"], what: "in \(what())")
            let name = node["name"].flatMap { string($0, what: "the name of \(what())") }
            guard let columnsNode = node["columns"] else {
                diagnostics.error("\(what()) has no 'columns'", at: node.location)
                return nil
            }
            guard let (_, columns) = namedColumns(columnsNode, what: what()) else { return nil }
            return (name, columns)
        }
    }

    private mutating func decodeChecks(_ node: YAMLNode, into table: inout Table) {
        let tableName = table.name
        let what = LazyText { "'checks' of table '\(tableName)'" }
        if node.kind == .mapping {
            for (key, value) in node.pairs {
                if let expression = string(value, what: "check '\(key.scalar)' of table '\(table.name)'") {
                    table.checks.append(CheckConstraint(name: Naming.fit(key.scalar), expression: expression))
                }
            }
        } else {
            for (i, item) in list(node, what: "\(what)").enumerated() {
                if item.kind == .mapping {
                    checkKeys(item, allowed: ["name", "expr"], what: "in a check of table '\(table.name)'")
                    let name = item["name"].flatMap { string($0, what: "the name of a check") }
                    guard let expression = item["expr"].flatMap({ string($0, what: "'expr' of a check") }) else {
                        if item["expr"] == nil { diagnostics.error("a check of table '\(table.name)' has no 'expr'", at: item.location) }
                        continue
                    }
                    table.checks.append(CheckConstraint(name: name.map(Naming.fit) ?? Naming.tableCheck(table: table.name, ordinal: i + 1), expression: expression))
                } else if let expression = string(item, what: "a check of table '\(table.name)'") {
                    table.checks.append(CheckConstraint(name: Naming.tableCheck(table: table.name, ordinal: i + 1), expression: expression))
                }
            }
        }
    }

    private mutating func decodeForeignKey(_ node: YAMLNode, into table: inout Table) {
        let tableName = table.name
        let what = LazyText { "a foreign key of table '\(tableName)'" }
        guard node.kind == .mapping else {
            diagnostics.error("\(what) must be a mapping with 'columns' and 'references', found \(node.kindDescription)", at: node.location)
            return
        }
        checkKeys(node, allowed: ["name", "columns", "references", "on_delete", "on_update", "swift"], what: "in \(what)")
        guard let columnsNode = node["columns"], let (_, columns) = namedColumns(columnsNode, what: "the columns of \(what)") else {
            if node["columns"] == nil { diagnostics.error("\(what) has no 'columns'", at: node.location) }
            return
        }
        guard let references = node["references"] else {
            diagnostics.error("\(what) has no 'references'", at: node.location)
            return
        }
        var targetTable: String?
        var targetColumns: [String] = []
        if references.kind == .mapping {
            checkKeys(references, allowed: ["table", "columns"], what: "in 'references' of \(what)")
            targetTable = references["table"].flatMap { string($0, what: "the referenced table of \(what)") }
            if targetTable == nil && references["table"] == nil {
                diagnostics.error("'references' of \(what) has no 'table'", at: references.location)
            }
            if let c = references["columns"] { targetColumns = namedColumns(c, what: "the referenced columns of \(what)")?.1 ?? [] }
        } else if let text = string(references, what: "'references' of \(what)") {
            // "table(a, b)" or "table"
            if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
                targetTable = String(text[..<open]).trimmingSpaces
                targetColumns = text[text.index(after: open) ..< text.index(before: text.endIndex)]
                    .split(separator: ",").map { String($0).trimmingSpaces }
                if targetColumns.contains(where: \.isEmpty) || targetTable!.isEmpty {
                    diagnostics.error("'references' of \(what) must look like 'table(a, b)', found '\(text)'", at: references.location)
                    return
                }
            } else if TypeParser.isIdentifierLike(text) {
                targetTable = text
            } else {
                diagnostics.error("'references' of \(what) must look like 'table(a, b)', found '\(text)'", at: references.location)
                return
            }
        }
        guard let targetTable else { return }
        let name = node["name"].flatMap { string($0, what: "the name of \(what)") }
        let fkName = name.map(Naming.fit) ?? Naming.foreignKey(table: table.name, columns: columns)
        table.foreignKeys.append(ForeignKey(
            name: fkName,
            columns: columns, referencedTable: targetTable, referencedColumns: targetColumns,
            onDelete: node["on_delete"].flatMap { action($0, what: "'on_delete' of \(what)") },
            onUpdate: node["on_update"].flatMap { action($0, what: "'on_update' of \(what)") }))
        if let swift = node["swift"] {
            if swift.kind == .mapping {
                checkKeys(swift, allowed: ["association", "inverse"], what: "in 'swift' of \(what)")
                Self.addAssociationNames(decodeAssociationNames(swift, what: what.description), foreignKey: fkName, to: &table)
            } else {
                diagnostics.error("'swift' of \(what) must be a mapping { association: ..., inverse: ... }, found \(swift.kindDescription)", at: swift.location)
            }
        }
    }

    /// `swift.association` and `swift.inverse` (the Swift names of a foreign key's two associations).
    private mutating func decodeAssociationNames(_ swift: YAMLNode, what: String) -> (association: String?, inverse: String?) {
        (swift["association"].flatMap { string($0, what: "'swift.association' of \(what)") },
         swift["inverse"].flatMap { string($0, what: "'swift.inverse' of \(what)") })
    }

    private static func addAssociationNames(_ names: (association: String?, inverse: String?), foreignKey: String, to table: inout Table) {
        guard names.association != nil || names.inverse != nil else { return }
        table.swiftAssociations = (table.swiftAssociations ?? []) + [SwiftAssociationNames(foreignKey: foreignKey, association: names.association, inverse: names.inverse)]
    }

    /// An index item: `[a, b]`, `a`, or a mapping with columns/expression/where/using/unique/include/name.
    private mutating func decodeIndex(_ node: YAMLNode, owner: String, what: @autoclosure () -> String) -> Index? {
        var parts: [IndexPart] = []
        var index = Index(name: "", parts: [])
        var explicitName: String?
        let reported = diagnostics.all.count
        func addColumns(_ node: YAMLNode) {
            let items = node.kind == .sequence ? list(node, what: what()) : [node]
            for item in items {
                guard let text = string(item, what: "a column of \(what())") else { continue }
                if let part = Self.parseIndexColumn(text) {
                    parts.append(part)
                } else {
                    diagnostics.error("'\(text)' in \(what()) is not a column name with an optional ASC/DESC and NULLS FIRST/LAST; use 'expression:' for an expression", at: item.location)
                }
            }
        }
        switch node.kind {
        case .scalar, .sequence:
            addColumns(node)
        case .mapping:
            checkKeys(node, allowed: ["name", "columns", "expression", "where", "using", "unique", "include", "targets"], what: "in \(what())")
            explicitName = node["name"].flatMap { string($0, what: "the name of \(what())") }
            if let columns = node["columns"] { addColumns(columns) }
            if let expression = node["expression"] {
                let items = expression.kind == .sequence ? list(expression, what: what()) : [expression]
                for item in items {
                    if let text = string(item, what: "the expression of \(what())") { parts.append(.expression(text)) }
                }
            }
            if node["columns"] == nil && node["expression"] == nil {
                diagnostics.error("\(what()) has neither 'columns' nor 'expression'", at: node.location)
                return nil
            }
            index.predicate = node["where"].flatMap { string($0, what: "'where' of \(what())") }
            if let using = node["using"], let text = string(using, what: "'using' of \(what())") {
                if let method = IndexMethod(rawValue: text.lowercased()) {
                    index.method = method
                } else {
                    let names = IndexMethod.allCases.map(\.rawValue)
                    diagnostics.error("unknown index method '\(text)' in \(what()) (methods are \(names.joined(separator: ", ")))\(Suggestions.hint(for: text, in: names))", at: using.location)
                }
            }
            if let unique = node["unique"] { index.unique = bool(unique, what: "'unique' of \(what())") ?? false }
            if let include = node["include"] {
                index.include = list(include, what: "'include' of \(what())").compactMap { string($0, what: "a column of 'include'") }
            }
            if let targets = node["targets"] { index.targets = decodeTargets(targets, what: "'targets' of \(what())") }
        }
        if parts.isEmpty {
            // An empty list, unless its items were reported as invalid already.
            if diagnostics.all.count == reported {
                diagnostics.error("\(what()) lists no columns", at: node.location)
            }
            return nil
        }
        index.parts = parts
        index.name = explicitName.map(Naming.fit) ?? Naming.index(table: owner, parts: parts)
        return index
    }

    /// `name`, `name DESC`, `name ASC NULLS LAST`.
    static func parseIndexColumn(_ text: String) -> IndexPart? {
        // A bare column name, the common case, is one word.
        if !text.utf8.contains(UInt8(ascii: " ")) {
            return TypeParser.isIdentifierLike(text) ? .column(name: text, descending: false, nulls: nil) : nil
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first, TypeParser.isIdentifierLike(name) else { return nil }
        var rest = words.dropFirst().map { $0.uppercased() }[...]
        var descending = false
        if rest.first == "DESC" { descending = true; rest = rest.dropFirst() } else if rest.first == "ASC" { rest = rest.dropFirst() }
        var nulls: IndexPart.NullsOrder?
        if rest.count == 2, rest.first == "NULLS" {
            guard let order = IndexPart.NullsOrder(rawValue: rest.last!) else { return nil }
            nulls = order
            rest = []
        }
        return rest.isEmpty ? .column(name: name, descending: descending, nulls: nulls) : nil
    }

    /// `key` is the 'search' key: a missing part is reported there, not at the mapping's first key.
    private mutating func decodeSearch(_ node: YAMLNode, key: YAMLNode, what: @autoclosure () -> String) -> FullTextSearch? {
        if node.kind == .mapping {
            checkKeys(node, allowed: ["columns", "language"], what: "in 'search' of \(what())")
            guard let columns = node["columns"] else {
                diagnostics.error("'search' of \(what()) has no 'columns'", at: key.location)
                return nil
            }
            let names = list(columns, what: "'search.columns' of \(what())").compactMap { string($0, what: "a search column") }
            let language = node["language"].flatMap { string($0, what: "'search.language' of \(what())") } ?? "english"
            return names.isEmpty ? nil : FullTextSearch(columns: names, language: language)
        }
        let names = list(node, what: "'search' of \(what())").compactMap { string($0, what: "a search column") }
        return names.isEmpty ? nil : FullTextSearch(columns: names)
    }

    /// `key` is the 'partition' key: a missing part is reported there, not at the mapping's first key.
    private mutating func decodePartition(_ node: YAMLNode, key: YAMLNode, what: @autoclosure () -> String) -> Partition? {
        guard node.kind == .mapping else {
            diagnostics.error("'partition' of \(what()) must be a mapping with 'by' and 'columns', found \(node.kindDescription)", at: node.location)
            return nil
        }
        checkKeys(node, allowed: ["by", "columns", "partitions"], what: "in 'partition' of \(what())")
        guard let by = node["by"], let byText = string(by, what: "'partition.by' of \(what())") else {
            if node["by"] == nil { diagnostics.error("'partition' of \(what()) has no 'by'", at: key.location) }
            return nil
        }
        guard let strategy = Partition.Strategy(rawValue: byText.lowercased()) else {
            diagnostics.error("'partition.by' of \(what()) is '\(byText)'; use range, list or hash", at: by.location)
            return nil
        }
        guard let columnsNode = node["columns"], let (_, columns) = namedColumns(columnsNode, what: "'partition.columns' of \(what())") else {
            if node["columns"] == nil { diagnostics.error("'partition' of \(what()) has no 'columns'", at: key.location) }
            return nil
        }
        var parts: [Partition.Part] = []
        if let partitions = node["partitions"] {
            for (key, value) in mapping(partitions, what: "'partition.partitions' of \(what())") {
                guard let bound = string(value, what: "the bound of partition '\(key.scalar)'") else { continue }
                parts.append(Partition.Part(name: key.scalar, bound: bound.lowercased() == "default" ? nil : bound))
            }
        }
        return Partition(strategy: strategy, columns: columns, partitions: parts)
    }

    private mutating func decodeSwiftName(_ node: YAMLNode, what: @autoclosure () -> String) -> String? {
        guard node.kind == .mapping else {
            diagnostics.error("'swift' of \(what()) must be a mapping { name: ... }, found \(node.kindDescription)", at: node.location)
            return nil
        }
        checkKeys(node, allowed: ["name"], what: "in 'swift' of \(what())")
        return node["name"].flatMap { string($0, what: "'swift.name' of \(what())") }
    }

    // MARK: Triggers

    static let triggerKeys = ["timing", "events", "of", "for_each", "when", "postgres", "sqlite"]

    /// A declared trigger, its shape checked here; its columns and name are checked by the validator.
    private mutating func decodeTrigger(key: YAMLNode, value: YAMLNode, what: String) -> Trigger? {
        guard value.kind == .mapping else {
            diagnostics.error("\(what) must be a mapping with 'timing', 'events' and a body ('postgres', 'sqlite'), found \(value.kindDescription)", at: value.location)
            return nil
        }
        checkKeys(value, allowed: Self.triggerKeys, what: "in \(what)")
        let timing = value["timing"].map { choice($0, Trigger.Timing.self, what: "'timing' of \(what)") }
        if value["timing"] == nil { diagnostics.error("\(what) has no 'timing' (before or after)", at: key.location) }
        var events: [Trigger.Event] = []
        if let node = value["events"] {
            let items = list(node, what: "'events' of \(what)")
            if items.isEmpty { diagnostics.error("'events' of \(what) is empty; name one or more of insert, update, delete", at: node.location) }
            for item in items {
                guard let event = choice(item, Trigger.Event.self, what: "an event of \(what)") else { continue }
                if events.contains(event) {
                    diagnostics.error("\(what) names event '\(event.rawValue)' twice", at: item.location)
                } else {
                    events.append(event)
                }
            }
        } else {
            diagnostics.error("\(what) has no 'events' (one or more of insert, update, delete)", at: key.location)
        }
        let columns = value["of"].map { list($0, what: "'of' of \(what)").compactMap { string($0, what: "a column of 'of' of \(what)") } } ?? []
        if let of = value.entry("of"), !events.isEmpty, !events.contains(.update) {
            diagnostics.error("\(what) has 'of', which names the columns of an UPDATE, but 'events' has no update", at: of.key.location)
        }
        let level = value["for_each"].map { choice($0, Trigger.Level.self, what: "'for_each' of \(what)") } ?? .row
        let body = DialectText(sqlite: value["sqlite"].flatMap { string($0, what: "the SQLite body of \(what)") },
                               postgres: value["postgres"].flatMap { string($0, what: "the PostgreSQL body of \(what)") })
        if value["sqlite"] == nil && value["postgres"] == nil {
            diagnostics.error("\(what) has no body: give 'postgres', 'sqlite' or both (the statements between BEGIN and END)", at: key.location)
        }
        if let sqlite = value.entry("sqlite") {
            if level == .statement {
                diagnostics.error("\(what) is 'for_each: statement', which SQLite does not have (its triggers fire for each row); drop the 'sqlite' body or use 'for_each: row'", at: sqlite.key.location)
            }
            if events.count > 1 {
                diagnostics.error("\(what) fires on \(events.count) events, but a SQLite trigger fires on one; declare one trigger per event for SQLite", at: sqlite.key.location)
            }
        }
        let when = value["when"].flatMap { decodeWhen($0, what: "'when' of \(what)") }
        if let condition = value["when"], condition.kind == .mapping, value["sqlite"] != nil || value["postgres"] != nil {
            for dialect in Dialect.allCases where value[dialect.rawValue] == nil {
                guard let entry = condition.entry(dialect.rawValue) else { continue }
                diagnostics.error("'when' of \(what) has a \(dialect.rawValue) condition, but the trigger has no '\(dialect.rawValue)' body", at: entry.key.location)
            }
        }
        guard let timing = timing ?? nil, let level, !events.isEmpty else { return nil }
        return Trigger(name: key.scalar, timing: timing, events: events, columns: columns, level: level, when: when, body: body)
    }

    /// A trigger's condition: one text for every dialect, or a mapping per dialect.
    private mutating func decodeWhen(_ node: YAMLNode, what: @autoclosure () -> String) -> DialectText? {
        if node.kind == .scalar { return string(node, what: what()).map { DialectText(shared: $0) } }
        guard node.kind == .mapping else {
            diagnostics.error("\(what()) must be a string or a mapping with 'postgres' and 'sqlite', found \(node.kindDescription)", at: node.location)
            return nil
        }
        checkKeys(node, allowed: ["postgres", "sqlite"], what: "in \(what())")
        if node["sqlite"] == nil && node["postgres"] == nil { return nil }
        return DialectText(sqlite: node["sqlite"].flatMap { string($0, what: "the SQLite text of \(what())") },
                           postgres: node["postgres"].flatMap { string($0, what: "the PostgreSQL text of \(what())") })
    }

    /// One of the values of a string enum, as written (any case), or nil with a located error and hint.
    private mutating func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _: T.Type, what: @autoclosure () -> String) -> T? where T.RawValue == String {
        guard let text = string(node, what: what()) else { return nil }
        if let value = T(rawValue: text.lowercased()) { return value }
        let names = T.allCases.map(\.rawValue)
        diagnostics.error("\(what()) is '\(text)', which is not one of \(names.joined(separator: ", "))\(Suggestions.hint(for: text, in: names))", at: node.location)
        return nil
    }

    // MARK: Views and raw SQL

    private mutating func decodeView(key: YAMLNode, value: YAMLNode) {
        guard declare("view", key, value, in: \.views) else { return }
        let what = LazyText { "view '\(key.scalar)'" }
        if value.kind == .scalar, let sql = string(value, what: "the SQL of \(what)") {
            schema.views.append(View(name: key.scalar, sql: DialectText(shared: sql)))
            return
        }
        guard value.kind == .mapping else {
            diagnostics.error("\(what) must be a mapping with 'sql', found \(value.kindDescription)", at: value.location)
            return
        }
        checkKeys(value, allowed: ["sql", "sqlite", "postgres", "materialized", "indexes", "comment", "renamed_from", "targets"], what: "in \(what)")
        var text: DialectText
        if let shared = value.entry("sql") {
            text = DialectText(shared: string(shared.value, what: "the SQL of \(what)") ?? "")
            for key in ["sqlite", "postgres"] {
                if let entry = value.entry(key) {
                    diagnostics.error("\(what) has both 'sql' and '\(key)'; use 'sql' alone or one entry per dialect", at: entry.key.location)
                }
            }
        } else {
            text = DialectText(sqlite: value["sqlite"].flatMap { string($0, what: "the SQLite SQL of \(what)") },
                               postgres: value["postgres"].flatMap { string($0, what: "the PostgreSQL SQL of \(what)") })
            if value["sqlite"] == nil && value["postgres"] == nil {
                diagnostics.error("\(what) has no SQL: give 'sql', or 'sqlite' and 'postgres'", at: key.location)
            }
        }
        var view = View(name: key.scalar, sql: text)
        if let m = value["materialized"] { view.materialized = bool(m, what: "'materialized' of \(what)") ?? false }
        if let indexes = value["indexes"] {
            for item in list(indexes, what: "'indexes' of \(what)") {
                if let index = decodeIndex(item, owner: key.scalar, what: "an index of \(what)") { view.indexes.append(index) }
            }
        }
        view.comment = value["comment"].flatMap { string($0, what: "the comment of \(what)") }
        view.renamedFrom = value["renamed_from"].flatMap { string($0, what: "'renamed_from' of \(what)") }
        if let targets = value["targets"] { view.targets = decodeTargets(targets, what: "'targets' of \(what)") }
        schema.views.append(view)
    }

    private mutating func decodeRawSQL(_ node: YAMLNode) {
        guard node.kind == .mapping else {
            diagnostics.error("'sql' must be a mapping of dialect to a list of blocks, found \(node.kindDescription)", at: node.location)
            return
        }
        for (key, value) in node.pairs {
            guard let dialect = Dialect(rawValue: key.scalar) else {
                diagnostics.error("unknown dialect '\(key.scalar)' in 'sql' (dialects are sqlite and postgres)\(Suggestions.hint(for: key.scalar, in: Dialect.allCases.map(\.rawValue)))", at: key.location)
                continue
            }
            for item in list(value, what: "'sql.\(dialect.rawValue)'") {
                guard item.kind == .mapping else {
                    diagnostics.error("a block of 'sql.\(dialect.rawValue)' must be a mapping with 'name' and 'up', found \(item.kindDescription)", at: item.location)
                    continue
                }
                checkKeys(item, allowed: ["name", "up", "down"], what: "in a block of 'sql.\(dialect.rawValue)'")
                guard let nameEntry = item.entry("name"), let name = string(nameEntry.value, what: "the name of a SQL block") else {
                    if item["name"] == nil { diagnostics.error("a block of 'sql.\(dialect.rawValue)' has no 'name'", at: item.location) }
                    continue
                }
                guard let up = item["up"].flatMap({ string($0, what: "'up' of SQL block '\(name)'") }) else {
                    if item["up"] == nil { diagnostics.error("SQL block '\(name)' has no 'up'", at: item.location) }
                    continue
                }
                let mapKey = "\(dialect.rawValue).\(name)"
                if let first = sourceMap.rawSQL[mapKey] {
                    let l = first.key.location
                    diagnostics.error("SQL block '\(name)' for \(dialect.rawValue) is declared twice; first at \(l.file):\(l.line):\(l.column)", at: nameEntry.value.location)
                    continue
                }
                sourceMap.rawSQL[mapKey] = SourceMap.Entry(key: nameEntry.value, value: item)
                schema.rawSQL.append(RawSQL(dialect: dialect, name: name, up: up,
                                            down: item["down"].flatMap { string($0, what: "'down' of SQL block '\(name)'") }))
            }
        }
    }

    // MARK: Node helpers

    /// Reports keys of `node` that are not in `allowed`, with a "did you mean" hint.
    private mutating func checkKeys(_ node: YAMLNode, allowed: [String], what: @autoclosure () -> String) {
        var i = 0
        node.forEachKey { key in
            defer { i += 1 }
            let name = key.scalar
            let length = name.utf8.count
            // Lengths first: most allowed keys differ in length from the one at hand.
            if !allowed.contains(where: { $0.utf8.count == length && $0 == name }) {
                if reportCommaCut(node, after: i - 1, what: what()) { return }
                diagnostics.error("unknown key '\(name)' \(what())\(Suggestions.hint(for: name, in: allowed))", at: key.location)
            }
        }
    }

    /// Reports pair `i` of a flow mapping whose value an unquoted ',' cut (see `YAMLNode.commaRemnant`),
    /// at the value, with the quoted text to write. Returns whether it did: the remnant key is then
    /// explained and must not be reported again, nor the cut value parsed.
    private mutating func reportCommaCut(_ node: YAMLNode, after i: Int, what: @autoclosure () -> String) -> Bool {
        guard let remnant = node.commaRemnant(after: i) else { return false }
        let (key, value) = node.pair(i)
        diagnostics.error("'\(key.scalar)' \(what()) is cut at a ',': in a flow mapping `{ ... }` an unquoted ',' ends a value, and '\(remnant.key.scalar)' became a key; quote the value: '\(key.scalar): \"\(remnant.meant)\"'", at: value.location)
        return true
    }

    private mutating func mapping(_ node: YAMLNode, what: @autoclosure () -> String) -> [(key: YAMLNode, value: YAMLNode)] {
        if node.kind == .mapping { return node.pairs }
        if node.kind == .scalar, node.isNull { return [] }
        diagnostics.error("\(what()) must be a mapping, found \(node.kindDescription)", at: node.location)
        return []
    }

    private mutating func list(_ node: YAMLNode, what: @autoclosure () -> String) -> [YAMLNode] {
        if node.kind == .sequence { return node.items }
        if node.kind == .scalar, node.isNull { return [] }
        diagnostics.error("\(what()) must be a list, found \(node.kindDescription)", at: node.location)
        return []
    }

    /// A non-empty scalar's text.
    private mutating func string(_ node: YAMLNode, what: @autoclosure () -> String) -> String? {
        guard node.kind == .scalar else {
            diagnostics.error("\(what()) must be a string, found \(node.kindDescription)", at: node.location)
            return nil
        }
        if node.isNull {
            diagnostics.error("\(what()) is empty", at: node.location)
            return nil
        }
        return node.scalar
    }

    private mutating func bool(_ node: YAMLNode, what: @autoclosure () -> String) -> Bool? {
        if node.kind == .scalar, case .bool(let b) = node.scalarValue { return b }
        diagnostics.error("\(what()) must be true or false, found \(node.kindDescription)", at: node.location)
        return nil
    }
}

extension String {
    func replacingSpaces(with replacement: String) -> String {
        split(separator: " ", omittingEmptySubsequences: true).joined(separator: replacement)
    }
}

