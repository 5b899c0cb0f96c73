/// The order in which tables and views are created: declaration order, moved
/// only where a dependency forces it, so that reviewers see the file they wrote.
public struct DependencyOrder: Sendable {
    /// Table indexes in creation order.
    public var tables: [Int]
    /// Foreign keys (table name, constraint name) that point to a table created
    /// later because of a cycle: PostgreSQL adds them after all tables.
    public var deferredForeignKeys: Set<String>
    /// View indexes in creation order (views after the views they select from).
    public var views: [Int]

    public static func key(table: String, constraint: String) -> String { table + "\u{0}" + constraint }

    public init(_ schema: Schema) {
        // Tables are read in place (`tables[i].name`): `for t in schema.tables` would copy each one.
        let all = schema.tables
        var position: [String: Int] = [:]
        position.reserveCapacity(all.count)
        for i in all.indices { position[all[i].name] = i }
        // Each table's position in the tables array (the name of a later duplicate points to the last one).
        let own = all.indices.map { position[all[$0].name] }
        let dependencies: [[Int]] = all.indices.map { i in
            var targets: [Int] = []
            for fk in all[i].foreignKeys {
                if let target = position[fk.referencedTable], target != own[i], !targets.contains(target) { targets.append(target) }
            }
            return targets.sorted()
        }
        tables = DependencyOrder.stableTopologicalOrder(count: all.count, dependencies: dependencies)
        var created = [Bool](repeating: false, count: all.count)
        deferredForeignKeys = []
        for i in tables {
            created[i] = true
            for fk in all[i].foreignKeys {
                if let target = position[fk.referencedTable], !created[target] {
                    deferredForeignKeys.insert(DependencyOrder.key(table: all[i].name, constraint: fk.name))
                }
            }
        }
        var viewPosition: [String: Int] = [:]
        for (i, v) in schema.views.enumerated() { viewPosition[v.name.lowercased()] = i }
        let viewDependencies: [[Int]] = schema.views.map { v in
            var deps = Set<Int>()
            for dialect in Dialect.allCases {
                guard let sql = v.sql.text(for: dialect) else { continue }
                for word in SQLWords.identifiers(in: sql) {
                    // Quoted words keep their case ("Base"); names are matched case-insensitively.
                    if let j = viewPosition[word.lowercased()], j != viewPosition[v.name.lowercased()] { deps.insert(j) }
                }
            }
            return deps.sorted()
        }
        views = DependencyOrder.stableTopologicalOrder(count: schema.views.count, dependencies: viewDependencies)
    }

    /// Kahn's algorithm that always takes the earliest-declared ready item, and
    /// breaks a cycle by taking the earliest-declared remaining item.
    /// Each item's dependencies are distinct, so counting the unfinished ones is enough.
    static func stableTopologicalOrder(count: Int, dependencies: [[Int]]) -> [Int] {
        var remaining = dependencies.map(\.count)
        var dependents = [[Int]](repeating: [], count: count)
        for (i, deps) in dependencies.enumerated() { for d in deps { dependents[d].append(i) } }
        var done = [Bool](repeating: false, count: count)
        var ready = Heap()
        for i in 0 ..< count where remaining[i] == 0 { ready.push(i) }
        var order: [Int] = []
        order.reserveCapacity(count)
        var nextUnfinished = 0
        while order.count < count {
            var pick: Int
            if let i = ready.pop() {
                pick = i
                if done[pick] { continue }
            } else {
                while done[nextUnfinished] { nextUnfinished += 1 }
                pick = nextUnfinished
            }
            done[pick] = true
            order.append(pick)
            for d in dependents[pick] where !done[d] {
                remaining[d] -= 1
                if remaining[d] == 0 { ready.push(d) }
            }
        }
        return order
    }

    /// A binary min-heap of Ints.
    struct Heap {
        var items: [Int] = []

        mutating func push(_ x: Int) {
            items.append(x)
            var i = items.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if items[parent] <= items[i] { break }
                items.swapAt(parent, i)
                i = parent
            }
        }

        mutating func pop() -> Int? {
            guard let first = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < items.count && items[l] < items[m] { m = l }
                    if r < items.count && items[r] < items[m] { m = r }
                    if m == i { break }
                    items.swapAt(i, m)
                    i = m
                }
            }
            return first
        }
    }
}
