import Foundation
import KanbanModel
import Logging
import PostgresNIO

// The server example: migrates the PostgreSQL database it is given with the records' embedded
// migrations, then works on a board through the generated operations and prints it.
//
//   PGHOST=/tmp/pg PGPORT=5432 PGUSER=me PGDATABASE=kanban swift run kanban-server
//
// PGHOST is a folder (the server's unix socket is in it) or a host name (TCP, with PGPASSWORD).

let environment = ProcessInfo.processInfo.environment
let host = environment["PGHOST"] ?? "localhost", port = Int(environment["PGPORT"] ?? "") ?? 5432
let user = environment["PGUSER"] ?? "postgres", database = environment["PGDATABASE"] ?? user
let configuration = host.hasPrefix("/")
    ? PostgresClient.Configuration(unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: environment["PGPASSWORD"], database: database)
    : PostgresClient.Configuration(host: host, port: port, username: user, password: environment["PGPASSWORD"], database: database, tls: .disable)
var logger = Logger(label: "kanban-server")
logger.logLevel = .warning
let client = PostgresClient(configuration: configuration, backgroundLogger: logger)

try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { await client.run() }
    defer { group.cancelAll() }
    let applied = try await Kanban.migrate(client, logger: logger)
    print("migrations applied: \(applied.isEmpty ? "none" : applied.joined(separator: ", "))")
    let board = try await Kanban.board(slug: "launch", title: "Launch", on: client, logger: logger)
    let cards = try await Kanban.add(["write docs", "fix bugs"], to: board, on: client, logger: logger)
    _ = try await Kanban.move(cards[0], to: .doing, on: client, logger: logger)
    for (state, titles) in try await Kanban.columns(of: board, on: client, logger: logger).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        print("\(board.title) / \(state.rawValue): \(titles.joined(separator: ", "))")
    }
}
