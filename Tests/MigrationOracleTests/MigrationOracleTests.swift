import DatabaseTestSupport
import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The migration oracle. For each seeded random pair (old schema, edited new
/// schema), on a real engine: build the old schema from its DDL, insert rows,
/// apply the up migration, and require the catalog to equal that of a database
/// built fresh from the new DDL, with every row of every surviving column kept;
/// then apply the down migration and require the old catalog and the rows back.
///
/// `SCHEMAGEN_ORACLE_PAIRS` (default 330: a pair whose `targets` leave a dialect out is skipped on
/// it, so each dialect runs at least 300) and `SCHEMAGEN_ORACLE_SEED` (default 1)
/// choose the cases; a failure prints the seed of its case to replay it alone
/// (`SCHEMAGEN_ORACLE_PAIRS=1 SCHEMAGEN_ORACLE_SEED=<seed>`).
@Suite(.serialized)
struct MigrationOracleTests {
    static let env = ProcessInfo.processInfo.environment
    static let pairs = Int(env["SCHEMAGEN_ORACLE_PAIRS"] ?? "") ?? 330
    static let firstSeed = UInt64(env["SCHEMAGEN_ORACLE_SEED"] ?? "") ?? 1

    @Test func sqlite() throws {
        var failures: [String] = []
        var kinds = Set<String>()
        var run = 0
        for seed in Self.firstSeed ..< Self.firstSeed + UInt64(Self.pairs) {
            do {
                let testCase = try OracleCase(seed: seed)
                kinds.formUnion(testCase.edits)
                guard testCase.targets(.sqlite) else { continue }
                try testCase.runSQLite()
                run += 1
            } catch {
                failures.append("seed \(seed): \(error)")
                if failures.count >= 3 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failing pair(s):\n\(failures.joined(separator: "\n\n"))")
        if Self.pairs >= 300 { #expect(kinds.count >= 30, "only \(kinds.count) edit kinds were drawn: \(kinds.sorted())") }
        let tenancyKinds = Set(TenancyGenerator.Edit.allCases.map(\.rawValue))
        if Self.pairs >= 300 { #expect(tenancyKinds.isSubset(of: kinds), "tenancy edits not drawn: \(tenancyKinds.subtracting(kinds).sorted())") }
        let keyKinds = Set(["primaryKeyToId", "primaryKeyDropped", "primaryKeyComposite"] + FormGenerator.Edit.allCases.map(\.rawValue))
        if Self.pairs >= 300 { #expect(keyKinds.isSubset(of: kinds), "key edits not drawn: \(keyKinds.subtracting(kinds).sorted())") }
        let triggerKinds = Set(TriggerGenerator.Edit.allCases.map(\.rawValue))
        if Self.pairs >= 300 { #expect(triggerKinds.isSubset(of: kinds), "trigger edits not drawn: \(triggerKinds.subtracting(kinds).sorted())") }
        Self.expectEnough(run, "SQLite")
    }

    @Test func postgres() async throws {
        let engine = try await PostgresEngine.make(name: "schemagen_oracle")
        var failures: [String] = []
        var run = 0
        for seed in Self.firstSeed ..< Self.firstSeed + UInt64(Self.pairs) {
            do {
                let testCase = try OracleCase(seed: seed)
                guard testCase.targets(.postgres) else { continue }
                try await testCase.runPostgres(engine)
                run += 1
            } catch {
                failures.append("seed \(seed): \(String(reflecting: error))")
                if failures.count >= 3 { break }
            }
        }
        try await engine.close()
        #expect(failures.isEmpty, "\(failures.count) failing pair(s):\n\(failures.joined(separator: "\n\n"))")
        Self.expectEnough(run, "PostgreSQL")
    }

    /// By default each dialect runs at least 300 pairs (a pair for one dialect only is skipped on the other).
    static func expectEnough(_ run: Int, _ dialect: String) {
        print("migration oracle: \(run) pairs run on \(dialect) (seeds \(firstSeed) to \(firstSeed + UInt64(pairs) - 1))")
        if pairs >= 330 { #expect(run >= 300, "only \(run) of \(pairs) pairs ran on \(dialect)") }
    }
}

/// One random pair with its migrations and rows.
struct OracleCase {
    let seed: UInt64
    let old: GenSchema
    let new: GenSchema
    let edits: [String]
    let oldModel: Schema
    let newModel: Schema

    init(seed: UInt64) throws {
        self.seed = seed
        var generator = SchemaGenerator(rng: SeededRandom(seed: seed))
        var tenancy = TenancyGenerator(seed: seed)
        var keys = KeyGenerator(seed: seed)
        var forms = FormGenerator(seed: seed)
        var triggers = TriggerGenerator(seed: seed)
        var old = generator.schema()
        tenancy.addTenancy(to: &old)
        keys.shapeKeys(of: &old)
        forms.shapeForms(of: &old)
        triggers.addTriggers(to: &old)
        var new = old
        var edits = generator.edit(&new, count: generator.rng.int(1 ... 3))
        if let e = tenancy.edit(&new) { edits.append(e) }
        if let e = keys.edit(&new) { edits.append(e) }
        if let e = forms.edit(&new) { edits.append(e) }
        if let e = triggers.edit(&new) { edits.append(e) }
        TriggerGenerator.reconcile(&new)
        self.edits = edits
        self.old = old
        self.new = new
        oldModel = try OracleCase.compile(old.yaml, files: old.files)
        newModel = try OracleCase.compile(new.yaml, files: new.files)
    }

    static func compile(_ yaml: String, files: [String: String]) throws -> Schema {
        let result = Fixtures.compile(yaml, files: files)
        guard let schema = result.schema else {
            throw OracleError("the generated schema does not compile:\n\(result.diagnostics.errors.map(\.description).joined(separator: "\n"))\n\(yaml)")
        }
        return schema
    }

    func targets(_ dialect: Dialect) -> Bool { newModel.targets.contains(dialect) && oldModel.targets.contains(dialect) }

    var context: String {
        "edits: \(edits.joined(separator: ", "))\nold schema:\n\(old.yaml)\(old.files.values.joined())\nnew schema:\n\(new.yaml)\(new.files.values.joined())"
    }

    func delta(_ dialect: Dialect) throws -> Migrator.Delta {
        let delta = Migrator.delta(from: oldModel, to: newModel, dialect: dialect)
        if !delta.errors.isEmpty { throw OracleError("planning failed: \(delta.errors)") }
        return delta
    }

    // MARK: Rows

    /// Enum values that exist on both sides, under their old label if renamed (rows must survive the change).
    func enumValues(_ name: String) -> [String] {
        let a = old.enums.first { $0.name == name }?.values ?? []
        let b = new.enums.first { $0.name == name }?.values ?? a
        let renamed = valueRenames(name)
        return a.filter { b.contains($0) || renamed[$0] != nil }
    }

    /// The renamed values of an enum that the new schema lists, old label → new label.
    func valueRenames(_ name: String) -> [String: String] {
        guard let e = new.enums.first(where: { $0.name == name }), old.enums.contains(where: { $0.name == name }) else { return [:] }
        var out: [String: String] = [:]
        for (to, from) in e.renamedFrom where e.values.contains(to) { out[from] = to }
        return out
    }

    /// The renamed values a column of this type holds (of its enum, or of its array's).
    func valueRenames(ofType type: String) -> [String: String] {
        valueRenames(type.hasPrefix("[") ? String(type.dropFirst().dropLast()) : type)
    }

    /// A value's text as the up migration leaves it: each renamed label replaced where it stands as
    /// a whole word (alone, in a SQLite JSON array `["a"]`, in a PostgreSQL array `{a}`, and in the
    /// engines' descriptions of the value).
    static func renamed(_ text: String?, _ renames: [String: String]) -> String? {
        guard var text, !renames.isEmpty else { return text }
        for (from, to) in renames {
            text = text.replacingOccurrences(of: "(?<![A-Za-z0-9_])\(from)(?![A-Za-z0-9_])", with: to, options: .regularExpression)
        }
        return text
    }

    /// INSERT statements for three rows per table of the old schema, parents first.
    func inserts(_ dialect: Dialect) -> [String] {
        var out: [String] = []
        for (ti, t) in old.tables.enumerated() where t.exists(in: dialect) {
            for r in 1 ... 3 {
                var names: [String] = [], values: [String] = []
                for (k, c) in t.columns.enumerated() where !c.autoUpdate && c.generated == nil {
                    names.append(c.name)
                    values.append(literal(c, table: ti, row: r, index: k, dialect))
                }
                out.append("INSERT INTO \(t.name) (\(names.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")));")
            }
        }
        return out
    }

    func idLiteral(table: Int, row: Int) -> (uuid: String, int: String) {
        ("'00000000-0000-4000-8000-0000000\(String(format: "%02d", table))\(String(format: "%03d", row))'", "\(table * 100 + row)")
    }

    func literal(_ c: GenSchema.Column, table: Int, row r: Int, index k: Int, _ dialect: Dialect) -> String {
        if c.name == "id" {
            let id = idLiteral(table: table, row: r)
            return c.type == "uuid" ? id.uuid : id.int
        }
        if let ref = c.references, let parent = old.tables.firstIndex(where: { $0.name == ref.table }) {
            let id = idLiteral(table: parent, row: r)
            return old.tables[parent].columns[0].type == "uuid" ? id.uuid : id.int
        }
        // A column of a two-column foreign key holds the parent row's value of the referenced column.
        if let fk = old.tables[table].foreignKeys.first(where: { $0.columns.contains(c.name) }),
           let parent = old.tables.firstIndex(where: { $0.name == fk.table }),
           let referenced = fk.columns.firstIndex(of: c.name).map({ fk.referenced[$0] }),
           let k = old.tables[parent].columns.firstIndex(where: { $0.name == referenced }) {
            return literal(old.tables[parent].columns[k], table: parent, row: r, index: k, dialect)
        }
        if c.nullable && r == 3 { return "NULL" }
        switch c.type {
        case "text", "string(40)": return "'v\(r)_\(k)'"
        case "int", "bigint", "smallint": return "\(r * 10 + k)"
        case "bool": return dialect == .sqlite ? "\(r % 2)" : (r % 2 == 1 ? "true" : "false")
        case "double": return "\(r).5"
        case "decimal(10,2)": return "\(r).25"
        case "timestamp": return "'2024-01-0\(r)T10:00:0\(k).000Z'"
        case "date": return "'2024-02-0\(r)'"
        case "json": return "'{\"k\":\(r)}'"
        case "[text]": return dialect == .sqlite ? "'[\"a\(r)\"]'" : "'{\"a\(r)\"}'"
        case "[int]": return dialect == .sqlite ? "'[\(r), \(k)]'" : "'{\(r),\(k)}'"
        case "uuid": return "'00000000-0000-4000-8000-0000000\(k)0\(r)00'"
        case "real": return "\(r).75"
        case "time": return "'10:0\(r):0\(k)'"
        case "datetime": return "'2024-03-0\(r) 08:00:0\(k)'"
        case "unixtime": return "\(1_700_000_000 + r * 10 + k)"
        case "bytes": return dialect == .sqlite ? "X'0\(r)0\(k)'" : "'\\x0\(r)0\(k)'"
        case "custom20": return "'c\(r)_\(k)'"
        // Eight characters: PostgreSQL pads a shorter value, and a padded value reads back otherwise as text.
        case "char(8)": return "'c\(r)_\(k)abcd'"
        case let array where array.hasPrefix("["):
            // An array of an enum: one value both sides know.
            let values = enumValues(String(array.dropFirst().dropLast()))
            guard let v = values.first.map({ _ in values[r % values.count] }) else { return dialect == .sqlite ? "'[]'" : "'{}'" }
            return dialect == .sqlite ? "'[\"\(v)\"]'" : "'{\(v)}'"
        default:
            let values = enumValues(c.type)
            return values.isEmpty ? "NULL" : "'\(values[r % values.count])'"
        }
    }

    /// For each table of the old schema that survives: its new name, and the old → new column names
    /// whose values must be kept (cells filled from NULL by a new NOT NULL default are exempt).
    func survivors(_ dialect: Dialect) -> [(old: GenSchema.Table, newName: String, columns: [(old: String, new: String, filled: Bool, renames: [String: String])])] {
        var out: [(old: GenSchema.Table, newName: String, columns: [(old: String, new: String, filled: Bool, renames: [String: String])])] = []
        for t in old.tables where t.exists(in: dialect) {
            guard let n = new.tables.first(where: { $0.name == t.name || $0.renamedFrom == t.name }),
                  n.name == t.name || n.renamedFrom == t.name else { continue }
            var columns: [(old: String, new: String, filled: Bool, renames: [String: String])] = []
            for c in t.columns {
                guard let nc = n.columns.first(where: { $0.name == c.name || $0.renamedFrom == c.name }) else { continue }
                columns.append((c.name, nc.name, c.nullable && !nc.nullable, valueRenames(ofType: c.type)))
            }
            // A generated column reading a filled column is computed from the filled value.
            let filled = Set(columns.filter(\.filled).map(\.new))
            for (i, c) in columns.enumerated() {
                if let g = n.columns.first(where: { $0.name == c.new })?.generated, filled.contains(where: { g.hasPrefix($0 + " ") }) {
                    columns[i].filled = true
                }
            }
            out.append((t, n.name, columns))
        }
        return out
    }

    // MARK: SQLite

    func runSQLite() throws {
        let delta = try delta(.sqlite)
        let up = delta.up.script(title: "up"), down = delta.down.script(title: "down")
        let migrated = try SQLiteEngine()
        try migrated.run(DDL.script(for: oldModel, dialect: .sqlite, source: "old"))
        let oldCatalog = try migrated.catalog()
        for statement in inserts(.sqlite) { try migrated.run(statement) }
        let survivors = survivors(.sqlite)
        let before = try survivors.map { s in try migrated.rows("SELECT \(s.columns.map { "CAST(\($0.old) AS TEXT)" }.joined(separator: ", ")) FROM \(s.old.name) ORDER BY id") }
        do { try migrated.run(up) } catch { throw OracleError("the up migration failed: \(error)\n\(up)\n\(context)") }
        let fresh = try SQLiteEngine()
        try fresh.run(DDL.script(for: newModel, dialect: .sqlite, source: "new"))
        try compare(try migrated.catalog(), try fresh.catalog(), "after up", up)
        for (i, s) in survivors.enumerated() {
            let after = try migrated.rows("SELECT \(s.columns.map { "CAST(\($0.new) AS TEXT)" }.joined(separator: ", ")) FROM \(s.newName) ORDER BY id")
            try compareRows(before[i], after, s.columns.map(\.filled), "\(s.old.name) after up", up, renames: s.columns.map(\.renames))
        }
        do { try migrated.run(down) } catch { throw OracleError("the down migration failed: \(error)\n\(down)\n\(context)") }
        try compare(try migrated.catalog(), oldCatalog, "after down", down)
        for (i, s) in survivors.enumerated() {
            let back = try migrated.rows("SELECT \(s.columns.map { "CAST(\($0.old) AS TEXT)" }.joined(separator: ", ")) FROM \(s.old.name) ORDER BY id")
            try compareRows(before[i], back, s.columns.map(\.filled), "\(s.old.name) after down", down)
        }
    }

    // MARK: PostgreSQL

    /// The namespaces a PostgreSQL case works in: the schema's own `postgres.schema` when it sets one
    /// (made unique per case, and quoted alike when it needs quoting), else plain schemas the scripts
    /// are run in by search path.
    func namespaces() -> (migrated: String, fresh: String, declared: Bool) {
        guard let ns = old.namespace else { return ("m\(seed)", "f\(seed)", false) }
        return SQLSyntax(.postgres).id(ns) == ns ? ("\(ns)_m\(seed)", "\(ns)_f\(seed)", true) : ("\(ns) M\(seed)", "\(ns) F\(seed)", true)
    }

    func runPostgres(_ engine: PostgresEngine) async throws {
        let (m, f, declared) = namespaces()
        var oldModel = oldModel, newModel = newModel, fresh = newModel
        if declared {
            oldModel.postgresSchema = m
            newModel.postgresSchema = m
            fresh.postgresSchema = f
        }
        let delta = Migrator.delta(from: oldModel, to: newModel, dialect: .postgres)
        if !delta.errors.isEmpty { throw OracleError("planning failed: \(delta.errors)") }
        let up = delta.up.script(title: "up"), down = delta.down.script(title: "down")
        let sql = SQLSyntax(.postgres)
        for statement in ["DROP SCHEMA IF EXISTS \(sql.id(m)) CASCADE", "DROP SCHEMA IF EXISTS \(sql.id(f)) CASCADE"] {
            try await engine.execute(statement)
        }
        if !declared {
            for statement in ["CREATE SCHEMA \(m)", "CREATE SCHEMA \(f)"] { try await engine.execute(statement) }
        }
        // A declared namespace is set by the scripts themselves; the session starts in public.
        let start = declared ? "public" : m
        try await engine.runScript(DDL.script(for: oldModel, dialect: .postgres, source: "old"), schema: start)
        let oldCatalog = try await engine.catalog(schema: m)
        try await engine.runScript("SET search_path TO \(sql.id(m));\n" + inserts(.postgres).joined(separator: "\n"), schema: start)
        let survivors = survivors(.postgres)
        var before: [[[String?]]] = []
        for s in survivors {
            before.append(try await engine.texts("SELECT \(s.columns.map { "\($0.old)::text" }.joined(separator: ", ")) FROM \(sql.id(m)).\(s.old.name) ORDER BY id"))
        }
        do { try await engine.runScript(up, schema: start) } catch { throw OracleError("the up migration failed: \(error)\n\(up)\n\(context)") }
        try await engine.runScript(DDL.script(for: fresh, dialect: .postgres, source: "new"), schema: declared ? "public" : f)
        try compare(try await engine.catalog(schema: m), try await engine.catalog(schema: f), "after up", up)
        for (i, s) in survivors.enumerated() {
            let after = try await engine.texts("SELECT \(s.columns.map { "\($0.new)::text" }.joined(separator: ", ")) FROM \(sql.id(m)).\(s.newName) ORDER BY id")
            try compareRows(before[i], after, s.columns.map(\.filled), "\(s.old.name) after up", up, renames: s.columns.map(\.renames))
        }
        do { try await engine.runScript(down, schema: start) } catch { throw OracleError("the down migration failed: \(error)\n\(down)\n\(context)") }
        try compare(try await engine.catalog(schema: m), oldCatalog, "after down", down)
        for (i, s) in survivors.enumerated() {
            let back = try await engine.texts("SELECT \(s.columns.map { "\($0.old)::text" }.joined(separator: ", ")) FROM \(sql.id(m)).\(s.old.name) ORDER BY id")
            try compareRows(before[i], back, s.columns.map(\.filled), "\(s.old.name) after down", down)
        }
        let inPublic = try await engine.texts("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace")
        if !inPublic.isEmpty { throw OracleError("objects were created in public: \(inPublic)\n\(context)") }
        try await engine.execute("DROP SCHEMA \(sql.id(m)) CASCADE")
        try await engine.execute("DROP SCHEMA \(sql.id(f)) CASCADE")
    }

    // MARK: Comparison

    func compare(_ actual: Catalog, _ expected: Catalog, _ when: String, _ script: String) throws {
        guard actual != expected else { return }
        let missing = expected.filter { !actual.contains($0) }
        let extra = actual.filter { !expected.contains($0) }
        throw OracleError("catalog differs \(when):\n  expected but missing:\n    \(missing.joined(separator: "\n    "))\n  present but not expected:\n    \(extra.joined(separator: "\n    "))\nscript:\n\(script)\n\(context)")
    }

    /// `renames`: per column, the enum labels the up migration renames (the values read after it hold the new ones).
    func compareRows(_ before: [[String?]], _ after: [[String?]], _ filled: [Bool], _ what: String, _ script: String,
                     renames: [[String: String]]? = nil) throws {
        guard before.count == after.count else {
            throw OracleError("\(what): \(before.count) rows before, \(after.count) after\nscript:\n\(script)\n\(context)")
        }
        for (b, a) in zip(before, after) {
            for (i, (x, y)) in zip(b, a).enumerated() where Self.renamed(x, renames?[i] ?? [:]) != y {
                if filled[i] && x == nil { continue }
                throw OracleError("\(what): a value changed from \(x ?? "NULL") to \(y ?? "NULL") (column #\(i))\nscript:\n\(script)\n\(context)")
            }
        }
    }
}
