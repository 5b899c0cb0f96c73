import SchemagenCore
import SchemagenTestSupport
import Testing

/// Every form of `default:`, checked on the model value.
@Suite("Frontend: defaults")
struct DefaultDecodingTests {
    /// (column type, default as written in a flow mapping, expected model value)
    static let cases: [(String, String, DefaultValue)] = [
        // Scalars are literals.
        ("int", "0", .number("0")),
        ("int", "42", .number("42")),
        ("smallint", "-32768", .number("-32768")),
        ("int", "+7", .number("+7")),
        ("bigint", "9007199254740993", .number("9007199254740993")),
        ("real", "0.5", .number("0.5")),
        ("double", "-1.25e-3", .number("-1.25e-3")),
        ("double", ".inf", .number(".inf")),
        ("double", "-.inf", .number("-.inf")),
        ("double", ".nan", .number(".nan")),
        ("real", ".5", .number("0.5")),
        ("double", "-.INF", .number("-.inf")),
        ("\"decimal(10,2)\"", "19.99", .number("19.99")),
        ("\"decimal(8)\"", "\"12345678\"", .string("12345678")),
        ("bool", "true", .bool(true)),
        ("bool", "false", .bool(false)),
        ("bool", "True", .bool(true)),
        ("text", "'me'", .string("me")),
        ("text", "me", .string("me")),
        ("text", "\"it's\"", .string("it's")),
        ("text", "\"\"", .string("")),
        ("text", "42", .number("42")),
        ("text", "\"true\"", .string("true")),
        ("text", "\"null\"", .string("null")),
        ("\"text?\"", "null", .null),
        ("\"text?\"", "~", .null),
        ("uuid", "\"6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a\"", .string("6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a")),
        ("date", "\"2024-02-29\"", .string("2024-02-29")),
        ("time", "\"12:30:00\"", .string("12:30:00")),
        ("timestamp", "\"2024-01-02T03:04:05.678Z\"", .string("2024-01-02T03:04:05.678Z")),
        ("unixtime", "1700000000", .number("1700000000")),
        // Portable functions.
        ("timestamp", "now()", .function(.now)),
        ("datetime", "now()", .function(.now)),
        ("timestamp", "NOW()", .function(.now)),
        ("uuid", "uuid()", .function(.uuid)),
        ("text", "uuid()", .function(.uuid)),
        ("string(36)", "uuid()", .function(.uuid)),
        ("unixtime", "unixepoch()", .function(.unixepoch)),
        ("bigint", "unixepoch()", .function(.unixepoch)),
        ("int", "unixepoch()", .function(.unixepoch)),
        ("date", "current_date()", .function(.currentDate)),
        // Raw SQL, shared or per dialect.
        ("int", "{ sql: \"1 + 2\" }", .sql("1 + 2")),
        ("bool", "{ sql: \"1 IN (1, 2)\" }", .sql("1 IN (1, 2)")),
        ("text", "{ sqlite: \"upper('lite')\", postgres: \"upper('pg')\" }", .perDialect(sqlite: "upper('lite')", postgres: "upper('pg')")),
        ("text", "{ sqlite: \"'only'\" }", .perDialect(sqlite: "'only'", postgres: nil)),
        ("text", "{ postgres: \"'only'\" }", .perDialect(sqlite: nil, postgres: "'only'")),
        // { value: ... } is a literal, never a function.
        ("text", "{ value: \"now()\" }", .string("now()")),
        ("string(10)", "{ value: uuid() }", .string("uuid()")),
        ("int", "{ value: 3 }", .number("3")),
        ("bool", "{ value: false }", .bool(false)),
        // Enums take a label.
        ("status", "closed", .string("closed")),
        // json: scalars, lists and mappings are JSON literals.
        ("json", "{}", .json(.object([]))),
        ("json", "[]", .json(.array([]))),
        ("json", "\"just text\"", .json(.string("just text"))),
        ("json", "42", .json(.number("42"))),
        ("json", "+42", .json(.number("42"))),
        ("json", "true", .json(.bool(true))),
        ("\"json?\"", "null", .null),
        ("json", "[1, \"two\", { three: 3 }, null, false, \"4\"]",
         .json(.array([.number("1"), .string("two"), .object([.init(key: "three", value: .number("3"))]), .null, .bool(false), .string("4")]))),
        ("json", "{ theme: dark, limits: { cpu: 2, tags: [x, y] }, enabled: true, note: null }",
         .json(.object([
             .init(key: "theme", value: .string("dark")),
             .init(key: "limits", value: .object([
                 .init(key: "cpu", value: .number("2")),
                 .init(key: "tags", value: .array([.string("x"), .string("y")])),
             ])),
             .init(key: "enabled", value: .bool(true)),
             .init(key: "note", value: .null),
         ]))),
        // json: the reserved mapping shapes, and a JSON object with those keys wrapped in { value }.
        ("json", "{ sql: \"'[0]'\" }", .sql("'[0]'")),
        ("json", "{ sqlite: \"json_array(1)\", postgres: \"'[1]'::jsonb\" }", .perDialect(sqlite: "json_array(1)", postgres: "'[1]'::jsonb")),
        ("json", "{ value: { sql: \"not raw SQL\", postgres: neither } }",
         .json(.object([.init(key: "sql", value: .string("not raw SQL")), .init(key: "postgres", value: .string("neither"))]))),
        ("json", "{ value: { value: 1 } }", .json(.object([.init(key: "value", value: .number("1"))]))),
        ("json", "{ value: [1] }", .json(.array([.number("1")]))),
        ("json", "{ value: now() }", .json(.string("now()"))),
        ("json", "{ sql: x, other: y }", .json(.object([.init(key: "sql", value: .string("x")), .init(key: "other", value: .string("y"))]))),
        ("json", "{ sqlite: x, value: y }", .json(.object([.init(key: "sqlite", value: .string("x")), .init(key: "value", value: .string("y"))]))),
        // Arrays: a list is the array literal.
        ("\"[text]\"", "[]", .json(.array([]))),
        ("\"[int]\"", "[1, 2, 3]", .json(.array([.number("1"), .number("2"), .number("3")]))),
        ("\"[status]\"", "[open]", .json(.array([.string("open")]))),
        ("\"[double]?\"", "[0.5, -1e2]", .json(.array([.number("0.5"), .number("-1e2")]))),
        ("\"[double]\"", "[.5, 1.]", .json(.array([.number("0.5"), .number("1.0")]))),
        ("\"[bool]\"", "[true, false]", .json(.array([.bool(true), .bool(false)]))),
        ("\"[text]\"", "{ sql: \"ARRAY[]::text[]\" }", .sql("ARRAY[]::text[]")),
    ]

