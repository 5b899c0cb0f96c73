import Foundation

/// The entry point of the migration stage: plans the delta between two models
/// for one dialect, up and down, and decides whether it may be written.
public enum Migrator {
    public struct Delta: Sendable {
        public var up: MigrationPlan
        public var down: MigrationPlan
        public var diff: SchemaDiff

        /// Data-loss hazards of the up direction: refused without `--allow-destructive`.
        public var refusals: [Hazard] { up.refusals(allowDestructive: false) }
        public var errors: [String] { up.errors + down.errors }
    }

    /// Both schemas are first projected for the dialect (`Schema.projected(for:)`).
    public static func delta(from old: Schema, to new: Schema, dialect: Dialect,
                             options: PostgresPlanner.Options = .init()) -> Delta {
        let old = old.projected(for: dialect), new = new.projected(for: dialect)
        let up = SchemaDiff(old: old, new: new)
        return Delta(up: plan(up, dialect, options), down: plan(downDiff(from: old, to: new), dialect, options), diff: up)
    }

    /// One direction only (`schemagen diff` prints one): half the work of `delta`.
    public static func plan(from old: Schema, to new: Schema, dialect: Dialect,
                            options: PostgresPlanner.Options = .init(), down: Bool = false) -> MigrationPlan {
        let old = old.projected(for: dialect), new = new.projected(for: dialect)
        return plan(down ? downDiff(from: old, to: new) : SchemaDiff(old: old, new: new), dialect, options)
    }

    /// From `new` back to `old`, with the renames that `new` declares turned around.
    static func downDiff(from old: Schema, to new: Schema) -> SchemaDiff {
        SchemaDiff(old: new, new: old, renames: SchemaDiff.Renames.declared(old: old, new: new).inverted)
    }

    static func plan(_ diff: SchemaDiff, _ dialect: Dialect, _ options: PostgresPlanner.Options) -> MigrationPlan {
        switch dialect {
        case .sqlite: return SQLitePlanner(diff: diff).plan()
        case .postgres: return PostgresPlanner(diff: diff, options: options).plan()
        }
    }

    /// A model with nothing in it but the settings of `schema`: the "before" of a first migration.
    public static func empty(like schema: Schema) -> Schema {
        Schema(name: schema.name, targets: schema.targets, postgresSchema: schema.postgresSchema)
    }
}

/// One dialect's folder of migrations (`Generated/migrations/<dialect>/`), as values:
/// numbered `NNNN_name.up.sql` / `.down.sql` files, `snapshot.json` (the model of
/// the last migrated state, which the next delta is computed from), and
/// `schemagen.sum`, a chained checksum in the manner of Atlas's `atlas.sum`
/// that makes an edited, deleted, added or reordered file detectable.
public struct MigrationDirectory: Sendable {
    public static let snapshotFile = "snapshot.json"
    public static let sumFile = "schemagen.sum"

    public var dialect: Dialect
    /// File name → contents.
    public var files: [String: String]

    public init(dialect: Dialect, files: [String: String]) {
        self.dialect = dialect
        self.files = files
    }

    /// The migration files, in order.
    public var migrationNames: [String] {
        files.keys.filter { $0.hasSuffix(".up.sql") || $0.hasSuffix(".down.sql") }.sorted()
    }

    public var nextNumber: Int {
        let numbers = migrationNames.compactMap { Int($0.prefix(4)) }
        return (numbers.max() ?? 0) + 1
    }

    /// The model of the last migrated state, or nil before the first migration.
    public func snapshot() throws -> Schema? {
        guard let text = files[Self.snapshotFile] else { return nil }
        return try JSONDecoder().decode(Schema.self, from: Data(text.utf8))
    }

    public static func encodeSnapshot(_ schema: Schema) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(schema)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The checksum file over every migration and the snapshot: the first line
    /// hashes the whole folder; each further line hashes its file chained with
    /// every line before it.
    public static func sum(_ files: [String: String]) -> String {
        let names = files.keys.filter { $0 != sumFile }.sorted()
        var chain = ""
        var lines: [String] = []
        for name in names {
            chain = Naming.sha256Hex(chain + "\n" + name + "\n" + files[name]!)
            lines.append("\(name) h1:\(chain)")
        }
        return "h1:\(Naming.sha256Hex(chain + "\n\(names.count)"))\n" + lines.joined(separator: "\n") + "\n"
    }

