/// A place in an input file. Lines and columns are 1-based, as editors show them.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// The file as the user named it (root file) or relative to the current directory (included files).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One finding about the input. Diagnostics are values: every stage appends to a list,
/// so the user sees all problems of a run at once instead of one per run.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `path:line:column: error: message`, the form compilers and editors understand.
    public var description: String {
        if let l = location {
            return "\(l.file):\(l.line):\(l.column): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}

/// The diagnostics of one run, in the order they were found.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        all.append(Diagnostic(.error, message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        all.append(Diagnostic(.warning, message, at: location))
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    /// Sorted by file, line and column, errors before warnings at the same place,
    /// duplicates removed: what the CLI prints.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = all.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default:
                let ea = a.element.severity == .error, eb = b.element.severity == .error
                return ea != eb ? ea : a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// Text built only when printed. Messages name what they are about ("column
/// 'x' of table 'y'"); building those names for every column of a large schema
/// would cost more than checking it, so they are built only for a diagnostic.
struct LazyText: CustomStringConvertible {
    let make: () -> String

    init(_ make: @escaping () -> String) { self.make = make }

    var description: String { make() }
}

/// "column 'c' of table 't'", like a `LazyText`, but without a closure: a closure
/// capturing the two names is a heap allocation, and there is one per column.
struct ColumnText: CustomStringConvertible {
    let column: String
    let table: String

    var description: String { "column '\(column)' of table '\(table)'" }
}
