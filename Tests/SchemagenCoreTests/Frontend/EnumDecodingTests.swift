import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

@Suite("Frontend: enums")
struct EnumDecodingTests {
    @Test("List form: the values in order")
    func listForm() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums:
          task_status: [pending, in_progress, completed, failed, cancelled]
        """)
        #expect(schema.enums == [EnumType(name: "task_status", values: ["pending", "in_progress", "completed", "failed", "cancelled"])])
    }

    @Test("Mapping form: values, comment and Swift name")
    func mappingForm() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums:
          agent_type:
            values: [codegen, claude_code, reviewer]
            comment: Which agent ran a task.
            swift: { name: AgentKind }
          plain:
            values:
              - one
              - two
        """)
        #expect(schema.enums == [
            EnumType(name: "agent_type", values: ["codegen", "claude_code", "reviewer"], comment: "Which agent ran a task.", swiftName: "AgentKind"),
            EnumType(name: "plain", values: ["one", "two"]),
        ])
    }

    @Test("Labels are kept exactly: keywords, punctuation, non-ASCII, and plain words YAML 1.1 would read as booleans")
    func labelsVerbatim() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums:
          odd: [default, "order", "x-large", "Größe", "with space", "it's", yes, no, on, off, "true", "1"]
        """)
        #expect(schema.enums.first?.values == ["default", "order", "x-large", "Größe", "with space", "it's", "yes", "no", "on", "off", "true", "1"])
    }

    @Test("An enum is usable as a column type, alone, nullable and as an array element")
    func enumAsType() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums:
          status: [open, closed]
        tables:
          t:
            columns:
              a: status
              b: status?
              c: "[status]"
              d: { type: status, default: closed }
        """)
        let t = try #require(schema.table(named: "t"))
        #expect(t.columns == [
            Column(name: "a", type: .enumeration("status")),
            Column(name: "b", type: .enumeration("status"), nullable: true),
            Column(name: "c", type: .array(.enumeration("status"))),
            Column(name: "d", type: .enumeration("status"), defaultValue: .string("closed")),
        ])
    }

    @Test("A value may be a mapping with its name and the label it was renamed from")
    func valueRenames() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums:
          status: [open, { name: in_review, renamed_from: reviewing }, { name: closed }]
          plain:
            values:
              - { name: b, renamed_from: a }
        """)
        #expect(schema.enums == [
            EnumType(name: "status", values: ["open", "in_review", "closed"], valueRenames: ["in_review": "reviewing"]),
            EnumType(name: "plain", values: ["b"], valueRenames: ["b": "a"]),
        ])
    }

    @Test("An enum without renamed values snapshots as before (no valueRenames key)")
    func snapshotWithoutRenames() throws {
        // Written as migrate writes snapshots (MigrationDirectory.encodeSnapshot), the enum is exactly what it was.
        var schema = Schema(targets: [])
        schema.enums = [EnumType(name: "s", values: ["a"])]
        let snapshot = MigrationDirectory.encodeSnapshot(schema)
        #expect(snapshot.contains(#""enums" : [\#n    {\#n      "name" : "s",\#n      "values" : [\#n        "a"\#n      ]\#n    }\#n  ]"#))
        let renamed = try JSONDecoder().decode(EnumType.self, from: JSONEncoder().encode(EnumType(name: "s", values: ["b"], valueRenames: ["b": "a"])))
        #expect(renamed.valueRenames == ["b": "a"])
    }

    @Test("An enum declared after the table (or in a later include) is found")
    func enumDeclaredLater() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          t: { columns: { s: later } }
        enums:
          later: [x]
        """)
        #expect(schema.tables[0].columns[0].type == .enumeration("later"))
    }
}
