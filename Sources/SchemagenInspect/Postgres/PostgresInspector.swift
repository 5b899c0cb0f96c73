import Foundation
import SchemagenCore

/// Reads one PostgreSQL schema (namespace) into the model, from pg_catalog.
///
/// Types, keys, checks, foreign keys, indexes (method, order, predicate, expressions, INCLUDE),
/// enums, comments, partitions, identity and serial keys, materialized views, `search` (its GIN
/// index) and `auto_update` (its trigger and function) come back as the format's own keys; defaults
/// are mapped back to the portable forms where PostgreSQL stores exactly what schemagen writes for
/// them. Functions, other triggers, domains, sequences nobody owns, and indexes and keys of single
/// partitions are kept as raw `sql:` blocks with a warning; so are views that read such functions
/// (raw blocks run after the views). Objects come in name order, so two databases with the same
/// objects give the same file whatever order they were created in.
struct PostgresInspector {
    let session: PostgresSession
    let namespace: String
    /// `(SELECT oid FROM pg_namespace WHERE nspname = '...')`.
    let ns: String
    var warnings: [String] = []
    var rawSQL: [RawSQL] = []
    /// Sequences behind `nextval` defaults of keys read as serial: PostgreSQL makes an identity's own.
    var serialSequences = Set<String>()
    /// The `tenant_setting` the tenant policies read (nil: the default); one per schema.
    var tenantSettings: [String?] = []
    let sql = SQLSyntax(.postgres)
    let ddl = PostgresDDL(schema: Schema())

    static let separator = "\u{1F}"

    static func inspect(_ session: PostgresSession, namespace: String) async throws -> Inspection {
        var inspector = PostgresInspector(session: session, namespace: namespace,
                                          ns: "(SELECT oid FROM pg_namespace WHERE nspname = \(SQLSyntax(.postgres).literal(namespace)))")
        let exists = try await session.texts("SELECT count(*)::text FROM pg_namespace WHERE nspname = \(inspector.sql.literal(namespace))")
        guard exists.first?.first == "1" else {
            throw InspectError("\(session.location.display) has no schema '\(namespace)'")
        }
        try await session.run("SET search_path TO \(inspector.sql.id(namespace))")
        return try await inspector.run()
    }

    /// `NOT EXISTS` a dependency of the object on an extension (objects an extension installs are not the user's).
    static func notFromExtension(_ catalog: String, _ oid: String) -> String {
        "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '\(catalog)'::regclass AND d.objid = \(oid) AND d.deptype = 'e')"
    }

    mutating func run() async throws -> Inspection {
        var schema = Schema(targets: [.postgres])
        schema.extensions = try await session.texts("SELECT extname::text FROM pg_extension WHERE extnamespace = \(ns) ORDER BY extname").compactMap { $0[0] }
        schema.enums = try await readEnums()
        try await readDomains()
        var tables = try await readTables(enums: Set(schema.enums.map(\.name)))
        try await readSequences(&tables)
        let functions = try await readTriggersAndFunctions(&tables)
        schema.tables = tables
        schema.views = try await readViews(rawFunctions: functions)
        schema.rawSQL = rawSQL
        schema.postgresSchema = namespace == "public" ? nil : namespace
        schema.tenantSetting = tenantSettings.first ?? nil
        return Inspection(schema: schema, warnings: warnings)
    }

    // MARK: Types

    func readEnums() async throws -> [EnumType] {
        let rows = try await session.texts("""
            SELECT t.typname::text, string_agg(e.enumlabel::text, chr(31) ORDER BY e.enumsortorder), obj_description(t.oid, 'pg_type')
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.typnamespace = \(ns) AND \(Self.notFromExtension("pg_type", "t.oid"))
            GROUP BY t.oid, t.typname ORDER BY t.typname
            """)
        return rows.map { EnumType(name: $0[0]!, values: $0[1]!.components(separatedBy: Self.separator), comment: $0[2]) }
    }

