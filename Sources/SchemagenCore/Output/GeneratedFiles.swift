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
    public static func render(_ schema: Schema, source: String) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for dialect in Dialect.allCases where schema.targets.contains(dialect) {
            files.append(GeneratedFile(path: "\(dialect.rawValue)/schema.sql",
                                       contents: DDL.script(for: schema, dialect: dialect, source: source)))
        }
        return files
    }
}
