import Foundation
import GRDB
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport
import Testing
import WorkflowRecords

/// A schema under test: its sample rows, its record types and its DDL, tables in an order
/// where parents come before children (`DependencyOrder`, as the DDL creates them).
struct Subject: Sendable {
    let name: String
    let tables: [String]
    let rows: [String: [SampleValues.Row]]
    let types: [any RoundTripRecord.Type]
    let sqlite: String
    let postgres: String

    init(name: String, schema: Schema, types: [any RoundTripRecord.Type], sqlite: String, postgres: String) {
        self.name = name
        self.tables = DependencyOrder(schema).tables.map { schema.tables[$0].name }
        self.rows = SampleValues(schema: schema).rows
        self.types = types
        self.sqlite = sqlite
        self.postgres = postgres
    }

    /// The repository schema, with the committed DDL of `Generated/`.
    static let repositoryResult: Result<Subject, Error> = Result {
        Subject(name: "schema.yaml", schema: try RepositorySchema.compile(), types: Registry.all,
                sqlite: try RepositorySchema.generated("sqlite/schema.sql"), postgres: try RepositorySchema.generated("postgres/schema.sql"))
    }

    /// Every column type (`Tests/Fixtures/records/type_tour.yaml`), with the DDL rendered now.
    static let typeTourResult: Result<Subject, Error> = Result {
        let compiled = Fixtures.compile(TypeTourFiles.schema)
        guard let schema = compiled.schema else { throw SampleError("type_tour.yaml does not compile") }
        return Subject(name: "type_tour.yaml", schema: schema, types: TypeTourFiles.types,
                       sqlite: DDL.script(for: schema, dialect: .sqlite, source: "type_tour.yaml"),
                       postgres: DDL.script(for: schema, dialect: .postgres, source: "type_tour.yaml"))
    }

    /// The type tour with every table STRICT on SQLite (a decimal is REAL there, not NUMERIC).
    static let strictTypeTourResult: Result<Subject, Error> = Result {
        let compiled = Fixtures.compile(TypeTourFiles.schema)
        guard var schema = compiled.schema else { throw SampleError("type_tour.yaml does not compile") }
        for i in schema.tables.indices { schema.tables[i].strict = true }
        return Subject(name: "type_tour.yaml, STRICT", schema: schema, types: TypeTourFiles.types,
                       sqlite: DDL.script(for: schema, dialect: .sqlite, source: "type_tour.yaml"),
                       postgres: DDL.script(for: schema, dialect: .postgres, source: "type_tour.yaml"))
    }

    static func repository() throws -> Subject { try repositoryResult.get() }
    static func typeTour() throws -> Subject { try typeTourResult.get() }
    static func strictTypeTour() throws -> Subject { try strictTypeTourResult.get() }

    func records<R: RoundTripRecord>(_ type: R.Type) throws -> [R] {
        try (rows[R.tableName] ?? []).map { try SampleValues.decode(R.self, $0) }
    }

    func type(_ table: String) throws -> any RoundTripRecord.Type {
        guard let type = types.first(where: { $0.tableName == table }) else { throw SampleError("no record type registered for table \(table)") }
        return type
    }

    // MARK: SQLite

    /// Inserts every sample row through GRDB into SQLite built from the DDL and compares what
    /// `fetchAll` reads back.
    func sqliteRoundTrip() throws -> DatabaseQueue {
        let queue = try SQLiteDatabase.open(script: sqlite)
        try queue.write { db in
            for table in tables { try insert(try type(table), db) }
        }
        try queue.read { db in
            for table in tables { try compare(try type(table), db) }
        }
        return queue
    }

    private func insert<R: RoundTripRecord>(_ type: R.Type, _ db: Database) throws {
        for var record in try records(R.self) {
            do {
                try record.insert(db)
            } catch {
                throw SampleError("\(R.tableName): insert failed: \(error)\n\(record)")
            }
        }
    }

    private func compare<R: RoundTripRecord>(_ type: R.Type, _ db: Database) throws {
        expectSameRecords(try records(R.self), try R.fetchAll(db), "SQLite \(name) \(R.tableName)")
    }

    // MARK: PostgreSQL

    /// Inserts every sample row with `postgresInsert()`; the rows of `RETURNING` and of
    /// `postgresSelect` must both decode equal.
    func postgresRoundTrip(_ connection: PostgresConnection) async throws {
        for table in tables { try await postgresRoundTrip(try type(table), connection) }
    }

