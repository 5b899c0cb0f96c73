import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// `schemagen generate`, `migrate` and `check` run as a user runs them: the built
/// executable in a throwaway project folder.
@Suite("Migration commands")
struct MigrationCommandTests {
    static let schema = """
    schemagen: 1
    tables:
      projects:
        columns:
          id:       { type: bigserial, primary_key: true }
          name:     string(100)
          estimate: bigint

    """

    static let dialects = ["sqlite", "postgres"]

    /// A project after `generate` and `migrate init`, checked clean.
    static func initialized() throws -> CommandLineProject {
        let project = try CommandLineProject(schema: schema)
        let generate = try project.run("generate")
        try #require(generate.status == 0, "generate: \(generate.stderr)")
        let migrate = try project.run("migrate", "init")
        try #require(migrate.status == 0, "migrate init: \(migrate.stderr)")
        return project
    }

    @Test("After generate and migrate init, check exits 0 and writes nothing")
    func cleanCheck() throws {
        let project = try Self.initialized()
        for d in Self.dialects {
            #expect(project.migrationFiles(d) == ["0001_init.down.sql", "0001_init.up.sql", "schemagen.sum", "snapshot.json"])
        }
        let before = project.snapshot()
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(project.snapshot() == before)
    }

    @Test("A schema change with no migration: check exits 1 and says to run `schemagen migrate NAME`")
    func pendingChange() throws {
        let project = try Self.initialized()
        try project.write("schema.yaml", Self.schema + "      note:     text?\n")
        #expect(try project.run("generate").status == 0)
        let check = try project.run("check")
        #expect(check.status == 1)
        for d in Self.dialects {
            #expect(check.stderr.contains("error: \(d): the schema has 1 change that no migration records: run `schemagen migrate NAME`"), "\(check.stderr)")
        }
        #expect(!check.stderr.contains("is stale"), "Generated/ was regenerated: \(check.stderr)")
        #expect(try project.run("migrate", "add_note").status == 0)
        #expect(try project.run("check").status == 0)
    }

    /// Edits to the migration folder, each with the message that says what to do.
    static let tampering: [(String, @Sendable (CommandLineProject) throws -> Void, String)] = [
        ("an edited migration", { p in
            try p.write("Generated/migrations/sqlite/0001_init.up.sql", (p.read("Generated/migrations/sqlite/0001_init.up.sql") ?? "") + "-- edited\n")
        }, "sqlite: 0001_init.up.sql was edited after it was applied and recorded; restore it, and put further changes in a new migration (`schemagen migrate NAME`)"),
        ("a deleted migration", { p in
            try p.remove("Generated/migrations/postgres/0001_init.down.sql")
        }, "postgres: 0001_init.down.sql was deleted after it was recorded in schemagen.sum; restore it from version control"),
        ("an added file", { p in
            try p.write("Generated/migrations/postgres/0002_manual.up.sql", "ALTER TABLE projects ADD COLUMN x TEXT;\n")
        }, "postgres: 0002_manual.up.sql is not recorded in schemagen.sum: it was added by hand; migrations are written by `schemagen migrate`"),
        ("an edited snapshot", { p in
            let text = p.read("Generated/migrations/sqlite/snapshot.json") ?? ""
            try p.write("Generated/migrations/sqlite/snapshot.json", text.replacingOccurrences(of: "\"estimate\"", with: "\"estimated\""))
        }, "sqlite: snapshot.json was edited after it was recorded; restore it from version control"),
        ("a deleted checksum file", { p in
            try p.remove("Generated/migrations/sqlite/schemagen.sum")
        }, "sqlite: schemagen.sum is missing; the migration folder cannot be verified. Restore it from version control"),
    ]

    @Test("A tampered migration folder: check exits 1 and says what to do", arguments: tampering.indices)
    func tampered(_ i: Int) throws {
        let (what, tamper, message) = Self.tampering[i]
        let project = try Self.initialized()
        try tamper(project)
        let before = project.snapshot()
        let check = try project.run("check")
        #expect(check.status == 1, "\(what): \(check.stderr)")
        #expect(check.stderr.contains("error: " + message), "\(what):\n\(check.stderr)")
        #expect(project.snapshot() == before, "\(what): check wrote something")
        // migrate refuses to build on a folder it cannot trust.
        try project.write("schema.yaml", Self.schema.replacingOccurrences(of: "name:     string(100)", with: "name:     string(200)"))
        let migrate = try project.run("migrate", "widen")
        #expect(migrate.status == 1, "\(what): migrate on a tampered folder: \(migrate.stderr)")
        #expect(migrate.stderr.contains(message), "\(what):\n\(migrate.stderr)")
        #expect(project.migrationFiles("sqlite").filter { $0.hasPrefix("0002_widen") }.isEmpty)
        #expect(project.migrationFiles("postgres").filter { $0.hasPrefix("0002_widen") }.isEmpty)
    }

