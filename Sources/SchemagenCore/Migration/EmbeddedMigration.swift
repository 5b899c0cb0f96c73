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

    /// The migration of one `.up.sql` file: what comes before its first `BEGIN` runs before the
    /// transaction, what follows its last `COMMIT` after it, and the statements that
    /// `MigrationPlan` writes around the transaction (`transactionStart`, `transactionEnd`) are
    /// left out wherever they stand next to the `BEGIN` or the `COMMIT`.
    public init(identifier: String, script: String, dialect: Dialect) {
        let all = SQLStatements.split(script, dialect: dialect)
        let words = all.map(SQLStatements.normalized)
        let renderer = DDL.renderer(dialect)
        let start = MigrationPlan.transactionStart(dialect).map { SQLStatements.normalized(renderer.text([$0])) }
        let end = MigrationPlan.transactionEnd(dialect).map { SQLStatements.normalized(renderer.text([$0])) }
        guard let begin = words.firstIndex(of: start.last!), let commit = words.lastIndex(of: "COMMIT"), begin < commit,
              let commitInEnd = end.firstIndex(of: "COMMIT") else {
            // No transaction in the file: everything runs outside one.
            self.init(identifier: identifier, before: all, statements: [])
            return
        }
        /// `range` of `all` without the longest tail (or head) that matches the end (or start) of `wrapper`.
        func trimmed(_ range: Range<Int>, droppingSuffix wrapper: ArraySlice<String>) -> [String] {
            var upper = range.upperBound
            for w in wrapper.reversed() {
                guard upper > range.lowerBound, words[upper - 1] == w else { break }
                upper -= 1
            }
            return Array(all[range.lowerBound ..< upper])
        }
        func trimmed(_ range: Range<Int>, droppingPrefix wrapper: ArraySlice<String>) -> [String] {
            var lower = range.lowerBound
            for w in wrapper {
                guard lower < range.upperBound, words[lower] == w else { break }
                lower += 1
            }
            return Array(all[lower ..< range.upperBound])
        }
        self.init(identifier: identifier,
                  before: trimmed(0 ..< begin, droppingSuffix: start.dropLast()),
                  statements: trimmed(begin + 1 ..< commit, droppingSuffix: end[..<commitInEnd]),
                  after: trimmed(commit + 1 ..< all.count, droppingPrefix: end[(commitInEnd + 1)...]))
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
