import Foundation
import GRDB
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport
import Testing

// Shared helpers of the integration tests: the schemas under test, a SQLite
// database per test (GRDB, in memory) and a fresh PostgreSQL database per
// test (PostgresNIO over the unix socket that scripts/test.sh exports).

/// A failure with a readable message (thrown, so a test stops at the first one).
struct IntegrationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Schemas

enum Schemas {
    /// File names of the example schemas (`01_basics.yaml`, ...), sorted.
    static let exampleNames: [String] = Fixtures.yamlFiles(in: "examples").map(\.lastPathComponent)

    /// Compiles `Tests/Fixtures/examples/<name>`; throws with every diagnostic when it has errors.
    static func example(_ name: String) throws -> Schema {
        try require(Fixtures.compile(Fixtures.folder.appendingPathComponent("examples/\(name)")), what: "examples/\(name)")
    }

    /// Compiles inline YAML (root file `schema.yaml`).
    static func inline(_ text: String, files: [String: String] = [:]) throws -> Schema {
        try require(Fixtures.compile(text, files: files), what: "the inline schema")
    }

    /// The repository's own `schema.yaml` with its modules, read as the CLI reads it from the repository root.
    static func repository() throws -> Schema {
        try require(SchemaCompiler.compile(rootPath: "schema.yaml", loader: RepositoryLoader()), what: "schema.yaml")
    }

    static func require(_ compiled: CompiledSchema, what: String) throws -> Schema {
        guard let schema = compiled.schema else {
            let messages = compiled.diagnostics.sorted.map(\.description).joined(separator: "\n")
            throw IntegrationFailure("\(what) does not compile:\n\(messages)")
        }
        return schema
    }

    /// The full DDL, as `schemagen sql` prints it (the header names the file only).
    static func ddl(_ schema: Schema, _ dialect: Dialect, source: String = "schema.yaml") -> String {
        DDL.script(for: schema, dialect: dialect, source: source)
    }

    struct RepositoryLoader: SchemaFileLoader {
        func load(_ path: String) throws -> [UInt8] {
            let url = Fixtures.repositoryRoot.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw IntegrationFailure("no such file: \(url.path)")
            }
            return [UInt8](data)
        }
    }
}

// MARK: - SQLite

enum SQLiteEngine {
    /// A new in-memory database with foreign keys on and the schema's DDL applied.
    static func open(_ schema: Schema) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try apply(Schemas.ddl(schema, .sqlite), to: queue)
        return queue
    }

    /// Runs a whole script on a connection with foreign keys on and no outer transaction.
    static func apply(_ script: String, to queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            do {
                try db.execute(sql: script)
            } catch {
                throw IntegrationFailure("the SQLite DDL does not apply: \(error)")
            }
        }
    }

    /// Runs `sql` and expects it to fail with the given extended result code
    /// (SQLITE_CONSTRAINT_CHECK, _NOTNULL, _UNIQUE, _FOREIGNKEY, ...).
    static func expectViolation(_ code: ResultCode, _ sql: String, in queue: DatabaseQueue, message: String? = nil,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
            Issue.record("SQLite accepted, but should reject with \(code): \(sql)", sourceLocation: sourceLocation)
        } catch let error as DatabaseError {
            #expect(error.extendedResultCode == code, "SQLite rejected with \(error.extendedResultCode) (\(error.message ?? "")), expected \(code): \(sql)", sourceLocation: sourceLocation)
            if let message {
                #expect(error.message?.contains(message) == true, "SQLite said \(error.message ?? "nothing"), expected \(message): \(sql)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error) from: \(sql)", sourceLocation: sourceLocation)
        }
    }

    /// A foreign key whose action is RESTRICT stops the statement at once;
    /// SQLite reports that as a trigger-style constraint error.
    static func expectRestrict(_ sql: String, in queue: DatabaseQueue, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectViolation(.SQLITE_CONSTRAINT_TRIGGER, sql, in: queue, message: "FOREIGN KEY constraint failed", sourceLocation: sourceLocation)
    }

    /// The values of the first column, as optional strings.
    static func strings(_ sql: String, in queue: DatabaseQueue) throws -> [String?] {
        try queue.read { db in try String?.fetchAll(db, sql: sql) }
    }

    static func string(_ sql: String, in queue: DatabaseQueue) throws -> String? {
        try queue.read { db in try String?.fetchOne(db, sql: sql) ?? nil }
    }

    static func int(_ sql: String, in queue: DatabaseQueue) throws -> Int? {
        try queue.read { db in try Int?.fetchOne(db, sql: sql) ?? nil }
    }

    static func execute(_ sql: String, in queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}

