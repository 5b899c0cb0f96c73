import DatabaseTestSupport
import Foundation
import GRDB
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport
import Testing

// The records of Tests/Fixtures/records/relations.yaml (every kind of foreign key), generated into
// Tests/RecordsTests/Relations (each file named Relations<generated name>) with internal access and both integrations: the GRDB columns,
// associations and key lookups on a real SQLite, the PostgresNIO operations on a real PostgreSQL 15.

typealias User = Relations.User
typealias Profile = Relations.Profile
typealias Team = Relations.Team
typealias TaskRecord = Relations.TaskRow
typealias Link = Relations.Link
typealias Setting = Relations.Setting

enum RelationsFiles {
    static let schema = Fixtures.folder.appendingPathComponent("records/relations.yaml")
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/RecordsTests/Relations")
    static let configuration = SwiftConfiguration(integrations: Set(SwiftConfiguration.Integration.allCases))

    static let compiled: Result<Schema, Error> = Result {
        let compiled = Fixtures.compile(schema)
        guard let schema = compiled.schema else { throw SampleError("relations.yaml does not compile") }
        return schema
    }

    static func ddl(_ dialect: Dialect) throws -> String {
        DDL.script(for: try compiled.get(), dialect: dialect, source: "relations.yaml")
    }

    /// Two users, two teams, a parent task with two subtasks (one assigned and reviewed, one not), links.
    struct Sample {
        var ada = User(email: "ada@example.com", name: "Ada")
        var bob = User(email: "bob@example.com", name: "Bob")
        let red = Team(org: "acme", code: "red", name: "Red team")
        let blue = Team(org: "acme", code: "blue", name: "Blue team")
        let parent = TaskRecord(title: "Ship", status: .open, tags: ["a", "b,c"], details: ["n": 1], dueOn: Relations.CalendarDate("2024-02-29"), slug: "ship")
        var first: TaskRecord
        var second: TaskRecord

        init() {
            first = TaskRecord(title: "Write", status: .done, parentId: parent.id, teamOrg: "acme", teamCode: "red", slug: "write")
            second = TaskRecord(title: "Test", status: .wonTDo, tags: ["x"], parentId: parent.id, slug: "test")
        }
    }
}

@Suite struct RelationsFilesTests {
    @Test func generatedFilesAreCurrent() throws {
        let schema = try GeneratedFolder.expectCurrent(schema: RelationsFiles.schema, folder: RelationsFiles.folder, configuration: RelationsFiles.configuration,
                                                          prefix: "Relations")
        #expect(schema.postgresSchema == "Rel Data")
    }

    /// Lookups by unique indexes: the plain one only (a partial unique index, or one over an expression,
    /// does not identify a row by its columns), its labels kept off the functions' own (`on`, `logger`, `key`).
    @Test func lookupsByUniqueIndexesOnly() throws {
        let grdb = try String(contentsOf: RelationsFiles.folder.appendingPathComponent("RelationsRecords+GRDB.swift"), encoding: .utf8)
        let postgres = try String(contentsOf: RelationsFiles.folder.appendingPathComponent("RelationsRecords+PostgresNIO.swift"), encoding: .utf8)
        #expect(grdb.contains("static func fetchOne(_ db: GRDB.Database, loggerValue: Swift.String, onValue: Swift.Bool) throws -> Self?"))
        #expect(grdb.contains("static func fetchOne(_ db: GRDB.Database, keyValue: Swift.String) throws -> Self?"))
        #expect(postgres.contains("static func postgresFind(loggerValue key0: Swift.String, onValue key1: Swift.Bool, on database:"))
        for text in [grdb, postgres] {
            #expect(!text.contains("scope: Swift.String") && !text.contains("scope key0") && !text.contains("sql: Swift.String) throws"))
        }
    }
}

