/// A statement of the generated data access (the PostgresNIO operations of the Swift records) on
/// one table, as a value: which columns, which bound values. The Swift renderers build these and a
/// dialect renderer spells them (`PostgresTableStatements`, made for the table by `PostgresDDL`),
/// so SQL is written in one place and the statements name their tables and types in the schema's
/// namespace as the DDL does.
///
/// Every value is a bound placeholder, never spliced in; names are the model's, quoted by the
/// renderer.
public enum DataStatement: Equatable, Sendable {
    /// `SELECT columns FROM table [WHERE c = $1 AND ...] [ORDER BY ...]`.
    case select(columns: [String], where: [ColumnValue] = [], orderBy: [String] = [])
    /// ` WHERE c = $1 AND ... [ORDER BY ...]`: what follows a select of every column (the generated
    /// `postgresSelect`), so that a table's lookups do not each repeat its column list.
    case filter(where: [ColumnValue], orderBy: [String] = [])
    /// `UPDATE table SET c = $1, ... WHERE k = $n AND ... RETURNING columns`.
    case update(set: [ColumnValue], where: [ColumnValue], returning: [String])
    /// `DELETE FROM table WHERE ... RETURNING 1`: one row back per row deleted, so the caller
    /// learns whether there was one without a second statement.
    case delete(where: [ColumnValue])
}

/// `column = placeholder`: an assignment or a condition.
public struct ColumnValue: Equatable, Sendable {
    public var column: String
    public var value: Placeholder

    public init(_ column: String, _ value: Placeholder) {
        self.column = column
        self.value = value
    }
}

/// The n-th bound value of a statement (1-based), cast to `cast` where the value is bound in
/// another type than the column's (an enum bound as its text): the cast is the column's type
/// without a length or precision, since an explicit cast to `VARCHAR(n)` would cut a longer
/// value instead of failing.
public struct Placeholder: Equatable, Sendable {
    public var number: Int
    public var cast: ColumnType?

    public init(_ number: Int, cast: ColumnType? = nil) {
        self.number = number
        self.cast = cast
    }
}

/// An `INSERT` whose rows the generated code adds at run time (one or many): the renderer spells
/// the fixed text before the rows and after them; the rows in between are the columns'
/// placeholders in order, each followed by its `casts` entry as `PostgresDDL.castSuffix` spells it.
public struct InsertStatement: Equatable, Sendable {
    /// The columns written, in order.
    public var columns: [String]
    /// On a conflict with `conflict`, update these columns to the inserted values.
    public var conflict: Conflict?
    public var returning: [String]

    /// `ON CONFLICT ON CONSTRAINT constraint DO UPDATE SET c = EXCLUDED.c, ...`.
    public struct Conflict: Equatable, Sendable {
        public var constraint: String
        public var update: [String]

        public init(constraint: String, update: [String]) {
            self.constraint = constraint
            self.update = update
        }
    }

    public init(columns: [String], conflict: Conflict? = nil, returning: [String]) {
        self.columns = columns
        self.conflict = conflict
        self.returning = returning
    }
}