// MARK: - PostgreSQL

/// Where the PostgreSQL server is, from the environment scripts/test.sh sets up.
struct PostgresServer: Sendable {
    var socket: String
    var user: String
    var database: String

    /// The server, or an error telling to run scripts/test.sh: the PostgreSQL tests never skip silently.
    static func fromEnvironment() throws -> PostgresServer {
        let env = ProcessInfo.processInfo.environment
        guard let socket = env["SCHEMAGEN_PG_SOCKET"], !socket.isEmpty else {
            throw IntegrationFailure("""
                SCHEMAGEN_PG_SOCKET is not set, so there is no PostgreSQL to test against. \
                Run the tests through scripts/test.sh, which starts a throwaway PostgreSQL 15 and exports \
                SCHEMAGEN_PG_SOCKET, SCHEMAGEN_PG_USER and SCHEMAGEN_PG_DATABASE.
                """)
        }
        return PostgresServer(socket: socket, user: env["SCHEMAGEN_PG_USER"] ?? "postgres",
                              database: env["SCHEMAGEN_PG_DATABASE"] ?? "postgres")
    }

    /// The folder of the socket and the port, from `<dir>/.s.PGSQL.<port>` (what psql takes as -h and -p).
    var hostAndPort: (host: String, port: String) {
        let url = URL(fileURLWithPath: socket)
        let port = url.lastPathComponent.split(separator: ".").last.map(String.init) ?? "5432"
        return (url.deletingLastPathComponent().path, port)
    }
}

let pgLogger: Logger = {
    var logger = Logger(label: "schemagen.integration-tests")
    logger.logLevel = .critical
    return logger
}()

/// A connection to a database of its own, created for one test and dropped after it.
final class PGTestDatabase: Sendable {
    let server: PostgresServer
    let name: String
    let connection: PostgresConnection

    private init(server: PostgresServer, name: String, connection: PostgresConnection) {
        self.server = server
        self.name = name
        self.connection = connection
    }

    private static let ids = ManagedCounter()

    static func connect(_ server: PostgresServer, database: String) async throws -> PostgresConnection {
        let configuration = PostgresConnection.Configuration(unixSocketPath: server.socket, username: server.user,
                                                             password: nil, database: database)
        return try await PostgresConnection.connect(configuration: configuration, id: ids.next(), logger: pgLogger)
    }

    /// Runs `body` with a new, empty database (CREATE DATABASE with a unique
    /// name), and drops the database afterwards whatever happens.
    static func withFresh<T: Sendable>(_ body: (PGTestDatabase) async throws -> T) async throws -> T {
        let server = try PostgresServer.fromEnvironment()
        // Tests run in parallel; a bounded number of databases at a time keeps
        // the connection count well under the server's max_connections.
        await openDatabases.acquire()
        do {
            let result = try await withFresh(on: server, body)
            await openDatabases.release()
            return result
        } catch {
            await openDatabases.release()
            throw error
        }
    }

    private static let openDatabases = AsyncLimit(6)

    private static func withFresh<T: Sendable>(on server: PostgresServer, _ body: (PGTestDatabase) async throws -> T) async throws -> T {
        let name = "schemagen_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await connect(server, database: server.database)
        do {
            try await run("CREATE DATABASE \(name)", on: admin)
        } catch {
            try? await admin.close()
            throw error
        }
        var result: Result<T, Error>
        do {
            let connection = try await connect(server, database: name)
            do {
                result = .success(try await body(PGTestDatabase(server: server, name: name, connection: connection)))
            } catch {
                result = .failure(error)
            }
            try? await connection.close()
        } catch {
            result = .failure(error)
        }
        do {
            try await run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
        } catch {
            if case .success = result { result = .failure(error) }
        }
        try? await admin.close()
        return try result.get()
    }

