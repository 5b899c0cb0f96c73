/// Writes `Records+GRDB.swift`: GRDB record conformances that read and write
/// values exactly as the SQLite DDL stores them, which is not GRDB's default:
///
/// | value | GRDB 7 default | here (the SQLite DDL) |
/// |---|---|---|
/// | UUID | 16-byte blob | lowercase TEXT, as `uuid()` writes it |
/// | timestamp | `YYYY-MM-DD HH:MM:SS.SSS` | `YYYY-MM-DDTHH:MM:SS.SSSZ` (UTC), as `now()` writes it |
/// | datetime | same | `YYYY-MM-DD HH:MM:SS.SSS` |
/// | unixtime | (a Date) | INTEGER seconds |
/// | decimal | REAL | text, which NUMERIC affinity stores as INTEGER/REAL (REAL in STRICT tables) |
/// | json, arrays | JSON text, UUIDs uppercase | JSON text with every element in its SQLite form |
///
/// `init(row:)` and `encode(to:)` are written out per column instead of going
/// through `Codable`, so every column gets its own form; the encoding strategies
/// are overridden too, because GRDB uses them for primary-key lookups
/// (`fetchOne(db, key:)`, `deleteOne(db, key:)`).
struct GRDBRenderer {
    let schema: Schema
    let names: SwiftNames
    let plans: [TablePlan]
    let configuration: SwiftConfiguration
    let source: String
    /// The up migrations of `migrations/sqlite`, embedded as `SQLiteMigrations`.
    let migrations: [EmbeddedMigration]

    var access: String { configuration.accessModifier.prefix }

    /// `Records+GRDB.swift`, in parts that `SwiftFile.render` renders side by side; its header only
    /// when the integration is off.
    var file: SwiftFile {
        guard configuration.integrations.contains(.grdb) else {
            return SwiftFile(head: { w in
                SwiftGen.header(&w, source: source, purpose: "The GRDB integration is off: add `grdb` to `integrations` in \(SwiftConfiguration.defaultFileName) to generate it.")
            }, table: nil, tail: { _ in })
        }
        return SwiftFile(head: head, table: { plan, w in record(plan, into: &w) }, tail: { w in
            MigrationsRenderer(names: names, configuration: configuration).renderSQLite(migrations, into: &w)
            w.line()
            w.line("fileprivate typealias CalendarDateType = \(names.qualified("CalendarDate"))")
            w.line("fileprivate typealias JSONValueType = \(names.qualified("JSONValue"))")
            w.line()
            w.lines(GRDBRenderer.helpers)
        })
    }

    private func head(into w: inout SwiftWriter) {
        SwiftGen.header(&w, source: source, purpose: "GRDB conformances: values are read and written the way the SQLite DDL stores them.")
        SwiftGen.imports(&w, ["Foundation", "GRDB"], configuration)
        for e in schema.enums {
            guard let typeName = names.enumTypes[e.name] else { continue }
            w.line()
            w.doc(["Stored as its SQL label (TEXT)."])
            w.line("extension \(names.qualified(typeName)): GRDB.DatabaseValueConvertible {}")
        }
        w.line()
        w.doc(["Stored as `YYYY-MM-DD` text."])
        w.block("extension \(names.qualified("CalendarDate")): GRDB.DatabaseValueConvertible") { w in
            w.line("\(access)var databaseValue: GRDB.DatabaseValue { description.databaseValue }")
            w.line()
            w.block("\(access)static func fromDatabaseValue(_ dbValue: GRDB.DatabaseValue) -> Self?") { w in
                w.line("SQLiteValues.date(dbValue)")
            }
        }
    }

