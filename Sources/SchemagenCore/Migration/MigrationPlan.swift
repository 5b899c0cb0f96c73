/// The statements of one migration in order, each step with its hazards, ready to
/// render as a script that runs as it is (`sqlite3 db < file`, `psql -f file`).
/// The same plan, from the empty schema, is the fresh DDL (`DDL.script`).
public struct MigrationPlan: Sendable {
    /// Statements that belong together (a table and its indexes, a rebuild), with the hazards they carry.
    public struct Step: Sendable {
        public var statements: [Statement]
        public var hazards: [Hazard]
        /// False for what cannot run inside a transaction block (PostgreSQL's
        /// `ALTER TYPE ... ADD VALUE` before its value is used, `CREATE INDEX CONCURRENTLY`), or should
        /// not (`VALIDATE CONSTRAINT` after a `NOT VALID` add, with `--online-safe`).
        public var transactional: Bool
        /// Why a step outside the transaction is there (the comment above it); nil for the usual reason.
        public var note: String?

        public init(_ statements: [Statement], hazards: [Hazard] = [], transactional: Bool = true, note: String? = nil) {
            self.statements = statements
            self.hazards = hazards
            self.transactional = transactional
            self.note = note
        }
    }

    public var dialect: Dialect { renderer.dialect }
    /// Spells the statements: the dialect's renderer for the schema the plan ends in.
    public let renderer: any StatementRenderer
    /// The PostgreSQL namespace every statement runs in (`SET search_path` heads every script); nil on SQLite.
    public var namespace: String?
    /// Steps that run before the transaction (PostgreSQL enum values).
    public var before: [Step] = []
    public var steps: [Step] = []
    /// Steps that run after the transaction (concurrent index builds, constraint validations).
    public var after: [Step] = []
    /// Problems that make the change impossible to plan (not hazards: errors).
    public var errors: [String] = []

    public init(renderer: any StatementRenderer, namespace: String? = nil) {
        self.renderer = renderer
        self.namespace = namespace
    }

    public var isEmpty: Bool { before.isEmpty && steps.isEmpty && after.isEmpty }
    public var hazards: [Hazard] { (before + steps + after).flatMap(\.hazards) }
    public var destructiveHazards: [Hazard] { hazards.filter(\.losesData) }

    /// What refuses the plan as an up migration: its data-loss hazards, unless they are allowed.
    /// (A down migration is never refused: it undoes what its up migration did.)
    public func refusals(allowDestructive: Bool) -> [Hazard] { allowDestructive ? [] : destructiveHazards }

    mutating func add(_ statements: [Statement], _ hazards: [Hazard] = []) {
        if !statements.isEmpty || !hazards.isEmpty { steps.append(Step(statements, hazards: hazards)) }
    }

    mutating func add(_ statement: Statement, _ hazards: [Hazard] = []) { steps.append(Step([statement], hazards: hazards)) }

    /// The SQL of one step, each statement on its own line(s).
    public func sql(_ step: Step) -> String { renderer.text(step.statements) }

    /// What a wrapped script writes before its transactional steps, and after them: on SQLite the
    /// foreign-key pragmas of the documented table rebuild too. Embedded migrations leave exactly
    /// these out (`EmbeddedMigration`): GRDB and the PostgreSQL runner open the transaction themselves.
    static func transactionStart(_ dialect: Dialect) -> [Statement] {
        dialect == .sqlite ? [.foreignKeys(enabled: false), .begin] : [.begin]
    }

    static func transactionEnd(_ dialect: Dialect) -> [Statement] {
        dialect == .sqlite ? [.foreignKeyCheck, .commit, .foreignKeys(enabled: true)] : [.commit]
    }

    /// The statement that heads every script of a namespaced PostgreSQL schema, so that a migration
    /// finds and creates everything in the namespace whatever the session's search path was. (The
    /// embedded runner keeps it, and restores the connection's own search path when it is done.)
    var preamble: [Statement] { namespace.map { [.useNamespace($0)] } ?? [] }

