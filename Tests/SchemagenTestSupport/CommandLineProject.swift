import Foundation

/// A throwaway project folder in which the built `schemagen` executable runs as a
/// subprocess, the way a user runs it: files in, exit status, stdout and stderr out.
/// Shared by the test targets that run the binary (SchemagenCoreTests, SchemagenInspectTests).
public final class CommandLineProject {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let folder: URL

    public init(schema: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let schema { try write("schema.yaml", schema) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The built `schemagen` executable: beside the test bundle, or in .build/debug; nil when it is not built.
    public static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("schemagen"),
            Bundle.main.bundleURL.appendingPathComponent("schemagen"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("schemagen"),
            Fixtures.repositoryRoot.appendingPathComponent(".build/debug/schemagen"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Thrown by `run` when the executable is not built.
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "the schemagen executable is not built; run `swift build`" }
    }

    public func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    public func write(_ path: String, _ text: String) throws {
        let u = url(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: u, atomically: true, encoding: .utf8)
    }

    public func read(_ path: String) -> String? { try? String(contentsOf: url(path), encoding: .utf8) }

    public func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Every file under the folder (relative path → contents), the subprocess's own output files excluded.
    public func snapshot() -> [String: String] {
        var out: [String: String] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let u as URL in e {
            guard (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = u.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : u.lastPathComponent
            out[relative] = (try? String(contentsOf: u, encoding: .utf8)) ?? "<binary>"
        }
        return out
    }

    /// The names of the files of one migration folder, sorted.
    public func migrationFiles(_ dialect: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url("Generated/migrations/\(dialect)").path)) ?? []).sorted()
    }

    /// Runs `schemagen arguments...` in the folder. Output goes through files, not pipes,
    /// so nothing blocks however much the child writes.
    @discardableResult
    public func run(_ arguments: String...) throws -> Result { try run(arguments) }

    @discardableResult
    public func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        try Self.execute(arguments, in: folder, environment: environment)
    }

    /// Runs the built `schemagen` in `folder` (the process's environment unless one is given).
    public static func execute(_ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Result {
        guard let binary = executable else { throw NotBuilt() }
        let io = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-cli-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: io) }
        let outURL = io.appendingPathComponent("stdout"), errURL = io.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
