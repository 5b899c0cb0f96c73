import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

@Suite("Model: values")
struct ModelValueTests {
    @Test("JSONValue.text is compact JSON, members in order, strings escaped")
    func jsonText() {
        let value = JSONValue.object([
            .init(key: "z", value: .array([.number("1"), .number("-2.5e3"), .null, .bool(true), .bool(false)])),
            .init(key: "a\"b", value: .string("line\nbreak\ttab\r\\ \u{1} \u{1F} é")),
            .init(key: "empty", value: .object([])),
        ])
        #expect(value.text == #"{"z":[1,-2.5e3,null,true,false],"a\"b":"line\nbreak\ttab\r\\ \u0001 \u001f é","empty":{}}"#)
    }

    @Test("ColumnType spellings")
    func spellings() {
        let cases: [(ColumnType, String)] = [
            (.decimal(precision: 10, scale: 2), "decimal(10,2)"), (.decimal(precision: 5, scale: nil), "decimal(5)"),
            (.decimal(precision: nil, scale: nil), "decimal"), (.string(length: 40), "string(40)"),
            (.array(.uuid), "[uuid]"), (.enumeration("task_status"), "task_status"),
            (.custom(sqlite: "TEXT", postgres: nil, swift: "String"), "{ sqlite: TEXT, postgres: -, swift: String }"),
        ]
        for (type, spelling) in cases { #expect(type.spelling == spelling) }
    }

    @Test("ColumnType predicates")
    func predicates() {
        #expect(ColumnType.serial.isSerial && ColumnType.bigserial.isSerial && !ColumnType.int.isSerial)
        #expect([ColumnType.smallint, .int, .bigint, .serial, .bigserial, .unixtime].allSatisfy { $0.isInteger })
        #expect(![ColumnType.real, .decimal(precision: nil, scale: nil), .text, .bool].contains(where: { $0.isInteger }))
        #expect([ColumnType.real, .double, .decimal(precision: 1, scale: 0), .int].allSatisfy { $0.isNumeric })
        #expect(!ColumnType.text.isNumeric && !ColumnType.bool.isNumeric)
        #expect(ColumnType.text.isTextual && ColumnType.string(length: 1).isTextual && !ColumnType.uuid.isTextual)
        #expect(ColumnType.array(.int).isArray && !ColumnType.json.isArray)
    }

    @Test("Lookups: table(named:), column(named:), enumType(named:), identityColumn")
    func lookups() throws {
        let schema = try Compile.schema("""
        schemagen: 1
        enums: { e: [x] }
        tables:
          a: { columns: { id: { type: serial, primary_key: true }, v: e } }
          b: { columns: { id: int } }
        """)
        #expect(schema.table(named: "b")?.name == "b")
        #expect(schema.table(named: "c") == nil)
        #expect(schema.enumType(named: "e")?.values == ["x"])
        #expect(schema.table(named: "a")?.column(named: "v")?.type == .enumeration("e"))
        #expect(schema.table(named: "a")?.identityColumn?.name == "id")
        #expect(schema.table(named: "b")?.identityColumn == nil)
    }

    @Test("Every example schema survives a JSON round trip (the migration snapshot)", arguments: Fixtures.yamlFiles(in: "examples"))
    func codableRoundTrip(_ url: URL) throws {
        let schema = try #require(Fixtures.compile(url).schema)
        let data = try JSONEncoder().encode(schema)
        #expect(try JSONDecoder().decode(Schema.self, from: data) == schema)
    }

    @Test("Dialect order and names")
    func dialects() {
        #expect(Dialect.allCases == [.sqlite, .postgres])
        #expect(Dialect.postgres < Dialect.sqlite)
        #expect(Dialect.sqlite.displayName == "SQLite" && Dialect.postgres.displayName == "PostgreSQL")
    }
}
