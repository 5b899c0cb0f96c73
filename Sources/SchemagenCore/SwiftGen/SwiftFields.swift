/// How one column becomes one stored property: its Swift type (per the type
/// table of `schema-dsl.md`), the kind of value the integration files encode and
/// decode, and the Swift default its `init` parameter gets.
///
/// The three renderers (records, GRDB, PostgresNIO) all read these plans, so a
/// column's Swift type is decided in exactly one place.
indirect enum ValueKind: Equatable {
    case bool, int16, int32, int64, float, double, decimal, string, uuid
    /// `Date` stored as `YYYY-MM-DDTHH:MM:SS.SSSZ` text (SQLite) or TIMESTAMPTZ.
    case timestamp
    /// `Date` read as a UTC wall clock: `YYYY-MM-DD HH:MM:SS.SSS` text or TIMESTAMP.
    case datetime
    /// `String` holding `HH:MM:SS`.
    case time
    /// The generated `CalendarDate`.
    case date
    /// `Date` stored as whole seconds since 1970.
    case unixtime
    case json
    case bytes
    case enumeration(swiftType: String, sqlName: String)
    case array(ValueKind)
    /// A type the schema names (`swift:` of a custom type, or `swift.type` of a column),
    /// passed through: the integrations need it to be a database value of its own.
    case custom(swiftType: String)

    var isDate: Bool { self == .timestamp || self == .datetime || self == .unixtime }
}

/// One column as the Swift files write it: its property, value kind and Swift type.
///
/// A class, made once by the planner and only read after: every renderer loops over the fields
/// of every table, and copying a struct that holds a whole `Column` retained each of its
/// members on every iteration (as a class: `schemagen swift` at 5,000 tables from 1.23 s to 1.13 s).
final class FieldPlan {
    let column: Column
    /// The property name, unescaped.
    let property: String
    let kind: ValueKind
    /// The Swift type without the optional mark.
    let baseType: String
    let isOptional: Bool
    /// `serial`/`bigserial` primary key: nil until the database assigns it.
    let isIdentity: Bool
    /// A generated column: computed by the database, never written.
    let isGenerated: Bool
    /// Set once by the planner, right after the field is made.
    var defaultExpression: String?
    /// The property as a declaration or member access names it (escaped where a keyword).
    let escapedProperty: String
    /// The property as an argument label of `init` in a call.
    let label: String

    init(column: Column, property: String, kind: ValueKind, baseType: String, isOptional: Bool, isIdentity: Bool, isGenerated: Bool) {
        self.column = column
        self.property = property
        self.kind = kind
        self.baseType = baseType
        self.isOptional = isOptional
        self.isIdentity = isIdentity
        self.isGenerated = isGenerated
        escapedProperty = SwiftIdentifiers.escaped(property)
        label = SwiftIdentifiers.label(property)
    }

    var swiftType: String { isOptional ? baseType + "?" : baseType }
    /// Written on insert: not a generated column.
    var isWritten: Bool { !isGenerated }

    /// Labels a key parameter may not take: GRDB's `fetchOne(_:sql:)` and `fetchOne(_:key:)`, which
    /// a generated `fetchOne(_:sql:)` would shadow, and the operations' own `on:` and `logger:`.
    static let reservedKeyLabels: Set<String> = ["sql", "key", "on", "logger"]
}

/// One table as the Swift files write it. A class for the reason `FieldPlan` is one: the plans
/// are made once and passed to every renderer and closure, and a struct holding a whole `Table`
/// retained each of its members on every copy.
final class TablePlan {
    let table: Table
    let typeName: String
    /// `Namespace.Type`.
    let qualifiedType: String
    let fields: [FieldPlan]
    /// The single primary-key column that `Identifiable` uses, when there is one.
    let identity: FieldPlan?
    /// True when a property named `id` exists and is that column; false when a computed `id` is added.
    let idIsStored: Bool

    init(table: Table, typeName: String, qualifiedType: String, fields: [FieldPlan], identity: FieldPlan?, idIsStored: Bool) {
        self.table = table
        self.typeName = typeName
        self.qualifiedType = qualifiedType
        self.fields = fields
        self.identity = identity
        self.idIsStored = idIsStored
    }

    var identityColumn: FieldPlan? { fields.first(where: \.isIdentity) }

    /// The fields of the named columns, in that order.
    func fields(_ columns: [String]) -> [FieldPlan] {
        columns.compactMap { name in fields.first { $0.column.name == name } }
    }

