import DatabaseTestSupport
import Foundation
import GRDB
import SchemagenCore
import SchemagenInspect
import SchemagenTestSupport
import Testing

/// Databases nobody here generated, from `../shared/samples/` (read there, never copied into the
/// repository): apply, inspect, regenerate with `sql`, apply to a second database, compare. What the
/// format cannot express survives as raw SQL, named in a warning.
@Suite(.enabled(if: InspectFixtures.samplesPresent, "../shared/samples (or SCHEMAGEN_SAMPLES) holds no sample databases in this checkout"))
struct SampleDatabaseTests {
    /// Northwind: quoted names with spaces, many views.
    @Test func northwindOnSQLite() throws {
        let script = try #require(InspectFixtures.sample("northwind.sqlite.sql"))
        let first = try SQLiteFile.with(script)
        let inspection = try first.inspect()
        let yaml = SchemaYAMLWriter.render(inspection.schema)
        let regenerated = try InspectFixtures.compiled(Fixtures.compile(yaml), what: "the inspected Northwind\n\(yaml)")
        let second = try SQLiteFile.with(DDL.script(for: regenerated, dialect: .sqlite, source: "northwind.yaml"))
        let (a, b) = (try Self.sqliteCatalog(first), try Self.sqliteCatalog(second))
        #expect(a == b, "catalogs differ:\n\(RoundTripTests.difference(a, b))")
        #expect(inspection.schema.tables.contains { $0.name == "Order Details" })
        #expect(inspection.schema.views.count >= 10, "\(inspection.schema.views.map(\.name))")
    }

    /// Pagila: partitions, domains, triggers, functions, a materialized view, tsvector columns.
    @Test func pagilaOnPostgres() async throws {
        let script = try #require(InspectFixtures.sample("pagila.postgres.sql"))
        try await PostgresEngine.withFresh("pagila", count: 2) { try await Self.pagilaRoundTrip(script, $0[0], $0[1]) }
    }

    static func pagilaRoundTrip(_ script: String, _ first: PostgresEngine, _ second: PostgresEngine) async throws {
        try await first.runScript(script, schema: "public")
        let inspection = try await first.inspect()
        let yaml = SchemaYAMLWriter.render(inspection.schema)
        let regenerated = try InspectFixtures.compiled(Fixtures.compile(yaml), what: "the inspected Pagila\n\(yaml)")
        try await second.runScript(DDL.script(for: regenerated, dialect: .postgres, source: "pagila.yaml"), schema: "public")
        let a = try await first.catalog(schema: "public"), b = try await second.catalog(schema: "public")
        // Serial keys come back as identity columns (the format's serial): their sequences and defaults differ.
        let differences = RoundTripTests.difference(a.filter { !Self.isSerialKeyLine($0) }.map(RoundTripTests.withoutCheckDefinition),
                                                    b.filter { !Self.isSerialKeyLine($0) }.map(RoundTripTests.withoutCheckDefinition))
        #expect(differences.isEmpty, "catalogs differ:\n\(differences)\n--- inspected:\n\(yaml)")
        let again = SchemaYAMLWriter.render(try await second.inspect().schema).split(separator: "\n").map(String.init)
        let before = yaml.split(separator: "\n").map(String.init)
        #expect(again == before, "inspecting the second database gives another schema:\n\(RoundTripTests.difference(before, again))")
        Self.expectPagilaKept(inspection)
    }

    /// What the format cannot say is named in warnings and kept; partitions and the materialized view are the format's own.
    static func expectPagilaKept(_ inspection: Inspection) {
        let warnings = inspection.warnings
        for kept in ["trigger", "function", "domain"] {
            let found = warnings.contains { $0.hasPrefix(kept) }
            #expect(found, "no warning for a \(kept): \(warnings)")
        }
        let partitioned = inspection.schema.tables.contains { $0.partition != nil }
        #expect(partitioned)
        let materialized = inspection.schema.views.contains { $0.materialized }
        #expect(materialized)
    }

    /// Lines of the PostgreSQL catalog that differ between a `serial` (sequence and `nextval` default)
    /// and an identity column: the relation of the sequence and the column's default or identity flag.
    static func isSerialKeyLine(_ line: String) -> Bool {
        (line.hasPrefix("relation ") && line.hasSuffix(" S")) || (line.hasPrefix("column ") && (line.contains("nextval(") || line.hasSuffix(" d")))
    }

    /// Every object's type and name, every column (type, NOT NULL, default, key position, hidden),
    /// every index's columns, every foreign key: what SQLite does with the schema, whatever the spelling.
    static func sqliteCatalog(_ file: SQLiteFile) throws -> Catalog {
        let engine = try file.engine()
        var lines: [String] = []
        for row in try engine.rows("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name") {
            let (type, name) = (row[0]!, row[1]!)
            lines.append("\(type) \(name) on \(row[2]!)")
            if type == "table" {
                // A key column's NOT NULL is left out: SQLite's legacy keys without it come back NOT NULL (with a warning).
                for c in try engine.rows("SELECT name, type, CASE WHEN pk > 0 THEN '-' ELSE \"notnull\" END, dflt_value, pk, hidden FROM pragma_table_xinfo('\(name.replacingOccurrences(of: "'", with: "''"))')") {
                    lines.append("  column \(name).\(c.map { $0 ?? "NULL" }.joined(separator: " "))")
                }
                for fk in try engine.rows("SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('\(name.replacingOccurrences(of: "'", with: "''"))')") {
                    lines.append("  fk \(name) \(fk.map { $0 ?? "NULL" }.joined(separator: " "))")
                }
            }
            if type == "index" {
                for c in try engine.rows("SELECT name, \"desc\", key FROM pragma_index_xinfo('\(name.replacingOccurrences(of: "'", with: "''"))')") {
                    lines.append("  index column \(name) \(c.map { $0 ?? "NULL" }.joined(separator: " "))")
                }
            }
        }
        return lines.sorted()
    }
}
