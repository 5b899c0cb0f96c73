/// Splits a SQL script into its statements, the way the engine's own shell does:
/// a `;` ends a statement only outside string literals, quoted identifiers,
/// comments, PostgreSQL dollar-quoted bodies (`$fn$ ... $fn$`) and SQLite
/// trigger bodies (`CREATE TRIGGER ... BEGIN ...; ...; END;`, the rule of
/// `sqlite3_complete`).
///
/// Why: applications apply embedded migrations statement by statement
/// (PostgresNIO's extended protocol takes one statement per query), so the
/// committed migration files are split here rather than re-planned: what an
/// application runs is exactly what the reviewer read.
///
/// One linear pass over the UTF-8 bytes. Each statement is the source text from
/// its first token through its `;` (comments between statements are dropped,
/// comments inside one are kept, as SQLite keeps them in `sqlite_master`). Text
/// after the last `;` that holds a token is a last statement without one.
public enum SQLStatements {
    public static func split(_ script: String, dialect: Dialect) -> [String] {
        let bytes = Array(script.utf8)
        var scanner = Scanner(bytes: bytes, dialect: dialect)
        var statements: [String] = []
        while let range = scanner.next() {
            statements.append(String(decoding: bytes[range], as: UTF8.self))
        }
        return statements
    }

    /// The words of a statement without its `;`, upper-cased and single-spaced
    /// (`"PRAGMA FOREIGN_KEYS = OFF"`), for recognising transaction control.
    static func normalized(_ statement: String) -> String {
        var text = Substring(statement)
        while let last = text.last, last == ";" || last == " " || last == "\n" || last == "\t" || last == "\r" { text = text.dropLast() }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ").uppercased()
    }

    private struct Scanner {
        let bytes: [UInt8]
        let dialect: Dialect
        var i = 0

        init(bytes: [UInt8], dialect: Dialect) {
            self.bytes = bytes
            self.dialect = dialect
        }

        /// The byte range of the next statement, or nil at the end.
        mutating func next() -> Range<Int>? {
            skipSpaceAndComments()
            guard i < bytes.count else { return nil }
            let start = i
            // SQLite trigger bodies: the first words, and the sqlite3_complete states
            // (after a `;` inside the body, then after `; END`).
            var words: [String] = []
            var inTrigger = false
            var afterSemicolon = false, afterEnd = false
            while i < bytes.count {
                let c = bytes[i]
                switch c {
                case UInt8(ascii: ";"):
                    i += 1
                    if !inTrigger || afterEnd { return start ..< i }
                    afterSemicolon = true
                    afterEnd = false
                    continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                    i += 1
                    continue
                case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                    skipLineComment()
                    continue
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    skipBlockComment()
                    continue
                default:
                    break
                }
                // A token other than `;`.
                var word: String?
                if c == UInt8(ascii: "'") {
                    skipString(backslashEscapes: false)
                } else if c == UInt8(ascii: "\"") {
                    skipQuoted(until: UInt8(ascii: "\""))
                } else if dialect == .sqlite && c == UInt8(ascii: "`") {
                    skipQuoted(until: UInt8(ascii: "`"))
                } else if dialect == .sqlite && c == UInt8(ascii: "[") {
                    skipQuoted(until: UInt8(ascii: "]"), doubled: false)
                } else if dialect == .postgres && c == UInt8(ascii: "$"), let tag = dollarTag() {
                    skipDollarBody(tag)
                } else if Self.isWordStart(c) {
                    let wordStart = i
                    while i < bytes.count, Self.isWordPart(bytes[i]) { i += 1 }
                    // PostgreSQL escape strings: E'...' (also e'...') take backslash escapes.
                    if dialect == .postgres, i - wordStart == 1, bytes[wordStart] | 0x20 == UInt8(ascii: "e"),
                       i < bytes.count, bytes[i] == UInt8(ascii: "'") {
                        skipString(backslashEscapes: true)
                    } else {
                        word = String(decoding: bytes[wordStart ..< i], as: UTF8.self).uppercased()
                    }
                } else {
                    i += 1
                }
                if words.count < 3, let word {
                    words.append(word)
                    if dialect == .sqlite && words.first == "CREATE" && word == "TRIGGER"
                        && (words.count == 2 || (words.count == 3 && (words[1] == "TEMP" || words[1] == "TEMPORARY"))) {
                        inTrigger = true
                    }
                } else if words.count < 3 {
                    words.append("")
                }
                afterEnd = afterSemicolon && word == "END"
                afterSemicolon = false
            }
            return start ..< i
        }

        func peek(_ offset: Int) -> UInt8? {
            i + offset < bytes.count ? bytes[i + offset] : nil
        }

        static func isWordStart(_ c: UInt8) -> Bool {
            (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c == UInt8(ascii: "_") || c >= 0x80
        }

        static func isWordPart(_ c: UInt8) -> Bool {
            isWordStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "$")
        }

        mutating func skipSpaceAndComments() {
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C: i += 1
                case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"): skipLineComment()
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"): skipBlockComment()
                default: return
                }
            }
        }

        mutating func skipLineComment() {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        }

        /// `/* ... */`; PostgreSQL's nest, SQLite's do not.
        mutating func skipBlockComment() {
            i += 2
            var depth = 1
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                    i += 2
                    depth -= 1
                    if depth == 0 { return }
                } else if dialect == .postgres, bytes[i] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                    i += 2
                    depth += 1
                } else {
                    i += 1
                }
            }
        }

        /// `'...'` with `''` inside; with `backslashEscapes`, `\'` too. `i` is at the opening quote.
        mutating func skipString(backslashEscapes: Bool) {
            i += 1
            while i < bytes.count {
                let c = bytes[i]
                if backslashEscapes && c == UInt8(ascii: "\\") {
                    i += 2
                } else if c == UInt8(ascii: "'") {
                    if peek(1) == UInt8(ascii: "'") { i += 2 } else { i += 1; return }
                } else {
                    i += 1
                }
            }
            i = bytes.count
        }

        /// A quoted identifier; a doubled closing character stands for itself.
        mutating func skipQuoted(until close: UInt8, doubled: Bool = true) {
            i += 1
            while i < bytes.count {
                if bytes[i] == close {
                    if doubled, peek(1) == close { i += 2 } else { i += 1; return }
                } else {
                    i += 1
                }
            }
        }

        /// At a `$`: the whole opening tag (`$$`, `$fn$`) when one starts here, and `i` past it.
        /// `$1` is a parameter, and `a$b` an identifier (handled as a word), not a tag.
        mutating func dollarTag() -> ArraySlice<UInt8>? {
            var j = i + 1
            if j < bytes.count, bytes[j] != UInt8(ascii: "$") {
                guard Self.isWordStart(bytes[j]) else { return nil }
                while j < bytes.count, Self.isWordPart(bytes[j]), bytes[j] != UInt8(ascii: "$") { j += 1 }
            }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "$") else { return nil }
            let tag = bytes[i ... j]
            i = j + 1
            return tag
        }

        mutating func skipDollarBody(_ tag: ArraySlice<UInt8>) {
            let first = tag.first!
            while i < bytes.count {
                if bytes[i] == first, i + tag.count <= bytes.count, bytes[i ..< i + tag.count].elementsEqual(tag) {
                    i += tag.count
                    return
                }
                i += 1
            }
        }
    }
}