    /// The argument labels of a lookup by `key` (`fetchOne(db, slug:)`, `postgresFind(slug:on:logger:)`),
    /// unescaped: the properties, except that a label the generated functions take themselves or that
    /// would turn the lookup into an overload of a library function (`sql`, `key`, `on`, `logger`)
    /// gets `Value` (`onValue:`), then a number if another label of the key has that name. The same
    /// in both integrations, so a key is passed alike on either engine.
    static func keyLabels(_ key: [FieldPlan]) -> [String] {
        var taken = Set(key.map(\.property))
        return key.map { field in
            guard FieldPlan.reservedKeyLabels.contains(field.property) else { return field.property }
            var label = field.property + "Value"
            if taken.contains(label) {
                var n = 2
                while taken.contains(label + String(n)) { n += 1 }
                label += String(n)
            }
            taken.insert(label)
            return label
        }
    }

    /// The primary key's fields; empty when the table has none.
    var primaryKeyFields: [FieldPlan] { fields(table.primaryKey?.columns ?? []) }

    /// Every key a row is found by in `dialect`: the primary key, each unique constraint, then each
    /// unique index of `dialect` on plain columns without a predicate, each on other columns than
    /// the keys before it (the generated lookups would otherwise be declared twice). A partial
    /// unique index or one over an expression identifies no row by its columns' values alone.
    func lookupKeys(in dialect: Dialect) -> [[FieldPlan]] {
        var keys: [[FieldPlan]] = []
        var seen: [Set<String>] = []
        var all = (table.primaryKey.map { [$0.columns] } ?? []) + table.uniques.map(\.columns)
        for index in table.indexes where index.unique && index.predicate == nil && (index.targets?.contains(dialect) ?? true) {
            let columns = index.parts.compactMap(\.columnName)
            if columns.count == index.parts.count { all.append(columns) }
        }
        for columns in all where !columns.isEmpty && !seen.contains(Set(columns)) {
            seen.append(Set(columns))
            keys.append(fields(columns))
        }
        return keys
    }
}

/// Builds the plans from the model and the resolved names.
struct SwiftPlanner {
    let schema: Schema
    let names: SwiftNames
    private var enums: [String: EnumType] = [:]

    init(schema: Schema, names: SwiftNames) {
        self.schema = schema
        self.names = names
        for e in schema.enums { enums[e.name] = e }
    }

    var jsonType: String { names.qualified("JSONValue") }
    var dateType: String { names.qualified("CalendarDate") }

    func plan(_ table: Table) -> TablePlan? {
        guard let typeName = names.tableTypes[table.name], let properties = names.properties[table.name] else { return nil }
        var fields: [FieldPlan] = []
        let identityName = table.identityColumn.flatMap { id in table.primaryKey?.columns == [id.name] ? id.name : nil }
        for column in table.columns {
            guard let property = properties[column.name] else { return nil }
            let isIdentity = column.name == identityName
            let isGenerated = column.generated != nil
            var kind = valueKind(column.type)
            var baseType = swiftType(kind)
            var optional = column.nullable || isIdentity || isGenerated
            if let override = column.swiftType.map(SwiftIdentifiers.trimmed), !override.isEmpty {
                var text = override
                if text.hasSuffix("?") { text.removeLast(); optional = true }
                kind = .custom(swiftType: text)
                baseType = text
            }
            let field = FieldPlan(column: column, property: property, kind: kind, baseType: baseType, isOptional: optional,
                                  isIdentity: isIdentity, isGenerated: isGenerated)
            field.defaultExpression = defaultExpression(for: field)
            fields.append(field)
        }
        var identity: FieldPlan?
        var idIsStored = false
        if let pk = table.primaryKey, pk.columns.count == 1, let field = fields.first(where: { $0.column.name == pk.columns[0] }) {
            if field.property == "id" {
                identity = field
                idIsStored = true
            } else if !fields.contains(where: { $0.property == "id" }) {
                identity = field
            }
        }
        return TablePlan(table: table, typeName: typeName, qualifiedType: names.qualified(typeName), fields: fields,
                         identity: identity, idIsStored: idIsStored)
    }

