import SchemagenCore
import SchemagenTestSupport
import Testing

/// Derived names and the 63-byte rule. Expected hashes were computed independently:
/// `python3 -c "import hashlib;print(hashlib.sha256('...'.encode()).hexdigest()[:8])"`.
@Suite("Model: naming")
struct NamingTests {
    @Test("Derived names")
    func derived() {
        #expect(Naming.primaryKey(table: "tasks") == "pk_tasks")
        #expect(Naming.unique(table: "tasks", columns: ["project_id", "name"]) == "uq_tasks_project_id_name")
        #expect(Naming.foreignKey(table: "tasks", columns: ["org_id", "project_id"]) == "fk_tasks_org_id_project_id")
        #expect(Naming.columnCheck(table: "tasks", column: "priority") == "chk_tasks_priority")
        #expect(Naming.tableCheck(table: "tasks", ordinal: 2) == "chk_tasks_2")
        #expect(Naming.index(table: "tasks", parts: [.column(name: "status", descending: true, nulls: .last), .expression("lower(title)")]) == "idx_tasks_status_expr")
        #expect(Naming.searchIndex(table: "tasks") == "idx_tasks_search")
        #expect(Naming.ftsTable(table: "tasks") == "tasks_fts")
    }

    @Test("SHA-256 in hex")
    func sha256() {
        #expect(Naming.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Naming.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("A name of 63 bytes or less is kept")
    func short() {
        let name = "idx_" + String(repeating: "b", count: 59)
        #expect(name.utf8.count == 63)
        #expect(Naming.fit(name) == name)
        #expect(Naming.fit("pk_t") == "pk_t")
    }

    @Test("A name over 63 bytes: its first 54 bytes, '_', 8 hex digits of its SHA-256")
    func long() {
        let name = "idx_" + String(repeating: "a", count: 60)
        let fitted = Naming.fit(name)
        #expect(fitted == "idx_" + String(repeating: "a", count: 50) + "_7c71da89")
        #expect(fitted.utf8.count == 63)
    }

    @Test("A multi-byte character is never cut: the prefix backs off to a character boundary")
    func multiByte() {
        // 53 ASCII bytes then 'é' (2 bytes): byte 54 is the middle of an 'é'.
        let accented = String(repeating: "a", count: 53) + String(repeating: "é", count: 10)
        #expect(Naming.fit(accented) == String(repeating: "a", count: 53) + "_205be33d")
        // 52 ASCII bytes then 4-byte emoji: bytes 53 to 55 are inside the first one.
        let emoji = String(repeating: "x", count: 52) + "😀😀😀"
        #expect(Naming.fit(emoji) == String(repeating: "x", count: 52) + "_ba0630d2")
        for name in [accented, emoji] {
            let fitted = Naming.fit(name)
            #expect(fitted.utf8.count <= 63)
            #expect(String(validating: Array(fitted.utf8), as: UTF8.self) == fitted)
        }
    }

    @Test("Names sharing a long prefix stay distinct")
    func distinct() {
        let stem = String(repeating: "c", count: 60)
        #expect(Naming.fit(stem + "_one") != Naming.fit(stem + "_two"))
        #expect(Naming.fit(stem + "_one").hasPrefix(String(repeating: "c", count: 54) + "_"))
    }

    @Test("The decoder fits derived names")
    func decoderFits() throws {
        let t = try Compile.table("""
        schemagen: 1
        tables:
          a_very_long_table_name_for_testing_limits:
            columns:
              and_a_long_column_name: { type: text, unique: true }
        """)
        #expect(t.uniques == [UniqueConstraint(name: "uq_a_very_long_table_name_for_testing_limits_and_a_lon_74bbf1c3",
                                               columns: ["and_a_long_column_name"])])
    }

    @Test("The decoder fits explicit names too")
    func decoderFitsExplicit() throws {
        let long = "idx_" + String(repeating: "a", count: 60)
        let t = try Compile.table("schemagen: 1\ntables:\n  t:\n    columns: { c: int }\n    indexes:\n      - { name: \(long), columns: [c] }\n")
        #expect(t.indexes.map(\.name) == ["idx_" + String(repeating: "a", count: 50) + "_7c71da89"])
    }
}
