import DatabaseTestSupport
import Foundation
import GRDB
import PostgresNIO
import SchemagenCore
import SchemagenTestSupport
import Testing

// Tenant isolation (Tests/Fixtures/records/tenancy.yaml, records in Tests/RecordsTests/Tenancy): on a
// real PostgreSQL 15, connected as an application role that is neither a superuser nor an owner
// (the case row-level security exists for), two tenants' rows in a parent, a child and a grandchild
// table; then the same through the generated `withShopTenant` on a pool of one connection, and
// GRDB's `forTenant` on SQLite.

enum TenancyFiles {
    static let schema = Fixtures.folder.appendingPathComponent("records/tenancy.yaml")
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/RecordsTests/Tenancy")
    static let configuration = SwiftConfiguration(integrations: Set(SwiftConfiguration.Integration.allCases))
    static let namespace = "Shop Data"

    static let a = UUID(uuidString: "aaaaaaaa-0000-4000-8000-000000000001")!
    static let b = UUID(uuidString: "bbbbbbbb-0000-4000-8000-000000000002")!

    static func ddl(_ dialect: Dialect) throws -> String {
        let compiled = Fixtures.compile(schema)
        guard let schema = compiled.schema else { throw SampleError("tenancy.yaml does not compile") }
        return DDL.script(for: schema, dialect: dialect, source: "tenancy.yaml")
    }

    /// Each tenant: customer, order of it, line of the order (A's ids 1, 10, 100; B's 2, 20, 200).
    static var seed: [String] {
        [(a, 1), (b, 2)].flatMap { tenant, n in
            ["INSERT INTO customers (id, org_id, name) VALUES (\(n), '\(tenant.uuidString)', 'customer \(n)')",
             "INSERT INTO orders (id, org_id, customer_id, total) VALUES (\(n * 10), '\(tenant.uuidString)', \(n), \(n))",
             "INSERT INTO order_lines (id, org_id, order_id, item) VALUES (\(n * 100), '\(tenant.uuidString)', \(n * 10), 'item \(n)')"]
        } + ["INSERT INTO currencies (code) VALUES ('EUR')"]
    }

    static let tenantTables = ["customers", "orders", "order_lines"]
}

@Suite struct TenancyFilesTests {
    @Test func generatedFilesAreCurrent() throws {
        let schema = try GeneratedFolder.expectCurrent(schema: TenancyFiles.schema, folder: TenancyFiles.folder,
                                                       configuration: TenancyFiles.configuration, prefix: "Tenancy")
        #expect(schema.tables.filter { $0.tenant != nil }.map(\.name) == TenancyFiles.tenantTables)
    }
}

@Suite struct PostgresTenancyTests {
    static var logger: Logger { TestPostgres.logger }

    /// A fresh database with the DDL and both tenants' rows (written by the superuser, whom
    /// row-level security does not hold), and the server as the application role connects to it.
    static func withSeededDatabase(_ body: (TestPostgres, String) async throws -> Void) async throws {
        let server = try TestPostgres.fromEnvironment()
        let ddl = try TenancyFiles.ddl(.postgres)
        // PSQLError's description hides the server's message: an unexpected one is rethrown with it.
        do { try await server.withFreshDatabase(prefix: "schemagen_tenancy_") { admin, name in
            try await server.psql(ddl, database: name)
            try await admin.run("SET search_path TO \"Shop Data\"")
            for statement in TenancyFiles.seed { try await admin.run(statement) }
            try await server.withApplicationRole(database: name, namespace: TenancyFiles.namespace) { app in
                try await body(app, name)
            }
            // What the application could not do did not happen: both tenants' rows are all there.
            for table in TenancyFiles.tenantTables {
                let rows = try await admin.texts("SELECT org_id::text, count(*)::text FROM \(table) GROUP BY org_id ORDER BY org_id")
                #expect(rows == [[TenancyFiles.a.uuidString.lowercased(), "1"], [TenancyFiles.b.uuidString.lowercased(), "1"]], "\(table)")
            }
        } } catch let error as PSQLError {
            throw TestPostgresError(String(reflecting: error))
        }
    }

