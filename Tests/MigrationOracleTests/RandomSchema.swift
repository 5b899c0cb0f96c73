import DatabaseTestSupport
import SchemagenCore
import SchemagenTestSupport

/// The schema a random test case is built from: simpler than the model, easy
/// to edit, and rendered to YAML so that every case also goes through the front end.
struct GenSchema {
    struct Column {
        var name: String
        var type: String
        var nullable = false
        /// A YAML default as written after `default:`.
        var defaultYAML: String?
        var references: (table: String, onDelete: String)?
        /// `on_update: cascade` on the reference.
        var cascadesUpdates = false
        /// Another `on_update` action (`FormGenerator`), instead of `cascadesUpdates`.
        var onUpdate: String?
        var autoUpdate = false
        var comment: String?
        var renamedFrom: String?
        /// A generated column's expression.
        var generated: String?
        /// A virtual (not stored) generated column: SQLite's VIRTUAL; PostgreSQL 15 stores it.
        var virtual = false
    }

    struct Index {
        var columns: [String]
        var unique = false
        var predicate: String?
        /// Rendered as the expression `lower(<column>)` over its one column.
        var lowercased = false
        /// An index method (`using:`); `hash` is PostgreSQL-only, left out of SQLite with a note.
        var using: String?
        /// Covering columns (`include:`), PostgreSQL-only.
        var include: [String] = []
        /// The one dialect the index is for (`targets:`), or nil for its table's.
        var targets: String?
        /// An explicit name (`FormGenerator`), or nil for the derived one.
        var name: String?

        /// Every column the index reads: key columns (without ASC/DESC/NULLS) and covering ones.
        var readColumns: [String] { columns.map { String($0.split(separator: " ")[0]) } + include }
    }

    struct Table {
        var name: String
        var renamedFrom: String?
        var columns: [Column]
        var indexes: [Index] = []
        var uniques: [[String]] = []
        var checks: [(name: String, expression: String)] = []
        var search: [String]?
        var comment: String?
        var strict = false
        /// PostgreSQL: partitioned by `partitionBy` (range, list or hash) of `id` (an int), with these
        /// partitions (name, bound).
        var partitions: [(name: String, bound: String)]?
        var partitionBy = "range"
        /// Table-level foreign keys of two columns, to a two-column unique key of an earlier table.
        var foreignKeys: [(columns: [String], table: String, referenced: [String])] = []
        /// The one dialect the table is for (`targets:`), or nil for the schema's.
        var targets: String?
        /// The tenant column (`tenant:`).
        var tenant: String?
        /// The search's language, when not the default (english).
        var searchLanguage: String?
        /// The primary key when it is not `id` alone (`KeyGenerator`): a table-level key of these
        /// columns, or none at all when empty.
        var primaryKey: [String]?
        /// Explicit names (`FormGenerator`): of the table-level primary key, and of unique keys by their columns.
        var primaryKeyName: String?
        var uniqueNames: [[String]: String] = [:]
        /// Single-column unique keys written at their column (`unique: true`) rather than in `unique:`.
        var columnUniques: Set<String> = []
        /// Declared triggers (`TriggerGenerator`).
        var triggers: [GenTrigger] = []

        /// Whether the unique key is written at its column.
        func atColumn(_ u: [String]) -> Bool { u.count == 1 && columnUniques.contains(u[0]) && uniqueNames[u] == nil }

        /// Whether the column is in the primary key.
        func inPrimaryKey(_ c: Column) -> Bool { primaryKey.map { $0.contains(c.name) } ?? (c.name == "id") }

        func exists(in dialect: Dialect) -> Bool { targets.map { $0 == dialect.rawValue } ?? true }

        /// Whether a foreign key (of a column or of the table) holds the column.
        func inForeignKey(_ c: Column) -> Bool { c.references != nil || foreignKeys.contains { $0.columns.contains(c.name) } }
    }

    struct View {
        var name: String
        var sql: String
        var materialized = false
        var renamedFrom: String?
        var comment: String?

        /// Whether the view's query reads `name` (a table, a view or a column).
        func reads(_ name: String) -> Bool { sql.contains(" \(name)") || sql.contains("\(name),") }
    }

    /// The settings a user can turn besides tables: the PostgreSQL namespace and extensions, the
    /// targets, the Swift name.
    var namespace: String?
    var extensions: [String] = []
    /// `postgres.tenant_setting`; nil for the default.
    var tenantSetting: String?
    var targets: [String]?
    var name: String?
    /// The last table is declared in an included file (`module.yaml`), as split projects do.
    var includesLastTable = false

    /// Enums, each with its renamed values (new label → old label).
    var enums: [(name: String, values: [String], renamedFrom: [String: String])] = []
    var tables: [Table] = []
    var views: [View] = []
    var raw: [(name: String, up: String, down: String)] = []

    func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    /// Column types passed through per dialect (`{ sqlite: X, postgres: Y }`), by the name the generator uses.
    static let customTypes = ["custom20": "type: { sqlite: TEXT, postgres: \"VARCHAR(20)\", swift: String }"]

    /// Whether the last table goes to `module.yaml` (a root file keeps at least one table).
    var splits: Bool { includesLastTable && tables.count >= 2 }

    /// The included file, when the schema is split.
    var files: [String: String] {
        guard splits, let last = tables.last else { return [:] }
        var y = "schemagen: 1\ntables:\n"
        render(last, into: &y)
        return ["module.yaml": y]
    }

