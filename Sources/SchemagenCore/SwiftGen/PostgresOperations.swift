/// The PostgresNIO operations of one table in `Records+PostgresNIO.swift`: find by each key, the
/// rows of each foreign key, insert (one or many), update, upsert and delete. Each is one
/// statement whose text is fixed when the code is generated (names quoted, the table in the
/// schema's PostgreSQL namespace) and whose values are all bound, never spliced in; each runs on
/// anything that conforms to the generated `PostgresQueryRunner` (`PostgresClient`,
/// `PostgresConnection`). Update and delete need a primary key; upsert needs a primary key or a
/// unique constraint to conflict on: a table without them gets only the rest.
struct PostgresOperations {
    let renderer: PostgresNIORenderer
    let plan: TablePlan
    let statements: PostgresTableStatements

    /// The parameters every operation ends with.
    let tail: String
    /// `runWorkflowQuery`: see `PostgresNIORenderer.runMethod`.
    let runMethod: String

    init(renderer: PostgresNIORenderer, plan: TablePlan, statements: PostgresTableStatements) {
        self.renderer = renderer
        self.plan = plan
        self.statements = statements
        tail = "on database: some \(renderer.names.qualified(PostgresNIORenderer.runner)), logger: Logging.Logger"
        runMethod = renderer.runMethod
    }

    private var access: String { renderer.access }
    private var columns: [String] { plan.table.columns.map(\.name) }
    private static let read = "Self.init(postgresRow:)"

    func render(into w: inout SwiftWriter) {
        for key in plan.lookupKeys(in: .postgres) { find(key, into: &w) }
        var seen: [Set<String>] = []
        for fk in plan.table.foreignKeys where !seen.contains(Set(fk.columns)) {
            seen.append(Set(fk.columns))
            children(fk, into: &w)
        }
        insert(into: &w)
        let primaryKey = plan.primaryKeyFields
        if !primaryKey.isEmpty {
            update(primaryKey, into: &w)
            delete(primaryKey, into: &w)
        }
        upsert(into: &w)
    }

    // MARK: Reading

    private func find(_ key: [FieldPlan], into w: inout SwiftWriter) {
        w.line()
        w.doc(["The row whose (\(Self.columnNames(key))) has the given values, or nil."])
        w.block("\(access)static func postgresFind(\(parameters(key)), \(tail)) async throws -> Self?") { w in
            let conditions = bindKeys(key, startingAt: 1, into: &w)
            run(.filter(where: conditions), after: "Self.postgresSelect + ", reading: "first", into: &w)
        }
    }

    private func children(_ fk: ForeignKey, into w: inout SwiftWriter) {
        let key = plan.fields(fk.columns)
        guard key.count == fk.columns.count else { return }
        let order = plan.table.primaryKey?.columns ?? []
        w.line()
        w.doc(["The rows whose (\(Self.columnNames(key))) refer to the given `\(fk.referencedTable)` row (foreign key `\(fk.name)`)"
               + (order.isEmpty ? "." : ", in primary-key order.")])
        w.block("\(access)static func postgresFetch(\(parameters(key)), \(tail)) async throws -> [Self]") { w in
            let conditions = bindKeys(key, startingAt: 1, into: &w)
            run(.filter(where: conditions, orderBy: order), after: "Self.postgresSelect + ", reading: "all", into: &w)
        }
    }

    // MARK: Writing

    private func insert(into w: inout SwiftWriter) {
        w.line()
        w.doc(["Inserts the record; returns the row as stored (defaults, the serial key and generated columns filled in)."])
        w.block("\(access)func postgresInsert(\(tail)) async throws -> Self") { w in
            w.line("try await PostgresValues.inserted(database.\(runMethod)(postgresInsert(), logger: logger), Self.tableName, \(Self.read))")
        }
        w.line()
        w.doc(["Inserts the records in one statement (at most 65,535 bound values: split larger batches); returns the rows",
               "as stored, in the order given. An empty array runs nothing."])
        w.block("\(access)static func postgresInsertAll(_ records: [Self], \(tail)) async throws -> [Self]") { w in
            w.line("if records.isEmpty { return [] }")
            w.line("var insert = PostgresValues.Insert()")
            w.block("for (i, record) in records.enumerated()") { w in
                w.line("if i > 0 { insert.nextRow() }")
                w.line("try record.postgresValues(into: &insert)")
            }
            w.line("return try await PostgresValues.all(database.\(runMethod)(insert.query(Self.postgresInsertHead, Self.postgresReturning), logger: logger), \(Self.read))")
        }
    }

