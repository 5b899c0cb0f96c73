import SchemagenCore
import Testing

/// Identifier quoting and literal escaping: the only way names and values reach the SQL.
@Suite("SQL: syntax")
struct SQLSyntaxTests {
    static let sqlite = SQLSyntax(.sqlite)
    static let postgres = SQLSyntax(.postgres)

    @Test("Plain lowercase words that are not keywords stay bare in both dialects",
          arguments: ["tasks", "project_id", "_private", "a1", "rank", "name", "status", "x"])
    func bare(_ name: String) {
        #expect(Self.sqlite.id(name) == name)
        #expect(Self.postgres.id(name) == name)
    }

    @Test("Keywords of both dialects are quoted in both",
          arguments: ["order", "select", "table", "check", "default", "desc", "group", "where", "primary", "references", "unique", "from", "current_date", "analyze"])
    func keywordsOfBoth(_ name: String) {
        #expect(Self.sqlite.id(name) == "\"\(name)\"")
        #expect(Self.postgres.id(name) == "\"\(name)\"")
    }

    @Test("Keywords of one dialect only are quoted only there")
    func keywordsOfOne() {
        // PostgreSQL reserves these; SQLite does not.
        for name in ["user", "int", "integer", "time", "timestamp", "array", "json", "bigint", "boolean", "real"] {
            #expect(Self.postgres.id(name) == "\"\(name)\"", "\(name) on PostgreSQL")
            #expect(Self.sqlite.id(name) == name, "\(name) on SQLite")
        }
        // SQLite's keywords that PostgreSQL lets through.
        for name in ["key", "index", "action", "rowid", "view", "trigger", "replace", "plan", "set"] {
            #expect(Self.sqlite.id(name) == "\"\(name)\"", "\(name) on SQLite")
            #expect(Self.postgres.id(name) == name, "\(name) on PostgreSQL")
        }
    }

    @Test("Anything but a lowercase ASCII word is quoted: uppercase, spaces, digits first, non-ASCII, punctuation")
    func quotedShapes() {
        let cases: [(String, String)] = [
            ("Tasks", "\"Tasks\""), ("projectID", "\"projectID\""), ("ORDER", "\"ORDER\""),
            ("my table", "\"my table\""), ("1st", "\"1st\""), ("größe", "\"größe\""), ("a-b", "\"a-b\""),
            ("a.b", "\"a.b\""), ("", "\"\""), ("a$b", "\"a$b\""),
        ]
        for (name, quoted) in cases {
            #expect(Self.sqlite.id(name) == quoted)
            #expect(Self.postgres.id(name) == quoted)
        }
    }

    @Test("Double quotes inside a name are doubled")
    func quotesDoubled() {
        #expect(Self.postgres.id("a\"b") == "\"a\"\"b\"")
        #expect(Self.sqlite.id("\"") == "\"\"\"\"")
        #expect(Self.postgres.id("x\"; DROP TABLE t; --") == "\"x\"\"; DROP TABLE t; --\"")
        #expect(SQLSyntax.quoted("plain") == "\"plain\"")
    }

    @Test("A double quote followed by a combining mark is still doubled")
    func quoteWithCombiningMark() {
        let name = "a\"\u{301}b"
        #expect(Array(Self.postgres.id(name).utf8) == Array("\"a\"\"\u{301}b\"".utf8))
    }

    @Test("ids joins with commas, quoting each as needed")
    func ids() {
        #expect(Self.sqlite.ids(["a", "order", "B"]) == "a, \"order\", \"B\"")
        #expect(Self.postgres.ids(["user", "key"]) == "\"user\", key")
    }

    @Test("String literals: single quotes doubled")
    func literals() {
        for syntax in [Self.sqlite, Self.postgres] {
            #expect(syntax.literal("me") == "'me'")
            #expect(syntax.literal("") == "''")
            #expect(syntax.literal("it's") == "'it''s'")
            #expect(syntax.literal("''") == "''''''")
            #expect(syntax.literal("x'); DROP TABLE t; --") == "'x''); DROP TABLE t; --'")
            #expect(syntax.literal("line\nbreak") == "'line\nbreak'")
            #expect(syntax.literal("ünï \"q\"") == "'ünï \"q\"'")
        }
    }

    @Test("PostgreSQL writes a text with a backslash as E'...' with the backslash doubled; SQLite keeps it")
    func backslashes() {
        #expect(Self.postgres.literal("e\\f") == "E'e\\\\f'")
        #expect(Self.postgres.literal("it's \\") == "E'it''s \\\\'")
        #expect(Self.postgres.literal("\\'") == "E'\\\\'''")
        #expect(Self.sqlite.literal("e\\f") == "'e\\f'")
        #expect(Self.sqlite.literal("\\'") == "'\\'''")
    }

    @Test("A single quote followed by a combining mark is still escaped")
    func literalWithCombiningMark() {
        let text = "x'\u{301}y"
        // As a Swift Character, "'\u{301}" is not "'": escaping must work on bytes.
        #expect(Array(Self.sqlite.literal(text).utf8) == Array("'x''\u{301}y'".utf8))
        #expect(Array(Self.postgres.literal(text + "\\").utf8) == Array("E'x''\u{301}y\\\\'".utf8))
    }

    @Test("comment: one '--' line per line of text, so text can never leave the comment")
    func comments() {
        #expect(SQLSyntax.comment("one") == "-- one\n")
        #expect(SQLSyntax.comment("") == "--\n")
        #expect(SQLSyntax.comment("a\nb") == "-- a\n-- b\n")
        #expect(SQLSyntax.comment("a\n\nb\n") == "-- a\n--\n-- b\n")
        #expect(SQLSyntax.comment("a\r\nb") == "-- a\n--\n-- b\n")
        #expect(SQLSyntax.comment("a\u{2028}DROP TABLE t;") == "-- a\n-- DROP TABLE t;\n")
        #expect(SQLSyntax.comment("x", indent: "    ") == "    -- x\n")
        for separator in ["\r", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"] {
            #expect(SQLSyntax.comment("a" + separator + "b") == "-- a\n-- b\n")
        }
    }

    @Test("trimmedStatement drops surrounding space and trailing semicolons")
    func trimmed() {
        #expect(SQLSyntax.trimmedStatement("  SELECT 1;  \n") == "SELECT 1")
        #expect(SQLSyntax.trimmedStatement("SELECT 1 ; ;") == "SELECT 1")
        #expect(SQLSyntax.trimmedStatement("SELECT ';'") == "SELECT ';'")
        #expect(SQLSyntax.trimmedStatement("a\nb") == "a\nb")
    }
}
