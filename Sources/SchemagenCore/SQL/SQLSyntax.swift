/// Quoting and escaping for one dialect. Every name and every literal that
/// reaches generated SQL goes through here, so a hostile name or default can
/// only ever become a quoted identifier or a string literal.
public struct SQLSyntax: Sendable {
    public let dialect: Dialect

    public init(_ dialect: Dialect) { self.dialect = dialect }

    /// The identifier as it must be written: bare when it is a lowercase ASCII
    /// word that is not a keyword of the dialect, else double-quoted with `"` doubled.
    public func id(_ name: String) -> String {
        if isBare(name) { return name }
        return SQLSyntax.quoted(name)
    }

    /// `id(name)`, appended to `s` without building an intermediate string.
    func appendID(_ name: String, to s: inout String) {
        if isBare(name) { s += name } else { s += SQLSyntax.quoted(name) }
    }

    /// `ids(names)`, appended to `s`.
    func appendIDs(_ names: [String], to s: inout String) {
        for (i, name) in names.enumerated() {
            if i > 0 { s += ", " }
            appendID(name, to: &s)
        }
    }

    /// Whether a name can be written without quotes.
    private func isBare(_ name: String) -> Bool {
        SQLSyntax.isPlain(name) && !(dialect == .sqlite ? SQLSyntax.sqliteKeywordTable : SQLSyntax.postgresKeywordTable).contains(name)
    }

    static let sqliteKeywordTable = KeywordTable(sqliteKeywords)
    static let postgresKeywordTable = KeywordTable(postgresKeywords)

    /// Key words grouped by length and first byte: every identifier of the output is looked up,
    /// and comparing with the one or two words that share both is cheaper than hashing it
    /// (measured: a `Set` makes the PostgreSQL rendering of 5,000 tables about 9% slower).
    struct KeywordTable: Sendable {
        private let buckets: [[String]]
        private let maxLength: Int

        init(_ words: Set<String>) {
            maxLength = words.map(\.utf8.count).max() ?? 0
            var buckets = [[String]](repeating: [], count: (maxLength + 1) * 256)
            for word in words.sorted() {
                buckets[word.utf8.count * 256 + Int(word.utf8.first ?? 0)].append(word)
            }
            self.buckets = buckets
        }

        func contains(_ name: String) -> Bool {
            let length = name.utf8.count
            guard length <= maxLength, let first = name.utf8.first else { return false }
            return buckets[length * 256 + Int(first)].contains(name)
        }
    }