    var yaml: String {
        var y = "schemagen: 1\n"
        if let n = name { y += "name: \(n)\n" }
        if splits { y += "include: [module.yaml]\n" }
        if let t = targets { y += "targets: [\(t.joined(separator: ", "))]\n" }
        if namespace != nil || !extensions.isEmpty || tenantSetting != nil {
            y += "postgres:\n"
            if let ns = namespace { y += "  schema: \"\(ns)\"\n" }
            if !extensions.isEmpty { y += "  extensions: [\(extensions.joined(separator: ", "))]\n" }
            if let setting = tenantSetting { y += "  tenant_setting: \(setting)\n" }
        }
        if !enums.isEmpty {
            y += "enums:\n"
            for e in enums {
                let values = e.values.map { v in e.renamedFrom[v].map { "{ name: \(v), renamed_from: \($0) }" } ?? v }
                y += "  \(e.name): [\(values.joined(separator: ", "))]\n"
            }
        }
        y += "tables:\n"
        for t in splits ? Array(tables.dropLast()) : tables { render(t, into: &y) }
        renderViewsAndRaw(into: &y)
        return y
    }

    func render(_ t: Table, into y: inout String) {
        y += "  \(t.name):\n"
        if let r = t.renamedFrom { y += "    renamed_from: \(r)\n" }
        if let c = t.comment { y += "    comment: \"\(c)\"\n" }
        if t.strict { y += "    strict: true\n" }
        if let d = t.targets { y += "    targets: [\(d)]\n" }
        if let tenant = t.tenant { y += "    tenant: \(tenant)\n" }
        y += "    columns:\n"
        for c in t.columns {
            var parts = GenSchema.customTypes[c.type].map { [$0] + (c.nullable ? ["nullable: true"] : []) } ?? ["type: \"\(c.type)\(c.nullable ? "?" : "")\""]
            if c.name == "id" && t.primaryKey == nil { parts.append("primary_key: true") }
            if let d = c.defaultYAML { parts.append("default: \(d)") }
            if let r = c.references { parts.append("references: \(r.table)"); parts.append("on_delete: \(r.onDelete)") }
            if let action = c.onUpdate { parts.append("on_update: \(action)") } else if c.cascadesUpdates { parts.append("on_update: cascade") }
            if t.atColumn([c.name]) && t.uniques.contains([c.name]) { parts.append("unique: true") }
            if c.autoUpdate { parts.append("auto_update: true") }
            if let cm = c.comment { parts.append("comment: \"\(cm)\"") }
            if let r = c.renamedFrom { parts.append("renamed_from: \(r)") }
            if let g = c.generated { parts.append("generated: { expr: \"\(g)\", stored: \(!c.virtual) }") }
            y += "      \(c.name): { \(parts.joined(separator: ", ")) }\n"
        }
        if let key = t.primaryKey, !key.isEmpty {
            let columns = "[\(key.joined(separator: ", "))]"
            y += "    primary_key: " + (t.primaryKeyName.map { "{ name: \($0), columns: \(columns) }" } ?? columns) + "\n"
        }
        if !t.foreignKeys.isEmpty {
            y += "    foreign_keys:\n"
            for fk in t.foreignKeys {
                y += "      - { columns: [\(fk.columns.joined(separator: ", "))], references: { table: \(fk.table), columns: [\(fk.referenced.joined(separator: ", "))] }, on_delete: cascade }\n"
            }
        }
        let tableUniques = t.uniques.filter { !t.atColumn($0) }
        if !tableUniques.isEmpty {
            y += "    unique:\n"
            for u in tableUniques {
                let columns = "[\(u.joined(separator: ", "))]"
                y += "      - " + (t.uniqueNames[u].map { "{ name: \($0), columns: \(columns) }" } ?? columns) + "\n"
            }
        }
        if !t.checks.isEmpty {
            y += "    checks:\n"
            for c in t.checks { y += "      \(c.name): \"\(c.expression)\"\n" }
        }
        if !t.indexes.isEmpty {
            y += "    indexes:\n"
            for i in t.indexes {
                var parts = i.lowercased ? ["expression: \"lower(\(i.columns[0]))\""] : ["columns: [\(i.columns.map { "\"\($0)\"" }.joined(separator: ", "))]"]
                if let n = i.name { parts.insert("name: \(n)", at: 0) }
                if i.unique { parts.append("unique: true") }
                if let p = i.predicate { parts.append("where: \"\(p)\"") }
                if let u = i.using { parts.append("using: \(u)") }
                if !i.include.isEmpty { parts.append("include: [\(i.include.joined(separator: ", "))]") }
                if let d = i.targets { parts.append("targets: [\(d)]") }
                y += "      - { \(parts.joined(separator: ", ")) }\n"
            }
        }
        if let s = t.search {
            let columns = "[\(s.joined(separator: ", "))]"
            y += t.searchLanguage.map { "    search: { columns: \(columns), language: \($0) }\n" } ?? "    search: \(columns)\n"
        }
        if let parts = t.partitions {
            y += "    partition:\n      by: \(t.partitionBy)\n      columns: [id]\n      partitions:\n"
            for p in parts { y += "        \(p.name): \(p.bound)\n" }
        }
        if !t.triggers.isEmpty {
            y += "    triggers:\n"
            for g in t.triggers { g.render(table: t.name, into: &y) }
        }
    }

    func renderViewsAndRaw(into y: inout String) {
        if !views.isEmpty {
            y += "views:\n"
            for v in views {
                y += "  \(v.name):\n    sql: \"\(v.sql)\"\n" + (v.materialized ? "    materialized: true\n" : "")
                if let r = v.renamedFrom { y += "    renamed_from: \(r)\n" }
                if let c = v.comment { y += "    comment: \"\(c)\"\n" }
            }
        }
        if !raw.isEmpty {
            y += "sql:\n"
            for dialect in ["sqlite", "postgres"] {
                y += "  \(dialect):\n"
                for r in raw { y += "    - { name: \(r.name), up: \"\(r.up)\", down: \"\(r.down)\" }\n" }
            }
        }
    }
}

