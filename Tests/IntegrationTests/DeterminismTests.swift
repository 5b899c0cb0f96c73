import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// Output is a pure function of the input: the same schema renders to the
/// same bytes, and the committed Generated/ folder is what the repository's
/// schema renders to.
@Suite struct DeterminismTests {
    @Test(arguments: Schemas.exampleNames)
    func renderingTwiceGivesTheSameBytes(_ name: String) throws {
        // Two independent compilations, so nothing cached in the model can hide a difference.
        let first = try Schemas.example(name), second = try Schemas.example(name)
        for dialect in first.targets {
            let a = Schemas.ddl(first, dialect, source: name)
            let b = Schemas.ddl(second, dialect, source: name)
            let c = Schemas.ddl(first, dialect, source: name)
            #expect(Array(a.utf8) == Array(b.utf8), "\(name), \(dialect.displayName): two compilations render differently")
            #expect(Array(a.utf8) == Array(c.utf8), "\(name), \(dialect.displayName): two renderings differ")
        }
    }

    /// renamed_from only guides migrations: the DDL is the same without it.
    @Test(arguments: Schemas.exampleNames)
    func renamedFromHasNoEffectOnTheDDL(_ name: String) throws {
        let schema = try Schemas.example(name)
        var stripped = schema
        for t in stripped.tables.indices {
            stripped.tables[t].renamedFrom = nil
            for c in stripped.tables[t].columns.indices { stripped.tables[t].columns[c].renamedFrom = nil }
        }
        for v in stripped.views.indices { stripped.views[v].renamedFrom = nil }
        for dialect in schema.targets {
            #expect(Schemas.ddl(schema, dialect) == Schemas.ddl(stripped, dialect), "\(name), \(dialect.displayName)")
        }
    }

    @Test func injectionSchemaRendersTheSameTwice() throws {
        let first = try Schemas.inline(InjectionTests.schemaText()), second = try Schemas.inline(InjectionTests.schemaText())
        for dialect in Dialect.allCases {
            #expect(Array(Schemas.ddl(first, dialect).utf8) == Array(Schemas.ddl(second, dialect).utf8))
        }
    }

    /// What `schemagen check` verifies for the DDL: Generated/<dialect>/schema.sql is what schema.yaml renders to.
    @Test(arguments: Dialect.allCases)
    func repositorySchemaMatchesCommittedDDL(_ dialect: Dialect) throws {
        let schema = try Schemas.repository()
        let rendered = Schemas.ddl(schema, dialect, source: "schema.yaml")
        let path = "Generated/\(dialect.rawValue)/schema.sql"
        let committed = try #require(FileManager.default.contents(atPath: Fixtures.repositoryRoot.appendingPathComponent(path).path),
                                     "\(path) is not committed")
        if committed != Data(rendered.utf8) {
            let diff = UnifiedDiff.diff(old: String(decoding: committed, as: UTF8.self), new: rendered, oldName: path, newName: "rendered")
            Issue.record("\(path) differs from what schema.yaml renders to (run `schemagen generate`):\n\(diff)")
        }
        #expect(Schemas.ddl(try Schemas.repository(), dialect, source: "schema.yaml") == rendered, "rendering again changes nothing")
    }
}
