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

    @Test("Two tables whose auto_update triggers would share a name are rejected or named apart", arguments: [
        // table task, column run_updated_at / table task_run, column updated_at: both trg_task_run_updated_at
        "schemagen: 1\ntables:\n  task:\n    columns: { run_updated_at: { type: timestamp, auto_update: true } }\n  task_run:\n    columns: { updated_at: { type: timestamp, auto_update: true } }\n",
        // the search trigger of table trg_a and the auto_update trigger of column fts_ai of table a: both trg_a_fts_ai
        "schemagen: 1\ntables:\n  trg_a:\n    columns: { body: text }\n    search: [body]\n  a:\n    columns: { fts_ai: { type: timestamp, auto_update: true } }\n",
    ])
    func collisions(_ yaml: String) {
        let result = Fixtures.compile(yaml)
        withKnownIssue("SQLite trigger names trg_<table>_<column> and <table>_fts_<op> can collide across tables; neither the validator nor the renderer notices, and the SQLite DDL fails") {
            guard let schema = result.schema else { return }
            let names = Self.triggerNames(DDL.script(for: schema, dialect: .sqlite, source: "s"))
            #expect(Set(names).count == names.count, "duplicate trigger names: \(names)")
        }
    }
}
