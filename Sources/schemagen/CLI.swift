import ArgumentParser
import Foundation
import SchemagenCore

/// The I/O around the core: reading schema files, printing diagnostics, writing files atomically.
enum CLI {
    /// Phase timings of this run, printed as `BENCH_PHASES {...}` on stderr when
    /// SCHEMAGEN_PHASES=1 (the benchmark kit reads that line).
    nonisolated(unsafe) static var phases: [(phase: String, seconds: Double)] = []

    /// Reads, decodes and validates; prints diagnostics; exits 2 on errors.
    static func compile(_ path: String) throws -> Schema {
        let result = SchemaCompiler.compile(rootPath: path, loader: DiskLoader())
        phases = result.timings
        for diagnostic in result.diagnostics.sorted { printError(diagnostic.description) }
        guard let schema = result.schema else {
            let count = result.diagnostics.errors.count
            printError("\(count) error\(count == 1 ? "" : "s"); nothing was written.")
            throw ExitCode(2)
        }
        return schema
    }

    /// The schema path as written in generated headers: the file name only, so output never depends on the machine.
    static func displayName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The files of a folder (not recursive) as name → text; empty when it does not exist.
    static func readFolder(_ path: String) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        var out: [String: String] = [:]
        for name in names where !name.hasPrefix(".") {
            if let text = try? String(contentsOfFile: path + "/" + name, encoding: .utf8) { out[name] = text }
        }
        return out
    }

    /// Exits at once after a successful command: freeing a model of thousands
    /// of tables takes longer than building its output, and the OS frees it anyway.
    static func finish() -> Never {
        if ProcessInfo.processInfo.environment["SCHEMAGEN_PHASES"] == "1" {
            let fields = phases.map { "\"\($0.phase)\": \(($0.seconds * 1e6).rounded() / 1e6)" }.joined(separator: ", ")
            printError("BENCH_PHASES {\(fields)}")
        }
        exit(0)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes the text's own UTF-8 storage: a DDL script is megabytes, and `Data(text.utf8)` would copy it.
    static func writeStandardOutput(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
    }

    /// Writes through a temporary file in the same folder and a rename, so a
    /// reader never sees half a file; leaves the file alone when its bytes are unchanged.
    static func writeIfChanged(_ text: String, to path: String) throws {
        let data = Data(text.utf8)
        if let current = FileManager.default.contents(atPath: path), current == data { return }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try data.write(to: temp)
        if rename(temp.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temp)
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads schema files from disk for the core.
struct DiskLoader: SchemaFileLoader {
    func load(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("no such file")
        }
        if isDirectory.boolValue { throw CLIError("it is a folder") }
        guard let bytes = DiskLoader.read(path) else {
            throw CLIError("permission denied or unreadable")
        }
        return bytes
    }

    /// The file's bytes, read straight into the array (no `Data` and second copy in between); nil on any failure.
    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var info = stat()
        let size = fstat(fileno(file), &info) == 0 ? max(Int(info.st_size), 0) : 0
        /// Up to `count` more bytes; fewer at the end of the file.
        func next(_ count: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = fread(buffer.baseAddress!, 1, count, file)
            }
        }
        // One byte more than the size, to reach the end in one read; a file that grew is read on.
        var requested = size + 1
        var bytes = next(requested)
        var last = bytes.count
        while last == requested {
            requested = 1 << 16
            let more = next(requested)
            bytes += more
            last = more.count
        }
        return ferror(file) != 0 ? nil : bytes
    }
}