    /// Domains: the format has none, so each is a raw block (after the tables) that creates it and
    /// gives its columns the domain type back; the columns are read as the domain's base type.
    mutating func readDomains() async throws {
        let rows = try await session.texts("""
            SELECT t.typname::text, format_type(t.typbasetype, t.typtypmod),
                   (SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), '' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid),
                   t.typnotnull::text, t.typdefault,
                   (SELECT string_agg(format('ALTER TABLE %I ALTER COLUMN %I TYPE %I;', r.relname, a.attname, t.typname), chr(10) ORDER BY r.relname, a.attnum)
                    FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
                    WHERE a.atttypid = t.oid AND r.relkind IN ('r', 'p') AND NOT r.relispartition AND a.attnum > 0 AND NOT a.attisdropped)
            FROM pg_type t WHERE t.typnamespace = \(ns) AND t.typtype = 'd' AND \(Self.notFromExtension("pg_type", "t.oid")) ORDER BY t.typname
            """)
        for row in rows {
            let name = row[0]!
            var create = "CREATE DOMAIN \(sql.id(name)) AS \(row[1]!)"
            if let d = row[4] { create += " DEFAULT \(d)" }
            if row[3] == "true" { create += " NOT NULL" }
            create += (row[2] ?? "") + ";"
            if let alters = row[5] { create += "\n" + alters }
            rawSQL.append(RawSQL(dialect: .postgres, name: name, up: create, down: nil))
            warnings.append("domain '\(name)' cannot be expressed in schema.yaml; its columns are read as \(row[1]!) and a raw sql: block creates the domain and gives them its type")
        }
    }