    private static func run(_ sql: String, on connection: PostgresConnection) async throws {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: pgLogger)
        for try await _ in rows {}
    }

    // MARK: Scripts

    /// Applies a multi-statement script as `psql -v ON_ERROR_STOP=1 -f file`
    /// does, which is how the format says PostgreSQL scripts run.
    ///
    /// PostgresNIO 1.33 speaks only the extended query protocol (its
    /// `simpleQuery` too), which takes one statement per query; psql splits a
    /// script with PostgreSQL's own lexer and stops at the first error.
    func apply(_ script: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-it-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("script.sql")
        let errorFile = folder.appendingPathComponent("stderr.txt")
        try Data(script.utf8).write(to: scriptFile)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)

        let (host, port) = server.hostAndPort
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PGTestDatabase.psqlPath())
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", server.user,
                             "-d", name, "-f", scriptFile.path]
        var environment = ProcessInfo.processInfo.environment
        environment["PGCLIENTENCODING"] = "UTF8"
        environment["PGOPTIONS"] = "-c client_min_messages=warning"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardError = errorHandle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? errorHandle.close()
        if status != 0 {
            let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw IntegrationFailure("the PostgreSQL script does not apply (psql exit \(status)):\n\(stderr)")
        }
    }

    /// `$SCHEMAGEN_PG_BINDIR/psql`, else PostgreSQL 15's, else the first psql on the PATH.
    static func psqlPath() throws -> String {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let bindir = env["SCHEMAGEN_PG_BINDIR"], !bindir.isEmpty { candidates.append(bindir + "/psql") }
        candidates.append("/usr/lib/postgresql/15/bin/psql")
        for dir in (env["PATH"] ?? "").split(separator: ":") { candidates.append(dir + "/psql") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw IntegrationFailure("psql not found (set SCHEMAGEN_PG_BINDIR, or run scripts/test.sh)")
        }
        return found
    }

    // MARK: Statements

    /// Runs one statement and returns every row, each cell as text (NULL as nil).
    /// Cast non-text columns with `::text` in the query.
    @discardableResult
    func rows(_ sql: String) async throws -> [[String?]] {
        let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: pgLogger)
        var result: [[String?]] = []
        for try await row in sequence {
            result.append(try row.map { try $0.decode(String?.self) })
        }
        return result
    }

    func execute(_ sql: String) async throws {
        try await rows(sql)
    }

    /// The first column of every row.
    func strings(_ sql: String) async throws -> [String?] {
        try await rows(sql).map { $0.first ?? nil }
    }

    /// The first column of the first row.
    func string(_ sql: String) async throws -> String? {
        try await rows(sql).first?.first ?? nil
    }

    /// Runs `sql` and expects the server to reject it with `sqlState`
    /// (23502 not null, 23514 check, 23505 unique, 23503 foreign key, 22P02 invalid text).
    func expectError(_ sqlState: String, _ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        do {
            try await execute(sql)
            Issue.record("PostgreSQL accepted, but should reject with SQLSTATE \(sqlState): \(sql)", sourceLocation: sourceLocation)
        } catch let error as PSQLError {
            let state = error.serverInfo?[.sqlState]
            #expect(state == sqlState, "PostgreSQL rejected with SQLSTATE \(state ?? "none") (\(error.serverInfo?[.message] ?? String(reflecting: error))), expected \(sqlState): \(sql)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(String(reflecting: error)) from: \(sql)", sourceLocation: sourceLocation)
        }
    }
}

/// An async semaphore.
actor AsyncLimit {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { available = count }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }
}

/// A thread-safe counter for connection ids.
final class ManagedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

// MARK: - Shapes of values

enum Shapes {
    /// A version-4 UUID as 36 lowercase characters.
    static func isLowercaseUUIDv4(_ s: String) -> Bool {
        let pattern = #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#
        return s.range(of: pattern, options: .regularExpression) != nil
    }

    /// The timestamp text form of the format: `YYYY-MM-DDTHH:MM:SS.SSSZ`.
    static func isTimestampText(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) != nil
    }

    /// The datetime text form: `YYYY-MM-DD HH:MM:SS.SSS`.
    static func isDatetimeText(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$"#, options: .regularExpression) != nil
    }
}
