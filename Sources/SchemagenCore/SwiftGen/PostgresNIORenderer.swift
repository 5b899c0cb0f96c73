/// Writes `Records+PostgresNIO.swift`: per table, `init(postgresRow:)` that
/// reads a row by column name, `postgresInsert()` that builds an `INSERT ...
/// RETURNING` with every value bound, `postgresSelect`, and the operations of
/// `PostgresOperations` (find, children, insert many, update, upsert, delete).
///
/// Where PostgresNIO's own coding is not what the DDL needs, the file carries
/// its own (file-private, so two schemas in one module do not clash):
/// - timestamps to and from microseconds with rounding (PostgresNIO truncates,
///   so a millisecond value could come back a microsecond early);
/// - enums are bound as text (PostgresNIO's choice for a String enum) and cast
///   to their type in the statement (`$3::task_status`); `time` likewise;
/// - arrays of types PostgresNIO has no array coding for (enums, numeric,
///   dates, times, timestamps, bytea) are bound as `text[]` in PostgreSQL's text
///   forms and cast (`$4::task_status[]`); they are read by a binary array reader.
struct PostgresNIORenderer {
    let schema: Schema
    /// Made once: building one reads the whole schema (its tenant tables' views), and the encoders
    /// need one per field.
    let ddl: PostgresDDL
    let names: SwiftNames
    let plans: [TablePlan]
    let configuration: SwiftConfiguration
    let source: String
    /// The up migrations of `migrations/postgres`, embedded as `PostgresMigrations`.
    let migrations: [EmbeddedMigration]

    var access: String { configuration.accessModifier.prefix }

    /// `Records+PostgresNIO.swift`, in parts that `SwiftFile.render` renders side by side; its
    /// header only when the integration is off.
    var file: SwiftFile {
        guard configuration.integrations.contains(.postgresnio) else {
            return SwiftFile(head: { w in
                SwiftGen.header(&w, source: source, purpose: "The PostgresNIO integration is off: add `postgresnio` to `integrations` in \(SwiftConfiguration.defaultFileName) to generate it.")
            }, table: nil, tail: { _ in })
        }
        return SwiftFile(head: head, table: { plan, w in record(plan, into: &w) }, tail: { w in
            MigrationsRenderer(names: names, configuration: configuration).renderPostgres(migrations, namespace: schema.postgresSchema, into: &w)
            w.line()
            w.line("fileprivate typealias CalendarDateType = \(names.qualified("CalendarDate"))")
            w.line()
            w.lines(PostgresNIORenderer.helpers)
        })
    }

    private func head(into w: inout SwiftWriter) {
        SwiftGen.header(&w, source: source, purpose: "PostgresNIO: reading records from rows, and one-statement operations with every value bound.")
        SwiftGen.imports(&w, ["Foundation", "PostgresNIO"], configuration)
        w.line()
        w.doc(["Bound as JSONB."])
        w.line("extension \(names.qualified("JSONValue")): PostgresNIO.PostgresCodable {}")
        w.line()
        w.doc(["Bound as DATE: days since 2000-01-01 in PostgreSQL's binary format."])
        w.block("extension \(names.qualified("CalendarDate")): PostgresNIO.PostgresNonThrowingEncodable, PostgresNIO.PostgresDecodable") { w in
            w.line("\(access)static var psqlType: PostgresNIO.PostgresDataType { .date }")
            w.line("\(access)static var psqlFormat: PostgresNIO.PostgresFormat { .binary }")
            w.line()
            w.block("\(access)func encode<JSONEncoder: PostgresNIO.PostgresJSONEncoder>(into byteBuffer: inout NIOCore.ByteBuffer, context: PostgresNIO.PostgresEncodingContext<JSONEncoder>)") { w in
                w.line("byteBuffer.writeInteger(Swift.Int32(truncatingIfNeeded: daysSince1970 - 10957))")
            }
            w.line()
            w.block("\(access)init<JSONDecoder: PostgresNIO.PostgresJSONDecoder>(from buffer: inout NIOCore.ByteBuffer, type: PostgresNIO.PostgresDataType, format: PostgresNIO.PostgresFormat, context: PostgresNIO.PostgresDecodingContext<JSONDecoder>) throws") { w in
                w.block("switch (format, type)") { w in
                    w.line("case (.binary, .date):")
                    w.line("    guard buffer.readableBytes == 4, let days = buffer.readInteger(as: Swift.Int32.self) else { throw PostgresNIO.PostgresDecodingError.Code.failure }")
                    w.line("    self.init(daysSince1970: Swift.Int(days) + 10957)")
                    w.line("case (.text, .date):")
                    w.line("    guard let text = buffer.readString(length: buffer.readableBytes), let value = Self(text) else { throw PostgresNIO.PostgresDecodingError.Code.failure }")
                    w.line("    self = value")
                    w.line("default:")
                    w.line("    throw PostgresNIO.PostgresDecodingError.Code.typeMismatch")
                }
            }
        }
        runnerProtocol(into: &w)
        tenantSession(into: &w)
    }