/// Draws random schemas and random edits of them, covering every kind of change the differ knows.
/// (`TenancyGenerator`, `KeyGenerator`, `FormGenerator` and `TriggerGenerator` add tenancy, primary
/// keys, the ways keys are written, and declared triggers.) Not drawn yet: triggers on partitioned
/// tables; a foreign key to a unique index; `swift:` names and types (no effect on the SQL); column-level `check:`; decimal without precision, other
/// `string(n)` lengths and array types; defaults on time and bytes, `{ value: }` and nested JSON
/// defaults; generated columns over non-integers; type changes across families; per-dialect view
/// or raw SQL; indexes on materialized views; enum value reordering; a second extension; a
/// `targets` edit on a table; list and hash partitions added or removed by an edit.
struct SchemaGenerator {
    var rng: SeededRandom
    /// Tables a reference pointed at before this pair's edits removed it: dropping one would leave
    /// the down migration rows whose parent cannot come back.
    var formerlyReferenced = Set<String>()

    static let scalarTypes = ["text", "string(40)", "int", "bigint", "smallint", "bool", "double", "decimal(10,2)",
                              "timestamp", "date", "json", "[text]", "[int]", "uuid", "real", "time", "datetime", "bytes", "unixtime", "custom20", "char(8)"]

    /// Namespaces as users write them: plain, one that needs quoting, one that is a key word.
    static let namespaces = ["app", "Tenant Data", "order"]

    mutating func schema() -> GenSchema {
        var s = GenSchema()
        if rng.chance(0.35) {
            s.namespace = rng.pick(Self.namespaces)
            if rng.chance(0.3) { s.extensions = ["pg_trgm"] }
        }
        if rng.chance(0.15) { s.targets = [rng.pick(["sqlite", "postgres"])] }
        if rng.chance(0.2) { s.name = "Oracle" }
        s.includesLastTable = rng.chance(0.2)
        for i in 0 ..< rng.int(0 ... 2) {
            s.enums.append(("mood\(i)", ["calm", "busy", "away", "gone"].prefix(rng.int(2 ... 4)).map { $0 }, [:]))
        }
        for i in 0 ..< rng.int(2 ... 4) {
            var t = GenSchema.Table(name: "t\(i)", columns: [])
            let idType = rng.pick(["uuid", "bigserial", "serial", "int"])
            t.columns.append(.init(name: "id", type: idType, defaultYAML: idType == "uuid" ? "uuid()" : nil))
            // A reference to an earlier table, or (sometimes) to the table itself.
            let selfReference = rng.chance(0.1)
            if selfReference || i > 0 && rng.chance(0.7) {
                let parent = selfReference ? t.name : "t\(rng.int(0 ... i - 1))"
                let parentType = selfReference ? idType : s.table(parent)!.columns[0].type
                let fkType = Self.referencingType(parentType)
                let action = rng.pick(["cascade", "set_null", "restrict", "no_action"])
                t.columns.append(.init(name: "parent_id", type: fkType, nullable: true, references: (parent, action), cascadesUpdates: rng.chance(0.2)))
            }
            for j in 0 ..< rng.int(1 ... 4) { t.columns.append(column(named: "c\(j)", in: s)) }
            if rng.chance(0.5) { referenceTwoColumnKey(&t, in: s) }
            if rng.chance(0.4) {
                let type = rng.pick(["timestamp", "timestamp", "datetime", "unixtime"])
                t.columns.append(.init(name: "updated_at", type: type, defaultYAML: type == "unixtime" ? "unixepoch()" : "now()", autoUpdate: true))
            }
            if rng.chance(0.25), let c = t.columns.first(where: { ["smallint", "int"].contains($0.type) && $0.name != "id" && !t.inForeignKey($0) }) {
                t.columns.append(.init(name: "g0", type: "bigint", nullable: true, generated: "\(c.name) * 2", virtual: rng.chance(0.3)))
            }
            if idType == "int" && rng.chance(0.15) { partition(&t, index: i) }
            addIndexOrConstraint(&t)
            // Full-text search over one or two text columns, sometimes in another language.
            let texts = t.columns.filter { $0.type == "text" || $0.type == "string(40)" }.map(\.name)
            if rng.chance(0.3), !texts.isEmpty {
                t.search = Array(texts.prefix(rng.int(1 ... 2)))
                if rng.chance(0.3) { t.searchLanguage = "simple" }
            }
            if rng.chance(0.2) { t.comment = "table \(i)" }
            s.tables.append(t)
        }
        if rng.chance(0.5) { s.views.append(view(over: s.tables[0], name: "v0")) }
        // A view over a view.
        if !s.views.isEmpty && rng.chance(0.3) { s.views.append(.init(name: "v2", sql: "SELECT id FROM v0 WHERE id IS NOT NULL")) }
        // A table for one dialect only: one that nothing references or reads.
        if s.targets == nil && rng.chance(0.2), let i = s.tables.indices.last(where: { i in !isReferenced(s.tables[i].name, in: s) }) {
            s.tables[i].targets = rng.pick(["sqlite", "postgres"])
        }
        return s
    }