    @Test("Each default form gives its model value", arguments: cases)
    func defaultValue(_ type: String, _ yaml: String, _ expected: DefaultValue) throws {
        let column = try Compile.column("      c: { type: \(type), default: \(yaml) }", "c", prelude: "enums:\n  status: [open, closed]")
        #expect(column.defaultValue == expected)
    }

    @Test("Block-style defaults are the same as flow-style ones")
    func blockStyle() throws {
        let column = try Compile.column("""
              c:
                type: json
                default:
                  theme: dark
                  tags:
                    - x
        """, "c")
        #expect(column.defaultValue == .json(.object([
            .init(key: "theme", value: .string("dark")),
            .init(key: "tags", value: .array([.string("x")])),
        ])))
    }

    @Test("A column without 'default' has none")
    func noDefault() throws {
        #expect(try Compile.column("      c: text?", "c").defaultValue == nil)
        #expect(try Compile.column("      c: { type: text }", "c").defaultValue == nil)
    }

    @Test("DefaultValue.isConstant")
    func isConstant() {
        let constant: [DefaultValue] = [.null, .bool(true), .number("1"), .string("x"), .json(.array([]))]
        let computed: [DefaultValue] = [.function(.now), .sql("1"), .perDialect(sqlite: "1", postgres: nil)]
        #expect(constant.allSatisfy { $0.isConstant })
        #expect(!computed.contains(where: { $0.isConstant }))
    }

    @Test("PortableFunction spellings")
    func portableFunctions() {
        #expect(PortableFunction.allCases.map(\.rawValue) == ["now()", "uuid()", "unixepoch()", "current_date()"])
    }
}
