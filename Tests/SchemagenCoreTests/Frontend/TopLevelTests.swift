import SchemagenCore
import SchemagenTestSupport
import Testing

/// The top level of a schema file: version, name, targets, postgres settings, section order.
@Suite("Frontend: top level")
struct TopLevelTests {
    @Test("A file with only 'schemagen: 1' is the empty schema for both targets")
    func minimal() throws {
        let schema = try Compile.schema("schemagen: 1\n")
        #expect(schema == Schema(name: nil, targets: [.sqlite, .postgres], postgresSchema: nil, extensions: [],
                                 enums: [], tables: [], views: [], rawSQL: []))
    }

    @Test("'name' is the Swift namespace")
    func name() throws {
        let schema = try Compile.schema("schemagen: 1\nname: Workflow\n")
        #expect(schema.name == "Workflow")
    }

    @Test("'targets' defaults to both dialects")
    func defaultTargets() throws {
        #expect(try Compile.schema("schemagen: 1\n").targets == [.sqlite, .postgres])
    }

    @Test("Explicit targets", arguments: [
        ("[sqlite]", [Dialect.sqlite]),
        ("[postgres]", [.postgres]),
        ("[sqlite, postgres]", [.sqlite, .postgres]),
        ("\n  - postgres\n  - sqlite", [.postgres, .sqlite]),
    ])
    func explicitTargets(_ yaml: String, _ expected: [Dialect]) throws {
        let schema = try Compile.schema("schemagen: 1\ntargets: \(yaml)\n")
        #expect(Set(schema.targets) == Set(expected))
        #expect(schema.targets.count == expected.count)
    }

    @Test("'postgres.schema' and 'postgres.extensions' (a repeated extension is kept once)")
    func postgresSettings() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        postgres:
          schema: app
          extensions: [pgcrypto, "uuid-ossp", citext, pgcrypto]
        """)
        #expect(schema.postgresSchema == "app")
        #expect(schema.extensions == ["pgcrypto", "uuid-ossp", "citext"])
    }

    @Test("Empty sections are allowed and declare nothing")
    func emptySections() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums:
        tables: {}
        views:
        sql: {}
        """)
        #expect(schema == Schema())
    }

    @Test("Declarations keep their declaration order (not sorted)")
    func declarationOrder() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums:
          zeta: [z]
          alpha: [a]
        tables:
          zebra: { columns: { id: int } }
          apple: { columns: { id: int } }
          mango: { columns: { id: int } }
        views:
          v_z: SELECT 1 AS one
          v_a: SELECT 2 AS two
        """)
        #expect(schema.enums.map(\.name) == ["zeta", "alpha"])
        #expect(schema.tables.map(\.name) == ["zebra", "apple", "mango"])
        #expect(schema.views.map(\.name) == ["v_z", "v_a"])
    }

    @Test("The order of the top-level keys does not matter")
    func keyOrder() throws {
        let a = try Compile.schema("""
        schemagen: 1
        name: N
        targets: [postgres]
        tables:
          t: { columns: { id: int } }
        enums:
          e: [x]
        """)
        let b = try Compile.schema("""
        enums:
          e: [x]
        tables:
          t: { columns: { id: int } }
        targets: [postgres]
        name: N
        schemagen: 1
        """)
        #expect(a == b)
    }

    @Test("A quoted version '1' is the same version")
    func quotedVersion() throws {
        #expect(try Compile.schema("schemagen: \"1\"\n") == Schema())
    }
}
