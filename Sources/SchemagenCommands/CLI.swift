import ArgumentParser
import Foundation
import SchemagenCore

/// The I/O around the core: reading schema files, printing diagnostics, writing files atomically.
public enum CLI {
    /// Phase timings of this run, printed as `BENCH_PHASES {...}` on stderr when
    /// SCHEMAGEN_PHASES=1 (the benchmark kit reads that line).
    nonisolated(unsafe) static var phases: [(phase: String, seconds: Double)] = []

    /// Reads, decodes and validates; prints diagnostics; exits 2 on errors.
    public static func compile(_ path: String) throws -> Schema {
        try report(SchemaCompiler.compile(rootPath: path, loader: DiskLoader()))
    }

    /// Compiles several schemas at once (side by side); prints every file's diagnostics, in the
    /// order of `paths`, and exits 2 when any has errors.
    public static func compile(_ paths: [String]) throws -> [Schema] {
        var schemas: [Schema] = []
        var failed = false
        for result in SchemaCompiler.compile(rootPaths: paths, loader: DiskLoader()) {
            do { schemas.append(try report(result)) } catch { failed = true }
        }
        if failed { throw ExitCode(2) }
        return schemas
    }

    /// Prints a compiled schema's diagnostics; throws exit code 2 when it has errors.
    private static func report(_ result: CompiledSchema) throws -> Schema {
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
    public static func displayName(_ path: String) -> String {
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
    public static func finish() -> Never {
        if ProcessInfo.processInfo.environment["SCHEMAGEN_PHASES"] == "1" {
            let fields = phases.map { "\"\($0.phase)\": \(($0.seconds * 1e6).rounded() / 1e6)" }.joined(separator: ", ")
            printError("BENCH_PHASES {\(fields)}")
        }
        exit(0)
    }

    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes the text's own UTF-8 storage: a DDL script is megabytes, and `Data(text.utf8)` would copy it.
    public static func writeStandardOutput(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
    }

    /// Writes through a temporary file in the same folder and a rename, so a
    /// reader never sees half a file; leaves the file alone when its bytes are unchanged.
    /// Fails with one line naming the path and the system's reason (`CLIError`).
    /// Works on the text's own UTF-8 storage: generated files run to tens of megabytes.
    public static func writeIfChanged(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { bytes in
            if holds(path, bytes) { return }
            let folder = (path as NSString).deletingLastPathComponent
            try makeFolders(folder.isEmpty ? "." : folder, for: path)
            let temp = (folder.isEmpty ? "" : folder + "/") + ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
            if let code = write(bytes, toNewFile: temp) ?? (rename(temp, path) == 0 ? nil : errno) {
                unlink(temp)
                throw CLIError.io("cannot write", path, code)
            }
        }
    }

    /// Whether the file at `path` holds exactly `bytes`: its size is compared first, so a changed
    /// file is seldom read, and then its contents mapped into memory and compared in place (reading
    /// a generated file of tens of megabytes into a buffer first was a copy as long as the compare).
    /// The tool replaces files by rename and never truncates one in place, so a mapping of the
    /// file it compares cannot shrink under it.
    static func holds(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard let mapped = mmap(nil, bytes.count, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return false }
        defer { munmap(mapped, bytes.count) }
        return memcmp(mapped, bytes.baseAddress!, bytes.count) == 0
    }

    /// Writes the bytes to a file (created or truncated) and closes it: the `errno` of the first
    /// failure, or nil. A full disk may only show when the file is closed.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, toNewFile path: String) -> Int32? {
        guard let file = fopen(path, "wb") else { return errno }
        let written = bytes.isEmpty ? 0 : fwrite(bytes.baseAddress, 1, bytes.count, file)
        let writeError = written == bytes.count ? nil : errno
        let closeError = fclose(file) == 0 ? nil : errno
        return writeError ?? closeError
    }

    /// Creates `folder` and its missing parents. A parent that is a file (an output folder given as
    /// a file's path) is named as such; any other failure names the folder and the system's reason.
    static func makeFolders(_ folder: String, for path: String) throws {
        var info = stat()
        if stat(folder, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw CLIError.io("cannot write", path, ENOTDIR, because: "'\(folder)' is a file, not a folder")
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try makeFolders(parent, for: path) }
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw CLIError.io("cannot create the folder", folder, errno) }
    }
}

/// A failure of the command line's own I/O, printed as one line: `error: <description>`, exit 1.
public struct CLIError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }

    /// `<action> '<path>': <reason>`, the reason from `errno` unless given.
    static func io(_ action: String, _ path: String, _ code: Int32, because reason: String? = nil) -> CLIError {
        CLIError("\(action) '\(path)': \(reason ?? Self.reason(code))")
    }

    /// The system's message for an `errno` value, in the diagnostics' lower case
    /// ("no such file", "permission denied", "it is a folder", ...).
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EISDIR: return "it is a folder"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}

/// Reads schema files from disk for the core.
struct DiskLoader: SchemaFileLoader, Sendable {
    /// Throws a `CLIError` whose text is the reason only (the core names the path): no such
    /// file, permission denied, it is a folder, or whatever else the system says.
    func load(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw CLIError(CLIError.reason(errno)) }
        defer { fclose(file) }
        var info = stat()
        if fstat(fileno(file), &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw CLIError(CLIError.reason(EISDIR)) }
        guard let bytes = DiskLoader.read(file) else { throw CLIError(CLIError.reason(errno)) }
        return bytes
    }

    /// The bytes of an open file, read straight into the array (no `Data` and second copy in between);
    /// nil on a read error (`errno` says which).
    static func read(_ file: UnsafeMutablePointer<FILE>) -> [UInt8]? {
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
