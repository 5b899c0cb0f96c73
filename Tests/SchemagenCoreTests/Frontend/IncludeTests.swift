import SchemagenCore
import SchemagenTestSupport
import Testing

/// `include:`: merge order, relative paths, merged extensions, cross-file references.
@Suite("Frontend: include")
struct IncludeTests {
    /// root includes a and b (in that order); a includes c. Every file declares one of each kind.
    static let files: [String: String] = [
        "mods/a.yaml": """
        schemagen: 1
        include: [sub/c.yaml]
        postgres:
          extensions: [citext, pgcrypto]
        enums:
          e_a: [a]
        tables:
          t_a: { columns: { id: int } }
        views:
          v_a: SELECT 1 AS a
        sql:
          postgres:
            - { name: s_a, up: SELECT 1 }
        """,
        "mods/sub/c.yaml": """
        schemagen: 1
        postgres:
          extensions: [pg_trgm, citext]
        enums:
          e_c: [c]
        tables:
          t_c: { columns: { id: int } }
        views:
          v_c: SELECT 3 AS c
        sql:
          postgres:
            - { name: s_c, up: SELECT 3 }
        """,
        "shared/b.yaml": """
        schemagen: 1
        enums:
          e_b: [b]
        tables:
          t_b: { columns: { id: int } }
        views:
          v_b: SELECT 2 AS b
        sql:
          postgres:
            - { name: s_b, up: SELECT 2 }
        """,
    ]

    static let root = """
    schemagen: 1
    include: [mods/a.yaml, shared/b.yaml]
    postgres:
      extensions: [pgcrypto]
    enums:
      e_root: [r]
    tables:
      t_root1: { columns: { id: int } }
      t_root2: { columns: { id: int } }
    views:
      v_root: SELECT 0 AS r
    sql:
      postgres:
        - { name: s_root, up: SELECT 0 }
    """

    @Test("Included declarations follow the including file's own, in include order, depth first")
    func mergeOrder() throws {
        let schema = try Compile.schema(Self.root, files: Self.files)
        #expect(schema.tables.map(\.name) == ["t_root1", "t_root2", "t_a", "t_c", "t_b"])
        #expect(schema.enums.map(\.name) == ["e_root", "e_a", "e_c", "e_b"])
        #expect(schema.views.map(\.name) == ["v_root", "v_a", "v_c", "v_b"])
        #expect(schema.rawSQL.map(\.name) == ["s_root", "s_a", "s_c", "s_b"])
    }

    @Test("Extensions merge across includes in first-seen order, without duplicates")
    func extensionsMerged() throws {
        let schema = try Compile.schema(Self.root, files: Self.files)
        #expect(schema.extensions == ["pgcrypto", "citext", "pg_trgm"])
    }

    @Test("The include key's place in the file does not change the order: includes come last")
    func includeKeyPosition() throws {
        let first = try Compile.schema(Self.root, files: Self.files)
        let includeLast = try Compile.schema("""
        schemagen: 1
        postgres:
          extensions: [pgcrypto]
        enums:
          e_root: [r]
        tables:
          t_root1: { columns: { id: int } }
          t_root2: { columns: { id: int } }
        views:
          v_root: SELECT 0 AS r
        sql:
          postgres:
            - { name: s_root, up: SELECT 0 }
        include: [mods/a.yaml, shared/b.yaml]
        """, files: Self.files)
        #expect(first == includeLast)
    }

    @Test("Paths are relative to the including file's folder, '..' included")
    func relativePaths() throws {
        let files = [
            "lib/one.yaml": "schemagen: 1\ninclude: [../other/two.yaml, ./deeper/three.yaml]\ntables:\n  one: { columns: { id: int } }\n",
            "other/two.yaml": "schemagen: 1\ntables:\n  two: { columns: { id: int } }\n",
            "lib/deeper/three.yaml": "schemagen: 1\ntables:\n  three: { columns: { id: int } }\n",
            // Decoys at the paths a resolution relative to the root would find.
            "deeper/three.yaml": "schemagen: 1\ntables:\n  wrong: { columns: { id: int } }\n",
        ]
        let schema = try Compile.schema("schemagen: 1\ninclude: [lib/one.yaml]\n", files: files)
        #expect(schema.tables.map(\.name) == ["one", "two", "three"])
    }

    @Test("SchemaPath.join resolves against the base file's folder and normalizes")
    func pathJoin() {
        #expect(SchemaPath.join(base: "schema.yaml", "a.yaml") == "a.yaml")
        #expect(SchemaPath.join(base: "dir/schema.yaml", "a.yaml") == "dir/a.yaml")
        #expect(SchemaPath.join(base: "dir/sub/x.yaml", "../b/c.yaml") == "dir/b/c.yaml")
        #expect(SchemaPath.join(base: "dir/x.yaml", "./c.yaml") == "dir/c.yaml")
        #expect(SchemaPath.join(base: "x.yaml", "../up.yaml") == "../up.yaml")
        #expect(SchemaPath.join(base: "dir/x.yaml", "/abs/y.yaml") == "/abs/y.yaml")
        #expect(SchemaPath.join(base: "/root/dir/x.yaml", "../../../y.yaml") == "/y.yaml")
        #expect(SchemaPath.normalize("a//b/./c/../d") == "a/b/d")
        #expect(SchemaPath.normalize("a/..") == ".")
    }

    @Test("Declarations reference each other across files; a bare reference resolves to the other file's key")
    func crossFileReferences() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        include: [child.yaml]
        tables:
          parents:
            columns:
              code: { type: string(8), primary_key: true }
              kind: kind
        """, files: ["child.yaml": """
        schemagen: 1
        enums:
          kind: [a, b]
        tables:
          children:
            columns:
              parent: { type: string(8), references: parents }
        """])
        #expect(schema.table(named: "parents")?.column(named: "kind")?.type == .enumeration("kind"))
        #expect(schema.table(named: "children")?.foreignKeys == [
            ForeignKey(name: "fk_children_parent", columns: ["parent"], referencedTable: "parents", referencedColumns: ["code"]),
        ])
    }

    @Test("A file included twice is read once, with a warning at the second include")
    func includedTwice() throws {
        let (schema, diagnostics) = try Compile.withWarnings("""
        schemagen: 1
        include:
          - a.yaml
          - b.yaml
        """, files: [
            "a.yaml": "schemagen: 1\ninclude: [b.yaml]\ntables:\n  ta: { columns: { id: int } }\n",
            "b.yaml": "schemagen: 1\ntables:\n  tb: { columns: { id: int } }\n",
        ])
        #expect(schema.tables.map(\.name) == ["ta", "tb"])
        #expect(diagnostics.map(\.description) == [
            "schema.yaml:4:5: warning: 'b.yaml' is already included; this include is ignored",
        ])
    }

    @Test("Diagnostics in an included file name it by its joined path")
    func includedFileLocations() throws {
        let (_, diagnostics) = try Compile.withWarnings("schemagen: 1\ninclude: [mods/views.yaml]\n", files: [
            "mods/views.yaml": """
            schemagen: 1
            views:
              summary:
                sql: SELECT 1 AS one
                materialized: true
            """,
        ])
        #expect(diagnostics.map(\.location) == [Compile.at(5, 5, file: "mods/views.yaml")])
    }
}
