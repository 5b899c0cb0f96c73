@testable import SchemagenCore
import SchemagenTestSupport
import Testing

/// Every type of the type table, through the type parser and through a compiled column.
@Suite("Frontend: column types")
struct TypeParserTests {
    /// Every spelling of the type table (and the accepted SQL aliases) with its model value.
    static let types: [(String, ColumnType)] = [
        ("bool", .bool),
        ("smallint", .smallint),
        ("int", .int),
        ("bigint", .bigint),
        ("real", .real),
        ("double", .double),
        ("decimal(10,2)", .decimal(precision: 10, scale: 2)),
        ("decimal( 10 , 2 )", .decimal(precision: 10, scale: 2)),
        ("decimal(8)", .decimal(precision: 8, scale: 0)),
        ("decimal", .decimal(precision: nil, scale: nil)),
        ("string(255)", .string(length: 255)),
        ("string(1)", .string(length: 1)),
        ("char(2)", .char(length: 2)),
        ("[char(3)]", .array(.char(length: 3))),
        ("text", .text),
        ("uuid", .uuid),
        ("timestamp", .timestamp),
        ("datetime", .datetime),
        ("time", .time),
        ("date", .date),
        ("unixtime", .unixtime),
        ("json", .json),
        ("bytes", .bytes),
        ("[text]", .array(.text)),
        ("[uuid]", .array(.uuid)),
        ("[int]", .array(.int)),
        ("[string(20)]", .array(.string(length: 20))),
        ("[decimal(5,1)]", .array(.decimal(precision: 5, scale: 1))),
        ("[ timestamp ]", .array(.timestamp)),
        ("task_status", .enumeration("task_status")),
        ("[task_status]", .array(.enumeration("task_status"))),
        // Aliases the parser accepts beyond the contract.
        ("boolean", .bool),
        ("integer", .int),
        ("float", .real),
        ("numeric(4,1)", .decimal(precision: 4, scale: 1)),
        ("character(8)", .char(length: 8)),
    ]

    @Test("Type strings parse to their model type, NOT NULL", arguments: types)
    func parse(_ spelling: String, _ expected: ColumnType) throws {
        let parsed = try TypeParser.parse(spelling).get()
        #expect(parsed.type == expected)
        #expect(parsed.nullable == false)
    }

    @Test("A trailing '?' makes any type nullable", arguments: types)
    func nullable(_ spelling: String, _ expected: ColumnType) throws {
        for text in [spelling + "?", spelling + " ?"] {
            let parsed = try TypeParser.parse(text).get()
            #expect(parsed.type == expected)
            #expect(parsed.nullable == true)
        }
    }

    @Test("serial and bigserial")
    func serials() throws {
        #expect(try TypeParser.parse("serial").get().type == .serial)
        #expect(try TypeParser.parse("bigserial").get().type == .bigserial)
    }

    @Test("Malformed types are rejected by the parser", arguments: [
        "", "?", "string", "string(0)", "decimal(2,3)", "decimal(1,2,3)", "[text", "[[int]]", "[text?]", "[json]",
        "[serial]", "text(5)", "int(4)", "string(abc)", "decimal(", "two words", "char", "char(0)", "char(2,1)",
    ])
    func rejected(_ spelling: String) {
        #expect(throws: TypeParser.TypeError.self) { try TypeParser.parse(spelling).get() }
    }

    @Test("Every shorthand column compiles to its model column", arguments: types)
    func shorthandColumn(_ spelling: String, _ expected: ColumnType) throws {
        let column = try Compile.column("      c: \"\(spelling)\"\n      n: \"\(spelling)?\"", "c", prelude: "enums:\n  task_status: [a, b]")
        #expect(column == Column(name: "c", type: expected, nullable: false))
        let nullable = try Compile.column("      c: \"\(spelling)\"\n      n: \"\(spelling)?\"", "n", prelude: "enums:\n  task_status: [a, b]")
        #expect(nullable == Column(name: "n", type: expected, nullable: true))
    }

    @Test("Shorthand needs no quotes: text?, string(255), decimal(10,2), [uuid]?")
    func unquotedShorthand() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              a: text?
              b: string(255)
              c: decimal(10,2)
              d: "[text]"
              e: "[uuid]?"
        """)
        #expect(t.columns == [
            Column(name: "a", type: .text, nullable: true),
            Column(name: "b", type: .string(length: 255)),
            Column(name: "c", type: .decimal(precision: 10, scale: 2)),
            Column(name: "d", type: .array(.text)),
            Column(name: "e", type: .array(.uuid), nullable: true),
        ])
    }

    @Test("{ type: uuid? } and { type: \"uuid?\" } are the same column")
    func flowMappingQuestionMark() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              plain: { type: uuid? }
              quoted: { type: "uuid?" }
              single: { type: 'uuid?' }
              block:
                type: uuid?
        """)
        for column in t.columns {
            #expect(column.type == .uuid)
            #expect(column.nullable)
        }
        #expect(t.columns.count == 4)
    }

    @Test("serial and bigserial primary keys")
    func serialColumns() throws {
        let a = try Compile.column("      id: { type: serial, primary_key: true }", "id")
        #expect(a == Column(name: "id", type: .serial))
        let b = try Compile.column("      id: { type: bigserial, primary_key: true }", "id")
        #expect(b == Column(name: "id", type: .bigserial))
    }

    @Test("'nullable' as a key: alone, with '?', and false")
    func nullableKey() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              a: { type: text, nullable: true }
              b: { type: text?, nullable: true }
              c: { type: text, nullable: false }
              d: { type: text }
        """)
        #expect(t.columns.map(\.nullable) == [true, true, false, false])
    }

    @Test("Custom types pass through per dialect, with 'nullable'")
    func customType() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              color: { type: { sqlite: TEXT, postgres: "VARCHAR(7)", swift: String }, default: "#ffffff" }
              range: { type: { sqlite: TEXT, postgres: tstzrange, swift: String }, nullable: true }
              bare:  { type: { sqlite: ANY, postgres: citext } }
        """)
        #expect(t.columns == [
            Column(name: "color", type: .custom(sqlite: "TEXT", postgres: "VARCHAR(7)", swift: "String"), defaultValue: .string("#ffffff")),
            Column(name: "range", type: .custom(sqlite: "TEXT", postgres: "tstzrange", swift: "String"), nullable: true),
            Column(name: "bare", type: .custom(sqlite: "ANY", postgres: "citext", swift: nil)),
        ])
    }

    @Test("A custom type names only the dialects that are targets")
    func customTypeOneTarget() throws {
        let column = try Compile.column("      v: { type: { sqlite: ANY, swift: String } }", "v", targets: "[sqlite]")
        #expect(column.type == .custom(sqlite: "ANY", postgres: nil, swift: "String"))
    }

    @Test("Type spellings round-trip through the parser", arguments: types)
    func spellingRoundTrip(_ spelling: String, _ expected: ColumnType) throws {
        #expect(try TypeParser.parse(expected.spelling).get().type == expected)
    }
}
