import SchemagenCore
import SchemagenTestSupport
import Testing

/// What the validator adds to a valid schema: resolved references, and warnings (with
/// their places) for features a target lacks, one per kind.
@Suite("Validation")
struct ValidatorTests {
    @Test("Bare references resolve to the primary key, single or composite, declared before or after")
    func resolution() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          children:
            columns: { org: uuid, pid: int, code: string(5) }
            foreign_keys:
              - { columns: [org, pid], references: parents }
              - { columns: [code], references: "codes" }
          parents:
            columns: { org: uuid, id: int }
            primary_key: { name: pk_parents_custom, columns: [org, id] }
          codes:
            columns: { value: { type: text, primary_key: true } }
        """)
        #expect(schema.table(named: "children")?.foreignKeys.map(\.referencedColumns) == [["org", "id"], ["value"]])
    }

    @Test("A reference to unique columns (not the key) is valid and kept as written")
    func referenceToUnique() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          p:
            columns: { id: { type: int, primary_key: true }, a: int, b: int, c: int }
            unique: [[a, b]]
            indexes: [{ columns: [c], unique: true }]
          q:
            columns: { a: int, b: int, c: { type: int, references: p.c } }
            foreign_keys: [{ columns: [b, a], references: "p(b, a)" }]
        """)
        #expect(schema.table(named: "q")?.foreignKeys.map(\.referencedColumns) == [["c"], ["b", "a"]])
    }

    @Test("The validator changes nothing else: the decoded and the resolved model agree")
    func noOtherChanges() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        tables:
          p: { columns: { id: { type: int, primary_key: true } } }
          q: { columns: { pid: { type: int, references: p.id, on_delete: cascade } } }
        """)
        #expect(schema.tables[1] == Table(name: "q", columns: [Column(name: "pid", type: .int)], foreignKeys: [
            ForeignKey(name: "fk_q_pid", columns: ["pid"], referencedTable: "p", referencedColumns: ["id"], onDelete: .cascade),
        ]))
    }

    @Test("PostgreSQL-only indexes on a SQLite target: one warning per kind, at the first index, listing the others")
    func groupedIndexWarnings() throws {
        let (schema, diagnostics) = try Compile.withWarnings("""
        schemagen: 1
        tables:
          devices:
            columns:
              id: { type: uuid, primary_key: true }
              attrs: json
              tags: "[text]"
              name: text
            indexes:
              - { columns: [attrs], using: gin }
              - { columns: [tags], using: gin }
              - { columns: [name], using: hash }
              - { name: idx_cover, columns: [name], include: [id] }
              - { columns: [id], using: btree }
        """)
        #expect(schema.tables[0].indexes.count == 5)
        #expect(diagnostics.map(\.description) == [
            "schema.yaml:10:9: warning: index 'idx_devices_attrs' of table 'devices' is PostgreSQL-only (gin index): it is left out of the SQLite DDL; so do 1 more of this kind (schema.yaml:11)",
            "schema.yaml:12:9: warning: index 'idx_devices_name' of table 'devices' is PostgreSQL-only (hash index): it is left out of the SQLite DDL",
            "schema.yaml:13:9: warning: index 'idx_cover' of table 'devices' has 'include' columns, which SQLite does not support: SQLite indexes only the key columns",
        ])
    }

    @Test("Tenant tables: a SQLite target gets one warning naming it, at 'tenant'; a nullable tenant column and a custom setting are accepted")
    func tenantTables() throws {
        let (schema, diagnostics) = try Compile.withWarnings("""
        schemagen: 1
        postgres:
          tenant_setting: acme.org_id
        tables:
          projects:
            tenant: org
            columns: { id: { type: int, primary_key: true }, org: "bigint?" }
          tasks:
            tenant: org
            columns: { id: { type: int, primary_key: true }, org: string(20) }
        """)
        #expect(schema.tables.map(\.tenant) == ["org", "org"])
        #expect(schema.tenantPolicy(of: schema.tables[0]) == TenantPolicy(column: "org", type: .bigint, setting: "acme.org_id"))
        #expect(diagnostics.map(\.description) == [
            "schema.yaml:6:5: warning: table 'projects' declares a 'tenant', which SQLite cannot enforce (it has no row-level security): the SQLite target gets the table without isolation; filter by tenant in the application (the GRDB records' forTenant); so do 1 more of this kind (schema.yaml:9)",
        ])
        // PostgreSQL alone: nothing to warn about, and the default setting.
        let postgres = try Compile.schema("schemagen: 1\ntargets: [postgres]\ntables:\n  t:\n    tenant: org\n    columns: { org: uuid }\n")
        #expect(postgres.effectiveTenantSetting == "app.tenant_id")
    }

    @Test("A materialized view over a tenant table, directly or through a view, is warned about; plain views read as their reader")
    func materializedViewOfTenants() throws {
        let (schema, diagnostics) = try Compile.withWarnings("""
        schemagen: 1
        targets: [postgres]
        tables:
          notes:
            tenant: org
            columns: { id: { type: int, primary_key: true }, org: uuid }
        views:
          mine: { sql: SELECT id FROM notes }
          counted: { sql: SELECT count(*) AS n FROM mine, materialized: true }
          unrelated: { sql: SELECT 1 AS one, materialized: true }
        """)
        #expect(PostgresDDL.viewsReadingTenantTables(schema) == ["mine", "counted"])
        #expect(diagnostics.map(\.description) == [
            "schema.yaml:9:3: warning: materialized view 'counted' reads a tenant table: PostgreSQL fills it when it is refreshed, with the rows that session may see (none without a tenant, every tenant's for a superuser), and shows them to every reader; use a plain view, which reads as its reader",
        ])
        let ddl = DDL.script(for: schema, dialect: .postgres, source: "schema.yaml")
        #expect(ddl.contains("CREATE VIEW mine WITH (security_invoker = true) AS"))
        #expect(ddl.contains("CREATE MATERIALIZED VIEW counted AS"))
    }

    @Test("A long group lists five other places, then '...'")
    func longGroup() throws {
        let items = (1 ... 8).map { "      - { columns: [c\($0)], using: gin }" }.joined(separator: "\n")
        let columns = (1 ... 8).map { "c\($0): json" }.joined(separator: ", ")
        let (_, diagnostics) = try Compile.withWarnings("schemagen: 1\ntables:\n  t:\n    columns: { \(columns) }\n    indexes:\n\(items)\n")
        #expect(diagnostics.map(\.description) == [
            "schema.yaml:6:9: warning: index 'idx_t_c1' of table 't' is PostgreSQL-only (gin index): it is left out of the SQLite DDL; so do 7 more of this kind (schema.yaml:7, schema.yaml:8, schema.yaml:9, schema.yaml:10, schema.yaml:11, ...)",
        ])
    }

    @Test("Partitions, materialized views and STRICT warn where a target lacks them, at the key")
    func featureWarnings() throws {
        let (schema, diagnostics) = try Compile.withWarnings("""
        schemagen: 1
        tables:
          events:
            columns: { id: bigint, at: date }
            primary_key: [id, at]
            partition: { by: range, columns: [at] }
          calc:
            columns:
              q: int
              twice: { type: int, generated: { expr: "q * 2", stored: false } }
        views:
          per_day:
            sql: SELECT at, count(*) AS n FROM events GROUP BY at
            materialized: true
        """)
        #expect(schema.tables.count == 2 && schema.views.count == 1)
        #expect(diagnostics.map(\.description) == [
            "schema.yaml:6:5: warning: table 'events' is partitioned, which SQLite does not support: SQLite gets one plain table",
            "schema.yaml:10:27: warning: column 'twice' of table 'calc' is a virtual generated column, which PostgreSQL 15 does not have: PostgreSQL stores it",
            "schema.yaml:14:5: warning: view 'per_day' is materialized, which SQLite does not support: SQLite gets a plain view without indexes",
        ])
    }

    @Test("No warning when the only target has the feature")
    func noWarningForOneTarget() throws {
        _ = try Compile.schema("""
        schemagen: 1
        targets: [postgres]
        tables:
          events:
            columns: { id: bigint, at: date, attrs: json }
            primary_key: [id, at]
            partition: { by: range, columns: [at] }
            indexes: [{ columns: [attrs], using: gin }]
        views:
          v: { sql: SELECT 1 AS one, materialized: true }
        """)
        _ = try Compile.schema("""
        schemagen: 1
        targets: [sqlite]
        tables:
          t:
            strict: true
            columns: { q: int, v: { type: int, generated: { expr: "q + 1", stored: false } } }
        """)
    }

    @Test("STRICT without SQLite as a target warns at 'strict'")
    func strictWithoutSQLite() throws {
        let (schema, diagnostics) = try Compile.withWarnings("schemagen: 1\ntargets: [postgres]\ntables:\n  t:\n    columns: { id: int }\n    strict: true\n")
        #expect(schema.tables[0].strict)
        #expect(diagnostics.map(\.description) == [
            "schema.yaml:6:5: warning: table 't' asks for 'strict', which only SQLite has: without SQLite as a target it does nothing",
        ])
    }

    @Test("A quoted non-integer default on an integer column is rejected like the unquoted one")
    func quotedFractionOnInteger() {
        let quoted = Fixtures.compile("schemagen: 1\ntables:\n  t: { columns: { a: { type: int, default: \"1.5\" } } }\n")
        let plain = Fixtures.compile("schemagen: 1\ntables:\n  t: { columns: { a: { type: int, default: 1.5 } } }\n")
        #expect(plain.diagnostics.hasErrors)
        #expect(quoted.diagnostics.sorted.map(\.description) == ["schema.yaml:3:35: error: the default '1.5' of column 'a' of table 't' does not fit its type int"])
        let outOfRange = Fixtures.compile("schemagen: 1\ntables:\n  t: { columns: { a: { type: smallint, default: \"40000\" } } }\n")
        #expect(outOfRange.diagnostics.sorted.map(\.description) == ["schema.yaml:3:40: error: the default '40000' of column 'a' of table 't' is out of range for smallint (-32768 to 32767)"])
        let fits = Fixtures.compile("schemagen: 1\ntables:\n  t: { columns: { a: { type: int, default: \"-7\" }, b: { type: real, default: \"1.5\" } } }\n")
        #expect(!fits.diagnostics.hasErrors, "\(fits.diagnostics.sorted.map(\.description))")
    }
}