    func valueKind(_ type: ColumnType) -> ValueKind {
        switch type {
        case .bool: return .bool
        case .smallint: return .int16
        case .int, .serial: return .int32
        case .bigint, .bigserial: return .int64
        case .real: return .float
        case .double: return .double
        case .decimal: return .decimal
        case .string, .char, .text: return .string
        case .uuid: return .uuid
        case .timestamp: return .timestamp
        case .datetime: return .datetime
        case .time: return .time
        case .date: return .date
        case .unixtime: return .unixtime
        case .json: return .json
        case .bytes: return .bytes
        case .array(let element): return .array(valueKind(element))
        case .enumeration(let name):
            return .enumeration(swiftType: names.qualified(names.enumTypes[name] ?? SwiftIdentifiers.upperCamel(name)), sqlName: name)
        case .custom(_, _, let swift):
            return .custom(swiftType: swift.map(SwiftIdentifiers.trimmed)?.nonEmpty ?? "Swift.String")
        }
    }

    func swiftType(_ kind: ValueKind) -> String {
        switch kind {
        case .bool: return "Swift.Bool"
        case .int16: return "Swift.Int16"
        case .int32: return "Swift.Int32"
        case .int64: return "Swift.Int64"
        case .float: return "Swift.Float"
        case .double: return "Swift.Double"
        case .decimal: return "Foundation.Decimal"
        case .string, .time: return "Swift.String"
        case .uuid: return "Foundation.UUID"
        case .timestamp, .datetime, .unixtime: return "Foundation.Date"
        case .date: return dateType
        case .json: return jsonType
        case .bytes: return "Foundation.Data"
        case .enumeration(let swiftType, _): return swiftType
        case .array(let element): return "[\(swiftType(element))]"
        case .custom(let swiftType): return swiftType
        }
    }

    // MARK: Defaults

    /// The Swift default of the `init` parameter: the schema's literal default, a Swift
    /// counterpart of `uuid()`, `now()`, `unixepoch()` and `current_date()`, `nil` for
    /// an optional without one; nothing for raw SQL defaults, which only the database knows.
    func defaultExpression(for field: FieldPlan) -> String? {
        if field.isIdentity || field.isGenerated { return "nil" }
        let fallback: String? = field.isOptional ? "nil" : nil
        guard let value = field.column.defaultValue else { return fallback }
        var kind = field.kind
        if case .custom(let type) = kind {
            // A passed-through String still takes a string literal.
            guard type == "String" || type == "Swift.String" else { return fallback }
            kind = .string
        }
        switch value {
        case .null: return fallback
        case .bool(let b): return kind == .bool ? (b ? "true" : "false") : fallback
        case .number(let text): return numberExpression(text, kind: kind) ?? fallback
        case .string(let text): return stringExpression(text, kind: kind) ?? fallback
        case .json(let json):
            if kind == .json { return jsonExpression(json) }
            if case .array(let element) = kind, case .array(let items) = json {
                let converted = items.map { jsonElementExpression($0, kind: element) }
                if converted.contains(where: { $0 == nil }) { return fallback }
                return "[" + converted.map { $0! }.joined(separator: ", ") + "]"
            }
            return fallback
        case .function(let f):
            switch (f, kind) {
            case (.uuid, .uuid): return "Foundation.UUID()"
            case (.uuid, .string): return "Foundation.UUID().uuidString.lowercased()"
            case (.now, .timestamp), (.now, .datetime), (.now, .unixtime), (.unixepoch, .unixtime): return "Foundation.Date()"
            case (.currentDate, .date): return "\(dateType)(Foundation.Date())"
            default: return fallback
            }
        case .sql, .perDialect: return fallback
        }
    }

    private func numberExpression(_ text: String, kind: ValueKind) -> String? {
        switch kind {
        case .int16, .int32, .int64:
            let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
            guard SwiftPlanner.isInteger(digits) else { return nil }
            return digits
        case .float, .double:
            return floatExpression(text, type: kind == .float ? "Swift.Float" : "Swift.Double")
        case .decimal: return SwiftPlanner.decimalExpression(text)
        case .string, .time: return SwiftIdentifiers.stringLiteral(text)
        case .unixtime:
            let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
            guard SwiftPlanner.isInteger(digits) else { return nil }
            return "Foundation.Date(timeIntervalSince1970: \(digits))"
        default: return nil
        }
    }