    /// The protocol the operations take: `PostgresClient` and `PostgresConnection` conform. Its one
    /// requirement is met in constrained extensions of the protocol, not in members added to
    /// PostgresNIO's types, and is named after the namespace (`runWorkflowQuery`): the extensions of
    /// two schemas generated into one module both apply to `PostgresClient`, and two witnesses of
    /// one name would be ambiguous.
    private func runnerProtocol(into w: inout SwiftWriter) {
        let runner = names.qualified(PostgresNIORenderer.runner)
        let run = runMethod
        w.line()
        w.inNamespace(names.namespace) { w in
            w.doc(["What the generated operations run their one statement on: a `PostgresClient` (a pool) or a `PostgresConnection`."])
            w.block("\(access)protocol \(PostgresNIORenderer.runner): Swift.Sendable") { w in
                w.doc(["Runs one statement with its bound values."])
                w.line("func \(run)(_ query: PostgresNIO.PostgresQuery, logger: Logging.Logger) async throws -> PostgresNIO.PostgresRowSequence")
            }
        }
        for type in ["PostgresClient", "PostgresConnection"] {
            w.line()
            w.block("extension \(runner) where Self == PostgresNIO.\(type)") { w in
                w.block("\(access)func \(run)(_ query: PostgresNIO.PostgresQuery, logger: Logging.Logger) async throws -> PostgresNIO.PostgresRowSequence") { w in
                    w.line("try await self.query(query, logger: logger)")
                }
            }
            w.line()
            w.line("extension PostgresNIO.\(type): \(runner) {}")
        }
    }

    /// `with<Namespace>Tenant(_:logger:_:)` on `PostgresConnection` and `PostgresClient`, when a table
    /// declares a tenant: the body runs in one transaction whose first statement sets the tenant
    /// setting locally, so the row-level security policies see it and nothing outlives the transaction.
    private func tenantSession(into w: inout SwiftWriter) {
        guard let key = tenantKey else { return }
        let session = PostgresTenantSession(setting: schema.effectiveTenantSetting)
        let name = "with" + SwiftIdentifiers.capitalizeFirst(names.namespace ?? "") + "Tenant"
        let signature = "\(access)func \(name)<Result>(_ tenant: \(key.type), logger: Logging.Logger, isolation: isolated (any Swift.Actor)? = #isolation, _ body: (PostgresNIO.PostgresConnection) async throws -> sending Result) async throws -> sending Result"
        w.line()
        w.block("extension PostgresNIO.PostgresConnection") { w in
            w.doc(["Runs `body` in one transaction as `tenant`: its first statement sets `\(schema.effectiveTenantSetting)` with",
                   "`set_config(..., true)` (`SET LOCAL`), so the tenant tables' policies show and accept only that tenant's",
                   "rows; the setting ends with the transaction (COMMIT, or ROLLBACK when `body` throws), so a pooled",
                   "connection carries no tenant to its next user. Run the operations on the connection `body` gets."])
            w.block(signature) { w in
                w.line("let value: Swift.String = \(key.text)")
                w.line("return try await self.withTransaction(logger: logger, isolation: isolation) { connection in")
                w.indented { w in
                    let set = session.setTenant
                    w.line("try await connection.query(\(MigrationsRenderer.interpolated(set.before, "value", set.after)), logger: logger)")
                    w.line("return try await body(connection)")
                }
                w.line("}")
            }
        }
        w.line()
        w.block("extension PostgresNIO.PostgresClient") { w in
            w.doc(["`PostgresConnection.\(name)` on a connection of the pool, given back to the pool when `body` is done."])
            w.block(signature) { w in
                w.line("try await self.withConnection(isolation: isolation) { connection in")
                w.line("    try await connection.\(name)(tenant, logger: logger, isolation: isolation, body)")
                w.line("}")
            }
        }
    }

