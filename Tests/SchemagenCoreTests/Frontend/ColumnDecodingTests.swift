import SchemagenCore
import SchemagenTestSupport
import Testing

/// Every column key of the format, checked on the model value it produces.
@Suite("Frontend: column keys")
struct ColumnDecodingTests {
    @Test("primary_key: true becomes the table's key pk_<table>")
    func primaryKey() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          tasks:
            columns:
              id: { type: uuid, primary_key: true }
              title: text
        """)
        #expect(t.primaryKey == PrimaryKey(name: "pk_tasks", columns: ["id"]))
        #expect(t.columns[0] == Column(name: "id", type: .uuid))
    }

    @Test("primary_key: false declares no key; a table without a key is allowed")
    func noPrimaryKey() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          log:
            columns:
              id: { type: int, primary_key: false }
              line: text
        """)
        #expect(t.primaryKey == nil)
        #expect(t.uniques.isEmpty && t.checks.isEmpty && t.foreignKeys.isEmpty && t.indexes.isEmpty)
    }

    @Test("unique: true becomes the constraint uq_<table>_<column>")
    func unique() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          users:
            columns:
              email: { type: text, unique: true }
              handle: { type: string(40), unique: false }
        """)
        #expect(t.uniques == [UniqueConstraint(name: "uq_users_email", columns: ["email"])])
    }

    @Test("check becomes the constraint chk_<table>_<column>")
    func check() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          tasks:
            columns:
              priority: { type: int, default: 0, check: "priority BETWEEN 0 AND 10" }
        """)
        #expect(t.checks == [CheckConstraint(name: "chk_tasks_priority", expression: "priority BETWEEN 0 AND 10")])
        #expect(t.columns == [Column(name: "priority", type: .int, defaultValue: .number("0"))])
    }

    @Test("generated: { expr, stored } in both forms, stored by default, and the scalar shorthand")
    func generated() throws {
        let t = try Compile.table("""
        schemagen: 1
        targets: [sqlite]
        tables:
          t:
            columns:
              q: int
              stored: { type: bigint, generated: { expr: "q * 2", stored: true } }
              virtual: { type: int, generated: { expr: "q * 3", stored: false } }
              implicit: { type: int, generated: { expr: "q * 4" } }
              scalar: { type: text, generated: "'x' || q" }
        """)
        #expect(t.columns.map(\.generated) == [
            nil,
            GeneratedColumn(expression: "q * 2", stored: true),
            GeneratedColumn(expression: "q * 3", stored: false),
            GeneratedColumn(expression: "q * 4", stored: true),
            GeneratedColumn(expression: "'x' || q", stored: true),
        ])
    }

    @Test("auto_update, comment, renamed_from and swift { name, type }")
    func otherKeys() throws {
        let column = try Compile.column("""
              touched: { type: timestamp, default: now(), auto_update: true, comment: "Last change.", renamed_from: modified, swift: { name: touchedAt, type: "Date" } }
        """, "touched")
        #expect(column == Column(name: "touched", type: .timestamp, nullable: false, defaultValue: .function(.now),
                                 generated: nil, autoUpdate: true, comment: "Last change.", renamedFrom: "modified",
                                 swiftName: "touchedAt", swiftType: "Date"))
    }

    @Test("auto_update on every time type it supports", arguments: ["timestamp", "datetime", "unixtime"])
    func autoUpdateTypes(_ type: String) throws {
        let column = try Compile.column("      at: { type: \(type), auto_update: true }", "at")
        #expect(column.autoUpdate)
    }

    @Test("swift with only a name, or only a type")
    func swiftPartial() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              a: { type: text, swift: { name: alpha } }
              b: { type: text, swift: { type: Substring } }
        """)
        #expect(t.columns.map(\.swiftName) == ["alpha", nil])
        #expect(t.columns.map(\.swiftType) == [nil, "Substring"])
    }

    @Test("A multi-line comment is kept with its line breaks")
    func multilineComment() throws {
        let column = try Compile.column("""
              c:
                type: text
                comment: |
                  First line.
                  Second line.
        """, "c")
        // The text ends the document without a final line break, so the block keeps none.
        #expect(column.comment == "First line.\nSecond line.")
    }

    // MARK: References

    static let parents = """
    tables:
      projects:
        columns:
          id: { type: uuid, primary_key: true }
          code: { type: string(10), unique: true }
    """

    @Test("references: table.column")
    func referencesTableColumn() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        \(Self.parents)
          tasks:
            columns:
              project_code: { type: string(10), references: projects.code }
        """)
        #expect(schema.table(named: "tasks")?.foreignKeys == [
            ForeignKey(name: "fk_tasks_project_code", columns: ["project_code"], referencedTable: "projects", referencedColumns: ["code"]),
        ])
    }

    @Test("references: table resolves to the table's primary key")
    func referencesBareTable() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        \(Self.parents)
          tasks:
            columns:
              project_id: { type: uuid, references: projects, on_delete: cascade }
        """)
        #expect(schema.table(named: "tasks")?.foreignKeys == [
            ForeignKey(name: "fk_tasks_project_id", columns: ["project_id"], referencedTable: "projects",
                       referencedColumns: ["id"], onDelete: .cascade, onUpdate: nil),
        ])
    }

    @Test("A bare reference to a table declared later, and to its own table")
    func referencesLaterAndSelf() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          tasks:
            columns:
              id: { type: bigserial, primary_key: true }
              parent_id: { type: "bigint?", references: tasks, on_delete: set_null }
              queue: { type: string(20), references: queues }
          queues:
            columns:
              name: { type: string(20), primary_key: true }
        """)
        #expect(schema.table(named: "tasks")?.foreignKeys == [
            ForeignKey(name: "fk_tasks_parent_id", columns: ["parent_id"], referencedTable: "tasks", referencedColumns: ["id"], onDelete: .setNull),
            ForeignKey(name: "fk_tasks_queue", columns: ["queue"], referencedTable: "queues", referencedColumns: ["name"]),
        ])
    }

    static let allActions: [(String, ReferentialAction)] = [
        ("cascade", .cascade), ("restrict", .restrict), ("set_null", .setNull), ("set_default", .setDefault), ("no_action", .noAction),
    ]

    @Test("on_delete and on_update take every action", arguments: allActions)
    func actions(_ spelling: String, _ action: ReferentialAction) throws {
        let schema = try Compile.schema("""
        schemagen: 1
        \(Self.parents)
          tasks:
            columns:
              a: { type: "uuid?", default: "00000000-0000-4000-8000-000000000000", references: projects, on_delete: \(spelling) }
              b: { type: "uuid?", default: "00000000-0000-4000-8000-000000000000", references: projects, on_update: \(spelling) }
              c: { type: "uuid?", default: "00000000-0000-4000-8000-000000000000", references: projects, on_delete: \(spelling), on_update: \(spelling) }
        """)
        let fks = try #require(schema.table(named: "tasks")?.foreignKeys)
        #expect(fks.map(\.onDelete) == [action, nil, action])
        #expect(fks.map(\.onUpdate) == [nil, action, action])
    }

    @Test("ReferentialAction's SQL", arguments: [
        (ReferentialAction.cascade, "CASCADE"), (.restrict, "RESTRICT"), (.setNull, "SET NULL"), (.setDefault, "SET DEFAULT"), (.noAction, "NO ACTION"),
    ])
    func actionSQL(_ action: ReferentialAction, _ sql: String) {
        #expect(action.sql == sql)
    }

    @Test("The column-level constraints come in column order, before the table-level ones")
    func constraintOrder() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              a: { type: int, unique: true, check: "a > 0" }
              b: { type: int, unique: true, check: "b > 0" }
            unique:
              - [a, b]
            checks:
              - "a < b"
        """)
        #expect(t.uniques.map(\.name) == ["uq_t_a", "uq_t_b", "uq_t_a_b"])
        #expect(t.checks.map(\.name) == ["chk_t_a", "chk_t_b", "chk_t_1"])
    }

    @Test("Columns keep their declaration order")
    func columnOrder() throws {
        let t = try Compile.table("schemagen: 1\ntables:\n  t:\n    columns:\n      z: int\n      a: int\n      m: int\n")
        #expect(t.columns.map(\.name) == ["z", "a", "m"])
    }

    @Test("Keywords and quoted names are ordinary column names")
    func keywordNames() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          user:
            columns:
              "order": int
              rank: int
              "key": text
              Select: text
        """)
        #expect(t.name == "user")
        #expect(t.columns.map(\.name) == ["order", "rank", "key", "Select"])
    }
}
