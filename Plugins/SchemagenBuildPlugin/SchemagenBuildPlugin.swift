import Foundation
import PackagePlugin

/// Generates a target's Swift records from the `schema.yaml` in its folder, at build time.
///
/// Thin on purpose: it finds the files and runs `schemagen swift` (all logic is in the CLI and
/// SchemagenCore). It is a build command, not a prebuild command, so SwiftPM runs it only when
/// an input changed: the inputs are the schema, its configuration and every `.yaml` under the
/// target's folder (a plugin cannot read the schema's `include:` list); the outputs are the four
/// fixed files, written into the plugin's work folder, never into the package's sources.
///
/// A `migrations/` folder beside the schema (`schemagen migrate NAME --schema <target>/schema.yaml
/// --output <target> --only-migrations` writes it) is passed on, and its files are inputs too: the
/// records then embed its up migrations (`SQLiteMigrations`, `PostgresMigrations`).
@main
struct SchemagenBuildPlugin: BuildToolPlugin {
    /// The fixed outputs of `schemagen swift` (`SwiftGen.fileNames` in SchemagenCore; a plugin cannot import it).
    static let outputNames = ["Records.swift", "Enums.swift", "Records+GRDB.swift", "Records+PostgresNIO.swift"]
    static let schemaName = "schema.yaml"
    static let configName = "schemagen-config.yaml"

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget, let folder = (target as? PathFolder)?.folderURL else { return [] }
        let yamlFiles = Self.yamlFiles(under: folder)
        let schemas = yamlFiles.filter { $0.lastPathComponent == Self.schemaName }
        guard schemas.count == 1, let schema = schemas.first else {
            let problem = schemas.isEmpty
                ? "no \(Self.schemaName) in its folder \(folder.path)"
                : "\(schemas.count) schemas (\(schemas.map(\.path).joined(separator: ", "))); it takes exactly one \(Self.schemaName)"
            try Self.fail("target '\(target.name)' uses SchemagenBuildPlugin but has \(problem)")
        }
        for file in module.sourceFiles(withSuffix: "swift") where Self.outputNames.contains(file.url.lastPathComponent) {
            try Self.fail("target '\(target.name)' compiles \(file.url.path) itself, but SchemagenBuildPlugin generates a file of that name: "
                + "a target gets its records either from the plugin or from committed Generated/Swift files, never both; remove one",
                file: file.url)
        }
        let config = schema.deletingLastPathComponent().appendingPathComponent(Self.configName)
        for file in yamlFiles where !FileManager.default.isReadableFile(atPath: file.path) {
            try Self.fail("cannot read \(file.path) (target '\(target.name)'): it is a broken link or not readable", file: file)
        }

        let output = context.pluginWorkDirectoryURL
        var arguments = ["swift", "--schema", schema.path, "--output", output.path]
        if yamlFiles.contains(config) { arguments += ["--config", config.path] }
        let migrations = schema.deletingLastPathComponent().appendingPathComponent("migrations")
        let migrationFiles = Self.files(under: migrations) { _ in true }
        if !migrationFiles.isEmpty { arguments += ["--migrations", migrations.path] }
        return [
            .buildCommand(
                displayName: "schemagen: Swift records of target '\(target.name)' from \(Self.schemaName)",
                executable: try context.tool(named: "schemagen-offline").url,
                arguments: arguments,
                inputFiles: yamlFiles + migrationFiles,
                outputFiles: Self.outputNames.map { output.appendingPathComponent($0) }
            )
        ]
    }

    /// Every `.yaml`/`.yml` file under the folder, hidden files and folders skipped, sorted.
    static func yamlFiles(under folder: URL) -> [URL] {
        files(under: folder) { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
    }

    /// The regular files under the folder that `include` accepts, hidden files and folders skipped, sorted;
    /// none when the folder does not exist.
    static func files(under folder: URL, _ include: (URL) -> Bool) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        var files: [URL] = []
        for case let url as URL in walker where include(url) && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url.standardizedFileURL)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Reports the error at the file (when there is one) and stops the build.
    static func fail(_ message: String, file: URL? = nil) throws -> Never {
        Diagnostics.error(message, file: file?.path, line: nil)
        throw PluginFailure()
    }

    /// Thrown after the diagnostic is reported, so SwiftPM stops the build without printing the message twice.
    struct PluginFailure: Error, CustomStringConvertible {
        var description: String { "SchemagenBuildPlugin failed (see the error above)" }
    }
}

/// Tools 6.0 give a target's folder as a `Path` only (`directoryURL` needs 6.1); read through this
/// protocol, it does not raise a deprecation warning in every build of the package.
protocol PathFolder { var directory: Path { get } }
extension SwiftSourceModuleTarget: PathFolder {}
extension ClangSourceModuleTarget: PathFolder {}
extension PathFolder {
    var folderURL: URL { URL(fileURLWithPath: String(describing: directory), isDirectory: true) }
}
