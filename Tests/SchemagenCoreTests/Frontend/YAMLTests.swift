@testable import SchemagenCore
import Testing

/// The YAML layer on its own: node kinds and places, scalar resolution, keys, aliases.
@Suite("Frontend: YAML layer")
struct YAMLTests {
    static func parse(_ text: String) -> (YAMLDocument?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let document = YAMLDocument.parse(Array(text.utf8), file: "f.yaml", diagnostics: &diagnostics)
        return (document, diagnostics.sorted)
    }

    static func root(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLNode {
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return try #require(document?.root, sourceLocation: sourceLocation)
    }

    static func at(_ line: Int, _ column: Int) -> SchemagenCore.SourceLocation {
        SchemagenCore.SourceLocation(file: "f.yaml", line: line, column: column)
    }

    // MARK: Places

    @Test("Every node knows its 1-based line and column")
    func locations() throws {
        let root = try Self.root("""
        schemagen: 1
        tables:
          tasks:
            columns:
              id: { type: uuid, primary_key: true }
              tags:
                - a
                - "b"
        """)
        #expect(root.kind == .mapping)
        #expect(root.location == Self.at(1, 1))
        let tables = try #require(root.entry("tables"))
        #expect(tables.key.location == Self.at(2, 1))
        #expect(tables.value.location == Self.at(3, 3))
        let columns = try #require(tables.value["tasks"]?["columns"])
        let id = try #require(columns.entry("id"))
        #expect(id.key.location == Self.at(5, 7))
        #expect(id.value.location == Self.at(5, 11))
        let type = try #require(id.value.entry("type"))
        #expect(type.key.location == Self.at(5, 13))
        #expect(type.value.location == Self.at(5, 19))
        #expect(id.value.entry("primary_key")?.value.location == Self.at(5, 38))
        let tags = try #require(columns["tags"])
        #expect(tags.kind == .sequence)
        #expect(tags.items.map(\.location) == [Self.at(7, 11), Self.at(8, 11)])
        #expect(tags.items.map(\.scalar) == ["a", "b"])
    }

    @Test("Columns count characters, not bytes")
    func columnsCountCharacters() throws {
        let root = try Self.root("a: { é€: 1, b: 2 }\n")
        let pairs = try #require(root["a"]).pairs
        #expect(pairs.map(\.key.scalar) == ["é€", "b"])
        #expect(pairs[1].key.location == Self.at(1, 13))
    }

    @Test("A byte order mark does not shift columns")
    func byteOrderMark() throws {
        var diagnostics = Diagnostics()
        let document = YAMLDocument.parse([0xEF, 0xBB, 0xBF] + Array("key: value\n".utf8), file: "f.yaml", diagnostics: &diagnostics)
        let root = try #require(document?.root)
        #expect(root.entry("key")?.key.location == Self.at(1, 1))
        #expect(root["key"]?.location == Self.at(1, 6))
    }

    @Test("Mapping pairs keep document order; lookups by key")
    func pairsOrder() throws {
        let root = try Self.root("z: 1\na: 2\nm: 3\n")
        #expect(root.pairs.map(\.key.scalar) == ["z", "a", "m"])
        #expect(root["a"]?.scalar == "2")
        #expect(root["missing"] == nil)
        #expect(root.items.isEmpty)
        #expect(root.scalar == "")
    }

    // MARK: Scalars

    @Test("Quoted scalars are always strings; plain ones resolve by the core schema")
    func quotedVersusPlain() throws {
        let root = try Self.root("""
        plain_int: 1
        single: '1'
        double: "1"
        tagged: !!str 1
        plain_null: null
        quoted_null: "null"
        plain_bool: true
        quoted_bool: 'true'
        empty:
        quoted_empty: ""
        literal: |
          text
        folded: >
          text
        """)
        func value(_ key: String) -> YAMLNode.ScalarValue? { root[key]?.scalarValue }
        func quoted(_ key: String) -> Bool? { root[key]?.isQuoted }
        #expect(value("plain_int") == .integer("1"))
        #expect(quoted("plain_int") == false)
        #expect(value("single") == .string("1"))
        #expect(value("double") == .string("1"))
        #expect(value("tagged") == .string("1"))
        #expect(quoted("single") == true && quoted("double") == true && quoted("tagged") == true)
        #expect(value("plain_null") == .null)
        #expect(value("quoted_null") == .string("null"))
        #expect(value("plain_bool") == .bool(true))
        #expect(value("quoted_bool") == .string("true"))
        #expect(value("empty") == .null)
        #expect(value("quoted_empty") == .string(""))
        #expect(value("literal") == .string("text\n"))
        #expect(value("folded") == .string("text")) // last in the document: no line break to keep
        #expect(quoted("literal") == true && quoted("folded") == true)
    }

    @Test("Core-schema resolution of plain scalars", arguments: [
        ("", YAMLNode.ScalarValue.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("0", .integer("0")), ("42", .integer("42")), ("-17", .integer("-17")), ("+7", .integer("+7")),
        ("9223372036854775808", .integer("9223372036854775808")),
        ("0.5", .float("0.5")), ("-1.25e-3", .float("-1.25e-3")), ("1e10", .float("1e10")), ("2E+3", .float("2E+3")),
        (".inf", .float(".inf")), ("-.inf", .float("-.inf")), (".nan", .float(".nan")),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("tRUE", .string("tRUE")), ("nul", .string("nul")), ("1.2.3", .string("1.2.3")), ("12:30:00", .string("12:30:00")),
        ("2024-01-01", .string("2024-01-01")), ("now()", .string("now()")), ("1e", .string("1e")), ("-", .string("-")),
        ("abc", .string("abc")),
    ])
    func resolution(_ text: String, _ expected: YAMLNode.ScalarValue) {
        #expect(YAMLNode.resolvePlain(text) == expected)
    }

    @Test("Core-schema floats outside JSON's number grammar resolve to canonical text", arguments: [
        (".5", "0.5"), ("-.5", "-0.5"), ("1.", "1.0"), ("01.50", "1.50"), ("+2.e3", "+2.0e3"), ("3.E-2", "3.0e-2"), ("3.25E-2", "3.25E-2"),
        ("+.inf", ".inf"), (".Inf", ".inf"), (".INF", ".inf"), ("-.INF", "-.inf"), (".NaN", ".nan"), (".NAN", ".nan"),
    ])
    func coreSchemaFloats(_ text: String, _ canonical: String) {
        #expect(YAMLNode.resolvePlain(text) == .float(canonical))
    }

    /// A choice, not YAML 1.2: a leading zero (a zip code) or a base prefix keeps its text.
    @Test("Core-schema integers outside JSON's grammar stay strings; near-misses are strings", arguments: [
        "007", "0x1F", "0o17", ".", "-.", "1.2.3", "1e5.", ".e5", "1.5e", "1.5e+", "inf", ".infinity", "+.nan", "..5",
    ])
    func notNumbers(_ text: String) {
        #expect(YAMLNode.resolvePlain(text) == .string(text))
    }

    @Test("Plain scalars in a document resolve the same way")
    func resolutionInDocument() throws {
        let root = try Self.root("[1, 2.5, true, ~, x, 'y']")
        #expect(root.kind == .sequence)
        #expect(root.items.map(\.scalarValue) == [.integer("1"), .float("2.5"), .bool(true), .null, .string("x"), .string("y")])
        #expect(root.items.map(\.kindDescription) == ["a number", "a number", "a boolean", "nothing (null)", "the string 'x'", "the string 'y'"])
    }

    // MARK: Keys and aliases

    @Test("A duplicate key is rejected at the second occurrence, naming the first")
    func duplicateKeys() {
        let (document, diagnostics) = Self.parse("a: 1\nb:\n  x: 1\n  y: 2\n  x: 3\n")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == ["f.yaml:5:3: error: duplicate key 'x' (first defined at line 3)"])
    }

    @Test("Keys that differ only in quoting are the same key")
    func duplicateQuotedKey() {
        let (document, diagnostics) = Self.parse("{ a: 1, \"a\": 2 }")
        #expect(document == nil)
        #expect(diagnostics.map(\.location) == [Self.at(1, 9)])
    }

    @Test("An alias shares the anchored node instead of copying it")
    func aliasesShared() throws {
        let root = try Self.root("""
        base: &col { type: text, comment: shared }
        other: *col
        list: &items [a, b]
        again: *items
        word: &w hello
        echo: *w
        """)
        let base = try #require(root["base"]), other = try #require(root["other"])
        #expect(base.index == other.index)
        #expect(other.location == Self.at(1, 7))
        #expect(other["comment"]?.scalar == "shared")
        #expect(root["list"]?.index == root["again"]?.index)
        #expect(root["again"]?.items.map(\.scalar) == ["a", "b"])
        #expect(root["echo"]?.scalar == "hello")
        #expect(root["echo"]?.index == root["word"]?.index)
    }

    @Test("Aliased columns compile to equal columns")
    func aliasesInSchema() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              created_at: &stamp { type: timestamp, default: now(), comment: Set once. }
              copied_at: *stamp
        """)
        #expect(t.columns[0].defaultValue == .function(.now))
        var renamed = t.columns[1]
        renamed.name = "created_at"
        #expect(renamed == t.columns[0])
    }

    // MARK: Merge keys

    @Test("A merge key puts the merged pairs in its place; the mapping's own keys win; places are kept")
    func mergeKeys() throws {
        let root = try Self.root("""
        defaults: &d { type: text, comment: shared, nullable: true }
        column:
          nullable: false
          <<: *d
          check: x
        """)
        let column = try #require(root["column"])
        #expect(column.pairs.map(\.key.scalar) == ["nullable", "type", "comment", "check"])
        #expect(column["nullable"]?.scalar == "false")
        #expect(column["type"]?.scalar == "text")
        // Merged nodes are the anchored ones, at the place they are written.
        #expect(column.entry("comment")?.key.location == Self.at(1, 28))
        #expect(column["comment"]?.location == Self.at(1, 37))
    }

    @Test("A list of merged mappings: the first to name a key wins; '<<' quoted is an ordinary key")
    func mergeList() throws {
        let root = try Self.root("""
        a: &a { x: 1, y: 1 }
        b: &b { y: 2, z: 2 }
        c: { <<: [*a, *b], w: 0 }
        d: { "<<": *a }
        """)
        let c = try #require(root["c"])
        #expect(c.pairs.map { "\($0.key.scalar)=\($0.value.scalar)" } == ["x=1", "y=1", "z=2", "w=0"])
        #expect(root["d"]?.pairs.map(\.key.scalar) == ["<<"])
    }

    @Test("A merge of something other than a mapping is an error at it")
    func mergeOfScalar() {
        let (document, diagnostics) = Self.parse("a: { <<: 5 }\nb: { <<: [{ x: 1 }, [y]] }\n")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == [
            "f.yaml:1:10: error: a merge key '<<' takes a mapping or a list of mappings (usually an alias: '<<: *defaults'), found a scalar",
            "f.yaml:2:21: error: a merge key '<<' takes a mapping or a list of mappings (usually an alias: '<<: *defaults'), found a list",
        ])
    }

    @Test("Merged columns compile like written ones")
    func mergeKeysInSchema() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          t:
            columns:
              id: { type: uuid, primary_key: true }
              created_at: &stamp { type: timestamp, default: now(), comment: Set once. }
              updated_at:
                <<: *stamp
                comment: Set on every change.
                auto_update: true
        """)
        #expect(t.columns[2].type == .timestamp)
        #expect(t.columns[2].defaultValue == .function(.now))
        #expect(t.columns[2].comment == "Set on every change.")
        #expect(t.columns[2].autoUpdate)
    }

    // MARK: Nesting

    @Test("Nesting up to the limit is read; one level more is an error at the collection past it")
    func nestingLimit() throws {
        let limit = YAMLDocument.nestingLimit
        let deepest = try Self.root(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        #expect(deepest.kind == .sequence)
        let (document, diagnostics) = Self.parse(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1))
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == [
            "f.yaml:1:\(limit + 1): error: the YAML is nested more than \(limit) levels deep here; a schema never needs that many (is a ']' or '}' missing?)",
        ])
    }

    @Test("An empty file and a comment-only file are not schemas")
    func empty() {
        #expect(Self.parse("").0 == nil)
        let (document, diagnostics) = Self.parse("# nothing\n")
        #expect(document == nil)
        #expect(diagnostics.map(\.location) == [Self.at(1, 1)])
    }
}