@Suite struct GRDBRelationsTests {
    /// The sample in a fresh SQLite built from the DDL, users given their serial ids.
    func database() throws -> (DatabaseQueue, RelationsFiles.Sample) {
        let queue = try SQLiteDatabase.open(script: try RelationsFiles.ddl(.sqlite))
        var sample = RelationsFiles.Sample()
        try queue.write { db in
            try sample.ada.insert(db)
            try sample.bob.insert(db)
            sample.first.assigneeId = sample.ada.id
            sample.first.reviewerId = sample.bob.id
            try sample.red.insert(db)
            try sample.blue.insert(db)
            try sample.parent.insert(db)
            try sample.first.insert(db)
            try sample.second.insert(db)
            try Profile(userId: sample.ada.id!, bio: "hi").insert(db)
            try Link(fromId: sample.first.id, toId: sample.second.id).insert(db)
            try Link(fromId: sample.second.id, toId: sample.first.id, kind: .done).insert(db)
        }
        return (queue, sample)
    }

    @Test func columnsFilterWithTypedValues() throws {
        let (queue, sample) = try database()
        try queue.read { db throws in
            let done = try TaskRecord.filter(TaskRecord.Columns.status == Relations.Status.done).fetchAll(db)
            #expect(done == [sample.first])
            let open = try TaskRecord.filter(TaskRecord.Columns.status == Relations.Status.open).order(TaskRecord.Columns.slug).fetchAll(db)
            #expect(open.map(\.slug) == ["ship"])
            let unassigned = try TaskRecord.filter(TaskRecord.Columns.assigneeId == nil).fetchCount(db)
            #expect(unassigned == 2)
            let byUUID = try TaskRecord.filter(TaskRecord.Columns.id == sample.second.id.uuidString.lowercased()).fetchOne(db)
            #expect(byUUID == sample.second)
        }
    }

    @Test func belongsToEveryKindOfForeignKey() throws {
        let (queue, sample) = try database()
        try queue.read { db throws in
            #expect(try sample.first.request(for: TaskRecord.assignee).fetchOne(db) == sample.ada)         // one of two keys to users
            #expect(try sample.first.request(for: TaskRecord.reviewer).fetchOne(db) == sample.bob)         // the other
            #expect(try sample.second.request(for: TaskRecord.assignee).fetchOne(db) == nil)                // nullable, NULL
            #expect(try sample.first.request(for: TaskRecord.parent).fetchOne(db) == sample.parent)         // self reference, named in the schema
            #expect(try sample.first.request(for: TaskRecord.team).fetchOne(db) == sample.red)              // composite
            let link = try #require(try Link.filter(Link.Columns.kind == Relations.Status.done).fetchOne(db))
            #expect(try link.request(for: Link.from).fetchOne(db) == sample.second)                         // table without a primary key
            #expect(try link.request(for: Link.to).fetchOne(db) == sample.first)
        }
    }

    @Test func hasManyAndHasOneTheOtherWay() throws {
        let (queue, sample) = try database()
        try queue.read { db throws in
            #expect(try sample.ada.request(for: User.tasksByAssignee).fetchAll(db) == [sample.first])
            #expect(try sample.ada.request(for: User.tasksByReviewer).fetchAll(db) == [])
            #expect(try sample.bob.request(for: User.tasksByReviewer).fetchAll(db) == [sample.first])
            #expect(Set(try sample.parent.request(for: TaskRecord.subtasks).fetchAll(db)) == [sample.first, sample.second])
            #expect(try sample.red.request(for: Team.tasks).fetchAll(db) == [sample.first])
            #expect(try sample.blue.request(for: Team.tasks).fetchAll(db) == [])
            #expect(try sample.ada.request(for: User.profile).fetchOne(db)?.bio == "hi")                   // hasOne: user_id is unique
            #expect(try sample.bob.request(for: User.profile).fetchOne(db) == nil)
            #expect(try sample.first.request(for: TaskRecord.linksByFrom).fetchAll(db).map(\.toId) == [sample.second.id])
            #expect(try sample.first.request(for: TaskRecord.linksByTo).fetchAll(db).map(\.fromId) == [sample.second.id])
        }
    }

