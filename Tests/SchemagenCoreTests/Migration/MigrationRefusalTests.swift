import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// Changes that can lose data are refused unless `--allow-destructive` is given; the
/// down direction never is; changes that may fail on existing rows only warn; a
/// `renamed_from` turns what would be a drop and an add into a rename.
@Suite("Migration refusals")
struct MigrationRefusalTests {
    /// The schema every case edits.
    static let base = """
    schemagen: 1
    enums:
      task_status: [pending, in_progress, done]
    tables:
      projects:
        columns:
          id:   { type: bigserial, primary_key: true }
          name: string(100)
      tasks:
        columns:
          id:         { type: bigserial, primary_key: true }
          project_id: { type: bigint, references: projects }
          title:      text
          estimate:   bigint
          note:       text?
          status:     { type: task_status, default: pending }

    """

    static func edit(_ replacements: [(String, String)]) -> String {
        var text = base
        for (a, b) in replacements {
            precondition(text.contains(a), "the base schema has no \(a)")
            text = text.replacingOccurrences(of: a, with: b)
        }
        return text
    }

    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var after: String
        /// A part of the message of the hazard that must be named.
        var hazard: String
        var dialects: [Dialect] = Dialect.allCases
        var testDescription: String { name }
    }

    static let tasksTable = """
      tasks:
        columns:
          id:         { type: bigserial, primary_key: true }
          project_id: { type: bigint, references: projects }
          title:      text
          estimate:   bigint
          note:       text?
          status:     { type: task_status, default: pending }

    """

    static let destructive: [Edit] = [
        Edit(name: "drop table", after: edit([(tasksTable, "")]), hazard: "drops table tasks and all its rows"),
        Edit(name: "drop column", after: edit([("      note:       text?\n", "")]), hazard: "drops column tasks.note and its values"),
        // On SQLite both are INTEGER: nothing stored changes, so there is nothing to refuse there.
        Edit(name: "narrow a type", after: edit([("estimate:   bigint", "estimate:   int")]),
                    hazard: "narrows tasks.estimate from bigint to int", dialects: [.postgres]),
        Edit(name: "NOT NULL without a default", after: edit([("note:       text?", "note:       text")]),
                    hazard: "makes tasks.note NOT NULL without a default"),
        Edit(name: "drop an enum value", after: edit([("[pending, in_progress, done]", "[pending, done]")]),
                    hazard: "drops value in_progress of enum task_status"),
    ]

    static func schema(_ text: String) throws -> Schema {
        let result = Fixtures.compile(text)
        return try #require(result.schema, "\(result.diagnostics.sorted.map(\.description).joined(separator: "\n"))")
    }

    // MARK: The core

    @Test("A data-loss change is refused, with its hazard named", arguments: destructive, Dialect.allCases)
    func refusedByDelta(_ c: Edit, _ dialect: Dialect) throws {
        guard c.dialects.contains(dialect) else { return }
        let delta = Migrator.delta(from: try Self.schema(Self.base), to: try Self.schema(c.after), dialect: dialect)
        #expect(!delta.refusals.isEmpty)
        #expect(delta.refusals.allSatisfy { $0.code == .DS })
        #expect(delta.refusals.contains { $0.message.contains(c.hazard) }, "\(delta.refusals)")
    }

    @Test("MigrationDirectory.migrate refuses it without allowDestructive and writes it with", arguments: destructive, Dialect.allCases)
    func refusedByDirectory(_ c: Edit, _ dialect: Dialect) throws {
        guard c.dialects.contains(dialect) else { return }
        guard case let .written(initial, _) = MigrationDirectory(dialect: dialect, files: [:])
            .migrate(to: try Self.schema(Self.base), name: "init", allowDestructive: false, source: "schema.yaml") else {
            Issue.record("the first migration was not written")
            return
        }
        let directory = MigrationDirectory(dialect: dialect, files: initial)
        let after = try Self.schema(c.after)
        switch directory.migrate(to: after, name: "change", allowDestructive: false, source: "schema.yaml") {
        case .refused(let hazards):
            #expect(hazards.contains { $0.code == .DS && $0.message.contains(c.hazard) }, "\(hazards)")
        case let other:
            Issue.record("not refused: \(other)")
        }
        guard case let .written(files, hazards) = directory.migrate(to: after, name: "change", allowDestructive: true, source: "schema.yaml") else {
            Issue.record("not written with allowDestructive")
            return
        }
        #expect(hazards.contains { $0.code == .DS && $0.message.contains(c.hazard) })
        let up = try #require(files["0002_change.up.sql"])
        let hazard = try #require(hazards.first { $0.message.contains(c.hazard) })
        // Listed at the top, and as a comment right above its statement.
        #expect(up.contains(SQLSyntax.comment("  DS: \(hazard.message)")))
        #expect(up.contains("\n" + hazard.comment), "no comment above the statement:\n\(up)")
        #expect(files["0002_change.down.sql"] != nil)
        #expect(MigrationDirectory(dialect: dialect, files: files).verify().isEmpty)
    }

    @Test("The down direction is never refused; its hazards are comments", arguments: Dialect.allCases)
    func downNeverRefused(_ dialect: Dialect) throws {
        // Up adds a column (harmless); down drops it (data loss).
        let before = try Self.schema(Self.base)
        let after = try Self.schema(Self.edit([("      note:       text?\n", "      note:       text?\n      extra:      text?\n")]))
        let delta = Migrator.delta(from: before, to: after, dialect: dialect)
        #expect(delta.refusals.isEmpty)
        #expect(delta.down.destructiveHazards.contains { $0.message.contains("drops column tasks.extra") })
        guard case let .written(initial, _) = MigrationDirectory(dialect: dialect, files: [:])
            .migrate(to: before, name: "init", allowDestructive: false, source: "schema.yaml"),
            case let .written(files, _) = MigrationDirectory(dialect: dialect, files: initial)
            .migrate(to: after, name: "add_extra", allowDestructive: false, source: "schema.yaml") else {
            Issue.record("not written")
            return
        }
        let down = try #require(files["0002_add_extra.down.sql"])
        #expect(down.contains("-- DS: drops column tasks.extra and its values\nALTER TABLE tasks DROP COLUMN extra;"), "\(down)")
    }

    static let mayFail: [Edit] = [
        Edit(name: "check", after: edit([("      status:     { type: task_status, default: pending }\n",
                                          "      status:     { type: task_status, default: pending }\n    checks:\n      chk_tasks_title: \"length(title) > 0\"\n")]),
             hazard: "adds check chk_tasks_title on tasks"),
        Edit(name: "unique", after: edit([("title:      text", "title:      { type: text, unique: true }")]),
             hazard: "adds unique constraint uq_tasks_title on tasks"),
        Edit(name: "foreign key", after: edit([("estimate:   bigint", "estimate:   { type: bigint, references: projects }")]),
             hazard: "adds foreign key fk_tasks_estimate on tasks"),
    ]

    @Test("A new CHECK, UNIQUE or foreign key is a warning (MF), not a refusal", arguments: mayFail, Dialect.allCases)
    func mayFailIsAWarning(_ c: Edit, _ dialect: Dialect) throws {
        let before = try Self.schema(Self.base), after = try Self.schema(c.after)
        let delta = Migrator.delta(from: before, to: after, dialect: dialect)
        #expect(delta.refusals.isEmpty, "\(c.name): \(delta.refusals)")
        #expect(delta.up.hazards.contains { $0.code == .MF && $0.message.contains(c.hazard) }, "\(c.name): \(delta.up.hazards)")
        guard case let .written(initial, _) = MigrationDirectory(dialect: dialect, files: [:])
            .migrate(to: before, name: "init", allowDestructive: false, source: "schema.yaml") else {
            Issue.record("the first migration was not written")
            return
        }
        guard case let .written(files, hazards) = MigrationDirectory(dialect: dialect, files: initial)
            .migrate(to: after, name: "constrain", allowDestructive: false, source: "schema.yaml") else {
            Issue.record("\(c.name): refused or failed without --allow-destructive")
            return
        }
        #expect(hazards.contains { $0.code == .MF })
        #expect(files["0002_constrain.up.sql"]?.contains("-- MF: \(c.hazard)") == true)
    }

    @Test("renamed_from makes a rename, with no DS hazard; without it the same edit is a refused drop and add", arguments: Dialect.allCases)
    func renamedFrom(_ dialect: Dialect) throws {
        let before = try Self.schema(Self.base)
        let renamedColumn = try Self.schema(Self.edit([("note:       text?", "remark:     { type: text?, renamed_from: note }")]))
        let renamedTable = try Self.schema(Self.edit([("  tasks:\n", "  jobs:\n    renamed_from: tasks\n")]))
        let guessed = try Self.schema(Self.edit([("note:       text?", "remark:     text?")]))

        let column = Migrator.delta(from: before, to: renamedColumn, dialect: dialect)
        #expect(column.diff.changes.contains(.renameColumn(table: "tasks", from: "note", to: "remark")))
        #expect(!column.diff.changes.contains { if case .dropColumn = $0 { return true }; if case .addColumn = $0 { return true }; return false })
        #expect(column.refusals.isEmpty && column.up.destructiveHazards.isEmpty && column.down.destructiveHazards.isEmpty)
        #expect(column.up.hazards.contains { $0.code == .BC })

        let table = Migrator.delta(from: before, to: renamedTable, dialect: dialect)
        #expect(table.diff.changes.contains(.renameTable(from: "tasks", to: "jobs")))
        #expect(!table.diff.changes.contains { if case .dropTable = $0 { return true }; if case .createTable = $0 { return true }; return false })
        #expect(table.refusals.isEmpty && table.up.destructiveHazards.isEmpty && table.down.destructiveHazards.isEmpty)

        // Renames are never guessed.
        let drop = Migrator.delta(from: before, to: guessed, dialect: dialect)
        #expect(drop.refusals.contains { $0.message.contains("drops column tasks.note") })
    }

    @Test("renamed_from on an enum value renames it, with no DS hazard, both ways; without it the same edit drops a value (refused)", arguments: Dialect.allCases)
    func enumValueRenamedFrom(_ dialect: Dialect) throws {
        let before = try Self.schema(Self.base)
        let renamed = try Self.schema(Self.edit([("[pending, in_progress, done]", "[pending, { name: started, renamed_from: in_progress }, done]")]))
        let guessed = try Self.schema(Self.edit([("[pending, in_progress, done]", "[pending, started, done]")]))

        let delta = Migrator.delta(from: before, to: renamed, dialect: dialect)
        #expect(delta.diff.changes == [.renameEnumValue(type: "task_status", from: "in_progress", to: "started")])
        #expect(delta.refusals.isEmpty && delta.up.destructiveHazards.isEmpty && delta.down.destructiveHazards.isEmpty)
        #expect(delta.up.hazards.contains(Hazard(.BC, "renames value in_progress of enum task_status to started: code using the old value breaks")))
        #expect(delta.down.hazards.contains(Hazard(.BC, "renames value started of enum task_status to in_progress: code using the old value breaks")))

        // Once migrated, a renamed_from left in the file is no change.
        #expect(Migrator.delta(from: renamed, to: renamed, dialect: dialect).diff.changes.isEmpty)

        // Renames are never guessed.
        let drop = Migrator.delta(from: before, to: guessed, dialect: dialect)
        #expect(drop.refusals.contains { $0.message.contains("drops value in_progress of enum task_status") })
    }

    // MARK: The command line

    @Test("`schemagen diff` exits 1 naming the hazard, prints nothing on stdout; --allow-destructive prints the script; --down is never refused",
          arguments: destructive, Dialect.allCases)
    func diffCommand(_ c: Edit, _ dialect: Dialect) throws {
        guard c.dialects.contains(dialect) else { return }
        let project = try CommandLineProject()
        try project.write("before.yaml", Self.base)
        try project.write("after.yaml", c.after)

        let refused = try project.run("diff", "before.yaml", "after.yaml", "--dialect", dialect.rawValue)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stdout.isEmpty, "stdout: \(refused.stdout)")
        #expect(refused.stderr.contains("refused without --allow-destructive"))
        #expect(refused.stderr.contains("DS: ") && refused.stderr.contains(c.hazard), "\(refused.stderr)")

        let allowed = try project.run("diff", "before.yaml", "after.yaml", "--dialect", dialect.rawValue, "--allow-destructive")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("-- DS: ") && allowed.stdout.contains(c.hazard))
        #expect(allowed.stdout.contains("BEGIN;") && allowed.stdout.contains("COMMIT;"))

        // The reverse of the refused change, and the refused change itself seen as a down.
        for (from, to) in [("before.yaml", "after.yaml"), ("after.yaml", "before.yaml")] {
            let down = try project.run("diff", from, to, "--dialect", dialect.rawValue, "--down")
            #expect(down.status == 0, "\(from) -> \(to) --down: \(down.stderr)")
            #expect(down.stdout.hasPrefix("-- schemagen diff (down) "), "\(down.stdout)")
        }
        let downOfReverse = try project.run("diff", "after.yaml", "before.yaml", "--dialect", dialect.rawValue, "--down")
        #expect(downOfReverse.stdout.contains("-- DS: ") && downOfReverse.stdout.contains(c.hazard), "\(downOfReverse.stdout)")
    }

    @Test("`schemagen diff` prints a change that may fail on existing rows, with its MF warning, and exits 0", arguments: Dialect.allCases)
    func diffWarns(_ dialect: Dialect) throws {
        let project = try CommandLineProject()
        try project.write("before.yaml", Self.base)
        try project.write("after.yaml", Self.mayFail[1].after)
        let result = try project.run("diff", "before.yaml", "after.yaml", "--dialect", dialect.rawValue)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("-- MF: adds unique constraint uq_tasks_title on tasks"), "\(result.stdout)")
    }
}