    private func record(_ plan: TablePlan, into w: inout SwiftWriter) {
        let table = plan.table
        let identity = plan.identityColumn
        let persistable = identity == nil ? "GRDB.PersistableRecord" : "GRDB.MutablePersistableRecord"
        var doc = ["Reads and writes `\(table.name)` rows."]
        if let identity {
            doc.append("`MutablePersistableRecord`, so that `insert` can store the `\(identity.column.name)` the database assigns.")
        }
        w.doc(doc)
        w.block("extension \(plan.qualifiedType): GRDB.FetchableRecord, \(persistable), GRDB.TableRecord") { w in
            w.doc(["Named explicitly: GRDB would derive another name from the type."])
            w.line("\(access)static let databaseTableName: Swift.String = \(SwiftIdentifiers.stringLiteral(table.name))")
            w.line()
            columns(plan, into: &w)
            w.line()
            w.doc(["UUIDs are lowercase text, as `uuid()` writes them (GRDB's default is a 16-byte blob)."])
            w.block("\(access)static func databaseUUIDEncodingStrategy(for column: Swift.String) -> GRDB.DatabaseUUIDEncodingStrategy") { w in
                w.line(".lowercaseString")
            }
            w.line()
            let unixtimes = plan.fields.filter { $0.kind == .unixtime }.map(\.column.name)
            let datetimes = plan.fields.filter { $0.kind == .datetime }.map(\.column.name)
            w.doc(["Dates in the text (or integer) form of their column's type."])
            w.block("\(access)static func databaseDateEncodingStrategy(for column: Swift.String) -> GRDB.DatabaseDateEncodingStrategy") { w in
                if unixtimes.isEmpty && datetimes.isEmpty {
                    w.line(".custom { SQLiteValues.timestampText($0) }")
                } else {
                    w.block("switch column") { w in
                        if !unixtimes.isEmpty { w.line("case \(unixtimes.map(SwiftIdentifiers.stringLiteral).joined(separator: ", ")): return .secondsSince1970") }
                        if !datetimes.isEmpty { w.line("case \(datetimes.map(SwiftIdentifiers.stringLiteral).joined(separator: ", ")): return .custom { SQLiteValues.datetimeText($0) }") }
                        w.line("default: return .custom { SQLiteValues.timestampText($0) }")
                    }
                }
            }
            w.line()
            w.doc(["Reads the columns by name; a missing column or a value of another type throws."])
            w.block("\(access)init(row: GRDB.Row) throws") { w in
                if plan.fields.isEmpty { w.line("self.init()"); return }
                SwiftGen.initFromRow(plan, values: "SQLiteValues", row: "row", decoder: decoder, into: &w)
            }
            w.line()
            let skipped = plan.fields.filter { !$0.isWritten }.map(\.column.name)
            w.doc(["Writes every column" + (skipped.isEmpty ? "." : " but the generated \(skipped.joined(separator: ", ")), which the database computes.")])
            w.block("\(access)func encode(to container: inout GRDB.PersistenceContainer) throws") { w in
                for field in plan.fields where field.isWritten {
                    let value = "self." + field.escapedProperty
                    let expression: String
                    if field.isOptional {
                        let (body, throwing) = encoder(field.kind, "$0")
                        expression = body == "$0" ? value : "\(throwing ? "try " : "")\(value).map { \(throwing ? "try " : "")\(body) }"
                    } else {
                        let (body, throwing) = encoder(field.kind, value)
                        expression = (throwing ? "try " : "") + body
                    }
                    w.open()
                    w.put("container[")
                    w.putLiteral(field.column.name)
                    w.put("] = ")
                    w.put(expression)
                    w.close()
                }
            }
            if let identity {
                w.line()
                w.doc(["Keeps the `\(identity.column.name)` SQLite assigned."])
                w.block("\(access)mutating func didInsert(_ inserted: GRDB.InsertionSuccess)") { w in
                    let conversion = identity.kind == .int64 ? "inserted.rowID" : "\(identity.baseType)(truncatingIfNeeded: inserted.rowID)"
                    w.line("self.\(identity.escapedProperty) = \(conversion)")
                }
            }
            associations(plan, into: &w)
            for key in plan.lookupKeys(in: .sqlite) { lookup(key, into: &w) }
            tenantRequest(plan, into: &w)
        }
    }