    /// The Swift type a tenant is given as, and its text: the tenant columns' type when they all
    /// share one that has an exact text form (UUID, String, an integer), else `String`.
    var tenantKey: (type: String, text: String)? {
        let fields = plans.compactMap { plan in plan.table.tenant.flatMap { tenant in plan.fields.first { $0.column.name == tenant } } }
        guard let first = fields.first else { return nil }
        guard fields.allSatisfy({ $0.baseType == first.baseType && $0.kind == first.kind }) else { return ("Swift.String", "tenant") }
        switch first.kind {
        case .uuid: return (first.baseType, "tenant.uuidString")
        case .int16, .int32, .int64: return (first.baseType, "Swift.String(tenant)")
        case .string: return (first.baseType, "tenant")
        default: return ("Swift.String", "tenant")
        }
    }

    /// The protocol's name (a support type name, reserved against tables).
    static let runner = "PostgresQueryRunner"

    /// The protocol's requirement: `runWorkflowQuery`, `runGeneratedQuery` without a namespace.
    var runMethod: String { "run" + SwiftIdentifiers.capitalizeFirst(names.namespace ?? "Generated") + "Query" }

    private func record(_ plan: TablePlan, into w: inout SwiftWriter) {
        let table = plan.table
        let columns = table.columns.map(\.name)
        let statements = ddl.statements(for: table.name, columns: columns)
        let insert = statements.render(InsertStatement(columns: plan.fields.filter(\.isWritten).map(\.column.name), returning: columns))
        w.block("extension \(plan.qualifiedType)") { w in
            w.doc(["`SELECT` of every column, in the order `init(postgresRow:)` expects none: it reads by name."])
            w.line("\(access)static let postgresSelect: Swift.String = \(SwiftIdentifiers.stringLiteral(statements.render(.select(columns: columns))))")
            w.line()
            w.doc(["Reads a row that has the table's columns (found by name; other columns are ignored),",
                   "such as a row of `postgresSelect` or of `postgresInsert()`'s `RETURNING`."])
            w.block("\(access)init(postgresRow row: PostgresNIO.PostgresRow) throws") { w in
                if plan.fields.isEmpty { w.line("self.init()"); return }
                w.line("let cells = row.makeRandomAccess()")
                SwiftGen.initFromRow(plan, values: "PostgresValues", row: "cells", decoder: decoder, into: &w)
            }
            w.line()
            w.doc(["The `INSERT` before its rows, which `postgresValues(into:)` binds."])
            w.line("fileprivate static let postgresInsertHead: Swift.String = \(SwiftIdentifiers.stringLiteral(insert.head))")
            w.doc(["What follows the rows of an `INSERT`, and of an upsert after its conflict clause."])
            w.line("fileprivate static let postgresReturning: Swift.String = \(SwiftIdentifiers.stringLiteral(insert.returning))")
            w.line()
            var doc = ["`INSERT INTO \(table.name) ... RETURNING` every column, with the record's values bound."]
            if let identity = plan.identityColumn {
                doc.append("A nil `\(identity.property)` inserts `DEFAULT`, so the database assigns it; read it from the returned row.")
            }
            if plan.fields.contains(where: { !$0.isWritten }) { doc.append("Generated columns are not written.") }
            w.doc(doc)
            w.block("\(access)func postgresInsert() throws -> PostgresNIO.PostgresQuery") { w in
                w.line("var insert = PostgresValues.Insert()")
                w.line("try postgresValues(into: &insert)")
                w.line("return insert.query(Self.postgresInsertHead, Self.postgresReturning)")
            }
            w.line()
            w.doc(["Binds every written column into the next row of `insert`, in the order of `postgresInsertHead`."])
            w.block("fileprivate func postgresValues(into insert: inout PostgresValues.Insert) throws") { w in
                for field in plan.fields where field.isWritten {
                    let (expression, cast) = encoder(field, "self." + field.escapedProperty)
                    w.open()
                    w.put("try insert.bind(")
                    w.put(expression)
                    if let cast {
                        w.put(", cast: ")
                        w.putLiteral(ddl.castSuffix(cast))
                    }
                    if field.isIdentity { w.put(", defaultWhenNil: true") }
                    w.put(")")
                    w.close()
                }
            }
            PostgresOperations(renderer: self, plan: plan, statements: statements).render(into: &w)
        }
    }

