import Foundation
import GRDB
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport

/// The repository schema and the real databases built from its committed DDL
/// (`Generated/sqlite/schema.sql`, `Generated/postgres/schema.sql`).
enum RepositorySchema {
    static func compile() throws -> Schema {
        let compiled = SchemaCompiler.compile(rootPath: "schema.yaml", loader: Loader())
        guard let schema = compiled.schema else {
            throw SampleError("schema.yaml does not compile:\n" + compiled.diagnostics.sorted.map(\.description).joined(separator: "\n"))
        }
        return schema
    }

    static func generated(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Generated/" + path), encoding: .utf8)
    }

    struct Loader: SchemaFileLoader {
        func load(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: Fixtures.repositoryRoot.appendingPathComponent(path).path) else {
                throw SampleError("no such file: \(path)")
            }
            return [UInt8](data)
        }
    }
}

enum SQLiteDatabase {
    /// An in-memory SQLite with foreign keys on and the DDL applied.
    static func open(script: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try queue.writeWithoutTransaction { db in try db.execute(sql: script) }
        return queue
    }
}

/// A database of its own on the PostgreSQL server that scripts/test.sh starts (SCHEMAGEN_PG_SOCKET,
/// SCHEMAGEN_PG_USER, SCHEMAGEN_PG_DATABASE), created for one test and dropped after it.
enum PostgresDatabase {
    static let logger: Logger = {
        var logger = Logger(label: "schemagen.records-tests")
        logger.logLevel = .critical
        return logger
    }()

    struct Server {
        var socket: String
        var user: String
        var database: String
    }

    static func server() throws -> Server {
        let env = ProcessInfo.processInfo.environment
        guard let socket = env["SCHEMAGEN_PG_SOCKET"], !socket.isEmpty else {
            throw SampleError("SCHEMAGEN_PG_SOCKET is not set: run the tests through scripts/test.sh, which starts a throwaway PostgreSQL 15")
        }
        return Server(socket: socket, user: env["SCHEMAGEN_PG_USER"] ?? "postgres", database: env["SCHEMAGEN_PG_DATABASE"] ?? "postgres")
    }

    static func connect(_ server: Server, database: String) async throws -> PostgresConnection {
        let configuration = PostgresConnection.Configuration(unixSocketPath: server.socket, username: server.user, password: nil, database: database)
        return try await PostgresConnection.connect(configuration: configuration, id: Int.random(in: 1 ... Int(Int32.max)), logger: logger)
    }

    /// Runs `body` on a fresh database holding the PostgreSQL DDL `script`.
    static func withSchema<T: Sendable>(_ script: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let server = try server()
        let name = "schemagen_records_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await connect(server, database: server.database)
        do {
            try await execute("CREATE DATABASE \(name)", on: admin)
        } catch {
            try? await admin.close()
            throw error
        }
        let result: Result<T, Error>
        do {
            try applyScript(script, server: server, database: name)
            let connection = try await connect(server, database: name)
            do { result = .success(try await body(connection)) } catch { result = .failure(error) }
            try? await connection.close()
        } catch {
            result = .failure(error)
        }
        try? await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
        try? await admin.close()
        return try result.get()
    }

    static func execute(_ sql: String, on connection: PostgresConnection) async throws {
        for try await _ in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {}
    }

    /// The DDL is a multi-statement script: psql runs it as the format says scripts run
    /// (PostgresNIO sends one statement per query).
    static func applyScript(_ script: String, server: Server, database: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString).sql")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let socket = URL(fileURLWithPath: server.socket)
        let port = socket.lastPathComponent.split(separator: ".").last.map(String.init) ?? "5432"
        let process = Process()
        let env = ProcessInfo.processInfo.environment
        let candidates = [env["SCHEMAGEN_PG_BINDIR"].map { $0 + "/psql" }, "/usr/lib/postgresql/15/bin/psql", "/usr/bin/psql"].compactMap { $0 }
        guard let psql = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw SampleError("psql not found (set SCHEMAGEN_PG_BINDIR)")
        }
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socket.deletingLastPathComponent().path, "-p", port,
                             "-U", server.user, "-d", database, "-f", file.path]
        var environment = env
        environment["PGOPTIONS"] = "-c client_min_messages=warning"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw SampleError("psql failed to apply the DDL: \(String(decoding: stderr, as: UTF8.self))")
        }
    }
}
