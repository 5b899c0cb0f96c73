/// Renders a model back to `schema.yaml` text in the contract's format (docs/schema-dsl.md): what
/// `schemagen inspect` prints. A pure function of the model, so the same database gives the same file.
///
/// Shorthand where it fits (a column that is only a type, an index that is only columns with the
/// derived name), names written only where they differ from the derived ones, declaration order kept
/// (the order the inspector read the catalog in, which it sorts). Decoding the text gives back the
/// same model for everything the inspectors produce.
public struct SchemaYAMLWriter: Sendable {
    private var out = ""

    public static func render(_ schema: Schema) -> String {
        var writer = SchemaYAMLWriter()
        writer.write(schema)
        return writer.out
    }

    // MARK: Top level

    private mutating func write(_ schema: Schema) {
        line(0, "schemagen: 1")
        if let name = schema.name { line(0, "name: \(Self.scalar(name))") }
        if schema.targets != Dialect.allCases { line(0, "targets: \(Self.flowList(schema.targets.map(\.rawValue)))") }
        if schema.postgresSchema != nil || !schema.extensions.isEmpty || schema.tenantSetting != nil {
            line(0, "postgres:")
            if let namespace = schema.postgresSchema { line(1, "schema: \(Self.scalar(namespace))") }
            if !schema.extensions.isEmpty { line(1, "extensions: \(Self.flowList(schema.extensions))") }
            if let setting = schema.tenantSetting { line(1, "tenant_setting: \(Self.scalar(setting))") }
        }
        if !schema.enums.isEmpty {
            line(0, "enums:")
            for e in schema.enums { writeEnum(e) }
        }
        if !schema.tables.isEmpty {
            line(0, "tables:")
            for table in schema.tables { writeTable(table) }
        }
        if !schema.views.isEmpty {
            line(0, "views:")
            for view in schema.views { writeView(view) }
        }
        writeRawSQL(schema.rawSQL)
    }

    private mutating func writeEnum(_ e: EnumType) {
        guard let comment = e.comment else {
            line(1, "\(Self.scalar(e.name)): \(Self.flowList(e.values))")
            return
        }
        line(1, "\(Self.scalar(e.name)):")
        line(2, "values: \(Self.flowList(e.values))")
        block(2, "comment", comment)
    }

    // MARK: Tables

    private mutating func writeTable(_ table: Table) {
        line(1, "\(Self.scalar(table.name)):")
        if let comment = table.comment { block(2, "comment", comment) }
        line(2, "columns:")
        for column in table.columns { line(3, "\(Self.scalar(column.name)): \(Self.column(column))") }
        if let pk = table.primaryKey {
            line(2, "primary_key: \(Self.namedColumns(pk.name, pk.columns, derived: Naming.primaryKey(table: table.name)))")
        }
        if !table.uniques.isEmpty {
            line(2, "unique:")
            for u in table.uniques {
                line(3, "- \(Self.namedColumns(u.name, u.columns, derived: Naming.unique(table: table.name, columns: u.columns)))")
            }
        }
        if !table.checks.isEmpty {
            line(2, "checks:")
            for check in table.checks { line(3, "\(Self.scalar(check.name)): \(Self.scalar(check.expression))") }
        }
        if !table.foreignKeys.isEmpty {
            line(2, "foreign_keys:")
            for fk in table.foreignKeys { line(3, "- \(Self.foreignKey(fk, table: table.name))") }
        }
        if !table.indexes.isEmpty {
            line(2, "indexes:")
            for index in table.indexes { line(3, "- \(Self.index(index, owner: table.name))") }
        }
        if let search = table.search {
            line(2, "search: { columns: \(Self.flowList(search.columns)), language: \(Self.scalar(search.language)) }")
        }
        if let partition = table.partition { writePartition(partition) }
        if table.strict { line(2, "strict: true") }
        if let tenant = table.tenant { line(2, "tenant: \(Self.scalar(tenant))") }
        if let targets = table.targets { line(2, "targets: \(Self.flowList(targets.map(\.rawValue)))") }
        if let triggers = table.triggers {
            line(2, "triggers:")
            for trigger in triggers { writeTrigger(trigger) }
        }
    }

