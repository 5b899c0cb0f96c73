/// Writes the embedded migrations: `SQLiteMigrations` at the end of
/// `Records+GRDB.swift` (registered with GRDB's `DatabaseMigrator`) and
/// `PostgresMigrations` at the end of `Records+PostgresNIO.swift` (a runner
/// that applies them on one `PostgresConnection`).
///
/// They live in the integration files, not in a file of their own, because each
/// list is only useful with its library, and the plugin's fixed file list stays
/// as it is. The SQL is what `EmbeddedMigration` took from the committed
/// `.up.sql` files, shown as raw multi-line literals so that a reviewer reads
/// the same statements in the Swift diff as in the SQL diff.
struct MigrationsRenderer {
    let names: SwiftNames
    let configuration: SwiftConfiguration

    var access: String { configuration.accessModifier.prefix }

    /// The name of the table the PostgreSQL runner records applied migrations in.
    static let postgresHistoryTable = PostgresMigrationHistory.tableName

    // MARK: SQLite (GRDB)

    func renderSQLite(_ migrations: [EmbeddedMigration], into w: inout SwiftWriter) {
        w.line()
        w.line("// MARK: - Migrations")
        w.line()
        w.inNamespace(names.namespace) { w in
            w.doc([
                "The migrations of `migrations/sqlite` (written by `schemagen migrate`), in order, for GRDB's `DatabaseMigrator`:",
                "",
                "```swift",
                "var migrator = DatabaseMigrator()",
                "SQLiteMigrations.register(in: &migrator)",
                "try migrator.migrate(dbQueue)",
                "```",
                "",
                "Each is its `.up.sql` file without `BEGIN`, `COMMIT` and the `PRAGMA foreign_keys` lines: GRDB runs every",
                "migration in its own transaction with foreign keys off, and checks them before it commits.",
            ])
            w.block("\(access)enum SQLiteMigrations") { w in
                w.doc(["(identifier, SQL): the identifier is the file's stem, which GRDB records in `grdb_migrations`."])
                w.arrayLiteral(migrations, prefix: "\(access)static let all: [(identifier: Swift.String, sql: Swift.String)] = ") { migration, w in
                    w.line("(")
                    w.indented { w in
                        w.line("identifier: \(SwiftIdentifiers.stringLiteral(migration.identifier)),")
                        w.stringLiteral(migration.allStatements.joined(separator: "\n\n"), prefix: "sql: ", suffix: "")
                    }
                    w.line("),")
                }
                w.line()
                w.doc(["Registers every migration with `migrator`, in order."])
                w.block("\(access)static func register(in migrator: inout GRDB.DatabaseMigrator)") { w in
                    w.block("for migration in all") { w in
                        w.line("migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }")
                    }
                }
            }
        }
    }

    // MARK: PostgreSQL (PostgresNIO)