    /// `Columns`, one `GRDB.Column` per column, as GRDB's documentation declares them, for the
    /// query interface: `Task.filter(Task.Columns.status == TaskStatus.pending)`.
    private func columns(_ plan: TablePlan, into w: inout SwiftWriter) {
        w.doc(["The columns, for GRDB's query interface. Compare with values in their stored form: an enum,",
               "a string or a number as it is; a UUID as `uuid.uuidString.lowercased()` (GRDB would bind a blob)."])
        w.block("\(access)enum Columns") { w in
            for field in plan.fields {
                w.open()
                w.put(access)
                w.put("static let ")
                w.put(field.escapedProperty)
                w.put(" = GRDB.Column(")
                w.putLiteral(field.column.name)
                w.put(")")
                w.close()
            }
        }
    }

    /// One static association per foreign key of the table and per foreign key to it, the
    /// foreign key spelled out so that composite keys and several keys to one table work.
    private func associations(_ plan: TablePlan, into w: inout SwiftWriter) {
        for a in names.associations.of(plan.table.name) {
            guard let otherType = names.tableTypes[a.other] else { continue }
            let fk = a.foreignKey
            let function: String
            let doc: String
            let columns = fk.columns.joined(separator: ", ")
            switch a.kind {
            case .belongsTo:
                function = "belongsTo"
                doc = "The `\(fk.referencedTable)` row that (\(columns)) refers to (foreign key `\(fk.name)`)."
            case .hasMany:
                function = "hasMany"
                doc = "The `\(a.referencing)` rows whose (\(columns)) refer to this row (foreign key `\(fk.name)`)."
            case .hasOne:
                function = "hasOne"
                doc = "The `\(a.referencing)` row whose (\(columns)) refers to this row (foreign key `\(fk.name)`; the columns are unique)."
            }
            let literals = { (names: [String]) in "[" + names.map(SwiftIdentifiers.stringLiteral).joined(separator: ", ") + "]" }
            w.line()
            w.doc([doc])
            w.line("\(access)static let \(SwiftIdentifiers.escaped(a.name)) = \(function)(\(names.qualified(otherType)).self, key: \(SwiftIdentifiers.stringLiteral(a.name)), using: GRDB.ForeignKey(\(literals(fk.columns)), to: \(literals(fk.referencedColumns))))")
        }
    }

    /// `fetchOne(db, slug: ...)`: the row with the given key, its values bound in their stored form.
    private func lookup(_ key: [FieldPlan], into w: inout SwiftWriter) {
        guard !key.isEmpty else { return }
        let labels = TablePlan.keyLabels(key).map(SwiftIdentifiers.escaped)
        let database = labels.contains("db") ? "database" : "db"
        // The statement's leading `try` covers a conversion that throws (JSON, custom types).
        let conditions = zip(key, labels).map { "Columns.\($0.escapedProperty) == \(encoder($0.kind, $1).0)" }
        let parameters = zip(key, labels).map { "\($1): \($0.baseType)" }.joined(separator: ", ")
        w.line()
        w.doc(["The row whose (\(key.map(\.column.name).joined(separator: ", "))) has the given value, or nil."])
        w.block("\(access)static func fetchOne(_ \(database): GRDB.Database, \(parameters)) throws -> Self?") { w in
            w.line("try filter(\(conditions.joined(separator: " && "))).fetchOne(\(database))")
        }
    }