    /// Two associations to the same table in one request: their keys differ, so both decode.
    @Test func twoAssociationsToOneTableJoinInOneRequest() throws {
        let (queue, sample) = try database()
        struct Assigned: Decodable, FetchableRecord {
            var task: TaskRecord
            var assignee: User
            var reviewer: User?
        }
        let rows = try queue.read { db throws in
            try TaskRecord.including(required: TaskRecord.assignee).including(optional: TaskRecord.reviewer)
                .asRequest(of: Assigned.self).fetchAll(db)
        }
        #expect(rows.count == 1)
        #expect(rows.first?.task == sample.first && rows.first?.assignee == sample.ada && rows.first?.reviewer == sample.bob)
        let counted = try queue.read { db throws in
            try User.annotated(with: User.tasksByAssignee.count).order(User.Columns.email).asRequest(of: Row.self).fetchAll(db)
        }
        #expect(counted.map { $0["tasksByAssigneeCount"] as Int } == [1, 0])
    }

    @Test func fetchOneByEveryKey() throws {
        let (queue, sample) = try database()
        try queue.read { db throws in
            #expect(try TaskRecord.fetchOne(db, id: sample.second.id) == sample.second)                     // UUID key, stored as text
            #expect(try TaskRecord.fetchOne(db, slug: "write") == sample.first)                             // unique
            #expect(try TaskRecord.fetchOne(db, slug: "nothing") == nil)
            #expect(try Team.fetchOne(db, org: "acme", code: "blue") == sample.blue)                        // composite primary key
            #expect(try User.fetchOne(db, email: "bob@example.com") == sample.bob)
            #expect(try Profile.fetchOne(db, userId: sample.ada.id!)?.bio == "hi")
            #expect(try Link.fetchOne(db, fromId: sample.first.id, toId: sample.second.id)?.kind == .open)  // no primary key: the unique pair
        }
        // A unique index, and columns named like the labels the lookups and GRDB's own take.
        let setting = Setting(key: "theme", on: true, logger: "ui", sql: "SELECT 1", scope: "user")
        try queue.write { db in try setting.insert(db) }
        try queue.read { db throws in
            #expect(try Setting.fetchOne(db, keyValue: "theme") == setting)
            #expect(try Setting.fetchOne(db, loggerValue: "ui", onValue: true) == setting)
            #expect(try Setting.fetchOne(db, loggerValue: "ui", onValue: false) == nil)
            #expect(try Setting.fetchOne(db, sql: "SELECT * FROM settings WHERE scope = 'user'") == setting)   // GRDB's own, not shadowed
            #expect(try Setting.fetchOne(db, key: "theme") == setting)
        }
        var clash = Setting(key: "other", on: true, logger: "ui", sql: "x", scope: "team")
        #expect(throws: DatabaseError.self) { try queue.write { db in try clash.insert(db) } }   // the unique index
        clash.on = false
        try queue.write { db in try clash.insert(db) }
    }

    @Test func constraintViolationThrows() throws {
        let (queue, sample) = try database()
        var duplicate = TaskRecord(title: "again", slug: "write")
        #expect(throws: DatabaseError.self) { try queue.write { db in try duplicate.insert(db) } }
        duplicate.slug = "other"
        duplicate.assigneeId = 999
        #expect(throws: DatabaseError.self) { try queue.write { db in try duplicate.insert(db) } }
        _ = sample
    }
}

@Suite struct PostgresRelationsTests {
    static var logger: Logger { TestPostgres.logger }

    /// A fresh database holding the DDL (in the namespace "Rel Data"); the connection's
    /// search_path stays the default, so every generated statement must qualify its table.
    func withDatabase(_ body: (PostgresConnection, String) async throws -> Void) async throws {
        let server = try TestPostgres.fromEnvironment()
        let ddl = try RelationsFiles.ddl(.postgres)
        try await server.withFreshDatabase(prefix: "schemagen_relations_") { connection, name in
            try await server.psql(ddl, database: name)
            try await body(connection, name)
        }
    }

