import SchemagenCore
import SchemagenTestSupport
import Testing

/// Helpers shared by the unit tests: compile inline YAML and get at the model.
enum Compile {
    /// Compiles `yaml` (root file `schema.yaml`, plus `files`) and requires a schema without any
    /// diagnostic at all: the inputs of these tests are valid and warn about nothing.
    static func schema(_ yaml: String, files: [String: String] = [:],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Schema {
        let result = Fixtures.compile(yaml, files: files)
        let messages = result.diagnostics.sorted.map(\.description)
        #expect(messages.isEmpty, "unexpected diagnostics:\n\(messages.joined(separator: "\n"))", sourceLocation: sourceLocation)
        return try #require(result.schema, sourceLocation: sourceLocation)
    }

    /// Compiles `yaml` and requires a schema (warnings allowed); returns it with the sorted diagnostics.
    static func withWarnings(_ yaml: String, files: [String: String] = [:],
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Schema, [Diagnostic]) {
        let result = Fixtures.compile(yaml, files: files)
        let sorted = result.diagnostics.sorted
        #expect(!result.diagnostics.hasErrors, "unexpected errors:\n\(sorted.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return (try #require(result.schema, sourceLocation: sourceLocation), sorted)
    }

    /// The one table of a schema that declares exactly one.
    static func table(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Table {
        let schema = try schema(yaml, sourceLocation: sourceLocation)
        try #require(schema.tables.count == 1, sourceLocation: sourceLocation)
        return schema.tables[0]
    }

    /// The column `name` of the single table `t` whose columns are given as YAML lines (indented by 6).
    static func column(_ columnsYAML: String, _ name: String, targets: String = "[sqlite, postgres]", prelude: String = "",
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Column {
        let yaml = """
        schemagen: 1
        targets: \(targets)
        \(prelude)
        tables:
          t:
            columns:
        \(columnsYAML)
        """
        let schema = try schema(yaml, sourceLocation: sourceLocation)
        let table = try #require(schema.table(named: "t"), sourceLocation: sourceLocation)
        return try #require(table.column(named: name), sourceLocation: sourceLocation)
    }

    /// A location in the root file of inline YAML.
    static func at(_ line: Int, _ column: Int, file: String = "schema.yaml") -> SchemagenCore.SourceLocation {
        SchemagenCore.SourceLocation(file: file, line: line, column: column)
    }
}