    /// `forTenant(_:)` on a table that declares a tenant: SQLite has no row-level security, so the
    /// application starts every query of the table here (PostgreSQL enforces the same filter itself).
    private func tenantRequest(_ plan: TablePlan, into w: inout SwiftWriter) {
        guard let tenant = plan.table.tenant, let field = plan.fields.first(where: { $0.column.name == tenant }) else { return }
        let (value, throwing) = encoder(field.kind, "tenant")
        w.line()
        w.doc(["The rows of `tenant` (whose `\(tenant)` is it): SQLite cannot enforce the tenant isolation",
               "PostgreSQL's policy does, so start every request of this table here."])
        w.block("\(access)static func forTenant(_ tenant: \(field.baseType)) \(throwing ? "throws " : "")-> GRDB.QueryInterfaceRequest<Self>") { w in
            w.line("\(throwing ? "try " : "")filter(Columns.\(field.escapedProperty) == \(value))")
        }
    }

    /// The function that turns a `DatabaseValue` into the Swift value, or nil when it has another type.
    private func decoder(_ kind: ValueKind) -> String {
        switch kind {
        case .bool: return "SQLiteValues.bool"
        case .int16: return "SQLiteValues.integer(Swift.Int16.self)"
        case .int32: return "SQLiteValues.integer(Swift.Int32.self)"
        case .int64: return "SQLiteValues.integer(Swift.Int64.self)"
        case .float: return "SQLiteValues.float"
        case .double: return "SQLiteValues.double"
        case .decimal: return "SQLiteValues.decimal"
        case .string, .time: return "SQLiteValues.string"
        case .uuid: return "SQLiteValues.uuid"
        case .timestamp, .datetime: return "SQLiteValues.timestamp"
        case .unixtime: return "SQLiteValues.unixtime"
        case .date: return "SQLiteValues.date"
        case .json: return "SQLiteValues.json"
        case .bytes: return "SQLiteValues.bytes"
        case .enumeration(let type, _): return "SQLiteValues.enumeration(\(type).self)"
        case .custom(let type): return "SQLiteValues.custom(\(type).self)"
        case .array(let element):
            let (json, convert) = arrayElement(element)
            return "SQLiteValues.array(\(json).self, \(convert))"
        }
    }

    /// How an array element sits in the JSON text: the JSON type decoded, and the conversion to the element.
    private func arrayElement(_ kind: ValueKind) -> (String, String) {
        switch kind {
        case .bool: return ("Swift.Bool", "{ $0 }")
        case .int16: return ("Swift.Int16", "{ $0 }")
        case .int32: return ("Swift.Int32", "{ $0 }")
        case .int64: return ("Swift.Int64", "{ $0 }")
        case .float: return ("Swift.Float", "{ $0 }")
        case .double: return ("Swift.Double", "{ $0 }")
        case .decimal: return ("Foundation.Decimal", "{ $0 }")
        case .unixtime: return ("Swift.Int64", "{ Foundation.Date(timeIntervalSince1970: Swift.Double($0)) }")
        case .string, .time: return ("Swift.String", "{ $0 }")
        case .uuid: return ("Swift.String", "{ Foundation.UUID(uuidString: $0) }")
        case .timestamp, .datetime: return ("Swift.String", "{ SQLiteValues.parseTimestamp($0) }")
        case .date: return ("Swift.String", "{ \(names.qualified("CalendarDate"))($0) }")
        case .bytes: return ("Swift.String", "{ Foundation.Data(base64Encoded: $0) }")
        case .enumeration(let type, _): return ("Swift.String", "{ \(type)(rawValue: $0) }")
        case .json: return ("\(names.qualified("JSONValue"))", "{ $0 }")
        case .custom(let type): return (type, "{ $0 }")
        case .array: return ("Swift.String", "{ _ in nil }")     // nested arrays do not pass the validator
        }
    }