    /// Whether another table's foreign key or a view names the table.
    func isReferenced(_ name: String, in s: GenSchema) -> Bool {
        s.tables.contains { t in t.name != name && (t.columns.contains { $0.references?.table == name } || t.foreignKeys.contains { $0.table == name }) }
            || s.views.contains { $0.reads(name) }
    }

    /// A foreign key of two columns to the first two-column unique key of an earlier table, if any.
    mutating func referenceTwoColumnKey(_ t: inout GenSchema.Table, in s: GenSchema) {
        guard let parent = s.tables.first(where: { $0.uniques.contains { $0.count == 2 } }),
              let key = parent.uniques.first(where: { $0.count == 2 }) else { return }
        let names = ["ka", "kb"]
        for (name, column) in zip(names, key) {
            t.columns.append(.init(name: name, type: parent.columns.first { $0.name == column }!.type, nullable: true))
        }
        t.foreignKeys.append((names, parent.name, key))
    }

    /// Partitions by range (a bounded partition and the default), list (a list and the default) or
    /// hash (two halves); the oracle's ids are below 1,000.
    mutating func partition(_ t: inout GenSchema.Table, index i: Int) {
        t.partitionBy = rng.pick(["range", "range", "list", "hash"])
        switch t.partitionBy {
        case "range": t.partitions = [("t\(i)_p0", "\"FROM (0) TO (1000)\""), ("t\(i)_pd", "default")]
        case "list": t.partitions = [("t\(i)_p0", "\"IN (1, 2, 101)\""), ("t\(i)_pd", "default")]
        default: t.partitions = [("t\(i)_h0", "\"WITH (MODULUS 2, REMAINDER 0)\""), ("t\(i)_h1", "\"WITH (MODULUS 2, REMAINDER 1)\"")]
        }
    }

    mutating func column(named name: String, in s: GenSchema) -> GenSchema.Column {
        var type = rng.pick(Self.scalarTypes)
        // Enum columns, sometimes arrays of one.
        if !s.enums.isEmpty && rng.chance(0.25) { type = rng.pick(s.enums).name; if rng.chance(0.3) { type = "[\(type)]" } }
        var c = GenSchema.Column(name: name, type: type, nullable: rng.chance(0.4))
        if rng.chance(0.4) || !c.nullable && rng.chance(0.5) { c.defaultYAML = defaultYAML(for: type, in: s) }
        // A default in raw SQL, per dialect or for both (an expression: SQLite cannot ADD COLUMN with it).
        if type == "int" && rng.chance(0.15) {
            c.defaultYAML = rng.chance(0.5) ? "{ sqlite: \"1 + 1\", postgres: \"1 + 1\" }" : "{ sql: \"(2 * 3)\" }"
        }
        if rng.chance(0.15) { c.comment = "column \(name)" }
        return c
    }

    func defaultYAML(for type: String, in s: GenSchema) -> String? {
        switch type {
        case "text", "string(40)": return "'x'"
        case "int", "bigint", "smallint": return "7"
        case "bool": return "true"
        case "double", "decimal(10,2)": return "1.5"
        case "timestamp": return "now()"
        case "date": return "current_date()"
        case "json": return "{}"
        case "[text]", "[int]": return "[]"
        case "uuid": return "uuid()"
        case "real": return "1.5"
        case "datetime": return "now()"
        case "unixtime": return "unixepoch()"
        case "time", "bytes": return nil
        case "custom20", "char(8)": return "'x'"
        case let t where t.hasPrefix("["): return "[]"
        default:
            return s.enums.first { $0.name == type }.map { $0.values[0] }
        }
    }

    /// The type of a column that references a key of `type` (a serial key is an integer elsewhere).
    static func referencingType(_ type: String) -> String {
        ["bigserial": "bigint", "serial": "int"][type] ?? type
    }

