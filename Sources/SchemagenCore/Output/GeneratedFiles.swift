/// One file of the `Generated/` folder: its path relative to that folder and its bytes.
public struct GeneratedFile: Equatable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Everything `schemagen generate` writes (migrations aside), as values.
/// `generate` writes this list and `check` compares it, so the two cannot disagree.
public enum GeneratedFiles {
    /// The DDL of each target, then the Swift records (`Swift/...`, see `SwiftGen.fileNames`).
    /// Swift naming problems are errors located through `sourceMap`; with errors the Swift
    /// files are left out, and the caller must not write anything. The up migrations of
    /// `migrations` (the folders under `Generated/migrations/`) are embedded in the Swift.
    /// `ddl: false` leaves the DDL out (`schemagen swift` writes the Swift files only).
    public static func render(_ schema: Schema, source: String, sourceMap: SourceMap,
                              configuration: SwiftConfiguration,
                              migrations: [MigrationDirectory] = [], ddl: Bool = true) -> (files: [GeneratedFile], diagnostics: Diagnostics) {
        var files: [GeneratedFile] = []
        for dialect in Dialect.allCases where ddl && schema.targets.contains(dialect) {
            files.append(GeneratedFile(path: "\(dialect.rawValue)/schema.sql",
                                       contents: DDL.script(for: schema, dialect: dialect, source: source)))
        }
        var embedded: [Dialect: [EmbeddedMigration]] = [:]
        for directory in migrations { embedded[directory.dialect] = directory.embedded }
        let swift = SwiftGen.render(schema, sourceMap: sourceMap, configuration: configuration, source: source,
                                    migrations: embedded)
        files.append(contentsOf: swift.files)
        return (files, swift.diagnostics)
    }

    /// The same with the default Swift configuration and no source locations (for callers that
    /// only have the model); the Swift files are missing when their names cannot be resolved.
    public static func render(_ schema: Schema, source: String) -> [GeneratedFile] {
        render(schema, source: source, sourceMap: SourceMap(), configuration: SwiftConfiguration()).files
    }
}
