import Foundation
import GRDB
import SchemagenCore
import SchemagenTestSupport
import Testing

/// Every example schema and the repository's schema.yaml compile, apply
/// cleanly on both engines, and create exactly the declared objects.
@Suite struct ApplyTests {
    /// Objects that raw `sql:` blocks create: the model cannot know them.
    static let rawSQLObjects: [String: (sqlite: Set<CatalogObject>, postgres: Set<CatalogObject>)] = [
        "08_includes.yaml": (sqlite: [CatalogObject("view", "paid_orders")], postgres: []),
    ]

    @Test func examplesArePresent() {
        #expect(Schemas.exampleNames.count >= 6, "examples: \(Schemas.exampleNames)")
    }

    @Test(arguments: Schemas.exampleNames)
    func exampleOnSQLite(_ name: String) throws {
        let schema = try Schemas.example(name)
        try #require(schema.targets.contains(.sqlite), "every example targets SQLite")
        let queue = try SQLiteEngine.open(schema)
        try Catalog.expectSQLite(schema, in: queue, alsoCreatedByRawSQL: Self.rawSQLObjects[name]?.sqlite ?? [])
        try expectConsistent(queue)
    }

    @Test(arguments: Schemas.exampleNames)
    func exampleOnPostgres(_ name: String) async throws {
        let schema = try Schemas.example(name)
        guard schema.targets.contains(.postgres) else { return } // restricted by its targets
        try await PGTestDatabase.withFresh { db in
            try await db.apply(Schemas.ddl(schema, .postgres))
            try await Catalog.expectPostgres(schema, in: db, alsoCreatedByRawSQL: Self.rawSQLObjects[name]?.postgres ?? [])
        }
    }

    @Test func repositorySchemaOnSQLite() throws {
        let schema = try Schemas.repository()
        let queue = try SQLiteEngine.open(schema)
        try Catalog.expectSQLite(schema, in: queue)
        try expectConsistent(queue)
    }

    @Test func repositorySchemaOnPostgres() async throws {
        let schema = try Schemas.repository()
        try await PGTestDatabase.withFresh { db in
            try await db.apply(Schemas.ddl(schema, .postgres))
            try await Catalog.expectPostgres(schema, in: db)
        }
    }

    /// SQLite's own checks: the schema parses back, foreign keys resolve to real keys.
    func expectConsistent(_ queue: DatabaseQueue, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            #expect(integrity == ["ok"], "integrity_check: \(integrity)", sourceLocation: sourceLocation)
            // Reading every table's foreign key list makes SQLite resolve the referenced keys.
            let problems = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            #expect(problems.isEmpty, "foreign_key_check: \(problems)", sourceLocation: sourceLocation)
        }
    }
}

/// The examples together use every construct of the format: a guard against
/// an example being trimmed until something is no longer exercised.
@Suite struct ExampleCoverageTests {
    struct Seen {
        var types = Set<String>()
        var defaults = Set<String>()
        var features = Set<String>()
    }

    static func survey() throws -> Seen {
        var seen = Seen()
        for name in Schemas.exampleNames {
            let schema = try Schemas.example(name)
            if schema.postgresSchema != nil { seen.features.insert("postgres.schema") }
            if !schema.extensions.isEmpty { seen.features.insert("extensions") }
            if schema.targets != Dialect.allCases { seen.features.insert("restricted targets") }
            if schema.name != nil { seen.features.insert("name") }
            for e in schema.enums {
                if e.comment != nil { seen.features.insert("enum comment") }
                if e.swiftName != nil { seen.features.insert("enum swift name") }
            }
            for raw in schema.rawSQL { seen.features.insert("raw sql \(raw.dialect.rawValue)") }
            for view in schema.views {
                seen.features.insert(view.sql.sqlite == view.sql.postgres ? "view shared" : "view per dialect")
                if view.materialized { seen.features.insert("materialized view") }
                if !view.indexes.isEmpty { seen.features.insert("materialized view index") }
                if view.comment != nil { seen.features.insert("view comment") }
                if view.renamedFrom != nil { seen.features.insert("view renamed_from") }
            }
            for table in schema.tables {
                survey(table, into: &seen)
            }
        }
        return seen
    }