    /// Problems with the folder's integrity, each with what to do about it.
    public func verify() -> [String] {
        guard let recorded = files[Self.sumFile] else {
            return files.isEmpty ? [] : ["\(dialect.rawValue): \(Self.sumFile) is missing; the migration folder cannot be verified. Restore it from version control"]
        }
        let expected = Self.sum(files)
        if recorded == expected { return [] }
        // Name the first file whose line differs.
        let a = recorded.split(separator: "\n").dropFirst(), b = expected.split(separator: "\n").dropFirst()
        let recordedNames = a.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        let actualNames = b.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        for name in recordedNames where !actualNames.contains(name) {
            return ["\(dialect.rawValue): \(name) was deleted after it was recorded in \(Self.sumFile); restore it from version control"]
        }
        for name in actualNames where !recordedNames.contains(name) {
            return ["\(dialect.rawValue): \(name) is not recorded in \(Self.sumFile): it was added by hand; migrations are written by `schemagen migrate`"]
        }
        for (x, y) in zip(a, b) where x != y {
            let name = y.split(separator: " ").first.map(String.init) ?? "?"
            if name == Self.snapshotFile {
                return ["\(dialect.rawValue): \(name) was edited after it was recorded; restore it from version control (the snapshot is what the next migration is computed from)"]
            }
            return ["\(dialect.rawValue): \(name) was edited after it was applied and recorded; restore it, and put further changes in a new migration (`schemagen migrate NAME`)"]
        }
        return ["\(dialect.rawValue): \(Self.sumFile) does not match the folder; restore the folder from version control"]
    }

    /// What `schemagen migrate NAME` adds: the next pair of files, the new snapshot and sum.
    public enum Outcome: Sendable {
        case unchanged
        case refused([Hazard])
        case failed([String])
        case written(files: [String: String], hazards: [Hazard])
    }

    public func migrate(to schema: Schema, name: String, allowDestructive: Bool, source: String,
                        options: PostgresPlanner.Options = .init()) -> Outcome {
        let previous: Schema?
        do { previous = try snapshot() } catch { return .failed(["\(dialect.rawValue): \(Self.snapshotFile) cannot be read: \(error)"]) }
        let problems = verify()
        if !problems.isEmpty { return .failed(problems) }
        let base = previous ?? Migrator.empty(like: schema)
        let delta = Migrator.delta(from: base, to: schema, dialect: dialect, options: options)
        if previous != nil && delta.diff.changes.isEmpty { return .unchanged }
        if !delta.errors.isEmpty { return .failed(delta.errors) }
        let refusals = delta.up.refusals(allowDestructive: allowDestructive)
        if !refusals.isEmpty { return .refused(refusals) }
        let number = String(repeating: "0", count: max(0, 4 - String(nextNumber).count)) + String(nextNumber)
        let stem = "\(number)_\(name)"
        var out = files
        let title = "schemagen migration \(stem) (\(dialect.displayName)), from \(source). Do not edit: write a new migration instead."
        if previous == nil {
            // The first migration is the whole schema, exactly as the fresh DDL.
            let ddl = DDL.script(for: schema, dialect: dialect, source: source)
            let renderer = DDL.renderer(dialect)
            out["\(stem).up.sql"] = SQLSyntax.comment(title) + "-- Hazards: none.\n\n" + renderer.text([.begin]) + "\n" + ddl + "\n" + renderer.text([.commit])
        } else {
            out["\(stem).up.sql"] = delta.up.script(title: title)
        }
        out["\(stem).down.sql"] = delta.down.script(title: title.replacingAll("(", with: "(down, "))
        out[Self.snapshotFile] = Self.encodeSnapshot(schema)
        out[Self.sumFile] = nil
        out[Self.sumFile] = Self.sum(out)
        return .written(files: out, hazards: delta.up.hazards)
    }

    /// What `schemagen check` reports about the folder for `schema`: its integrity problems,
    /// else a schema that no migration records yet, or changes that none records.
    public func problems(for schema: Schema) -> [String] {
        let integrity = verify()
        if !integrity.isEmpty { return integrity }
        guard let pending = pendingChanges(for: schema) else {
            return ["\(dialect.rawValue): no migration records the schema yet: run `schemagen migrate NAME`"]
        }
        if pending.isEmpty { return [] }
        return ["\(dialect.rawValue): the schema has \(pending.count) change\(pending.count == 1 ? "" : "s") that no migration records: run `schemagen migrate NAME`"]
    }

    /// Whether the schema has changes that no migration records yet.
    public func pendingChanges(for schema: Schema) -> [Change]? {
        guard let previous = try? snapshot() else { return nil }
        return SchemaDiff(old: previous.projected(for: dialect), new: schema.projected(for: dialect)).changes
    }
}
