import DatabaseTestSupport
import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// A narrowing change is refused without --allow-destructive; allowed, it must fail on a value
/// that does not fit rather than cut it (an explicit `::varchar(n)` cast would cut silently).
@Suite("Narrowing on PostgreSQL", .serialized)
struct NarrowingTests {
    static func schema(_ type: String) throws -> Schema {
        let yaml = "schemagen: 1\ntargets: [postgres]\ntables:\n  notes:\n    columns:\n      id: { type: int, primary_key: true }\n      title: \(type)\n"
        let compiled = Fixtures.compile(yaml)
        return try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))")
    }

    @Test("string(10) or text to string(3): a longer value makes the migration fail and stays whole; short values migrate", arguments: ["string(10)", "text"])
    func narrowing(_ from: String) async throws {
        let old = try Self.schema(from), new = try Self.schema("string(3)")
        let delta = Migrator.delta(from: old, to: new, dialect: .postgres)
        #expect(delta.refusals.contains { $0.code == .DS })
        let engine = try await PostgresEngine.make(name: "schemagen_narrowing")
        do {
            try await engine.runScript(DDL.script(for: old, dialect: .postgres, source: "old.yaml"), schema: "public")
            try await engine.execute("INSERT INTO notes VALUES (1, 'abcdef'), (2, 'ab')")
            await #expect(throws: (any Error).self) { try await engine.runScript(delta.up.script(title: "up"), schema: "public") }
            #expect(try await engine.texts("SELECT title FROM notes ORDER BY id") == [["abcdef"], ["ab"]])
            try await engine.execute("UPDATE notes SET title = 'abc' WHERE id = 1")
            try await engine.runScript(delta.up.script(title: "up"), schema: "public")
            #expect(try await engine.texts("SELECT title FROM notes ORDER BY id") == [["abc"], ["ab"]])
            #expect(try await engine.texts("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'notes'::regclass AND attname = 'title'") == [["character varying(3)"]])
        } catch {
            try? await engine.close()
            throw error
        }
        try await engine.close()
    }
}
