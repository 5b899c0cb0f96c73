@testable import SchemagenCore
import SchemagenTestSupport
import Testing

/// Creation order: declaration order, moved only by foreign keys (tables) and view
/// dependencies; cycles broken at the earliest table, their closing keys deferred.
@Suite("SQL: dependency order")
struct DependencyOrderTests {
    static func table(_ name: String, refs: [String] = []) -> Table {
        Table(name: name, columns: [Column(name: "id", type: .int)] + refs.map { Column(name: "\($0)_id", type: .int) },
              primaryKey: PrimaryKey(name: "pk_\(name)", columns: ["id"]),
              foreignKeys: refs.map { ForeignKey(name: "fk_\(name)_\($0)_id", columns: ["\($0)_id"], referencedTable: $0, referencedColumns: ["id"]) })
    }

    static func order(_ tables: [Table], views: [View] = []) -> (tables: [String], deferred: Set<String>, views: [String]) {
        let schema = Schema(tables: tables, views: views)
        let order = DependencyOrder(schema)
        return (order.tables.map { tables[$0].name }, order.deferredForeignKeys, order.views.map { views[$0].name })
    }

    @Test("Without foreign keys, declaration order is kept exactly")
    func declarationOrder() {
        let names = ["zeta", "alpha", "mid", "beta", "omega"]
        #expect(Self.order(names.map { Self.table($0) }).tables == names)
    }

    @Test("References to tables declared earlier change nothing")
    func backwardReferences() {
        let o = Self.order([Self.table("a"), Self.table("b", refs: ["a"]), Self.table("c", refs: ["a", "b"])])
        #expect(o.tables == ["a", "b", "c"])
        #expect(o.deferred.isEmpty)
    }

    @Test("A table that references a later one waits for it; the others keep their order")
    func forwardReference() {
        let o = Self.order([Self.table("orgs"), Self.table("tasks", refs: ["queues"]), Self.table("users"), Self.table("queues")])
        #expect(o.tables == ["orgs", "users", "queues", "tasks"])
        #expect(o.deferred.isEmpty)
    }

    @Test("Chains of forward references")
    func chain() {
        let o = Self.order([Self.table("a", refs: ["b"]), Self.table("b", refs: ["c"]), Self.table("c")])
        #expect(o.tables == ["c", "b", "a"])
        #expect(o.deferred.isEmpty)
    }

    @Test("A self-reference is no dependency")
    func selfReference() {
        let o = Self.order([Self.table("tasks", refs: ["tasks"]), Self.table("other")])
        #expect(o.tables == ["tasks", "other"])
        #expect(o.deferred.isEmpty)
    }

    @Test("A two-table cycle starts with the earlier table and defers its key")
    func twoCycle() {
        let o = Self.order([Self.table("departments", refs: ["staff"]), Self.table("staff", refs: ["departments"])])
        #expect(o.tables == ["departments", "staff"])
        #expect(o.deferred == [DependencyOrder.key(table: "departments", constraint: "fk_departments_staff_id")])
    }

    @Test("A three-table cycle behind an independent table")
    func threeCycle() {
        let o = Self.order([Self.table("free"), Self.table("a", refs: ["c"]), Self.table("b", refs: ["a"]), Self.table("c", refs: ["b"])])
        #expect(o.tables == ["free", "a", "b", "c"])
        #expect(o.deferred == [DependencyOrder.key(table: "a", constraint: "fk_a_c_id")])
    }

    @Test("A table declared after a cycle keeps its place after it")
    func afterCycle() {
        let o = Self.order([Self.table("departments", refs: ["staff"]), Self.table("staff", refs: ["departments"]), Self.table("later")])
        #expect(o.deferred == [DependencyOrder.key(table: "departments", constraint: "fk_departments_staff_id")])
        #expect(o.tables == ["departments", "staff", "later"])
    }

    @Test("A table that references a cycle declared after it moves behind the whole cycle")
    func beforeCycle() {
        let o = Self.order([Self.table("x", refs: ["a"]), Self.table("a", refs: ["b"]), Self.table("b", refs: ["a"]), Self.table("y")])
        #expect(o.tables == ["a", "b", "x", "y"])
        #expect(o.deferred == [DependencyOrder.key(table: "a", constraint: "fk_a_b_id")])
    }