    /// Inserts the sample through the generated operations; the users come back with their serial ids.
    func insertSample(_ db: some Relations.PostgresQueryRunner) async throws -> RelationsFiles.Sample {
        var sample = RelationsFiles.Sample()
        let users = try await User.postgresInsertAll([sample.ada, sample.bob], on: db, logger: Self.logger)
        #expect(users.map(\.email) == ["ada@example.com", "bob@example.com"] && users.allSatisfy { $0.id != nil })
        sample.ada = users[0]
        sample.bob = users[1]
        sample.first.assigneeId = sample.ada.id
        sample.first.reviewerId = sample.bob.id
        #expect(try await Team.postgresInsertAll([sample.red, sample.blue], on: db, logger: Self.logger) == [sample.red, sample.blue])
        #expect(try await sample.parent.postgresInsert(on: db, logger: Self.logger) == sample.parent)
        #expect(try await TaskRecord.postgresInsertAll([sample.first, sample.second], on: db, logger: Self.logger) == [sample.first, sample.second])
        #expect(try await TaskRecord.postgresInsertAll([], on: db, logger: Self.logger) == [])
        _ = try await Profile(userId: sample.ada.id!, bio: "hi").postgresInsert(on: db, logger: Self.logger)
        _ = try await Link.postgresInsertAll([Link(fromId: sample.first.id, toId: sample.second.id),
                                              Link(fromId: sample.second.id, toId: sample.first.id, kind: .done)], on: db, logger: Self.logger)
        return sample
    }

