import Foundation
import PostgresNIO

/// The PostgreSQL server that scripts/test.sh starts (unix socket only), as the test
/// targets reach it: one copy of the connection, database and psql plumbing that the
/// integration, records and migration tests share.
public struct TestPostgres: Sendable {
    /// `<dir>/.s.PGSQL.<port>`.
    public var socket: String
    public var user: String
    /// The database to connect to for creating and dropping the tests' own.
    public var database: String

    /// Connections log only what is critical: the tests' own expectations say what went wrong.
    public static let logger: Logger = {
        var logger = Logger(label: "schemagen.tests")
        logger.logLevel = .critical
        return logger
    }()

    /// The server, or an error telling to run scripts/test.sh: the PostgreSQL tests never skip silently.
    public static func fromEnvironment() throws -> TestPostgres {
        let env = ProcessInfo.processInfo.environment
        guard let socket = env["SCHEMAGEN_PG_SOCKET"], !socket.isEmpty else {
            throw TestPostgresError("""
                SCHEMAGEN_PG_SOCKET is not set, so there is no PostgreSQL to test against. \
                Run the tests through scripts/test.sh, which starts a throwaway PostgreSQL 15 and exports \
                SCHEMAGEN_PG_SOCKET, SCHEMAGEN_PG_USER and SCHEMAGEN_PG_DATABASE.
                """)
        }
        return TestPostgres(socket: socket, user: env["SCHEMAGEN_PG_USER"] ?? "postgres", database: env["SCHEMAGEN_PG_DATABASE"] ?? "postgres")
    }

    /// The folder of the socket and the port (what psql takes as -h and -p).
    public var hostAndPort: (host: String, port: String) {
        let url = URL(fileURLWithPath: socket)
        let port = url.lastPathComponent.split(separator: ".").last.map(String.init) ?? "5432"
        return (url.deletingLastPathComponent().path, port)
    }

    private static let ids = Counter()

    public func connect(database: String) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(unixSocketPath: socket, username: user, password: nil, database: database)
        // The whole suite starts at once on two cores: PostgresNIO's 10 s default is too short there.
        configuration.options.connectTimeout = .seconds(60)
        return try await PostgresConnection.connect(configuration: configuration, id: Self.ids.next(), logger: Self.logger)
    }

    /// A new, empty database with a unique name starting with `prefix`.
    public func createDatabase(prefix: String) async throws -> String {
        let name = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await withAdmin { try await $0.run("CREATE DATABASE \(name)") }
        return name
    }

    public func dropDatabase(_ name: String) async throws {
        try await withAdmin { try await $0.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    private func withAdmin(_ body: (PostgresConnection) async throws -> Void) async throws {
        let admin = try await connect(database: database)
        do { try await body(admin) } catch {
            try? await admin.close()
            throw error
        }
        try await admin.close()
    }

    /// Runs `body` with the server as an application connects to it: a new login role that is no
    /// superuser, cannot bypass row-level security and owns nothing, allowed to read and write the
    /// tables of `namespace` in `database`. (Superusers and table owners are not held to
    /// row-level security unless it is forced: tests of isolation must connect as such a role.)
    /// The role is dropped afterwards whatever happens; the database must be dropped by the caller.
    public func withApplicationRole<T: Sendable>(database: String, namespace: String,
                                                 _ body: (TestPostgres) async throws -> T) async throws -> T {
        let role = "schemagen_app_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let schema = "\"" + namespace.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try await withAdmin { try await $0.run("CREATE ROLE \(role) LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE") }
        var result: Result<T, Error>
        do {
            let admin = try await connect(database: database)
            do {
                try await admin.run("GRANT USAGE ON SCHEMA \(schema) TO \(role)")
                try await admin.run("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema) TO \(role)")
            } catch {
                try? await admin.close()
                throw error
            }
            try await admin.close()
            var application = self
            application.user = role
            result = .success(try await body(application))
        } catch {
            result = .failure(error)
        }
        // The grants live in `database`: revoke them there before the role can go.
        do {
            let admin = try await connect(database: database)
            try? await admin.run("DROP OWNED BY \(role)")
            try? await admin.close()
            try await withAdmin { try await $0.run("DROP ROLE \(role)") }
        } catch {
            if case .success = result { result = .failure(error) }
        }
        return try result.get()
    }

    /// Runs `body` on a connection to a database of its own, dropped afterwards whatever happens.
    public func withFreshDatabase<T: Sendable>(prefix: String, _ body: (PostgresConnection, String) async throws -> T) async throws -> T {
        let name = try await createDatabase(prefix: prefix)
        var result: Result<T, Error>
        do {
            let connection = try await connect(database: name)
            do { result = .success(try await body(connection, name)) } catch { result = .failure(error) }
            try? await connection.close()
        } catch {
            result = .failure(error)
        }
        do { try await dropDatabase(name) } catch { if case .success = result { result = .failure(error) } }
        return try result.get()
    }

    /// Applies a multi-statement script as `psql -v ON_ERROR_STOP=1 -f file` does, which is how
    /// the format says PostgreSQL scripts run (PostgresNIO takes one statement per query; psql
    /// splits with PostgreSQL's own lexer and stops at the first error). `searchPath` sets the
    /// session's schema. Waits without blocking a thread: tests run in parallel on few cores.
    public func psql(_ script: String, database: String, searchPath: String? = nil) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-psql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("script.sql"), errorFile = folder.appendingPathComponent("stderr.txt")
        try Data(script.utf8).write(to: scriptFile)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let (host, port) = hostAndPort
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.psqlPath())
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", user, "-d", database, "-f", scriptFile.path]
        var environment = ProcessInfo.processInfo.environment
        environment["PGCLIENTENCODING"] = "UTF8"
        environment["PGOPTIONS"] = (searchPath.map { "-c search_path=\($0) " } ?? "") + "-c client_min_messages=warning"
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
            throw TestPostgresError("psql failed (exit \(status)):\n\(stderr)")
        }
    }

    /// `$SCHEMAGEN_PG_BINDIR/psql`, else PostgreSQL 15's, else the first psql on the PATH.
    public static func psqlPath() throws -> String {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let bindir = env["SCHEMAGEN_PG_BINDIR"], !bindir.isEmpty { candidates.append(bindir + "/psql") }
        candidates.append("/usr/lib/postgresql/15/bin/psql")
        for dir in (env["PATH"] ?? "").split(separator: ":") { candidates.append(dir + "/psql") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestPostgresError("psql not found (set SCHEMAGEN_PG_BINDIR, or run scripts/test.sh)")
        }
        return found
    }
}

extension PostgresConnection {
    /// Runs one statement and returns every row, each cell as text (NULL as nil); cast
    /// non-text columns with `::text` in the query.
    @discardableResult
    public func texts(_ sql: String) async throws -> [[String?]] {
        var rows: [[String?]] = []
        for try await row in try await query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger) {
            rows.append(try row.map { try $0.decode(String?.self) })
        }
        return rows
    }

    /// Runs one statement, ignoring its rows.
    public func run(_ sql: String) async throws {
        try await texts(sql)
    }
}

/// An async semaphore: bounds how many databases parallel tests hold at once.
public actor AsyncLimit {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(_ count: Int) { available = count }

    public func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    public func release() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }
}

/// A thread-safe counter for connection ids.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

public struct TestPostgresError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