    private func update(_ primaryKey: [FieldPlan], into w: inout SwiftWriter) {
        let keyColumns = Set(primaryKey.map(\.column.name))
        let assigned = plan.fields.filter { $0.isWritten && !keyColumns.contains($0.column.name) }
        w.line()
        w.doc(["Writes every column of the record to the row with its primary key (\(Self.columnNames(primaryKey)));",
               "returns the row as stored, or nil when no row has that key."])
        w.block("\(access)func postgresUpdate(\(tail)) async throws -> Self?") { w in
            w.line("var bindings = PostgresNIO.PostgresBindings()")
            var assignments: [ColumnValue] = []
            for field in assigned {
                let (expression, placeholder) = renderer.value(field, number: assignments.count + 1)
                bind(expression, into: &w)
                assignments.append(ColumnValue(field.column.name, placeholder))
            }
            var conditions: [ColumnValue] = []
            for field in primaryKey {
                let (expression, placeholder) = renderer.value(field, number: assigned.count + conditions.count + 1)
                bind(expression, into: &w)
                conditions.append(ColumnValue(field.column.name, placeholder))
            }
            // Every column is in the key: assigning the key its own value changes nothing and still returns the row.
            if assignments.isEmpty { assignments.append(conditions[0]) }
            run(.update(set: assignments, where: conditions, returning: columns), reading: "first", into: &w)
        }
    }

    private func delete(_ primaryKey: [FieldPlan], into w: inout SwiftWriter) {
        w.line()
        w.doc(["Deletes the row with the given primary key; false when there is none."])
        w.block("\(access)static func postgresDelete(\(parameters(primaryKey)), \(tail)) async throws -> Swift.Bool") { w in
            let conditions = bindKeys(primaryKey, startingAt: 1, into: &w)
            w.line("let query = PostgresNIO.PostgresQuery(unsafeSQL: \(SwiftIdentifiers.stringLiteral(statements.render(.delete(where: conditions)))), binds: bindings)")
            w.line("return try await !PostgresValues.all(database.\(runMethod)(query, logger: logger), { _ in () }).isEmpty")
        }
    }

    /// The keys an upsert can conflict on: the primary key, then each unique constraint.
    private var conflictKeys: [(caseName: String, constraint: String, columns: [String])] {
        var keys: [(String, String, [String])] = []
        var taken: Set<String> = []
        func add(_ preferred: String, _ constraint: String, _ columns: [String]) {
            var name = SwiftNames.memberIdentifier(SwiftIdentifiers.lowerCamel(preferred), fallback: "key", unusable: SwiftIdentifiers.unusableMemberNames)
            if taken.contains(name) {
                var n = 2
                while taken.contains(name + String(n)) { n += 1 }
                name += String(n)
            }
            taken.insert(name)
            keys.append((name, constraint, columns))
        }
        if let pk = plan.table.primaryKey { add("primary_key", pk.name, pk.columns) }
        for unique in plan.table.uniques { add(unique.name, unique.name, unique.columns) }
        return keys
    }

