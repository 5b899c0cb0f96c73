/// One association a record declares, from one foreign key: `belongsTo` on the referencing
/// record, `hasMany` (or `hasOne`) on the referenced one.
struct SwiftAssociation: Equatable {
    enum Kind { case belongsTo, hasMany, hasOne }
    var kind: Kind
    /// The static member name (unescaped), also the association's key in GRDB requests.
    var name: String
    /// The table that holds the foreign key.
    var referencing: String
    var foreignKey: ForeignKey
    /// The table on the other side: the referenced table for `belongsTo`, the referencing one otherwise.
    var other: String
}

/// The association names of every record, decided once for the whole schema (see
/// docs/swift-records.md, "Associations"):
/// - `belongsTo`: `swift.association`, else the referencing column without a trailing `_id`
///   (`parent_task_id` → `parentTask`), else (composite keys, a column named just `id`) the
///   singular of the referenced table (`project`);
/// - `hasMany`/`hasOne`: `swift.inverse`, else the referencing table (`tasks`; singular for
///   `hasOne`) when it is the only foreign key from that table to this one, else that name +
///   `By` + the `belongsTo` name before any clash is settled (`pairsByLeft`, `pairsByRight`);
/// - a derived name taken by a property, by a member the generated code or GRDB declares, or by
///   an association resolved before it (explicit names first, then `belongsTo` in declaration
///   order, then the inverses in table order), gets the singular of the other table + `By` + the
///   referencing columns instead (`userByOwnerId`), then a number (`2`, `3`, ...).
/// An explicit name that is not an identifier, or is taken, is an error at its place in the schema.
struct SwiftAssociations {
    /// Table → its associations, `belongsTo` first, in foreign-key order.
    private(set) var byTable: [String: [SwiftAssociation]] = [:]
    private(set) var diagnostics = Diagnostics()

    /// No associations (before the names are resolved).
    static let empty = SwiftAssociations()
    private init() {}

    func of(_ table: String) -> [SwiftAssociation] { byTable[table] ?? [] }

    /// Static members a record already has (generated code, GRDB's `TableRecord`, PostgresNIO operations):
    /// an association must not shadow one of them.
    static let reservedMembers: Set<String> = [
        "tableName", "columnNames", "primaryKeyColumns", "CodingKeys", "Columns", "id", "init", "self", "Self", "Type",
        "databaseTableName", "databaseSelection", "databaseUUIDEncodingStrategy", "databaseDateEncodingStrategy",
        "databaseColumnEncodingStrategy", "databaseColumnDecodingStrategy", "databaseJSONEncoder", "databaseJSONDecoder",
        "databaseEncodingUserInfo", "databaseDecodingUserInfo", "persistenceConflictPolicy", "encode", "didInsert",
        "all", "none", "filter", "select", "selectID", "order", "orderByPrimaryKey", "limit", "including", "joining",
        "annotated", "having", "exists", "fetchCount", "fetchOne", "fetchAll", "fetchSet", "fetchCursor", "find",
        "deleteAll", "deleteOne", "updateAll", "matching", "with", "belongsTo", "hasMany", "hasOne", "hasManyThrough",
        "hasOneThrough", "association", "aliased", "request", "insert", "save", "update", "upsert", "delete",
        "recordNotFound", "primaryKey", "postgresSelect", "postgresInsert", "postgresInsertAll", "postgresFind",
        "postgresFetch", "postgresUpdate", "postgresUpsert", "postgresDelete", "PostgresConflict", "postgresInsertHead", "postgresReturning",
    ]

