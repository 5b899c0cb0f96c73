import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The writer `schemagen inspect` prints with: its text decodes back to the same model, for every
/// example schema and the repository's own (what the writer does not write, Swift names and
/// renames, is left out of the comparison: a database does not hold them).
@Suite struct SchemaYAMLWriterTests {
    @Test(arguments: Fixtures.exampleNames)
    func exampleReadsBack(_ name: String) throws {
        let schema = try #require(Fixtures.compile(Fixtures.folder.appendingPathComponent("examples/\(name)")).schema)
        try expectReadsBack(schema)
    }

    @Test func repositorySchemaReadsBack() throws {
        try expectReadsBack(try #require(Fixtures.compileRepositorySchema().schema))
    }

    @Test func scalarsThatNeedQuotesAreQuoted() throws {
        let schema = Schema(targets: [.sqlite], tables: [
            Table(name: "Order Details", columns: [
                Column(name: "yes", type: .text, defaultValue: .string("now()")),
                Column(name: "note", type: .string(length: 20), nullable: true, defaultValue: .string("a: \"b\"\n#c\u{85}\t\u{7F}")),
                Column(name: "n", type: .custom(sqlite: "VARCHAR(40)", postgres: nil, swift: nil), nullable: true, defaultValue: .string("12")),
                Column(name: "doc", type: .json, defaultValue: .json(.object([.init(key: "a", value: .array([.number("1"), .null]))]))),
            ], primaryKey: PrimaryKey(name: "pk_od", columns: ["yes"]),
            indexes: [Index(name: "idx_x", parts: [.column(name: "note", descending: true, nulls: .last), .expression("lower(\"yes\")")], predicate: "n IS NOT NULL")]),
        ], views: [View(name: "v", sql: DialectText(sqlite: "SELECT 1\n  AS one", postgres: nil))],
           rawSQL: [RawSQL(dialect: .sqlite, name: "t", up: "CREATE TRIGGER t ...;", down: nil)])
        try expectReadsBack(schema)
        let text = SchemaYAMLWriter.render(schema)
        #expect(text.contains("  \"Order Details\":\n"))
        #expect(text.contains("      yes: { type: text, default: { value: \"now()\" } }\n"))
        #expect(text.contains("sqlite: |-\n      SELECT 1\n        AS one\n"))
    }

    @Test func triggersReadBack() throws {
        let trigger = Trigger(name: "bump", timing: .after, events: [.update, .insert], columns: ["n"], level: .statement,
                              when: DialectText(sqlite: nil, postgres: "pg_trigger_depth() < 1"),
                              body: DialectText(sqlite: nil, postgres: "UPDATE t SET n = n + 1;\nRETURN NULL;"))
        let row = Trigger(name: "guard", timing: .before, events: [.delete], when: DialectText(shared: "OLD.n > 0"),
                          body: DialectText(sqlite: "SELECT RAISE(ABORT, 'kept');", postgres: "RAISE EXCEPTION 'kept';"))
        let schema = Schema(tables: [Table(name: "t", columns: [Column(name: "n", type: .int)], triggers: [trigger, row])])
        try expectReadsBack(schema)
        #expect(SchemaYAMLWriter.render(schema).contains("      bump:\n        timing: after\n        events: [update, insert]\n        of: [n]\n        for_each: statement\n"))
    }

    @Test func writingIsDeterministic() throws {
        let schema = try #require(Fixtures.compileRepositorySchema().schema)
        #expect(SchemaYAMLWriter.render(schema) == SchemaYAMLWriter.render(schema))
    }

    func expectReadsBack(_ schema: Schema, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = SchemaYAMLWriter.render(schema)
        let compiled = Fixtures.compile(text)
        let messages = compiled.diagnostics.sorted.map(\.description).joined(separator: "\n")
        let back = try #require(compiled.schema, "the written schema does not compile:\n\(messages)\n\(text)", sourceLocation: sourceLocation)
        #expect(Self.portable(back) == Self.portable(schema), "\(text)", sourceLocation: sourceLocation)
    }

    /// The model without what only schema.yaml holds (Swift names, renames).
    static func portable(_ schema: Schema) -> Schema {
        var s = schema
        for e in s.enums.indices { s.enums[e].swiftName = nil }
        for t in s.tables.indices {
            s.tables[t].swiftName = nil
            s.tables[t].renamedFrom = nil
            s.tables[t].swiftAssociations = nil
            for c in s.tables[t].columns.indices {
                s.tables[t].columns[c].swiftName = nil
                s.tables[t].columns[c].swiftType = nil
                s.tables[t].columns[c].renamedFrom = nil
            }
        }
        for v in s.views.indices { s.views[v].renamedFrom = nil }
        // schema.yaml lists raw blocks per dialect: their order across dialects is not kept (nor needed).
        s.rawSQL = Dialect.allCases.flatMap { d in s.rawSQL.filter { $0.dialect == d } }
        return s
    }
}
