import Foundation
import KanbanModel
import Logging
import PostgresNIO
import Testing

// The server example against the PostgreSQL that scripts/test.sh starts (PGHOST, PGPORT, PGUSER,
// PGDATABASE): each test works in a database of its own, migrated by the embedded runner.
@Suite("The server example's generated operations on PostgreSQL")
struct KanbanModelTests {
    @Test func migratesOnceThenWorksOnABoard() async throws {
        try await withMigratedDatabase { client, logger in
            #expect(try await Kanban.migrate(client, logger: logger) == [], "a second run applies nothing")
            let board = try await Kanban.board(slug: "launch", title: "Launch", on: client, logger: logger)
            let again = try await Kanban.board(slug: "launch", title: "Launch v2", on: client, logger: logger)
            #expect(again.id == board.id && again.title == "Launch v2", "the upsert on the slug keeps the row")
            let cards = try await Kanban.add(["write docs", "fix bugs", "ship"], to: board, labels: ["v1"], on: client, logger: logger)
            #expect(cards.map(\.state) == [.todo, .todo, .todo] && cards.allSatisfy { $0.labels == ["v1"] })
            #expect(try await Kanban.move(cards[0], to: .doing, on: client, logger: logger)?.state == .doing)
            #expect(try await Kanban.move(cards[2], to: .done, on: client, logger: logger)?.state == .done)
            #expect(try await Kanban.columns(of: board, on: client, logger: logger) == [.todo: ["fix bugs"], .doing: ["write docs"], .done: ["ship"]])
            #expect(try await Kanban.Board.postgresFind(slug: "launch", on: client, logger: logger)?.id == board.id)
        }
    }

    @Test func missingRowsAndBrokenRules() async throws {
        try await withMigratedDatabase { client, logger in
            let board = try await Kanban.board(slug: "ops", title: "Ops", on: client, logger: logger)
            let card = try #require(try await Kanban.add(["rotate keys"], to: board, on: client, logger: logger).first)
            // A second board with the same slug, and a card of a board that does not exist, are refused.
            await #expect(throws: PSQLError.self) { _ = try await Kanban.Board(slug: "ops", title: "Copy").postgresInsert(on: client, logger: logger) }
            await #expect(throws: PSQLError.self) { _ = try await Kanban.Card(boardId: 999_999, title: "orphan").postgresInsert(on: client, logger: logger) }
            // Deleting the board cascades to its cards; then the card is missing: update gives nil, delete false.
            #expect(try await Kanban.Board.postgresDelete(id: try #require(board.id), on: client, logger: logger))
            #expect(try await Kanban.Card.postgresFind(id: card.id, on: client, logger: logger) == nil)
            #expect(try await Kanban.move(card, to: .done, on: client, logger: logger) == nil)
            #expect(try await Kanban.Card.postgresDelete(id: card.id, on: client, logger: logger) == false)
        }
    }
}

/// Runs `body` with a client of a new database, migrated; the database is dropped afterwards.
func withMigratedDatabase(_ body: (PostgresClient, Logger) async throws -> Void) async throws {
    let environment = ProcessInfo.processInfo.environment
    guard let host = environment["PGHOST"], host.hasPrefix("/"), let port = environment["PGPORT"] else {
        throw Kanban.KanbanError("PGHOST (a socket folder) and PGPORT are not set: run the tests through scripts/test.sh, which starts PostgreSQL 15")
    }
    let user = environment["PGUSER"] ?? "postgres", socket = "\(host)/.s.PGSQL.\(port)"
    var logger = Logger(label: "kanban-tests")
    logger.logLevel = .critical
    let name = "kanban_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try await admin(socket, user, environment["PGDATABASE"] ?? "postgres", "CREATE DATABASE \(name)", logger)
    let client = PostgresClient(configuration: .init(unixSocketPath: socket, username: user, password: nil, database: name), backgroundLogger: logger)
    do {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            #expect(try await Kanban.migrate(client, logger: logger) == ["0001_init"])
            try await body(client, logger)
        }
    } catch {
        try? await admin(socket, user, environment["PGDATABASE"] ?? "postgres", "DROP DATABASE \(name) WITH (FORCE)", logger)
        throw error
    }
    try await admin(socket, user, environment["PGDATABASE"] ?? "postgres", "DROP DATABASE \(name) WITH (FORCE)", logger)
}

/// Runs one statement on a connection of its own to the server's administration database.
func admin(_ socket: String, _ user: String, _ database: String, _ sql: String, _ logger: Logger) async throws {
    let connection = try await PostgresConnection.connect(
        configuration: .init(unixSocketPath: socket, username: user, password: nil, database: database), id: 1, logger: logger)
    do { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) } catch {
        try? await connection.close()
        throw error
    }
    try await connection.close()
}
