import Foundation
@testable import SchemagenCore
import SchemagenTestSupport
import Testing

/// The generated Swift of every example schema goes through the compiler's type checker:
/// the plain records alone (Foundation only, as a user without GRDB compiles them), then
/// all four files against the GRDB and PostgresNIO modules of this package's build
/// (`.build/debug/Modules`, present after `swift build --build-tests`).
@Suite("Generated Swift compiles", .serialized)
struct SwiftCompileTests {
    static let examples = SwiftReferenceTests.examples

    @Test("The plain records of every example type-check with Foundation only", arguments: examples)
    func plainRecords(_ example: String) throws {
        let output = try SwiftReferenceTests.render(example)
        try Self.typecheck(output.files.filter { !$0.path.contains("+") }, name: example, modules: false)
    }

    @Test("Every example's records type-check with their GRDB and PostgresNIO integrations", arguments: examples)
    func integrations(_ example: String) throws {
        let output = try SwiftReferenceTests.render(example)
        try Self.typecheck(output.files, name: example, modules: true)
    }

    @Test("Every example's records type-check with the first migration of each target embedded", arguments: examples)
    func embeddedMigrations(_ example: String) throws {
        let compiled = Fixtures.compile(Fixtures.folder.appendingPathComponent("examples/\(example).yaml"))
        let schema = try #require(compiled.schema)
        var migrations: [Dialect: [EmbeddedMigration]] = [:]
        for dialect in Dialect.allCases where schema.targets.contains(dialect) {
            guard case .written(let files, _) = MigrationDirectory(dialect: dialect, files: [:])
                .migrate(to: schema, name: "init", allowDestructive: false, source: "\(example).yaml") else {
                Issue.record("\(example): no first migration for \(dialect)")
                return
            }
            migrations[dialect] = MigrationDirectory(dialect: dialect, files: files).embedded
        }
        let output = SwiftGen.render(schema, sourceMap: compiled.sourceMap, configuration: SwiftReferenceTests.configuration,
                                     source: "\(example).yaml", migrations: migrations)
        try Self.typecheck(output.files, name: "\(example)-migrations", modules: true)
    }

    /// The literals that carry SQL into Swift hold it byte for byte: compiled, run, and the bytes compared.
    @Test("String literals of embedded SQL hold every text exactly (raw multi-line where it can, escaped where not)")
    func literalsRoundTrip() throws {
        let texts = [
            "CREATE TABLE t (x INT);",
            "line one\n\n    indented\n\ttabbed\nlast\n",
            "quotes \"\"\" and \"\"\"# and \"## and \\# and \\(x) and #\"\"\"",
            "trailing space \nnext",
            "trailing tab\t",
            "carriage\r\nreturn",
            "control \u{1}\u{7F}\u{85} and \u{2028} separators",
            "unicode: Größe 🎉 ✓ 'x''y' $$body$$ -- c",
            "",
            "\n",
        ]
        var w = SwiftWriter()
        w.line("let values: [Swift.String] = [")
        w.indented { w in
            for text in texts { w.stringLiteral(text, prefix: "", suffix: ",") }
        }
        w.line("]")
        w.line("for value in values { print(value.utf8.map { Swift.String($0) }.joined(separator: \" \")) }")
        let raw = texts.filter { SwiftIdentifiers.rawMultilineHashes($0) != nil }.count
        #expect(raw >= 5 && raw < texts.count, "both literal forms are exercised")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-literals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("main.swift"), binary = folder.appendingPathComponent("main")
        try Data(w.text.utf8).write(to: source)
        let (status, output) = try Self.run(try Self.swiftc(), ["-swift-version", "6", "-o", binary.path, source.path])
        try #require(status == 0, "swiftc failed:\n\(output)\n\(w.text)")
        let (runStatus, printed) = try Self.run(binary.path, [])
        #expect(runStatus == 0)
        let expected = texts.map { $0.utf8.map { String($0) }.joined(separator: " ") + "\n" }.joined()
        #expect(printed == expected, "\(w.text)")
    }

