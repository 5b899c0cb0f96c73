import Foundation
import GRDB
import SchemagenCore
import SchemagenTestSupport
import Testing

/// SQLite adds a column that `ALTER TABLE ... ADD COLUMN` can add with that statement alone, wherever
/// the schema declares it: copying 100,000 rows to keep a declaration order would be a full-table
/// rebuild for nothing.
@Suite struct SQLiteAddColumnTests {
    static let before = """
    schemagen: 1
    tables:
      items:
        columns:
          code:  { type: string(20), primary_key: true }
          label: text
          qty:   { type: int, default: 0 }
    """
    static let after = """
    schemagen: 1
    tables:
      items:
        columns:
          code:  { type: string(20), primary_key: true }
          note:  text?
          label: text
          size:  { type: int, default: 3 }
          qty:   { type: int, default: 0 }
    """

    @Test("Two columns added in the middle of a 100,000-row table: two ADD COLUMNs, no rebuild, rows and rowids kept")
    func addInTheMiddle() throws {
        let old = try #require(Fixtures.compile(Self.before).schema), new = try #require(Fixtures.compile(Self.after).schema)
        let up = Migrator.delta(from: old, to: new, dialect: .sqlite).up
        let statements = up.steps.flatMap(\.statements)
        #expect(statements.count == 2 && statements.allSatisfy { if case .addColumn = $0 { return true }; return false }, "\(statements)")
        #expect(!up.hazards.contains { $0.code == .LT })

        let queue = try DatabaseQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: DDL.script(for: old, dialect: .sqlite, source: "before.yaml"))
            try db.execute(sql: """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
            INSERT INTO items (code, label, qty) SELECT printf('c%06d', i), 'label ' || i, i % 97 FROM n
            """)
        }
        let checksum = "SELECT count(*), sum(rowid), sum(length(code)), sum(qty), group_concat(rowid || code, ',') FILTER (WHERE rowid % 9973 = 0) FROM items"
        let before = try queue.read { db in try Row.fetchOne(db, sql: checksum) }
        try queue.writeWithoutTransaction { db in try db.execute(sql: up.script(title: "up")) }
        let after = try queue.read { db in try Row.fetchOne(db, sql: checksum) }
        #expect(before == after)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM items WHERE note IS NULL AND size = 3") } == 100_000)
        #expect(try queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }
}
