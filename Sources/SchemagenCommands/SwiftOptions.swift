import ArgumentParser
import Foundation
import SchemagenCore

/// The Swift generator's configuration file, for the commands that render `Generated/`.
public struct SwiftOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: "The Swift generator's configuration (default: schemagen-config.yaml beside the schema, when it exists).")
    public var config: String?
}

extension CLI {
    /// Compiles the schema, reads the configuration and renders every generated file; prints
    /// diagnostics and exits 2 when the schema, the configuration or the Swift names are invalid.
    /// `migrations` gives the migration folders whose up migrations the Swift embeds: those on
    /// disk (`generate`, `check`), or those `migrate` is about to write; it may throw (a refusal).
    /// `ddl: false` renders the Swift files only.
    static func renderGeneratedFiles(schemaPath: String, options: SwiftOptions, ddl: Bool = true,
                                     migrations: (Schema) throws -> [MigrationDirectory]) throws -> (Schema, [GeneratedFile]) {
        let compiled = SchemaCompiler.compile(rootPath: schemaPath, loader: DiskLoader())
        var diagnostics = compiled.diagnostics
        let configuration = loadSwiftConfiguration(schemaPath: schemaPath, explicit: options.config, diagnostics: &diagnostics)
        var files: [GeneratedFile] = []
        if let schema = compiled.schema, let configuration {
            let directories: [MigrationDirectory]
            do {
                directories = try migrations(schema)
            } catch {
                for diagnostic in diagnostics.sorted { printError(diagnostic.description) }
                throw error
            }
            let rendered = GeneratedFiles.render(schema, source: displayName(schemaPath), sourceMap: compiled.sourceMap,
                                                 configuration: configuration, migrations: directories, ddl: ddl)
            diagnostics.append(contentsOf: rendered.diagnostics)
            files = rendered.files
        }
        for diagnostic in diagnostics.sorted { printError(diagnostic.description) }
        guard let schema = compiled.schema, configuration != nil, !diagnostics.hasErrors else {
            let count = max(1, diagnostics.errors.count)
            printError("\(count) error\(count == 1 ? "" : "s"); nothing was written.")
            throw ExitCode(2)
        }
        return (schema, files)
    }

    /// The migration folders `<folder>/sqlite` and `<folder>/postgres` of the schema's targets, as they
    /// are on disk (a missing folder is an empty one).
    static func migrationDirectories(in folder: String, for schema: Schema) -> [MigrationDirectory] {
        Dialect.allCases.filter(schema.targets.contains).map { dialect in
            MigrationDirectory(dialect: dialect, files: readFolder(folder + "/" + dialect.rawValue))
        }
    }

    /// The configuration: the `--config` file (which must exist), else `schemagen-config.yaml`
    /// beside the schema when there is one, else the defaults. Nil after an error.
    static func loadSwiftConfiguration(schemaPath: String, explicit: String?, diagnostics: inout Diagnostics) -> SwiftConfiguration? {
        let path: String
        if let explicit {
            path = explicit
        } else {
            let folder = (schemaPath as NSString).deletingLastPathComponent
            let candidate = folder.isEmpty ? SwiftConfiguration.defaultFileName : folder + "/" + SwiftConfiguration.defaultFileName
            guard FileManager.default.fileExists(atPath: candidate) else { return SwiftConfiguration() }
            path = candidate
        }
        let bytes: [UInt8]
        do {
            bytes = try DiskLoader().load(path)
        } catch {
            diagnostics.error("cannot read the configuration \(path): \(error)", at: nil)
            return nil
        }
        let parsed = SwiftConfiguration.parse(bytes, file: path)
        diagnostics.append(contentsOf: parsed.diagnostics)
        return parsed.configuration
    }
}