    /// The expression that turns `value` into what the container stores, and whether it throws.
    private func encoder(_ kind: ValueKind, _ value: String) -> (String, Bool) {
        switch kind {
        case .bool: return ("(\(value) ? 1 : 0)", false)
        case .int16, .int32, .int64, .double, .string, .time, .bytes: return (value, false)
        case .float: return ("Swift.Double(\(value))", false)
        case .decimal: return ("SQLiteValues.decimalText(\(value))", false)
        case .uuid: return ("SQLiteValues.uuidText(\(value))", false)
        case .timestamp: return ("SQLiteValues.timestampText(\(value))", false)
        case .datetime: return ("SQLiteValues.datetimeText(\(value))", false)
        case .unixtime: return ("SQLiteValues.unixtimeSeconds(\(value))", false)
        case .date: return ("\(value).description", false)
        case .json: return ("SQLiteValues.jsonText(\(value))", true)
        case .enumeration: return ("\(value).rawValue", false)
        case .custom: return ("SQLiteValues.custom(\(value))", true)
        case .array(let element):
            let (fragment, throwing) = jsonFragment(element, "$0")
            return ("SQLiteValues.jsonArray(\(value).map { \(throwing ? "try " : "")\(fragment) })", throwing)
        }
    }

    /// One array element as JSON text.
    private func jsonFragment(_ kind: ValueKind, _ value: String) -> (String, Bool) {
        switch kind {
        case .bool: return ("(\(value) ? \"true\" : \"false\")", false)
        case .int16, .int32, .int64: return ("Swift.String(\(value))", false)
        case .float, .double: return ("SQLiteValues.jsonNumber(Swift.Double(\(value)))", true)
        case .decimal: return ("SQLiteValues.decimalText(\(value))", false)
        case .unixtime: return ("Swift.String(SQLiteValues.unixtimeSeconds(\(value)))", false)
        case .string, .time: return ("SQLiteValues.jsonString(\(value))", false)
        case .uuid: return ("SQLiteValues.jsonString(SQLiteValues.uuidText(\(value)))", false)
        case .timestamp: return ("SQLiteValues.jsonString(SQLiteValues.timestampText(\(value)))", false)
        case .datetime: return ("SQLiteValues.jsonString(SQLiteValues.datetimeText(\(value)))", false)
        case .date: return ("SQLiteValues.jsonString(\(value).description)", false)
        case .bytes: return ("SQLiteValues.jsonString(\(value).base64EncodedString())", false)
        case .enumeration: return ("SQLiteValues.jsonString(\(value).rawValue)", false)
        case .json, .custom, .array: return ("SQLiteValues.jsonText(\(value))", true)
        }
    }

    /// The file-private conversions every record of the file uses. File-private, so that two
    /// schemas generated into one module do not clash.
    static let helpers = #"""
    // MARK: - SQLite value forms