    func renderPostgres(_ migrations: [EmbeddedMigration], namespace: String?, into w: inout SwiftWriter) {
        let table = Self.postgresHistoryTable
        let history = PostgresMigrationHistory(namespace: namespace)
        w.line()
        w.line("// MARK: - Migrations")
        w.line()
        w.inNamespace(names.namespace) { w in
            w.doc([
                "The migrations of `migrations/postgres` (written by `schemagen migrate`), in order, one statement per entry",
                "(PostgresNIO sends one statement per query), and a runner that applies the ones a database lacks:",
                "",
                "```swift",
                "try await PostgresMigrations.migrate(on: connection, logger: logger)",
                "```",
            ])
            w.block("\(access)enum PostgresMigrations") { w in
                w.doc(["One `.up.sql` file, split into statements."])
                w.block("\(access)struct Migration: Swift.Sendable") { w in
                    w.doc(["The file's stem, recorded in `\(table)` once the migration is applied."])
                    w.line("\(access)let identifier: Swift.String")
                    w.doc(["Run one by one before the transaction (a new enum value cannot be used in the transaction that adds it)."])
                    w.line("\(access)let before: [Swift.String]")
                    w.doc(["Run in one transaction, which also records the identifier."])
                    w.line("\(access)let statements: [Swift.String]")
                    w.doc(["Run one by one after the commit (`CREATE INDEX CONCURRENTLY`, `VALIDATE CONSTRAINT`)."])
                    w.line("\(access)let after: [Swift.String]")
                }
                w.line()
                w.doc(["Every migration, in order."])
                w.arrayLiteral(migrations, prefix: "\(access)static let all: [Migration] = ") { migration, w in
                    w.line("Migration(")
                    w.indented { w in
                        w.line("identifier: \(SwiftIdentifiers.stringLiteral(migration.identifier)),")
                        for (label, statements, suffix) in [("before", migration.before, ","), ("statements", migration.statements, ","), ("after", migration.after, "")] {
                            w.arrayLiteral(statements, prefix: label + ": ", suffix: suffix) { statement, w in
                                w.stringLiteral(statement, prefix: "", suffix: ",")
                            }
                        }
                    }
                    w.line("),")
                }
                w.line()
                w.doc([
                    "Applies, in order, every migration that `\(table)` does not list yet, and returns their identifiers.",
                    "",
                    "Holds a session advisory lock throughout and creates `\(table)` when it is missing, so that two",
                    "processes starting at once never apply a migration twice. A failing statement rolls its migration's",
                    "transaction back and is thrown; the migrations before it stay applied.",
                ] + (namespace.map { [
                    "",
                    "Everything, `\(table)` included, lives in the schema \(SwiftIdentifiers.commentText($0)): the runner sets the",
                    "search path to it while it works and gives the connection its own search path back afterwards.",
                ] } ?? []))
                w.line("@discardableResult")
                w.block("\(access)static func migrate(on connection: PostgresNIO.PostgresConnection, logger: PostgresNIO.Logger) async throws -> [Swift.String]") { w in
                    w.line("try await run(\(Self.interpolated(history.lock.before, "lockKey", history.lock.after)), on: connection, logger: logger)")
                    if namespace != nil {
                        w.line("var searchPath: Swift.String? = nil")
                    }
                    w.line("do {")
                    w.indented { w in
                        if namespace != nil {
                            w.line("for try await path in try await connection.query(\(SwiftIdentifiers.stringLiteral(history.currentSearchPath)), logger: logger).decode(Swift.String.self) { searchPath = path }")
                            for statement in history.setUp { w.line("try await run(\(SwiftIdentifiers.stringLiteral(statement)), on: connection, logger: logger)") }
                        }
                        w.line("try await run(\(SwiftIdentifiers.stringLiteral(history.createTable)), on: connection, logger: logger)")
                        w.line("var applied = Swift.Set<Swift.String>()")
                        w.line("let rows = try await connection.query(\(SwiftIdentifiers.stringLiteral(history.selectApplied)), logger: logger)")
                        w.line("for try await identifier in rows.decode(Swift.String.self) { applied.insert(identifier) }")
                        w.line("var done: [Swift.String] = []")
                        w.block("for migration in all where !applied.contains(migration.identifier)") { w in
                            w.line("for statement in migration.before { try await run(statement, on: connection, logger: logger) }")
                            w.line("try await run(\(SwiftIdentifiers.stringLiteral(history.begin)), on: connection, logger: logger)")
                            w.line("do {")
                            w.indented { w in
                                w.line("for statement in migration.statements { try await run(statement, on: connection, logger: logger) }")
                                let insert = history.insertApplied
                                w.line("try await connection.query(\(Self.interpolated(insert.before, "migration.identifier", insert.after)), logger: logger)")
                                w.line("try await run(\(SwiftIdentifiers.stringLiteral(history.commit)), on: connection, logger: logger)")
                            }
                            w.line("} catch {")
                            w.indented { w in
                                w.line("try? await run(\(SwiftIdentifiers.stringLiteral(history.rollback)), on: connection, logger: logger)")
                                w.line("throw error")
                            }
                            w.line("}")
                            w.line("for statement in migration.after { try await run(statement, on: connection, logger: logger) }")
                            w.line("done.append(migration.identifier)")
                        }
                        if namespace != nil { w.line("try await restore(searchPath, on: connection, logger: logger)") }
                        w.line("try await run(\(Self.interpolated(history.unlock.before, "lockKey", history.unlock.after)), on: connection, logger: logger)")
                        w.line("return done")
                    }
                    w.line("} catch {")
                    w.indented { w in
                        if namespace != nil { w.line("try? await restore(searchPath, on: connection, logger: logger)") }
                        w.line("try? await run(\(Self.interpolated(history.unlock.before, "lockKey", history.unlock.after)), on: connection, logger: logger)")
                        w.line("throw error")
                    }
                    w.line("}")
                }
                if namespace != nil {
                    let restore = history.restoreSearchPath
                    w.line()
                    w.doc(["Gives the connection back the search path it had before `migrate`."])
                    w.block("private static func restore(_ searchPath: Swift.String?, on connection: PostgresNIO.PostgresConnection, logger: PostgresNIO.Logger) async throws") { w in
                        w.line("guard let searchPath else { return }")
                        w.line("try await connection.query(\(Self.interpolated(restore.before, "searchPath", restore.after)), logger: logger)")
                    }
                }
                w.line()
                w.doc(["The advisory lock's key: the first 8 bytes of SHA-256(\"schemagen_migrations\"), as a signed integer."])
                w.line("private static let lockKey: Swift.Int64 = \(Self.lockKey)")
                w.line()
                w.block("private static func run(_ sql: Swift.String, on connection: PostgresNIO.PostgresConnection, logger: PostgresNIO.Logger) async throws") { w in
                    w.line("try await connection.query(PostgresNIO.PostgresQuery(unsafeSQL: sql), logger: logger)")
                }
            }
        }
    }

    /// `"before\(expression)after"`: a PostgresNIO query whose interpolation binds `expression` as a parameter.
    static func interpolated(_ before: String, _ expression: String, _ after: String) -> String {
        String(SwiftIdentifiers.stringLiteral(before).dropLast()) + "\\(" + expression + ")" + String(SwiftIdentifiers.stringLiteral(after).dropFirst())
    }

    /// The lock key, derived from the history table's name so that it is stable and documented.
    static var lockKey: Int64 {
        let hex = Naming.sha256Hex(postgresHistoryTable).prefix(16)
        return Int64(bitPattern: UInt64(hex, radix: 16)!)
    }
}