    /// A declared trigger, every key it has that is not the default (`for_each: row`).
    private mutating func writeTrigger(_ trigger: Trigger) {
        line(3, "\(Self.scalar(trigger.name)):")
        line(4, "timing: \(trigger.timing.rawValue)")
        line(4, "events: \(Self.flowList(trigger.events.map(\.rawValue)))")
        if !trigger.columns.isEmpty { line(4, "of: \(Self.flowList(trigger.columns))") }
        if trigger.level != .row { line(4, "for_each: \(trigger.level.rawValue)") }
        if let when = trigger.when {
            if when.sqlite == when.postgres, let shared = when.sqlite {
                block(4, "when", shared)
            } else {
                line(4, "when:")
                if let postgres = when.postgres { block(5, "postgres", postgres) }
                if let sqlite = when.sqlite { block(5, "sqlite", sqlite) }
            }
        }
        if let postgres = trigger.body.postgres { block(4, "postgres", postgres) }
        if let sqlite = trigger.body.sqlite { block(4, "sqlite", sqlite) }
    }

    private mutating func writePartition(_ partition: Partition) {
        line(2, "partition:")
        line(3, "by: \(partition.strategy.rawValue)")
        line(3, "columns: \(Self.flowList(partition.columns))")
        guard !partition.partitions.isEmpty else { return }
        line(3, "partitions:")
        for part in partition.partitions { line(4, "\(Self.scalar(part.name)): \(part.bound.map(Self.scalar) ?? "default")") }
    }

    /// `type` alone, or a flow mapping with the column's other keys.
    static func column(_ column: Column) -> String {
        let type: String
        if case let .custom(sqlite, postgres, swift) = column.type {
            var parts: [String] = []
            if let sqlite { parts.append("sqlite: \(scalar(sqlite))") }
            if let postgres { parts.append("postgres: \(scalar(postgres))") }
            if let swift { parts.append("swift: \(scalar(swift))") }
            type = "{ \(parts.joined(separator: ", ")) }"
        } else {
            type = scalar(column.type.spelling + (column.nullable ? "?" : ""))
        }
        var keys: [String] = []
        if let d = column.defaultValue { keys.append("default: \(defaultValue(d))") }
        if let g = column.generated { keys.append("generated: { expr: \(scalar(g.expression)), stored: \(g.stored) }") }
        if column.autoUpdate { keys.append("auto_update: true") }
        if let comment = column.comment { keys.append("comment: \(scalar(comment))") }
        if keys.isEmpty, !column.type.isCustom { return type }
        var all = ["type: \(type)"]
        if column.type.isCustom { all.append("nullable: \(column.nullable)") }
        return "{ \((all + keys).joined(separator: ", ")) }"
    }