    private func postgresRoundTrip<R: RoundTripRecord>(_ type: R.Type, _ connection: PostgresConnection) async throws {
        let records = try records(R.self)
        var returned: [R] = []
        for record in records {
            do {
                for try await row in try await connection.query(try record.postgresInsert(), logger: PostgresDatabase.logger) {
                    returned.append(try R(postgresRow: row))
                }
            } catch {
                throw SampleError("\(R.tableName): insert failed: \(String(reflecting: error))\n\(record)")
            }
        }
        expectSameRecords(records, returned, "PostgreSQL \(name) \(R.tableName) (RETURNING)")
        var selected: [R] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: R.postgresSelect), logger: PostgresDatabase.logger) {
            selected.append(try R(postgresRow: row))
        }
        expectSameRecords(records, selected, "PostgreSQL \(name) \(R.tableName) (SELECT)")
    }
}

/// Reports every expected record that is not among the records read back, with the
/// columns that differ from the closest one.
func expectSameRecords<R: RoundTripRecord>(_ expected: [R], _ actual: [R], _ what: String,
                                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(expected.count) rows written, \(actual.count) read", sourceLocation: sourceLocation)
    for record in expected where !actual.contains(record) {
        let differences = actual.map { fieldDifferences(record, $0) }.min { $0.count < $1.count } ?? []
        Issue.record("\(what): a row does not read back equal; differing columns: \(differences.joined(separator: "; "))", sourceLocation: sourceLocation)
    }
}

func fieldDifferences<R: Encodable>(_ a: R, _ b: R) -> [String] {
    func fields(_ r: R) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        guard let data = try? encoder.encode(r), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object.mapValues { value in
            (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
        }
    }
    let fa = fields(a), fb = fields(b)
    return Set(fa.keys).union(fb.keys).sorted().compactMap { key in
        fa[key] == fb[key] ? nil : "\(key): expected \(fa[key] ?? "null"), read \(fb[key] ?? "null")"
    }
}

@Suite struct RegistryTests {
    @Test func everyTableHasARecordTypeWithItsColumns() throws {
        let schema = try RepositorySchema.compile()
        #expect(Set(Registry.all.map { $0.tableName }) == Set(schema.tables.map(\.name)))
        for table in schema.tables {
            #expect(Registry.type(forTable: table.name)?.columnNames == table.columns.map(\.name), "\(table.name)")
        }
    }

