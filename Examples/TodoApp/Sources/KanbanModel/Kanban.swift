import Foundation
import PostgresNIO

// Hand-written code beside the generated records (Kanban.Board, Kanban.Card, Kanban.CardState) and
// their PostgresNIO operations: no SQL here, only the generated, bound, namespaced statements.
extension Kanban {
    /// Brings the database up to the schema: the embedded migrations (from `migrations/postgres`),
    /// applied by the generated runner on one of the pool's connections. Returns what it applied.
    @discardableResult
    public static func migrate(_ client: PostgresClient, logger: Logger) async throws -> [String] {
        try await client.withConnection { connection in
            try await PostgresMigrations.migrate(on: connection, logger: logger)
        }
    }

    /// The board with this slug, created or retitled (an upsert on the unique key `uq_boards_slug`).
    public static func board(slug: String, title: String, on client: PostgresClient, logger: Logger) async throws -> Board {
        try await Board(slug: slug, title: title).postgresUpsert(onConflict: .uqBoardsSlug, on: client, logger: logger)
    }

    /// Adds cards to a board in one statement.
    public static func add(_ titles: [String], to board: Board, labels: [String] = [], on client: PostgresClient, logger: Logger) async throws -> [Card] {
        guard let boardId = board.id else { throw KanbanError("board '\(board.slug)' was never stored") }
        return try await Card.postgresInsertAll(titles.map { Card(boardId: boardId, title: $0, labels: labels) }, on: client, logger: logger)
    }

    /// Moves a card to another state; nil when the card no longer exists.
    public static func move(_ card: Card, to state: CardState, on client: PostgresClient, logger: Logger) async throws -> Card? {
        var moved = card
        moved.state = state
        return try await moved.postgresUpdate(on: client, logger: logger)
    }

    /// A board's cards by state, through the foreign key `cards.board_id`.
    public static func columns(of board: Board, on client: PostgresClient, logger: Logger) async throws -> [CardState: [String]] {
        guard let boardId = board.id else { return [:] }
        let cards = try await Card.postgresFetch(boardId: boardId, on: client, logger: logger)
        return Dictionary(grouping: cards, by: \.state).mapValues { $0.map(\.title).sorted() }
    }

    /// A mistake of the caller, said in words.
    public struct KanbanError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
