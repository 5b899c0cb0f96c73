import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The migrations embedded in the generated Swift are the committed `.up.sql` files,
/// split, without their transaction control.
@Suite("Embedded migrations")
struct EmbeddedMigrationTests {
    static let before = """
    schemagen: 1
    enums:
      status: [open, done]
    tables:
      projects:
        columns:
          id: { type: bigserial, primary_key: true }
          name: string(100)
          status: { type: status, default: open }
      tasks:
        columns:
          id: { type: bigserial, primary_key: true }
          project_id: bigint
          title: text
    """

    /// A rebuild on SQLite (a column type change), an enum value, an index and a foreign key.
    static let after = """
    schemagen: 1
    enums:
      status: [open, done, archived]
    tables:
      projects:
        columns:
          id: { type: bigserial, primary_key: true }
          name: text
          status: { type: status, default: open }
      tasks:
        columns:
          id: { type: bigserial, primary_key: true }
          project_id: { type: bigint, references: projects.id }
          title: text
        indexes:
          - columns: [title]
    """

    static func delta(_ dialect: Dialect, onlineSafe: Bool = false) throws -> Migrator.Delta {
        let old = try Compile.schema(before), new = try Compile.schema(after)
        return Migrator.delta(from: old, to: new, dialect: dialect, options: .init(onlineSafe: onlineSafe))
    }

    @Test("SQLite: the wrapped file gives exactly the statements of the unwrapped rendering (no PRAGMA foreign_keys, BEGIN, COMMIT)")
    func sqlite() throws {
        let plan = try Self.delta(.sqlite).up
        let file = plan.script(title: "t")
        #expect(file.contains("PRAGMA foreign_keys = OFF;") && file.contains("BEGIN;"), "the plan should rebuild a table:\n\(file)")
        let embedded = EmbeddedMigration(identifier: "0002_change", script: file, dialect: .sqlite)
        #expect(embedded.before.isEmpty && embedded.after.isEmpty)
        #expect(embedded.statements == SQLStatements.split(plan.script(title: "t", wrapped: false), dialect: .sqlite))
        let words = Set(embedded.statements.map { $0.uppercased() })
        for control in ["BEGIN;", "COMMIT;", "PRAGMA FOREIGN_KEYS = OFF;", "PRAGMA FOREIGN_KEYS = ON;", "PRAGMA FOREIGN_KEY_CHECK;"] {
            #expect(!words.contains(control))
        }
    }

    @Test("PostgreSQL --online-safe: enum values before the transaction, concurrent indexes and validations after it")
    func postgresOnlineSafe() throws {
        let plan = try Self.delta(.postgres, onlineSafe: true).up
        let embedded = EmbeddedMigration(identifier: "0002_change", script: plan.script(title: "t"), dialect: .postgres)
        #expect(embedded.before == plan.before.map { String(plan.sql($0).dropLast()) })
        #expect(embedded.before.count == 1 && embedded.before[0].contains("ADD VALUE IF NOT EXISTS 'archived'"))
        #expect(embedded.after.contains { $0.hasPrefix("CREATE INDEX CONCURRENTLY") })
        #expect(embedded.after.contains { $0.contains("VALIDATE CONSTRAINT") })
        #expect(embedded.statements.count == SQLStatements.split(plan.steps.map(plan.sql).joined(separator: "\n"), dialect: .postgres).count)
        #expect(!embedded.allStatements.contains { ["BEGIN", "COMMIT"].contains($0.uppercased().trimmingCharacters(in: CharacterSet(charactersIn: "; "))) })
    }

    @Test("The first migration of a folder embeds the whole DDL, statement by statement", arguments: Dialect.allCases)
    func firstMigration(_ dialect: Dialect) throws {
        let schema = try Compile.schema(Self.before)
        guard case .written(let files, _) = MigrationDirectory(dialect: dialect, files: [:])
            .migrate(to: schema, name: "init", allowDestructive: false, source: "schema.yaml") else {
            Issue.record("the first migration was not written")
            return
        }
        let embedded = MigrationDirectory(dialect: dialect, files: files).embedded
        #expect(embedded.map(\.identifier) == ["0001_init"])
        #expect(embedded.first?.statements == SQLStatements.split(DDL.script(for: schema, dialect: dialect, source: "schema.yaml"), dialect: dialect))
        #expect(embedded.first?.before == [] && embedded.first?.after == [])
    }

    @Test("Identifiers follow the folder's order; down files and the snapshot are not embedded")
    func order() {
        let directory = MigrationDirectory(dialect: .sqlite, files: [
            "0002_b.up.sql": "BEGIN;\nCREATE TABLE b (x INT);\nCOMMIT;\n",
            "0001_a.up.sql": "BEGIN;\nCREATE TABLE a (x INT);\nCOMMIT;\n",
            "0001_a.down.sql": "BEGIN;\nDROP TABLE a;\nCOMMIT;\n",
            "snapshot.json": "{}",
        ])
        #expect(directory.embedded == [
            EmbeddedMigration(identifier: "0001_a", statements: ["CREATE TABLE a (x INT);"]),
            EmbeddedMigration(identifier: "0002_b", statements: ["CREATE TABLE b (x INT);"]),
        ])
    }

    @Test("A file without a transaction runs every statement outside one")
    func noTransaction() {
        let embedded = EmbeddedMigration(identifier: "x", script: "-- only enum values\nALTER TYPE s ADD VALUE IF NOT EXISTS 'a';\n", dialect: .postgres)
        #expect(embedded == EmbeddedMigration(identifier: "x", before: ["ALTER TYPE s ADD VALUE IF NOT EXISTS 'a';"], statements: []))
    }
}
