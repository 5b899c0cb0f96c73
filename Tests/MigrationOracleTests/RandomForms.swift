import SchemagenTestSupport

/// The other ways a user writes the same keys, in random schemas and as edits: explicit names on
/// unique keys, indexes and composite primary keys; a one-column unique key at its column
/// (`unique: true`); `on_update` actions besides cascade and `on_delete: set_default`; and a
/// rename of a key or an index, which the differ finds by its unchanged definition. Drawn from a
/// stream of its own, like `TenancyGenerator`, so a seed's other draws stay the same.
struct FormGenerator {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed ^ 0x464F_524D_53) }

    mutating func shapeForms(of s: inout GenSchema) {
        for ti in s.tables.indices {
            var t = s.tables[ti]
            for (k, u) in t.uniques.enumerated() {
                if rng.chance(0.25) { t.uniqueNames[u] = "uq_named_\(t.name)_\(k)" }
                if u.count == 1 && rng.chance(0.3) { t.columnUniques.insert(u[0]) }
            }
            if let key = t.primaryKey, !key.isEmpty, rng.chance(0.5) { t.primaryKeyName = "pk_named_\(t.name)" }
            for k in t.indexes.indices where rng.chance(0.2) { t.indexes[k].name = "ix_named_\(t.name)_\(k)" }
            for k in t.columns.indices where t.columns[k].references != nil && t.columns[k].nullable {
                if rng.chance(0.25) { t.columns[k].onUpdate = rng.pick(["set_null", "restrict", "no_action"]) }
                if t.columns[k].defaultYAML == nil && rng.chance(0.1) { t.columns[k].references!.onDelete = "set_default" }
            }
            s.tables[ti] = t
        }
    }

    /// Whether the table's primary key can get an explicit name: it has a table-level key, or its
    /// key is an `id` of a type that is not a serial.
    static func canNameKey(_ t: GenSchema.Table) -> Bool {
        if let key = t.primaryKey { return !key.isEmpty }
        return t.columns.contains { $0.name == "id" && ["int", "uuid"].contains($0.type) }
    }

    enum Edit: String, CaseIterable { case renameUnique, renameIndex, renamePrimaryKey, moveUniqueToColumn }

    /// With some chance, one edit of how a key is written; returns its name, or nil when none applies.
    mutating func edit(_ s: inout GenSchema) -> String? {
        guard rng.chance(0.3), !s.tables.isEmpty else { return nil }
        let e = rng.pick(Edit.allCases)
        // A rename of a primary key: a composite one, or `id` written as a named table-level key
        // (not a serial, which is declared at its column).
        let candidates = e == .renamePrimaryKey ? s.tables.indices.filter { Self.canNameKey(s.tables[$0]) } : Array(s.tables.indices)
        guard let ti = candidates.randomElement(using: &rng) else { return nil }
        var t = s.tables[ti]
        switch e {
        case .renameUnique:
            guard let k = t.uniques.indices.randomElement(using: &rng) else { return nil }
            t.uniqueNames[t.uniques[k]] = "uq_renamed_\(t.name)_\(k)"
        case .renameIndex:
            guard let k = t.indexes.indices.randomElement(using: &rng) else { return nil }
            t.indexes[k].name = "ix_renamed_\(t.name)_\(k)"
        case .renamePrimaryKey:
            if t.primaryKey == nil { t.primaryKey = ["id"] }
            t.primaryKeyName = "pk_renamed_\(t.name)"
        case .moveUniqueToColumn:
            // The same key written at its column or in the table's list (no change to the database).
            guard let u = t.uniques.first(where: { $0.count == 1 && t.uniqueNames[$0] == nil }) else { return nil }
            if t.columnUniques.contains(u[0]) { t.columnUniques.remove(u[0]) } else { t.columnUniques.insert(u[0]) }
        }
        s.tables[ti] = t
        return e.rawValue
    }
}
