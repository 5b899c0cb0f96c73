import Foundation
import SchemagenTestSupport
import Testing

/// A throwaway project folder in which the built `schemagen` executable runs as a
/// subprocess, the way a user runs it: files in, exit status, stdout and stderr out.
final class CommandLineProject {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let folder: URL

    init(schema: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let schema { try write("schema.yaml", schema) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The built executable (see `InvalidCorpusTests.executable`).
    static var executable: URL? { InvalidCorpusTests.executable }

    func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let u = url(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: u, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) -> String? { try? String(contentsOf: url(path), encoding: .utf8) }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Every file under the folder (relative path → contents), the subprocess's own output files excluded.
    func snapshot() -> [String: String] {
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
    func migrationFiles(_ dialect: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url("Generated/migrations/\(dialect)").path)) ?? []).sorted()
    }

    /// Runs `schemagen arguments...` in the folder. Output goes through files, not pipes,
    /// so nothing blocks however much the child writes.
    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let binary = try #require(Self.executable, "the schemagen executable is not built; run `swift build`")
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
