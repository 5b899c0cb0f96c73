/// Splits a SQL script into its statements, the way the engine's own shell does:
/// a `;` token of `SQLLexer` ends a statement (so never one inside a literal,
/// a quoted name, a comment or a dollar-quoted body), except inside a SQLite
/// trigger body (`CREATE TRIGGER ... BEGIN ...; ...; END;`, the rule of
/// `sqlite3_complete`).
///
/// Why: applications apply embedded migrations statement by statement
/// (PostgresNIO's extended protocol takes one statement per query), so the
/// committed migration files are split here rather than re-planned: what an
/// application runs is exactly what the reviewer read.
///
/// Each statement is the source text from its first token through its `;`
/// (comments between statements are dropped, comments inside one are kept, as
/// SQLite keeps them in `sqlite_master`). Tokens after the last `;` are a last
/// statement without one.
public enum SQLStatements {
    public static func split(_ script: String, dialect: Dialect) -> [String] {
        var lexer = SQLLexer(script, dialect: dialect)
        var statements: [String] = []
        var start: Int?, end = 0
        // SQLite trigger bodies: the first words, and the sqlite3_complete states
        // (after a `;` inside the body, then after `; END`).
        var leading: [SQLLexer.Token] = []
        var inTrigger = false, afterSemicolon = false, afterEnd = false
        while let token = lexer.next() {
            if start == nil {
                start = token.range.lowerBound
                leading = []
                inTrigger = false
                afterSemicolon = false
                afterEnd = false
            }
            end = token.range.upperBound
            if token.kind == .semicolon {
                if !inTrigger || afterEnd {
                    statements.append(lexer.text(start! ..< end))
                    start = nil
                } else {
                    afterSemicolon = true
                    afterEnd = false
                }
                continue
            }
            if dialect == .sqlite && leading.count < 3 {
                leading.append(token)
                // CREATE [TEMP | TEMPORARY] TRIGGER
                if lexer.isWord(leading[0], "CREATE") && lexer.isWord(token, "TRIGGER") {
                    inTrigger = leading.count == 2
                        || (leading.count == 3 && (lexer.isWord(leading[1], "TEMP") || lexer.isWord(leading[1], "TEMPORARY")))
                }
            }
            afterEnd = afterSemicolon && lexer.isWord(token, "END")
            afterSemicolon = false
        }
        if let start { statements.append(lexer.text(start ..< end)) }
        return statements
    }

    /// The words of a statement without its `;`, upper-cased and single-spaced
    /// (`"PRAGMA FOREIGN_KEYS = OFF"`), for recognising transaction control.
    static func normalized(_ statement: String) -> String {
        var text = Substring(statement)
        while let last = text.last, last == ";" || last == " " || last == "\n" || last == "\t" || last == "\r" { text = text.dropLast() }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ").uppercased()
    }
}
