import SchemagenCore
import Testing

/// The statements of the generated PostgresNIO operations, as `PostgresDDL` spells them. They run
/// on the records' connections in `RecordsTests`; here, their exact text: names quoted and in the
/// namespace, values only as placeholders, casts without lengths.
@Suite("SQL: PostgreSQL data statements")
struct PostgresDataStatementTests {
    static let plain = PostgresDDL(schema: Schema())
    static let namespaced = PostgresDDL(schema: Schema(postgresSchema: "Work Flow"))

    static func order(_ ddl: PostgresDDL) -> PostgresTableStatements { ddl.statements(for: "order", columns: ["id", "user"]) }
    static func tasks(_ ddl: PostgresDDL) -> PostgresTableStatements { ddl.statements(for: "tasks", columns: ["id", "title", "status"]) }

    @Test("A select names the table in the namespace, quotes what needs it and binds every condition")
    func select() {
        let statement = DataStatement.select(columns: ["id", "user"], where: [ColumnValue("user", Placeholder(1))], orderBy: ["id"])
        #expect(Self.order(Self.plain).render(statement) == #"SELECT id, "user" FROM "order" WHERE "user" = $1 ORDER BY id"#)
        #expect(Self.order(Self.namespaced).render(statement) == #"SELECT id, "user" FROM "Work Flow"."order" WHERE "user" = $1 ORDER BY id"#)
        #expect(Self.tasks(Self.plain).render(.select(columns: ["id", "user"])) == #"SELECT id, "user" FROM tasks"#)
        #expect(Self.order(Self.plain).render(.filter(where: [ColumnValue("user", Placeholder(1))], orderBy: ["id"])) == #" WHERE "user" = $1 ORDER BY id"#)
    }

    @Test("Update and delete: assignments and conditions are placeholders with their casts; delete returns one row per row deleted")
    func updateAndDelete() {
        let update = DataStatement.update(set: [ColumnValue("status", Placeholder(1, cast: .enumeration("task_status")))],
                                          where: [ColumnValue("id", Placeholder(2))], returning: ["id", "status"])
        #expect(Self.tasks(Self.namespaced).render(update) == #"UPDATE "Work Flow".tasks SET status = $1::"Work Flow".task_status WHERE id = $2 RETURNING id, status"#)
        #expect(Self.tasks(Self.plain).render(.delete(where: [ColumnValue("a", Placeholder(1)), ColumnValue("b", Placeholder(2))]))
                == "DELETE FROM tasks WHERE a = $1 AND b = $2 RETURNING 1")
    }

    @Test("An insert is the text before its rows and after them, with the conflict clause when there is one")
    func insert() {
        let statement = InsertStatement(columns: ["id", "title"], conflict: .init(constraint: "uq tasks", update: ["title"]), returning: ["id", "title", "status"])
        let (head, conflict, returning) = Self.tasks(Self.namespaced).render(statement)
        #expect(head == #"INSERT INTO "Work Flow".tasks (id, title) VALUES "#)
        #expect(conflict == #" ON CONFLICT ON CONSTRAINT "uq tasks" DO UPDATE SET title = EXCLUDED.title"#)
        #expect(returning == " RETURNING id, title, status")
        #expect(Self.tasks(Self.plain).render(InsertStatement(columns: ["id"], returning: ["id"])).conflict == "")
    }

    /// An explicit cast to `VARCHAR(n)` or `CHARACTER(n)` cuts a longer value where the column would
    /// refuse it, and a bare `CHARACTER` is `CHARACTER(1)`: casts carry no length.
    @Test("A cast names the column's type without a length or precision, enums in the namespace")
    func casts() {
        let cases: [(ColumnType, String)] = [
            (.string(length: 20), "::VARCHAR"), (.char(length: 8), "::bpchar"), (.decimal(precision: 10, scale: 2), "::NUMERIC"),
            (.time, "::TIME"), (.array(.date), "::DATE[]"), (.array(.enumeration("mood")), #"::"Work Flow".mood[]"#),
            (.custom(sqlite: nil, postgres: "numeric(10,2)", swift: nil), "::numeric"),
        ]
        for (type, suffix) in cases { #expect(Self.namespaced.castSuffix(type) == suffix, "\(type)") }
        #expect(Self.plain.castSuffix(nil) == "")
    }

    @Test("A name cannot end the statement early: quotes inside it are doubled")
    func injection() {
        let statements = Self.plain.statements(for: #"t"; DROP TABLE x; --"#, columns: [#"c""#])
        #expect(statements.render(.select(columns: [#"c""#])) == #"SELECT "c""" FROM "t""; DROP TABLE x; --""#)
        #expect(statements.render(.select(columns: ["id", #"c""#])) == #"SELECT id, "c""" FROM "t""; DROP TABLE x; --""#)
    }
}