    /// Always quoted: used where a name is compared as text by the engine.
    public static func quoted(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `FOREIGN KEY (...) REFERENCES t (...) [ON DELETE ...] [ON UPDATE ...]`: the same words in both dialects.
    public func foreignKeyClause(_ fk: ForeignKey) -> String {
        var s = ""
        appendForeignKeyClause(fk, to: &s)
        return s
    }

    /// `CONSTRAINT name KIND (a, b)` (a primary key or a unique constraint), appended to `s`: the same words in both dialects.
    func appendConstraint(_ name: String, _ kind: String, columns: [String], to s: inout String) {
        s += "CONSTRAINT "
        appendID(name, to: &s)
        s += " "
        s += kind
        s += " ("
        appendIDs(columns, to: &s)
        s += ")"
    }

    /// A trigger's events as both dialects write them: `INSERT OR UPDATE OF "a", "b"`.
    func triggerEvents(_ trigger: Trigger) -> String {
        trigger.events.map { event in
            event == .update && !trigger.columns.isEmpty ? "UPDATE OF \(ids(trigger.columns))" : event.rawValue.uppercased()
        }.joined(separator: " OR ")
    }

    /// `foreignKeyClause(fk)`, appended to `s`.
    func appendForeignKeyClause(_ fk: ForeignKey, to s: inout String) {
        s += "FOREIGN KEY ("
        appendIDs(fk.columns, to: &s)
        s += ") REFERENCES "
        appendID(fk.referencedTable, to: &s)
        s += " ("
        appendIDs(fk.referencedColumns, to: &s)
        s += ")"
        if let action = fk.onDelete { s += " ON DELETE \(action.sql)" }
        if let action = fk.onUpdate { s += " ON UPDATE \(action.sql)" }
    }

    /// `ns.name` with both parts quoted as needed, or just the name without a namespace
    /// (PostgreSQL's `postgres.schema`, for statements that must not depend on `search_path`).
    public func qualified(_ name: String, in namespace: String?) -> String {
        guard let namespace else { return id(name) }
        return id(namespace) + "." + id(name)
    }

    /// A list of identifiers, comma-separated.
    public func ids(_ names: [String]) -> String { names.map(id).joined(separator: ", ") }

    /// A string literal. On PostgreSQL a text with a backslash uses the `E''`
    /// form, which means the same whatever `standard_conforming_strings` says.
    public func literal(_ text: String) -> String {
        let doubled = text.replacingAll("'", with: "''")
        if dialect == .postgres && text.utf8.contains(UInt8(ascii: "\\")) {
            return "E'" + doubled.replacingAll("\\", with: "\\\\") + "'"
        }
        return "'" + doubled + "'"
    }

    static func isPlain(_ name: String) -> Bool {
        guard let first = name.utf8.first, (first >= 97 && first <= 122) || first == 95 else { return false }
        for b in name.utf8 where !((b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95) { return false }
        return true
    }

    /// `-- text` lines; every line break of the text starts a new comment line,
    /// so a comment can never end early and let SQL through.
    public static func comment(_ text: String, indent: String = "") -> String {
        var out = ""
        var line = ""
        for ch in text.unicodeScalars {
            if ch == "\n" || ch == "\r" || ch == "\u{2028}" || ch == "\u{2029}" || ch == "\u{85}" || ch == "\u{0B}" || ch == "\u{0C}" {
                out += indent + (line.isEmpty ? "--" : "-- " + line) + "\n"
                line = ""
            } else {
                line.unicodeScalars.append(ch)
            }
        }
        if !line.isEmpty || out.isEmpty { out += indent + (line.isEmpty ? "--" : "-- " + line) + "\n" }
        return out
    }

    /// SQL text from the schema (checks, predicates, view bodies) without a trailing semicolon.
    public static func trimmedStatement(_ sql: String) -> String {
        var s = sql.trimmingSpaces
        while s.hasSuffix(";") { s = String(s.dropLast()).trimmingSpaces }
        return s
    }

    /// PostgreSQL's reserved key words, plus the non-reserved ones that cannot be a column name or type unquoted.
    static let postgresKeywords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
        "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
        "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
        "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec",
        "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "extract",
        "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping",
        "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
        "isnull", "join", "json", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
        "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset",
        "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision",
        "primary", "real", "references", "returning", "right", "row", "select", "session_user", "setof", "similar",
        "smallint", "some", "substring", "symmetric", "system_user", "table", "tablesample", "then", "time",
        "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar",
        "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement",
        "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
    ]

    /// SQLite's key words (sqlite.org/lang_keywords.html).
    static let sqliteKeywords: Set<String> = [
        "abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as", "asc", "attach",
        "autoincrement", "before", "begin", "between", "by", "cascade", "case", "cast", "check", "collate", "column",
        "commit", "conflict", "constraint", "create", "cross", "current", "current_date", "current_time",
        "current_timestamp", "database", "default", "deferrable", "deferred", "delete", "desc", "detach", "distinct",
        "do", "drop", "each", "else", "end", "escape", "except", "exclude", "exclusive", "exists", "explain", "fail",
        "filter", "first", "following", "for", "foreign", "from", "full", "generated", "glob", "group", "groups",
        "having", "if", "ignore", "immediate", "in", "index", "indexed", "initially", "inner", "insert", "instead",
        "intersect", "into", "is", "isnull", "join", "key", "last", "left", "like", "limit", "match", "materialized",
        "natural", "no", "not", "nothing", "notnull", "null", "nulls", "of", "offset", "on", "or", "order", "others",
        "outer", "over", "partition", "plan", "pragma", "preceding", "primary", "query", "raise", "range", "recursive",
        "references", "regexp", "reindex", "release", "rename", "replace", "restrict", "returning", "right",
        "rollback", "row", "rows", "savepoint", "select", "set", "table", "temp", "temporary", "then", "ties", "to",
        "transaction", "trigger", "unbounded", "union", "unique", "update", "using", "vacuum", "values", "view",
        "virtual", "when", "where", "window", "with", "without", "rowid", "oid", "_rowid_",
    ]
}

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in this string's bytes: how SQL
    /// lexers see text (Swift's `Character` comparison would not).
    func containsBytes(_ needle: String) -> Bool {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
        for i in 0 ... (h.count - n.count) where h[i] == n[0] {
            if Array(h[i ..< i + n.count]) == n { return true }
        }
        return false
    }

    /// Replaces every occurrence of the ASCII character `target`, byte by byte.
    /// (Working on bytes matters: as a Swift `Character`, a quote followed by a
    /// combining mark is not equal to a quote, and would escape unescaped.)
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        precondition(target.isASCII)
        let t = UInt8(target.value)
        guard utf8.contains(t) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 8)
        for b in utf8 {
            if b == t { out.append(contentsOf: replacement.utf8) } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
