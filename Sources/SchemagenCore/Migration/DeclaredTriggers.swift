/// The declared triggers (`triggers:`) a migration drops and creates, decided once for both planners.
///
/// The diff's trigger changes (new, changed, gone) are joined by kept triggers that must be taken
/// down and put back: every trigger of a renamed table (a PostgreSQL trigger's function is named
/// after its table; SQLite would rewrite the trigger's text), and those the planner's dialect cannot
/// keep through the table's other changes (`bounces`). A dropped table's triggers go with it; on
/// PostgreSQL their functions remain to drop.
struct DeclaredTriggers {
    /// Old triggers to drop, under their table's old name; `tableDropped` when the table goes and takes them along.
    var dropped: [(table: String, trigger: Trigger, tableDropped: Bool)] = []
    /// New triggers to create, by table (new names, in the new schema's order; a new table's too). They
    /// come after every table, column and view is in place, as a trigger's SQL may read any of them.
    var created: [(table: String, triggers: [Trigger])] = []

    init(diff: SchemaDiff, index: DiffIndex, bounces: (_ table: String, _ trigger: Trigger) -> Bool) {
        var added = Set<String>()
        for c in diff.changes {
            switch c {
            case let .dropTrigger(t, trigger): dropped.append((index.oldName(t), trigger, false))
            case let .addTrigger(t, trigger): added.insert(t + "\u{0}" + trigger.name)
            case .dropTable(let t): dropped += (t.triggers ?? []).map { (t.name, $0, true) }
            default: break
            }
        }
        for t in diff.new.tables {
            guard let declared = t.triggers else { continue }
            let isNew = index.created.contains(t.name), renamed = index.isRenamed(t.name)
            var triggers: [Trigger] = []
            for trigger in declared {
                if isNew || added.contains(t.name + "\u{0}" + trigger.name) {
                    triggers.append(trigger)
                } else if renamed || bounces(t.name, trigger) {
                    // Kept unchanged: the old declaration is this one.
                    dropped.append((index.oldName(t.name), trigger, false))
                    triggers.append(trigger)
                }
            }
            if !triggers.isEmpty { created.append((t.name, triggers)) }
        }
    }

    /// The names a trigger's SQL for `dialect` mentions (lower-cased, `SQLWords`), its condition included.
    static func mentions(_ trigger: Trigger, _ dialect: Dialect) -> Set<String> {
        var words = Set<String>()
        for text in [trigger.body.text(for: dialect), trigger.when?.text(for: dialect)] {
            if let text { words.formUnion(SQLWords.identifiers(in: text, dialect: dialect)) }
        }
        return words
    }
}
