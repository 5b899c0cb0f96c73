import SchemagenCore
import SchemagenTestSupport
import Testing

@Suite("Frontend: views and raw SQL")
struct ViewDecodingTests {
    static let base = """
    schemagen: 1
    targets: [postgres]
    tables:
      tasks: { columns: { id: int, status: text, day: date } }
    views:

    """

    @Test("A shared 'sql' body, and the scalar shorthand")
    func sharedSQL() throws {
        let schema = try Compile.schema(Self.base + """
          active_tasks:
            sql: SELECT * FROM tasks WHERE status IN ('pending', 'in_progress')
          short: SELECT id FROM tasks
        """)
        #expect(schema.views == [
            View(name: "active_tasks", sql: DialectText(shared: "SELECT * FROM tasks WHERE status IN ('pending', 'in_progress')")),
            View(name: "short", sql: DialectText(sqlite: "SELECT id FROM tasks", postgres: "SELECT id FROM tasks")),
        ])
    }

    @Test("Per-dialect bodies")
    func perDialect() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        views:
          v:
            sqlite: SELECT date('now') AS d
            postgres: SELECT CURRENT_DATE AS d
        """)
        #expect(schema.views == [View(name: "v", sql: DialectText(sqlite: "SELECT date('now') AS d", postgres: "SELECT CURRENT_DATE AS d"))])
        #expect(schema.views[0].sql.text(for: .sqlite) == "SELECT date('now') AS d")
        #expect(schema.views[0].sql.text(for: .postgres) == "SELECT CURRENT_DATE AS d")
    }

    @Test("Only the targets' bodies are needed")
    func onlyTargetBody() throws {
        let schema = try Compile.schema(Self.base + "  v: { postgres: SELECT 1 AS one }\n")
        #expect(schema.views[0].sql == DialectText(sqlite: nil, postgres: "SELECT 1 AS one"))
    }

    @Test("Materialized with indexes, comment and renamed_from")
    func materialized() throws {
        let schema = try Compile.schema(Self.base + """
          per_day:
            sql: SELECT day, count(*) AS n FROM tasks GROUP BY day
            materialized: true
            indexes:
              - [day]
              - { columns: [n], unique: true }
              - { name: idx_per_day_custom, expression: "n * 2" }
            comment: Tasks per day.
            renamed_from: daily
        """)
        #expect(schema.views == [View(
            name: "per_day", sql: DialectText(shared: "SELECT day, count(*) AS n FROM tasks GROUP BY day"), materialized: true,
            indexes: [
                Index(name: "idx_per_day_day", parts: [.column(name: "day", descending: false, nulls: nil)]),
                Index(name: "idx_per_day_n", parts: [.column(name: "n", descending: false, nulls: nil)], unique: true),
                Index(name: "idx_per_day_custom", parts: [.expression("n * 2")]),
            ],
            comment: "Tasks per day.", renamedFrom: "daily")])
    }

    @Test("materialized: false is a plain view")
    func notMaterialized() throws {
        let schema = try Compile.schema(Self.base + "  v: { sql: SELECT 1 AS one, materialized: false }\n")
        #expect(schema.views == [View(name: "v", sql: DialectText(shared: "SELECT 1 AS one"))])
    }

    @Test("Raw SQL blocks: per dialect, in order, with and without 'down'")
    func rawSQL() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        sql:
          postgres:
            - name: database_health_check
              up: CREATE FUNCTION database_health_check() RETURNS jsonb LANGUAGE sql AS $$ SELECT '{}'::jsonb $$
              down: DROP FUNCTION database_health_check()
            - name: seed
              up: |
                INSERT INTO t VALUES (1);
                INSERT INTO t VALUES (2);
          sqlite:
            - { name: seed, up: "INSERT INTO t VALUES (1)", down: "DELETE FROM t" }
        """)
        #expect(schema.rawSQL == [
            RawSQL(dialect: .postgres, name: "database_health_check",
                   up: "CREATE FUNCTION database_health_check() RETURNS jsonb LANGUAGE sql AS $$ SELECT '{}'::jsonb $$",
                   down: "DROP FUNCTION database_health_check()"),
            RawSQL(dialect: .postgres, name: "seed", up: "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n", down: nil),
            RawSQL(dialect: .sqlite, name: "seed", up: "INSERT INTO t VALUES (1)", down: "DELETE FROM t"),
        ])
    }

    @Test("An empty dialect list declares nothing")
    func emptyRawSQL() throws {
        let schema = try Compile.schema("schemagen: 1\nsql:\n  sqlite: []\n  postgres:\n")
        #expect(schema.rawSQL.isEmpty)
    }
}
