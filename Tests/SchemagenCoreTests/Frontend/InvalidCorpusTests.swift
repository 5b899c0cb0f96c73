import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The invalid-schema corpus: every file of `Tests/Fixtures/invalid/*.yaml` must be
/// rejected with exactly the diagnostics of the `.expected` file beside it (one
/// `path:line:column: severity: message` line each, sorted as the CLI prints them).
///
/// Run with `SCHEMAGEN_RECORD=1` to (re)write the `.expected` files, then read every
/// changed line: the place must be the offending key or value, the message specific.
/// Files under `invalid/includes/` are only included by corpus entries.
@Suite("Invalid-schema corpus")
struct InvalidCorpusTests {
    static let files = Fixtures.yamlFiles(in: "invalid")

    static func expectedURL(_ url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("expected")
    }

    static func expectedText(_ url: URL) -> String? {
        (try? String(contentsOf: expectedURL(url), encoding: .utf8)).map(trimmed)
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("The corpus has at least 60 entries, each with its .expected file")
    func corpusSize() {
        #expect(Self.files.count >= 60, "only \(Self.files.count) invalid schemas in Tests/Fixtures/invalid")
        for url in Self.files where !Reference.recording {
            #expect(Self.expectedText(url) != nil, "\(url.lastPathComponent) has no .expected file")
        }
    }

    @Test("Each invalid schema is rejected with exactly its expected diagnostics", arguments: files)
    func diagnostics(_ url: URL) throws {
        let result = Fixtures.compile(url)
        #expect(result.schema == nil, "\(url.lastPathComponent) was accepted")
        let actual = result.diagnostics.sorted.map(\.description).joined(separator: "\n")
        #expect(result.diagnostics.hasErrors, "\(url.lastPathComponent) produced no error:\n\(actual)")
        if Reference.recording {
            try (actual + "\n").write(to: Self.expectedURL(url), atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(Self.expectedText(url), "missing \(Self.expectedURL(url).lastPathComponent); run the tests with SCHEMAGEN_RECORD=1 to record it")
        #expect(Self.trimmed(actual) == expected)
    }

    /// The built `schemagen` executable: beside the test bundle (the same build
    /// folder, whatever the configuration), else the repository's `.build/debug`.
    static var executable: URL? { CommandLineProject.executable }

    @Test("`schemagen sql` exits 2 with the diagnostics on stderr and nothing on stdout", arguments: files)
    func commandLine(_ url: URL) throws {
        _ = try #require(Self.executable, "the schemagen executable is not built; run `swift build`")
        guard let expected = Self.expectedText(url), let firstLine = expected.split(separator: "\n").first else {
            // Recording, or a missing .expected file (reported by the other tests).
            return
        }
        let relative = String(url.path.dropFirst(Fixtures.folder.path.count + 1))
        let result = try CommandLineProject.execute(["sql", relative, "--dialect", "postgres"], in: Fixtures.folder)
        let errors = result.stderr
        #expect(result.status == 2, "exit status \(result.status); stderr:\n\(errors)")
        #expect(result.stdout.isEmpty, "stdout is not empty: \(result.stdout)")
        #expect(errors.contains(String(firstLine)), "stderr lacks \(firstLine):\n\(errors)")
    }
}