    /// The script. `wrapped` adds the transaction (and, on SQLite, the foreign-key
    /// pragmas around it); embedded migrations for GRDB are rendered unwrapped.
    public func script(title: String, wrapped: Bool = true) -> String {
        var out = SQLSyntax.comment(title)
        let all = hazards
        if all.isEmpty {
            out += "-- Hazards: none.\n"
        } else {
            out += "-- Hazards:\n"
            var seen = Set<Hazard>()
            for h in all where seen.insert(h).inserted { out += SQLSyntax.comment("  \(h.code.rawValue): \(h.message)") }
        }
        if isEmpty {
            return out + "-- No changes.\n"
        }
        if !preamble.isEmpty { out += "\n" + renderer.text(preamble) }
        func render(_ step: Step) -> String {
            step.hazards.map(\.comment).joined() + sql(step)
        }
        for step in before {
            out += "\n" + SQLSyntax.comment("TX: outside the transaction: " + (step.note ?? "PostgreSQL cannot use a new enum value in the transaction that adds it.")) + render(step)
        }
        if !steps.isEmpty {
            out += "\n"
            if wrapped { out += renderer.text(Self.transactionStart(dialect)) }
            for step in steps { out += "\n" + render(step) }
            if wrapped { out += "\n" + renderer.text(Self.transactionEnd(dialect)) }
        }
        for step in after {
            out += "\n" + SQLSyntax.comment("TX: outside the transaction: " + (step.note ?? "a concurrent index build cannot run in one.")) + render(step)
        }
        return out
    }

    /// The plan as a fresh DDL script: the header, the namespace, then each step as a block.
    func ddl(header: String, capacity: Int) -> String {
        var out = ScriptBuffer(reserving: capacity)
        out.text += header
        if let ns = namespace {
            out.startBlock()
            renderer.write([.createNamespace(ns), .useNamespace(ns)], into: &out.text)
        }
        for step in before + steps + after {
            out.startBlock()
            renderer.write(step.statements, into: &out.text)
        }
        return out.text
    }
}

/// Dialect-independent hazards of a change.
enum Hazards {
    static func of(_ change: Change, old: Schema) -> [Hazard] {
        switch change {
        case .dropTable(let t): return [Hazard(.DS, "drops table \(t.name) and all its rows")]
        case .dropColumn(let t, let c): return [Hazard(.DS, "drops column \(t).\(c.name) and its values")]
        case let .alterColumn(t, o, n):
            var out: [Hazard] = []
            if o.type != n.type {
                switch TypeChange.classify(from: o.type, to: n.type) {
                case .widening: break
                case .narrowing: out.append(Hazard(.DS, "narrows \(t).\(n.name) from \(o.type.spelling) to \(n.type.spelling): values that do not fit are lost or make the migration fail"))
                case .conversion: out.append(Hazard(.DS, "changes \(t).\(n.name) from \(o.type.spelling) to \(n.type.spelling): values that do not convert make the migration fail"))
                }
            }
            if o.nullable && !n.nullable {
                if n.defaultValue == nil || n.defaultValue == .null {
                    out.append(Hazard(.DS, "makes \(t).\(n.name) NOT NULL without a default: fails if a row holds NULL"))
                }
            }
            if o.generated != n.generated && (o.generated != nil || n.generated != nil) {
                out.append(Hazard(.DS, "changes whether or how \(t).\(n.name) is generated: the column is dropped and added again"))
            }
            return out
        case .addColumn(let t, let c):
            if !c.nullable && c.defaultValue == nil && c.generated == nil && !c.type.isSerial {
                return [Hazard(.MF, "adds NOT NULL column \(t).\(c.name) without a default: fails if the table has rows")]
            }
            return []
        case .replaceEnum(let o, let n):
            let removed = o.values.filter { !n.values.contains($0) }
            if removed.isEmpty { return [Hazard(.MF, "reorders the values of enum \(n.name): the type is replaced")] }
            return [Hazard(.DS, "drops value\(removed.count == 1 ? "" : "s") \(removed.joined(separator: ", ")) of enum \(n.name): rows holding \(removed.count == 1 ? "it" : "them") make the migration fail")]
        case let .renameEnumValue(e, from, to): return [Hazard(.BC, "renames value \(from) of enum \(e) to \(to): code using the old value breaks")]
        case .dropEnum(let e): return [Hazard(.BC, "drops enum type \(e.name)")]
        case .dropExtension(let e): return [Hazard(.BC, "drops extension \(e); fails while objects still use it")]
        case .addUnique(let t, let u): return [Hazard(.MF, "adds unique constraint \(u.name) on \(t): fails if existing rows repeat (\(u.columns.joined(separator: ", ")))")]
        case .addCheck(let t, let c): return [Hazard(.MF, "adds check \(c.name) on \(t): fails if existing rows violate it")]
        case .addForeignKey(let t, let fk): return [Hazard(.MF, "adds foreign key \(fk.name) on \(t): fails if existing rows have no parent")]
        case .setPrimaryKey(let t, _, let n?): return [Hazard(.MF, "sets the primary key of \(t) to (\(n.columns.joined(separator: ", "))): fails if existing rows repeat")]
        case .addIndex(let t, let i) where i.unique: return [Hazard(.MF, "adds unique index \(i.name) on \(t): fails if existing rows repeat")]
        case .renameTable(let from, let to): return [Hazard(.BC, "renames table \(from) to \(to): code using the old name breaks")]
        case .renameColumn(let t, let from, let to): return [Hazard(.BC, "renames column \(t).\(from) to \(to): code using the old name breaks")]
        case .dropView(let v): return [Hazard(.BC, "drops view \(v.name)")]
        case let .setTenancy(t, o, n): return tenancyHazards(t, old: o, new: n)
        case .setPartition(let t, let o, let n):
            let removed = (o?.partitions ?? []).filter { p in !(n?.partitions ?? []).contains { $0.name == p.name } }
            return removed.map { Hazard(.DS, "drops partition \($0.name) of \(t) and its rows") }
        default: return []
        }
    }
}

