import SchemagenInspect
import Testing

/// The DATABASE argument: SQLite paths, `sqlite:PATH`, PostgreSQL URLs with the PG* variables filling gaps.
@Suite struct DatabaseLocationTests {
    @Test func sqlitePaths() throws {
        #expect(try DatabaseLocation.parse("app.sqlite", environment: [:]) == .sqlite(path: "app.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite:/data/app.db", environment: [:]) == .sqlite(path: "/data/app.db"))
        #expect(throws: InspectError.self) { try DatabaseLocation.parse("sqlite:", environment: [:]) }
    }

    @Test func fullURL() throws {
        let location = try DatabaseLocation.parse("postgres://me:p%40ss@db.example:6543/shop", environment: ["PGHOST": "ignored"])
        #expect(location == .postgres(PostgresLocation(host: "db.example", port: 6543, user: "me", password: "p@ss", database: "shop")))
        #expect(location.display == "postgres://me@db.example:6543/shop")
    }

    @Test func socketFolderAndEnvironment() throws {
        let env = ["PGHOST": "/run/pg", "PGPORT": "5433", "PGUSER": "ops", "PGPASSWORD": "secret", "PGDATABASE": "fallback"]
        let location = try DatabaseLocation.parse("postgresql:///orders", environment: env)
        guard case .postgres(let pg) = location else { Issue.record("not PostgreSQL: \(location)"); return }
        #expect(pg == PostgresLocation(host: "/run/pg", port: 5433, user: "ops", password: "secret", database: "orders"))
        #expect(pg.socketPath == "/run/pg/.s.PGSQL.5433")
        #expect(!location.display.contains("secret"))
        let query = try DatabaseLocation.parse("postgres://ops@/orders?host=/tmp/sock&port=7000", environment: [:])
        #expect(query == .postgres(PostgresLocation(host: "/tmp/sock", port: 7000, user: "ops", password: nil, database: "orders")))
        let bare = try DatabaseLocation.parse("postgres://", environment: env)
        #expect(bare == .postgres(PostgresLocation(host: "/run/pg", port: 5433, user: "ops", password: "secret", database: "fallback")))
    }

    @Test func badArguments() {
        #expect(throws: InspectError.self) { try DatabaseLocation.parse("postgres://h:notaport/db", environment: [:]) }
        do {
            _ = try DatabaseLocation.parse("mysql://root:hunter2@h/db", environment: [:])
            Issue.record("accepted a MySQL URL")
        } catch {
            #expect("\(error)".contains("unknown database scheme 'mysql'") && !"\(error)".contains("hunter2"))
        }
    }
}
