@testable import SchemagenCore
import SchemagenTestSupport
import Testing

/// Every table-level key of the format, checked on the model value.
@Suite("Frontend: table keys")
struct TableDecodingTests {
    static func col(_ name: String, desc: Bool = false, nulls: IndexPart.NullsOrder? = nil) -> IndexPart {
        .column(name: name, descending: desc, nulls: nulls)
    }

    @Test("Composite primary key, list form: pk_<table>")
    func compositeKeyList() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          memberships:
            columns: { org_id: uuid, user_id: int }
            primary_key: [org_id, user_id]
        """)
        #expect(t.primaryKey == PrimaryKey(name: "pk_memberships", columns: ["org_id", "user_id"]))
    }

    @Test("Composite primary key, named form")
    func compositeKeyNamed() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          memberships:
            columns: { org_id: uuid, user_id: int }
            primary_key: { name: pk_custom, columns: [org_id, user_id] }
        """)
        #expect(t.primaryKey == PrimaryKey(name: "pk_custom", columns: ["org_id", "user_id"]))
    }

    @Test("Single-column primary key at the table level, as a list or a scalar")
    func tableLevelSingleKey() throws {
        for form in ["[code]", "code"] {
            let t = try Compile.table("schemagen: 1\ntables:\n  t:\n    columns: { code: text }\n    primary_key: \(form)\n")
            #expect(t.primaryKey == PrimaryKey(name: "pk_t", columns: ["code"]))
        }
    }

    @Test("unique: lists get uq_<table>_<cols>, named items keep their name, in order")
    func uniques() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          tasks:
            columns: { project_id: int, name: text, slug: text, code: text }
            unique:
              - [project_id, name]
              - { name: uq_tasks_slug_custom, columns: [slug] }
              - { columns: [code, project_id] }
              - slug
        """)
        #expect(t.uniques == [
            UniqueConstraint(name: "uq_tasks_project_id_name", columns: ["project_id", "name"]),
            UniqueConstraint(name: "uq_tasks_slug_custom", columns: ["slug"]),
            UniqueConstraint(name: "uq_tasks_code_project_id", columns: ["code", "project_id"]),
            UniqueConstraint(name: "uq_tasks_slug", columns: ["slug"]),
        ])
    }

    @Test("checks, map form: each key is the constraint name")
    func checksMap() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns: { status: text, n: int }
            checks:
              chk_interface_status: "status IN ('none', 'single', 'multiple')"
              positive: "n > 0"
        """)
        #expect(t.checks == [
            CheckConstraint(name: "chk_interface_status", expression: "status IN ('none', 'single', 'multiple')"),
            CheckConstraint(name: "positive", expression: "n > 0"),
        ])
    }

    @Test("checks, list form: chk_<table>_<n>, 1-based by position; named items keep their name")
    func checksList() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          projects:
            columns: { spent: int, budget: int? }
            checks:
              - "spent >= 0"
              - { name: chk_projects_within_budget, expr: "budget IS NULL OR spent <= budget" }
              - "budget IS NULL OR budget > 0"
              - { expr: "spent < 1000000" }
        """)
        #expect(t.checks == [
            CheckConstraint(name: "chk_projects_1", expression: "spent >= 0"),
            CheckConstraint(name: "chk_projects_within_budget", expression: "budget IS NULL OR spent <= budget"),
            CheckConstraint(name: "chk_projects_3", expression: "budget IS NULL OR budget > 0"),
            CheckConstraint(name: "chk_projects_4", expression: "spent < 1000000"),
        ])
    }

    static let fkTargets = """
    schemagen: 1
    tables:
      projects:
        columns: { org_id: uuid, id: int, name: text }
        primary_key: [org_id, id]
      repositories:
        columns: { org_id: uuid, id: int }
        primary_key: [org_id, id]
    """

    @Test("foreign_keys, mapping form: name, columns, references { table, columns }, actions")
    func foreignKeyMapping() throws {
        let schema = try Compile.schema(Self.fkTargets + """

          tasks:
            columns: { org_id: uuid, project_id: int }
            foreign_keys:
              - { name: fk_x, columns: [org_id, project_id], references: { table: projects, columns: [org_id, id] }, on_delete: cascade, on_update: restrict }
        """)
        #expect(schema.table(named: "tasks")?.foreignKeys == [
            ForeignKey(name: "fk_x", columns: ["org_id", "project_id"], referencedTable: "projects",
                       referencedColumns: ["org_id", "id"], onDelete: .cascade, onUpdate: .restrict),
        ])
    }

    @Test("foreign_keys, string form \"t(a, b)\", a bare table, and references without columns: derived names")
    func foreignKeyStringForms() throws {
        let schema = try Compile.schema(Self.fkTargets + """

          tasks:
            columns: { org_id: uuid, repo_id: int, project_id: int, other_repo: int? }
            foreign_keys:
              - { columns: [org_id, repo_id], references: "repositories(org_id, id)" }
              - { columns: [org_id, project_id], references: projects, on_delete: no_action }
              - { columns: [org_id, other_repo], references: { table: repositories }, on_update: cascade }
        """)
        #expect(schema.table(named: "tasks")?.foreignKeys == [
            ForeignKey(name: "fk_tasks_org_id_repo_id", columns: ["org_id", "repo_id"], referencedTable: "repositories", referencedColumns: ["org_id", "id"]),
            ForeignKey(name: "fk_tasks_org_id_project_id", columns: ["org_id", "project_id"], referencedTable: "projects",
                       referencedColumns: ["org_id", "id"], onDelete: .noAction),
            ForeignKey(name: "fk_tasks_org_id_other_repo", columns: ["org_id", "other_repo"], referencedTable: "repositories",
                       referencedColumns: ["org_id", "id"], onUpdate: .cascade),
        ])
    }

    @Test("foreign_keys with a scalar column")
    func foreignKeyScalarColumn() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          orgs: { columns: { id: { type: uuid, primary_key: true } } }
          tasks:
            columns: { reviewer_org: uuid? }
            foreign_keys:
              - { columns: reviewer_org, references: orgs, on_delete: set_null }
        """)
        #expect(schema.table(named: "tasks")?.foreignKeys == [
            ForeignKey(name: "fk_tasks_reviewer_org", columns: ["reviewer_org"], referencedTable: "orgs", referencedColumns: ["id"], onDelete: .setNull),
        ])
    }

    @Test("Column-level references come before the table's foreign_keys")
    func foreignKeyOrder() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          a: { columns: { id: { type: int, primary_key: true } } }
          t:
            columns:
              x: { type: int, references: a }
              y: int
            foreign_keys:
              - { columns: [y], references: a }
        """)
        #expect(schema.table(named: "t")?.foreignKeys.map(\.name) == ["fk_t_x", "fk_t_y"])
    }

    // MARK: Indexes

    static let indexTable = """
    schemagen: 1
    targets: [postgres]
    tables:
      tasks:
        columns: { project_id: int, status: text, priority: int, confidence: real, title: text, metadata: json, deleted_at: timestamp?, is_default: bool }
        indexes:

    """

    static func indexes(_ items: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Index] {
        try Compile.table(indexTable + items, sourceLocation: sourceLocation).indexes
    }

    @Test("Index shorthand: a list, or one column name")
    func indexShorthand() throws {
        #expect(try Self.indexes("      - [project_id, status]\n      - priority\n") == [
            Index(name: "idx_tasks_project_id_status", parts: [Self.col("project_id"), Self.col("status")]),
            Index(name: "idx_tasks_priority", parts: [Self.col("priority")]),
        ])
    }

    @Test("Index column order and NULLS placement")
    func indexOrder() throws {
        let items = """
              - { columns: ["confidence DESC"] }
              - { columns: ["priority ASC", "status desc"] }
              - { columns: ["deleted_at NULLS LAST"] }
              - { columns: ["deleted_at DESC NULLS FIRST", "priority asc nulls last"] }
        """
        #expect(try Self.indexes(items) == [
            Index(name: "idx_tasks_confidence", parts: [Self.col("confidence", desc: true)]),
            Index(name: "idx_tasks_priority_status", parts: [Self.col("priority"), Self.col("status", desc: true)]),
            Index(name: "idx_tasks_deleted_at", parts: [Self.col("deleted_at", nulls: .last)]),
            Index(name: "idx_tasks_deleted_at_priority", parts: [Self.col("deleted_at", desc: true, nulls: .first), Self.col("priority", nulls: .last)]),
        ])
    }

    @Test("Partial, unique, method, include and explicit names")
    func indexOptions() throws {
        let items = """
              - { columns: [status, priority], where: "deleted_at IS NULL" }
              - { name: idx_default_iface, columns: [project_id, is_default], unique: true, where: "is_default" }
              - { columns: [metadata], using: gin }
              - { columns: [title], using: BTREE }
              - { columns: [project_id], include: [title, status] }
        """
        #expect(try Self.indexes(items) == [
            Index(name: "idx_tasks_status_priority", parts: [Self.col("status"), Self.col("priority")], predicate: "deleted_at IS NULL"),
            Index(name: "idx_default_iface", parts: [Self.col("project_id"), Self.col("is_default")], unique: true, predicate: "is_default"),
            Index(name: "idx_tasks_metadata", parts: [Self.col("metadata")], method: .gin),
            Index(name: "idx_tasks_title", parts: [Self.col("title")], method: .btree),
            Index(name: "idx_tasks_project_id", parts: [Self.col("project_id")], include: ["title", "status"]),
        ])
    }

    @Test("Every index method", arguments: IndexMethod.allCases)
    func indexMethods(_ method: IndexMethod) throws {
        let index = try #require(try Self.indexes("      - { columns: [priority], using: \(method.rawValue) }\n").first)
        #expect(index.method == method)
    }

    @Test("Expression indexes: each expression contributes 'expr' to the derived name")
    func expressionIndexes() throws {
        let items = """
              - { expression: "lower(title)" }
              - { expression: ["project_id", "upper(title)"], unique: true }
              - { columns: [project_id], expression: "lower(status)" }
              - { name: idx_named_expr, expression: "(metadata->>'k')" }
        """
        #expect(try Self.indexes(items) == [
            Index(name: "idx_tasks_expr", parts: [.expression("lower(title)")]),
            Index(name: "idx_tasks_expr_expr", parts: [.expression("project_id"), .expression("upper(title)")], unique: true),
            Index(name: "idx_tasks_project_id_expr", parts: [Self.col("project_id"), .expression("lower(status)")]),
            Index(name: "idx_named_expr", parts: [.expression("(metadata->>'k')")]),
        ])
    }

    @Test("The index column syntax parser")
    func parseIndexColumn() {
        #expect(SchemaDecoderProbe.parse("a") == Self.col("a"))
        #expect(SchemaDecoderProbe.parse("  a   DESC  ") == Self.col("a", desc: true))
        #expect(SchemaDecoderProbe.parse("a nulls first") == Self.col("a", nulls: .first))
        #expect(SchemaDecoderProbe.parse("lower(a)") == nil)
        #expect(SchemaDecoderProbe.parse("a DESC DESC") == nil)
        #expect(SchemaDecoderProbe.parse("a NULLS") == nil)
        #expect(SchemaDecoderProbe.parse("a NULLS MIDDLE") == nil)
    }

    // MARK: Search, partition, flags

    @Test("search: a list of columns (language english), or { columns, language }")
    func search() throws {
        let a = try Compile.table("schemagen: 1\ntables:\n  t:\n    columns: { title: text, body: text? }\n    search: [title, body]\n")
        #expect(a.search == FullTextSearch(columns: ["title", "body"], language: "english"))
        let b = try Compile.table("schemagen: 1\ntables:\n  t:\n    columns: { title: string(50) }\n    search: { columns: [title], language: simple }\n")
        #expect(b.search == FullTextSearch(columns: ["title"], language: "simple"))
        let c = try Compile.table("schemagen: 1\ntables:\n  t:\n    columns: { title: text }\n    search: { columns: [title] }\n")
        #expect(c.search == FullTextSearch(columns: ["title"], language: "english"))
    }

    @Test("partition: range with bounds and a default partition")
    func partitionRange() throws {
        let t = try Compile.table("""
        schemagen: 1
        targets: [postgres]
        tables:
          events:
            columns: { id: bigint, occurred_at: timestamp }
            primary_key: [id, occurred_at]
            partition:
              by: range
              columns: [occurred_at]
              partitions:
                events_2024_01: "FROM ('2024-01-01') TO ('2024-02-01')"
                events_default: default
        """)
        #expect(t.partition == Partition(strategy: .range, columns: ["occurred_at"], partitions: [
            .init(name: "events_2024_01", bound: "FROM ('2024-01-01') TO ('2024-02-01')"),
            .init(name: "events_default", bound: nil),
        ]))
    }

    @Test("partition: list and hash, and without partitions")
    func partitionListHash() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        targets: [postgres]
        tables:
          alerts:
            columns: { id: uuid, severity: text }
            primary_key: [id, severity]
            partition: { by: list, columns: [severity], partitions: { alerts_low: "IN ('debug')", alerts_rest: DEFAULT } }
          shards:
            columns: { key: bigint }
            primary_key: [key]
            partition: { by: hash, columns: [key], partitions: { shards_0: "WITH (MODULUS 2, REMAINDER 0)" } }
          bare:
            columns: { at: date }
            partition: { by: RANGE, columns: at }
        """)
        #expect(schema.tables.map(\.partition) == [
            Partition(strategy: .list, columns: ["severity"], partitions: [.init(name: "alerts_low", bound: "IN ('debug')"), .init(name: "alerts_rest", bound: nil)]),
            Partition(strategy: .hash, columns: ["key"], partitions: [.init(name: "shards_0", bound: "WITH (MODULUS 2, REMAINDER 0)")]),
            Partition(strategy: .range, columns: ["at"], partitions: []),
        ])
    }

    @Test("strict, comment, renamed_from and swift name")
    func flags() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          tasks:
            strict: true
            comment: Units of work.
            renamed_from: jobs
            swift: { name: TaskRow }
            columns: { id: int }
        """)
        #expect(t == Table(name: "tasks", columns: [Column(name: "id", type: .int)], strict: true,
                           comment: "Units of work.", renamedFrom: "jobs", swiftName: "TaskRow"))
    }

    @Test("A table with every key set to its neutral value is the plain table")
    func neutralValues() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns: { id: int }
            strict: false
            unique: []
            checks: []
            foreign_keys: []
            indexes: []
        """)
        #expect(t == Table(name: "t", columns: [Column(name: "id", type: .int)]))
    }
}

/// Reaches the decoder's internal index column parser.
enum SchemaDecoderProbe {
    static func parse(_ text: String) -> IndexPart? { SchemaDecoder.parseIndexColumn(text) }
}