    mutating func addIndexOrConstraint(_ t: inout GenSchema.Table) {
        let plain = t.columns.filter { $0.name != "id" && !$0.autoUpdate && $0.generated == nil && !["json", "bool", "timestamp", "date", "bytes"].contains($0.type) && !$0.type.hasPrefix("mood") && !$0.type.hasPrefix("[") }
        guard let c = plain.randomElement(using: &rng) else { return }
        let other = plain.first { $0.name != c.name }
        let indexed = t.indexes.contains { $0.readColumns[0] == c.name }
        switch rng.int(0 ... 3) {
        case 0:
            guard !indexed else { break }
            // Text columns sometimes get an expression index instead (one per table: its name is derived).
            let lowercased = ["text", "string(40)"].contains(c.type) && !t.indexes.contains(where: \.lowercased) && rng.chance(0.5)
            var index = GenSchema.Index(columns: [c.name], lowercased: lowercased)
            // Or an index of two columns, a hash index (PostgreSQL only), or one covering another column.
            switch (lowercased, other, rng.int(0 ... 5)) {
            case (false, let d?, 0): index.columns.append(d.name + " NULLS FIRST")
            case (false, _, 1): index.using = "hash"
            case (false, let d?, 2): index.include = [d.name]
            // A unique index: every row holds its own value (not a column an edit added with its default);
            // a partitioned table's would have to hold the partition key.
            case (false, _, 3) where t.partitions == nil && !c.name.hasPrefix("n"): index.unique = true
            default: break
            }
            t.indexes.append(index)
        case 1: if !indexed { t.indexes.append(.init(columns: [c.name + (rng.chance(0.3) ? " DESC NULLS LAST" : " DESC")], predicate: "\(c.name) IS NOT NULL")) }
        // Columns added by an edit hold their default in every row: no unique key on those.
        // A unique key of a partitioned table must hold the partition key: none there.
        case 2:
            guard !t.uniques.contains(where: { $0.contains(c.name) }) && !c.name.hasPrefix("n") && t.partitions == nil else { break }
            // Sometimes a key of two columns.
            if let d = plain.first(where: { $0.name != c.name && !$0.name.hasPrefix("n") }), rng.chance(0.3) {
                t.uniques.append([c.name, d.name])
            } else {
                t.uniques.append([c.name])
            }
        default:
            if ["int", "bigint", "smallint"].contains(c.type) && !t.checks.contains(where: { $0.name == "chk_\(t.name)_pos" }) {
                // Sometimes a check over two columns.
                let second = other.map { " OR \($0.name) IS NULL" } ?? ""
                t.checks.append(("chk_\(t.name)_pos", "\(c.name) >= 0" + (rng.chance(0.3) ? second : "")))
            }
        }
    }

    mutating func view(over t: GenSchema.Table, name: String) -> GenSchema.View {
        let cols = t.columns.prefix(2).map(\.name).joined(separator: ", ")
        return .init(name: name, sql: "SELECT \(cols) FROM \(t.name)", materialized: rng.chance(0.3))
    }

    /// Whether a check expression reads the column (`c >= 0`, `c >= 0 OR d IS NULL`).
    static func mentions(_ expression: String, _ column: String) -> Bool {
        expression.hasPrefix(column + " ") || expression.contains(" \(column) ")
    }

    /// The kinds of edit, one per change kind of the differ.
    enum Edit: CaseIterable {
        case addColumnEnd, addColumnMiddle, dropColumn, renameColumn, renameTable, widenType, narrowType,
             makeNullable, makeNotNullWithDefault, changeDefault, dropDefault, addIndex, dropIndex, changeIndex,
             addUnique, dropUnique, addCheck, dropCheck, addForeignKey, dropForeignKey, changeOnDelete,
             addEnumValue, removeEnumValue, renameEnumValue, addTable, dropTable, addView, dropView, changeView,
             addSearch, dropSearch, toggleAutoUpdate, changeComment, addRawSQL, dropRawSQL, toggleStrict,
             addGenerated, widenGeneratedSource, addPartition, removePartition, renameView, toggleExtension,
             changeIndexTargets
    }

    /// Applies `count` random edits; returns the edits applied (for the failure message).
    mutating func edit(_ s: inout GenSchema, count: Int) -> [String] {
        var applied: [String] = []
        var attempts = 0
        while applied.count < count && attempts < 50 {
            attempts += 1
            let e = rng.pick(Edit.allCases)
            if apply(e, to: &s) { applied.append("\(e)") }
        }
        return applied
    }

    /// Columns nothing else depends on (no key, reference, index, constraint, search or view), and
    /// not the tenant column unless `tenant` (a rename may take it: the policy follows).
    func freeColumns(_ t: GenSchema.Table, _ s: GenSchema, tenant: Bool = false) -> [GenSchema.Column] {
        t.columns.filter { c in
            c.name != "id" && !t.inPrimaryKey(c) && (tenant || c.name != t.tenant) && !t.inForeignKey(c) && !c.autoUpdate && c.generated == nil
                && !t.columns.contains { $0.generated?.hasPrefix(c.name + " ") == true }
                && !t.indexes.contains { $0.readColumns.contains(c.name) }
                && !t.uniques.contains { $0.contains(c.name) }
                && !t.checks.contains { Self.mentions($0.expression, c.name) }
                && !(t.search ?? []).contains(c.name)
                && !s.views.contains { $0.reads(c.name) }
        }
    }

    mutating func apply(_ e: Edit, to s: inout GenSchema) -> Bool {
        guard !s.tables.isEmpty else { return false }
        let ti = rng.int(0 ... s.tables.count - 1)
        if e == .dropTable {
            let t = s.tables[ti]
            let referenced = s.tables.contains { $0.columns.contains { $0.references?.table == t.name } || $0.foreignKeys.contains { $0.table == t.name } }
                || formerlyReferenced.contains(t.name)
            guard !referenced, !s.views.contains(where: { $0.reads(t.name) }), s.tables.count > 1 else { return false }
            s.tables.remove(at: ti)
            return true
        }
        var t = s.tables[ti]
        let applied = apply(e, table: &t, index: ti, schema: &s)
        if applied { s.tables[ti] = t }
        return applied
    }