    /// A key or condition value as bound: the expression for a non-optional `value`, and its placeholder.
    func parameter(_ field: FieldPlan, _ value: String, number: Int) -> (expression: String, placeholder: Placeholder) {
        let (expression, cast) = encoder(field, value, optional: false)
        return (expression, Placeholder(number, cast: cast))
    }

    /// A record's own value as bound (optional when the property is): the expression and its placeholder.
    func value(_ field: FieldPlan, number: Int) -> (expression: String, placeholder: Placeholder) {
        let (expression, cast) = encoder(field, "self." + field.escapedProperty)
        return (expression, Placeholder(number, cast: cast))
    }

    // MARK: Reading

    private func decoder(_ kind: ValueKind) -> String {
        switch kind {
        case .bool: return "PostgresValues.native(Swift.Bool.self)"
        case .int16: return "PostgresValues.native(Swift.Int16.self)"
        case .int32: return "PostgresValues.native(Swift.Int32.self)"
        case .int64: return "PostgresValues.native(Swift.Int64.self)"
        case .float: return "PostgresValues.native(Swift.Float.self)"
        case .double: return "PostgresValues.native(Swift.Double.self)"
        case .decimal: return "PostgresValues.native(Foundation.Decimal.self)"
        case .string: return "PostgresValues.native(Swift.String.self)"
        case .uuid: return "PostgresValues.native(Foundation.UUID.self)"
        case .bytes: return "PostgresValues.native(Foundation.Data.self)"
        case .date: return "PostgresValues.native(\(names.qualified("CalendarDate")).self)"
        case .json: return "PostgresValues.native(\(names.qualified("JSONValue")).self)"
        case .custom(let type): return "PostgresValues.native(\(type).self)"
        case .timestamp, .datetime: return "PostgresValues.timestamp"
        case .unixtime: return "PostgresValues.unixtime"
        case .time: return "PostgresValues.time"
        case .enumeration(let type, _): return "PostgresValues.enumeration(\(type).self)"
        case .array(let element): return "PostgresValues.array(\(decoder(element)))"
        }
    }

    // MARK: Writing