extension Hazards {
    /// Removing isolation is destructive (refused without `--allow-destructive`): it cannot lose a
    /// row, but every tenant's rows become visible to every session, which no migration undoes for
    /// the data already read. Turning it on or changing it breaks sessions that do not set the tenant.
    static func tenancyHazards(_ t: String, old o: TenantPolicy?, new n: TenantPolicy?) -> [Hazard] {
        switch (o, n) {
        case let (o?, nil):
            return [Hazard(.DS, "removes the tenant isolation of \(t): every session sees and writes every tenant's rows, not only those whose \(o.column) is its \(o.setting)")]
        case let (nil, n?):
            return [Hazard(.BC, "turns on tenant isolation for \(t): a session sees and writes only rows whose \(n.column) is its \(n.setting), and none without it")]
        case let (o?, n?):
            if o.column == n.column && o.setting == n.setting { return [] }
            return [Hazard(.BC, "changes the tenant policy of \(t) from \(o.column) = \(o.setting) to \(n.column) = \(n.setting): rows are matched to tenants anew")]
        case (nil, nil):
            return []
        }
    }
}

/// How a column type change treats existing values.
enum TypeChange {
    case widening, narrowing, conversion

    static func classify(from a: ColumnType, to b: ColumnType) -> TypeChange {
        func rank(_ t: ColumnType) -> (family: String, width: Int)? {
            switch t {
            case .smallint: return ("int", 1)
            case .int, .serial: return ("int", 2)
            case .bigint, .bigserial: return ("int", 3)
            case .real: return ("float", 1)
            case .double: return ("float", 2)
            case .string(let n): return ("text", n)
            // Blank-padded: to or from text its trailing spaces change, so only a longer char(n) widens.
            case .char(let n): return ("char", n)
            case .text: return ("text", Int.max)
            default: return nil
            }
        }
        if let x = rank(a), let y = rank(b), x.family == y.family { return y.width >= x.width ? .widening : .narrowing }
        switch (a, b) {
        case let (.decimal(p1, s1), .decimal(p2, s2)):
            if p2 == nil { return .widening }
            guard let p1, let p2 else { return .narrowing }
            let intDigits1 = p1 - (s1 ?? 0), intDigits2 = p2 - (s2 ?? 0)
            return intDigits2 >= intDigits1 && (s2 ?? 0) >= (s1 ?? 0) ? .widening : .narrowing
        case (.smallint, .bigint), (.int, .decimal(nil, _)), (.bigint, .decimal(nil, _)): return .widening
        case (.uuid, .text), (.enumeration, .text), (.date, .text), (.time, .text): return .widening
        case (.json, .text): return .widening
        case (.smallint, .real), (.smallint, .double), (.int, .double): return .widening
        case (.array(let x), .array(let y)): return classify(from: x, to: y)
        default: return .conversion
        }
    }
}
