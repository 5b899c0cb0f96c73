import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The delta SQL of every kind of change, for both dialects, up and down, compared
/// with the reference files `Tests/Fixtures/reference/migrations/<kind>.<dialect>.<up|down>.sql`.
///
/// Each case is a small schema before and after one change (the oracle tests the
/// engines' behaviour on random pairs; these pin the exact scripts a reviewer reads).
/// Run with `SCHEMAGEN_RECORD=1` to record them anew, then read every changed script
/// as the one who will run it: statement order, the transaction, SQLite's rebuild
/// procedure, and each hazard as a comment above its statement.
@Suite("Migration reference scripts")
struct MigrationReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var kind: String
        var before: String
        var after: String
        var options = PostgresPlanner.Options()
        /// The dialects the case is recorded for (PostgreSQL-only options).
        var dialects: [Dialect] = Dialect.allCases

        var testDescription: String { kind }
    }

    static func compile(_ text: String, _ kind: String) throws -> Schema {
        let result = Fixtures.compile(text)
        return try #require(result.schema, "\(kind): the schema does not compile:\n\(result.diagnostics.sorted.map(\.description).joined(separator: "\n"))")
    }

    static func delta(_ c: Case, _ dialect: Dialect) throws -> Migrator.Delta {
        let old = try compile(c.before, c.kind + " (before)"), new = try compile(c.after, c.kind + " (after)")
        return Migrator.delta(from: old, to: new, dialect: dialect, options: c.options)
    }

    @Test("Up and down scripts equal their reference files", arguments: cases, Dialect.allCases)
    func scripts(_ c: Case, _ dialect: Dialect) throws {
        guard c.dialects.contains(dialect) else { return }
        let delta = try Self.delta(c, dialect)
        #expect(delta.errors.isEmpty, "\(c.kind): \(delta.errors)")
        #expect(!delta.diff.changes.isEmpty, "\(c.kind): no change between the two schemas")
        for (direction, plan) in [("up", delta.up), ("down", delta.down)] {
            let script = plan.script(title: "\(c.kind) (\(dialect.displayName), \(direction))")
            let file = "migrations/\(c.kind).\(dialect.rawValue).\(direction).sql"
            if let diff = Reference.mismatch(script, file: file) { Issue.record("\(file):\n\(diff)") }
        }
    }

    @Test("Every kind of change has a reference case")
    func everyKindCovered() throws {
        var seen = Set<String>()
        for c in Self.cases {
            let delta = try Self.delta(c, .postgres)
            seen.formUnion(delta.diff.changes.map(Self.kind))
            // The down diff is the inverse; count its kinds too.
            let down = SchemaDiff(old: try Self.compile(c.after, c.kind), new: try Self.compile(c.before, c.kind),
                                  renames: SchemaDiff.Renames.declared(old: try Self.compile(c.before, c.kind),
                                                                       new: try Self.compile(c.after, c.kind)).inverted)
            seen.formUnion(down.changes.map(Self.kind))
        }
        let missing = Self.allKinds.subtracting(seen)
        #expect(missing.isEmpty, "no reference case produces: \(missing.sorted())")
    }

    @Test("The scripts of one kind use the statements that kind needs", arguments: [
        ("column_widen", Dialect.postgres, ["DROP VIEW", "TYPE BIGINT", "CREATE VIEW"]),
        ("column_set_not_null", .sqlite, ["PRAGMA foreign_keys = OFF;\nBEGIN;", "CREATE TABLE _schemagen_new_projects", "coalesce(color, 'grey')", "DROP TABLE projects;\nALTER TABLE _schemagen_new_projects RENAME TO projects;", "PRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;"]),
        ("primary_key", .sqlite, ["INSERT INTO _schemagen_new_memberships (rowid, org_id, user_id, role)\n    SELECT rowid, org_id, user_id, role FROM memberships;"]),
        ("online_safe", .postgres, ["NOT VALID", "VALIDATE CONSTRAINT", "CREATE INDEX CONCURRENTLY"]),
        ("enum_add_values", .postgres, ["ADD VALUE IF NOT EXISTS 'in_progress' AFTER 'pending'"]),
        ("enum_rename_value", .postgres, ["ADD VALUE IF NOT EXISTS 'blocked' AFTER 'running'", "ALTER TYPE task_status RENAME VALUE 'running' TO 'in_progress';"]),
        ("enum_rename_value", .sqlite, ["CASE status WHEN 'running' THEN 'in_progress' ELSE status END", "json_group_array"]),
    ] as [(String, Dialect, [String])])
    func essentials(_ kind: String, _ dialect: Dialect, _ needles: [String]) throws {
        let c = try #require(Self.cases.first { $0.kind == kind })
        let script = try Self.delta(c, dialect).up.script(title: kind)
        for needle in needles { #expect(script.contains(needle), "\(kind) (\(dialect)) lacks \(needle):\n\(script)") }
    }

    @Test("With --online-safe, constraints are added NOT VALID inside the transaction; validations and concurrent index builds come after COMMIT")
    func onlineSafeOrder() throws {
        let c = try #require(Self.cases.first { $0.kind == "online_safe" })
        let script = try Self.delta(c, .postgres).up.script(title: "online_safe")
        let begin = try #require(script.range(of: "BEGIN;"))
        let commit = try #require(script.range(of: "COMMIT;"))
        for needle in ["CHECK (priority BETWEEN 0 AND 10) NOT VALID;", "ON DELETE CASCADE NOT VALID;"] {
            let r = try #require(script.range(of: needle))
            #expect(begin.upperBound <= r.lowerBound && r.upperBound <= commit.lowerBound, "\(needle) is outside the transaction")
        }
        // In the transaction of the ADD, VALIDATE would read every row under the ADD's strong lock.
        for needle in ["VALIDATE CONSTRAINT chk_tasks_priority;", "VALIDATE CONSTRAINT fk_tasks_project_id;", "CREATE INDEX CONCURRENTLY"] {
            let r = try #require(script.range(of: needle))
            #expect(commit.upperBound <= r.lowerBound, "\(needle) runs inside the transaction")
        }
        // The MF hazards sit above the statements that can fail: the validations.
        #expect(script.contains("-- MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent\nALTER TABLE tasks VALIDATE CONSTRAINT fk_tasks_project_id;"))
    }

    // MARK: Kinds

    static func kind(_ c: Change) -> String {
        switch c {
        case .addExtension: return "addExtension"
        case .dropExtension: return "dropExtension"
        case .createEnum: return "createEnum"
        case .dropEnum: return "dropEnum"
        case .addEnumValues: return "addEnumValues"
        case .renameEnumValue: return "renameEnumValue"
        case .replaceEnum: return "replaceEnum"
        case .setEnumComment: return "setEnumComment"
        case .createTable: return "createTable"
        case .dropTable: return "dropTable"
        case .renameTable: return "renameTable"
        case .addColumn: return "addColumn"
        case .dropColumn: return "dropColumn"
        case .renameColumn: return "renameColumn"
        case .alterColumn: return "alterColumn"
        case .setPrimaryKey: return "setPrimaryKey"
        case .addUnique: return "addUnique"
        case .dropUnique: return "dropUnique"
        case .addCheck: return "addCheck"
        case .dropCheck: return "dropCheck"
        case .addForeignKey: return "addForeignKey"
        case .dropForeignKey: return "dropForeignKey"
        case .renameConstraint: return "renameConstraint"
        case .addIndex: return "addIndex"
        case .dropIndex: return "dropIndex"
        case .renameIndex: return "renameIndex"
        case .setSearch: return "setSearch"
        case .setPartition: return "setPartition"
        case .setStrict: return "setStrict"
        case .setTenancy: return "setTenancy"
        case .setTableComment: return "setTableComment"
        case .createView: return "createView"
        case .dropView: return "dropView"
        case .replaceView: return "replaceView"
        case .addRawSQL: return "addRawSQL"
        case .removeRawSQL: return "removeRawSQL"
        case .addTrigger: return "addTrigger"
        case .dropTrigger: return "dropTrigger"
        }
    }

    static let allKinds: Set<String> = [
        "addExtension", "dropExtension", "createEnum", "dropEnum", "addEnumValues", "renameEnumValue", "replaceEnum", "setEnumComment", "createTable", "dropTable",
        "renameTable", "addColumn", "dropColumn", "renameColumn", "alterColumn", "setPrimaryKey", "addUnique",
        "dropUnique", "addCheck", "dropCheck", "addForeignKey", "dropForeignKey", "renameConstraint", "addIndex",
        "dropIndex", "renameIndex", "setSearch", "setPartition", "setStrict", "setTenancy", "setTableComment", "createView",
        "dropView", "replaceView", "addRawSQL", "removeRawSQL", "addTrigger", "dropTrigger",
    ]

    // MARK: Cases

    /// A schema with `projects` (and whatever `body` adds under `tables:`), for the cases that need a parent.
    static func schema(_ tables: String, top: String = "") -> String {
        "schemagen: 1\n" + top + "tables:\n" + tables
    }

    /// `tasks` with a column of `task_status` (values and default as given) and `reviews` with an array of it.
    static func enumRename(_ values: String, default status: String) -> String {
        schema("""
          tasks:
            columns:
              id:     { type: bigserial, primary_key: true }
              status: { type: task_status, default: \(status) }
          reviews:
            columns:
              id:         { type: bigserial, primary_key: true }
              seen:       { type: "[task_status]", default: [] }
              updated_at: { type: timestamp, default: now(), auto_update: true }

        """, top: "enums:\n  task_status: \(values)\n")
    }

    static let projects = """
      projects:
        columns:
          id:   { type: bigserial, primary_key: true }
          name: string(100)

    """

    /// `projects` with an `org_id` of `orgType`, its tenant or not.
    static func tenantProjects(tenant: Bool, orgType: String) -> String {
        "  projects:\n" + (tenant ? "    tenant: org_id\n" : "") + "    columns:\n      id:     { type: bigserial, primary_key: true }\n      org_id: \(orgType)\n      name:   string(100)\n"
    }

    /// `orders` with a `status` of `statusType`, a `version`, and the `triggers:` given (indented under the table).
    static func orders(status statusType: String = "string(20)", name: String = "orders", extra: String = "", triggers: String = "") -> String {
        schema("""
          \(name):
            columns:
              id:      { type: bigserial, primary_key: true }
              status:  \(statusType)
              version: { type: int, default: 0 }
        \(extra)
        """ + (triggers.isEmpty ? "" : "    triggers:\n" + triggers))
    }

    static func bumpVersion(table: String = "orders", step: Int = 1) -> String { TriggerFixtures.bumpVersion(table: table, step: step) }

    static let noReopen = TriggerFixtures.noReopen

    static let cases: [Case] = [
        // Enums
        Case(kind: "enum_create",
             before: schema(projects),
             after: schema(projects + """
               tasks:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   status: { type: task_status, default: pending }

             """, top: "enums:\n  task_status: [pending, done]\n")),
        Case(kind: "enum_drop",
             before: schema(projects + """
               tasks:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   title:  text
                   status: { type: task_status, default: pending }

             """, top: "enums:\n  task_status: [pending, done]\n"),
             after: schema(projects + """
               tasks:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   title:  text

             """)),
        Case(kind: "enum_add_values",
             before: schema("""
               tasks:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   status: { type: task_status, default: pending }

             """, top: "enums:\n  task_status: [pending, done]\n"),
             after: schema("""
               tasks:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   status: { type: task_status, default: pending }

             """, top: "enums:\n  task_status: [draft, pending, in_progress, done, cancelled]\n")),
        Case(kind: "enum_replace",
             before: schema("""
               tasks:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   status: { type: task_status, default: pending }
                   history: { type: "[task_status]", default: [] }

             """, top: "enums:\n  task_status: [pending, in_progress, done]\n"),
             after: schema("""
               tasks:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   status: { type: task_status, default: pending }
                   history: { type: "[task_status]", default: [] }

             """, top: "enums:\n  task_status: [pending, done]\n")),
        // A renamed value (rows, defaults and arrays follow) and a value added after it: PostgreSQL adds
        // it after the old label, before the transaction renames it; SQLite rebuilds `tasks` (its CHECK
        // lists the labels) and rewrites the arrays of `reviews`, whose auto_update trigger is down meanwhile.
        Case(kind: "enum_rename_value",
             before: enumRename("[pending, running, done]", default: "running"),
             after: enumRename("[pending, { name: in_progress, renamed_from: running }, blocked, done]", default: "in_progress")),
        Case(kind: "enum_comment",
             before: schema(projects, top: "enums:\n  task_status: [pending, done]\n"),
             after: schema(projects, top: "enums:\n  task_status:\n    values: [pending, done]\n    comment: Where a task is.\n")),

        // Tables
        Case(kind: "table_create",
             before: schema(projects),
             after: schema(projects + """
               tasks:
                 comment: Units of work.
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects, on_delete: cascade }
                   title:      text
                   updated_at: { type: timestamp, default: now(), auto_update: true }
                 indexes:
                   - [project_id, title]

             """)),
        Case(kind: "table_drop",
             before: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects, on_delete: cascade }
                   title:      text
                   updated_at: { type: timestamp, default: now(), auto_update: true }
                 indexes:
                   - [project_id, title]

             """),
             after: schema(projects)),
        Case(kind: "table_rename",
             before: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects, on_delete: cascade }

             """),
             after: schema("""
               workspaces:
                 renamed_from: projects
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: workspaces, on_delete: cascade }

             """)),
        Case(kind: "constraint_rename",
             before: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects }
                   slug:       { type: string(40), unique: true }
                   priority:   { type: int, default: 0, check: "priority >= 0" }
                 indexes:
                   - [project_id, priority]

             """),
             after: schema(projects + """
               jobs:
                 renamed_from: tasks
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects }
                   slug:       { type: string(40), unique: true }
                   priority:   { type: int, default: 0, check: "priority >= 0" }
                 indexes:
                   - [project_id, priority]

             """)),
        Case(kind: "table_comment",
             before: schema(projects),
             after: schema("""
               projects:
                 comment: Every project of the organisation.
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)

             """)),
        Case(kind: "strict_toggle",
             before: schema(projects),
             after: schema("""
               projects:
                 strict: true
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)

             """)),

        // Tenancy (PostgreSQL row-level security; nothing on SQLite). Off is the down script of on.
        Case(kind: "tenancy_on",
             before: schema(tenantProjects(tenant: false, orgType: "int")),
             after: schema(tenantProjects(tenant: true, orgType: "int"))),
        Case(kind: "tenancy_column_type",
             before: schema(tenantProjects(tenant: true, orgType: "int")),
             after: schema(tenantProjects(tenant: true, orgType: "bigint"), top: "postgres:\n  tenant_setting: acme.org\n")),
        Case(kind: "tenancy_table_rename",
             before: schema(tenantProjects(tenant: true, orgType: "uuid")),
             after: schema(tenantProjects(tenant: true, orgType: "uuid").replacingOccurrences(of: "  projects:\n", with: "  workspaces:\n    renamed_from: projects\n"))),

        // Columns
        Case(kind: "column_add",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:          { type: bigserial, primary_key: true }
                   name:        string(100)
                   description: { type: text?, comment: Free text. }
                   archived:    { type: bool, default: false }
                   owner:       text

             """)),
        Case(kind: "column_drop",
             before: schema("""
               projects:
                 columns:
                   id:          { type: bigserial, primary_key: true }
                   name:        string(100)
                   description: text?
                   archived:    { type: bool, default: false }

             """),
             after: schema(projects)),
        Case(kind: "column_drop_indexed",
             before: schema("""
               projects:
                 columns:
                   id:       { type: bigserial, primary_key: true }
                   name:     string(100)
                   archived: { type: bool, default: false }
                 indexes:
                   - [archived]

             """),
             after: schema(projects)),
        Case(kind: "column_rename",
             before: schema("""
               projects:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   title: string(100)
                 indexes:
                   - [title]

             """),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: { type: string(100), renamed_from: title }
                 indexes:
                   - [name]

             """)),
        Case(kind: "column_rename_referenced",
             before: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   code: { type: string(20), unique: true }
               tasks:
                 columns:
                   id:           { type: bigserial, primary_key: true }
                   project_code: { type: string(20), references: projects.code }

             """),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   slug: { type: string(20), unique: true, renamed_from: code }
               tasks:
                 columns:
                   id:           { type: bigserial, primary_key: true }
                   project_code: { type: string(20), references: projects.slug }

             """)),
        Case(kind: "column_widen",
             before: schema("""
               items:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   qty:   { type: int, default: 0 }
                   label: string(50)

             """) + "views:\n  item_labels: SELECT id, label, qty FROM items\n",
             after: schema("""
               items:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   qty:   { type: bigint, default: 0 }
                   label: string(200)

             """) + "views:\n  item_labels: SELECT id, label, qty FROM items\n"),
        Case(kind: "column_narrow",
             before: schema("""
               items:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   qty:   bigint
                   label: text

             """),
             after: schema("""
               items:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   qty:   int
                   label: string(50)

             """)),
        Case(kind: "column_drop_not_null",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)?

             """)),
        Case(kind: "column_set_not_null",
             before: schema("""
               projects:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   name:  string(100)?
                   color: text?

             """),
             after: schema("""
               projects:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   name:  string(100)
                   color: { type: text, default: 'grey' }

             """)),
        Case(kind: "column_default_set",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: { type: string(100), default: untitled }

             """)),
        Case(kind: "column_default_drop",
             before: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: { type: string(100), default: untitled }

             """),
             after: schema(projects)),
        Case(kind: "column_generated",
             before: schema("""
               lines:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   qty:   int
                   price: int
                   total: { type: int, generated: { expr: "qty * price", stored: true } }

             """),
             after: schema("""
               lines:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   qty:   int
                   price: int
                   total: { type: int, generated: { expr: "qty * price * 2", stored: true } }

             """)),
        Case(kind: "column_auto_update_on",
             before: schema("""
               projects:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   name:       string(100)
                   updated_at: { type: timestamp, default: now() }

             """),
             after: schema("""
               projects:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   name:       string(100)
                   updated_at: { type: timestamp, default: now(), auto_update: true }

             """)),
        Case(kind: "column_auto_update_off",
             before: schema("""
               projects:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   name:       string(100)
                   updated_at: { type: timestamp, default: now(), auto_update: true }

             """),
             after: schema("""
               projects:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   name:       string(100)
                   updated_at: { type: timestamp, default: now() }

             """)),
        // Dropping an auto_update column drops its trigger before its function (PostgreSQL).
        Case(kind: "column_drop_auto_update",
             before: schema("""
               projects:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   name:       string(100)
                   updated_at: { type: "timestamp?", default: now(), auto_update: true }

             """),
             after: schema(projects)),
        // SQLite: a nullable column in the middle is an ADD COLUMN (at the end), not a rebuild.
        Case(kind: "column_add_middle",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   notes: text?
                   name:  string(100)

             """)),
        // PostgreSQL refuses a type change under a stored generated column: it is taken down and put back.
        Case(kind: "column_widen_generated",
             before: schema("""
               reviews:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   rating: smallint
                   bumped: { type: bigint, generated: { expr: "rating * 2", stored: true } }
                 indexes:
                   - bumped

             """),
             after: schema("""
               reviews:
                 columns:
                   id:     { type: bigserial, primary_key: true }
                   rating: int
                   bumped: { type: bigint, generated: { expr: "rating * 2", stored: true } }
                 indexes:
                   - bumped

             """)),
        // `targets` on a table and on an index: the dialect that loses the object drops it; the one that
        // keeps it has no change at all (targets are not part of what a dialect sees).
        Case(kind: "targets_table_and_index",
             before: schema("""
               metrics:
                 columns:
                   id:      { type: bigserial, primary_key: true }
                   payload: json
                 indexes:
                   - { columns: [payload], using: gin }
               samples:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: text
                 indexes:
                   - { columns: [name] }

             """),
             after: schema("""
               metrics:
                 targets: [postgres]
                 columns:
                   id:      { type: bigserial, primary_key: true }
                   payload: json
                 indexes:
                   - { columns: [payload], using: gin, targets: [postgres] }
               samples:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: text
                 indexes:
                   - { columns: [name], targets: [sqlite] }

             """)),
        // PostgreSQL stores a "virtual" generated column too: it is taken down and put back, its
        // comment with it, also when the same migration changes only that comment (the oracle's
        // seeds 50065, 50301 and 50869).
        Case(kind: "column_widen_generated_commented",
             before: schema("""
               reviews:
                 columns:
                   id:      { type: bigserial, primary_key: true }
                   rating:  smallint
                   bumped:  { type: bigint, generated: { expr: "rating * 2", stored: false }, comment: Twice the rating. }
                   tripled: { type: bigint, generated: { expr: "rating * 3", stored: true }, comment: Old. }

             """),
             after: schema("""
               reviews:
                 columns:
                   id:      { type: bigserial, primary_key: true }
                   rating:  int
                   bumped:  { type: bigint, generated: { expr: "rating * 2", stored: false }, comment: Twice the rating. }
                   tripled: { type: bigint, generated: { expr: "rating * 3", stored: true }, comment: New. }

             """)),
        // The search index reads the column through a cast of its old type: it is built again.
        Case(kind: "column_widen_searched",
             before: schema("""
               notes:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   title: string(80)
                 search: [title]

             """),
             after: schema("""
               notes:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   title: text
                 search: [title]

             """)),
        // Every script of a namespaced schema sets the search path first.
        Case(kind: "namespace",
             before: schema(projects, top: "postgres:\n  schema: \"Agentic Ops\"\n"),
             after: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects }

             """, top: "postgres:\n  schema: \"Agentic Ops\"\n")),
        Case(kind: "extension_add",
             before: schema(projects),
             after: schema(projects, top: "postgres:\n  extensions: [pg_trgm]\n")),
        Case(kind: "column_comment",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: { type: string(100), comment: "Shown in the sidebar; it's unique per owner." }

             """)),

        // A change that rebuilds a table on SQLite, with everything that hangs on the table:
        // an index, full-text search, an auto_update trigger, a view over it, a child foreign key.
        Case(kind: "rebuild_dependents",
             before: schema("""
               notes:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   title:      text
                   body:       text?
                   updated_at: { type: timestamp, default: now(), auto_update: true }
                 indexes:
                   - [title]
                 search: [title, body]
               comments:
                 columns:
                   id:      { type: bigserial, primary_key: true }
                   note_id: { type: bigint, references: notes, on_delete: cascade }

             """) + "views:\n  note_titles: SELECT id, title FROM notes\n",
             after: schema("""
               notes:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   title:      { type: text, default: untitled }
                   body:       text?
                   updated_at: { type: timestamp, default: now(), auto_update: true }
                 indexes:
                   - [title]
                 search: [title, body]
               comments:
                 columns:
                   id:      { type: bigserial, primary_key: true }
                   note_id: { type: bigint, references: notes, on_delete: cascade }

             """) + "views:\n  note_titles: SELECT id, title FROM notes\n"),

        // Keys and constraints
        Case(kind: "primary_key",
             before: schema("""
               memberships:
                 columns:
                   org_id:  bigint
                   user_id: bigint
                   role:    text
                 primary_key: [org_id]

             """),
             after: schema("""
               memberships:
                 columns:
                   org_id:  bigint
                   user_id: bigint
                   role:    text
                 primary_key: [org_id, user_id]

             """)),
        Case(kind: "unique_add",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 unique:
                   - [name]

             """)),
        Case(kind: "unique_drop",
             before: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 unique:
                   - [name]

             """),
             after: schema(projects)),
        Case(kind: "check_add",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 checks:
                   chk_projects_name: "length(name) > 0"

             """)),
        Case(kind: "check_drop",
             before: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 checks:
                   chk_projects_name: "length(name) > 0"

             """),
             after: schema(projects)),
        Case(kind: "foreign_key_add",
             before: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: bigint

             """),
             after: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects, on_delete: cascade }

             """)),
        Case(kind: "foreign_key_drop",
             before: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects, on_delete: cascade }

             """),
             after: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: bigint

             """)),

        // Indexes and search
        Case(kind: "index_add",
             before: schema(projects),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 indexes:
                   - [name]
                   - { name: uq_projects_lower_name, expression: "lower(name)", unique: true }

             """)),
        Case(kind: "index_drop",
             before: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 indexes:
                   - [name]

             """),
             after: schema(projects)),
        Case(kind: "index_rename",
             before: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 indexes:
                   - { name: idx_projects_by_name, columns: [name] }

             """),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 indexes:
                   - { name: idx_name, columns: [name] }

             """)),
        Case(kind: "index_change",
             before: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 indexes:
                   - { name: idx_projects_name, columns: [name] }

             """),
             after: schema("""
               projects:
                 columns:
                   id:   { type: bigserial, primary_key: true }
                   name: string(100)
                 indexes:
                   - { name: idx_projects_name, columns: [name DESC], where: "name <> ''" }

             """)),
        Case(kind: "search_add",
             before: schema("""
               notes:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   title: text
                   body:  text?

             """),
             after: schema("""
               notes:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   title: text
                   body:  text?
                 search: [title, body]

             """)),
        Case(kind: "search_drop",
             before: schema("""
               notes:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   title: text
                   body:  text?
                 search: [title, body]

             """),
             after: schema("""
               notes:
                 columns:
                   id:    { type: bigserial, primary_key: true }
                   title: text
                   body:  text?

             """)),

        // Partitions (PostgreSQL only; SQLite has nothing to do)
        Case(kind: "partition_add",
             before: schema("""
               events:
                 columns:
                   id:          bigint
                   occurred_at: timestamp
                 primary_key: [id, occurred_at]
                 partition:
                   by: range
                   columns: [occurred_at]
                   partitions:
                     events_2024: "FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"

             """),
             after: schema("""
               events:
                 columns:
                   id:          bigint
                   occurred_at: timestamp
                 primary_key: [id, occurred_at]
                 partition:
                   by: range
                   columns: [occurred_at]
                   partitions:
                     events_2024: "FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"
                     events_2025: "FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00')"
                     events_other: default

             """)),
        Case(kind: "partition_remove",
             before: schema("""
               events:
                 columns:
                   id:          bigint
                   occurred_at: timestamp
                 primary_key: [id, occurred_at]
                 partition:
                   by: range
                   columns: [occurred_at]
                   partitions:
                     events_2024: "FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"
                     events_2025: "FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00')"

             """),
             after: schema("""
               events:
                 columns:
                   id:          bigint
                   occurred_at: timestamp
                 primary_key: [id, occurred_at]
                 partition:
                   by: range
                   columns: [occurred_at]
                   partitions:
                     events_2025: "FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00')"

             """)),

        // Views
        Case(kind: "view_create",
             before: schema(projects),
             after: schema(projects) + """
             views:
               project_names: SELECT id, name FROM projects
               short_names: SELECT id FROM project_names WHERE length(name) < 10

             """),
        Case(kind: "view_drop",
             before: schema(projects) + """
             views:
               project_names: SELECT id, name FROM projects
               short_names: SELECT id FROM project_names WHERE length(name) < 10

             """,
             after: schema(projects) + """
             views:
               project_names: SELECT id, name FROM projects

             """),
        Case(kind: "view_replace",
             before: schema(projects) + """
             views:
               project_names: SELECT id, name FROM projects
               short_names: SELECT id FROM project_names WHERE length(name) < 10

             """,
             after: schema(projects) + """
             views:
               project_names: SELECT id, name FROM projects WHERE name <> ''
               short_names: SELECT id FROM project_names WHERE length(name) < 10

             """),

        // Raw SQL
        Case(kind: "raw_sql_add",
             before: schema(projects),
             after: schema(projects) + """
             sql:
               postgres:
                 - name: project_count
                   up: CREATE FUNCTION project_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM projects $$
                   down: DROP FUNCTION project_count()
               sqlite:
                 - name: seed_project
                   up: INSERT INTO projects (name) VALUES ('seed')
                   down: DELETE FROM projects WHERE name = 'seed'

             """),
        Case(kind: "raw_sql_remove",
             before: schema(projects) + """
             sql:
               postgres:
                 - name: project_count
                   up: CREATE FUNCTION project_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM projects $$
                   down: DROP FUNCTION project_count()
                 - name: seed_project
                   up: INSERT INTO projects (name) VALUES ('seed')
               sqlite:
                 - name: seed_project
                   up: INSERT INTO projects (name) VALUES ('seed')

             """,
             after: schema(projects)),

        // Declared triggers: compared whole by name; a changed one is dropped and created again.
        Case(kind: "trigger_add", before: orders(), after: orders(triggers: bumpVersion())),
        Case(kind: "trigger_change", before: orders(triggers: bumpVersion()), after: orders(triggers: bumpVersion(step: 2))),
        Case(kind: "trigger_remove", before: orders(triggers: bumpVersion()), after: orders()),
        // SQLite rebuilds `orders` (the CHECK of string(20) goes) and creates the kept trigger again;
        // PostgreSQL takes the trigger down around the type change of the column its `of` names.
        Case(kind: "trigger_rebuild", before: orders(triggers: bumpVersion()),
             after: orders(status: "{ type: string(40), nullable: true }", triggers: bumpVersion())),
        // A renamed table's unchanged trigger is created again under it (PostgreSQL: its function is named after the table).
        Case(kind: "trigger_table_rename",
             before: orders(triggers: noReopen),
             after: orders(name: "purchases", extra: "    renamed_from: orders\n", triggers: noReopen)),

        // PostgreSQL --online-safe
        Case(kind: "online_safe",
             before: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: bigint
                   priority:   int

             """),
             after: schema(projects + """
               tasks:
                 columns:
                   id:         { type: bigserial, primary_key: true }
                   project_id: { type: bigint, references: projects, on_delete: cascade }
                   priority:   int
                 checks:
                   chk_tasks_priority: "priority BETWEEN 0 AND 10"
                 indexes:
                   - [project_id, priority]

             """),
             options: .init(onlineSafe: true), dialects: [.postgres]),
    ]
}