    /// The bound expression and the cast the statement puts on its placeholder; `optional` overrides
    /// the field's (a key value is never optional).
    func encoder(_ field: FieldPlan, _ value: String, optional: Bool? = nil) -> (String, ColumnType?) {
        let (form, cast) = encoder(field.kind, sqlType: field.column.type)
        if form.isIdentity { return (value, cast) }
        if optional ?? field.isOptional { return (value + ".map { " + form.before + "$0" + form.after + " }", cast) }
        return (form.before + value + form.after, cast)
    }

    /// The bound expression around the value: `before` + the value + `after`.
    struct BoundForm {
        var before = "", after = ""
        var isIdentity: Bool { before.isEmpty && after.isEmpty }
    }

    /// The bound expression's form, and the type the statement casts its placeholder to: the
    /// column's own type where the bound value has another (an enum or `time` bound as text, a
    /// custom type, an array bound as `text[]`).
    private func encoder(_ kind: ValueKind, sqlType: ColumnType) -> (BoundForm, ColumnType?) {
        switch kind {
        case .bool, .int16, .int32, .int64, .float, .double, .decimal, .string, .uuid, .bytes, .date, .json:
            return (BoundForm(), nil)
        case .timestamp: return (BoundForm(before: "PostgresValues.Timestamp(", after: ")"), nil)
        case .datetime: return (BoundForm(before: "PostgresValues.LocalTimestamp(", after: ")"), nil)
        case .unixtime: return (BoundForm(before: "PostgresValues.unixtimeSeconds(", after: ")"), nil)
        case .time: return (BoundForm(), sqlType)
        case .enumeration: return (BoundForm(after: ".rawValue"), sqlType)
        case .custom: return (BoundForm(), sqlType)
        case .array(let element):
            guard case .array = sqlType else { return (BoundForm(), nil) }
            switch element {
            case .bool, .int16, .int32, .int64, .float, .double, .string, .uuid:
                return (BoundForm(), nil)
            case .unixtime: return (BoundForm(after: ".map(PostgresValues.unixtimeSeconds)"), nil)
            case .decimal, .date: return (BoundForm(after: ".map { $0.description }"), sqlType)
            case .timestamp: return (BoundForm(after: ".map(PostgresValues.timestampText)"), sqlType)
            case .datetime: return (BoundForm(after: ".map(PostgresValues.datetimeText)"), sqlType)
            case .bytes: return (BoundForm(after: ".map(PostgresValues.byteaText)"), sqlType)
            case .enumeration: return (BoundForm(after: ".map { $0.rawValue }"), sqlType)
            default: return (BoundForm(), sqlType)
            }
        }
    }

    static let helpers = #"""
    // MARK: - PostgreSQL value forms

