import Foundation
import Logging
import PostgresNIO
import SchemagenCore

/// One connection to a PostgreSQL database, with the failures a user can cause (unreachable server,
/// wrong credentials, missing database) turned into one-line `InspectError`s that never hold the password.
struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let location: PostgresLocation

    static let logger: Logger = {
        var logger = Logger(label: "schemagen.inspect")
        logger.logLevel = .critical
        return logger
    }()

    /// Connects, runs `body`, closes the connection whatever happens.
    static func with<T: Sendable>(_ location: PostgresLocation, _ body: (PostgresSession) async throws -> T) async throws -> T {
        let session = PostgresSession(connection: try await connect(location), location: location)
        do {
            let result = try await body(session)
            try? await session.connection.close()
            return result
        } catch {
            try? await session.connection.close()
            throw session.describe(error)
        }
    }

    /// Creates a scratch database on the same server, runs `body` on it, and drops it afterwards.
    static func withScratchDatabase<T: Sendable>(on location: PostgresLocation, _ body: (PostgresSession) async throws -> T) async throws -> T {
        let name = "schemagen_check_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await with(location) { try await $0.run("CREATE DATABASE \(name)") }
        let result: Result<T, Error>
        do { result = .success(try await with(location.with(database: name), body)) } catch { result = .failure(error) }
        try await with(location) { try await $0.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try result.get()
    }

    static func connect(_ location: PostgresLocation) async throws -> PostgresConnection {
        let configuration: PostgresConnection.Configuration
        if let socket = location.socketPath {
            configuration = .init(unixSocketPath: socket, username: location.user, password: location.password, database: location.database)
        } else {
            configuration = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                  database: location.database, tls: .disable)
        }
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw describe(error, location: location, connecting: true)
        }
    }

    /// One statement, its rows ignored.
    func run(_ sql: String) async throws {
        _ = try await texts(sql)
    }

    /// Every row of one statement, each cell as text (queries cast what they select to text).
    func texts(_ sql: String) async throws -> [[String?]] {
        var rows: [[String?]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger) {
            rows.append(try row.map { try $0.decode(String?.self) })
        }
        return rows
    }

    /// A DDL script, statement by statement (the extended protocol takes one statement per query).
    func runScript(_ script: String) async throws {
        for statement in SQLStatements.split(script, dialect: .postgres) { try await run(statement) }
    }

    func describe(_ error: Error) -> Error { Self.describe(error, location: location, connecting: false) }

    /// The server's message (or the connection's failure) as one line naming the database, without the password.
    static func describe(_ error: Error, location: PostgresLocation, connecting: Bool) -> Error {
        if error is InspectError { return error }
        var reason: String
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                reason = message
            } else if let underlying = psql.underlying {
                reason = "\(underlying)"
            } else {
                reason = "\(psql.code)"
            }
        } else {
            reason = "\(error)"
        }
        if let password = location.password, !password.isEmpty { reason = reason.replacingOccurrences(of: password, with: "***") }
        return InspectError("\(connecting ? "cannot connect to" : "cannot read") \(location.display): \(reason)")
    }
}
