/// The logical type of a column, as the format names it. Each dialect and the
/// Swift generator map it on their own (see the type table of the format).
///
/// Only `array` is indirect: an indirect enum boxes every case with a payload,
/// and then every copy of a column's type is a reference count.
public enum ColumnType: Codable, Sendable, Equatable, Hashable {
    case bool
    case smallint, int, bigint
    /// Auto-incrementing primary keys.
    case serial, bigserial
    case real, double
    case decimal(precision: Int?, scale: Int?)
    case string(length: Int)
    /// Fixed-length text: PostgreSQL's `character(n)`, which pads with spaces (and drops trailing
    /// spaces when read as text); TEXT on SQLite. For schemas that have it (inspect prints it).
    case char(length: Int)
    case text
    case uuid
    /// A point in time (UTC): TIMESTAMPTZ, or ISO-8601 text on SQLite.
    case timestamp
    /// Wall-clock date and time without a zone.
    case datetime
    case time
    case date
    /// Seconds since 1970 as an integer.
    case unixtime
    case json
    case bytes
    indirect case array(ColumnType)
    /// A user-declared enum, by name.
    case enumeration(String)
    /// Passed through per dialect: `{ sqlite: X, postgres: Y, swift: Z }`.
    case custom(sqlite: String?, postgres: String?, swift: String?)

    public var isSerial: Bool {
        switch self {
        case .serial, .bigserial: return true
        default: return false
        }
    }
    public var isInteger: Bool {
        switch self {
        case .smallint, .int, .bigint, .serial, .bigserial, .unixtime: return true
        default: return false
        }
    }
    public var isNumeric: Bool {
        switch self {
        case .real, .double, .decimal: return true
        default: return isInteger
        }
    }
    public var isTextual: Bool {
        switch self {
        case .string, .char, .text: return true
        default: return false
        }
    }
    public var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    /// The names accepted in `type:` for the scalar built-in types.
    public static let builtinNames = [
        "bool", "smallint", "int", "bigint", "serial", "bigserial", "real", "double", "decimal",
        "string", "char", "text", "uuid", "timestamp", "datetime", "time", "date", "unixtime", "json", "bytes",
    ]

    /// The type as the format writes it (`string(255)`, `[text]`, `task_status`): used in messages and comments.
    public var spelling: String {
        switch self {
        case .bool: return "bool"
        case .smallint: return "smallint"
        case .int: return "int"
        case .bigint: return "bigint"
        case .serial: return "serial"
        case .bigserial: return "bigserial"
        case .real: return "real"
        case .double: return "double"
        case let .decimal(p, s):
            if let p, let s { return "decimal(\(p),\(s))" }
            if let p { return "decimal(\(p))" }
            return "decimal"
        case .string(let n): return "string(\(n))"
        case .char(let n): return "char(\(n))"
        case .text: return "text"
        case .uuid: return "uuid"
        case .timestamp: return "timestamp"
        case .datetime: return "datetime"
        case .time: return "time"
        case .date: return "date"
        case .unixtime: return "unixtime"
        case .json: return "json"
        case .bytes: return "bytes"
        case .array(let t): return "[\(t.spelling)]"
        case .enumeration(let name): return name
        case let .custom(sqlite, postgres, swift):
            return "{ sqlite: \(sqlite ?? "-"), postgres: \(postgres ?? "-"), swift: \(swift ?? "-") }"
        }
    }
}

/// The portable default functions, rendered per dialect.
public enum PortableFunction: String, Codable, Sendable, CaseIterable {
    case now = "now()"
    case uuid = "uuid()"
    case unixepoch = "unixepoch()"
    case currentDate = "current_date()"
}

/// A column default.
public enum DefaultValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer or decimal literal, as written (validated to be a number).
    case number(String)
    case string(String)
    /// A JSON document for `json` and array columns.
    case json(JSONValue)
    case function(PortableFunction)
    /// Raw SQL used by every dialect.
    case sql(String)
    /// Raw SQL per dialect; a missing dialect has no default.
    case perDialect(sqlite: String?, postgres: String?)

    /// True when the default is a constant (SQLite can then `ADD COLUMN` it to a table with rows).
    public var isConstant: Bool {
        switch self {
        case .null, .bool, .number, .string, .json: return true
        case .function, .sql, .perDialect: return false
        }
    }
}