    static func survey(_ table: SchemagenCore.Table, into seen: inout Seen) {
        if table.strict { seen.features.insert("strict") }
        if table.comment != nil { seen.features.insert("table comment") }
        if table.renamedFrom != nil { seen.features.insert("table renamed_from") }
        if table.swiftName != nil { seen.features.insert("table swift name") }
        if let pk = table.primaryKey, pk.columns.count > 1 {
            seen.features.insert(pk.name == Naming.primaryKey(table: table.name) ? "composite pk" : "named composite pk")
        }
        for u in table.uniques {
            seen.features.insert(u.name == Naming.unique(table: table.name, columns: u.columns) ? "unique" : "named unique")
        }
        if !table.checks.isEmpty { seen.features.insert("check") }
        for fk in table.foreignKeys {
            if fk.columns.count > 1 { seen.features.insert("composite fk") }
            if fk.name != Naming.foreignKey(table: table.name, columns: fk.columns) { seen.features.insert("named fk") }
            if fk.referencedTable == table.name { seen.features.insert("self reference") }
            if let a = fk.onDelete { seen.features.insert("on_delete \(a.rawValue)") }
            if let a = fk.onUpdate { seen.features.insert("on_update \(a.rawValue)") }
        }
        for index in table.indexes {
            if index.unique && index.predicate != nil { seen.features.insert("unique partial index") }
            if index.predicate != nil { seen.features.insert("partial index") }
            if let m = index.method { seen.features.insert("using \(m.rawValue)") }
            if !index.include.isEmpty { seen.features.insert("include") }
            for part in index.parts {
                switch part {
                case .expression: seen.features.insert("expression index")
                case let .column(_, descending, nulls):
                    if descending { seen.features.insert("desc") }
                    if nulls != nil { seen.features.insert("nulls order") }
                }
            }
        }
        if let search = table.search { seen.features.insert(search.language == "english" ? "search" : "search language") }
        if let p = table.partition { seen.features.insert("partition \(p.strategy.rawValue)") }
        for column in table.columns {
            seen.types.insert(typeKind(column.type))
            if column.nullable { seen.features.insert("nullable") }
            if column.autoUpdate { seen.features.insert("auto_update \(column.type.spelling)") }
            if let g = column.generated { seen.features.insert(g.stored ? "generated stored" : "generated virtual") }
            if column.comment != nil { seen.features.insert("column comment") }
            if column.renamedFrom != nil { seen.features.insert("column renamed_from") }
            if column.swiftName != nil || column.swiftType != nil { seen.features.insert("column swift") }
            if let d = column.defaultValue { seen.defaults.insert(defaultKind(d)) }
        }
    }

    static func typeKind(_ type: ColumnType) -> String {
        switch type {
        case .decimal: return "decimal"
        case .string: return "string"
        case .array: return "array"
        case .enumeration: return "enum"
        case .custom: return "custom"
        default: return type.spelling
        }
    }

    static func defaultKind(_ d: DefaultValue) -> String {
        switch d {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string(let s): return ["now()", "uuid()"].contains(s) ? "function-like string" : "string"
        case .json(let v):
            switch v {
            case .object(let members): return members.isEmpty ? "json {}" : "json object"
            case .array(let items): return items.isEmpty ? "json []" : "json array"
            default: return "json scalar"
            }
        case .function(let f): return f.rawValue
        case .sql: return "sql"
        case .perDialect: return "per dialect"
        }
    }

    @Test func everyTypeIsUsed() throws {
        let seen = try Self.survey()
        let all = ["bool", "smallint", "int", "bigint", "serial", "bigserial", "real", "double", "decimal", "string",
                   "text", "uuid", "timestamp", "datetime", "time", "date", "unixtime", "json", "bytes", "array",
                   "enum", "custom"]
        #expect(Set(all).subtracting(seen.types).isEmpty, "types no example uses: \(Set(all).subtracting(seen.types).sorted())")
    }

    @Test func everyDefaultFormIsUsed() throws {
        let seen = try Self.survey()
        let all = ["null", "bool", "number", "string", "function-like string", "json {}", "json []", "json object",
                   "json array", "json scalar", "now()", "uuid()", "unixepoch()", "current_date()", "sql", "per dialect"]
        #expect(Set(all).subtracting(seen.defaults).isEmpty, "default forms no example uses: \(Set(all).subtracting(seen.defaults).sorted())")
    }

    @Test func everyFeatureIsUsed() throws {
        let seen = try Self.survey()
        var all = ["postgres.schema", "extensions", "restricted targets", "name", "enum comment", "enum swift name",
                   "raw sql sqlite", "raw sql postgres", "view shared", "view per dialect", "materialized view",
                   "materialized view index", "view comment", "view renamed_from", "strict", "table comment",
                   "table renamed_from", "table swift name", "composite pk", "named composite pk", "unique",
                   "named unique", "check", "composite fk", "named fk", "self reference", "unique partial index",
                   "partial index", "include", "expression index", "desc", "nulls order", "search", "search language",
                   "partition range", "partition list", "partition hash", "nullable", "auto_update timestamp",
                   "auto_update datetime", "auto_update unixtime", "generated stored", "generated virtual",
                   "column comment", "column renamed_from", "column swift"]
        all += ReferentialAction.allCases.map { "on_delete \($0.rawValue)" }
        all += IndexMethod.allCases.map { "using \($0.rawValue)" }
        all += ReferentialAction.allCases.map { "on_update \($0.rawValue)" }
        #expect(Set(all).subtracting(seen.features).isEmpty, "features no example uses: \(Set(all).subtracting(seen.features).sorted())")
    }
}
