/// Which views must be dropped before a migration and created again after it:
/// views that are dropped or changed, views over a table that changes, and,
/// transitively, views over those views. Dependencies are found by the names
/// a view's SQL mentions (`SQLWords`), the same scan the validator uses.
struct ViewDependencies {
    /// Old views to drop, dependents first.
    var drop: [View] = []
    /// New views to create, dependencies first.
    var create: [View] = []

    init(diff: SchemaDiff, dialect: Dialect, changedTables: Set<String>) {
        let old = diff.old, new = diff.new
        func mentions(_ view: View) -> Set<String> {
            Set(view.sql.text(for: dialect).map { SQLWords.identifiers(in: $0, dialect: dialect) } ?? [])
        }
        let newViews = Dictionary(new.views.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var droppedNames = Set<String>()
        var createdNames = Set<String>()
        for change in diff.changes {
            switch change {
            case .dropView(let v): droppedNames.insert(v.name)
            case .createView(let v): createdNames.insert(v.name)
            case let .replaceView(o, n): droppedNames.insert(o.name); createdNames.insert(n.name)
            default: break
            }
        }
        // Old names that the change touches: changed tables (under their old and new names) and changed enums.
        var touched = Set(changedTables.map { $0.lowercased() })
        for change in diff.changes {
            switch change {
            case .renameTable(let from, _): touched.insert(from.lowercased())
            case .replaceEnum(let o, _): touched.insert(o.name.lowercased())
            default: break
            }
        }
        var changed = true
        while changed {
            changed = false
            for v in old.views where !droppedNames.contains(v.name) {
                if !mentions(v).isDisjoint(with: touched) || !mentions(v).isDisjoint(with: Set(droppedNames.map { $0.lowercased() })) {
                    droppedNames.insert(v.name)
                    if newViews[v.name] != nil { createdNames.insert(v.name) }
                    changed = true
                }
            }
        }
        let oldOrder = DependencyOrder(old).views.map { old.views[$0] }
        drop = oldOrder.filter { droppedNames.contains($0.name) }.reversed()
        let newOrder = DependencyOrder(new).views.map { new.views[$0] }
        create = newOrder.filter { createdNames.contains($0.name) }
    }
}