    init(schema: Schema, names: SwiftNames, sourceMap: SourceMap) {
        var taken: [String: Set<String>] = [:]
        for table in schema.tables {
            // The reserved members are checked apart (`isTaken`): copying them into every table's set
            // cost more than the rest of the naming for 5,000 tables.
            taken[table.name] = Set(names.properties[table.name]?.values.map { $0 } ?? [])
        }
        // Every association, with its explicit name if any, in the resolution order.
        var pending: [(SwiftAssociation, explicit: String?)] = []
        var inverses: [(SwiftAssociation, explicit: String?)] = []
        for table in schema.tables where names.tableTypes[table.name] != nil {
            for fk in table.foreignKeys where names.tableTypes[fk.referencedTable] != nil {
                let set = table.swiftAssociations?.first { $0.foreignKey == fk.name }
                pending.append((SwiftAssociation(kind: .belongsTo, name: "", referencing: table.name, foreignKey: fk, other: fk.referencedTable),
                                set?.association))
                let kind: SwiftAssociation.Kind = SwiftAssociations.isUnique(fk.columns, in: table) ? .hasOne : .hasMany
                inverses.append((SwiftAssociation(kind: kind, name: "", referencing: table.name, foreignKey: fk, other: table.name),
                                 set?.inverse))
            }
        }
        // Explicit names claim first.
        var belongs = pending.map(\.0), inverse = inverses.map(\.0)
        func claimExplicit(_ list: inout [SwiftAssociation], _ explicit: [String?], owner: (SwiftAssociation) -> String, key: String) {
            for i in list.indices {
                guard let name = explicit[i] else { continue }
                let a = list[i]
                let location = SwiftAssociations.location(a, key: key, sourceMap)
                let what = "'swift.\(key)' of the foreign key \(a.foreignKey.name) of table '\(a.referencing)'"
                if !SwiftIdentifiers.isIdentifier(name) || SwiftIdentifiers.keywords.contains(name) {
                    diagnostics.error("\(what) is '\(name)', which is not a usable Swift name", at: location)
                } else if SwiftAssociations.isTaken(name, in: taken[owner(a)]!) {
                    diagnostics.error("\(what) is '\(name)', which is already a member of the record of table '\(owner(a))' (a property, another association, or a member the generated code declares); choose another name", at: location)
                } else {
                    taken[owner(a)]!.insert(name)
                }
                list[i].name = name
            }
        }
        claimExplicit(&belongs, pending.map(\.explicit), owner: { $0.referencing }, key: "association")
        claimExplicit(&inverse, inverses.map(\.explicit), owner: { $0.foreignKey.referencedTable }, key: "inverse")
        // Then the derived names, belongsTo before the inverses (whose names may include them).
        for i in belongs.indices where belongs[i].name.isEmpty {
            belongs[i].name = SwiftAssociations.claim(SwiftAssociations.belongsToName(belongs[i].foreignKey),
                                                      fallback: SwiftAssociations.fallback(belongs[i]), in: &taken[belongs[i].referencing]!)
        }
        let referenceCounts = Dictionary(belongs.map { ($0.referencing + "\u{0}" + $0.other, 1) }, uniquingKeysWith: +)
        for i in inverse.indices where inverse[i].name.isEmpty {
            let a = inverse[i]
            let base = SwiftIdentifiers.lowerCamel(a.kind == .hasOne ? SwiftIdentifiers.singular(a.referencing) : a.referencing)
            let only = referenceCounts[a.referencing + "\u{0}" + a.foreignKey.referencedTable] == 1
            let belongsName = pending[i].explicit ?? SwiftAssociations.belongsToName(a.foreignKey)
            let preferred = only ? base : base + "By" + SwiftIdentifiers.capitalizeFirst(belongsName)
            inverse[i].name = SwiftAssociations.claim(preferred, fallback: SwiftAssociations.fallback(a), in: &taken[a.foreignKey.referencedTable]!)
        }
        for a in belongs { byTable[a.referencing, default: []].append(a) }
        for a in inverse { byTable[a.foreignKey.referencedTable, default: []].append(a) }
    }

    /// Whether the columns hold a key of the table: the primary key, a unique constraint or a
    /// unique index on plain columns without a predicate (then at most one row refers to a parent).
    static func isUnique(_ columns: [String], in table: Table) -> Bool {
        let set = Set(columns)
        var keys: [[String]] = table.uniques.map(\.columns)
        if let pk = table.primaryKey { keys.append(pk.columns) }
        for index in table.indexes where index.unique && index.predicate == nil {
            let names = index.parts.compactMap(\.columnName)
            if names.count == index.parts.count { keys.append(names) }
        }
        return keys.contains { !$0.isEmpty && Set($0).isSubset(of: set) }
    }

    /// `parent_task_id` → `parentTask`; composite keys and a column named `id` → the referenced table's singular.
    static func belongsToName(_ fk: ForeignKey) -> String {
        if fk.columns.count == 1 {
            var column = fk.columns[0]
            for suffix in ["_id", "_ID", "Id", "ID"] where column.hasSuffix(suffix) && column.count > suffix.count {
                column.removeLast(suffix.count)
                break
            }
            let name = SwiftIdentifiers.lowerCamel(column)
            if !name.isEmpty && name != "id" { return name }
        }
        return SwiftIdentifiers.lowerCamel(SwiftIdentifiers.singular(fk.referencedTable))
    }

    /// The other table's singular + `By` + the referencing columns: `userByOwnerId`.
    static func fallback(_ a: SwiftAssociation) -> String {
        let other = a.kind == .belongsTo ? SwiftIdentifiers.singular(a.other) : a.other
        return SwiftIdentifiers.lowerCamel(other) + "By" + a.foreignKey.columns.map(SwiftIdentifiers.upperCamel).joined()
    }

    /// Whether a record whose properties and associations so far are `taken` has a member `name`.
    static func isTaken(_ name: String, in taken: Set<String>) -> Bool {
        reservedMembers.contains(name) || taken.contains(name)
    }

    /// The preferred name if it is free, else the fallback (made only then), else the fallback with the first free number.
    static func claim(_ preferred: String, fallback: @autoclosure () -> String, in taken: inout Set<String>) -> String {
        let usable = { (name: String) -> String in
            SwiftNames.memberIdentifier(name, fallback: "association", unusable: SwiftIdentifiers.unusableMemberNames)
        }
        var name = usable(preferred)
        if isTaken(name, in: taken) { name = usable(fallback()) }
        if isTaken(name, in: taken) {
            var n = 2
            while isTaken(name + String(n), in: taken) { n += 1 }
            name += String(n)
        }
        taken.insert(name)
        return name
    }

    /// Where `swift.<key>` is written: on the column of a single-column `references`, else on the
    /// table's `foreign_keys` entry (its place in the list is not kept, so the list itself).
    static func location(_ a: SwiftAssociation, key: String, _ sourceMap: SourceMap) -> SourceLocation? {
        if a.foreignKey.columns.count == 1,
           let found = sourceMap.column(a.referencing, a.foreignKey.columns[0], "swift", key) { return found }
        return sourceMap.table(a.referencing, "foreign_keys") ?? sourceMap.table(a.referencing)
    }
}