    /// The SQLite forms of the schema's types (see the type table of the schema format).
    fileprivate enum SQLiteValues {
        static func value(_ row: GRDB.Row, _ table: Swift.String, _ column: Swift.String) throws -> GRDB.DatabaseValue {
            guard row.hasColumn(column) else {
                throw failure(table, column, "the row has no column '\(column)'")
            }
            return try row.decode(GRDB.DatabaseValue.self, forColumn: column)
        }

        static func required<T>(_ row: GRDB.Row, _ table: Swift.String, _ column: Swift.String,
                                _ decode: (GRDB.DatabaseValue) throws -> T?) throws -> T {
            let dbValue = try value(row, table, column)
            if dbValue.isNull { throw failure(table, column, "NULL in a column that is not nullable") }
            guard let result = try decode(dbValue) else { throw failure(table, column, "cannot read \(dbValue) as \(T.self)") }
            return result
        }

        static func optional<T>(_ row: GRDB.Row, _ table: Swift.String, _ column: Swift.String,
                                _ decode: (GRDB.DatabaseValue) throws -> T?) throws -> T? {
            let dbValue = try value(row, table, column)
            if dbValue.isNull { return nil }
            guard let result = try decode(dbValue) else { throw failure(table, column, "cannot read \(dbValue) as \(T.self)") }
            return result
        }

        static func failure(_ table: Swift.String, _ column: Swift.String, _ message: Swift.String) -> Swift.DecodingError {
            Swift.DecodingError.dataCorrupted(Swift.DecodingError.Context(codingPath: [], debugDescription: "\(table).\(column): \(message)"))
        }

        // Reading

        static func bool(_ dbValue: GRDB.DatabaseValue) -> Swift.Bool? {
            if case .int64(let i) = dbValue.storage { return i != 0 }
            return nil
        }

        static func integer<T: Swift.FixedWidthInteger>(_ type: T.Type) -> (GRDB.DatabaseValue) -> T? {
            { dbValue in
                switch dbValue.storage {
                case .int64(let i): return T(exactly: i)
                case .double(let d): return T(exactly: d)
                default: return nil
                }
            }
        }

        static func double(_ dbValue: GRDB.DatabaseValue) -> Swift.Double? {
            switch dbValue.storage {
            case .double(let d): return d
            case .int64(let i): return Swift.Double(i)
            default: return nil
            }
        }

        static func float(_ dbValue: GRDB.DatabaseValue) -> Swift.Float? {
            double(dbValue).map { Swift.Float($0) }
        }

        /// NUMERIC affinity turns decimal text into INTEGER or REAL; a REAL is read through
        /// its shortest decimal form, so `19.99` comes back as 19.99, not 19.989999999999998.
        static func decimal(_ dbValue: GRDB.DatabaseValue) -> Foundation.Decimal? {
            switch dbValue.storage {
            case .int64(let i): return Foundation.Decimal(i)
            case .double(let d): return Foundation.Decimal(string: "\(d)", locale: Foundation.Locale(identifier: "en_US_POSIX"))
            case .string(let s): return Foundation.Decimal(string: s, locale: Foundation.Locale(identifier: "en_US_POSIX"))
            default: return nil
            }
        }

        static func string(_ dbValue: GRDB.DatabaseValue) -> Swift.String? {
            if case .string(let s) = dbValue.storage { return s }
            return nil
        }

        static func uuid(_ dbValue: GRDB.DatabaseValue) -> Foundation.UUID? {
            switch dbValue.storage {
            case .string(let s): return Foundation.UUID(uuidString: s)
            case .blob(let data) where data.count == 16:
                return data.withUnsafeBytes { Foundation.UUID(uuid: $0.load(as: Foundation.uuid_t.self)) }
            default: return nil
            }
        }

        static func timestamp(_ dbValue: GRDB.DatabaseValue) -> Foundation.Date? {
            switch dbValue.storage {
            case .string(let s): return parseTimestamp(s)
            case .int64(let i): return Foundation.Date(timeIntervalSince1970: Swift.Double(i))
            case .double(let d): return Foundation.Date(timeIntervalSince1970: d)
            default: return nil
            }
        }

        static func unixtime(_ dbValue: GRDB.DatabaseValue) -> Foundation.Date? {
            switch dbValue.storage {
            case .int64(let i): return Foundation.Date(timeIntervalSince1970: Swift.Double(i))
            case .double(let d): return Foundation.Date(timeIntervalSince1970: d)
            default: return nil
            }
        }

        static func date(_ dbValue: GRDB.DatabaseValue) -> CalendarDateType? {
            string(dbValue).flatMap { CalendarDateType($0) }
        }

        static func json(_ dbValue: GRDB.DatabaseValue) throws -> JSONValueType? {
            switch dbValue.storage {
            case .string(let s): return try Foundation.JSONDecoder().decode(JSONValueType.self, from: Foundation.Data(s.utf8))
            case .int64(let i): return .number(Swift.Double(i))
            case .double(let d): return .number(d)
            default: return nil
            }
        }

        static func bytes(_ dbValue: GRDB.DatabaseValue) -> Foundation.Data? {
            if case .blob(let data) = dbValue.storage { return data }
            return nil
        }

        static func enumeration<E: Swift.RawRepresentable>(_ type: E.Type) -> (GRDB.DatabaseValue) -> E? where E.RawValue == Swift.String {
            { dbValue in string(dbValue).flatMap(E.init(rawValue:)) }
        }

        /// A JSON array whose elements decode as `J` and convert to the element type.
        static func array<J: Swift.Decodable, T>(_ json: J.Type, _ convert: @escaping (J) -> T?) -> (GRDB.DatabaseValue) throws -> [T]? {
            { dbValue in
                guard let text = string(dbValue) else { return nil }
                let items = try Foundation.JSONDecoder().decode([J].self, from: Foundation.Data(text.utf8))
                var result: [T] = []
                result.reserveCapacity(items.count)
                for item in items {
                    guard let element = convert(item) else { return nil }
                    result.append(element)
                }
                return result
            }
        }

        static func custom<T: GRDB.DatabaseValueConvertible>(_ type: T.Type) -> (GRDB.DatabaseValue) throws -> T? {
            { T.fromDatabaseValue($0) }
        }

        static func custom<T: Swift.Decodable>(_ type: T.Type) -> (GRDB.DatabaseValue) throws -> T? {
            { dbValue in
                guard let text = string(dbValue) else { return nil }
                return try Foundation.JSONDecoder().decode(T.self, from: Foundation.Data(text.utf8))
            }
        }

        static func custom<T: GRDB.DatabaseValueConvertible & Swift.Decodable>(_ type: T.Type) -> (GRDB.DatabaseValue) throws -> T? {
            { T.fromDatabaseValue($0) }
        }

        // Writing

        static func uuidText(_ uuid: Foundation.UUID) -> Swift.String {
            uuid.uuidString.lowercased()
        }

        static func decimalText(_ decimal: Foundation.Decimal) -> Swift.String {
            decimal.description
        }

        /// `YYYY-MM-DDTHH:MM:SS.SSSZ`, rounded to the millisecond.
        static func timestampText(_ date: Foundation.Date) -> Swift.String {
            let (day, time) = civil(date)
            return day + "T" + time + "Z"
        }

        /// `YYYY-MM-DD HH:MM:SS.SSS`: the UTC wall clock, rounded to the millisecond.
        static func datetimeText(_ date: Foundation.Date) -> Swift.String {
            let (day, time) = civil(date)
            return day + " " + time
        }

        static func unixtimeSeconds(_ date: Foundation.Date) -> Swift.Int64 {
            Swift.Int64(date.timeIntervalSince1970.rounded(.down))
        }

        static func jsonText(_ value: some Swift.Encodable) throws -> Swift.String {
            let encoder = Foundation.JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Swift.String(decoding: try encoder.encode(value), as: Swift.UTF8.self)
        }

        static func jsonArray(_ fragments: [Swift.String]) -> Swift.String {
            "[" + fragments.joined(separator: ",") + "]"
        }

        static func jsonNumber(_ value: Swift.Double) throws -> Swift.String {
            guard value.isFinite else { throw Swift.EncodingError.invalidValue(value, Swift.EncodingError.Context(codingPath: [], debugDescription: "JSON has no \(value)")) }
            return "\(value)"
        }

        static func jsonString(_ text: Swift.String) -> Swift.String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = Swift.String(scalar.value, radix: 16)
                        out += "\\u" + Swift.String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }

