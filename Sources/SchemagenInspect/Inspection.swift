import SchemagenCore

// GRDB has types of these names too: in this module they are the model's.
typealias Table = SchemagenCore.Table
typealias Column = SchemagenCore.Column

/// What an inspector read: the model of the database, and a warning for each thing the format
/// cannot express (kept as a raw `sql:` block, never dropped).
public struct Inspection: Sendable {
    public var schema: Schema
    public var warnings: [String]

    public init(schema: Schema, warnings: [String] = []) {
        self.schema = schema
        self.warnings = warnings
    }
}

/// A failure to reach or read a database: one line, printed as `error: <description>` with exit code 2.
/// It never contains a password.
public struct InspectError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension ReferentialAction {
    /// The action a catalog spells `CASCADE`, `SET NULL`, ... (any case and spacing).
    init?(sql: String) {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ").uppercased()
        guard let action = ReferentialAction.allCases.first(where: { $0.sql == words }) else { return nil }
        self = action
    }
}