    private func upsert(into w: inout SwiftWriter) {
        let keys = conflictKeys
        guard !keys.isEmpty else { return }
        let primaryKey = Set(plan.table.primaryKey?.columns ?? [])
        let written = plan.fields.filter(\.isWritten).map(\.column.name)
        w.line()
        w.doc(["The keys `postgresUpsert` can conflict on: the primary key and the unique constraints, by name."])
        w.block("\(access)enum PostgresConflict: Swift.Sendable, Swift.CaseIterable") { w in
            for key in keys {
                w.doc(["`\(key.constraint)` (\(key.columns.joined(separator: ", ")))."])
                w.line("case \(SwiftIdentifiers.escaped(key.caseName))")
            }
        }
        let defaultKey = plan.table.primaryKey == nil ? "" : " = .primaryKey"
        w.line()
        w.doc(["Inserts the record, or, when a row with the same key exists, updates that row's other columns",
               "(the primary key never changes); returns the row as stored."])
        w.block("\(access)func postgresUpsert(onConflict conflict: PostgresConflict\(defaultKey), \(tail)) async throws -> Self") { w in
            w.line("var insert = PostgresValues.Insert()")
            w.line("try postgresValues(into: &insert)")
            w.line("let conflictClause: Swift.String")
            w.block("switch conflict") { w in
                for key in keys {
                    let fixed = primaryKey.union(key.columns)
                    var assignments = plan.fields.filter { $0.isWritten && !fixed.contains($0.column.name) }.map(\.column.name)
                    if assignments.isEmpty { assignments = [key.columns[0]] }
                    let statement = InsertStatement(columns: written, conflict: .init(constraint: key.constraint, update: assignments), returning: columns)
                    w.line("case .\(SwiftIdentifiers.escaped(key.caseName)): conflictClause = \(SwiftIdentifiers.stringLiteral(statements.render(statement).conflict))")
                }
            }
            w.line("return try await PostgresValues.inserted(database.\(runMethod)(insert.query(Self.postgresInsertHead, conflictClause + Self.postgresReturning), logger: logger), Self.tableName, \(Self.read))")
        }
    }

    // MARK: Pieces

    /// `id key0: Foundation.UUID, slug key1: Swift.String`: labels are the properties (see
    /// `TablePlan.keyLabels`), the names inside cannot clash with `database` and `logger`.
    private func parameters(_ key: [FieldPlan]) -> String {
        let labels = TablePlan.keyLabels(key).map(SwiftIdentifiers.label)
        return key.indices.map { "\(labels[$0]) key\($0): \(key[$0].baseType)" }.joined(separator: ", ")
    }

    /// Binds `key0`, `key1`, ... into a new `bindings` and returns the conditions `a = $1`, `b = $2`.
    private func bindKeys(_ key: [FieldPlan], startingAt first: Int, into w: inout SwiftWriter) -> [ColumnValue] {
        w.line("var bindings = PostgresNIO.PostgresBindings()")
        var conditions: [ColumnValue] = []
        for (i, field) in key.enumerated() {
            let (expression, placeholder) = renderer.parameter(field, "key\(i)", number: first + i)
            bind(expression, into: &w)
            conditions.append(ColumnValue(field.column.name, placeholder))
        }
        return conditions
    }

    /// `try PostgresValues.bind(&bindings, <expression>)`.
    private func bind(_ expression: String, into w: inout SwiftWriter) {
        w.open()
        w.put("try PostgresValues.bind(&bindings, ")
        w.put(expression)
        w.put(")")
        w.close()
    }

    /// Runs the statement with `bindings` and reads its rows (`first` or `all`). `prefix` is Swift
    /// text before the statement's literal (`Self.postgresSelect + ` before a `.filter`).
    private func run(_ statement: DataStatement, after prefix: String = "", reading: String, into w: inout SwiftWriter) {
        w.open()
        w.put("let query = PostgresNIO.PostgresQuery(unsafeSQL: ")
        w.put(prefix)
        w.putLiteral(statements.render(statement))
        w.put(", binds: bindings)")
        w.close()
        w.line("return try await PostgresValues.\(reading)(database.\(runMethod)(query, logger: logger), \(Self.read))")
    }

    private static func columnNames(_ key: [FieldPlan]) -> String { key.map(\.column.name).joined(separator: ", ") }
}
