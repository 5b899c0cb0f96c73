import Foundation
import GRDB
import SchemagenCore
import Testing

/// The build plugin on this package's own test target: `PluginShelf` and its types exist only
/// because SchemagenBuildPlugin generated them from `schema.yaml` beside this file (with the GRDB
/// integration that `schemagen-config.yaml` there turns on). Nothing of them is committed.
@Suite("Build plugin: records generated at build time")
struct PluginTests {
    /// This target's folder, with `schema.yaml`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    struct DiskLoader: SchemaFileLoader {
        func load(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
            return [UInt8](data)
        }
    }

    /// An in-memory SQLite database holding the schema's tables, from the DDL of the same schema.yaml.
    static func database() throws -> DatabaseQueue {
        let compiled = SchemaCompiler.compile(rootPath: folder.appendingPathComponent("schema.yaml").path, loader: DiskLoader())
        let schema = try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))")
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: DDL.script(for: schema, dialect: .sqlite, source: "schema.yaml")) }
        return queue
    }

    @Test("The generated types carry the schema's names, columns and enum labels")
    func generatedTypes() {
        #expect(PluginShelf.Shelf.tableName == "shelves")
        #expect(PluginShelf.ShelfItem.columnNames == ["id", "shelf_id", "title", "added_at", "note"])
        #expect(PluginShelf.ShelfKind.allCases.map(\.rawValue) == ["book", "record", "game"])
        let shelf = PluginShelf.Shelf(label: "Vinyl", kind: .record)
        #expect(shelf.id == nil)  // serial: assigned by the database
    }

    @Test("Generated records round-trip through GRDB in memory")
    func roundTrip() throws {
        let queue = try Self.database()
        let addedAt = Date(timeIntervalSince1970: 1_700_000_000.25)
        let (shelf, item) = try queue.write { db in
            var shelf = PluginShelf.Shelf(label: "Games", kind: .game)
            try shelf.insert(db)
            let item = PluginShelf.ShelfItem(shelfId: try #require(shelf.id), title: "Go", addedAt: addedAt, note: "19x19")
            try item.insert(db)
            return (shelf, item)
        }
        #expect(shelf.id == 1)
        let (shelves, items) = try queue.read { db in
            (try PluginShelf.Shelf.fetchAll(db), try PluginShelf.ShelfItem.fetchAll(db))
        }
        #expect(shelves == [shelf])
        #expect(items == [item])
        let kind = try queue.read { db in try String.fetchOne(db, sql: "SELECT kind FROM shelves") }
        #expect(kind == "game")
    }

    /// `migrations/` beside the schema is an input of the plugin: the records embed its up migrations.
    @Test("The plugin embeds the migrations beside the schema; GRDB's DatabaseMigrator applies them and the records work")
    func embeddedMigrations() throws {
        let folder = MigrationDirectory(dialect: .sqlite, files: Self.files(in: Self.folder.appendingPathComponent("migrations/sqlite")))
        // The folder is intact and records the schema as it is (else `schemagen migrate NAME ... --only-migrations` is due).
        let compiled = SchemaCompiler.compile(rootPath: Self.folder.appendingPathComponent("schema.yaml").path, loader: DiskLoader())
        #expect(folder.problems(for: try #require(compiled.schema)) == [])
        // The generated list holds the folder's migrations, statement for statement.
        try #require(!folder.embedded.isEmpty)
        #expect(PluginShelf.SQLiteMigrations.all.map(\.identifier) == folder.embedded.map(\.identifier))
        #expect(PluginShelf.SQLiteMigrations.all.map(\.sql) == folder.embedded.map { $0.allStatements.joined(separator: "\n\n") })

        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        PluginShelf.SQLiteMigrations.register(in: &migrator)
        try migrator.migrate(queue)
        try queue.write { db in
            var shelf = PluginShelf.Shelf(label: "Books", kind: .book)
            try shelf.insert(db)
            try PluginShelf.ShelfItem(shelfId: try #require(shelf.id), title: "Dune", addedAt: Date(timeIntervalSince1970: 0), note: nil).insert(db)
        }
        #expect(try queue.read { db in try PluginShelf.ShelfItem.fetchCount(db) } == 1)
        #expect(try queue.read { db in try migrator.appliedIdentifiers(db) } == Set(folder.embedded.map(\.identifier)))
    }

    static func files(in folder: URL) -> [String: String] {
        var out: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            out[name] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }
}
