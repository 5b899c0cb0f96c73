/// Where each declaration of the model came from. Kept beside the model (not in
/// it) so that the model stays a pure value that snapshots and diffs cleanly;
/// later stages ask it for a location only when they report something.
public struct SourceMap: Sendable {
    /// A declaration: the node of its name (the mapping key) and of its body.
    public struct Entry: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    public var root: YAMLNode?
    public var enums: [String: Entry] = [:]
    public var tables: [String: Entry] = [:]
    public var views: [String: Entry] = [:]
    public var rawSQL: [String: Entry] = [:]

    public init() {}

    /// The location of the key (or list item) at `path` below a declaration, or of the
    /// deepest part of the path that exists. Components are mapping keys or list indexes.
    public static func locate(_ start: Entry?, _ path: [String]) -> SourceLocation? {
        guard let start else { return nil }
        var node = start.value
        var found = start.key
        for component in path {
            if node.kind == .mapping, let next = node.entry(component) {
                found = next.key
                node = next.value
            } else if node.kind == .sequence, let i = Int(component), i >= 0, i < node.items.count {
                node = node.items[i]
                found = node
            } else {
                break
            }
        }
        return found.location
    }

    public func table(_ name: String, _ path: String...) -> SourceLocation? {
        SourceMap.locate(tables[name], path)
    }

    public func column(_ table: String, _ column: String, _ path: String...) -> SourceLocation? {
        SourceMap.locate(tables[table], ["columns", column] + path)
    }

    /// The node at `path` below a table's body (mapping keys or list indexes), if it exists.
    public func node(table: String, _ path: [String]) -> YAMLNode? {
        var node = tables[table]?.value
        for component in path {
            guard let current = node else { return nil }
            if current.kind == .mapping {
                node = current[component]
            } else if current.kind == .sequence, let i = Int(component), i >= 0, i < current.items.count {
                node = current.items[i]
            } else {
                return nil
            }
        }
        return node
    }

    /// The location of a column's type: the value of a shorthand column, or of its 'type' key.
    public func columnType(_ table: String, _ column: String) -> SourceLocation? {
        guard let node = tables[table]?.value["columns"]?[column] else { return self.column(table, column) }
        if node.kind == .scalar { return node.location }
        return node["type"]?.location ?? self.column(table, column)
    }

    public func enumType(_ name: String, _ path: String...) -> SourceLocation? {
        SourceMap.locate(enums[name], path)
    }

    public func view(_ name: String, _ path: String...) -> SourceLocation? {
        SourceMap.locate(views[name], path)
    }
}
