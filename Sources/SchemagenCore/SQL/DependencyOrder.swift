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
                for word in SQLWords.identifiers(in: sql, dialect: dialect) {
                    // Quoted words keep their case ("Base"); names are matched case-insensitively.
                    if let j = viewPosition[word.lowercased()], j != viewPosition[v.name.lowercased()] { deps.insert(j) }
                }
            }
            return deps.sorted()
        }
        views = DependencyOrder.stableTopologicalOrder(count: schema.views.count, dependencies: viewDependencies)
    }

    /// Declaration order moved only by dependencies: the strongly connected
    /// components (a cycle of references is one) are ordered by Kahn's algorithm
    /// on their earliest-declared member, and each is laid out by
    /// `orderBreakingCycles`. Whole components are what make an independent item
    /// declared after a cycle stay after it: with items alone, every ready item
    /// would be taken before the cycle is broken.
    static func stableTopologicalOrder(count: Int, dependencies: [[Int]]) -> [Int] {
        let component = components(count: count, dependencies: dependencies)
        let componentCount = (component.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: componentCount)
        for i in 0 ..< count { members[component[i]].append(i) }
        // Component edges, counted once each.
        var remaining = [Set<Int>](repeating: [], count: componentCount)
        var dependents = [[Int]](repeating: [], count: componentCount)
        for i in 0 ..< count {
            for d in dependencies[i] where component[d] != component[i] {
                if remaining[component[i]].insert(component[d]).inserted { dependents[component[d]].append(component[i]) }
            }
        }
        // The heap holds each ready component's earliest member.
        var ready = Heap()
        for c in 0 ..< componentCount where remaining[c].isEmpty { ready.push(members[c][0]) }
        var order: [Int] = []
        order.reserveCapacity(count)
        while let first = ready.pop() {
            let c = component[first]
            if members[c].count == 1 {
                order.append(first)
            } else {
                var local: [Int: Int] = [:]
                for (j, m) in members[c].enumerated() { local[m] = j }
                let inner = members[c].map { m in dependencies[m].compactMap { local[$0] } }
                order.append(contentsOf: orderBreakingCycles(count: inner.count, dependencies: inner).map { members[c][$0] })
            }
            for d in dependents[c] {
                remaining[d].remove(c)
                if remaining[d].isEmpty { ready.push(members[d][0]) }
            }
        }
        return order
    }

    /// The strongly connected component of every item (Tarjan's algorithm, iterative so that
    /// a long chain of references cannot overflow the stack).
    static func components(count: Int, dependencies: [[Int]]) -> [Int] {
        var index = [Int](repeating: -1, count: count), low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: -1, count: count)
        var stack: [Int] = [], next = 0, components = 0
        for root in 0 ..< count where index[root] < 0 {
            var work: [(node: Int, edge: Int)] = []
            func enter(_ v: Int) {
                index[v] = next
                low[v] = next
                next += 1
                stack.append(v)
                onStack[v] = true
                work.append((v, 0))
            }
            enter(root)
            while let (v, e) = work.last {
                if e < dependencies[v].count {
                    work[work.count - 1].edge += 1
                    let w = dependencies[v][e]
                    if index[w] < 0 {
                        enter(w)
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                if low[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component[w] = components
                        if w == v { break }
                    }
                    components += 1
                }
            }
        }
        return component
    }

    /// Kahn's algorithm that always takes the earliest-declared ready item, and
    /// breaks a cycle by taking the earliest-declared remaining item: used within
    /// one strongly connected component, where every item is part of the cycle.
    static func orderBreakingCycles(count: Int, dependencies: [[Int]]) -> [Int] {
        // Each item's dependencies are distinct, so counting the unfinished ones is enough.
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
