/// A risk a migration statement carries, coded in the style of Atlas's
/// `migrate lint`: DS destructive, MF may fail on existing data, BC backward
/// incompatible, PG PostgreSQL locking, LT SQLite table rebuild, TX outside a transaction.
public struct Hazard: Hashable, Sendable, Codable {
    public enum Code: String, Sendable, Codable, CaseIterable {
        case DS, MF, BC, PG, LT, TX
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Data-loss hazards are refused without `--allow-destructive`.
    public var losesData: Bool { code == .DS }

    /// `-- DS: drops column "x" of table "t" and its data`
    public var comment: String { SQLSyntax.comment("\(code.rawValue): \(message)") }
}