    @Test("Keywords, odd labels, custom types and internal access compile too")
    func tortureSchema() throws {
        let compiled = Fixtures.compile("""
            schemagen: 1
            enums:
              size: [small, default, "order", "x-large", "Größe", "2xl", "self", "allCases", "🎉", "Type"]
            tables:
              items:
                columns:
                  id: { type: serial, primary_key: true }
                  default: int
                  class: text?
                  self: int
                  type: text
                  actor: text
                  size: { type: size, default: default }
                  sizes: { type: "[size]", default: [small, "x-large"] }
                  stamps: "[timestamp]?"
                  locals: "[datetime]"
                  times: "[time]"
                  days: "[date]"
                  amounts: "[decimal(8,2)]"
                  blobs: "[bytes]"
                  seconds: "[unixtime]"
                  flags: "[bool]"
                  ratios: "[real]"
                  when: time
                  raw: { type: { sqlite: TEXT, postgres: "VARCHAR(7)", swift: String }, default: "#ffffff" }
                  list: { type: { sqlite: TEXT, postgres: "TEXT[]", swift: "[String]" }, nullable: true }
                  computed: { type: int, generated: { expr: "1 + 2", stored: true } }
              data: { columns: { key: bigint }, primary_key: [key] }
              flags:
                columns:
                  sql: { type: text, primary_key: true }
                  "on": bool
                  logger: text
                  on_value: text
                  db: int
                indexes:
                  - { columns: ["on", logger, on_value, db], unique: true }
                  - { columns: [logger], unique: true }
            """)
        let schema = try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))")
        for access in SwiftConfiguration.AccessModifier.allCases {
            let configuration = SwiftConfiguration(accessModifier: access, integrations: Set(SwiftConfiguration.Integration.allCases))
            let output = SwiftGen.render(schema, sourceMap: compiled.sourceMap, configuration: configuration, source: "schema.yaml")
            #expect(!output.diagnostics.hasErrors, "\(output.diagnostics.sorted.map(\.description))")
            try Self.typecheck(output.files, name: "torture-\(access.rawValue)", modules: true)
            // Key columns named like the lookups' own labels get `Value` (then a number), alike in both files.
            let grdb = try #require(output.files.first { $0.path.hasSuffix("+GRDB.swift") }).contents
            let postgres = try #require(output.files.first { $0.path.hasSuffix("+PostgresNIO.swift") }).contents
            #expect(grdb.contains("static func fetchOne(_ database: GRDB.Database, onValue2: Swift.Bool, loggerValue: Swift.String, onValue: Swift.String, db: Swift.Int32) throws -> Self?"))
            #expect(grdb.contains("static func fetchOne(_ db: GRDB.Database, sqlValue: Swift.String) throws -> Self?"))
            #expect(grdb.contains("static func fetchOne(_ db: GRDB.Database, keyValue: Swift.Int64) throws -> Self?"))
            #expect(postgres.contains("static func postgresFind(onValue2 key0: Swift.Bool, loggerValue key1: Swift.String, onValue key2: Swift.String, db key3: Swift.Int32, on database:"))
            #expect(postgres.contains("static func postgresDelete(sqlValue key0: Swift.String, on database:"))
        }
    }

    // MARK: Running swiftc

    static func typecheck(_ files: [GeneratedFile], name: String, modules: Bool,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-swift-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.path.split(separator: "/").last.map(String.init) ?? file.path)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        // A package name, as SwiftPM passes one, so that `accessModifier: package` compiles.
        var arguments = ["-typecheck", "-swift-version", "6", "-package-name", "schemagen_compile_test"]
        if modules { arguments += try moduleArguments() }
        let (status, output) = try run(try swiftc(), arguments + paths)
        #expect(status == 0, "\(name): swiftc -typecheck failed:\n\(output)", sourceLocation: sourceLocation)
    }

    /// `-I` for the package's built Swift modules and a module map for every C module they import.
    static func moduleArguments() throws -> [String] {
        let build = Fixtures.repositoryRoot.appendingPathComponent(".build")
        let debug = build.appendingPathComponent("debug").resolvingSymlinksInPath()
        let modules = debug.appendingPathComponent("Modules")
        for module in ["GRDB", "PostgresNIO"] where !FileManager.default.fileExists(atPath: modules.appendingPathComponent("\(module).swiftmodule").path) {
            throw CompileTestError("\(modules.path) has no \(module).swiftmodule: run `swift build --build-tests` first")
        }
        var maps: [String] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: debug.path)) ?? [] where entry.hasSuffix(".build") {
            let map = debug.appendingPathComponent(entry).appendingPathComponent("module.modulemap")
            if FileManager.default.fileExists(atPath: map.path) { maps.append(map.path) }
        }
        let checkouts = build.appendingPathComponent("checkouts")
        let skipped = ["Benchmarks", "SQLCipher", "SQLiteCustom", "GRDB.swift/Support/"]
        if let walker = FileManager.default.enumerator(atPath: checkouts.path) {
            for case let path as String in walker where path.hasSuffix("/module.modulemap") && !skipped.contains(where: path.contains) {
                maps.append(checkouts.appendingPathComponent(path).path)
            }
        }
        return ["-I", modules.path] + maps.sorted().flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] }
    }

    static func swiftc() throws -> String {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let toolchain = env["SCHEMAGEN_SWIFTC"] { candidates.append(toolchain) }
        for dir in (env["PATH"] ?? "/usr/bin").split(separator: ":") { candidates.append(dir + "/swiftc") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CompileTestError("swiftc not found on the PATH (or set SCHEMAGEN_SWIFTC)")
        }
        return found
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

struct CompileTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