    /// The model's type of a column, from `format_type` and the type's kind.
    func columnType(_ formatted: String, typtype: String, enums: Set<String>, domainBase: String?) -> ColumnType {
        if let domainBase { return columnType(domainBase, typtype: "b", enums: enums, domainBase: nil) }
        if formatted.hasSuffix("[]") {
            let element = columnType(String(formatted.dropLast(2)), typtype: "b", enums: enums, domainBase: nil)
            if case .custom = element { return .custom(sqlite: nil, postgres: formatted, swift: nil) }
            if case .array = element { return .custom(sqlite: nil, postgres: formatted, swift: nil) }
            return .array(element)
        }
        let unquoted = formatted.hasPrefix("\"") ? String(formatted.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : formatted
        if typtype == "e" || enums.contains(unquoted) { return enums.contains(unquoted) ? .enumeration(unquoted) : .custom(sqlite: nil, postgres: formatted, swift: nil) }
        switch formatted {
        case "boolean": return .bool
        case "smallint": return .smallint
        case "integer": return .int
        case "bigint": return .bigint
        case "real": return .real
        case "double precision": return .double
        case "numeric": return .decimal(precision: nil, scale: nil)
        case "text": return .text
        case "uuid": return .uuid
        case "timestamp with time zone": return .timestamp
        case "timestamp without time zone": return .datetime
        case "time without time zone": return .time
        case "date": return .date
        case "jsonb": return .json
        case "bytea": return .bytes
        default: break
        }
        if let n = Self.parameter(formatted, prefix: "character varying(") { return .string(length: n) }
        if let n = Self.parameter(formatted, prefix: "character(") { return .char(length: n) }
        if formatted.hasPrefix("numeric("), formatted.hasSuffix(")") {
            let parts = formatted.dropFirst("numeric(".count).dropLast().split(separator: ",").compactMap { Int($0) }
            if parts.count == 2 { return .decimal(precision: parts[0], scale: parts[1]) }
            if parts.count == 1 { return .decimal(precision: parts[0], scale: nil) }
        }
        return .custom(sqlite: nil, postgres: formatted, swift: nil)
    }

    static func parameter(_ text: String, prefix: String) -> Int? {
        guard text.hasPrefix(prefix), text.hasSuffix(")") else { return nil }
        return Int(text.dropFirst(prefix.count).dropLast())
    }

    // MARK: Tables

    mutating func readTables(enums: Set<String>) async throws -> [Table] {
        let rows = try await session.texts("""
            SELECT c.oid::text, c.relname::text, obj_description(c.oid, 'pg_class'), c.relkind::text,
                   c.relrowsecurity::text, c.relforcerowsecurity::text
            FROM pg_class c WHERE c.relnamespace = \(ns) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND \(Self.notFromExtension("pg_class", "c.oid"))
            ORDER BY c.relname
            """)
        var tables: [Table] = []
        for row in rows {
            let oid = row[0]!
            var table = Table(name: row[1]!, comment: row[2])
            table.columns = try await readColumns(oid: oid, table: table.name, enums: enums)
            try await readConstraints(oid: oid, into: &table)
            try await readIndexes(oid: oid, into: &table)
            if row[3] == "p" { table.partition = try await readPartition(oid: oid, table: table.name) }
            try await readRowSecurity(oid: oid, rowSecurity: row[4] == "true", forced: row[5] == "true", into: &table)
            markSerialKeys(&table)
            tables.append(table)
        }
        return tables
    }

    mutating func readColumns(oid: String, table: String, enums: Set<String>) async throws -> [Column] {
        let rows = try await session.texts("""
            SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull::text, pg_get_expr(d.adbin, d.adrelid),
                   a.attidentity::text, a.attgenerated::text, col_description(a.attrelid, a.attnum), t.typtype::text,
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
                   (SELECT count(*) FROM pg_collation co WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation)::text
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = \(oid) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """)
        var columns: [Column] = []
        for row in rows {
            let name = row[0]!
            var column = Column(name: name, type: columnType(row[1]!, typtype: row[7] ?? "b", enums: enums, domainBase: row[8]),
                                nullable: row[2] != "true", comment: row[6])
            if row[4] == "d" || row[4] == "a" {
                if column.type == .int { column.type = .serial } else if column.type == .bigint { column.type = .bigserial }
                if row[4] == "a" { warnings.append("column '\(table).\(name)' is GENERATED ALWAYS AS IDENTITY; schema.yaml's serial keys are BY DEFAULT") }
            }
            if let expression = row[3] {
                if row[5] == "s" {
                    column.generated = GeneratedColumn(expression: expression, stored: true)
                } else {
                    column.defaultValue = defaultValue(expression, type: column.type)
                }
            }
            if row[9] != "0" { warnings.append("the collation of column '\(table).\(name)' cannot be expressed in schema.yaml; dropped") }
            columns.append(column)
        }
        return columns
    }

    /// A stored default (`pg_get_expr`) as the model's default: a literal or portable function where
    /// PostgreSQL stores exactly what schemagen writes for it, else raw SQL (which it stores as is).
    func defaultValue(_ text: String, type: ColumnType) -> DefaultValue {
        if text.hasPrefix("nextval(") { return .sql(text) }
        if let f = PortableFunction.allCases.first(where: { Self.stored(ddl.functionExpression($0, type: type)) == text }) { return .function(f) }
        if text == "true" || text == "false" { return type == .bool ? .bool(text == "true") : .sql(text) }
        if text.hasPrefix("NULL::") { return .null }
        if Double(text) != nil, !text.hasPrefix("-") { return .number(text) }
        let tokens = SQLTokens(text, dialect: .postgres).tokens
        // 'literal'::type
        if tokens.count >= 3, tokens[0].text.hasPrefix("'"), tokens[1].text == ":", tokens[2].text == ":",
           let literal = SQLiteInspector.stringLiteral(tokens[0].text), !tokens[0].text.hasPrefix("E'") {
            let cast = String(text[text.index(text.startIndex, offsetBy: tokens[0].text.count + 2)...])
            switch type {
            case .json:
                if cast == "jsonb", let json = JSONValue.parse(literal) { return .json(json) }
            case .text, .string, .enumeration:
                if cast == "text" || cast == "character varying" || cast == ddl.columnType(type).lowercased() || cast == sql.id(type.spelling) {
                    return .string(literal)
                }
            case .smallint, .int, .bigint, .real, .double, .decimal:
                let special = ["Infinity": ".inf", "-Infinity": "-.inf", "NaN": ".nan"]
                if let yaml = special[literal] { return .number(yaml) }
                if Double(literal) != nil { return .number(literal) }
            default: break
            }
        }
        return .sql(text)
    }

    /// How PostgreSQL 15 stores the portable functions' SQL (it drops the outer parentheses and lower-cases EXTRACT's field).
    static func stored(_ expression: String) -> String {
        switch expression {
        case "(now() AT TIME ZONE 'UTC')": return "(now() AT TIME ZONE 'UTC'::text)"
        case "(EXTRACT(EPOCH FROM now()))::bigint": return "(EXTRACT(epoch FROM now()))::bigint"
        default: return expression
        }
    }

    /// A single-column integer key with a `nextval` default is a serial key (its sequence is then
    /// PostgreSQL's own, not kept: `serialSequences`).
    mutating func markSerialKeys(_ table: inout Table) {
        guard let key = table.primaryKey?.columns, key.count == 1, let i = table.columns.firstIndex(where: { $0.name == key[0] }) else { return }
        if case .sql(let text) = table.columns[i].defaultValue, let sequence = Self.sequenceName(text) {
            if table.columns[i].type == .int { table.columns[i].type = .serial }
            if table.columns[i].type == .bigint { table.columns[i].type = .bigserial }
            if table.columns[i].type.isSerial { serialSequences.insert(sequence) }
        }
        if table.columns[i].type.isSerial { table.columns[i].defaultValue = nil }
        for c in table.columns.indices where table.columns[c].type.isSerial && c != i {
            table.columns[c].type = table.columns[c].type == .serial ? .int : .bigint
        }
    }

    /// `nextval('public.s'::regclass)`: the sequence's name, without its schema.
    static func sequenceName(_ expression: String) -> String? {
        let tokens = SQLTokens(expression, dialect: .postgres).tokens
        guard tokens.count >= 3, tokens[0].isKeyword("NEXTVAL"), let literal = SQLiteInspector.stringLiteral(tokens[2].text) else { return nil }
        let name = literal.split(separator: ".").last.map(String.init) ?? literal
        return name.hasPrefix("\"") ? String(name.dropFirst().dropLast()) : name
    }

    /// Sequences the format has no key for (other than a serial key's): each a raw block after the
    /// tables that creates it, gives the columns their `nextval` defaults back, and sets its owner.
    mutating func readSequences(_ tables: inout [Table]) async throws {
        var users: [String: [(table: String, column: String, expression: String)]] = [:]
        for t in tables.indices {
            for c in tables[t].columns.indices {
                guard case .sql(let text) = tables[t].columns[c].defaultValue, let sequence = Self.sequenceName(text) else { continue }
                users[sequence, default: []].append((tables[t].name, tables[t].columns[c].name, text))
                tables[t].columns[c].defaultValue = nil
            }
        }
        let rows = try await session.texts("""
            SELECT c.relname::text, format_type(s.seqtypid, NULL), s.seqstart::text, s.seqincrement::text, s.seqmin::text, s.seqmax::text,
                   s.seqcache::text, s.seqcycle::text,
                   (SELECT format('%I.%I', t.relname, a.attname) FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a')
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
            WHERE c.relnamespace = \(ns) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
              AND \(Self.notFromExtension("pg_class", "c.oid"))
            ORDER BY c.relname
            """)
        for row in rows where !serialSequences.contains(row[0]!) {
            let name = row[0]!
            var up = "CREATE SEQUENCE \(sql.id(name)) AS \(row[1]!) INCREMENT BY \(row[3]!) MINVALUE \(row[4]!) MAXVALUE \(row[5]!) START WITH \(row[2]!) CACHE \(row[6]!)\(row[7] == "true" ? " CYCLE" : "");"
            for user in users[name] ?? [] {
                up += "\nALTER TABLE \(sql.id(user.table)) ALTER COLUMN \(sql.id(user.column)) SET DEFAULT \(user.expression);"
            }
            if let owner = row[8] { up += "\nALTER SEQUENCE \(sql.id(name)) OWNED BY \(owner);" }
            keepRaw(name: name, up: up, down: "DROP SEQUENCE IF EXISTS \(sql.id(name)) CASCADE;", what: "sequence")
        }
    }

    mutating func readConstraints(oid: String, into table: inout Table) async throws {
        let rows = try await session.texts("""
            SELECT k.conname::text, k.contype::text, pg_get_constraintdef(k.oid),
                   (SELECT string_agg(a.attname::text, chr(31) ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY AS u(num, ord) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num),
                   f.relname::text,
                   (SELECT string_agg(a.attname::text, chr(31) ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY AS u(num, ord) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num),
                   k.confdeltype::text, k.confupdtype::text, k.condeferrable::text, (f.relnamespace = \(ns))::text
            FROM pg_constraint k LEFT JOIN pg_class f ON f.oid = k.confrelid
            WHERE k.conrelid = \(oid) AND k.contype IN ('p', 'u', 'c', 'f', 'x') AND k.conparentid = 0
            ORDER BY k.contype, k.conname
            """)
        for row in rows {
            let name = row[0]!, definition = row[2]!
            let columns = row[3].map { $0.components(separatedBy: Self.separator) } ?? []
            if row[8] == "true" { warnings.append("constraint '\(name)' of '\(table.name)' is DEFERRABLE, which schema.yaml cannot express; dropped") }
            switch row[1] {
            case "p": table.primaryKey = PrimaryKey(name: name, columns: columns)
            case "u" where definition.hasPrefix("UNIQUE ("): table.uniques.append(UniqueConstraint(name: name, columns: columns))
            case "c" where definition.hasPrefix("CHECK ("):
                var expression = String(definition.dropFirst("CHECK (".count))
                if expression.hasSuffix(" NOT VALID") { expression = String(expression.dropLast(" NOT VALID".count)) }
                table.checks.append(CheckConstraint(name: name, expression: String(expression.dropLast())))
            case "f" where row[9] == "true":
                table.foreignKeys.append(ForeignKey(name: name, columns: columns, referencedTable: row[4]!,
                                                    referencedColumns: row[5]?.components(separatedBy: Self.separator) ?? [],
                                                    onDelete: Self.action(row[6]), onUpdate: Self.action(row[7])))
            default:
                keepRaw(name: "\(table.name).\(name)", up: "ALTER TABLE \(sql.id(table.name)) ADD CONSTRAINT \(sql.id(name)) \(definition);",
                        down: "ALTER TABLE \(sql.id(table.name)) DROP CONSTRAINT IF EXISTS \(sql.id(name));", what: "constraint")
            }
        }
    }

    /// `confdeltype`/`confupdtype`: NO ACTION (the default) is nil, as the format leaves it out.
    static func action(_ code: String?) -> ReferentialAction? {
        switch code {
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return nil
        }
    }

    mutating func readIndexes(oid: String, into table: inout Table) async throws {
        let rows = try await indexRows("i.indrelid = \(oid)")
        for row in rows {
            if let index = index(row, owner: table.name, searchOf: &table) { table.indexes.append(index) }
        }
    }

    /// Index rows: name, unique, method, predicate, key parts (chr(31)-joined: `c:name` or `e:expression`, with
    /// `indoption`), the INCLUDE columns, and the whole definition.
    func indexRows(_ filter: String) async throws -> [[String?]] {
        try await session.texts("""
            SELECT ic.relname::text, i.indisunique::text, am.amname::text, pg_get_expr(i.indpred, i.indrelid),
                   (SELECT string_agg(CASE WHEN i.indkey[k - 1] = 0 THEN 'e:' || pg_get_indexdef(i.indexrelid, k, true)
                                           ELSE 'c:' || (SELECT attname::text FROM pg_attribute WHERE attrelid = i.indrelid AND attnum = i.indkey[k - 1]) END
                                      || ':' || i.indoption[k - 1]::text, chr(31) ORDER BY k)
                    FROM generate_series(1, i.indnkeyatts) AS k),
                   (SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), chr(31) ORDER BY k) FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k),
                   pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
            WHERE \(filter) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
            ORDER BY ic.relname
            """)
    }

    /// The model's index, or nil when it is the search index (then `searchOf` gets its search) or the
    /// format cannot say it (kept raw).
    mutating func index(_ row: [String?], owner: String, searchOf table: inout Table) -> Index? {
        let name = row[0]!
        var index = Index(name: name, parts: [], unique: row[1] == "true", predicate: row[3])
        let method = IndexMethod(rawValue: row[2]!)
        index.method = method == .btree ? nil : method
        for part in (row[4] ?? "").components(separatedBy: Self.separator) {
            let kind = part.prefix(2)
            guard let optionStart = part.lastIndex(of: ":"), let option = Int(part[part.index(after: optionStart)...]) else { return keepIndexRaw(row, owner) }
            let body = String(part[part.index(part.startIndex, offsetBy: 2) ..< optionStart])
            if kind == "c:", SchemaYAMLWriter.canNameIndexColumn(body), !index.parts.contains(where: { $0.columnName == nil }) {
                let descending = option & 1 == 1, nullsFirst = option & 2 == 2
                index.parts.append(.column(name: body, descending: descending, nulls: nullsFirst == descending ? nil : (nullsFirst ? .first : .last)))
            } else if kind == "e:" || kind == "c:", option == 0 {
                index.parts.append(.expression(kind == "c:" ? sql.id(body) : body))
            } else {
                return keepIndexRaw(row, owner)
            }
        }
        index.include = row[5].map { $0.components(separatedBy: Self.separator) } ?? []
        if name == Naming.searchIndex(table: owner), index.method == .gin, index.parts.count == 1, case .expression(let e) = index.parts[0],
           let search = Self.search(e) {
            table.search = search
            return nil
        }
        return index
    }

    mutating func keepIndexRaw(_ row: [String?], _ owner: String) -> Index? {
        keepRaw(name: row[0]!, up: row[6]! + ";", down: "DROP INDEX IF EXISTS \(sql.id(row[0]!));", what: "index")
        return nil
    }

    /// `to_tsvector('english'::regconfig, ((COALESCE(a, ''::text) || ' '::text) || COALESCE(b, ''::text)))`: the columns and language.
    static func search(_ expression: String) -> FullTextSearch? {
        let tokens = SQLTokens(expression, dialect: .postgres).tokens
        guard tokens.count > 3, tokens[0].isKeyword("TO_TSVECTOR"), let language = SQLiteInspector.stringLiteral(tokens[2].text) else { return nil }
        var columns: [String] = []
        for (i, token) in tokens.enumerated() where token.isKeyword("COALESCE") && i + 2 < tokens.count { columns.append(tokens[i + 2].name) }
        return columns.isEmpty ? nil : FullTextSearch(columns: columns, language: language)
    }

    func readPartition(oid: String, table: String) async throws -> Partition? {
        let key = try await session.texts("""
            SELECT p.partstrat::text, (SELECT string_agg(a.attname::text, chr(31) ORDER BY u.ord) FROM unnest(p.partattrs::int2[]) WITH ORDINALITY AS u(num, ord) JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = u.num)
            FROM pg_partitioned_table p WHERE p.partrelid = \(oid)
            """)
        guard let row = key.first, let columns = row[1] else { return nil }
        let strategy: Partition.Strategy = row[0] == "r" ? .range : row[0] == "l" ? .list : .hash
        let parts = try await session.texts("""
            SELECT c.relname::text, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = \(oid) ORDER BY c.relname
            """)
        return Partition(strategy: strategy, columns: columns.components(separatedBy: Self.separator), partitions: parts.map { part in
            let bound = part[1]!
            return Partition.Part(name: part[0]!, bound: bound == "DEFAULT" ? nil : String(bound.dropFirst("FOR VALUES ".count)))
        })
    }

    // MARK: Triggers, functions, views

    /// Marks `auto_update` columns (their trigger and function as schemagen names them); keeps every other
    /// trigger, the indexes and foreign keys of single partitions, and every function as raw SQL.
    /// Returns the names of the functions kept raw.
    mutating func readTriggersAndFunctions(_ tables: inout [Table]) async throws -> Set<String> {
        let triggers = try await session.texts("""
            SELECT c.relname::text, t.tgname::text, p.proname::text, pg_get_triggerdef(t.oid), c.relispartition::text
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE c.relnamespace = \(ns) AND NOT t.tgisinternal AND t.tgparentid = 0 ORDER BY c.relname, t.tgname
            """)
        var touchFunctions = Set<String>()
        var rawTriggers: [[String?]] = []
        for row in triggers {
            let tableName = row[0]!, trigger = row[1]!, function = row[2]!
            if let t = tables.firstIndex(where: { $0.name == tableName }),
               let c = tables[t].columns.firstIndex(where: { Naming.autoUpdateTrigger(table: tableName, column: $0.name) == trigger && Naming.autoUpdateFunction(table: tableName, column: $0.name) == function }) {
                tables[t].columns[c].autoUpdate = true
                // auto_update takes a timestamp, datetime or unixtime column: a BIGINT one holds unix seconds.
                if tables[t].columns[c].type == .bigint { tables[t].columns[c].type = .unixtime }
                touchFunctions.insert(function)
            } else {
                rawTriggers.append(row)
            }
        }
        let functions = try await session.texts("""
            SELECT p.proname::text, CASE WHEN p.prokind = 'a' THEN NULL ELSE pg_get_functiondef(p.oid) END,
                   format('%I(%s)', p.proname, pg_get_function_identity_arguments(p.oid)), p.prokind::text
            FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
            WHERE p.pronamespace = \(ns) AND \(Self.notFromExtension("pg_proc", "p.oid"))
            ORDER BY p.prokind = 'a', l.lanname = 'sql', p.proname, pg_get_function_identity_arguments(p.oid)
            """)
        // Aggregates after the functions they use; SQL-language functions (whose bodies PostgreSQL checks
        // when they are created) after the others, which they may call.
        var raw = Set<String>()
        for row in functions where !touchFunctions.contains(row[0]!) {
            raw.insert(row[0]!)
            let kind = row[3] == "p" ? "PROCEDURE" : row[3] == "a" ? "AGGREGATE" : "FUNCTION"
            guard let definition = row[1] else {
                let definition = try await aggregateDefinition(signature: row[2]!)
                keepRaw(name: row[0]!, up: definition, down: "DROP AGGREGATE IF EXISTS \(row[2]!);", what: "aggregate")
                continue
            }
            keepRaw(name: row[2]!, up: definition.trimmingCharacters(in: .whitespacesAndNewlines) + ";", down: "DROP \(kind) IF EXISTS \(row[2]!);", what: kind.lowercased())
        }
        // Indexes and foreign keys declared on a single partition.
        for row in try await indexRows("i.indrelid IN (SELECT oid FROM pg_class WHERE relnamespace = \(ns) AND relispartition) AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)") {
            _ = keepIndexRaw(row, "")
        }
        let partitionKeys = try await session.texts("""
            SELECT c.relname::text, k.conname::text, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE c.relnamespace = \(ns) AND c.relispartition AND k.conparentid = 0 AND k.contype IN ('f', 'c', 'u', 'p') ORDER BY c.relname, k.conname
            """)
        for row in partitionKeys {
            keepRaw(name: "\(row[0]!).\(row[1]!)", up: "ALTER TABLE \(sql.id(row[0]!)) ADD CONSTRAINT \(sql.id(row[1]!)) \(row[2]!);",
                    down: "ALTER TABLE \(sql.id(row[0]!)) DROP CONSTRAINT IF EXISTS \(sql.id(row[1]!));", what: "constraint of a partition")
        }
        for row in rawTriggers {
            keepRaw(name: "\(row[0]!).\(row[1]!)", up: row[3]! + ";", down: "DROP TRIGGER IF EXISTS \(sql.id(row[1]!)) ON \(sql.id(row[0]!));", what: "trigger")
        }
        return raw
    }

    /// `CREATE AGGREGATE` from pg_aggregate (PostgreSQL has no pg_get_aggregatedef).
    func aggregateDefinition(signature: String) async throws -> String {
        let rows = try await session.texts("""
            SELECT a.aggtransfn::regproc::text, format_type(a.aggtranstype, NULL), NULLIF(a.aggfinalfn::oid, 0)::regproc::text, a.agginitval
            FROM pg_aggregate a WHERE a.aggfnoid = \(sql.literal(signature))::regprocedure
            """)
        guard let row = rows.first else { return "" }
        var parts = ["SFUNC = \(row[0]!)", "STYPE = \(row[1]!)"]
        if let final = row[2] { parts.append("FINALFUNC = \(final)") }
        if let initial = row[3] { parts.append("INITCOND = \(sql.literal(initial))") }
        return "CREATE AGGREGATE \(signature) (\(parts.joined(separator: ", ")));"
    }

    mutating func readViews(rawFunctions: Set<String>) async throws -> [View] {
        let rows = try await session.texts("""
            SELECT c.oid::text, c.relname::text, pg_get_viewdef(c.oid, true), (c.relkind = 'm')::text, obj_description(c.oid, 'pg_class')
            FROM pg_class c WHERE c.relnamespace = \(ns) AND c.relkind IN ('v', 'm') AND \(Self.notFromExtension("pg_class", "c.oid"))
            ORDER BY c.relname
            """)
        var views: [View] = []
        var rawViews = Set<String>()
        for row in rows {
            let name = row[1]!, materialized = row[3] == "true"
            var body = row[2]!.trimmingCharacters(in: .whitespacesAndNewlines)
            if body.hasSuffix(";") { body.removeLast() }
            let words = Set(SQLTokens(body, dialect: .postgres).tokens.filter(\.isName).map { $0.name.lowercased() })
            if !words.isDisjoint(with: rawFunctions.union(rawViews).map { $0.lowercased() }) {
                rawViews.insert(name)
                let kind = materialized ? "MATERIALIZED VIEW" : "VIEW"
                keepRaw(name: name, up: "CREATE \(kind) \(sql.id(name)) AS\n\(body);", down: "DROP \(kind) IF EXISTS \(sql.id(name));",
                        what: "view that reads a function or view kept as raw SQL,")
                continue
            }
            var view = View(name: name, sql: DialectText(sqlite: nil, postgres: body), materialized: materialized, comment: row[4])
            if materialized {
                var ignored = Table(name: name)
                view.indexes = try await indexRows("i.indrelid = \(row[0]!)").compactMap { index($0, owner: name, searchOf: &ignored) }
            }
            views.append(view)
        }
        return views
    }

    mutating func keepRaw(name: String, up: String, down: String?, what: String) {
        rawSQL.append(RawSQL(dialect: .postgres, name: name, up: up, down: down))
        warnings.append("\(what) '\(name)' cannot be expressed in schema.yaml; kept as a raw sql: block")
    }
}
