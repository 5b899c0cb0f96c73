/// Writes `Records.swift` (one struct per table, the namespace, the support
/// types) and `Enums.swift` (one enum per enum type). These files import
/// Foundation only: everything database-specific is in the integration files.
struct RecordsRenderer {
    let schema: Schema
    let names: SwiftNames
    let planner: SwiftPlanner
    let plans: [TablePlan]
    let configuration: SwiftConfiguration
    let source: String
    let sqliteDDL: SQLiteDDL?
    let postgresDDL: PostgresDDL?

    init(schema: Schema, names: SwiftNames, planner: SwiftPlanner, plans: [TablePlan], configuration: SwiftConfiguration, source: String) {
        self.schema = schema
        self.names = names
        self.planner = planner
        self.plans = plans
        self.configuration = configuration
        self.source = source
        sqliteDDL = schema.targets.contains(.sqlite) ? SQLiteDDL(schema: schema) : nil
        postgresDDL = schema.targets.contains(.postgres) ? PostgresDDL(schema: schema) : nil
    }

    var access: String { configuration.accessModifier.prefix }

    // MARK: Records.swift

    /// `Records.swift`, in parts that `SwiftFile.render` renders side by side.
    var recordsFile: SwiftFile {
        SwiftFile(head: { w in
            SwiftGen.header(&w, source: source, purpose: "The records: one struct per table. They need Foundation only; the database integrations are in Records+GRDB.swift and Records+PostgresNIO.swift.")
            SwiftGen.imports(&w, ["Foundation"], configuration)
            if let namespace = names.namespace {
                w.line()
                w.doc(["The records and enums generated from \(source): a namespace, never instantiated."])
                w.line("\(access)enum \(namespace) {}")
            }
        }, table: { plan, w in
            w.inNamespace(names.namespace) { w in record(plan, into: &w) }
        }, tail: { w in
            w.line()
            w.line("// MARK: - Support types")
            w.line()
            w.inNamespace(names.namespace) { w in
                w.lines(SupportTypes.jsonValue(access: access))
                w.line()
                w.lines(SupportTypes.calendarDate(access: access))
            }
        })
    }

    private func record(_ plan: TablePlan, into w: inout SwiftWriter) {
        let table = plan.table
        var doc: [String] = []
        if let comment = table.comment { doc += [comment, ""] }
        var where_ = "Table `\(table.name)` (`tables.\(table.name)`)"
        if let pk = table.primaryKey { where_ += ", primary key (\(pk.columns.joined(separator: ", ")))" }
        doc.append(where_ + ".")
        w.doc(doc)
        var conformances = ["Swift.Codable", "Swift.Hashable", "Swift.Sendable"]
        if plan.identity != nil { conformances.append("Swift.Identifiable") }
        w.block("\(access)struct \(plan.typeName): \(conformances.joined(separator: ", "))") { w in
            w.doc(["The table's name in SQL."])
            w.line("\(access)static let tableName: Swift.String = \(SwiftIdentifiers.stringLiteral(table.name))")
            w.doc(["The table's columns in declaration order: the raw values of `CodingKeys`."])
            w.line("\(access)static let columnNames: [Swift.String] = [\(table.columns.map { SwiftIdentifiers.stringLiteral($0.name) }.joined(separator: ", "))]")
            w.doc(["The columns of the primary key; empty when the table has none."])
            w.line("\(access)static let primaryKeyColumns: [Swift.String] = [\((table.primaryKey?.columns ?? []).map(SwiftIdentifiers.stringLiteral).joined(separator: ", "))]")
            for field in plan.fields {
                w.line()
                propertyDoc(field, table: table, into: &w)
                w.open()
                w.put(access)
                w.put("var ")
                w.put(field.escapedProperty)
                w.put(": ")
                w.put(field.baseType)
                if field.isOptional { w.put("?") }
                w.close()
            }
            if let identity = plan.identity, !plan.idIsStored {
                w.line()
                w.doc(["The primary key, for `Identifiable`."])
                w.line("\(access)var id: \(identity.swiftType) { \(identity.escapedProperty) }")
            }
            w.line()
            w.doc(["The column names, for `Codable`."])
            w.block("\(access)enum CodingKeys: Swift.String, Swift.CodingKey, Swift.CaseIterable") { w in
                for field in plan.fields {
                    w.open()
                    w.put("case ")
                    w.put(field.escapedProperty)
                    if field.property != field.column.name {
                        w.put(" = ")
                        w.putLiteral(field.column.name)
                    }
                    w.close()
                }
            }
            w.line()
            w.doc(["Creates a record. Nullable columns default to `nil`; literal schema defaults, `uuid()`, `now()`,",
                   "`unixepoch()` and `current_date()` become Swift defaults. A default written in SQL has no Swift",
                   "counterpart, so its parameter has none."])
            if plan.fields.isEmpty {
                w.line("\(access)init() {}")
                return
            }
            w.line("\(access)init(")
            for (i, field) in plan.fields.enumerated() {
                w.open()
                w.put("    ")
                w.put(field.escapedProperty)
                w.put(": ")
                w.put(field.baseType)
                if field.isOptional { w.put("?") }
                if let value = field.defaultExpression {
                    w.put(" = ")
                    w.put(value)
                }
                if i < plan.fields.count - 1 { w.put(",") }
                w.close()
            }
            w.block(")") { w in
                for field in plan.fields {
                    let name = field.escapedProperty
                    w.open()
                    w.put("self.")
                    w.put(name)
                    w.put(" = ")
                    w.put(name)
                    w.close()
                }
            }
        }
    }

