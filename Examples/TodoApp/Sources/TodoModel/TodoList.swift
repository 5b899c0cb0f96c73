import Foundation
import GRDB

// Hand-written code beside the generated records (Todo.List, Todo.Item, Todo.Priority): no SQL,
// only the generated columns (`Todo.Item.Columns`) and associations (`Todo.List.items`, `Todo.Item.list`).
extension Todo.List {
    /// A list's open items, highest priority first.
    public func open(_ items: [Todo.Item]) -> [Todo.Item] {
        items.filter { $0.listId == id && !$0.done }
            .sorted { Todo.Priority.allCases.firstIndex(of: $0.priority)! > Todo.Priority.allCases.firstIndex(of: $1.priority)! }
    }

    /// The list's open items in the database, highest priority first: the `hasMany` association
    /// from the foreign key `items.list_id`, filtered on a generated column.
    public func openItems(_ db: Database) throws -> [Todo.Item] {
        open(try request(for: Todo.List.items).filter(Todo.Item.Columns.done == false).fetchAll(db))
    }
}

extension Todo {
    /// An item with the list it belongs to, fetched in one request through `Todo.Item.list`.
    public struct ItemInList: Decodable, FetchableRecord, Sendable {
        public var item: Todo.Item
        public var list: Todo.List
    }

    /// Every item of the given priority with its list.
    public static func items(_ priority: Todo.Priority, _ db: Database) throws -> [ItemInList] {
        try Todo.Item.filter(Todo.Item.Columns.priority == priority)
            .including(required: Todo.Item.list)
            .asRequest(of: ItemInList.self)
            .fetchAll(db)
    }

    /// A database with the schema: the embedded migrations (Generated from `migrations/sqlite`), run by GRDB.
    public static func migrate(_ writer: some DatabaseWriter) throws {
        var migrator = DatabaseMigrator()
        Todo.SQLiteMigrations.register(in: &migrator)
        try migrator.migrate(writer)
    }
}
