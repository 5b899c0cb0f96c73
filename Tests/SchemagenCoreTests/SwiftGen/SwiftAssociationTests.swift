import Foundation
@testable import SchemagenCore
import SchemagenTestSupport
import Testing

/// How foreign keys become association names on both records (see `SwiftAssociations`).
@Suite("Swift association names")
struct SwiftAssociationTests {
    /// `table: [kind name]` for every table with associations.
    static func associations(_ yaml: String) throws -> [String: [String]] {
        let names = try SwiftNamingTests.names(yaml)
        #expect(!names.diagnostics.hasErrors, "\(names.diagnostics.sorted.map(\.description))")
        var result: [String: [String]] = [:]
        for (table, list) in names.associations.byTable {
            result[table] = list.map { "\($0.kind) \($0.name)" }
        }
        return result
    }

    @Test("Single, composite, repeated and self-referencing foreign keys, hasOne on unique columns")
    func derivedNames() throws {
        let found = try Self.associations("""
            schemagen: 1
            tables:
              users: { columns: { id: { type: int, primary_key: true } } }
              profiles: { columns: { id: { type: int, primary_key: true }, user_id: { type: int, references: users, unique: true } } }
              teams: { columns: { org: text, code: text }, primary_key: [org, code] }
              tasks:
                columns:
                  id: { type: int, primary_key: true }
                  assignee_id: { type: int?, references: users }
                  reviewer_id: { type: int?, references: users }
                  parent_task_id: { type: int?, references: tasks }
                  team_org: text
                  team_code: text
                foreign_keys:
                  - { columns: [team_org, team_code], references: "teams(org, code)" }
            """)
        #expect(found["profiles"] == ["belongsTo user"])
        #expect(found["users"] == ["hasOne profile", "hasMany tasksByAssignee", "hasMany tasksByReviewer"])
        #expect(found["teams"] == ["hasMany tasks"])
        #expect(found["tasks"] == ["belongsTo assignee", "belongsTo reviewer", "belongsTo parentTask", "belongsTo team", "hasMany tasks"])
    }

    @Test("A derived name taken by a property or a GRDB member falls back to table + By + columns, then a number")
    func clashes() throws {
        let found = try Self.associations("""
            schemagen: 1
            tables:
              users: { columns: { id: { type: int, primary_key: true }, tasks: text?, filter: text? } }
              filters: { columns: { id: { type: int, primary_key: true } } }
              tasks:
                columns:
                  id: { type: int, primary_key: true }
                  owner: { type: int, references: users }
                  user_id: { type: int, references: users }
                  filter_id: { type: int, references: filters }
            """)
        // `owner` is the property (no `_id` to strip); `filter` is GRDB's.
        #expect(found["tasks"] == ["belongsTo userByOwner", "belongsTo user", "belongsTo filterByFilterId"])
        // Two keys to users: the inverses add the name the column gives (`tasks` itself is a property anyway).
        #expect(found["users"] == ["hasMany tasksByOwner", "hasMany tasksByUser"])
        #expect(found["filters"] == ["hasMany tasks"])
    }

    @Test("swift.association and swift.inverse win, on a column and on a table-level foreign key")
    func explicitNames() throws {
        let found = try Self.associations("""
            schemagen: 1
            tables:
              users: { columns: { id: { type: int, primary_key: true }, org: text }, unique: [[org, id]] }
              tasks:
                columns:
                  id: { type: int, primary_key: true }
                  owner_id: { type: int, references: users, swift: { association: owner, inverse: ownedTasks } }
                  org: text
                  user_id: int
                foreign_keys:
                  - { columns: [org, user_id], references: "users(org, id)", swift: { association: orgUser } }
            """)
        #expect(found["tasks"] == ["belongsTo owner", "belongsTo orgUser"])
        #expect(found["users"] == ["hasMany ownedTasks", "hasMany tasksByOrgUser"])
    }

    @Test("An explicit name that is taken or not an identifier is an error at its place; so is one without references")
    func explicitErrors() throws {
        let names = try SwiftNamingTests.names("""
            schemagen: 1
            tables:
              users: { columns: { id: { type: int, primary_key: true }, name: text } }
              tasks:
                columns:
                  id: { type: int, primary_key: true }
                  owner_id: { type: int, references: users, swift: { association: id, inverse: name } }
                  other_id: { type: int, references: users, swift: { association: "not a name" } }
            """)
        let messages = names.diagnostics.sorted.map(\.description)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.contains("'swift.association' of the foreign key fk_tasks_owner_id of table 'tasks' is 'id'") && $0.contains("already a member") })
        #expect(messages.contains { $0.contains("'swift.inverse'") && $0.contains("'name'") })
        #expect(messages.contains { $0.contains("'not a name', which is not a usable Swift name") })
        #expect(messages.allSatisfy { $0.contains("schema.yaml:") }, "located: \(messages)")

        let compiled = Fixtures.compile("""
            schemagen: 1
            tables:
              users: { columns: { id: { type: int, primary_key: true, swift: { association: owner } } } }
            """)
        let decoded = compiled.diagnostics.sorted.map(\.description)
        #expect(decoded.contains { $0.contains("'swift.association' of column 'id' of table 'users' names an association of a foreign key; the column needs 'references'") }, "\(decoded)")
    }

    @Test("Swift names of associations are not constraint changes: the schema diff sees nothing")
    func namesDoNotMigrate() throws {
        let before = Fixtures.compile("""
            schemagen: 1
            tables:
              users: { columns: { id: { type: int, primary_key: true } } }
              tasks: { columns: { id: { type: int, primary_key: true }, owner_id: { type: int, references: users } } }
            """)
        let after = Fixtures.compile("""
            schemagen: 1
            tables:
              users: { columns: { id: { type: int, primary_key: true } } }
              tasks: { columns: { id: { type: int, primary_key: true }, owner_id: { type: int, references: users, swift: { association: owner } } } }
            """)
        let old = try #require(before.schema), new = try #require(after.schema)
        #expect(new.tables[1].foreignKeys == old.tables[1].foreignKeys)
        #expect(new.tables[1].swiftAssociations == [SwiftAssociationNames(foreignKey: "fk_tasks_owner_id", association: "owner")])
    }
}
