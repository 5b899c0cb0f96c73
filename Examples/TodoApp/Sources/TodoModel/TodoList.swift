import Foundation

// Hand-written code beside the generated records (Todo.List, Todo.Item, Todo.Priority).
extension Todo.List {
    /// A list's open items, highest priority first.
    public func open(_ items: [Todo.Item]) -> [Todo.Item] {
        items.filter { $0.listId == id && !$0.done }
            .sorted { Todo.Priority.allCases.firstIndex(of: $0.priority)! > Todo.Priority.allCases.firstIndex(of: $1.priority)! }
    }
}