    private func stringExpression(_ text: String, kind: ValueKind) -> String? {
        switch kind {
        case .string, .time: return SwiftIdentifiers.stringLiteral(text)
        case .int16, .int32, .int64, .float, .double, .decimal, .unixtime: return numberExpression(text, kind: kind)
        case .enumeration(_, let sqlName):
            guard let e = enums[sqlName], let i = e.values.firstIndex(of: text), let cases = names.cases[sqlName] else { return nil }
            return "." + SwiftIdentifiers.escaped(cases[i])
        case .uuid:
            guard SwiftPlanner.isUUID(text) else { return nil }
            return "Foundation.UUID(uuidString: \(SwiftIdentifiers.stringLiteral(text)))!"
        case .date:
            guard let (y, m, d) = CivilTime.parseDate(text) else { return nil }
            return "\(dateType)(year: \(y), month: \(m), day: \(d))"
        case .timestamp, .datetime:
            guard let ms = CivilTime.parseTimestampMilliseconds(text) else { return nil }
            return "Foundation.Date(timeIntervalSince1970: \(CivilTime.secondsLiteral(milliseconds: ms)))"
        case .bool:
            switch text.lowercased() {
            case "true": return "true"
            case "false": return "false"
            default: return nil
            }
        default: return nil
        }
    }

    private func floatExpression(_ text: String, type: String) -> String? {
        var t = text.hasPrefix("+") ? String(text.dropFirst()) : text
        switch t.lowercased() {
        case ".inf", "inf", "infinity": return "\(type).infinity"
        case "-.inf", "-inf", "-infinity": return "-\(type).infinity"
        case ".nan", "nan": return "\(type).nan"
        default: break
        }
        let negative = t.hasPrefix("-")
        if negative { t.removeFirst() }
        // Swift wants digits on both sides of the point: `.5` → `0.5`, `5.` → `5.0`.
        if t.hasPrefix(".") { t = "0" + t }
        if let dot = t.firstIndex(of: ".") {
            let after = t.index(after: dot)
            if after == t.endIndex || !("0" ... "9").contains(t[after]) { t.insert("0", at: after) }
        }
        guard let first = t.first, ("0" ... "9").contains(first),
              t.allSatisfy({ ("0" ... "9").contains($0) || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }) else { return nil }
        return (negative ? "-" : "") + t
    }

    /// A JSON document as an explicit `JSONValue` expression (explicit cases keep the type checker fast).
    func jsonExpression(_ json: JSONValue) -> String {
        switch json {
        case .null: return ".null"
        case .bool(let b): return ".bool(\(b))"
        case .number(let n): return ".number(\(floatExpression(n, type: "Swift.Double") ?? "0"))"
        case .string(let s): return ".string(\(SwiftIdentifiers.stringLiteral(s)))"
        case .array(let items): return ".array([" + items.map(jsonExpression).joined(separator: ", ") + "])"
        case .object(let members):
            if members.isEmpty { return ".object([:])" }
            return ".object([" + members.map { SwiftIdentifiers.stringLiteral($0.key) + ": " + jsonExpression($0.value) }.joined(separator: ", ") + "])"
        }
    }

    private func jsonElementExpression(_ json: JSONValue, kind: ValueKind) -> String? {
        switch json {
        case .bool(let b): return kind == .bool ? "\(b)" : nil
        case .number(let n): return numberExpression(n, kind: kind)
        case .string(let s): return stringExpression(s, kind: kind)
        default: return nil
        }
    }

    static func isInteger(_ text: String) -> Bool {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !body.isEmpty && body.allSatisfy { ("0" ... "9").contains($0) }
    }

    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// `19.99` → `Foundation.Decimal(sign: .plus, exponent: -2, significand: 1999)`: exact, unlike a float literal.
    static func decimalExpression(_ text: String) -> String? {
        var t = Substring(text)
        var negative = false
        if t.hasPrefix("+") { t = t.dropFirst() } else if t.hasPrefix("-") { negative = true; t = t.dropFirst() }
        var exponent = 0
        if let e = t.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(t[t.index(after: e)...]) else { return nil }
            exponent = x
            t = t[..<e]
        }
        var digits = ""
        if let dot = t.firstIndex(of: ".") {
            let fraction = t[t.index(after: dot)...]
            digits = String(t[..<dot]) + fraction
            exponent -= fraction.count
        } else {
            digits = String(t)
        }
        guard !digits.isEmpty, digits.allSatisfy({ ("0" ... "9").contains($0) }) else { return nil }
        var trimmed = Substring(digits)
        while trimmed.count > 1 && trimmed.first == "0" { trimmed = trimmed.dropFirst() }
        // The significand is an integer literal, so at most 18 digits; longer ones parse at run time.
        guard trimmed.count <= 18 else { return "Foundation.Decimal(string: \(SwiftIdentifiers.stringLiteral(text)))!" }
        return "Foundation.Decimal(sign: .\(negative ? "minus" : "plus"), exponent: \(exponent), significand: \(trimmed))"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