    /// The doc comment of a property: the column's comment, then one line with where it comes from,
    /// its SQL types and what the database does with it. Written in pieces (it is one of the
    /// longest lines of the file, once per column).
    private func propertyDoc(_ field: FieldPlan, table: Table, into w: inout SwiftWriter) {
        let column = field.column
        if let comment = column.comment { w.doc([comment, ""]) }
        w.open()
        w.put("/// `tables.")
        w.putComment(table.name)
        w.put(".columns.")
        w.putComment(column.name)
        w.put("`: `")
        w.putComment(column.type.spelling)
        w.put(column.nullable ? "?` (" : "` (")
        SwiftGen.sqlTypes(column.type, table: table, sqlite: sqliteDDL, postgres: postgresDDL, into: &w)
        w.put(").")
        func note(_ text: String) {
            w.put(" ")
            w.putComment(text)
        }
        if field.isIdentity {
            note("Assigned by the database on insert: nil until then.")
        } else if table.primaryKey?.columns.contains(column.name) == true {
            note("Primary key.")
        }
        if let generated = column.generated {
            note("Generated by the database as `\(generated.expression)`: never written, nil until read back.")
        }
        for fk in table.foreignKeys where fk.columns.contains(column.name) {
            if let i = fk.columns.firstIndex(of: column.name), i < fk.referencedColumns.count {
                note("References `\(fk.referencedTable).\(fk.referencedColumns[i])`.")
            }
        }
        if let value = column.defaultValue { note("Default: " + SwiftGen.describe(value) + ".") }
        if column.autoUpdate { note("Set to now by the database on every UPDATE that does not set it.") }
        if column.swiftType != nil { note("Swift type set by the schema (`swift.type`).") }
        w.close()
    }

    // MARK: Enums.swift

    /// `Enums.swift`: one part, it has no tables.
    var enumsFile: SwiftFile { SwiftFile(head: enums, table: nil, tail: { _ in }) }

    private func enums(into w: inout SwiftWriter) {
        SwiftGen.header(&w, source: source, purpose: "The enums: one per enum type, raw values exactly the SQL labels.")
        SwiftGen.imports(&w, ["Foundation"], configuration)
        for e in schema.enums {
            guard let typeName = names.enumTypes[e.name], let cases = names.cases[e.name] else { continue }
            w.line()
            w.inNamespace(names.namespace) { w in
                var doc: [String] = []
                if let comment = e.comment { doc += [comment, ""] }
                var storage: [String] = []
                if schema.targets.contains(.postgres) { storage.append("PostgreSQL enum type `\(e.name)`") }
                if schema.targets.contains(.sqlite) { storage.append("SQLite TEXT with a CHECK") }
                doc.append("Enum `\(e.name)` (`enums.\(e.name)`)" + (storage.isEmpty ? "" : ": " + storage.joined(separator: ", ")) + ".")
                w.doc(doc)
                w.block("\(access)enum \(typeName): Swift.String, Swift.Codable, Swift.CaseIterable, Swift.Sendable") { w in
                    for (label, name) in zip(e.values, cases) {
                        let escaped = SwiftIdentifiers.escaped(name)
                        w.line(name == label ? "case \(escaped)" : "case \(escaped) = \(SwiftIdentifiers.stringLiteral(label))")
                    }
                }
            }
        }
    }
}