    mutating func apply(_ e: Edit, table t: inout GenSchema.Table, index ti: Int, schema s: inout GenSchema) -> Bool {
        let free = freeColumns(t, s)
        switch e {
        case .addColumnEnd, .addColumnMiddle:
            var c = column(named: "n\(rng.int(0 ... 999))", in: s)
            guard !t.columns.contains(where: { $0.name == c.name }) else { return false }
            if !c.nullable && c.defaultYAML == nil { c.defaultYAML = defaultYAML(for: c.type, in: s) }
            // Without a default there is nothing to fill the existing rows with (a refused change).
            if c.defaultYAML == nil { c.nullable = true }
            if e == .addColumnMiddle { t.columns.insert(c, at: 1) } else { t.columns.append(c) }
        case .dropColumn:
            // A column dropped going up comes back going down; a NOT NULL one needs a default to refill it.
            guard let c = free.filter({ $0.nullable || $0.defaultYAML != nil }).randomElement(using: &rng) else { return false }
            t.columns.removeAll { $0.name == c.name }
        case .renameColumn:
            // One rename per column and pair: a second would rename from a name the old schema does not have.
            // The tenant column too: its policy follows the rename.
            guard let c = freeColumns(t, s, tenant: true).filter({ $0.renamedFrom == nil }).randomElement(using: &rng),
                  let i = t.columns.firstIndex(where: { $0.name == c.name }) else { return false }
            t.columns[i].renamedFrom = c.name
            t.columns[i].name = c.name + "_r"
            if t.tenant == c.name { t.tenant = c.name + "_r" }
        case .renameTable:
            guard t.renamedFrom == nil, !s.views.contains(where: { $0.reads(t.name) }) else { return false }
            let old = t.name
            t.renamedFrom = old
            t.name = old + "_r"
            for j in s.tables.indices where j != ti {
                for k in s.tables[j].columns.indices where s.tables[j].columns[k].references?.table == old {
                    s.tables[j].columns[k].references!.table = t.name
                }
            }
            for k in t.columns.indices where t.columns[k].references?.table == old { t.columns[k].references!.table = t.name }
            for j in s.tables.indices where j != ti {
                for k in s.tables[j].foreignKeys.indices where s.tables[j].foreignKeys[k].table == old { s.tables[j].foreignKeys[k].table = t.name }
            }
        case .widenType, .narrowType:
            let pairs: [(String, String)] = e == .widenType
                ? [("smallint", "int"), ("int", "bigint"), ("string(40)", "text"), ("char(8)", "string(40)")]
                : [("text", "string(40)"), ("bigint", "int"), ("string(40)", "char(8)")]
            // Indexed and searched columns too: their indexes must survive the type change.
            let changeable = t.columns.filter { c in
                c.name != "id" && !t.inPrimaryKey(c) && !t.inForeignKey(c) && !c.autoUpdate && c.generated == nil
                    && !t.columns.contains { $0.generated?.hasPrefix(c.name + " ") == true }
                    && !t.uniques.contains { $0.contains(c.name) } && !t.checks.contains { Self.mentions($0.expression, c.name) }
                    && !s.views.contains { $0.reads(c.name) }
            }
            // A tenant column is never made char(n): tenancy takes uuid, text, string(n) and integers.
            let tenant = t.tenant
            func change(_ c: GenSchema.Column) -> String? {
                pairs.first { $0.0 == c.type && !($0.1 == "char(8)" && c.name == tenant) }?.1
            }
            guard let c = changeable.first(where: { change($0) != nil }),
                  let i = t.columns.firstIndex(where: { $0.name == c.name }) else { return false }
            t.columns[i].type = change(c)!
        case .makeNullable:
            guard let i = t.columns.firstIndex(where: { $0.name != "id" && !t.inPrimaryKey($0) && !$0.nullable && !$0.autoUpdate }) else { return false }
            t.columns[i].nullable = true
        case .makeNotNullWithDefault:
            guard let i = t.columns.firstIndex(where: { c in c.nullable && !t.inForeignKey(c) && c.generated == nil && !t.uniques.contains { $0.contains(c.name) } && !t.indexes.contains { $0.unique } }),
                  let d = defaultYAML(for: t.columns[i].type, in: s) else { return false }
            t.columns[i].nullable = false
            t.columns[i].defaultYAML = d
        case .changeDefault:
            // Not a foreign key column: one added by this pair would fill its rows with a key no parent has.
            guard let i = t.columns.firstIndex(where: { ["int", "bigint", "smallint", "text"].contains($0.type) && $0.generated == nil && !t.inForeignKey($0) }) else { return false }
            t.columns[i].defaultYAML = t.columns[i].type == "text" ? "'y'" : "11"
        case .dropDefault:
            guard let i = t.columns.firstIndex(where: { $0.defaultYAML != nil && $0.nullable }) else { return false }
            t.columns[i].defaultYAML = nil
        case .addIndex, .addUnique, .addCheck:
            let before = (t.indexes.count, t.uniques.count, t.checks.count)
            addIndexOrConstraint(&t)
            return before != (t.indexes.count, t.uniques.count, t.checks.count)
        case .dropIndex:
            guard !t.indexes.isEmpty else { return false }
            t.indexes.removeLast()
        case .changeIndex:
            guard !t.indexes.isEmpty else { return false }
            let col = t.indexes[0].readColumns[0]
            t.indexes[0].predicate = t.indexes[0].predicate == nil ? "\(col) IS NOT NULL" : nil
        case .dropUnique:
            // Not a key another table's foreign key references.
            guard let last = t.uniques.last, !s.tables.contains(where: { $0.foreignKeys.contains { $0.table == t.name && $0.referenced == last } }) else { return false }
            t.uniques.removeLast()
        case .dropCheck:
            guard !t.checks.isEmpty else { return false }
            t.checks.removeLast()
        case .addForeignKey:
            guard ti > 0, !t.columns.contains(where: { $0.name == "parent_id" }) else { return false }
            let parent = s.tables[rng.int(0 ... ti - 1)]
            // A single-column reference names the parent's primary key: `id` alone.
            guard parent.targets == nil || parent.targets == t.targets, parent.primaryKey == nil else { return false }
            let type = Self.referencingType(parent.columns[0].type)
            t.columns.append(.init(name: "parent_id", type: type, nullable: true, references: (parent.name, "cascade")))
        case .dropForeignKey:
            if let fk = t.foreignKeys.last, rng.chance(0.5) {
                formerlyReferenced.insert(fk.table)
                t.foreignKeys.removeLast()
                return true
            }
            guard let i = t.columns.firstIndex(where: { $0.references != nil }) else { return false }
            formerlyReferenced.insert(t.columns[i].references!.table)
            t.columns[i].references = nil
            t.columns[i].cascadesUpdates = false
            t.columns[i].onUpdate = nil
        case .changeOnDelete:
            guard let i = t.columns.firstIndex(where: { $0.references != nil }) else { return false }
            t.columns[i].references!.onDelete = t.columns[i].references!.onDelete == "cascade" ? "set_null" : "cascade"
        case .addEnumValue:
            guard !s.enums.isEmpty else { return false }
            s.enums[0].values.append("new\(rng.int(0 ... 99))")
            if Set(s.enums[0].values).count != s.enums[0].values.count { s.enums[0].values.removeLast(); return false }
        case .removeEnumValue:
            guard let e = s.enums.first, e.values.count > 2 else { return false }
            let removed = e.values.last!
            let used = s.tables.contains { $0.columns.contains { $0.type == e.name && $0.defaultYAML == removed } }
            guard !used else { return false }
            s.enums[0].values.removeLast()
        case .renameEnumValue:
            // A value of the old schema, once per pair; the defaults that name it follow.
            guard let ei = s.enums.indices.randomElement(using: &rng),
                  let vi = s.enums[ei].values.indices.filter({ i in !s.enums[ei].values[i].hasSuffix("_r") && !s.enums[ei].values[i].hasPrefix("new") }).randomElement(using: &rng) else { return false }
            let e = s.enums[ei].name, old = s.enums[ei].values[vi], new = old + "_r"
            s.enums[ei].values[vi] = new
            s.enums[ei].renamedFrom[new] = old
            for j in s.tables.indices {
                for k in s.tables[j].columns.indices where s.tables[j].columns[k].type == e && s.tables[j].columns[k].defaultYAML == old {
                    s.tables[j].columns[k].defaultYAML = new
                }
            }
            // `t` is written back over its table: it follows too.
            for k in t.columns.indices where t.columns[k].type == e && t.columns[k].defaultYAML == old { t.columns[k].defaultYAML = new }
        case .addTable:
            let name = "t\(s.tables.count + 10 + rng.int(0 ... 50))"
            guard s.table(name) == nil else { return false }
            s.tables.append(.init(name: name, columns: [.init(name: "id", type: "int"), column(named: "c0", in: s)]))
        case .dropTable:
            return false
        case .addView:
            guard t.targets == nil, !s.views.contains(where: { $0.name == "v1" }) else { return false }
            s.views.append(view(over: t, name: "v1"))
        case .dropView:
            // The last view: no other view reads it (a view over a view comes after the view it reads).
            guard !s.views.isEmpty else { return false }
            s.views.removeLast()
        case .changeView:
            guard !s.views.isEmpty, !s.views[0].sql.contains("WHERE") else { return false }
            s.views[0].sql += " WHERE 1 = 1"
        case .addSearch:
            guard t.search == nil, let c = free.first(where: { $0.type == "text" || $0.type == "string(40)" }) else { return false }
            t.search = [c.name]
        case .dropSearch:
            guard t.search != nil else { return false }
            t.search = nil
            t.searchLanguage = nil
        case .toggleAutoUpdate:
            if let i = t.columns.firstIndex(where: { $0.autoUpdate }) {
                t.columns[i].autoUpdate = false
            } else if let i = t.columns.firstIndex(where: { $0.type == "timestamp" && !$0.nullable }) {
                t.columns[i].autoUpdate = true
            } else { return false }
        case .changeComment:
            t.comment = (t.comment ?? "") + " changed"
            if let i = t.columns.indices.last { t.columns[i].comment = "now \(rng.int(0 ... 9))" }
            if !s.views.isEmpty { s.views[0].comment = (s.views[0].comment ?? "view") + " changed" }
        case .addRawSQL:
            guard s.raw.isEmpty else { return false }
            s.raw.append(("marker", "CREATE TABLE raw_marker (x INTEGER)", "DROP TABLE raw_marker"))
        case .dropRawSQL:
            guard !s.raw.isEmpty else { return false }
            s.raw.removeAll()
        case .toggleStrict:
            t.strict.toggle()
        case .addGenerated:
            guard !t.columns.contains(where: { $0.generated != nil }),
                  let c = t.columns.first(where: { ["smallint", "int", "bigint"].contains($0.type) && $0.name != "id" && !t.inForeignKey($0) }) else { return false }
            t.columns.append(.init(name: "g0", type: "bigint", nullable: true, generated: "\(c.name) * 2"))
        case .widenGeneratedSource:
            guard let g = t.columns.first(where: { $0.generated != nil }),
                  let i = t.columns.firstIndex(where: { g.generated!.hasPrefix($0.name + " ") }),
                  let wider = ["smallint": "int", "int": "bigint"][t.columns[i].type],
                  // Not a column of a unique key: another table's two-column foreign key may match its type.
                  !t.uniques.contains(where: { $0.contains(t.columns[i].name) }) else { return false }
            t.columns[i].type = wider
        case .addPartition:
            guard var parts = t.partitions, t.partitionBy != "hash", !parts.contains(where: { $0.name.hasSuffix("_p1") }) else { return false }
            parts.append((t.name + "_p1", t.partitionBy == "range" ? "\"FROM (1000) TO (2000)\"" : "\"IN (5, 6)\""))
            t.partitions = parts
        case .removePartition:
            // A range table's default partition holds no row (every id is below 1,000): nothing is lost.
            guard t.partitionBy == "range", let parts = t.partitions, parts.count > 1 else { return false }
            t.partitions = parts.filter { !$0.name.hasSuffix("_pd") }
            return t.partitions!.count < parts.count
        case .renameView:
            // A view nothing reads (the last one), once per pair.
            guard let v = s.views.last, v.renamedFrom == nil else { return false }
            s.views[s.views.count - 1].renamedFrom = v.name
            s.views[s.views.count - 1].name = v.name + "_r"
        case .changeIndexTargets:
            // An index of a table of every dialect goes from both, to PostgreSQL, to SQLite, to both.
            guard t.targets == nil, s.targets == nil, let i = t.indexes.indices.randomElement(using: &rng) else { return false }
            switch t.indexes[i].targets {
            case nil: t.indexes[i].targets = "postgres"
            case "postgres": t.indexes[i].targets = "sqlite"
            default: t.indexes[i].targets = nil
            }
        case .toggleExtension:
            // With a declared namespace, where the extension is created too.
            guard s.namespace != nil else { return false }
            s.extensions = s.extensions.isEmpty ? ["pg_trgm"] : []
        }
        return true
    }
}

