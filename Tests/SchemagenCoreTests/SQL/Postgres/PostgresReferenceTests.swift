import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The PostgreSQL DDL of every example schema, compared with its reviewed reference file.
/// `SCHEMAGEN_RECORD=1` re-records; review the diff before committing it.
@Suite("SQL: PostgreSQL reference DDL")
struct PostgresReferenceTests {
    @Test("Each example's PostgreSQL DDL matches reference/examples/<name>.postgres.sql", arguments: ExampleDDL.files)
    func example(_ url: URL) throws {
        try ExampleDDL.check(url, .postgres)
    }

    @Test("Every example targeting PostgreSQL has its reference file; none exists for a SQLite-only example")
    func coverage() throws {
        for url in ExampleDDL.files where !Reference.recording {
            let path = Fixtures.folder.appendingPathComponent("reference/examples/\(ExampleDDL.name(url)).postgres.sql").path
            let targeted = try ExampleDDL.render(url, .postgres) != nil
            #expect(FileManager.default.fileExists(atPath: path) == targeted, "\(path): expected \(targeted ? "a file" : "no file")")
        }
    }
}