    @Test("Stale Generated/: check exits 1 and prints a unified diff")
    func staleOutput() throws {
        let project = try Self.initialized()
        let path = "Generated/postgres/schema.sql"
        let original = try #require(project.read(path))
        try project.write(path, original.replacingOccurrences(of: "VARCHAR(100)", with: "VARCHAR(99)"))
        let check = try project.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("--- \(path)\n+++ \(path) (expected)\n@@ "), "\(check.stderr)")
        #expect(check.stderr.contains("\n-    name VARCHAR(99) NOT NULL,\n+    name VARCHAR(100) NOT NULL,\n"), "\(check.stderr)")
        #expect(check.stderr.contains("Generated/ is stale: run `schemagen generate`."))
        // A missing file is named too; generate makes check pass again.
        try project.remove("Generated/sqlite/schema.sql")
        let missing = try project.run("check")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Generated/sqlite/schema.sql is missing"))
        #expect(try project.run("generate").status == 0)
        #expect(try project.run("check").status == 0)
    }

    @Test("migrate numbers 0001, 0002; with no changes it writes nothing")
    func numbering() throws {
        let project = try Self.initialized()
        try project.write("schema.yaml", Self.schema + "      note:     text?\n")
        let second = try project.run("migrate", "add_note")
        #expect(second.status == 0, "\(second.stderr)")
        for d in Self.dialects {
            #expect(project.migrationFiles(d) == ["0001_init.down.sql", "0001_init.up.sql", "0002_add_note.down.sql", "0002_add_note.up.sql",
                                                  "schemagen.sum", "snapshot.json"])
            let up = try #require(project.read("Generated/migrations/\(d)/0002_add_note.up.sql"))
            #expect(up.hasPrefix("-- schemagen migration 0002_add_note (\(d == "sqlite" ? "SQLite" : "PostgreSQL")), from schema.yaml. Do not edit: write a new migration instead.\n"))
            #expect(up.contains("ADD COLUMN note TEXT;"))
        }
        let before = project.snapshot()
        let third = try project.run("migrate", "nothing")
        #expect(third.status == 0, "\(third.stderr)")
        for d in Self.dialects {
            #expect(third.stderr.contains("\(d): no changes since the last migration; nothing to write."))
        }
        #expect(project.snapshot() == before)
        #expect(try project.run("generate").status == 0)
        #expect(try project.run("check").status == 0)
    }

    @Test("A refusal writes nothing for any dialect, even one that has nothing to refuse")
    func refusalWritesNothing() throws {
        let project = try Self.initialized()
        // Narrowing bigint to int: PostgreSQL refuses; SQLite stores both as INTEGER and plans nothing to refuse.
        try project.write("schema.yaml", Self.schema.replacingOccurrences(of: "estimate: bigint", with: "estimate: int"))
        let before = project.snapshot()
        let refused = try project.run("migrate", "narrow")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: postgres: the change can lose data; refused without --allow-destructive:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("  DS: narrows projects.estimate from bigint to int"), "\(refused.stderr)")
        #expect(project.snapshot() == before, "a refused migrate wrote files")
        // Dropping a column: both refuse, both list it.
        try project.write("schema.yaml", Self.schema.replacingOccurrences(of: "      estimate: bigint\n", with: ""))
        let dropped = try project.run("migrate", "drop_estimate")
        #expect(dropped.status == 1)
        for d in Self.dialects {
            #expect(dropped.stderr.contains("error: \(d): the change can lose data; refused without --allow-destructive:\n  DS: drops column projects.estimate and its values"), "\(dropped.stderr)")
        }
        #expect(project.snapshot().filter { $0.key != "schema.yaml" } == before.filter { $0.key != "schema.yaml" })
        // Allowed, it is written for both, with the hazard above its statement.
        let allowed = try project.run("migrate", "drop_estimate", "--allow-destructive")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        for d in Self.dialects {
            let up = try #require(project.read("Generated/migrations/\(d)/0002_drop_estimate.up.sql"))
            #expect(up.contains("-- DS: drops column projects.estimate and its values\nALTER TABLE projects DROP COLUMN estimate;"), "\(up)")
        }
    }

    @Test("migrate rewrites the Swift that embeds the migrations, so check stays clean; a refusal writes no Swift either")
    func swiftEmbedsMigrations() throws {
        let project = try CommandLineProject(schema: Self.schema)
        try project.write("schemagen-config.yaml", "integrations: [grdb, postgresnio]\n")
        #expect(try project.run("generate").status == 0)
        let grdbFile = "Generated/Swift/Records+GRDB.swift", postgresFile = "Generated/Swift/Records+PostgresNIO.swift"
        #expect(project.read(grdbFile)?.contains("static let all: [(identifier: Swift.String, sql: Swift.String)] = []") == true)
        #expect(project.read(postgresFile)?.contains("static let all: [Migration] = []") == true)
        let first = try project.run("migrate", "init")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(project.read(grdbFile)?.contains("identifier: \"0001_init\",\n            sql: #\"\"\"\n            CREATE TABLE projects (") == true,
                "\(project.read(grdbFile) ?? "")")
        #expect(project.read(postgresFile)?.contains("identifier: \"0001_init\",") == true)
        #expect(try project.run("check").status == 0)

        // A change: migrate alone (no generate) leaves everything current.
        try project.write("schema.yaml", Self.schema + "      note:     text?\n")
        let second = try project.run("migrate", "add_note")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(project.read(grdbFile)?.contains("identifier: \"0002_add_note\",") == true)
        #expect(project.read(grdbFile)?.contains("ALTER TABLE projects ADD COLUMN note TEXT;") == true)
        #expect(project.read(postgresFile)?.contains("ALTER TABLE projects ADD COLUMN note TEXT;") == true)
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stderr)")

        // Refused: no migration, no Swift, no DDL.
        try project.write("schema.yaml", Self.schema.replacingOccurrences(of: "      estimate: bigint\n", with: "") + "      note:     text?\n")
        let before = project.snapshot().filter { $0.key != "schema.yaml" }
        #expect(try project.run("migrate", "drop_estimate").status == 1)
        #expect(project.snapshot().filter { $0.key != "schema.yaml" } == before)
    }

    @Test("The first migration is the whole schema: the fresh DDL inside BEGIN and COMMIT")
    func firstMigrationIsTheSchema() throws {
        let project = try Self.initialized()
        for d in Self.dialects {
            let sql = try project.run("sql", "schema.yaml", "--dialect", d)
            #expect(sql.status == 0)
            let up = try #require(project.read("Generated/migrations/\(d)/0001_init.up.sql"))
            let name = d == "sqlite" ? "SQLite" : "PostgreSQL"
            #expect(up == "-- schemagen migration 0001_init (\(name)), from schema.yaml. Do not edit: write a new migration instead.\n"
                + "-- Hazards: none.\n\nBEGIN;\n\n" + sql.stdout + "\nCOMMIT;\n")
            #expect(project.read("Generated/\(d)/schema.sql") == sql.stdout)
            // Its down drops everything.
            let down = try #require(project.read("Generated/migrations/\(d)/0001_init.down.sql"))
            #expect(down.contains("DROP TABLE projects;"))
        }
    }

    @Test("generate never creates migrations")
    func generateWritesNoMigrations() throws {
        let project = try CommandLineProject(schema: Self.schema)
        #expect(try project.run("generate").status == 0)
        #expect(FileManager.default.fileExists(atPath: project.url("Generated/postgres/schema.sql").path))
        #expect(!FileManager.default.fileExists(atPath: project.url("Generated/migrations").path))
        // Before any migration, check does not ask for one (migrations are verified once there are some).
        #expect(try project.run("check").status == 0)
        #expect(try project.run("migrate", "init").status == 0)
        try project.write("schema.yaml", Self.schema + "      note:     text?\n")
        #expect(try project.run("generate").status == 0)
        for d in Self.dialects { #expect(project.migrationFiles(d).count == 4) }
    }

    @Test("An invalid schema: exit 2, the diagnostics, and nothing written by any command")
    func invalidSchemaWritesNothing() throws {
        let broken = Self.schema.replacingOccurrences(of: "estimate: bigint", with: "estimate: bigint\n      estimate2: { type: nosuchtype }")
        // A fresh project: no Generated/ at all.
        let fresh = try CommandLineProject(schema: broken)
        let generate = try fresh.run("generate")
        #expect(generate.status == 2)
        #expect(generate.stderr.contains("schema.yaml:") && generate.stderr.contains("nothing was written"), "\(generate.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fresh.url("Generated").path))
        #expect(try fresh.run("migrate", "init").status == 2)
        #expect(!FileManager.default.fileExists(atPath: fresh.url("Generated").path))

        // A migrated project: every file stays as it was.
        let project = try Self.initialized()
        try project.write("schema.yaml", broken)
        let before = project.snapshot()
        for arguments in [["generate"], ["migrate", "broken"], ["migrate", "broken", "--allow-destructive"], ["check"]] {
            let result = try project.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(project.snapshot() == before, "\(arguments) wrote files")
        }
    }
}
