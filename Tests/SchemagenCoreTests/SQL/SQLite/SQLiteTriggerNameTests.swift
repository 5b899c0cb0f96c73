import SchemagenCore
import SchemagenTestSupport
import Testing

/// SQLite keeps trigger names in one namespace per schema (PostgreSQL: per table).
@Suite("SQL: SQLite trigger names")
struct SQLiteTriggerNameTests {
    static func triggerNames(_ sql: String) -> [String] {
        sql.split(separator: "\n").filter { $0.hasPrefix("CREATE TRIGGER ") }.map { String($0.split(separator: " ")[2]) }
    }

    @Test("auto_update and search triggers are named after their table and column")
    func names() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        targets: [sqlite]
        tables:
          notes:
            columns: { id: { type: serial, primary_key: true }, body: text, at: { type: timestamp, auto_update: true } }
            search: [body]
        """)
        #expect(Self.triggerNames(DDL.script(for: schema, dialect: .sqlite, source: "s")) ==
            ["notes_fts_ai", "notes_fts_ad", "notes_fts_au", "trg_notes_at"])
    }

    @Test("Two tables whose SQLite triggers would share a name are rejected, at both places", arguments: [
        // table task, column run_updated_at / table task_run, column updated_at: both trg_task_run_updated_at
        ("schemagen: 1\ntables:\n  task:\n    columns: { run_updated_at: { type: timestamp, auto_update: true } }\n  task_run:\n    columns: { updated_at: { type: timestamp, auto_update: true } }\n",
         "schema.yaml:6:16: error: the auto_update column 'updated_at' of table 'task_run' gets the SQLite trigger name 'trg_task_run_updated_at', which is also the trigger of the auto_update column 'run_updated_at' of table 'task' (schema.yaml:4:16); SQLite keeps trigger names in one namespace: rename a table or column"),
        // the search trigger of table trg_a and the auto_update trigger of column fts_ai of table a: both trg_a_fts_ai
        ("schemagen: 1\ntables:\n  trg_a:\n    columns: { body: text }\n    search: [body]\n  a:\n    columns: { fts_ai: { type: timestamp, auto_update: true } }\n",
         "schema.yaml:7:16: error: the auto_update column 'fts_ai' of table 'a' gets the SQLite trigger name 'trg_a_fts_ai', which is also the trigger of the search of table 'trg_a' (schema.yaml:5:5); SQLite keeps trigger names in one namespace: rename a table or column"),
    ])
    func collisions(_ yaml: String, _ message: String) {
        let result = Fixtures.compile(yaml)
        #expect(result.schema == nil)
        #expect(result.diagnostics.sorted.map(\.description) == [message])
        // Without SQLite as a target the names do not meet (PostgreSQL names triggers per table).
        let postgresOnly = Fixtures.compile(yaml.replacingOccurrences(of: "schemagen: 1\n", with: "schemagen: 1\ntargets: [postgres]\n"))
        #expect(postgresOnly.schema != nil, "\(postgresOnly.diagnostics.sorted.map(\.description))")
    }
}
