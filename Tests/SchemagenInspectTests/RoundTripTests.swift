import DatabaseTestSupport
import Foundation
import SchemagenCore
import SchemagenInspect
import SchemagenTestSupport
import Testing

/// `sql`, apply, `inspect`, `sql` of the printed schema, apply to a second database: the two
/// catalogs (the migration oracle's readers) are equal, and inspecting the second database gives
/// the same model again. For every example schema and the repository's own, on both engines.
@Suite struct RoundTripTests {
    static let examples = Fixtures.exampleNames

    @Test(arguments: examples)
    func exampleOnSQLite(_ name: String) throws {
        let schema = try InspectFixtures.example(name)
        try #require(schema.targets.contains(.sqlite))
        try Self.roundTripSQLite(DDL.script(for: schema, dialect: .sqlite, source: name))
    }

    @Test func repositorySchemaOnSQLite() throws {
        try Self.roundTripSQLite(DDL.script(for: try InspectFixtures.repository(), dialect: .sqlite, source: "schema.yaml"))
    }

    @Test(arguments: examples)
    func exampleOnPostgres(_ name: String) async throws {
        let schema = try InspectFixtures.example(name)
        guard schema.targets.contains(.postgres) else { return }
        try await Self.roundTripPostgres(DDL.script(for: schema, dialect: .postgres, source: name), namespace: schema.postgresSchema ?? "public")
    }

    @Test func repositorySchemaOnPostgres() async throws {
        let schema = try InspectFixtures.repository()
        try await Self.roundTripPostgres(DDL.script(for: schema, dialect: .postgres, source: "schema.yaml"), namespace: schema.postgresSchema ?? "public")
    }

    // MARK: The round trips

    /// Returns the first inspection (its warnings say what was kept as raw SQL).
    @discardableResult
    static func roundTripSQLite(_ ddl: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Inspection {
        let first = try SQLiteFile.with(ddl)
        let inspection = try first.inspect()
        let yaml = SchemaYAMLWriter.render(inspection.schema)
        let regenerated = try InspectFixtures.compiled(Fixtures.compile(yaml), what: "the inspected schema\n\(yaml)\n")
        let second = try SQLiteFile.with(DDL.script(for: regenerated, dialect: .sqlite, source: "inspected.yaml"))
        let (a, b) = (try first.engine().catalog(), try second.engine().catalog())
        #expect(a == b, "catalogs differ:\n\(difference(a, b))\n--- inspected:\n\(yaml)", sourceLocation: sourceLocation)
        #expect(try second.inspect().schema == inspection.schema, "inspecting the second database gives another model", sourceLocation: sourceLocation)
        return inspection
    }

    static func roundTripPostgres(_ ddl: String, namespace: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        try await PostgresEngine.withTwoFresh("inspect") { first, second in
            try await first.runScript(ddl, schema: "public")
            var inspection = try await first.inspect(namespace: namespace)
            if namespace != "public" { inspection.schema.postgresSchema = namespace }
            let yaml = SchemaYAMLWriter.render(inspection.schema)
            let regenerated = try InspectFixtures.compiled(Fixtures.compile(yaml), what: "the inspected schema\n\(yaml)\n")
            try await second.runScript(DDL.script(for: regenerated, dialect: .postgres, source: "inspected.yaml"), schema: "public")
            let a = try await first.catalog(schema: namespace), b = try await second.catalog(schema: namespace)
            #expect(a == b, "catalogs differ:\n\(difference(a, b))\n--- inspected:\n\(yaml)", sourceLocation: sourceLocation)
            var again = try await second.inspect(namespace: namespace)
            if namespace != "public" { again.schema.postgresSchema = namespace }
            #expect(again.schema == inspection.schema, "inspecting the second database gives another model", sourceLocation: sourceLocation)
        }
    }

    /// The lines only in `a` (`-`) and only in `b` (`+`).
    static func difference(_ a: Catalog, _ b: Catalog) -> String {
        (a.filter { !b.contains($0) }.map { "- " + $0 } + b.filter { !a.contains($0) }.map { "+ " + $0 }).joined(separator: "\n")
    }
}