    /// Reading and binding the schema's types (see the type table of the schema format).
    fileprivate enum PostgresValues {
        typealias Decode<T> = (inout NIOCore.ByteBuffer, PostgresNIO.PostgresDataType, PostgresNIO.PostgresFormat) throws -> T

        static func cell(_ cells: PostgresNIO.PostgresRandomAccessRow, _ table: Swift.String, _ column: Swift.String) throws -> PostgresNIO.PostgresCell {
            guard cells.contains(column) else { throw failure(table, column, "the row has no column '\(column)'") }
            return cells[column]
        }

        static func required<T>(_ cells: PostgresNIO.PostgresRandomAccessRow, _ table: Swift.String, _ column: Swift.String, _ decode: Decode<T>) throws -> T {
            let cell = try cell(cells, table, column)
            guard var buffer = cell.bytes else { throw failure(table, column, "NULL in a column that is not nullable") }
            do {
                return try decode(&buffer, cell.dataType, cell.format)
            } catch {
                throw failure(table, column, "cannot read \(cell.dataType) as \(T.self): \(error)")
            }
        }

        static func optional<T>(_ cells: PostgresNIO.PostgresRandomAccessRow, _ table: Swift.String, _ column: Swift.String, _ decode: Decode<T>) throws -> T? {
            let cell = try cell(cells, table, column)
            guard var buffer = cell.bytes else { return nil }
            do {
                return try decode(&buffer, cell.dataType, cell.format)
            } catch {
                throw failure(table, column, "cannot read \(cell.dataType) as \(T.self): \(error)")
            }
        }

        static func failure(_ table: Swift.String, _ column: Swift.String, _ message: Swift.String) -> Swift.DecodingError {
            Swift.DecodingError.dataCorrupted(Swift.DecodingError.Context(codingPath: [], debugDescription: "\(table).\(column): \(message)"))
        }

        static func native<T: PostgresNIO.PostgresDecodable>(_ type: T.Type) -> Decode<T> {
            { buffer, type, format in try T(from: &buffer, type: type, format: format, context: .default) }
        }

        static func enumeration<E: Swift.RawRepresentable>(_ type: E.Type) -> Decode<E> where E.RawValue == Swift.String {
            { buffer, _, _ in
                let label = buffer.readString(length: buffer.readableBytes) ?? ""
                guard let value = E(rawValue: label) else { throw PostgresNIO.PostgresDecodingError.Code.failure }
                return value
            }
        }

        static func timestamp(_ buffer: inout NIOCore.ByteBuffer, _ type: PostgresNIO.PostgresDataType, _ format: PostgresNIO.PostgresFormat) throws -> Foundation.Date {
            guard format == .binary, type == .timestamptz || type == .timestamp, buffer.readableBytes == 8,
                  let micros = buffer.readInteger(as: Swift.Int64.self) else { throw PostgresNIO.PostgresDecodingError.Code.typeMismatch }
            return date(microsecondsSince2000: micros)
        }

        static func unixtime(_ buffer: inout NIOCore.ByteBuffer, _ type: PostgresNIO.PostgresDataType, _ format: PostgresNIO.PostgresFormat) throws -> Foundation.Date {
            let seconds = try Swift.Int64(from: &buffer, type: type, format: format, context: .default)
            return Foundation.Date(timeIntervalSince1970: Swift.Double(seconds))
        }

        /// `HH:MM:SS`, with the fraction PostgreSQL keeps when there is one.
        static func time(_ buffer: inout NIOCore.ByteBuffer, _ type: PostgresNIO.PostgresDataType, _ format: PostgresNIO.PostgresFormat) throws -> Swift.String {
            if format == .text { return buffer.readString(length: buffer.readableBytes) ?? "" }
            guard type == .time, buffer.readableBytes == 8, let micros = buffer.readInteger(as: Swift.Int64.self) else {
                throw PostgresNIO.PostgresDecodingError.Code.typeMismatch
            }
            var text = pad(micros / 3_600_000_000, 2) + ":" + pad(micros / 60_000_000 % 60, 2) + ":" + pad(micros / 1_000_000 % 60, 2)
            if micros % 1_000_000 != 0 {
                var fraction = pad(micros % 1_000_000, 6)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
            return text
        }

        /// A one-dimensional array in PostgreSQL's binary format, each element read by `element`.
        static func array<T>(_ element: @escaping Decode<T>) -> Decode<[T]> {
            { buffer, _, format in
                guard format == .binary, let dimensions = buffer.readInteger(as: Swift.Int32.self),
                      buffer.readInteger(as: Swift.Int32.self) != nil, let oid = buffer.readInteger(as: Swift.UInt32.self) else {
                    throw PostgresNIO.PostgresDecodingError.Code.failure
                }
                if dimensions == 0 { return [] }
                guard dimensions == 1, let count = buffer.readInteger(as: Swift.Int32.self), count >= 0,
                      buffer.readInteger(as: Swift.Int32.self) != nil else { throw PostgresNIO.PostgresDecodingError.Code.failure }
                let elementType = PostgresNIO.PostgresDataType(oid)
                var result: [T] = []
                result.reserveCapacity(Swift.Int(count))
                for _ in 0 ..< count {
                    guard let length = buffer.readInteger(as: Swift.Int32.self), length >= 0,
                          var slice = buffer.readSlice(length: Swift.Int(length)) else { throw PostgresNIO.PostgresDecodingError.Code.failure }
                    result.append(try element(&slice, elementType, .binary))
                }
                return result
            }
        }

        // Binding

        /// The rows of one `INSERT`: a placeholder per value (`DEFAULT` for a nil serial key), every
        /// value bound. The statement around the rows is the generator's (`query(_:_:)`); this only
        /// numbers the placeholders, with the cast each column's `bind` passes.
        struct Insert {
            var rows: [[Swift.String]] = [[]]
            var bindings = PostgresNIO.PostgresBindings()
            var count = 0

            /// Starts the next row, whose values are bound in the same column order.
            mutating func nextRow() { rows.append([]) }

            mutating func bind<T: PostgresNIO.PostgresThrowingDynamicTypeEncodable>(_ value: T?, cast: Swift.String = "", defaultWhenNil: Swift.Bool = false) throws {
                if let value {
                    try bindings.append(value)
                } else if defaultWhenNil {
                    rows[rows.count - 1].append("DEFAULT")
                    return
                } else {
                    bindings.appendNull()
                }
                count += 1
                rows[rows.count - 1].append("$\(count)" + cast)
            }

            /// `head` + `(...), (...)` + `tail`.
            func query(_ head: Swift.String, _ tail: Swift.String) -> PostgresNIO.PostgresQuery {
                PostgresNIO.PostgresQuery(unsafeSQL: head + rows.map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ", ") + tail, binds: bindings)
            }
        }

        // Running

        /// Binds a value, or NULL for nil.
        static func bind<T: PostgresNIO.PostgresThrowingDynamicTypeEncodable>(_ bindings: inout PostgresNIO.PostgresBindings, _ value: T?) throws {
            if let value { try bindings.append(value) } else { bindings.appendNull() }
        }

        /// Every row the statement returns, read by `read`.
        static func all<R>(_ rows: PostgresNIO.PostgresRowSequence, _ read: (PostgresNIO.PostgresRow) throws -> R) async throws -> [R] {
            var result: [R] = []
            for try await row in rows { result.append(try read(row)) }
            return result
        }

        /// The first row the statement returns (there is at most one), or nil.
        static func first<R>(_ rows: PostgresNIO.PostgresRowSequence, _ read: (PostgresNIO.PostgresRow) throws -> R) async throws -> R? {
            try await all(rows, read).first
        }

        /// The one row an INSERT ... RETURNING returns.
        static func inserted<R>(_ rows: PostgresNIO.PostgresRowSequence, _ table: Swift.String, _ read: (PostgresNIO.PostgresRow) throws -> R) async throws -> R {
            guard let row = try await first(rows, read) else { throw failure(table, "", "the INSERT returned no row") }
            return row
        }

        /// TIMESTAMPTZ, microseconds since 2000, rounded (PostgresNIO's own coding truncates).
        struct Timestamp: PostgresNIO.PostgresNonThrowingEncodable {
            static var psqlType: PostgresNIO.PostgresDataType { .timestamptz }
            static var psqlFormat: PostgresNIO.PostgresFormat { .binary }
            var date: Foundation.Date
            init(_ date: Foundation.Date) { self.date = date }
            func encode<JSONEncoder: PostgresNIO.PostgresJSONEncoder>(into byteBuffer: inout NIOCore.ByteBuffer, context: PostgresNIO.PostgresEncodingContext<JSONEncoder>) {
                byteBuffer.writeInteger(PostgresValues.microsecondsSince2000(date))
            }
        }

        /// TIMESTAMP (no zone): the UTC wall clock of the date.
        struct LocalTimestamp: PostgresNIO.PostgresNonThrowingEncodable {
            static var psqlType: PostgresNIO.PostgresDataType { .timestamp }
            static var psqlFormat: PostgresNIO.PostgresFormat { .binary }
            var date: Foundation.Date
            init(_ date: Foundation.Date) { self.date = date }
            func encode<JSONEncoder: PostgresNIO.PostgresJSONEncoder>(into byteBuffer: inout NIOCore.ByteBuffer, context: PostgresNIO.PostgresEncodingContext<JSONEncoder>) {
                byteBuffer.writeInteger(PostgresValues.microsecondsSince2000(date))
            }
        }

        static func unixtimeSeconds(_ date: Foundation.Date) -> Swift.Int64 {
            Swift.Int64(date.timeIntervalSince1970.rounded(.down))
        }

        static let microsecondsFrom1970To2000: Swift.Int64 = 946_684_800_000_000

        /// Rounded to the microsecond, whole seconds and the fraction apart (the product of a
        /// large date and a million would round).
        static func microsecondsSince1970(_ date: Foundation.Date) -> Swift.Int64 {
            let seconds = date.timeIntervalSince1970.rounded(.down)
            return Swift.Int64(seconds) * 1_000_000 + Swift.Int64(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded())
        }

        static func microsecondsSince2000(_ date: Foundation.Date) -> Swift.Int64 {
            microsecondsSince1970(date) - microsecondsFrom1970To2000
        }

        static func date(microsecondsSince2000 micros: Swift.Int64) -> Foundation.Date {
            if micros == .max { return .distantFuture }
            if micros == .min { return .distantPast }
            let since1970 = micros + microsecondsFrom1970To2000
            // Whole milliseconds divide by 1000 exactly as a literal `1700000000.123` parses, so values round-trip.
            if since1970 % 1000 == 0 { return Foundation.Date(timeIntervalSince1970: Swift.Double(since1970 / 1000) / 1000) }
            let seconds = since1970 >= 0 ? since1970 / 1_000_000 : -((-since1970 + 999_999) / 1_000_000)
            return Foundation.Date(timeIntervalSince1970: Swift.Double(seconds) + Swift.Double(since1970 - seconds * 1_000_000) / 1_000_000)
        }

        /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, PostgreSQL's input form for TIMESTAMPTZ array elements.
        static func timestampText(_ date: Foundation.Date) -> Swift.String {
            civil(date, separator: "T") + "Z"
        }

        /// `YYYY-MM-DD HH:MM:SS.ffffff`: the UTC wall clock, for TIMESTAMP array elements.
        static func datetimeText(_ date: Foundation.Date) -> Swift.String {
            civil(date, separator: " ")
        }

        static func civil(_ date: Foundation.Date, separator: Swift.String) -> Swift.String {
            let micros = microsecondsSince1970(date)
            let perDay: Swift.Int64 = 86_400_000_000
            let days = micros >= 0 ? micros / perDay : -((-micros + perDay - 1) / perDay)
            let ofDay = micros - days * perDay
            let day = CalendarDateType(daysSince1970: Swift.Int(days)).description
            return day + separator + pad(ofDay / 3_600_000_000, 2) + ":" + pad(ofDay / 60_000_000 % 60, 2) + ":"
                + pad(ofDay / 1_000_000 % 60, 2) + "." + pad(ofDay % 1_000_000, 6)
        }

        /// BYTEA's hex input form, `\x0a1b`.
        static func byteaText(_ data: Foundation.Data) -> Swift.String {
            let digits = Swift.Array("0123456789abcdef".utf8)
            var bytes: [Swift.UInt8] = [0x5C, 0x78]
            for byte in data {
                bytes.append(digits[Swift.Int(byte >> 4)])
                bytes.append(digits[Swift.Int(byte & 0x0F)])
            }
            return Swift.String(decoding: bytes, as: Swift.UTF8.self)
        }

        static func pad(_ value: Swift.Int64, _ width: Swift.Int) -> Swift.String {
            let digits = Swift.String(value)
            return Swift.String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
        }
    }
    """#
}