        static func custom<T: GRDB.DatabaseValueConvertible>(_ value: T) throws -> GRDB.DatabaseValue {
            value.databaseValue
        }

        static func custom<T: Swift.Encodable>(_ value: T) throws -> GRDB.DatabaseValue {
            try jsonText(value).databaseValue
        }

        static func custom<T: GRDB.DatabaseValueConvertible & Swift.Encodable>(_ value: T) throws -> GRDB.DatabaseValue {
            value.databaseValue
        }

        // Calendar arithmetic (proleptic Gregorian, UTC)

        /// The day and the time of day of `date` in UTC, rounded to the millisecond.
        static func civil(_ date: Foundation.Date) -> (Swift.String, Swift.String) {
            // Whole seconds and the fraction apart: the product of a large date and 1000 would round.
            let seconds = date.timeIntervalSince1970.rounded(.down)
            let millis = Swift.Int64(seconds) * 1000 + Swift.Int64(((date.timeIntervalSince1970 - seconds) * 1000).rounded())
            let days = millis >= 0 ? millis / 86_400_000 : -((-millis + 86_399_999) / 86_400_000)
            let ofDay = millis - days * 86_400_000
            let day = CalendarDateType(daysSince1970: Swift.Int(days)).description
            func pad(_ value: Swift.Int64, _ width: Swift.Int) -> Swift.String {
                let digits = Swift.String(value)
                return Swift.String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
            }
            let time = pad(ofDay / 3_600_000, 2) + ":" + pad(ofDay / 60_000 % 60, 2) + ":" + pad(ofDay / 1000 % 60, 2) + "." + pad(ofDay % 1000, 3)
            return (day, time)
        }

