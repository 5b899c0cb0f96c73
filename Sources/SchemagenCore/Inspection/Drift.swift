/// How a live database differs from what its schema says it should be (`schemagen check --database`):
/// both sides are models read by the same inspector, compared with `SchemaDiff`; the SQL that brings
/// the database to the schema is the migration planner's plan from the live model to the wanted one.
public struct Drift: Sendable {
    /// One line per difference, each naming its object; a changed object is one line, not a drop and an add.
    public var differences: [String]
    /// The reconcile script; empty when there is no difference.
    public var reconcileSQL: String

    public var isEmpty: Bool { differences.isEmpty }

    /// What `check --database` prints: a heading naming both sides, a line per difference, the SQL.
    public func report(database: String, schema: String) -> String {
        var out = "\(database) differs from \(schema):\n"
        for line in differences { out += "- \(line)\n" }
        return out + "\n" + reconcileSQL
    }

    public static func compare(live: Schema, wanted: Schema, dialect: Dialect) -> Drift {
        let diff = SchemaDiff(old: live, new: wanted)
        let differences = describe(diff.changes)
        guard !differences.isEmpty else { return Drift(differences: [], reconcileSQL: "") }
        // The planner's plan of the same diff: the changes are not computed a second time.
        let plan = Migrator.plan(diff, dialect, .init())
        return Drift(differences: differences, reconcileSQL: plan.script(title: "schemagen check --database: the SQL that brings the database to the schema (\(dialect.displayName))"))
    }

    /// The changes as lines; a drop and an add of the same named object become one "differs" line.
    static func describe(_ changes: [Change]) -> [String] {
        var lines: [String] = []
        var replaced = Set<String>()
        for change in changes {
            guard let key = objectKey(change) else {
                lines.append(line(change))
                continue
            }
            let partners = changes.filter { objectKey($0) == key }
            if partners.count > 1 {
                if replaced.insert(key).inserted { lines.append("\(key) differs from the schema") }
            } else {
                lines.append(line(change))
            }
        }
        return lines
    }

    /// The named object a drop or an add is about (`check 'chk' of table 't'`), for pairing the two.
    static func objectKey(_ change: Change) -> String? {
        switch change {
        case .addUnique(let t, let u), .dropUnique(let t, let u): return "unique key '\(u.name)' of table '\(t)'"
        case .addCheck(let t, let c), .dropCheck(let t, let c): return "check '\(c.name)' of table '\(t)'"
        case .addForeignKey(let t, let f), .dropForeignKey(let t, let f): return "foreign key '\(f.name)' of table '\(t)'"
        case .addIndex(let t, let i), .dropIndex(let t, let i): return "index '\(i.name)' of '\(t)'"
        case .createTable(let t), .dropTable(let t): return "table '\(t.name)'"
        case .addColumn(let t, let c), .dropColumn(let t, let c): return "column '\(t).\(c.name)'"
        case .createView(let v), .dropView(let v): return "view '\(v.name)'"
        case .createEnum(let e), .dropEnum(let e): return "enum '\(e.name)'"
        case .addRawSQL(let r), .removeRawSQL(let r): return "raw SQL block '\(r.name)'"
        case .addTrigger(let t, let trigger), .dropTrigger(let t, let trigger): return "trigger '\(trigger.name)' of table '\(t)'"
        default: return nil
        }
    }

    /// One change as the line `check --database` prints: what the database has or lacks.
    static func line(_ change: Change) -> String {
        let key = objectKey(change) ?? ""
        switch change {
        case .addExtension(let name): return "extension '\(name)' is missing from the database"
        case .dropExtension(let name): return "extension '\(name)' is in the database but not in the schema"
        case .createEnum, .createTable, .addColumn, .addUnique, .addCheck, .addForeignKey, .addIndex, .createView, .addRawSQL, .addTrigger:
            return "\(key) is missing from the database"
        case .dropEnum, .dropTable, .dropColumn, .dropUnique, .dropCheck, .dropForeignKey, .dropIndex, .dropView, .removeRawSQL, .dropTrigger:
            return "\(key) is in the database but not in the schema"
        case .addEnumValues(let old, _), .replaceEnum(let old, _): return "enum '\(old.name)' has other values than the schema"
        case let .renameEnumValue(e, from, to): return "value '\(from)' of enum '\(e)' is named '\(to)' in the schema"
        case .setEnumComment(let e): return "the comment of enum '\(e.name)' differs from the schema"
        case let .renameTable(from, to): return "table '\(from)' is named '\(to)' in the schema"
        case let .renameColumn(t, from, to): return "column '\(t).\(from)' is named '\(to)' in the schema"
        case let .alterColumn(t, old, new): return "column '\(t).\(new.name)' differs from the schema: \(columnDifference(old, new))"
        case .setPrimaryKey(let t, _, _): return "the primary key of table '\(t)' differs from the schema"
        case let .renameConstraint(t, from, to): return "constraint '\(from)' of table '\(t)' is named '\(to)' in the schema"
        case let .renameIndex(t, from, to): return "index '\(from)' of '\(t)' is named '\(to)' in the schema"
        case .setSearch(let t, _, _): return "the full-text search of table '\(t)' differs from the schema"
        case .setPartition(let t, _, _): return "the partitioning of table '\(t)' differs from the schema"
        case .setStrict(let t, _): return "whether table '\(t)' is STRICT differs from the schema"
        case .setTableComment(let t, _): return "the comment of table '\(t)' differs from the schema"
        case let .setTenancy(t, old, new):
            switch (old, new) {
            case (nil, _): return "table '\(t)' has no tenant isolation in the database"
            case (_, nil): return "table '\(t)' has tenant isolation in the database, not in the schema"
            default: return "the tenant isolation of table '\(t)' differs from the schema"
            }
        case .replaceView(let old, _): return "view '\(old.name)' differs from the schema"
        }
    }

    /// Which properties of a column differ: type, nullability, default, generated expression, auto_update, comment.
    static func columnDifference(_ old: Column, _ new: Column) -> String {
        var parts: [String] = []
        if old.type != new.type { parts.append("type \(old.type.spelling) in the database, \(new.type.spelling) in the schema") }
        if old.nullable != new.nullable { parts.append(new.nullable ? "NOT NULL in the database, nullable in the schema" : "nullable in the database, NOT NULL in the schema") }
        if old.defaultValue != new.defaultValue {
            let show = { (d: DefaultValue?) in d.map(SchemaYAMLWriter.defaultValue) ?? "none" }
            parts.append("default \(show(old.defaultValue)) in the database, \(show(new.defaultValue)) in the schema")
        }
        if old.generated != new.generated { parts.append("another generated expression") }
        if old.autoUpdate != new.autoUpdate { parts.append(new.autoUpdate ? "no auto_update trigger in the database" : "an auto_update trigger in the database only") }
        if old.comment != new.comment { parts.append("another comment") }
        return parts.isEmpty ? "its definition" : parts.joined(separator: "; ")
    }
}
