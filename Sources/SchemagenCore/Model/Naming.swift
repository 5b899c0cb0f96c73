/// Derives the names the format leaves implicit (`pk_<table>`, `idx_<table>_<cols>`, ...)
/// and keeps every identifier within PostgreSQL's 63-byte limit.
public enum Naming {
    /// PostgreSQL's NAMEDATALEN - 1.
    public static let maxIdentifierBytes = 63

    /// A name over 63 bytes becomes its first 54 bytes (never cutting a UTF-8
    /// character), `_`, and the first 8 hex digits of the SHA-256 of the full name:
    /// deterministic, and distinct for names that share a long prefix.
    public static func fit(_ name: String) -> String {
        // Nearly every name fits: check the length before copying the bytes.
        guard name.utf8.count > maxIdentifierBytes else { return name }
        let bytes = Array(name.utf8)
        var cut = 54
        // Back off to a character boundary: continuation bytes are 0b10xxxxxx.
        while cut > 0 && (bytes[cut] & 0xC0) == 0x80 { cut -= 1 }
        let prefix = String(decoding: bytes[0 ..< cut], as: UTF8.self)
        return prefix + "_" + String(sha256Hex(name).prefix(8))
    }

    /// The SHA-256 of the text's UTF-8 bytes, in lower-case hex.
    public static func sha256Hex(_ text: String) -> String { SHA256.hex(text.utf8) }

    public static func primaryKey(table: String) -> String { fit("pk_\(table)") }
    public static func unique(table: String, columns: [String]) -> String {
        fit(joined("uq", table, columns))
    }
    public static func foreignKey(table: String, columns: [String]) -> String {
        fit(joined("fk", table, columns))
    }
    public static func columnCheck(table: String, column: String) -> String { fit("chk_\(table)_\(column)") }
    public static func tableCheck(table: String, ordinal: Int) -> String { fit("chk_\(table)_\(ordinal)") }
    public static func index(table: String, parts: [IndexPart]) -> String {
        let names = parts.map { part -> String in
            switch part {
            case .column(let name, _, _): return name
            case .expression: return "expr"
            }
        }
        return fit(joined("idx", table, names))
    }

    /// `prefix_table_a_b`, as `([prefix, table] + names).joined(separator: "_")` without the arrays.
    static func joined(_ prefix: String, _ table: String, _ names: [String]) -> String {
        var s = prefix
        s += "_"
        s += table
        for name in names {
            s += "_"
            s += name
        }
        return s
    }
    public static func searchIndex(table: String) -> String { fit("idx_\(table)_search") }
    public static func ftsTable(table: String) -> String { fit("\(table)_fts") }
    /// The trigger that keeps an `auto_update` column current (SQLite: schema-wide names; PostgreSQL: per table).
    public static func autoUpdateTrigger(table: String, column: String) -> String { fit("trg_\(table)_\(column)") }
    /// The PostgreSQL function behind an `auto_update` column's trigger.
    public static func autoUpdateFunction(table: String, column: String) -> String { fit("\(table)_touch_\(column)") }
    /// The PostgreSQL function behind a declared trigger (`triggers:`): after the table, like the
    /// auto_update functions, so that a table rename replaces it.
    public static func triggerFunction(table: String, trigger: String) -> String { fit("\(table)_\(trigger)") }
    /// The sequence PostgreSQL creates for an identity column (it keeps its name when the table or column is renamed).
    public static func identitySequence(table: String, column: String) -> String { fit("\(table)_\(column)_seq") }
    /// SQLite's triggers that keep a search table in step: `suffix` is `ai`, `ad` or `au`.
    public static func searchTrigger(table: String, suffix: String) -> String { fit("\(ftsTable(table: table))_\(suffix)") }
    /// The row-level security policy of a table with a `tenant` column (policy names are per table,
    /// but a name after the table reads well in psql's `\d` and follows a rename like the other names).
    public static func tenantPolicy(table: String) -> String { fit("tenant_\(table)") }
    public static let searchTriggerSuffixes = ["ai", "ad", "au"]
}
