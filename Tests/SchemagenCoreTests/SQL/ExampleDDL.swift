import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The example schemas of `Tests/Fixtures/examples` and their reference DDL files
/// `Tests/Fixtures/reference/examples/<name>.<dialect>.sql`.
enum ExampleDDL {
    static let files = Fixtures.yamlFiles(in: "examples")

    static func name(_ url: URL) -> String { url.deletingPathExtension().lastPathComponent }

    /// The path the header names: relative to `Tests/Fixtures`, as a user would give it.
    static func source(_ url: URL) -> String { "examples/" + url.lastPathComponent }

    /// Compiles an example (errors fail the test; warnings are expected for some) and renders it
    /// for `dialect`; nil when the dialect is not a target of the example.
    static func render(_ url: URL, _ dialect: Dialect, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String? {
        let result = Fixtures.compile(url)
        let errors = result.diagnostics.errors.map(\.description)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))", sourceLocation: sourceLocation)
        let schema = try #require(result.schema, sourceLocation: sourceLocation)
        guard schema.targets.contains(dialect) else { return nil }
        return DDL.script(for: schema, dialect: dialect, source: source(url))
    }

    static func check(_ url: URL, _ dialect: Dialect, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard let ddl = try render(url, dialect, sourceLocation: sourceLocation) else { return }
        let file = "examples/\(name(url)).\(dialect.rawValue).sql"
        if let diff = Reference.mismatch(ddl, file: file) {
            Issue.record("the \(dialect.displayName) DDL of \(url.lastPathComponent) differs from reference/\(file):\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}