    /// The samples cover what the round trip claims: every enum case, NULL in every nullable
    /// column, empty and non-empty arrays, and a row for every table.
    @Test func samplesCoverEveryEnumCaseNullAndArrayShape() throws {
        let schema = try RepositorySchema.compile()
        let samples = try Subject.repository()
        for table in schema.tables {
            let rows = samples.rows[table.name] ?? []
            #expect(rows.count >= 3, "\(table.name) has \(rows.count) sample rows")
            for column in table.columns where column.generated == nil {
                let values = rows.map { $0[column.name] ?? nil }
                if column.nullable { #expect(values.contains(nil), "\(table.name).\(column.name) is never NULL") }
                if case .enumeration(let name) = column.type, let e = schema.enumType(named: name) {
                    let seen = Set(values.compactMap { $0 })
                    for label in e.values { #expect(seen.contains(jsonString(label)), "\(table.name).\(column.name) never takes '\(label)'") }
                }
                if column.type.isArray {
                    #expect(values.contains("[]"), "\(table.name).\(column.name) is never an empty array")
                    #expect(values.contains { $0 != nil && $0 != "[]" }, "\(table.name).\(column.name) is never a non-empty array")
                }
            }
        }
    }
}

@Suite struct SQLiteRoundTripTests {
    /// Every table of the repository schema: insert the sample rows through GRDB into SQLite
    /// built from the committed DDL, read them back with `fetchAll`, compare equal.
    @Test func everyTableRoundTripsThroughGRDB() throws {
        let samples = try Subject.repository()
        let queue = try samples.sqliteRoundTrip()
        try queue.read { db in
            // Values are stored the way the DDL stores them.
            let id = try String.fetchOne(db, sql: "SELECT id FROM organizations LIMIT 1")
            #expect(id?.allSatisfy { !$0.isUppercase } == true)
            let idType = try String.fetchOne(db, sql: "SELECT typeof(id) FROM organizations LIMIT 1")
            #expect(idType == "text")
            let created = try String.fetchAll(db, sql: "SELECT created_at FROM organizations ORDER BY created_at")
            #expect(created.contains("9999-12-31T23:59:59.999Z") && created.contains("0001-01-01T00:00:00.000Z"), "\(created)")
            let startedType = try String.fetchOne(db, sql: "SELECT typeof(started_at) FROM user_sessions LIMIT 1")
            #expect(startedType == "integer")
            let flags = try Int.fetchAll(db, sql: "SELECT DISTINCT is_active FROM users ORDER BY 1")
            #expect(flags == [0, 1])
            let arrays = try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks WHERE json_type(tags) = 'array'")
            #expect(arrays == samples.rows["tasks"]?.count)
        }
    }

    /// Every column type of the format, every array element type, custom and overridden Swift types.
    @Test func everyColumnTypeRoundTripsThroughGRDB() throws {
        let queue = try Subject.typeTour().sqliteRoundTrip()
        try queue.read { db in
            let forms = try Row.fetchOne(db, sql: """
                SELECT local_at, at_time, on_day, typeof(epoch) AS epoch, typeof(blob) AS blob, keys, stamps, locals, days, epochs
                FROM "values" WHERE small = 32767
                """)
            let row = try #require(forms)
            #expect(row["local_at"] as String? == "9999-12-31 23:59:59.999")
            #expect(row["at_time"] as String? == "23:59:59")
            #expect(row["on_day"] as String? == "9999-12-31")
            #expect(row["epoch"] as String? == "integer")
            #expect(row["blob"] as String? == "blob")
            let keys = try #require(row["keys"] as String?)
            #expect(keys.hasPrefix("[\"") && keys == keys.lowercased(), "\(keys)")
            #expect((row["stamps"] as String?)?.hasPrefix(#"["9999-12-31T23:59:59.999Z","0001-01-01T00:00:00.000Z""#) == true)
            #expect((row["locals"] as String?)?.hasPrefix(#"["9999-12-31 23:59:59.999","0001-01-01 00:00:00.000""#) == true)
            #expect((row["days"] as String?)?.hasPrefix(#"["9999-12-31","0001-01-01""#) == true)
            #expect((row["epochs"] as String?)?.hasPrefix("[253402300799,-62135596800") == true)
        }
    }

    /// The same through STRICT tables: every value comes back, decimals stored as numbers.
    @Test func everyColumnTypeRoundTripsThroughGRDBInStrictTables() throws {
        let subject = try Subject.strictTypeTour()
        #expect(subject.sqlite.contains(") STRICT;"))
        let queue = try subject.sqliteRoundTrip()
        try queue.read { db in
            let types = try String.fetchAll(db, sql: #"SELECT DISTINCT typeof(money) FROM "values" UNION SELECT DISTINCT typeof(number) FROM "values""#)
            #expect(types == ["real"])
        }
    }

    @Test func primaryKeyLookupsUseTheTextForms() throws {
        let samples = try Subject.repository()
        let queue = try SQLiteDatabase.open(script: samples.sqlite)
        let organizations = try samples.records(Workflow.Organization.self)
        try queue.write { db in for o in organizations { try o.insert(db) } }
        try queue.read { db in
            // GRDB encodes the key with the record's UUID strategy: lowercase text, as stored.
            let found = try Workflow.Organization.fetchOne(db, key: organizations[2].id)
            #expect(found == organizations[2])
            let count = try Workflow.Organization.filter(keys: organizations.map(\.id)).fetchCount(db)
            #expect(count == organizations.count)
        }
        try queue.write { db in
            let deleted = try Workflow.Organization.deleteOne(db, key: organizations[0].id)
            #expect(deleted)
        }
    }

    @Test func serialKeyIsAssignedOnInsert() throws {
        let queue = try SQLiteDatabase.open(script: try Subject.repository().sqlite)
        let at = Date(timeIntervalSince1970: 1_700_000_000.125)
        var log = Workflow.AuditLog(entityType: "tasks", entityId: "42", action: "create", details: ["ok": true, "n": 1.5], occurredAt: at)
        #expect(log.id == nil)
        try queue.write { db in try log.insert(db) }
        let id = try #require(log.id)
        let fetched = try queue.read { db in try Workflow.AuditLog.fetchOne(db, key: id) }
        #expect(fetched == log)
        var migration = Workflow.SchemaMigration(version: "001", appliedAt: at)
        try queue.write { db in try migration.insert(db) }
        #expect(migration.id == 1)
    }

    @Test func constraintViolationsThrow() throws {
        let samples = try Subject.repository()
        let queue = try samples.sqliteRoundTrip()
        var task = try samples.records(Workflow.TaskRow.self)[2]
        task.id = UUID()
        task.priority = 11                                            // CHECK (priority BETWEEN 0 AND 10)
        expectSQLiteError(.SQLITE_CONSTRAINT_CHECK, queue) { db in try task.insert(db) }
        task.priority = 5
        task.projectId = UUID()                                       // no such project
        expectSQLiteError(.SQLITE_CONSTRAINT_FOREIGNKEY, queue) { db in try task.insert(db) }
        var organization = try samples.records(Workflow.Organization.self)[0]
        organization.slug = "another-slug"                            // same id: PRIMARY KEY
        expectSQLiteError(.SQLITE_CONSTRAINT_PRIMARYKEY, queue) { db in try organization.insert(db) }
        var other = try samples.records(Workflow.Organization.self)[0]
        other.id = UUID()                                             // same slug: UNIQUE
        expectSQLiteError(.SQLITE_CONSTRAINT_UNIQUE, queue) { db in try other.insert(db) }
    }

    private func expectSQLiteError(_ code: ResultCode, _ queue: DatabaseQueue, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                                   _ body: (Database) throws -> Void) {
        do {
            try queue.write(body)
            Issue.record("SQLite accepted a row it should reject with \(code)", sourceLocation: sourceLocation)
        } catch let error as DatabaseError {
            #expect(error.extendedResultCode == code, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func readingAValueOfTheWrongTypeThrows() throws {
        let queue = try SQLiteDatabase.open(script: try Subject.repository().sqlite)
        try queue.read { db in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT 'not a uuid' AS id, 'n' AS name, 's' AS slug, '{}' AS settings,
                       '2024-01-01T00:00:00.000Z' AS created_at, '2024-01-01T00:00:00.000Z' AS updated_at
                """))
            #expect(throws: DecodingError.self) { try Workflow.Organization(row: row) }
            let missing = try #require(try Row.fetchOne(db, sql: "SELECT 'x' AS name"))
            #expect(throws: DecodingError.self) { try Workflow.Organization(row: missing) }
        }
    }
}

@Suite struct PostgresRoundTripTests {
    /// Every table of the repository schema: insert the sample rows with `postgresInsert()` into
    /// PostgreSQL built from the committed DDL; the rows of `RETURNING` and of `postgresSelect`
    /// both decode equal.
    @Test func everyTableRoundTripsThroughPostgresNIO() async throws {
        let samples = try Subject.repository()
        try await PostgresDatabase.withSchema(samples.postgres) { connection in
            try await samples.postgresRoundTrip(connection)
            // Values land as the types the DDL declares, not as text.
            let created = try await texts("SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') FROM organizations", connection)
            // (A Date near 9999 holds milliseconds to ±15 µs only: the double nearest .999 is .998985, kept to the µs.)
            #expect(created.contains { $0.hasPrefix("9999-12-31 23:59:59.99") } && created.contains("0001-01-01 00:00:00.000"), "\(created)")
            let statuses = try await texts("SELECT DISTINCT status::text FROM tasks WHERE pg_typeof(status)::text = 'task_status'", connection)
            #expect(statuses.count == 7, "\(statuses)")
            let tags = try await texts("SELECT tags::text FROM tasks WHERE cardinality(tags) > 4", connection)
            #expect(tags.first?.contains(#""with,comma""#) == true, "\(tags)")
            let started = try await texts("SELECT started_at::text FROM user_sessions ORDER BY started_at LIMIT 1", connection)
            #expect(started == ["-62135596800"])
        }
    }

    /// Every column type of the format, every array element type, custom and overridden Swift types.
    @Test func everyColumnTypeRoundTripsThroughPostgresNIO() async throws {
        let samples = try Subject.typeTour()
        try await PostgresDatabase.withSchema(samples.postgres) { connection in
            try await samples.postgresRoundTrip(connection)
            let forms = try await texts("""
                SELECT concat_ws(' | ', local_at, at_time, on_day, pg_typeof(moods), moods, times, days, epochs, pg_typeof(moneys), length(blob))
                FROM "values" WHERE small = 32767
                """, connection)
            #expect(forms.first?.hasPrefix("9999-12-31 23:59:59.99") == true, "\(forms)")
            #expect(forms.first?.hasSuffix(" | 23:59:59 | 9999-12-31 | mood[] | {happy,so-so,sad,Größe,default} | {23:59:59,00:00:00,12:34:56} | {9999-12-31,0001-01-01,2024-02-29} | {253402300799,-62135596800,1709210096} | numeric[] | 256") == true, "\(forms)")
        }
    }

    /// Every table of the repository schema through the generated `postgresInsertAll` (one statement
    /// per table, in the schema's namespace): the rows returned and the rows selected decode equal.
    @Test func everyTableInsertsInOneStatement() async throws {
        let samples = try Subject.repository()
        try await PostgresDatabase.withSchema(samples.postgres) { connection in
            for table in samples.tables {
                let type = try #require(try samples.type(table) as? any WorkflowRecord.Type, "\(table)")
                try await insertAll(type, samples, connection)
            }
        }
    }

    private func insertAll<R: WorkflowRecord>(_ type: R.Type, _ samples: Subject, _ connection: PostgresConnection) async throws {
        let records = try samples.records(R.self)
        let returned = try await R.postgresInsertAll(records, on: connection, logger: PostgresDatabase.logger)
        expectSameRecords(records, returned, "PostgreSQL \(R.tableName) (postgresInsertAll)")
        var selected: [R] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: R.postgresSelect), logger: PostgresDatabase.logger) {
            selected.append(try R(postgresRow: row))
        }
        expectSameRecords(records, selected, "PostgreSQL \(R.tableName) (SELECT after postgresInsertAll)")
    }

    @Test func serialKeyIsAssignedOnInsert() async throws {
        try await PostgresDatabase.withSchema(try Subject.repository().postgres) { connection in
            let log = Workflow.AuditLog(entityType: "tasks", entityId: "42", action: "create", details: ["ok": true],
                                        occurredAt: Date(timeIntervalSince1970: 1_700_000_000.125))
            var returned: [Workflow.AuditLog] = []
            for try await row in try await connection.query(try log.postgresInsert(), logger: PostgresDatabase.logger) {
                returned.append(try Workflow.AuditLog(postgresRow: row))
            }
            #expect(returned.count == 1)
            #expect(returned.first?.id == 1)
            var expected = log
            expected.id = 1
            #expect(returned.first == expected)
        }
    }

    @Test func constraintViolationsThrow() async throws {
        let samples = try Subject.repository()
        try await PostgresDatabase.withSchema(samples.postgres) { connection in
            try await samples.postgresRoundTrip(connection)
            var task = try samples.records(Workflow.TaskRow.self)[2]
            task.id = UUID()
            task.priority = 11
            await expectPostgresError("23514", try task.postgresInsert(), connection)   // check_violation
            task.priority = 5
            task.projectId = UUID()
            await expectPostgresError("23503", try task.postgresInsert(), connection)   // foreign_key_violation
            let organization = try samples.records(Workflow.Organization.self)[0]
            await expectPostgresError("23505", try organization.postgresInsert(), connection)   // unique_violation
            var tooLong = try samples.records(Workflow.Organization.self)[0]
            tooLong.id = UUID()
            tooLong.slug = String(repeating: "x", count: 101)                                // VARCHAR(100)
            await expectPostgresError("22001", try tooLong.postgresInsert(), connection)   // string_data_right_truncation
        }
    }

    private func texts(_ sql: String, _ connection: PostgresConnection) async throws -> [String] {
        var result: [String] = []
        do {
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresDatabase.logger) {
                result.append(try row.decode(String.self))
            }
        } catch {
            throw SampleError("\(sql): \(String(reflecting: error))")
        }
        return result
    }

    private func expectPostgresError(_ sqlState: String, _ query: PostgresQuery, _ connection: PostgresConnection,
                                     sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        do {
            for try await _ in try await connection.query(query, logger: PostgresDatabase.logger) {}
            Issue.record("PostgreSQL accepted a row it should reject with \(sqlState)", sourceLocation: sourceLocation)
        } catch let error as PSQLError {
            #expect(error.serverInfo?[.sqlState] == sqlState, "\(String(reflecting: error))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}