    @Test func findByEveryKeyAndFetchThroughEveryForeignKey() async throws {
        try await withDatabase { connection, _ in
            let s = try await insertSample(connection)
            let log = Self.logger
            #expect(try await TaskRecord.postgresFind(id: s.parent.id, on: connection, logger: log) == s.parent)   // enum, array, JSON, date
            #expect(try await TaskRecord.postgresFind(slug: "test", on: connection, logger: log) == s.second)
            #expect(try await TaskRecord.postgresFind(id: UUID(), on: connection, logger: log) == nil)
            #expect(try await Team.postgresFind(org: "acme", code: "red", on: connection, logger: log) == s.red)  // composite key
            #expect(try await User.postgresFind(email: "bob@example.com", on: connection, logger: log) == s.bob)
            #expect(try await Link.postgresFind(fromId: s.first.id, toId: s.second.id, on: connection, logger: log)?.kind == .open)
            #expect(try await Profile.postgresFind(userId: s.ada.id!, on: connection, logger: log)?.bio == "hi")

            #expect(try await TaskRecord.postgresFetch(assigneeId: s.ada.id!, on: connection, logger: log) == [s.first])
            #expect(try await TaskRecord.postgresFetch(reviewerId: s.ada.id!, on: connection, logger: log) == [])
            #expect(try await TaskRecord.postgresFetch(reviewerId: s.bob.id!, on: connection, logger: log) == [s.first])
            #expect(Set(try await TaskRecord.postgresFetch(parentId: s.parent.id, on: connection, logger: log)) == [s.first, s.second])
            #expect(try await TaskRecord.postgresFetch(teamOrg: "acme", teamCode: "red", on: connection, logger: log) == [s.first])
            #expect(try await Link.postgresFetch(toId: s.first.id, on: connection, logger: log).map(\.kind) == [.done])
            #expect(try await Profile.postgresFetch(userId: s.bob.id!, on: connection, logger: log) == [])

            // A unique index, and columns named like the operations' own labels (`on:`, `logger:`).
            let setting = try await Setting(key: "theme", on: true, logger: "ui", sql: "SELECT 1", scope: "user").postgresInsert(on: connection, logger: log)
            #expect(try await Setting.postgresFind(keyValue: "theme", on: connection, logger: log) == setting)
            #expect(try await Setting.postgresFind(loggerValue: "ui", onValue: true, on: connection, logger: log) == setting)
            #expect(try await Setting.postgresFind(loggerValue: "ui", onValue: false, on: connection, logger: log) == nil)
            await #expect(throws: PSQLError.self) {
                _ = try await Setting(key: "other", on: true, logger: "ui", sql: "x", scope: "team").postgresInsert(on: connection, logger: log)
            }
            #expect(try await Setting.postgresDelete(keyValue: "theme", on: connection, logger: log))
            #expect(try await Setting.postgresFind(loggerValue: "ui", onValue: true, on: connection, logger: log) == nil)
        }
    }

    @Test func updateUpsertAndDeleteReportMissingRows() async throws {
        try await withDatabase { connection, _ in
            let s = try await insertSample(connection)
            let log = Self.logger
            var changed = s.second
            changed.title = "Test more"
            changed.status = .done
            changed.tags = []
            changed.details = ["list": [1, 2]]
            changed.dueOn = Relations.CalendarDate("2025-01-31")
            changed.assigneeId = s.bob.id
            #expect(try await changed.postgresUpdate(on: connection, logger: log) == changed)
            #expect(try await TaskRecord.postgresFind(id: s.second.id, on: connection, logger: log) == changed)
            let missing = TaskRecord(title: "nowhere", slug: "nowhere")
            #expect(try await missing.postgresUpdate(on: connection, logger: log) == nil)
            var renamed = s.red
            renamed.name = "Crimson"
            #expect(try await renamed.postgresUpdate(on: connection, logger: log) == renamed)            // composite key

            // Upsert on the primary key (the default), then on a unique constraint by name.
            var ada = s.ada
            ada.name = "Ada L."
            #expect(try await ada.postgresUpsert(on: connection, logger: log) == ada)
            let newcomer = User(email: "ada@example.com", name: "Ada Lovelace")
            let merged = try await newcomer.postgresUpsert(onConflict: .uqUsersEmail, on: connection, logger: log)
            #expect(merged.id == s.ada.id && merged.name == "Ada Lovelace")
            let fresh = try await User(email: "cy@example.com", name: "Cy").postgresUpsert(on: connection, logger: log)
            #expect(fresh.id != nil && fresh.id != s.ada.id && fresh.id != s.bob.id)
            // A table without a primary key upserts on its unique pair.
            let link = Link(fromId: s.first.id, toId: s.second.id, kind: .wonTDo)
            #expect(try await link.postgresUpsert(onConflict: .uqLinksFromIdToId, on: connection, logger: log) == link)
            #expect(try await Link.postgresFetch(fromId: s.first.id, on: connection, logger: log) == [link])

            #expect(try await TaskRecord.postgresDelete(id: s.first.id, on: connection, logger: log))
            #expect(try await !TaskRecord.postgresDelete(id: s.first.id, on: connection, logger: log))
            #expect(try await Team.postgresDelete(org: "acme", code: "blue", on: connection, logger: log))
            #expect(try await !Team.postgresDelete(org: "acme", code: "blue", on: connection, logger: log))
            // ON DELETE CASCADE took the link with the task.
            #expect(try await Link.postgresFetch(fromId: s.first.id, on: connection, logger: log) == [])
        }
    }

    @Test func constraintViolationsThrow() async throws {
        try await withDatabase { connection, _ in
            let s = try await insertSample(connection)
            let log = Self.logger
            await expectSQLState("23505") { _ = try await TaskRecord(title: "dup", slug: "ship").postgresInsert(on: connection, logger: log) }
            await expectSQLState("23503") {
                _ = try await TaskRecord(title: "orphan", assigneeId: 4242, slug: "orphan").postgresInsert(on: connection, logger: log)
            }
            var clash = s.second
            clash.slug = "ship"
            await expectSQLState("23505") { _ = try await clash.postgresUpdate(on: connection, logger: log) }
            await expectSQLState("23505") {
                _ = try await User.postgresInsertAll([User(email: "x@example.com", name: "x"), User(email: "x@example.com", name: "y")], on: connection, logger: log)
            }
            #expect(try await User.postgresFind(email: "x@example.com", on: connection, logger: log) == nil, "one statement: nothing inserted")
        }
    }

    /// The same operations through a `PostgresClient` (a pool), which conforms as the connection does.
    @Test func operationsRunOnAPostgresClient() async throws {
        try await withDatabase { _, name in
            let server = try TestPostgres.fromEnvironment()
            let client = PostgresClient(configuration: .init(unixSocketPath: server.socket, username: server.user, password: nil, database: name),
                                        backgroundLogger: Self.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                let s = try await insertSample(client)
                #expect(try await TaskRecord.postgresFind(slug: "write", on: client, logger: Self.logger) == s.first)
                #expect(try await TaskRecord.postgresDelete(id: s.second.id, on: client, logger: Self.logger))
            }
        }
    }

    private func expectSQLState(_ state: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("PostgreSQL accepted what it should reject with \(state)", sourceLocation: sourceLocation)
        } catch let error as PSQLError {
            #expect(error.serverInfo?[.sqlState] == state, "\(String(reflecting: error))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}