/// Tenancy in random schemas and as an edit kind, drawn from a stream of its own (`SeededRandom`
/// seeded apart from the case's): the other draws of a seed stay those they were before tenancy
/// existed, so a seed replays the same tables and edits, with tenancy added.
struct TenancyGenerator {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed ^ 0x5445_4E41_4E54) }

    /// Types a tenant column may have (the setting's text casts to them exactly).
    static let types = ["uuid", "int", "bigint", "text", "string(40)"]

    /// Some plain tables get an `org` column, and some of those declare it their tenant; some
    /// schemas name their own setting.
    mutating func addTenancy(to s: inout GenSchema) {
        if rng.chance(0.3) { s.tenantSetting = "oracle.org_id" }
        for i in s.tables.indices where s.tables[i].partitions == nil && rng.chance(0.35) {
            s.tables[i].columns.append(.init(name: "org", type: rng.pick(Self.types)))
            if rng.chance(0.6) { s.tables[i].tenant = "org" }
        }
    }

    enum Edit: String, CaseIterable { case tenancyOn, tenancyOff, tenantColumnChange, tenantSettingChange }

    /// With some chance, one tenancy edit of `s`; returns its name, or nil when none applies.
    mutating func edit(_ s: inout GenSchema) -> String? {
        guard rng.chance(0.35), !s.tables.isEmpty else { return nil }
        let e = rng.pick(Edit.allCases)
        let ti = rng.int(0 ... s.tables.count - 1)
        var t = s.tables[ti]
        switch e {
        case .tenancyOn:
            guard t.tenant == nil, t.partitions == nil else { return nil }
            // The `org` column, unless an edit gave it a type tenancy does not take (char(n)).
            if t.columns.contains(where: { $0.name == "org" && Self.types.contains($0.type) }) {
                t.tenant = "org"
            } else {
                // A new tenant column for the rows that exist (so it has a default), under a name no
                // column of the old table had (an edit may have dropped or renamed `org`).
                t.columns.append(.init(name: "org2", type: "int", defaultYAML: "7"))
                t.tenant = "org2"
            }
        case .tenancyOff:
            guard t.tenant != nil else { return nil }
            t.tenant = nil
        case .tenantColumnChange:
            // The key becomes the tenant column (or stops being it): another policy on the same table.
            guard let tenant = t.tenant, let id = t.columns.first(where: { $0.name == "id" }),
                  ["uuid", "int", "serial", "bigserial"].contains(id.type) || tenant == "id",
                  let other = tenant == "id" ? t.columns.first(where: { $0.name != "id" && $0.renamedFrom == nil && Self.types.contains($0.type) && $0.generated == nil }) : id else { return nil }
            t.tenant = other.name
        case .tenantSettingChange:
            guard s.tables.contains(where: { $0.tenant != nil }) else { return nil }
            s.tenantSetting = s.tenantSetting == nil ? "oracle.org_id" : nil
            return e.rawValue
        }
        s.tables[ti] = t
        return e.rawValue
    }
}
