import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The SQLite DDL of every example schema, compared with its reviewed reference file.
/// `SCHEMAGEN_RECORD=1` re-records; review the diff before committing it.
@Suite("SQL: SQLite reference DDL")
struct SQLiteReferenceTests {
    @Test("Each example's SQLite DDL matches reference/examples/<name>.sqlite.sql", arguments: ExampleDDL.files)
    func example(_ url: URL) throws {
        try ExampleDDL.check(url, .sqlite)
    }

    @Test("There are examples, and every one targeting SQLite has its reference file")
    func coverage() throws {
        #expect(ExampleDDL.files.count >= 9)
        for url in ExampleDDL.files where !Reference.recording {
            guard try ExampleDDL.render(url, .sqlite) != nil else { continue }
            let path = Fixtures.folder.appendingPathComponent("reference/examples/\(ExampleDDL.name(url)).sqlite.sql").path
            #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
        }
    }
}
