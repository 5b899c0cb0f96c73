@testable import SchemagenCore
import SchemagenTestSupport
import Testing

@Suite("Diagnostics")
struct DiagnosticsTests {
    static func at(_ file: String, _ line: Int, _ column: Int) -> SchemagenCore.SourceLocation {
        SchemagenCore.SourceLocation(file: file, line: line, column: column)
    }

    @Test("description: path:line:column: severity: message, or severity: message without a place")
    func description() {
        #expect(Diagnostic(.error, "bad", at: Self.at("s.yaml", 3, 7)).description == "s.yaml:3:7: error: bad")
        #expect(Diagnostic(.warning, "meh", at: Self.at("dir/i.yaml", 1, 1)).description == "dir/i.yaml:1:1: warning: meh")
        #expect(Diagnostic(.note, "fyi", at: nil).description == "note: fyi")
    }

    @Test("Sorted by file, line and column; diagnostics without a place first")
    func sorting() {
        var d = Diagnostics()
        d.error("c", at: Self.at("b.yaml", 1, 1))
        d.error("b", at: Self.at("a.yaml", 10, 2))
        d.warning("a", at: Self.at("a.yaml", 2, 30))
        d.error("nowhere", at: nil)
        d.error("d", at: Self.at("a.yaml", 10, 1))
        #expect(d.sorted.map(\.message) == ["nowhere", "a", "d", "b", "c"])
        // Lines compare as numbers, not text.
        var e = Diagnostics()
        e.error("ten", at: Self.at("a.yaml", 10, 1))
        e.error("nine", at: Self.at("a.yaml", 9, 1))
        #expect(e.sorted.map(\.message) == ["nine", "ten"])
    }

    @Test("At one place, the order of finding is kept")
    func stable() {
        var d = Diagnostics()
        d.error("first", at: Self.at("a.yaml", 1, 1))
        d.error("second", at: Self.at("a.yaml", 1, 1))
        d.error("third", at: Self.at("a.yaml", 1, 1))
        #expect(d.sorted.map(\.message) == ["first", "second", "third"])
    }

    @Test("At one place, errors come before warnings (as Diagnostics.sorted documents)")
    func errorsBeforeWarnings() {
        var d = Diagnostics()
        d.warning("a warning", at: Self.at("a.yaml", 1, 1))
        d.error("an error", at: Self.at("a.yaml", 1, 1))
        d.warning("another warning", at: Self.at("a.yaml", 1, 1))
        d.error("another error", at: Self.at("a.yaml", 1, 1))
        d.warning("a later place", at: Self.at("a.yaml", 1, 2))
        #expect(d.sorted.map(\.message) == ["an error", "another error", "a warning", "another warning", "a later place"])
    }

    @Test("Exact duplicates are reported once; same text at another place, or another severity, is not a duplicate")
    func dedup() {
        var d = Diagnostics()
        d.error("x", at: Self.at("a.yaml", 1, 1))
        d.error("x", at: Self.at("a.yaml", 1, 1))
        d.error("x", at: Self.at("a.yaml", 1, 2))
        d.warning("x", at: Self.at("a.yaml", 1, 1))
        #expect(d.all.count == 4)
        #expect(d.sorted.map(\.description) == ["a.yaml:1:1: error: x", "a.yaml:1:1: warning: x", "a.yaml:1:2: error: x"])
    }

    @Test("hasErrors and errors ignore warnings; append keeps order")
    func errorsAndAppend() {
        var a = Diagnostics()
        a.warning("w", at: nil)
        #expect(!a.hasErrors && a.errors.isEmpty)
        var b = Diagnostics()
        b.error("e", at: nil)
        a.append(contentsOf: b)
        #expect(a.hasErrors)
        #expect(a.errors.map(\.message) == ["e"])
        #expect(a.all.map(\.message) == ["w", "e"])
    }

    @Test("SourceLocation orders by file, then line, then column")
    func locationOrder() {
        #expect(Self.at("a", 2, 1) < Self.at("a", 2, 2))
        #expect(Self.at("a", 2, 9) < Self.at("a", 3, 1))
        #expect(Self.at("a", 9, 9) < Self.at("b", 1, 1))
        #expect(!(Self.at("a", 1, 1) < Self.at("a", 1, 1)))
    }
}

@Suite("Diagnostics: did you mean")
struct SuggestionsTests {
    @Test("The closest candidate within the edit limit")
    func closest() {
        #expect(Suggestions.closest(to: "tabels", in: ["enums", "tables", "views"]) == "tables")
        #expect(Suggestions.closest(to: "primary", in: ["primary_key", "unique"]) == nil)
        #expect(Suggestions.closest(to: "primry_key", in: ["primary_key", "unique"]) == "primary_key")
        #expect(Suggestions.closest(to: "colums", in: ["columns"]) == "columns")
        #expect(Suggestions.closest(to: "xyz", in: ["columns", "tables"]) == nil)
        #expect(Suggestions.closest(to: "anything", in: []) == nil)
    }

    @Test("Case is ignored, the candidate's own spelling is returned")
    func caseInsensitive() {
        #expect(Suggestions.closest(to: "TABLES", in: ["tables"]) == "tables")
        #expect(Suggestions.closest(to: "postgres", in: ["PostgreSQL", "Postgres"]) == "Postgres")
    }

    @Test("The limit is two edits, or a third of the word's length when longer")
    func limit() {
        #expect(Suggestions.closest(to: "ab", in: ["xy"]) == "xy")           // 2 edits, limit 2
        #expect(Suggestions.closest(to: "abc", in: ["xyz"]) == nil)          // 3 edits, limit 2
        #expect(Suggestions.closest(to: "abcdefghi", in: ["abcdefxyz"]) == "abcdefxyz")  // 3 edits, limit 3
        #expect(Suggestions.closest(to: "abcdefghi", in: ["abcdewxyz"]) == nil)          // 4 edits, limit 3
    }

    @Test("On a tie the earlier candidate wins")
    func tie() {
        #expect(Suggestions.closest(to: "cat", in: ["bat", "hat"]) == "bat")
        #expect(Suggestions.closest(to: "cat", in: ["hat", "bat"]) == "hat")
        #expect(Suggestions.closest(to: "cat", in: ["bat", "cat"]) == "cat")
    }

    @Test("hint: the '; did you mean' suffix, or nothing")
    func hint() {
        #expect(Suggestions.hint(for: "tabels", in: ["tables"]) == "; did you mean 'tables'?")
        #expect(Suggestions.hint(for: "zzzzzz", in: ["tables"]) == "")
    }

    @Test("Levenshtein distance")
    func distance() {
        #expect(Suggestions.distance("kitten", "sitting") == 3)
        #expect(Suggestions.distance("", "abc") == 3)
        #expect(Suggestions.distance("abc", "") == 3)
        #expect(Suggestions.distance("same", "same") == 0)
        #expect(Suggestions.distance("é", "e") == 1)
    }

    @Test("The hint ends the message of an unknown key")
    func inMessages() {
        let result = Fixtures.compile("schemagen: 1\ntabels: {}\n")
        #expect(result.diagnostics.sorted.map(\.description) == [
            "schema.yaml:2:1: error: unknown key 'tabels' at the top level; did you mean 'tables'?",
        ])
    }
}
