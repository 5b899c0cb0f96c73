import Foundation
import SchemagenCore
import Testing

/// The PostgreSQL DDL of the examples, probed with real statements through
/// PostgresNIO, each test in a database of its own.
@Suite struct PostgresBehaviorTests {
    let orgA = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
    let orgB = "b1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22"

    /// A fresh database with the example's DDL applied (and its namespace on the search path).
    func withExample<T: Sendable>(_ name: String, _ body: (PGTestDatabase, Schema) async throws -> T) async throws -> T {
        let schema = try Schemas.example(name)
        return try await PGTestDatabase.withFresh { db in
            try await db.apply(Schemas.ddl(schema, .postgres))
            if let ns = schema.postgresSchema { try await db.execute("SET search_path TO \(SQLSyntax(.postgres).id(ns))") }
            return try await body(db, schema)
        }
    }

    // MARK: 01 basics

    @Test func defaultsFillIn() async throws {
        try await withExample("01_basics.yaml") { db, _ in
            try await db.execute("INSERT INTO type_tour DEFAULT VALUES")
            let columns = ["id", "uuid_text", "uuid_string", "flag", "flag_on", "flag_off", "tiny", "medium", "medium_plus",
                           "big", "ratio", "precise", "infinite", "price", "whole", "code", "empty_text", "number_as_text",
                           "bool_word_text", "fixed_uuid", "fixed_at AT TIME ZONE 'UTC'", "local_fixed", "at_time",
                           "leap_day", "epoch_fixed", "payload", "raw_default", "literal_now", "literal_uuid",
                           "computed_default", "derived_flag", "per_dialect", "null_default", "color",
                           "on_day = CURRENT_DATE", "abs(epoch - extract(epoch FROM now())) < 120",
                           "abs(epoch_int - extract(epoch FROM now())) < 120", "now() - happened_at < interval '2 minutes'",
                           "abs(extract(epoch FROM (now() AT TIME ZONE 'UTC') - local_at)) < 120"]
            let row = try #require(try await db.rows("SELECT \(columns.map { "(\($0))::text" }.joined(separator: ", ")) FROM type_tour").first)
            var value: [String: String?] = [:]
            for (c, v) in zip(columns, row) { value[c] = v }
            for c in ["id", "uuid_text", "uuid_string"] {
                let v = value[c] ?? nil
                #expect(v.map(Shapes.isLowercaseUUIDv4) == true, "uuid() on \(c) gave \(v ?? "NULL")")
            }
            let expected: [String: String?] = [
                "flag": nil, "flag_on": "true", "flag_off": "false", "tiny": "-32768", "medium": "42", "medium_plus": "7",
                "big": "9007199254740993", "ratio": "0.5", "precise": "-0.00125", "infinite": "Infinity", "price": "19.99",
                "whole": "12345678", "code": "it's", "empty_text": "", "number_as_text": "42", "bool_word_text": "true",
                "fixed_uuid": "6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a", "fixed_at AT TIME ZONE 'UTC'": "2024-01-02 03:04:05.678",
                "local_fixed": "2024-01-02 03:04:05", "at_time": "12:30:00", "leap_day": "2024-02-29",
                "epoch_fixed": "1700000000", "payload": "{}", "raw_default": "\\xcafe", "literal_now": "now()",
                "literal_uuid": "uuid()", "computed_default": "3", "derived_flag": "true", "per_dialect": "PG",
                "null_default": nil, "color": "#ffffff", "on_day = CURRENT_DATE": "true",
                "abs(epoch - extract(epoch FROM now())) < 120": "true", "abs(epoch_int - extract(epoch FROM now())) < 120": "true",
                "now() - happened_at < interval '2 minutes'": "true",
                "abs(extract(epoch FROM (now() AT TIME ZONE 'UTC') - local_at)) < 120": "true",
            ]
            for (c, e) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(value[c] == e, "\(c): \(String(describing: value[c])), expected \(String(describing: e))")
            }
        }
    }

    @Test func identityBooleanUniqueAndCascade() async throws {
        try await withExample("01_basics.yaml") { db, _ in
            try await db.execute("INSERT INTO authors (handle, display_name) VALUES ('ann', 'Ann'), ('bob', 'Bob')")
            try await db.execute("INSERT INTO posts (author_id, title) VALUES (2, 'Hello')")
            #expect(try await db.strings("SELECT id::text FROM authors ORDER BY id") == ["1", "2"])
            await db.expectError("22P02", "UPDATE authors SET is_active = 'maybe'")
            await db.expectError("23502", "INSERT INTO authors (handle) VALUES ('cy')")
            await db.expectError("23505", "INSERT INTO authors (handle, display_name) VALUES ('ann', 'Ann 2')")
            await db.expectError("23503", "INSERT INTO posts (author_id, title) VALUES (99, 'Orphan')")
            await db.expectError("22001", "INSERT INTO posts (author_id, title) VALUES (1, repeat('x', 201))")
            try await db.execute("DELETE FROM authors WHERE id = 2")
            #expect(try await db.string("SELECT count(*)::text FROM posts") == "0", "on_delete cascade")
        }
    }

    // MARK: 02 constraints

    func seedConstraints(_ db: PGTestDatabase) async throws {
        try await db.execute("INSERT INTO organizations (id, slug, name) VALUES ('\(orgA)', 'acme', 'Acme'), ('\(orgB)', 'beta', 'Beta')")
        try await db.execute("INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 1, 'Apollo', 'AP')")
        try await db.execute("INSERT INTO memberships (org_id, user_id) VALUES ('\(orgA)', 'u1')")
        try await db.execute("INSERT INTO queues (name) VALUES ('inbox'), ('urgent')")
    }

    @Test func constraintsReject() async throws {
        try await withExample("02_constraints.yaml") { db, _ in
            try await seedConstraints(db)
            await db.expectError("23502", "INSERT INTO organizations (slug, name) VALUES ('nulls', NULL)")
            await db.expectError("23514", "INSERT INTO organizations (slug, name) VALUES ('ab', 'Short slug')")
            await db.expectError("23514", "INSERT INTO organizations (slug, name, plan) VALUES ('gamma', 'G', 'gold')")
            await db.expectError("23505", "INSERT INTO organizations (slug, name) VALUES ('acme', 'Acme again')")
            await db.expectError("23505", "INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 1, 'Dup', 'DU')")
            await db.expectError("23505", "INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 2, 'Other', 'AP')")
            await db.expectError("23514", "INSERT INTO projects (org_id, id, name, code, priority) VALUES ('\(orgA)', 3, 'P', 'P3', 11)")
            await db.expectError("23514", "INSERT INTO projects (org_id, id, name, code, spent) VALUES ('\(orgA)', 3, 'P', 'P3', -1)")
            await db.expectError("23514", "INSERT INTO projects (org_id, id, name, code, budget, spent) VALUES ('\(orgA)', 3, 'P', 'P3', 10, 11)")
            await db.expectError("23503", "INSERT INTO projects (org_id, id, name, code) VALUES ('c2eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', 1, 'Orphan', 'OR')")
            await db.expectError("23503", "INSERT INTO tasks (org_id, project_id, title) VALUES ('\(orgA)', 99, 'No such project')")
            await db.expectError("23503", "INSERT INTO tasks (org_id, project_id, owner_id, title) VALUES ('\(orgA)', 1, 'nobody', 'No such member')")
            await db.expectError("23514", "INSERT INTO tasks (org_id, project_id, title) VALUES ('\(orgA)', 1, 'forbidden')")
            await db.expectError("22P02", "INSERT INTO organizations (id, slug, name) VALUES ('not-a-uuid', 'delta', 'D')")
        }
    }

    @Test func partialUniqueIndex() async throws {
        try await withExample("02_constraints.yaml") { db, _ in
            try await seedConstraints(db)
            try await db.execute("""
                INSERT INTO projects (org_id, id, name, code, archived) VALUES
                ('\(orgA)', 2, 'Zeus', 'Z1', true), ('\(orgA)', 3, 'Zeus', 'Z2', true), ('\(orgA)', 4, 'Zeus', 'Z3', false)
                """)
            await db.expectError("23505", "INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 5, 'Zeus', 'Z4')")
            try await db.execute("INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgB)', 5, 'Zeus', 'Z4')")
        }
    }

    @Test func referentialActions() async throws {
        try await withExample("02_constraints.yaml") { db, _ in
            try await seedConstraints(db)
            try await db.execute("""
                INSERT INTO tasks (id, org_id, project_id, owner_id, title, queue, reviewer_org)
                VALUES (1, '\(orgA)', 1, 'u1', 'Parent', 'urgent', '\(orgB)')
                """)
            try await db.execute("INSERT INTO tasks (id, org_id, project_id, parent_id, title, queue) VALUES (2, '\(orgA)', 1, 1, 'Child', 'urgent')")
            try await db.execute("UPDATE tasks SET fallback_queue = 'urgent' WHERE id = 1")
            try await db.execute("UPDATE queues SET name = 'hot' WHERE name = 'urgent'")
            #expect(try await db.strings("SELECT queue::text FROM tasks ORDER BY id") == ["hot", "hot"], "on_update cascade")
            #expect(try await db.strings("SELECT fallback_queue::text FROM tasks ORDER BY id") == ["inbox", "inbox"], "on_update set_default")
            await db.expectError("23503", "UPDATE projects SET id = 7 WHERE id = 1")
            try await db.execute("DELETE FROM queues WHERE name = 'hot'")
            #expect(try await db.strings("SELECT queue::text FROM tasks ORDER BY id") == ["inbox", "inbox"], "on_delete set_default")
            await db.expectError("23503", "UPDATE organizations SET id = 'd3eebc99-9c0b-4ef8-bb6d-6bb9bd380a44' WHERE id = '\(orgB)'")
            await db.expectError("23503", "DELETE FROM memberships WHERE user_id = 'u1'")
            try await db.execute("UPDATE tasks SET owner_id = NULL WHERE id = 1")
            try await db.execute("DELETE FROM tasks WHERE id = 1")
            #expect(try await db.strings("SELECT parent_id::text FROM tasks") == [nil], "self reference set_null")
            try await db.execute("UPDATE tasks SET reviewer_org = '\(orgB)'")
            try await db.execute("DELETE FROM organizations WHERE id = '\(orgB)'")
            #expect(try await db.strings("SELECT reviewer_org::text FROM tasks") == [nil], "on_delete set_null")
            await db.expectError("23503", "DELETE FROM organizations WHERE id = '\(orgA)'")
            try await db.execute("DELETE FROM memberships")
            try await db.execute("DELETE FROM organizations WHERE id = '\(orgA)'")
            #expect(try await db.string("SELECT count(*)::text FROM projects") == "0")
            #expect(try await db.string("SELECT count(*)::text FROM tasks") == "0")
        }
    }

    @Test func updateCascadesThroughCompositeKey() async throws {
        try await withExample("02_constraints.yaml") { db, _ in
            try await seedConstraints(db)
            try await db.execute("DELETE FROM memberships")
            try await db.execute("UPDATE organizations SET id = 'e4eebc99-9c0b-4ef8-bb6d-6bb9bd380a55' WHERE id = '\(orgA)'")
            #expect(try await db.strings("SELECT org_id::text FROM projects") == ["e4eebc99-9c0b-4ef8-bb6d-6bb9bd380a55"])
        }
    }

    // MARK: 03 enums, arrays, JSON

    @Test func enumsArraysAndJSON() async throws {
        try await withExample("03_enums_and_arrays.yaml") { db, _ in
            try await db.execute("INSERT INTO runs DEFAULT VALUES")
            let row = try #require(try await db.rows("""
                SELECT status::text, shirt::text, history::text, tags::text, array_to_json(labels)::text, scores::text,
                       weights::text, flags::text, days::text, settings #>> '{limits,cpu}', list_json::text, scalar_json::text,
                       number_json::text, wrapped_json ->> 'sql', raw_json::text, split_json::text, optional::text
                FROM runs
                """).first)
            let expected: [String?] = ["pending", "default", "{pending}", "{}", #"["a","b,c","d \"quoted\"","e\\f","ünï"]"#,
                                       "{1,2,3}", "{0.5,-100}", "{t,f}", "{2024-01-01}", "2", #"[1, "two", {"three": 3}]"#,
                                       #""just text""#, "42", "not raw SQL", "[0]", "[1, 2]", nil]
            #expect(row == expected)
            await db.expectError("22P02", "INSERT INTO runs (status) VALUES ('bogus')")
            await db.expectError("22P02", "INSERT INTO runs (agent) VALUES ('CODEGEN')")
            await db.expectError("22P02", "INSERT INTO runs (history) VALUES ('{pending,bogus}')")
            await db.expectError("22P02", "INSERT INTO runs (metadata) VALUES ('{oops')")
            await db.expectError("22P02", "INSERT INTO runs (scores) VALUES ('{1,x}')")
            await db.expectError("23502", "INSERT INTO runs (tags) VALUES (NULL)")
            try await db.execute("INSERT INTO runs (status, agent, shirt, ids) VALUES ('failed', 'claude_code', 'Größe', '{6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a}')")
            try await db.execute("INSERT INTO runs (shirt, history) VALUES ('order', ARRAY['completed', 'failed']::task_status[])")
            #expect(try await db.string("SELECT count(*)::text FROM runs") == "3")
            // Enum order is declaration order.
            #expect(try await db.strings("SELECT unnest(enum_range(NULL::size))::text") == ["small", "default", "order", "end", "x-large", "Größe"])
        }
    }

    // MARK: 04 search, auto_update, generated columns

    @Test func fullTextSearchUsesTheIndexExpression() async throws {
        try await withExample("04_search_and_triggers.yaml") { db, schema in
            try await db.execute("INSERT INTO articles (title, body) VALUES ('Gardening basics', 'How tomatoes grow'), ('Sailing', NULL)")
            let articles = try #require(schema.table(named: "articles"))
            let document = try #require(PostgresDDL(schema: schema).searchDocument(articles))
            let query = "SELECT id::text FROM articles WHERE \(document) @@ plainto_tsquery('english', $word$) ORDER BY id"
            func search(_ word: String) async throws -> [String?] {
                try await db.strings(query.replacingOccurrences(of: "$word$", with: "'\(word)'"))
            }
            #expect(try await search("tomato") == ["1"], "english stemming")
            #expect(try await search("sailing") == ["2"], "a NULL column counts as empty text")
            try await db.execute("UPDATE articles SET body = 'How cucumbers grow' WHERE id = 1")
            #expect(try await search("tomatoes") == [])
            #expect(try await search("cucumbers") == ["1"])
            // The planner can answer with the GIN index: the query's expression is the index's.
            try await db.execute("SET enable_seqscan = off")
            let plan = try await db.strings("EXPLAIN " + query.replacingOccurrences(of: "$word$", with: "'grow'"))
            #expect(plan.contains { $0?.contains(Naming.searchIndex(table: "articles")) == true }, "plan: \(plan)")

            let notes = try #require(schema.table(named: "notes"))
            let notesDocument = try #require(PostgresDDL(schema: schema).searchDocument(notes))
            try await db.execute("INSERT INTO notes (\"order\", content) VALUES ('first things', 'the running dogs')")
            #expect(try await db.strings("SELECT \"order\" FROM notes WHERE \(notesDocument) @@ plainto_tsquery('simple', 'the')") == ["first things"], "simple keeps stop words")
            #expect(try await db.strings("SELECT \"order\" FROM notes WHERE \(notesDocument) @@ plainto_tsquery('simple', 'run')") == [], "simple does not stem")
        }
    }

    @Test func autoUpdateRefreshesUnlessSet() async throws {
        try await withExample("04_search_and_triggers.yaml") { db, _ in
            try await db.execute("INSERT INTO articles (title, updated_at) VALUES ('t', '2000-01-01T00:00:00Z')")
            try await db.execute("UPDATE articles SET title = 'u'")
            #expect(try await db.string("SELECT (now() - updated_at < interval '2 minutes')::text FROM articles") == "true")
            try await db.execute("UPDATE articles SET title = 'v', updated_at = '2001-02-03T04:05:06.789Z'")
            #expect(try await db.string("SELECT (updated_at AT TIME ZONE 'UTC')::text FROM articles") == "2001-02-03 04:05:06.789")

            try await db.execute("INSERT INTO notes (\"order\", content, edited_at, edited_ts) VALUES ('o', 'c', '2000-01-01 00:00:00', 946684800)")
            try await db.execute("UPDATE notes SET content = 'd'")
            #expect(try await db.string("SELECT (abs(extract(epoch FROM (now() AT TIME ZONE 'UTC') - edited_at)) < 120)::text FROM notes") == "true")
            #expect(try await db.string("SELECT (abs(edited_ts - extract(epoch FROM now())) < 120)::text FROM notes") == "true")
            try await db.execute("UPDATE notes SET content = 'e', edited_ts = 1000")
            #expect(try await db.string("SELECT edited_ts::text FROM notes") == "1000")
        }
    }

    @Test func generatedColumns() async throws {
        try await withExample("04_search_and_triggers.yaml") { db, _ in
            try await db.execute("INSERT INTO line_items (quantity, unit_cents) VALUES (3, 250)")
            #expect(try await db.rows("SELECT total::text, label, doubled::text, ok::text FROM line_items").first == ["750", "x3", "6", "true"])
            await db.expectError("23514", "INSERT INTO line_items (quantity, unit_cents) VALUES (0, 1)")
            await db.expectError("428C9", "INSERT INTO line_items (quantity, unit_cents, total) VALUES (1, 1, 5)")
        }
    }

    // MARK: 05 views

    @Test func viewsReturnRows() async throws {
        try await withExample("05_views.yaml") { db, _ in
            try await db.execute("""
                INSERT INTO employees (name, team, salary, hired_on, active) VALUES
                ('Ann', 'core', 100, '2021-03-01', true), ('Bob', 'core', 80, '2022-05-01', true),
                ('Cy', 'web', 90, '2022-07-01', false), ('Di', 'web', 70, CURRENT_DATE, true)
                """)
            #expect(try await db.strings("SELECT team || ' ' || headcount || ' ' || payroll || ' ' || top_salary FROM team_report ORDER BY team") == ["core 2 180 100", "web 1 70 70"])
            #expect(try await db.string("SELECT count(*)::text FROM hires_by_year") == "0", "materialized: empty until refreshed")
            try await db.execute("REFRESH MATERIALIZED VIEW hires_by_year")
            #expect(try await db.strings("SELECT year || ':' || hires FROM hires_by_year WHERE year < 2023 ORDER BY year") == ["2021:1", "2022:2"])
            try await db.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY hires_by_year") // needs the unique index
        }
    }

    // MARK: 06 PostgreSQL features

    @Test func partitionsRouteRows() async throws {
        try await withExample("06_postgres_features.yaml") { db, _ in
            #expect(try await db.strings("SELECT name FROM devices") == ["Seed device"], "raw SQL seed")
            #expect(try await db.string("SELECT device_count()::text") == "1", "raw SQL function")
            let device = try #require(try await db.string("SELECT id::text FROM devices"))
            try await db.execute("""
                INSERT INTO readings (device_id, taken_at, value) VALUES
                ('\(device)', '2024-06-01T00:00:00Z', 1), ('\(device)', '2025-06-01T00:00:00Z', 2), ('\(device)', '2031-01-01T00:00:00Z', 3)
                """)
            #expect(try await db.strings("SELECT tableoid::regclass::text FROM readings ORDER BY taken_at") == ["readings_2024", "readings_2025", "readings_other"])
            try await db.execute("INSERT INTO alerts (severity, message) VALUES ('info', 'fyi'), ('error', 'hot'), ('debug', 'x')")
            #expect(try await db.strings("SELECT tableoid::regclass::text || ':' || severity FROM alerts ORDER BY severity") == ["alerts_low:debug", "alerts_low:info", "alerts_high:error"])
            try await db.execute("INSERT INTO shards (key) SELECT g FROM generate_series(1, 20) AS g")
            #expect(try await db.strings("SELECT tableoid::regclass::text FROM shards GROUP BY 1 ORDER BY 1") == ["shards_0", "shards_1"])
            await db.expectError("23505", "INSERT INTO shards (key) VALUES (7)")
            await db.expectError("22P02", "INSERT INTO alerts (severity, message) VALUES ('fatal', 'x')")
            await db.expectError("23503", "INSERT INTO readings (device_id, taken_at, value) VALUES ('6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a', now(), 1)")
            // auto_update on a partitioned table.
            try await db.execute("UPDATE readings SET received_at = '2000-01-01T00:00:00Z'")
            try await db.execute("UPDATE readings SET value = value + 1")
            #expect(try await db.strings("SELECT DISTINCT (now() - received_at < interval '2 minutes')::text FROM readings") == ["true"])
            try await db.execute("DELETE FROM devices")
            #expect(try await db.string("SELECT count(*)::text FROM readings") == "0", "cascade into partitions")
        }
    }

    @Test func extensionsCustomTypesAndMaterializedView() async throws {
        try await withExample("06_postgres_features.yaml") { db, schema in
            await db.expectError("23505", "INSERT INTO devices (serial_number, name) VALUES ('seed-0001', 'Copy')")
            try await db.execute("""
                INSERT INTO devices (serial_number, name, tags, attributes, active_during)
                VALUES ('SN-2', 'Thermometer two', '{lab,cold}', '{"room": "b12"}', tstzrange('2024-01-01', '2025-01-01'))
                """)
            #expect(try await db.string("SELECT length(secret)::text FROM devices WHERE serial_number = 'sn-2'") == "32", "pgcrypto default")
            #expect(try await db.strings("SELECT name FROM devices WHERE tags @> '{lab}' AND attributes @> '{\"room\": \"b12\"}' AND active_during @> '2024-06-01'::timestamptz") == ["Thermometer two"])
            let devices = try #require(schema.table(named: "devices"))
            let document = try #require(PostgresDDL(schema: schema).searchDocument(devices))
            #expect(try await db.strings("SELECT name FROM devices WHERE \(document) @@ plainto_tsquery('english', 'thermometers')") == ["Thermometer two"])
            try await db.execute("REFRESH MATERIALIZED VIEW device_summary")
            #expect(try await db.strings("SELECT name || ':' || readings FROM device_summary ORDER BY name") == ["Seed device:0", "Thermometer two:0"])
            // Extension objects live in the namespace too.
            #expect(try await db.string("SELECT typnamespace::regnamespace::text FROM pg_type WHERE typname = 'citext'") == "telemetry")
        }
    }

    // MARK: 07 cycles

    @Test func referenceCycles() async throws {
        try await withExample("07_cycles.yaml") { db, _ in
            try await db.execute("INSERT INTO departments (id, name) VALUES (1, 'R&D')")
            try await db.execute("INSERT INTO staff (id, name, department_id) VALUES (10, 'Boss', 1)")
            try await db.execute("INSERT INTO staff (id, name, department_id, manager_id) VALUES (11, 'Dev', 1, 10)")
            try await db.execute("UPDATE departments SET head_id = 10")
            await db.expectError("23503", "UPDATE departments SET head_id = 99")
            await db.expectError("23503", "UPDATE staff SET manager_id = 99 WHERE id = 11")
            try await db.execute("UPDATE staff SET id = 20 WHERE id = 10")
            #expect(try await db.strings("SELECT manager_id::text FROM staff WHERE id = 11") == ["20"], "on_update cascade")
            #expect(try await db.strings("SELECT head_id::text FROM departments") == [nil], "on_update set_null")
            try await db.execute("UPDATE departments SET head_id = 20")
            try await db.execute("DELETE FROM staff WHERE id = 20")
            #expect(try await db.strings("SELECT head_id::text FROM departments") == [nil], "on_delete set_null")
            #expect(try await db.strings("SELECT manager_id::text FROM staff") == [nil], "self reference set_null")
            try await db.execute("DELETE FROM departments")
            #expect(try await db.string("SELECT count(*)::text FROM staff") == "0", "on_delete cascade")

            try await db.execute("INSERT INTO a_nodes (id) VALUES ('a')")
            try await db.execute("INSERT INTO b_nodes (id, a_id) VALUES ('b', 'a')")
            try await db.execute("INSERT INTO c_nodes (id, n, b_id) VALUES ('c', 1, 'b')")
            try await db.execute("UPDATE a_nodes SET c_id = 'c', c_n = 1")
            await db.expectError("23503", "UPDATE a_nodes SET c_n = 2")
            await db.expectError("23503", "DELETE FROM b_nodes")
            try await db.execute("DELETE FROM c_nodes")
            #expect(try await db.strings("SELECT coalesce(c_id, 'null') FROM a_nodes") == ["null"])
            try await db.execute("DELETE FROM a_nodes")
            #expect(try await db.string("SELECT count(*)::text FROM b_nodes") == "0")
        }
    }

    // MARK: 08 includes

    @Test func includedDeclarationsWorkTogether() async throws {
        try await withExample("08_includes.yaml") { db, _ in
            let customer = "6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a"
            try await db.execute("INSERT INTO customers (id, email) VALUES ('\(customer)', 'a@example.com')")
            try await db.execute("INSERT INTO products (sku, title) VALUES ('SKU-1', 'Red bicycle')")
            try await db.execute("INSERT INTO prices (sku, valid_from, amount) VALUES ('SKU-1', '2024-01-01', 100), ('SKU-1', '2024-06-01', 90)")
            try await db.execute("INSERT INTO orders (customer_id, state) VALUES ('\(customer)', 'paid')")
            try await db.execute("INSERT INTO order_lines (order_id, sku, quantity) VALUES (1, 'SKU-1', 2)")
            #expect(try await db.string("SELECT tier::text FROM customers") == "bronze")
            #expect(try await db.string("SELECT currency::text FROM products") == "EUR")
            #expect(try await db.strings("SELECT order_id || ':' || line_count || ':' || items FROM order_totals") == ["1:1:2"])
            #expect(try await db.string("SELECT price_of('SKU-1')::text") == "90.00", "raw SQL from an included file")
            await db.expectError("22P02", "INSERT INTO products (sku, title, currency) VALUES ('SKU-2', 'x', 'GBP')")
            await db.expectError("23514", "INSERT INTO prices (sku, valid_from, amount) VALUES ('SKU-1', '2025-01-01', -1)")
            await db.expectError("23503", "INSERT INTO orders (customer_id) VALUES ('b1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22')")
            await db.expectError("23503", "DELETE FROM customers")
            await db.expectError("23503", "DELETE FROM products")
            try await db.execute("DELETE FROM orders")
            #expect(try await db.string("SELECT count(*)::text FROM order_lines") == "0")
            try await db.execute("DELETE FROM products")
            #expect(try await db.string("SELECT count(*)::text FROM prices") == "0")
        }
    }
}
