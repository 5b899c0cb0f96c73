/// SQL text an engine stored (SQLite keeps each object's CREATE statement as written) as tokens with
/// their nesting depth, for the inspectors to read back. It reuses the lexer that splits migration
/// files, so a literal or a comment ends in the same place for both.
public struct SQLTokens: Sendable {
    public struct Token: Sendable, Equatable {
        /// The token as written (quotes included).
        public var text: String
        /// A quoted identifier's name without its quotes; an unquoted word as written; other tokens as written.
        public var name: String
        /// An unquoted word (a keyword or a name).
        public var isWord: Bool
        public var isQuotedIdentifier: Bool
        /// How many parentheses are open before this token (a `(` counts before itself, a `)` after).
        public var depth: Int
        /// Byte offsets in the text's UTF-8.
        public var range: Range<Int>

        /// Whether this is the unquoted word `upper` in any case.
        public func isKeyword(_ upper: String) -> Bool { isWord && text.uppercased() == upper }
        /// A name: an unquoted word or a quoted identifier (SQLite also takes a string literal as a name).
        public var isName: Bool { isWord || isQuotedIdentifier }
    }

    public let text: String
    public let tokens: [Token]
    private let bytes: [UInt8]

    public init(_ sql: String, dialect: Dialect) {
        text = sql
        var lexer = SQLLexer(sql, dialect: dialect)
        var out: [Token] = []
        var depth = 0
        while let token = lexer.next() {
            let raw = lexer.text(token.range)
            if raw == ")" { depth = max(0, depth - 1) }
            let quoted = token.kind == .quotedIdentifier
            out.append(Token(text: raw, name: quoted ? lexer.name(token) : raw, isWord: token.kind == .word,
                             isQuotedIdentifier: quoted, depth: depth, range: token.range))
            if raw == "(" { depth += 1 }
        }
        tokens = out
        bytes = Array(sql.utf8)
    }

    /// The source text from the start of token `from` to the end of token `to` (inclusive), comments inside kept.
    public func source(_ from: Int, through to: Int) -> String {
        guard from <= to, from < tokens.count else { return "" }
        return String(decoding: bytes[tokens[from].range.lowerBound ..< tokens[to].range.upperBound], as: UTF8.self)
    }

    /// The index of the `)` that closes the `(` at `open`, or nil.
    public func closing(_ open: Int) -> Int? {
        let depth = tokens[open].depth
        var i = open + 1
        while i < tokens.count {
            if tokens[i].text == ")" && tokens[i].depth == depth { return i }
            i += 1
        }
        return nil
    }

    /// The token ranges between `open` + 1 and `close` - 1 split at the commas of that level.
    public func items(inside open: Int, _ close: Int) -> [ClosedRange<Int>] {
        let depth = tokens[open].depth + 1
        var out: [ClosedRange<Int>] = []
        var start = open + 1
        for i in (open + 1) ..< close where tokens[i].text == "," && tokens[i].depth == depth {
            if start < i { out.append(start ... (i - 1)) }
            start = i + 1
        }
        if start < close { out.append(start ... (close - 1)) }
        return out
    }

    /// The first token at or after `from` (before `end`) that is the keyword `upper` at `depth`.
    public func find(_ upper: String, from: Int, before end: Int? = nil, depth: Int? = nil) -> Int? {
        var i = from
        while i < (end ?? tokens.count) {
            if tokens[i].isKeyword(upper) && (depth == nil || tokens[i].depth == depth) { return i }
            i += 1
        }
        return nil
    }
}