    static func defaultValue(_ value: DefaultValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s):
            // A string that would read as a function, number, bool or null keeps its type through `value:`.
            if PortableFunction(rawValue: s.trimmingSpaces.lowercased()) != nil || YAMLNode.resolvePlain(s) != .string(s) {
                return "{ value: \(quoted(s)) }"
            }
            return scalar(s)
        case .json(let json):
            // JSON text is a YAML flow node; a JSON string that would read as a function goes through `value:`.
            if case .string = json { return "{ value: \(json.text) }" }
            return json.text
        case .function(let f): return f.rawValue
        case .sql(let sql): return "{ sql: \(scalar(sql)) }"
        case let .perDialect(sqlite, postgres):
            let parts = [sqlite.map { "sqlite: \(scalar($0))" }, postgres.map { "postgres: \(scalar($0))" }].compactMap { $0 }
            return "{ \(parts.joined(separator: ", ")) }"
        }
    }

    /// `[a, b]` under the derived name, else `{ name: x, columns: [a, b] }`.
    static func namedColumns(_ name: String, _ columns: [String], derived: String) -> String {
        name == derived ? flowList(columns) : "{ name: \(scalar(name)), columns: \(flowList(columns)) }"
    }

    static func foreignKey(_ fk: ForeignKey, table: String) -> String {
        var keys: [String] = []
        if fk.name != Naming.foreignKey(table: table, columns: fk.columns) { keys.append("name: \(scalar(fk.name))") }
        keys.append("columns: \(flowList(fk.columns))")
        keys.append("references: { table: \(scalar(fk.referencedTable)), columns: \(flowList(fk.referencedColumns)) }")
        if let action = fk.onDelete { keys.append("on_delete: \(action.rawValue)") }
        if let action = fk.onUpdate { keys.append("on_update: \(action.rawValue)") }
        return "{ \(keys.joined(separator: ", ")) }"
    }

    /// The format lists an index's columns before its expressions: the inspectors keep an index whose
    /// expressions come first as raw SQL, so the parts here are always in that order.
    static func index(_ index: Index, owner: String) -> String {
        let columns = index.parts.compactMap { part -> String? in
            guard case let .column(name, descending, nulls) = part else { return nil }
            return name + (descending ? " DESC" : "") + (nulls.map { " NULLS \($0.rawValue)" } ?? "")
        }
        let expressions = index.parts.compactMap { part -> String? in
            if case .expression(let e) = part { return e }
            return nil
        }
        let derived = index.name == Naming.index(table: owner, parts: index.parts)
        if derived, expressions.isEmpty, !index.unique, index.predicate == nil, index.method == nil, index.include.isEmpty, index.targets == nil {
            return flowList(columns)
        }
        var keys: [String] = []
        if !derived { keys.append("name: \(scalar(index.name))") }
        if !columns.isEmpty { keys.append("columns: \(flowList(columns))") }
        if !expressions.isEmpty { keys.append("expression: \(flowList(expressions))") }
        if index.unique { keys.append("unique: true") }
        if let predicate = index.predicate { keys.append("where: \(scalar(predicate))") }
        if let method = index.method { keys.append("using: \(method.rawValue)") }
        if !index.include.isEmpty { keys.append("include: \(flowList(index.include))") }
        if let targets = index.targets { keys.append("targets: \(flowList(targets.map(\.rawValue)))") }
        return "{ \(keys.joined(separator: ", ")) }"
    }

    // MARK: Views and raw SQL

    private mutating func writeView(_ view: View) {
        line(1, "\(Self.scalar(view.name)):")
        if view.sql.sqlite == view.sql.postgres, let shared = view.sql.sqlite {
            block(2, "sql", shared)
        } else {
            if let sqlite = view.sql.sqlite { block(2, "sqlite", sqlite) }
            if let postgres = view.sql.postgres { block(2, "postgres", postgres) }
        }
        if view.materialized { line(2, "materialized: true") }
        if let targets = view.targets { line(2, "targets: \(Self.flowList(targets.map(\.rawValue)))") }
        if !view.indexes.isEmpty {
            line(2, "indexes:")
            for index in view.indexes { line(3, "- \(Self.index(index, owner: view.name))") }
        }
        if let comment = view.comment { block(2, "comment", comment) }
    }

    private mutating func writeRawSQL(_ blocks: [RawSQL]) {
        guard !blocks.isEmpty else { return }
        line(0, "sql:")
        for dialect in Dialect.allCases {
            let mine = blocks.filter { $0.dialect == dialect }
            guard !mine.isEmpty else { continue }
            line(1, "\(dialect.rawValue):")
            for raw in mine {
                line(2, "- name: \(Self.scalar(raw.name))")
                block(3, "up", raw.up)
                if let down = raw.down { block(3, "down", down) }
            }
        }
    }

    // MARK: Scalars

    private mutating func line(_ depth: Int, _ text: String) {
        out += String(repeating: "  ", count: depth)
        out += text
        out += "\n"
    }

    /// `key: value`; a multi-line value as a literal block (`|-`) when it reads back exactly, else quoted.
    private mutating func block(_ depth: Int, _ key: String, _ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let literal = lines.count > 1 && !text.hasSuffix("\n") && lines.first.map { !$0.hasPrefix(" ") && !$0.isEmpty } == true
            && lines.allSatisfy { !$0.hasSuffix(" ") && !$0.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" } }
        guard literal else {
            line(depth, "\(key): \(Self.scalar(text))")
            return
        }
        line(depth, "\(key): |-")
        let indent = String(repeating: "  ", count: depth + 1)
        for l in lines { out += l.isEmpty ? "\n" : indent + l + "\n" }
    }

    /// A plain scalar when it is a word that reads back as the same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        let word = !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        return word && YAMLNode.resolvePlain(text) == .string(text) ? text : quoted(text)
    }

    /// A YAML double-quoted scalar: JSON's string escapes, which YAML reads the same, plus the characters
    /// YAML does not take unescaped (DEL, the C1 controls, the byte order mark, U+2028 and U+2029).
    static func quoted(_ text: String) -> String {
        var s = ""
        JSONValue.quote(text, into: &s) { c in
            c.value == 0x7F || (0x80..<0xA0).contains(c.value) || c.value == 0xFEFF || c.value == 0x2028 || c.value == 0x2029
        }
        return s
    }

    /// Whether an index's `columns:` can name the column (else the inspector writes it as an expression).
    public static func canNameIndexColumn(_ name: String) -> Bool { TypeParser.isIdentifierLike(name) }

    static func flowList(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }
}

extension ColumnType {
    public var isCustom: Bool {
        if case .custom = self { return true }
        return false
    }
}