    /// Runs `sql` in one transaction as `tenant` (nil: without the setting), on the application's connection.
    static func run(_ sql: String, as tenant: UUID?, on connection: PostgresConnection) async throws -> [[String?]] {
        try await connection.run("BEGIN")
        do {
            if let tenant { try await connection.run("SELECT set_config('shop.org', '\(tenant.uuidString)', true)") }
            let rows = try await connection.texts(sql)
            try await connection.run("COMMIT")
            return rows
        } catch {
            try? await connection.run("ROLLBACK")
            throw error
        }
    }

    @Test func aTenantSeesAndWritesOnlyItsOwnRows() async throws {
        try await Self.withSeededDatabase { app, database in
            let c = try await app.connect(database: database)
            do { try await Self.checkIsolation(on: c) } catch {
                try? await c.close()
                throw error
            }
            try await c.close()
        }
    }

    /// The checks of `aTenantSeesAndWritesOnlyItsOwnRows`, on the application role's connection.
    static func checkIsolation(on c: PostgresConnection) async throws {
        try await c.run("SET search_path TO \"Shop Data\"")
        let (a, b) = (TenancyFiles.a.uuidString, TenancyFiles.b.uuidString)
        // Without the setting, nothing of a tenant table; the shared table as usual.
        for table in TenancyFiles.tenantTables {
            #expect(try await Self.run("SELECT count(*)::text FROM \(table)", as: nil, on: c) == [["0"]], "\(table)")
        }
        #expect(try await Self.run("SELECT code FROM currencies", as: nil, on: c) == [["EUR"]])
        // A view over a tenant table, owned by the superuser, reads as its reader.
        #expect(try await Self.run("SELECT count(*)::text FROM order_totals", as: nil, on: c) == [["0"]])
        #expect(try await Self.run("SELECT customer_id::text FROM order_totals", as: TenancyFiles.a, on: c) == [["1"]])
        await #expect(throws: PSQLError.self) {
            _ = try await Self.run("INSERT INTO customers (id, org_id, name) VALUES (9, '\(a)', 'no tenant')", as: nil, on: c)
        }
        // As tenant A: its rows only, through joins from parent to child too.
        #expect(try await Self.run("SELECT id::text FROM customers", as: TenancyFiles.a, on: c) == [["1"]])
        #expect(try await Self.run("SELECT id::text FROM orders", as: TenancyFiles.a, on: c) == [["10"]])
        #expect(try await Self.run("SELECT l.id::text FROM customers cu JOIN orders o ON o.customer_id = cu.id JOIN order_lines l ON l.order_id = o.id", as: TenancyFiles.a, on: c) == [["100"]])
        // Writing a row of B, or moving a row of A to B, fails; B's rows cannot be reached.
        for statement in ["INSERT INTO customers (id, org_id, name) VALUES (3, '\(b)', 'planted')",
                          "INSERT INTO order_lines (id, org_id, order_id, item) VALUES (300, '\(b)', 10, 'planted')",
                          "UPDATE orders SET org_id = '\(b)' WHERE id = 10"] {
            await #expect(throws: PSQLError.self, "\(statement)") { _ = try await Self.run(statement, as: TenancyFiles.a, on: c) }
        }
        #expect(try await Self.run("UPDATE customers SET name = 'taken' WHERE id = 2 RETURNING id", as: TenancyFiles.a, on: c).isEmpty)
        for table in TenancyFiles.tenantTables.reversed() {
            #expect(try await Self.run("DELETE FROM \(table) WHERE org_id = '\(b)' RETURNING id", as: TenancyFiles.a, on: c).isEmpty, "\(table)")
        }
        // A writes its own rows; the setting ended with the transaction.
        #expect(try await Self.run("INSERT INTO customers (id, org_id, name) VALUES (5, '\(a)', 'new') RETURNING id::text", as: TenancyFiles.a, on: c) == [["5"]])
        #expect(try await Self.run("DELETE FROM customers WHERE id = 5 RETURNING id::text", as: TenancyFiles.a, on: c) == [["5"]])
        #expect(try await Self.run("SELECT count(*)::text FROM customers", as: nil, on: c) == [["0"]])
    }

    @Test func theGeneratedHelperRunsAsATenantAndLeavesThePooledConnectionClean() async throws {
        try await Self.withSeededDatabase { app, database in
            var configuration = PostgresClient.Configuration(unixSocketPath: app.socket, username: app.user, password: nil, database: database)
            configuration.options.maximumConnections = 1
            configuration.options.minimumConnections = 0
            let client = PostgresClient(configuration: configuration, backgroundLogger: Self.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                try await Self.checkHelper(client)
            }
        }
    }

    static func checkHelper(_ client: PostgresClient) async throws {
        let logger = Self.logger
        let (a, b) = (TenancyFiles.a, TenancyFiles.b)
        let seen = try await client.withShopTenant(a, logger: logger) { connection in
            (try await Shop.Customer.postgresFind(id: 1, on: connection, logger: logger)?.name,
             try await Shop.Customer.postgresFind(id: 2, on: connection, logger: logger)?.name,
             try await Shop.Order.postgresFetch(customerId: 1, on: connection, logger: logger).map(\.id),
             try await Shop.OrderLine.postgresFetch(orderId: 20, on: connection, logger: logger).map(\.id))
        }
        #expect(seen.0 == "customer 1" && seen.1 == nil && seen.2 == [10] && seen.3 == [])
        // Writes of B's rows fail (the transaction is rolled back); deleting B's rows deletes nothing.
        await #expect(throws: (any Error).self) {
            try await client.withShopTenant(a, logger: logger) { connection in
                _ = try await Shop.Customer(id: 3, orgId: b, name: "planted").postgresInsert(on: connection, logger: logger)
            }
        }
        await #expect(throws: (any Error).self) {
            try await client.withShopTenant(a, logger: logger) { connection in
                _ = try await Shop.Order(id: 10, orgId: b, customerId: 1, total: 1).postgresUpdate(on: connection, logger: logger)
            }
        }
        let deleted = try await client.withShopTenant(a, logger: logger) { connection in
            [try await Shop.OrderLine.postgresDelete(id: 200, on: connection, logger: logger),
             try await Shop.Order.postgresDelete(id: 20, on: connection, logger: logger),
             try await Shop.Customer.postgresDelete(id: 2, on: connection, logger: logger)]
        }
        #expect(deleted == [false, false, false])
        // The pool's one connection, used next without the helper: no tenant, no rows.
        var leftover: [String?] = []
        for try await setting in try await client.query("SELECT current_setting('shop.org', true)", logger: logger).decode(String?.self) {
            leftover.append(setting)
        }
        #expect(leftover.allSatisfy { ($0 ?? "").isEmpty }, "the tenant outlived its transaction: \(leftover)")
        var counts: [Int] = []
        for try await n in try await client.query("SELECT count(*)::int FROM \"Shop Data\".customers", logger: logger).decode(Int.self) { counts.append(n) }
        #expect(counts == [0])
        // As B, B's rows, through the same connection.
        let bNames = try await client.withShopTenant(b, logger: logger) { connection in
            try await Shop.Customer.postgresFind(id: 2, on: connection, logger: logger)?.name
        }
        #expect(bNames == "customer 2")
    }
}

@Suite struct GRDBTenancyTests {
    @Test func forTenantReadsOneTenantsRows() throws {
        let queue = try SQLiteDatabase.open(script: try TenancyFiles.ddl(.sqlite))
        try queue.write { db in for statement in TenancyFiles.seed { try db.execute(sql: statement.replacingOccurrences(of: "'\(TenancyFiles.a.uuidString)'", with: "'\(TenancyFiles.a.uuidString.lowercased())'").replacingOccurrences(of: "'\(TenancyFiles.b.uuidString)'", with: "'\(TenancyFiles.b.uuidString.lowercased())'")) } }
        let (customersOfA, ordersOfB, linesOfAInBsOrder, all) = try queue.read { db throws in
            (try Shop.Customer.forTenant(TenancyFiles.a).fetchAll(db).map(\.id),
             try Shop.Order.forTenant(TenancyFiles.b).fetchAll(db).map(\.id),
             try Shop.OrderLine.forTenant(TenancyFiles.a).filter(Shop.OrderLine.Columns.orderId == 20).fetchAll(db),
             try Shop.Customer.fetchCount(db))
        }
        #expect(customersOfA == [1] && ordersOfB == [20] && linesOfAInBsOrder.isEmpty && all == 2)
    }
}