    /// Seeded random graphs: the order is a permutation, every reference outside a cycle points
    /// backwards, and without references the order is the declaration order.
    @Test("Random reference graphs: a permutation where every reference outside a cycle points back", arguments: 0 ..< 200)
    func randomGraphs(_ seed: Int) {
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let count = 1 + next(12)
        let dependencies: [[Int]] = (0 ..< count).map { i in
            Array(Set((0 ..< next(3)).map { _ in next(count) }.filter { $0 != i })).sorted()
        }
        let order = DependencyOrder.stableTopologicalOrder(count: count, dependencies: dependencies)
        #expect(order.sorted() == Array(0 ..< count))
        let component = DependencyOrder.components(count: count, dependencies: dependencies)
        var position = [Int](repeating: 0, count: count)
        for (p, i) in order.enumerated() { position[i] = p }
        for i in 0 ..< count {
            for d in dependencies[i] where component[d] != component[i] {
                #expect(position[d] < position[i], "\(d) must precede \(i) in \(order) (dependencies \(dependencies))")
            }
        }
        if dependencies.allSatisfy(\.isEmpty) { #expect(order == Array(0 ..< count)) }
    }

    @Test("A reference to a table not in the schema is ignored")
    func unknownTable() {
        let o = Self.order([Self.table("a", refs: ["elsewhere"]), Self.table("b")])
        #expect(o.tables == ["a", "b"])
        #expect(o.deferred.isEmpty)
    }

    @Test("Views follow the views they select from; words in literals and comments do not count")
    func views() {
        let views = [
            View(name: "report", sql: DialectText(shared: "SELECT * FROM sizes JOIN tops USING (team)")),
            View(name: "base", sql: DialectText(shared: "SELECT 1 AS x")),
            View(name: "sizes", sql: DialectText(shared: "SELECT * FROM base")),
            View(name: "tops", sql: DialectText(shared: "SELECT 'report' AS s -- report\nFROM base")),
            View(name: "per_dialect", sql: DialectText(sqlite: "SELECT * FROM TOPS", postgres: "SELECT 1")),
        ]
        #expect(Self.order([], views: views).views == ["base", "sizes", "tops", "report", "per_dialect"])
    }

    @Test("A quoted, mixed-case view name is a dependency too")
    func quotedViewNames() {
        let views = [
            View(name: "Top", sql: DialectText(shared: "SELECT * FROM \"Base\"")),
            View(name: "Base", sql: DialectText(shared: "SELECT 1 AS a")),
            View(name: "lower", sql: DialectText(shared: "SELECT * FROM \"Later\" JOIN later2 USING (a)")),
            View(name: "Later", sql: DialectText(shared: "SELECT 1 AS a")),
            View(name: "LATER2", sql: DialectText(shared: "SELECT 1 AS a")),
        ]
        #expect(Self.order([], views: views).views == ["Base", "Top", "Later", "LATER2", "lower"])
    }

    @Test("Views without dependencies keep their order")
    func independentViews() {
        let views = ["v3", "v1", "v2"].map { View(name: $0, sql: DialectText(shared: "SELECT 1 AS one")) }
        #expect(Self.order([], views: views).views == ["v3", "v1", "v2"])
    }

    @Test("A cycle rendered: SQLite declares foreign keys inline, PostgreSQL adds the closing ones after all tables")
    func cyclesRendered() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          departments:
            columns:
              id:      { type: serial, primary_key: true }
              head_id: { type: "int?", references: staff, on_delete: set_null }
          staff:
            columns:
              id:            { type: serial, primary_key: true }
              department_id: { type: int, references: departments, on_delete: cascade }
        """)
        let postgres = DDL.script(for: schema, dialect: .postgres, source: "schema.yaml")
        let marker = try #require(postgres.range(of: "-- Foreign keys of a reference cycle, added once every table exists.\n"))
        #expect(postgres[marker.upperBound...] == "ALTER TABLE departments ADD CONSTRAINT fk_departments_head_id FOREIGN KEY (head_id) REFERENCES staff (id) ON DELETE SET NULL;\n")
        let before = postgres[..<marker.lowerBound]
        #expect(!before.contains("CONSTRAINT fk_departments_head_id"))
        #expect(before.contains("    CONSTRAINT fk_staff_department_id FOREIGN KEY (department_id) REFERENCES departments (id) ON DELETE CASCADE\n"))
        #expect(before.range(of: "CREATE TABLE departments")!.lowerBound < before.range(of: "CREATE TABLE staff")!.lowerBound)
        let sqlite = DDL.script(for: schema, dialect: .sqlite, source: "schema.yaml")
        #expect(!sqlite.contains("ALTER TABLE"))
        #expect(sqlite.contains("    CONSTRAINT fk_departments_head_id FOREIGN KEY (head_id) REFERENCES staff (id) ON DELETE SET NULL\n"))
    }
}
