import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// `triggers:` on a table: what the decoder makes of it, what each dialect keeps
/// (`Schema.projected(for:)`), the derived function name, and snapshots without triggers.
@Suite("Frontend: declared triggers")
struct TriggerDecodingTests {
    static let yaml = """
    schemagen: 1
    tables:
      orders:
        columns:
          id:      { type: int, primary_key: true }
          status:  text
          version: { type: int, default: 0 }
        triggers:
    \(TriggerFixtures.bumpVersion())\
          audit:
            timing: BEFORE
            events: [insert, delete]
            for_each: statement
            when: true
            postgres: RETURN NULL;
    """

    static let bump = Trigger(name: "bump_version", timing: .after, events: [.update], columns: ["status"], level: .row,
                              when: DialectText(sqlite: "NEW.status IS NOT OLD.status", postgres: "NEW.status IS DISTINCT FROM OLD.status"),
                              body: DialectText(sqlite: "UPDATE orders SET version = version + 1 WHERE id = NEW.id;\n",
                                                postgres: "UPDATE orders SET version = version + 1 WHERE id = NEW.id;\nRETURN NULL;\n"))
    static let audit = Trigger(name: "audit", timing: .before, events: [.insert, .delete], level: .statement,
                               when: DialectText(shared: "true"), body: DialectText(sqlite: nil, postgres: "RETURN NULL;"))

    @Test("Every key decodes, in declaration order; a plain 'when' is the text of both dialects; values in any case")
    func decodes() throws {
        let schema = try Compile.schema(Self.yaml)
        #expect(schema.table(named: "orders")?.triggers == [Self.bump, Self.audit])
    }

    @Test("Each dialect keeps the triggers with a body for it, holding only its own texts")
    func projection() throws {
        let schema = try Compile.schema(Self.yaml)
        let sqlite = schema.projected(for: .sqlite).table(named: "orders")?.triggers
        let postgres = schema.projected(for: .postgres).table(named: "orders")?.triggers
        var sqliteBump = Self.bump
        sqliteBump.body.postgres = nil
        sqliteBump.when?.postgres = nil
        #expect(sqlite == [sqliteBump])
        #expect(postgres?.map(\.name) == ["bump_version", "audit"])
        #expect(postgres?.allSatisfy { $0.body.sqlite == nil && $0.when?.sqlite == nil } == true)
        // A change to one dialect's body is no change in the other.
        var edited = schema
        edited.tables[0].triggers?[0].body.postgres = "RETURN NULL;"
        #expect(SchemaDiff(old: schema.projected(for: .sqlite), new: edited.projected(for: .sqlite)).changes.isEmpty)
        #expect(SchemaDiff(old: schema.projected(for: .postgres), new: edited.projected(for: .postgres)).changes.count == 2)
    }

    @Test("A table without triggers has none in the model, and a snapshot written before triggers existed still decodes")
    func snapshots() throws {
        let schema = try Compile.schema("schemagen: 1\ntables:\n  t: { columns: { id: int } }\n")
        #expect(schema.tables[0].triggers == nil)
        let snapshot = MigrationDirectory.encodeSnapshot(schema)
        #expect(!snapshot.contains("triggers"))
        let withTriggers = try Compile.schema(Self.yaml)
        let decoded = try JSONDecoder().decode(Schema.self, from: Data(MigrationDirectory.encodeSnapshot(withTriggers).utf8))
        #expect(decoded == withTriggers)
    }

    @Test("The PostgreSQL function is named after the table and the trigger, within 63 bytes")
    func functionName() {
        #expect(Naming.triggerFunction(table: "orders", trigger: "bump_version") == "orders_bump_version")
        #expect(Naming.triggerFunction(table: "orders", trigger: String(repeating: "t", count: 60))
            == "orders_" + String(repeating: "t", count: 47) + "_701b6afb")
    }
}