        /// Reads `YYYY-MM-DD[T ]HH:MM[:SS[.fraction]][Z|±HH[:MM]]` (what SQLite's date functions
        /// and this file write); no zone means UTC.
        static func parseTimestamp(_ text: Swift.String) -> Foundation.Date? {
            let chars = Swift.Array(text.utf8)
            guard chars.count >= 16, chars[10] == 0x54 || chars[10] == 0x20 || chars[10] == 0x74,
                  let day = CalendarDateType(Swift.String(decoding: chars[0 ..< 10], as: Swift.UTF8.self)) else { return nil }
            var i = 11
            func number(_ width: Swift.Int) -> Swift.Int? {
                guard i + width <= chars.count else { return nil }
                var value = 0
                for c in chars[i ..< i + width] {
                    guard c >= 0x30 && c <= 0x39 else { return nil }
                    value = value * 10 + Swift.Int(c - 0x30)
                }
                i += width
                return value
            }
            guard let hour = number(2), i < chars.count, chars[i] == 0x3A else { return nil }
            i += 1
            guard let minute = number(2) else { return nil }
            var second = 0
            var micros = 0
            if i < chars.count && chars[i] == 0x3A {
                i += 1
                guard let s = number(2) else { return nil }
                second = s
                if i < chars.count && chars[i] == 0x2E {
                    i += 1
                    var digits = 0
                    while i < chars.count, chars[i] >= 0x30 && chars[i] <= 0x39 {
                        if digits < 6 { micros = micros * 10 + Swift.Int(chars[i] - 0x30) }
                        digits += 1
                        i += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in Swift.min(digits, 6) ..< 6 { micros *= 10 }
                }
            }
            var offset = 0
            if i < chars.count {
                switch chars[i] {
                case 0x5A, 0x7A: i += 1
                case 0x2B, 0x2D:
                    let sign = chars[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let h = number(2) else { return nil }
                    var m = 0
                    if i < chars.count && chars[i] == 0x3A { i += 1 }
                    if i < chars.count { guard let mm = number(2) else { return nil }; m = mm }
                    offset = sign * (h * 3600 + m * 60)
                default: return nil
                }
            }
            guard i == chars.count, hour < 24, minute < 60, second < 61 else { return nil }
            let seconds = Swift.Int64(day.daysSince1970) * 86400 + Swift.Int64(hour * 3600 + minute * 60 + second - offset)
            // Whole milliseconds divide by 1000 exactly as a literal `1700000000.123` parses, so values round-trip.
            if micros % 1000 == 0 {
                return Foundation.Date(timeIntervalSince1970: Swift.Double(seconds * 1000 + Swift.Int64(micros / 1000)) / 1000)
            }
            return Foundation.Date(timeIntervalSince1970: Swift.Double(seconds) + Swift.Double(micros) / 1_000_000)
        }
    }
    """#
}
