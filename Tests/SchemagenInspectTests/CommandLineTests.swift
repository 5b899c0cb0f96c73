import DatabaseTestSupport
import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// `schemagen inspect` and `schemagen check --database` through the built binary: exit codes, stdout
/// and stderr as the contract says; bad input is one error line, exit 2, nothing on stdout, and a
/// password is never printed.
@Suite struct CommandLineTests {
    static let schema = """
        schemagen: 1
        tables:
          notes:
            columns:
              id: { type: bigserial, primary_key: true }
              body: text
              pinned: { type: bool, default: false }
        """

    /// The environment of the test run without the PG* variables, so a URL alone says where to go.
    static var environmentWithoutPG: [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
    }

    static func expectBadInput(_ result: CommandLineProject.Result, mentioning text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout == "", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("s3cret"), "the password was printed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func inspectPrintsTheSchemaOfASQLiteFile() throws {
        let project = try CommandLineProject(schema: Self.schema)
        let sql = try project.run("sql", "schema.yaml", "--dialect", "sqlite")
        try SQLiteEngine(path: project.url("app.sqlite").path).run(sql.stdout)
        let result = try project.run("inspect", "sqlite:app.sqlite")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  notes:\n    columns:\n      id: bigserial\n      body: text\n      pinned: { type: bool, default: false }\n"), "\(result.stdout)")
    }

    @Test func checkDatabaseOnSQLite() throws {
        let project = try CommandLineProject(schema: Self.schema)
        let sql = try project.run("sql", "schema.yaml", "--dialect", "sqlite")
        let engine = try SQLiteEngine(path: project.url("app.sqlite").path)
        try engine.run(sql.stdout)
        let clean = try project.run("check", "--database", "app.sqlite")
        #expect(clean.status == 0 && clean.stdout == "" && clean.stderr == "", "\(clean)")
        try engine.run("CREATE INDEX by_body ON notes (body);")
        let drifted = try project.run("check", "--database", "app.sqlite")
        #expect(drifted.status == 1, "\(drifted)")
        #expect(drifted.stdout.contains("- index 'by_body' of 'notes' is in the database but not in the schema\n"), "\(drifted.stdout)")
        #expect(drifted.stdout.contains("DROP INDEX by_body;"), "\(drifted.stdout)")
    }

    @Test func missingSQLiteFile() throws {
        let project = try CommandLineProject()
        Self.expectBadInput(try project.run("inspect", "nothing.sqlite"), mentioning: "'nothing.sqlite': no such file")
    }

    @Test func fileThatIsNotSQLite() throws {
        let project = try CommandLineProject(schema: Self.schema)
        Self.expectBadInput(try project.run("inspect", "schema.yaml"), mentioning: "it is not a SQLite database")
        Self.expectBadInput(try project.run("check", "--database", "schema.yaml"), mentioning: "it is not a SQLite database")
    }

    @Test func unknownScheme() throws {
        let project = try CommandLineProject()
        Self.expectBadInput(try project.run("inspect", "mysql://root:s3cret@localhost/app"), mentioning: "unknown database scheme 'mysql'")
    }

    @Test func unreachableServer() throws {
        let project = try CommandLineProject()
        let result = try project.run(["inspect", "postgres://me:s3cret@/app?host=/nonexistent-socket-folder&port=5"], environment: Self.environmentWithoutPG)
        Self.expectBadInput(result, mentioning: "cannot connect to postgres://me@/app?host=/nonexistent-socket-folder&port=5")
    }

    @Test func unknownUserAndMissingDatabase() throws {
        let server = try TestPostgres.fromEnvironment()
        let (host, port) = server.hostAndPort
        let project = try CommandLineProject()
        let wrongUser = try project.run(["inspect", "postgres://nobody:s3cret@/postgres?host=\(host)&port=\(port)"], environment: Self.environmentWithoutPG)
        Self.expectBadInput(wrongUser, mentioning: "role \"nobody\" does not exist")
        let missing = try project.run(["inspect", "postgres:///no_such_database?host=\(host)&port=\(port)&user=\(server.user)"], environment: Self.environmentWithoutPG)
        Self.expectBadInput(missing, mentioning: "database \"no_such_database\" does not exist")
    }

    @Test func pgEnvironmentFillsTheURL() async throws {
        let server = try TestPostgres.fromEnvironment()
        let (host, port) = server.hostAndPort
        let project = try CommandLineProject(schema: Self.schema)
        try await PostgresEngine.withFresh("cli") { engine in
            let sql = try project.run("sql", "schema.yaml", "--dialect", "postgres")
            try await engine.runScript(sql.stdout, schema: "public")
            var environment = Self.environmentWithoutPG
            environment["PGHOST"] = host
            environment["PGPORT"] = port
            environment["PGUSER"] = server.user
            let inspected = try project.run(["inspect", "postgres:///\(engine.database)"], environment: environment)
            #expect(inspected.status == 0, "\(inspected.stderr)")
            #expect(inspected.stdout.contains("      pinned: { type: bool, default: false }\n"), "\(inspected.stdout)")
            let clean = try project.run(["check", "--database", "postgres:///\(engine.database)"], environment: environment)
            #expect(clean.status == 0 && clean.stdout == "", "\(clean)")
            try await engine.execute("CREATE SCHEMA app")
            try await engine.execute("CREATE TABLE app.tags (id integer PRIMARY KEY, label text NOT NULL)")
            let namespaced = try project.run(["inspect", "postgres:///\(engine.database)", "--namespace", "app"], environment: environment)
            #expect(namespaced.status == 0, "\(namespaced.stderr)")
            #expect(namespaced.stdout.contains("postgres:\n  schema: app\n") && namespaced.stdout.contains("  tags:\n    columns:\n      id: int\n      label: text\n"), "\(namespaced.stdout)")
            let badNamespace = try project.run(["inspect", "postgres:///\(engine.database)", "--namespace", "nope"], environment: environment)
            Self.expectBadInput(badNamespace, mentioning: "has no schema 'nope'")
        }
    }
}
