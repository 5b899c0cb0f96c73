import Foundation
import GRDB
import SchemagenCore
import Testing

/// The SQLite DDL of the examples, probed with real statements through GRDB.
@Suite struct SQLiteBehaviorTests {
    let orgA = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
    let orgB = "b1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22"

    // MARK: 01 basics

    @Test func defaultsFillIn() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("01_basics.yaml"))
        try SQLiteEngine.execute("INSERT INTO type_tour DEFAULT VALUES", in: queue)
        let row = try #require(try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM type_tour") })

        for column in ["id", "uuid_text", "uuid_string"] {
            let value: String = row[column]
            #expect(Shapes.isLowercaseUUIDv4(value), "uuid() on \(column) gave \(value)")
        }
        #expect((row["id"] as String) != (row["uuid_text"] as String))
        let happened: String = row["happened_at"]
        #expect(Shapes.isTimestampText(happened), "now() on a timestamp gave \(happened)")
        let local: String = row["local_at"]
        #expect(Shapes.isDatetimeText(local), "now() on a datetime gave \(local)")
        let today: String = row["on_day"]
        #expect(today.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, "current_date() gave \(today)")
        #expect(happened.hasPrefix(today))
        let epoch: Int64 = row["epoch"]
        #expect(abs(epoch - Int64(Date().timeIntervalSince1970)) < 120, "unixepoch() gave \(epoch)")
        #expect((row["epoch_int"] as Int64) == epoch || (row["epoch_int"] as Int64) == epoch + 1)

        #expect((row["flag"] as Int?) == nil)
        #expect((row["flag_on"] as Int) == 1)
        #expect((row["flag_off"] as Int) == 0)
        #expect((row["tiny"] as Int) == -32768)
        #expect((row["medium"] as Int) == 42)
        #expect((row["medium_plus"] as Int) == 7)
        #expect((row["big"] as Int64) == 9007199254740993)
        #expect((row["ratio"] as Double) == 0.5)
        #expect((row["precise"] as Double) == -1.25e-3)
        #expect((row["infinite"] as Double) == .infinity)
        #expect((row["price"] as Double) == 19.99)
        #expect((row["whole"] as Int) == 12345678)
        #expect((row["code"] as String) == "it's")
        #expect((row["empty_text"] as String) == "")
        #expect((row["number_as_text"] as String) == "42")
        #expect((row["bool_word_text"] as String) == "true")
        #expect((row["fixed_uuid"] as String) == "6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a")
        #expect((row["fixed_at"] as String) == "2024-01-02T03:04:05.678Z")
        #expect((row["at_time"] as String) == "12:30:00")
        #expect((row["leap_day"] as String) == "2024-02-29")
        #expect((row["epoch_fixed"] as Int) == 1700000000)
        #expect((row["payload"] as String) == "{}")
        #expect((row["raw_default"] as Data) == Data([0xCA, 0xFE]))
        #expect((row["literal_now"] as String) == "now()")
        #expect((row["literal_uuid"] as String) == "uuid()")
        #expect((row["computed_default"] as Int) == 3)
        #expect((row["derived_flag"] as Int) == 1)
        #expect((row["per_dialect"] as String) == "LITE")
        #expect((row["null_default"] as String?) == nil)
        #expect((row["color"] as String) == "#ffffff")
    }

    @Test func identityAndBooleanAndCascade() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("01_basics.yaml"))
        try SQLiteEngine.execute("""
            INSERT INTO authors (handle, display_name) VALUES ('ann', 'Ann');
            INSERT INTO authors (handle, display_name) VALUES ('bob', 'Bob');
            INSERT INTO posts (author_id, title) VALUES (2, 'Hello');
            """, in: queue)
        #expect(try SQLiteEngine.strings("SELECT id FROM authors ORDER BY id", in: queue) == ["1", "2"])
        #expect(try SQLiteEngine.int("SELECT is_active FROM authors WHERE id = 1", in: queue) == 1)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "UPDATE authors SET is_active = 2", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_NOTNULL, "INSERT INTO authors (handle) VALUES ('cy')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_UNIQUE, "INSERT INTO authors (handle, display_name) VALUES ('ann', 'Ann 2')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "INSERT INTO posts (author_id, title) VALUES (99, 'Orphan')", in: queue)
        try SQLiteEngine.execute("DELETE FROM authors WHERE id = 2", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM posts", in: queue) == 0, "on_delete cascade")
    }

    // MARK: 02 constraints

    func constraintsDatabase() throws -> DatabaseQueue {
        let queue = try SQLiteEngine.open(try Schemas.example("02_constraints.yaml"))
        try SQLiteEngine.execute("""
            INSERT INTO organizations (id, slug, name) VALUES ('\(orgA)', 'acme', 'Acme');
            INSERT INTO organizations (id, slug, name, "plan") VALUES ('\(orgB)', 'beta', 'Beta', 'team');
            INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 1, 'Apollo', 'AP');
            INSERT INTO memberships (org_id, user_id) VALUES ('\(orgA)', 'u1');
            INSERT INTO queues (name) VALUES ('inbox'), ('urgent');
            """, in: queue)
        return queue
    }

    @Test func constraintsReject() throws {
        let queue = try constraintsDatabase()
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_NOTNULL, "INSERT INTO organizations (slug, name) VALUES ('nulls', NULL)", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO organizations (slug, name) VALUES ('ab', 'Short slug')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO organizations (slug, name, \"plan\") VALUES ('gamma', 'G', 'gold')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_UNIQUE, "INSERT INTO organizations (slug, name) VALUES ('acme', 'Acme again')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_PRIMARYKEY, "INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 1, 'Dup', 'DU')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_UNIQUE, "INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 2, 'Other', 'AP')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO projects (org_id, id, name, code, priority) VALUES ('\(orgA)', 3, 'P', 'P3', 11)", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO projects (org_id, id, name, code, spent) VALUES ('\(orgA)', 3, 'P', 'P3', -1)", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO projects (org_id, id, name, code, budget, spent) VALUES ('\(orgA)', 3, 'P', 'P3', 10, 11)", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "INSERT INTO projects (org_id, id, name, code) VALUES ('c2eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', 1, 'Orphan', 'OR')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "INSERT INTO tasks (org_id, project_id, title) VALUES ('\(orgA)', 99, 'No such project')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "INSERT INTO tasks (org_id, project_id, owner_id, title) VALUES ('\(orgA)', 1, 'nobody', 'No such member')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO tasks (org_id, project_id, title) VALUES ('\(orgA)', 1, 'forbidden')", in: queue)
    }

    @Test func partialUniqueIndex() throws {
        let queue = try constraintsDatabase()
        // Two archived projects may share a name; a second live one may not.
        try SQLiteEngine.execute("""
            INSERT INTO projects (org_id, id, name, code, archived) VALUES ('\(orgA)', 2, 'Zeus', 'Z1', 1);
            INSERT INTO projects (org_id, id, name, code, archived) VALUES ('\(orgA)', 3, 'Zeus', 'Z2', 1);
            INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 4, 'Zeus', 'Z3');
            """, in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_UNIQUE, "INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgA)', 5, 'Zeus', 'Z4')", in: queue)
        try SQLiteEngine.execute("INSERT INTO projects (org_id, id, name, code) VALUES ('\(orgB)', 5, 'Zeus', 'Z4')", in: queue)
    }

    @Test func referentialActions() throws {
        let queue = try constraintsDatabase()
        try SQLiteEngine.execute("""
            INSERT INTO tasks (id, org_id, project_id, owner_id, title, queue, reviewer_org) VALUES (1, '\(orgA)', 1, 'u1', 'Parent', 'urgent', '\(orgB)');
            INSERT INTO tasks (id, org_id, project_id, parent_id, title, queue) VALUES (2, '\(orgA)', 1, 1, 'Child', 'urgent');
            """, in: queue)
        // on_update cascade (queues.name -> tasks.queue), on_update set_default (-> tasks.fallback_queue)
        try SQLiteEngine.execute("UPDATE tasks SET fallback_queue = 'urgent' WHERE id = 1", in: queue)
        try SQLiteEngine.execute("UPDATE queues SET name = 'hot' WHERE name = 'urgent'", in: queue)
        #expect(try SQLiteEngine.strings("SELECT queue FROM tasks ORDER BY id", in: queue) == ["hot", "hot"])
        #expect(try SQLiteEngine.strings("SELECT fallback_queue FROM tasks ORDER BY id", in: queue) == ["inbox", "inbox"])
        // on_update no_action (projects -> tasks)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "UPDATE projects SET id = 7 WHERE id = 1", in: queue)
        // set_default
        try SQLiteEngine.execute("DELETE FROM queues WHERE name = 'hot'", in: queue)
        #expect(try SQLiteEngine.strings("SELECT queue FROM tasks ORDER BY id", in: queue) == ["inbox", "inbox"])
        // restrict (on_update of reviewer_org, on_delete of memberships.org_id) and no_action
        SQLiteEngine.expectRestrict("UPDATE organizations SET id = 'd3eebc99-9c0b-4ef8-bb6d-6bb9bd380a44' WHERE id = '\(orgB)'", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "DELETE FROM memberships WHERE user_id = 'u1'", in: queue)
        // set_null (self reference)
        try SQLiteEngine.execute("UPDATE tasks SET owner_id = NULL WHERE id = 1; DELETE FROM tasks WHERE id = 1", in: queue)
        #expect(try SQLiteEngine.strings("SELECT parent_id FROM tasks", in: queue) == [nil])
        // set_null (reviewer_org) on delete of an organization
        try SQLiteEngine.execute("UPDATE tasks SET reviewer_org = '\(orgB)'; DELETE FROM organizations WHERE id = '\(orgB)'", in: queue)
        #expect(try SQLiteEngine.strings("SELECT reviewer_org FROM tasks", in: queue) == [nil])
        // restrict on delete: the organization still has a membership
        SQLiteEngine.expectRestrict("DELETE FROM organizations WHERE id = '\(orgA)'", in: queue)
        // cascade through projects to tasks
        try SQLiteEngine.execute("DELETE FROM memberships; DELETE FROM organizations WHERE id = '\(orgA)'", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM projects", in: queue) == 0)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM tasks", in: queue) == 0)
    }

    @Test func updateCascadesThroughCompositeKey() throws {
        let queue = try constraintsDatabase()
        try SQLiteEngine.execute("DELETE FROM memberships", in: queue)
        try SQLiteEngine.execute("UPDATE organizations SET id = 'e4eebc99-9c0b-4ef8-bb6d-6bb9bd380a55' WHERE id = '\(orgA)'", in: queue)
        #expect(try SQLiteEngine.strings("SELECT org_id FROM projects", in: queue) == ["e4eebc99-9c0b-4ef8-bb6d-6bb9bd380a55"])
    }

    // MARK: 03 enums, arrays, JSON

    @Test func enumsArraysAndJSON() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("03_enums_and_arrays.yaml"))
        try SQLiteEngine.execute("INSERT INTO runs (id) VALUES ('r1')", in: queue)
        let row = try #require(try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM runs") })
        #expect((row["status"] as String) == "pending")
        #expect((row["shirt"] as String) == "default")
        #expect((row["history"] as String) == #"["pending"]"#)
        #expect((row["tags"] as String) == "[]")
        #expect((row["labels"] as String) == #"["a","b,c","d \"quoted\"","e\\f","ünï"]"#)
        #expect((row["scores"] as String) == "[1,2,3]")
        #expect((row["flags"] as String) == "[true,false]")
        #expect((row["settings"] as String) == #"{"theme":"dark","limits":{"cpu":2,"tags":["x","y"]},"enabled":true,"note":null}"#)
        #expect((row["scalar_json"] as String) == #""just text""#)
        #expect((row["wrapped_json"] as String) == #"{"sql":"not raw SQL","postgres":"neither"}"#)
        #expect((row["raw_json"] as String) == "[0]")
        #expect((row["split_json"] as String) == "[1,2]")
        #expect(try SQLiteEngine.string("SELECT json_extract(settings, '$.limits.cpu') FROM runs", in: queue) == "2")

        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO runs (id, status) VALUES ('r2', 'bogus')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO runs (id, agent) VALUES ('r2', 'CODEGEN')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO runs (id, tags) VALUES ('r2', 'not json')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO runs (id, tags) VALUES ('r2', '{\"a\": 1}')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO runs (id, ids) VALUES ('r2', '\"x\"')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO runs (id, metadata) VALUES ('r2', '{oops')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO runs (id, optional) VALUES ('r2', 'nope')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_NOTNULL, "INSERT INTO runs (id, tags) VALUES ('r2', NULL)", in: queue)
        try SQLiteEngine.execute("""
            INSERT INTO runs (id, status, agent, shirt, ids, optional, weights) VALUES ('r3', 'failed', 'claude_code', 'Größe', '["6f1c2a4e-0b7d-4c1e-9a53-2f0e8d7c6b5a"]', NULL, NULL);
            INSERT INTO runs (id, shirt, metadata) VALUES ('r4', 'order', '[1, {"a": null}]');
            """, in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM runs", in: queue) == 3)
    }

    // MARK: 04 search, auto_update, generated, strict

    @Test func fullTextSearchFollowsInsertsUpdatesDeletes() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("04_search_and_triggers.yaml"))
        try SQLiteEngine.execute("""
            INSERT INTO articles (title, body) VALUES ('Gardening basics', 'How tomatoes grow');
            INSERT INTO articles (title, body) VALUES ('Sailing', NULL);
            """, in: queue)
        #expect(try SQLiteEngine.strings("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'tomatoes'", in: queue) == ["1"])
        #expect(try SQLiteEngine.strings("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'sailing'", in: queue) == ["2"])
        try SQLiteEngine.execute("UPDATE articles SET body = 'How cucumbers grow' WHERE id = 1", in: queue)
        #expect(try SQLiteEngine.strings("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'tomatoes'", in: queue) == [])
        #expect(try SQLiteEngine.strings("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'cucumbers'", in: queue) == ["1"])
        try SQLiteEngine.execute("DELETE FROM articles WHERE id = 2", in: queue)
        #expect(try SQLiteEngine.strings("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'sailing'", in: queue) == [])
        // The index matches the content table exactly (auto_update's own UPDATE included).
        try SQLiteEngine.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)", in: queue)

        // A keyword column, an implicit rowid, two auto_update triggers.
        try SQLiteEngine.execute("""
            INSERT INTO notes ("order", content) VALUES ('first things', 'alpha');
            INSERT INTO notes ("order", content) VALUES ('second', 'beta gamma');
            UPDATE notes SET content = 'delta' WHERE content = 'alpha';
            """, in: queue)
        #expect(try SQLiteEngine.strings("SELECT \"order\" FROM notes WHERE rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'delta')", in: queue) == ["first things"])
        #expect(try SQLiteEngine.strings("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'alpha'", in: queue) == [])
        try SQLiteEngine.execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)", in: queue)
    }

    @Test func autoUpdateRefreshesUnlessSet() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("04_search_and_triggers.yaml"))
        let old = "2000-01-01T00:00:00.000Z"
        try SQLiteEngine.execute("INSERT INTO articles (title, updated_at) VALUES ('t', '\(old)')", in: queue)
        try SQLiteEngine.execute("UPDATE articles SET title = 'u'", in: queue)
        let refreshed = try #require(try SQLiteEngine.string("SELECT updated_at FROM articles", in: queue))
        #expect(refreshed != old)
        #expect(Shapes.isTimestampText(refreshed), "auto_update wrote \(refreshed)")
        try SQLiteEngine.execute("UPDATE articles SET title = 'v', updated_at = '2001-02-03T04:05:06.789Z'", in: queue)
        #expect(try SQLiteEngine.string("SELECT updated_at FROM articles", in: queue) == "2001-02-03T04:05:06.789Z")

        try SQLiteEngine.execute("""
            INSERT INTO notes (id, "order", content, edited_at, edited_ts) VALUES ('n1', 'o', 'c', '2000-01-01 00:00:00.000', 946684800);
            UPDATE notes SET content = 'd';
            """, in: queue)
        let editedAt = try #require(try SQLiteEngine.string("SELECT edited_at FROM notes", in: queue))
        #expect(Shapes.isDatetimeText(editedAt) && editedAt != "2000-01-01 00:00:00.000", "datetime auto_update wrote \(editedAt)")
        let editedTs = try #require(try SQLiteEngine.int("SELECT edited_ts FROM notes", in: queue))
        #expect(abs(editedTs - Int(Date().timeIntervalSince1970)) < 120, "unixtime auto_update wrote \(editedTs)")
        try SQLiteEngine.execute("UPDATE notes SET content = 'e', edited_ts = 1000", in: queue)
        #expect(try SQLiteEngine.int("SELECT edited_ts FROM notes", in: queue) == 1000)
    }

    @Test func generatedColumnsAndStrictTable() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("04_search_and_triggers.yaml"))
        try SQLiteEngine.execute("INSERT INTO line_items (quantity, unit_cents) VALUES (3, 250)", in: queue)
        let row = try #require(try queue.read { db in try Row.fetchOne(db, sql: "SELECT total, label, doubled, ok FROM line_items") })
        #expect((row["total"] as Int) == 750)
        #expect((row["label"] as String) == "x3")
        #expect((row["doubled"] as Int) == 6)
        #expect((row["ok"] as Int) == 1)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_DATATYPE, "INSERT INTO line_items (quantity, unit_cents) VALUES (1, 'lots')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO line_items (quantity, unit_cents) VALUES (0, 1)", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO line_items (quantity, unit_cents, ok) VALUES (1, 1, 5)", in: queue)
    }

    /// A decimal in a STRICT table is REAL: the text the GRDB records write (`Decimal.description`)
    /// becomes a number, so a numeric CHECK accepts 12.34, ORDER BY sorts by value, and text that
    /// is not a number is refused. (As TEXT, `'12.34' < 100000000000` is false: text sorts above numbers.)
    @Test func decimalInStrictTableIsNumeric() throws {
        let schema = try Schemas.inline("""
            schemagen: 1
            tables:
              prices:
                strict: true
                columns:
                  id:     { type: int, primary_key: true }
                  amount: { type: "decimal(14,2)", check: "amount < 100000000000" }
            """)
        #expect(Schemas.ddl(schema, .sqlite).contains("amount REAL NOT NULL,"))
        let queue = try SQLiteEngine.open(schema)
        try queue.write { db in
            for (id, amount) in [(1, "12.34"), (2, "9.5"), (3, "100"), (4, "-3"), (5, "0.07")] {
                try db.execute(sql: "INSERT INTO prices (id, amount) VALUES (?, ?)", arguments: [id, amount])
            }
        }
        #expect(try SQLiteEngine.strings("SELECT CAST(id AS TEXT) FROM prices ORDER BY amount", in: queue) == ["4", "5", "2", "1", "3"])
        #expect(try SQLiteEngine.strings("SELECT DISTINCT typeof(amount) FROM prices", in: queue) == ["real"])
        #expect(try SQLiteEngine.int("SELECT count(*) FROM prices WHERE amount > 10", in: queue) == 2)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO prices (id, amount) VALUES (6, '100000000000.5')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_DATATYPE, "INSERT INTO prices (id, amount) VALUES (7, 'lots')", in: queue)
    }

    // MARK: 05 views

    @Test func viewsReturnRows() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("05_views.yaml"))
        try SQLiteEngine.execute("""
            INSERT INTO employees (name, team, salary, hired_on) VALUES ('Ann', 'core', 100, '2021-03-01');
            INSERT INTO employees (name, team, salary, hired_on) VALUES ('Bob', 'core', 80, '2022-05-01');
            INSERT INTO employees (name, team, salary, hired_on, active) VALUES ('Cy', 'web', 90, '2022-07-01', 0);
            INSERT INTO employees (name, team, salary) VALUES ('Di', 'web', 70);
            """, in: queue)
        let report = try queue.read { db in try Row.fetchAll(db, sql: "SELECT team, headcount, payroll, top_salary FROM team_report ORDER BY team") }
        #expect(report.map { "\($0["team"] as String) \($0["headcount"] as Int) \($0["payroll"] as Int) \($0["top_salary"] as Int)" } == ["core 2 180 100", "web 1 70 70"])
        #expect(try SQLiteEngine.strings("SELECT year || ':' || hires FROM hires_by_year WHERE year < 2023 ORDER BY year", in: queue) == ["2021:1", "2022:2"])
        #expect(try SQLiteEngine.int("SELECT count(*) FROM active_employees", in: queue) == 3)
    }

    // MARK: 06 PostgreSQL features, as SQLite sees them

    @Test func postgresFeaturesDegradeOnSQLite() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("06_postgres_features.yaml"))
        // The raw SQL block seeded one device; its custom type compares without case.
        #expect(try SQLiteEngine.strings("SELECT name FROM devices", in: queue) == ["Seed device"])
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_UNIQUE, "INSERT INTO devices (serial_number, name) VALUES ('seed-0001', 'Copy')", in: queue)
        let device = try #require(try SQLiteEngine.string("SELECT id FROM devices", in: queue))
        try SQLiteEngine.execute("""
            INSERT INTO readings (device_id, taken_at, value) VALUES ('\(device)', '2024-06-01T00:00:00.000Z', 1.5);
            INSERT INTO alerts (severity, message) VALUES ('error', 'hot');
            INSERT INTO shards ("key", payload) VALUES (1, '{"a": 1}');
            """, in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO alerts (severity, message) VALUES ('fatal', 'x')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO shards (\"key\", payload) VALUES (2, 'nope')", in: queue)
        #expect(try SQLiteEngine.strings("SELECT name || ':' || readings FROM device_summary", in: queue) == ["Seed device:1"])
        #expect(try SQLiteEngine.strings("SELECT rowid FROM devices_fts WHERE devices_fts MATCH 'seed'", in: queue) == ["1"])
        try SQLiteEngine.execute("DELETE FROM devices", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM readings", in: queue) == 0)
    }

    // MARK: 07 cycles

    @Test func referenceCycles() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("07_cycles.yaml"))
        try SQLiteEngine.execute("""
            INSERT INTO departments (id, name) VALUES (1, 'R&D');
            INSERT INTO staff (id, name, department_id) VALUES (10, 'Boss', 1);
            INSERT INTO staff (id, name, department_id, manager_id) VALUES (11, 'Dev', 1, 10);
            UPDATE departments SET head_id = 10;
            """, in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "UPDATE departments SET head_id = 99", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "UPDATE staff SET manager_id = 99 WHERE id = 11", in: queue)
        try SQLiteEngine.execute("UPDATE staff SET id = 20 WHERE id = 10", in: queue)
        #expect(try SQLiteEngine.strings("SELECT manager_id FROM staff WHERE id = 11", in: queue) == ["20"], "on_update cascade")
        #expect(try SQLiteEngine.strings("SELECT head_id FROM departments", in: queue) == [nil], "on_update set_null")
        try SQLiteEngine.execute("UPDATE departments SET head_id = 20; DELETE FROM staff WHERE id = 20", in: queue)
        #expect(try SQLiteEngine.strings("SELECT head_id FROM departments", in: queue) == [nil], "on_delete set_null")
        #expect(try SQLiteEngine.strings("SELECT manager_id FROM staff", in: queue) == [nil], "self reference set_null")
        try SQLiteEngine.execute("DELETE FROM departments", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM staff", in: queue) == 0, "on_delete cascade")

        try SQLiteEngine.execute("""
            INSERT INTO a_nodes (id) VALUES ('a');
            INSERT INTO b_nodes (id, a_id) VALUES ('b', 'a');
            INSERT INTO c_nodes (id, n, b_id) VALUES ('c', 1, 'b');
            UPDATE a_nodes SET c_id = 'c', c_n = 1;
            """, in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "UPDATE a_nodes SET c_n = 2", in: queue)
        SQLiteEngine.expectRestrict("DELETE FROM b_nodes", in: queue)
        try SQLiteEngine.execute("DELETE FROM c_nodes", in: queue)
        #expect(try SQLiteEngine.strings("SELECT coalesce(c_id, 'null') FROM a_nodes", in: queue) == ["null"])
        try SQLiteEngine.execute("DELETE FROM a_nodes", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM b_nodes", in: queue) == 0)
    }

    // MARK: 08 includes

    @Test func includedDeclarationsWorkTogether() throws {
        let queue = try SQLiteEngine.open(try Schemas.example("08_includes.yaml"))
        try SQLiteEngine.execute("""
            INSERT INTO customers (id, email) VALUES ('c1', 'a@example.com');
            INSERT INTO products (sku, title) VALUES ('SKU-1', 'Red bicycle');
            INSERT INTO prices (sku, valid_from, amount) VALUES ('SKU-1', '2024-01-01', 100);
            INSERT INTO orders (customer_id, state) VALUES ('c1', 'paid');
            INSERT INTO order_lines (order_id, sku, quantity) VALUES (1, 'SKU-1', 2);
            """, in: queue)
        #expect(try SQLiteEngine.string("SELECT tier FROM customers", in: queue) == "bronze")
        #expect(try SQLiteEngine.string("SELECT currency FROM products", in: queue) == "EUR")
        #expect(try SQLiteEngine.strings("SELECT order_id || ':' || line_count || ':' || items FROM order_totals", in: queue) == ["1:1:2"])
        #expect(try SQLiteEngine.strings("SELECT id FROM paid_orders", in: queue) == ["1"])
        #expect(try SQLiteEngine.strings("SELECT rowid FROM products_fts WHERE products_fts MATCH 'bicycle'", in: queue) == ["1"])
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_CHECK, "INSERT INTO products (sku, title, currency) VALUES ('SKU-2', 'x', 'GBP')", in: queue)
        SQLiteEngine.expectViolation(.SQLITE_CONSTRAINT_FOREIGNKEY, "INSERT INTO orders (customer_id) VALUES ('nobody')", in: queue)
        SQLiteEngine.expectRestrict("DELETE FROM customers", in: queue)
        SQLiteEngine.expectRestrict("DELETE FROM products", in: queue)
        try SQLiteEngine.execute("DELETE FROM orders", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM order_lines", in: queue) == 0)
        try SQLiteEngine.execute("DELETE FROM products", in: queue)
        #expect(try SQLiteEngine.int("SELECT count(*) FROM prices", in: queue) == 0)
    }

    // MARK: 09 SQLite only

    @Test func sqliteOnlySchema() throws {
        let schema = try Schemas.example("09_sqlite_only.yaml")
        #expect(schema.targets == [.sqlite])
        let queue = try SQLiteEngine.open(schema)
        try SQLiteEngine.execute("""
            INSERT INTO kv ("key", value, saved_at) VALUES ('greeting', 'hello world, long enough', 0);
            INSERT INTO kv ("key", value) VALUES ('n', 42);
            UPDATE kv SET value = 'hi' WHERE "key" = 'greeting';
            """, in: queue)
        #expect(try SQLiteEngine.strings("SELECT typeof(value) FROM kv ORDER BY \"key\"", in: queue) == ["text", "integer"])
        #expect(try SQLiteEngine.int("SELECT size FROM kv WHERE \"key\" = 'greeting'", in: queue) == 2)
        #expect(try SQLiteEngine.int("SELECT saved_at FROM kv WHERE \"key\" = 'greeting'", in: queue) != 0)
        #expect(try SQLiteEngine.strings("SELECT rowid FROM kv_fts WHERE kv_fts MATCH 'greeting'", in: queue) == ["1"])
    }
}
