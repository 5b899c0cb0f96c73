/// Gives the front end the bytes of schema files. The core never touches the
/// disk: the CLI passes a loader that reads files, tests pass one over a dictionary.
public protocol SchemaFileLoader {
    /// The bytes of the file at `path` (a path as built by `SchemaPath.join`).
    /// Throw an error whose description says why it could not be read.
    func load(_ path: String) throws -> [UInt8]
}

/// A loader over in-memory files, for tests and for fuzzing.
public struct InMemoryLoader: SchemaFileLoader, Sendable {
    public var files: [String: String]

    public init(_ files: [String: String]) { self.files = files }

    public struct NotFound: Error, CustomStringConvertible {
        public var description: String { "no such file" }
    }

    public func load(_ path: String) throws -> [UInt8] {
        guard let text = files[path] else { throw NotFound() }
        return Array(text.utf8)
    }
}

/// Lexical path arithmetic for `include:` (no file system access).
public enum SchemaPath {
    /// Resolves `relative` against the folder of `base`, normalizing `.` and `..`.
    public static func join(base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        let folder: String
        if let slash = base.lastIndex(of: "/") {
            folder = String(base[...slash])
        } else {
            folder = ""
        }
        return normalize(folder + relative)
    }

    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
