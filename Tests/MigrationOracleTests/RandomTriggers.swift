import SchemagenTestSupport

/// A declared trigger of a random table: both bodies or one, its events, an `UPDATE OF` column with
/// its condition, and the table its SQL reads (its own, or another one, which SQLite's rebuilds and
/// renames of that table must take the trigger down for). The bodies have no effect on rows, so
/// the oracle's row comparisons hold; the catalogs compare the triggers and their functions.
struct GenTrigger {
    var name: String
    var before = false
    var events: [String]
    var of: String?
    /// `for_each: statement` (PostgreSQL only: never with a SQLite body).
    var statement = false
    var sqlite = true
    var postgres = true
    /// Another table the SQL reads, or nil for its own.
    var reads: String?
    /// A number in the SQL: changing it changes the trigger.
    var variant = 1

    func render(table: String, into y: inout String) {
        let read = reads ?? table
        y += "      \(name):\n"
        y += "        timing: \(before ? "before" : "after")\n"
        y += "        events: [\(events.joined(separator: ", "))]\n"
        if let c = of {
            y += "        of: [\(c)]\n"
            if !statement && events == ["update"] {
                let conditions = (postgres ? ["postgres: \"NEW.\(c) IS DISTINCT FROM OLD.\(c)\""] : []) + (sqlite ? ["sqlite: \"NEW.\(c) IS NOT OLD.\(c)\""] : [])
                y += "        when: { \(conditions.joined(separator: ", ")) }\n"
            }
        }
        if statement { y += "        for_each: statement\n" }
        if postgres {
            // A BEFORE row trigger returns the row it lets through (OLD for a DELETE); the others NULL.
            let result = before && !statement ? "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;" : "RETURN NULL;"
            y += "        postgres: \"PERFORM \(variant) FROM \(read) LIMIT 1; \(result)\"\n"
        }
        if sqlite { y += "        sqlite: \"SELECT \(variant) FROM \(read) LIMIT 1;\"\n" }
    }
}

/// Declared triggers in random schemas and as edits (added, dropped, changed, moved to other
/// dialects), drawn from a stream of their own like `FormGenerator`, so a seed's other draws stay
/// the same. `reconcile` follows the pair's other edits as a user would: an `of` column dropped or
/// made generated leaves `of`, a renamed one is named anew, and so is a table the SQL reads.
struct TriggerGenerator {
    var rng: SeededRandom
    var counter = 0

    init(seed: UInt64) { rng = SeededRandom(seed: seed ^ 0x5452_4947_53) }

    enum Edit: String, CaseIterable { case addTrigger, dropTrigger, changeTrigger, changeTriggerDialects }

    /// Tables a trigger may go on: not partitioned (PostgreSQL clones row triggers onto partitions).
    static func canHold(_ t: GenSchema.Table) -> Bool { t.partitions == nil }

    mutating func addTriggers(to s: inout GenSchema) {
        for i in s.tables.indices where Self.canHold(s.tables[i]) && rng.chance(0.35) {
            for _ in 0 ..< rng.int(1 ... 2) { s.tables[i].triggers.append(draw(for: s.tables[i], in: s)) }
        }
    }

    mutating func draw(for t: GenSchema.Table, in s: GenSchema) -> GenTrigger {
        counter += 1
        var g = GenTrigger(name: "tg\(counter)_\(rng.int(0 ... 999))", events: [])
        let dialects = rng.int(0 ... 9)
        g.sqlite = dialects != 0
        g.postgres = dialects != 1
        g.before = rng.chance(0.4)
        g.statement = !g.sqlite && rng.chance(0.4)
        let all = ["insert", "update", "delete"]
        g.events = g.sqlite ? [rng.pick(all)] : all.filter { _ in rng.chance(0.5) }
        if g.events.isEmpty { g.events = ["update"] }
        if g.events.contains("update") && rng.chance(0.6) {
            g.of = t.columns.filter { $0.generated == nil && $0.name != "id" }.randomElement(using: &rng)?.name
        }
        // Another table in every dialect, sometimes.
        if rng.chance(0.3) { g.reads = s.tables.filter { $0.name != t.name && $0.targets == nil }.randomElement(using: &rng)?.name }
        g.variant = rng.int(1 ... 9)
        return g
    }

    /// With some chance, one trigger edit of `s`; returns its name, or nil when none applies.
    mutating func edit(_ s: inout GenSchema) -> String? {
        guard rng.chance(0.35), !s.tables.isEmpty else { return nil }
        let e = rng.pick(Edit.allCases)
        let ti = rng.int(0 ... s.tables.count - 1)
        var t = s.tables[ti]
        switch e {
        case .addTrigger:
            guard Self.canHold(t) else { return nil }
            t.triggers.append(draw(for: t, in: s))
        case .dropTrigger:
            guard let k = t.triggers.indices.randomElement(using: &rng) else { return nil }
            t.triggers.remove(at: k)
        case .changeTrigger:
            guard let k = t.triggers.indices.randomElement(using: &rng) else { return nil }
            t.triggers[k].variant += 1
            if rng.chance(0.5) { t.triggers[k].before.toggle() }
        case .changeTriggerDialects:
            // One dialect's body goes or comes: the trigger is dropped or created there only.
            guard let k = t.triggers.indices.randomElement(using: &rng) else { return nil }
            var g = t.triggers[k]
            if g.sqlite && g.postgres {
                if rng.chance(0.5) { g.sqlite = false } else { g.postgres = false }
            } else if !g.sqlite && !g.statement && g.events.count == 1 {
                g.sqlite = true
            } else if !g.postgres {
                g.postgres = true
            } else {
                return nil
            }
            t.triggers[k] = g
        }
        s.tables[ti] = t
        return e.rawValue
    }

    /// The triggers of `s` after the pair's other edits, as their author would have kept them valid.
    static func reconcile(_ s: inout GenSchema) {
        for ti in s.tables.indices {
            let t = s.tables[ti]
            for k in t.triggers.indices {
                var g = t.triggers[k]
                if let c = g.of, !t.columns.contains(where: { $0.name == c && $0.generated == nil }) {
                    g.of = t.columns.first { $0.renamedFrom == c && $0.generated == nil }?.name
                }
                if let r = g.reads, s.table(r)?.targets != nil || s.table(r) == nil {
                    g.reads = s.tables.first { $0.renamedFrom == r && $0.targets == nil }?.name
                }
                s.tables[ti].triggers[k] = g
            }
        }
    }
}
