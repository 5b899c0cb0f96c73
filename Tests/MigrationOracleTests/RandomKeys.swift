import SchemagenTestSupport

/// Primary keys other than `id` alone, in random schemas and as an edit kind: a composite key
/// (`primary_key: [id, c]` at table level) or no key at all, and a change from one to another.
/// Drawn from a stream of its own, like `TenancyGenerator`, so a seed's other draws stay the same.
struct KeyGenerator {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed ^ 0x5052_494D_4B45_59) }

    /// Types a second key column may have: the ones both engines index and compare as written.
    static let keyTypes: Set = ["int", "bigint", "smallint", "text", "string(40)", "uuid", "date", "char(8)"]

    /// Some tables that nothing references get a composite key or none.
    mutating func shapeKeys(of s: inout GenSchema) {
        for i in s.tables.indices where rng.chance(0.25) {
            if let key = drawKey(for: s.tables[i], in: s) { s.tables[i].primaryKey = key }
        }
    }

    /// A composite key or none for the table, or nil when it must keep `id` alone: another table
    /// (or itself) references it, or its `id` is a serial (which is a key by definition).
    mutating func drawKey(for t: GenSchema.Table, in s: GenSchema) -> [String]? {
        guard !referenced(t, in: s), let id = t.columns.first(where: { $0.name == "id" }), ["int", "uuid"].contains(id.type) else { return nil }
        let second = t.columns.filter { c in
            c.name != "id" && !c.nullable && Self.keyTypes.contains(c.type) && c.generated == nil && c.renamedFrom == nil && !c.autoUpdate
        }
        if let c = second.randomElement(using: &rng), rng.chance(0.7) { return ["id", c.name] }
        // Without a key: a partitioned table keeps one (its partitions would each need it).
        return t.partitions == nil ? [] : nil
    }

    /// Whether a foreign key of any table (itself included) names the table.
    func referenced(_ t: GenSchema.Table, in s: GenSchema) -> Bool {
        s.tables.contains { o in o.columns.contains { $0.references?.table == t.name } || o.foreignKeys.contains { $0.table == t.name } }
    }

    /// With some chance, the primary key of one table changes: from `id` to a composite key or
    /// none, or back to `id`. Returns the edit's name, or nil when none applies.
    mutating func edit(_ s: inout GenSchema) -> String? {
        guard rng.chance(0.3), !s.tables.isEmpty else { return nil }
        let ti = rng.int(0 ... s.tables.count - 1)
        let t = s.tables[ti]
        guard t.partitions == nil, !referenced(t, in: s) else { return nil }
        if t.primaryKey != nil {
            guard t.columns.contains(where: { $0.name == "id" }) else { return nil }
            s.tables[ti].primaryKey = nil
            return "primaryKeyToId"
        }
        guard let key = drawKey(for: t, in: s) else { return nil }
        s.tables[ti].primaryKey = key
        return key.isEmpty ? "primaryKeyDropped" : "primaryKeyComposite"
    }
}
