/// The tokens of SQL text that schemagen reads back: words, quoted identifiers,
/// `;`, and everything else, with whitespace, `--` and `/* */` comments skipped,
/// and string literals, PostgreSQL dollar-quoted bodies (`$fn$ ... $fn$`) and
/// SQLite's bracketed and backquoted names each taken as one token, the way the
/// dialect's own lexer takes them.
///
/// Why one lexer: splitting migration files into statements (`SQLStatements`)
/// and finding the names a view or a generated column mentions (`SQLWords`)
/// must agree on where a literal or a comment ends. One linear pass over the
/// UTF-8 bytes; tokens are byte ranges, so nothing is copied unless asked for.
struct SQLLexer {
    enum Kind: Equatable {
        /// An unquoted word: a keyword or a name (`[A-Za-z_\x80-][A-Za-z0-9_$\x80-]*`).
        case word
        /// `"name"`, and on SQLite `[name]` and `` `name` ``.
        case quotedIdentifier
        case semicolon
        /// Literals, numbers, operators, punctuation.
        case other
    }

    struct Token {
        var kind: Kind
        /// The whole token, quotes included.
        var range: Range<Int>
    }

    let bytes: [UInt8]
    let dialect: Dialect
    private var i = 0

    init(_ text: String, dialect: Dialect) {
        bytes = Array(text.utf8)
        self.dialect = dialect
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether `token` is the word `upper` (given in upper case), in any case.
    func isWord(_ token: Token, _ upper: StaticString) -> Bool {
        guard token.kind == .word, token.range.count == upper.utf8CodeUnitCount else { return false }
        var p = upper.utf8Start
        for b in bytes[token.range] {
            let c = b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") ? b - 32 : b
            if c != p.pointee { return false }
            p += 1
        }
        return true
    }

    /// A quoted identifier's name: without its quotes, a doubled closing quote as one.
    func name(_ token: Token) -> String {
        let inner = bytes[(token.range.lowerBound + 1) ..< max(token.range.lowerBound + 1, token.range.upperBound - 1)]
        let close = bytes[token.range.lowerBound] == UInt8(ascii: "[") ? UInt8(ascii: "]") : bytes[token.range.lowerBound]
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var previousWasClose = false
        for b in inner {
            if b == close && previousWasClose && close != UInt8(ascii: "]") {
                previousWasClose = false
                continue
            }
            out.append(b)
            previousWasClose = b == close
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        skipSpaceAndComments()
        guard i < bytes.count else { return nil }
        let start = i
        let c = bytes[i]
        let kind: Kind
        if c == UInt8(ascii: ";") {
            i += 1
            kind = .semicolon
        } else if c == UInt8(ascii: "'") {
            skipString(backslashEscapes: false)
            kind = .other
        } else if c == UInt8(ascii: "\"") {
            skipQuoted(until: UInt8(ascii: "\""))
            kind = .quotedIdentifier
        } else if dialect == .sqlite && c == UInt8(ascii: "`") {
            skipQuoted(until: UInt8(ascii: "`"))
            kind = .quotedIdentifier
        } else if dialect == .sqlite && c == UInt8(ascii: "[") {
            skipQuoted(until: UInt8(ascii: "]"), doubled: false)
            kind = .quotedIdentifier
        } else if dialect == .postgres && c == UInt8(ascii: "$"), let tag = dollarTag() {
            skipDollarBody(tag)
            kind = .other
        } else if Self.isWordStart(c) {
            while i < bytes.count, Self.isWordPart(bytes[i]) { i += 1 }
            // PostgreSQL escape strings: E'...' (also e'...') take backslash escapes.
            if dialect == .postgres, i - start == 1, c | 0x20 == UInt8(ascii: "e"), i < bytes.count, bytes[i] == UInt8(ascii: "'") {
                skipString(backslashEscapes: true)
                kind = .other
            } else {
                kind = .word
            }
        } else {
            i += 1
            kind = .other
        }
        return Token(kind: kind, range: start ..< min(i, bytes.count))
    }

    static func isWordStart(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c == UInt8(ascii: "_") || c >= 0x80
    }

    static func isWordPart(_ c: UInt8) -> Bool {
        isWordStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "$")
    }

    private func peek(_ offset: Int) -> UInt8? {
        i + offset < bytes.count ? bytes[i + offset] : nil
    }

    private mutating func skipSpaceAndComments() {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                i += 1
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                skipBlockComment()
            default:
                return
            }
        }
    }

    /// `/* ... */`; PostgreSQL's nest, SQLite's do not.
    private mutating func skipBlockComment() {
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
    private mutating func skipString(backslashEscapes: Bool) {
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
    private mutating func skipQuoted(until close: UInt8, doubled: Bool = true) {
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
    /// `$1` is a parameter, not a tag (and `a$b` never gets here: it is a word).
    private mutating func dollarTag() -> ArraySlice<UInt8>? {
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

    private mutating func skipDollarBody(_ tag: ArraySlice<UInt8>) {
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

/// The names SQL text mentions: every unquoted word, lower-cased, and every quoted
/// identifier, as written. Enough to find which views a view selects from and which
/// columns a generated column reads.
enum SQLWords {
    static func identifiers(in sql: String, dialect: Dialect) -> [String] {
        var lexer = SQLLexer(sql, dialect: dialect)
        var words: [String] = []
        while let token = lexer.next() {
            switch token.kind {
            case .word: words.append(lexer.text(token.range).lowercased())
            case .quotedIdentifier: words.append(lexer.name(token))
            case .semicolon, .other: break
            }
        }
        return words
    }
}
