import Foundation
import GRDB
import SchemagenCore

/// The entry points of `schemagen inspect` and `schemagen check --database`: one inspector per engine.
public enum Inspector {
    /// The model of the database at `location`; `namespace` is the PostgreSQL schema to read (default `public`).
    public static func inspect(_ location: DatabaseLocation, namespace: String?) async throws -> Inspection {
        switch location {
        case .sqlite(let path):
            if namespace != nil { throw InspectError("--namespace names a PostgreSQL schema; '\(path)' is a SQLite database") }
            return try SQLiteInspector.inspect(path: path)
        case .postgres(let pg):
            return try await PostgresSession.with(pg) { session in
                try await PostgresInspector.inspect(session, namespace: namespace ?? "public")
            }
        }
    }

    /// The drift of the database at `location` from `schema`: the schema's DDL is built in a scratch
    /// database on the same engine (a temporary SQLite file; a temporary database on the same
    /// PostgreSQL server, dropped afterwards), and both are read by the same inspector, so the
    /// engine's rewriting of defaults and expressions is the same on both sides.
    public static func drift(of location: DatabaseLocation, from schema: Schema) async throws -> Drift {
        let dialect = location.dialect
        guard schema.targets.contains(dialect) else {
            throw InspectError("the database is \(dialect.displayName), which is not one of the schema's targets (\(schema.targets.map(\.rawValue).joined(separator: ", ")))")
        }
        let ddl = DDL.script(for: schema, dialect: dialect, source: "schema.yaml")
        switch location {
        case .sqlite(let path):
            let live = try SQLiteInspector.inspect(path: path).schema
            let wanted = try SQLiteScratch.inspect(ddl: ddl)
            return Drift.compare(live: live, wanted: wanted, dialect: .sqlite)
        case .postgres(let pg):
            let namespace = schema.postgresSchema ?? "public"
            let live = try await PostgresSession.with(pg) { try await PostgresInspector.inspect($0, namespace: namespace) }.schema
            let wanted = try await PostgresSession.withScratchDatabase(on: pg) { session in
                try await session.runScript(ddl)
                return try await PostgresInspector.inspect(session, namespace: namespace).schema
            }
            return Drift.compare(live: live, wanted: wanted, dialect: .postgres)
        }
    }
}

/// A temporary SQLite file with the schema's DDL applied, inspected and removed.
enum SQLiteScratch {
    static func inspect(ddl: String) throws -> Schema {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-check-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { try $0.execute(sql: ddl) }
            try queue.close()
        } catch let error as DatabaseError {
            throw InspectError("the schema's SQLite DDL failed in a scratch database: \(error.message ?? "\(error.resultCode)")")
        }
        return try SQLiteInspector.inspect(path: path).schema
    }
}
