import DatabaseTestSupport
import Foundation
import SchemagenCore
import SchemagenInspect
import SchemagenTestSupport
import Testing

/// The schemas the round trips run on, and the databases they are applied to.
enum InspectFixtures {
    static func example(_ name: String) throws -> Schema {
        try compiled(Fixtures.compile(Fixtures.folder.appendingPathComponent("examples/\(name)")), what: "examples/\(name)")
    }

    static func repository() throws -> Schema { try compiled(Fixtures.compileRepositorySchema(), what: "schema.yaml") }

    /// What `inspect` printed, compiled as a user's schema.yaml: every error fails the test.
    static func compiled(_ compiled: CompiledSchema, what: String) throws -> Schema {
        guard let schema = compiled.schema else {
            throw InspectTestFailure("\(what) does not compile:\n" + compiled.diagnostics.sorted.map(\.description).joined(separator: "\n"))
        }
        return schema
    }

    /// A sample database script, from `SCHEMAGEN_SAMPLES` (a folder) or `../shared/samples`; nil when absent.
    static func sample(_ name: String) -> String? {
        let folder = ProcessInfo.processInfo.environment["SCHEMAGEN_SAMPLES"].map { URL(fileURLWithPath: $0) }
            ?? Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
        return try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Whether both sample scripts are there: a checkout without `../shared` reports the tests as skipped.
    static var samplesPresent: Bool { sample("northwind.sqlite.sql") != nil && sample("pagila.postgres.sql") != nil }
}

/// A SQLite file in a folder of its own, removed with the value.
final class SQLiteFile {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("db.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The file with `script` applied (foreign keys on, as SQLite scripts run).
    static func with(_ script: String) throws -> SQLiteFile {
        let file = try SQLiteFile()
        try file.engine().run(script)
        return file
    }

    func engine() throws -> SQLiteEngine { try SQLiteEngine(path: path) }

    func inspect() throws -> Inspection { try SQLiteInspector.inspect(path: path) }
}

/// A fresh PostgreSQL database on the server scripts/test.sh starts, as a DATABASE location.
extension PostgresEngine {
    var location: PostgresLocation {
        let (host, port) = server.hostAndPort
        return PostgresLocation(host: host, port: Int(port) ?? 5432, user: server.user, password: nil, database: database)
    }

    func inspect(namespace: String = "public") async throws -> Inspection {
        try await Inspector.inspect(.postgres(location), namespace: namespace)
    }

    /// Runs `body` on a fresh database, dropped afterwards whatever happens.
    static func withFresh(_ name: String, _ body: (PostgresEngine) async throws -> Void) async throws {
        try await withFresh(name, count: 1) { try await body($0[0]) }
    }

    /// Runs `body` on `count` fresh databases (the original and the regenerated ones), dropped afterwards.
    static func withFresh(_ name: String, count: Int, _ body: ([PostgresEngine]) async throws -> Void) async throws {
        var engines: [PostgresEngine] = []
        do {
            for i in 0 ..< count { engines.append(try await make(name: "\(name)_\(i)")) }
            try await body(engines)
        } catch {
            for engine in engines { try? await engine.close() }
            throw error
        }
        for engine in engines { try await engine.close() }
    }
}

struct InspectTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
