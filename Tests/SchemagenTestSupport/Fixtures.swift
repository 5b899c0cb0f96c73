import Foundation
import SchemagenCore

/// Where the test fixtures live, and how generated text is compared with the
/// committed reference files.
public enum Fixtures {
    /// The repository root, found from this source file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// The paths of the `.yaml` files of a fixture folder, sorted.
    public static func yamlFiles(in subfolder: String) -> [URL] {
        let dir = folder.appendingPathComponent(subfolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Compiles a schema file from disk, includes included, with paths shown relative to `Tests/Fixtures`.
    public static func compile(_ url: URL) -> CompiledSchema {
        let relative = String(url.path.dropFirst(folder.path.count + 1))
        return SchemaCompiler.compile(rootPath: relative, loader: FixtureLoader())
    }

    /// Compiles YAML text given inline (root file `schema.yaml`, plus other files by name).
    public static func compile(_ text: String, files: [String: String] = [:]) -> CompiledSchema {
        var all = files
        all["schema.yaml"] = text
        return SchemaCompiler.compile(rootPath: "schema.yaml", loader: InMemoryLoader(all))
    }

    /// The repository's own `schema.yaml` with its modules, read as the CLI reads it from the repository root.
    public static func compileRepositorySchema() -> CompiledSchema {
        SchemaCompiler.compile(rootPath: "schema.yaml", loader: RepositoryLoader())
    }

    /// The example schemas' file names (`01_basics.yaml`, ...), sorted.
    public static var exampleNames: [String] { yamlFiles(in: "examples").map(\.lastPathComponent) }

    struct RepositoryLoader: SchemaFileLoader {
        func load(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: repositoryRoot.appendingPathComponent(path).path) else { throw FixtureLoader.NotFound() }
            return [UInt8](data)
        }
    }

    struct FixtureLoader: SchemaFileLoader {
        func load(_ path: String) throws -> [UInt8] {
            let url = Fixtures.folder.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw NotFound()
            }
            return [UInt8](data)
        }

        struct NotFound: Error, CustomStringConvertible {
            var description: String { "no such file" }
        }
    }
}

/// Reference files: generated output committed under `Tests/Fixtures/reference`.
/// Run the tests with `SCHEMAGEN_RECORD=1` to write them anew, then review the diff.
public enum Reference {
    public static var recording: Bool { ProcessInfo.processInfo.environment["SCHEMAGEN_RECORD"] == "1" }

    /// nil when `actual` equals the reference file (or was just recorded); otherwise a unified diff.
    public static func mismatch(_ actual: String, file: String) -> String? {
        let url = Fixtures.folder.appendingPathComponent("reference").appendingPathComponent(file)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return nil }
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected else { return "reference file \(file) is missing; run the tests with SCHEMAGEN_RECORD=1 to record it" }
        return UnifiedDiff.diff(old: expected, new: actual, oldName: "reference/\(file)", newName: "generated")
    }
}
