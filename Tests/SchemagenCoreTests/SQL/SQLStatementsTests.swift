import Foundation
@testable import SchemagenCore
import SchemagenTestSupport
import Testing

/// Splitting scripts into statements: a `;` inside a literal, an identifier, a comment,
/// a dollar-quoted body or a SQLite trigger body does not end a statement.
@Suite("SQL statement splitting")
struct SQLStatementsTests {
    @Test("Plain statements keep their text from the first token through the ';'; comments between them are dropped")
    func plain() {
        let script = """
        -- header
        CREATE TABLE a (x INT); /* between */ CREATE TABLE b (
            -- inside: kept
            y INT
        );

        DROP TABLE c
        """
        #expect(SQLStatements.split(script, dialect: .sqlite) == [
            "CREATE TABLE a (x INT);",
            "CREATE TABLE b (\n    -- inside: kept\n    y INT\n);",
            "DROP TABLE c",
        ])
    }

    @Test("Semicolons inside strings, quoted identifiers and comments do not split", arguments: Dialect.allCases)
    func quoted(_ dialect: Dialect) {
        let script = """
        INSERT INTO "t;1" VALUES ('a;b', 'it''s; fine'); -- trailing; comment
        SELECT 1 /* a; b */ ;
        SELECT '--not a comment;';
        """
        #expect(SQLStatements.split(script, dialect: dialect) == [
            #"INSERT INTO "t;1" VALUES ('a;b', 'it''s; fine');"#,
            "SELECT 1 /* a; b */ ;",
            "SELECT '--not a comment;';",
        ])
    }

    @Test("PostgreSQL: dollar-quoted bodies, tagged or not, E'' strings with backslash escapes, nested comments")
    func postgres() {
        let script = #"""
        CREATE FUNCTION f() RETURNS trigger AS $$
        BEGIN
            NEW.x := 'a;b'; RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        CREATE FUNCTION g() RETURNS text AS $body$ SELECT '$$;'::text $body$ LANGUAGE sql;
        SELECT E'it\'s; \\', 'x';
        SELECT 1 /* outer /* inner; */ still; */;
        SELECT $1, a$b FROM t;
        """#
        #expect(SQLStatements.split(script, dialect: .postgres) == [
            "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n    NEW.x := 'a;b'; RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;",
            "CREATE FUNCTION g() RETURNS text AS $body$ SELECT '$$;'::text $body$ LANGUAGE sql;",
            #"SELECT E'it\'s; \\', 'x';"#,
            "SELECT 1 /* outer /* inner; */ still; */;",
            "SELECT $1, a$b FROM t;",
        ])
    }

    @Test("SQLite: a trigger ends at '; END;', not at the ';' of its body or at a CASE ... END")
    func sqliteTriggers() {
        let script = """
        CREATE TRIGGER t1 AFTER UPDATE ON a BEGIN
            UPDATE a SET n = CASE WHEN new.n > 0 THEN 1 ELSE 2 END;
            INSERT INTO log VALUES ('END;');
        END;
        CREATE TEMP TRIGGER t2 AFTER DELETE ON a BEGIN DELETE FROM b; end ;
        SELECT [odd;name], `other;name` FROM a;
        """
        #expect(SQLStatements.split(script, dialect: .sqlite) == [
            "CREATE TRIGGER t1 AFTER UPDATE ON a BEGIN\n    UPDATE a SET n = CASE WHEN new.n > 0 THEN 1 ELSE 2 END;\n    INSERT INTO log VALUES ('END;');\nEND;",
            "CREATE TEMP TRIGGER t2 AFTER DELETE ON a BEGIN DELETE FROM b; end ;",
            "SELECT [odd;name], `other;name` FROM a;",
        ])
    }

    @Test("Unterminated constructs run to the end of the script; comments alone are no statement", arguments: [
        ("SELECT 'x", ["SELECT 'x"]), ("SELECT \"x", ["SELECT \"x"]), ("SELECT 1 /* x", ["SELECT 1"]),
        ("SELECT $$ x", ["SELECT $$ x"]), ("E'\\", ["E'\\"]), ("-- only a comment", []), ("/* only */ -- comments", []), ("", []),
    ])
    func unterminated(_ script: String, _ expected: [String]) {
        for dialect in Dialect.allCases {
            #expect(SQLStatements.split(script, dialect: dialect) == expected, "\(dialect)")
        }
    }

    @Test("The names SQL mentions: words lower-cased, quoted names as written; literals, comments and bodies skipped")
    func words() {
        let sql = #"SELECT "Base"."a""b", x FROM Sizes /* hidden */ WHERE y = 'report' -- tops"#
        #expect(SQLWords.identifiers(in: sql, dialect: .postgres) == ["select", "Base", "a\"b", "x", "from", "sizes", "where", "y"])
        #expect(SQLWords.identifiers(in: "SELECT $q$ FROM secret $q$, E'it\\'s FROM x' AS v", dialect: .postgres) == ["select", "as", "v"])
        #expect(SQLWords.identifiers(in: "SELECT [Odd Name], `other` FROM t", dialect: .sqlite) == ["select", "Odd Name", "other", "from", "t"])
    }

    /// Every example's DDL: the statements, put back together in order, are the script minus
    /// comments and blank space between statements, and none of them is empty.
    @Test("Splitting every example's DDL loses nothing but the comments between statements", arguments: ExampleDDL.files)
    func examples(_ url: URL) throws {
        let example = ExampleDDL.name(url)
        for dialect in Dialect.allCases {
            guard let script = try ExampleDDL.render(url, dialect) else { continue }
            let statements = SQLStatements.split(script, dialect: dialect)
            #expect(!statements.isEmpty)
            var rest = Substring(script)
            for statement in statements {
                let range = try #require(rest.range(of: statement), "\(example) \(dialect): statement not found in order: \(statement)")
                let gap = rest[rest.startIndex ..< range.lowerBound]
                // Between statements: only blank lines and whole-line comments.
                for line in gap.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("--"), "\(example) \(dialect): lost text \(line)")
                }
                #expect(statement.hasSuffix(";"), "\(example) \(dialect): \(statement)")
                rest = rest[range.upperBound...]
            }
        }
    }
}
