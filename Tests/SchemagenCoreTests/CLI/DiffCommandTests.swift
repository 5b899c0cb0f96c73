import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// `schemagen diff`, which compiles its two schemas side by side: the output and the diagnostics
/// are those of one file after the other, whichever thread finishes first.
@Suite("schemagen diff")
struct DiffCommandTests {
    static let before = """
    schemagen: 1
    tables:
      notes:
        columns: { id: { type: serial, primary_key: true }, body: text }
    """
    static let after = """
    schemagen: 1
    tables:
      notes:
        columns: { id: { type: serial, primary_key: true }, body: text, pinned: { type: bool, default: false } }
    """

    @Test("Two valid schemas: the delta on stdout, the same bytes on every run")
    func delta() throws {
        let project = try CommandLineProject(schema: Self.before)
        try project.write("after.yaml", Self.after)
        let runs = try (0..<5).map { _ in try project.run("diff", "schema.yaml", "after.yaml", "--dialect", "postgres") }
        for run in runs {
            #expect(run.status == 0, "stderr:\n\(run.stderr)")
            #expect(run.stdout == runs[0].stdout)
        }
        #expect(runs[0].stdout.contains("ALTER TABLE notes ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT false;"), "stdout:\n\(runs[0].stdout)")
    }

    @Test("Errors in both files: every one reported, FROM's before TO's, exit 2, nothing on stdout")
    func errorsInBoth() throws {
        let project = try CommandLineProject(schema: Self.before.replacingOccurrences(of: "text", with: "txet"))
        try project.write("after.yaml", Self.after.replacingOccurrences(of: "bool", with: "boolean-ish"))
        for _ in 0..<5 {
            let result = try project.run("diff", "schema.yaml", "after.yaml", "--dialect", "sqlite")
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            let lines = result.stderr.split(separator: "\n").map(String.init)
            let first = try #require(lines.firstIndex { $0.hasPrefix("schema.yaml:4:") }, "stderr:\n\(result.stderr)")
            let second = try #require(lines.firstIndex { $0.hasPrefix("after.yaml:4:") }, "stderr:\n\(result.stderr)")
            #expect(first < second)
        }
    }

    @Test("The core compiles several roots at once, results in the order asked")
    func compileSeveral() {
        let loader = InMemoryLoader(["a.yaml": Self.before, "b.yaml": Self.after, "bad.yaml": "schemagen: 2\n"])
        let results = SchemaCompiler.compile(rootPaths: ["b.yaml", "bad.yaml", "a.yaml"], loader: loader)
        #expect(results.map { $0.schema?.tables.first?.columns.count } == [3, nil, 2])
        #expect(results[1].diagnostics.hasErrors)
        #expect(!results[0].diagnostics.hasErrors && !results[2].diagnostics.hasErrors)
    }
}
