import Foundation
import SchemagenTestSupport
import Testing

/// The command line's own I/O failures, through the built executable: one clean line naming the
/// path and the system's real reason, never a Foundation error dump.
///
/// Reading: a schema that cannot be read is a diagnostic at `path:1:1` (exit 2, as any invalid
/// input). Writing: `error: cannot write 'PATH': REASON` (exit 1). The reasons are ones root meets
/// too (CI runs as root, which reads files whatever their permission bits): a folder where a file
/// is expected, a file where a folder is expected, a missing file. Permission denied is tested
/// only when not running as root, where it can happen.
@Suite("Command line: I/O errors")
struct IOErrorTests {
    /// A valid schema (the one the `schemagen swift` tests use): only the I/O can fail.
    static let schema = SwiftCommandTests.schema

    /// Exit 1, exactly one line on stderr, nothing on stdout.
    static func expectOneLine(_ result: CommandLineProject.Result, _ line: String) {
        #expect(result.status == 1, "exit \(result.status); stderr:\n\(result.stderr)")
        #expect(result.stderr == line + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("An output folder that is a file: exit 1, one line naming the path and saying it is a file")
    func outputIsAFile() throws {
        let project = try CommandLineProject(schema: Self.schema)
        try project.write("Generated", "not a folder\n")
        Self.expectOneLine(try project.run("generate"),
                           "error: cannot write 'Generated/sqlite/schema.sql': 'Generated' is a file, not a folder")
        #expect(project.read("Generated") == "not a folder\n")

        try project.write("out", "")
        Self.expectOneLine(try project.run("swift", "--schema", "schema.yaml", "--output", "out/records"),
                           "error: cannot write 'out/records/Records.swift': 'out' is a file, not a folder")
    }

    @Test("An output file that is a folder: exit 1, one line saying it is a folder")
    func outputFileIsAFolder() throws {
        let project = try CommandLineProject(schema: Self.schema)
        try FileManager.default.createDirectory(at: project.url("out/Records.swift"), withIntermediateDirectories: true)
        Self.expectOneLine(try project.run("swift", "--schema", "schema.yaml", "--output", "out"),
                           "error: cannot write 'out/Records.swift': it is a folder")
        // The temporary file of the failed rename is gone.
        let left = try FileManager.default.contentsOfDirectory(atPath: project.url("out").path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// The schema path, and the diagnostic's first line for it.
    static let unreadable: [(path: String, line: String)] = [
        ("missing.yaml", "missing.yaml:1:1: error: cannot read 'missing.yaml': no such file"),
        ("folder", "folder:1:1: error: cannot read 'folder': it is a folder"),
        ("schema.yaml/inner.yaml", "schema.yaml/inner.yaml:1:1: error: cannot read 'schema.yaml/inner.yaml': not a directory"),
    ]

    @Test("A schema that cannot be read: exit 2, the path and the real reason", arguments: unreadable.indices)
    func unreadableSchema(_ i: Int) throws {
        let project = try CommandLineProject(schema: Self.schema)
        try FileManager.default.createDirectory(at: project.url("folder"), withIntermediateDirectories: true)
        let result = try project.run("sql", Self.unreadable[i].path, "--dialect", "sqlite")
        #expect(result.status == 2)
        #expect(result.stderr == Self.unreadable[i].line + "\n1 error; nothing was written.\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("A schema without read permission says so (not as root, who may read it anyway)",
          .enabled(if: geteuid() != 0, "root reads files whatever their permission bits"))
    func permissionDenied() throws {
        let project = try CommandLineProject(schema: Self.schema)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: project.url("schema.yaml").path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: project.url("schema.yaml").path) }
        let result = try project.run("sql", "schema.yaml", "--dialect", "sqlite")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("schema.yaml:1:1: error: cannot read 'schema.yaml': permission denied\n"), "stderr:\n\(result.stderr)")
    }
}
