/// One migration as an application embeds it (the generated `SQLiteMigrations`
/// and `PostgresMigrations`): the statements of a committed `.up.sql` file,
/// split, without the file's own transaction control.
///
/// Why derived from the files and not planned again: the files are what was
/// reviewed and what `schemagen.sum` protects, and the snapshot keeps only the
/// last state, so earlier deltas could not be planned again anyway.
///
/// - SQLite: GRDB's `DatabaseMigrator` runs each migration in its own
///   transaction with foreign keys off and checks them before the commit, so
///   `PRAGMA foreign_keys`, `BEGIN`, `PRAGMA foreign_key_check` and `COMMIT`
///   are left out.
/// - PostgreSQL: what the file runs before its `BEGIN` (enum values) and after
///   its `COMMIT` (concurrent index builds, validations) stays outside the
///   transaction; the application's runner opens the transaction itself.
public struct EmbeddedMigration: Equatable, Sendable {
    /// The file's stem, `0002_add_project_interfaces`: the identifier GRDB records in
    /// `grdb_migrations` and the PostgreSQL runner in `schemagen_migrations`.
    public var identifier: String
    /// Statements to run one by one before the transaction.
    public var before: [String]
    /// Statements to run in one transaction.
    public var statements: [String]
    /// Statements to run one by one after the commit.
    public var after: [String]

    public init(identifier: String, before: [String] = [], statements: [String], after: [String] = []) {
        self.identifier = identifier
        self.before = before
        self.statements = statements
        self.after = after
    }

    /// Every statement in the order the file runs them.
    public var allStatements: [String] { before + statements + after }

    /// The migration of one `.up.sql` file.
    public init(identifier: String, script: String, dialect: Dialect) {
        let all = SQLStatements.split(script, dialect: dialect)
        let words = all.map(SQLStatements.normalized)
        let begin = words.firstIndex(of: "BEGIN")
        let commit = words.lastIndex(of: "COMMIT")
        guard let begin, let commit, begin < commit else {
            // No transaction in the file: everything runs outside one.
            self.init(identifier: identifier, before: all, statements: [])
            return
        }
        var before = Array(all[..<begin]), after = Array(all[(commit + 1)...])
        var inside = Array(all[(begin + 1) ..< commit])
        if dialect == .sqlite {
            // The pragmas that surround the transaction in the file; GRDB does their work.
            if let last = before.last, SQLStatements.normalized(last) == "PRAGMA FOREIGN_KEYS = OFF" { before.removeLast() }
            if let first = after.first, SQLStatements.normalized(first) == "PRAGMA FOREIGN_KEYS = ON" { after.removeFirst() }
            if let last = inside.last, SQLStatements.normalized(last) == "PRAGMA FOREIGN_KEY_CHECK" { inside.removeLast() }
        }
        self.init(identifier: identifier, before: before, statements: inside, after: after)
    }
}

extension MigrationDirectory {
    /// The up migrations of the folder in order, as an application embeds them.
    public var embedded: [EmbeddedMigration] {
        migrationNames.filter { $0.hasSuffix(".up.sql") }.map { name in
            EmbeddedMigration(identifier: String(name.dropLast(".up.sql".count)), script: files[name]!, dialect: dialect)
        }
    }
}
