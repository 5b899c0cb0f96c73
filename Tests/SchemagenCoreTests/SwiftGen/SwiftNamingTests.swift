import Foundation
@testable import SchemagenCore
import SchemagenTestSupport
import Testing

/// How tables, columns, enums and labels become Swift names (see `SwiftNames`).
@Suite("Swift names")
struct SwiftNamingTests {
    static func render(_ yaml: String, _ configuration: SwiftConfiguration = SwiftConfiguration()) throws -> SwiftGen.Output {
        let compiled = Fixtures.compile(yaml)
        let schema = try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description).joined(separator: "\n"))")
        return SwiftGen.render(schema, sourceMap: compiled.sourceMap, configuration: configuration, source: "schema.yaml")
    }

    static func names(_ yaml: String, _ configuration: SwiftConfiguration = SwiftConfiguration()) throws -> SwiftNames {
        let compiled = Fixtures.compile(yaml)
        let schema = try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description).joined(separator: "\n"))")
        return SwiftNames(schema: schema, sourceMap: compiled.sourceMap, configuration: configuration)
    }

    @Test("Singular forms", arguments: [
        ("tasks", "task"), ("categories", "category"), ("statuses", "status"), ("status", "status"), ("analyses", "analysis"),
        ("data", "data"), ("metadata", "metadata"), ("addresses", "address"), ("boxes", "box"), ("people", "person"),
        ("user_preferences", "user_preference"), ("analysis_runs", "analysis_run"), ("audit_log", "audit_log"),
        ("news", "news"), ("series", "series"), ("caches", "cache"), ("matches", "match"), ("wishes", "wish"),
        ("houses", "house"), ("processes", "process"), ("businesses", "business"), ("UserAccounts", "UserAccount"),
        ("movies", "movie"), ("settings", "setting"), ("metrics", "metric"), ("analytics", "analytics"),
    ])
    func singular(_ plural: String, _ singular: String) {
        #expect(SwiftIdentifiers.singular(plural) == singular)
    }

    @Test("Case conversion", arguments: [
        ("task_status", "TaskStatus", "taskStatus"), ("created_at", "CreatedAt", "createdAt"),
        ("IN_PROGRESS", "InProgress", "inProgress"), ("x-large", "XLarge", "xLarge"), ("Größe", "Größe", "größe"),
        ("URLPath", "URLPath", "urlPath"), ("ID", "Id", "id"), ("order", "Order", "order"), ("a__b", "AB", "aB"),
        ("in progress", "InProgress", "inProgress"), ("2fa", "2fa", "2fa"),
    ])
    func camelCase(_ name: String, _ upper: String, _ lower: String) {
        #expect(SwiftIdentifiers.upperCamel(name) == upper)
        #expect(SwiftIdentifiers.lowerCamel(name) == lower)
    }

    /// The ASCII fast path of `lowerCamel` builds the name in one pass over the bytes; it must agree
    /// with the word-by-word rule for every shape of name: acronyms, humps, digits, separators.
    @Test("lowerCamel's ASCII path agrees with the word-by-word rule")
    func lowerCamelFastPath() {
        let pieces = ["URL", "Path", "id", "ID", "a", "A", "2fa", "X2", "httpURL", "XMLHttp", "cD", "AB", "9", "Ab"]
        let separators = ["_", "-", " ", "__", ".", ""]
        var checked = 0
        for first in pieces { for separator in separators { for second in pieces { for tail in ["", "_", "_x", "S"] {
            let name = first + separator + second + tail
            #expect(SwiftIdentifiers.lowerCamel(name) == SwiftIdentifiers.wordwiseLowerCamel(name), "\(name)")
            checked += 1
        } } } }
        for name in ["", "_", "__a", "-A-", "A", "a"] {
            #expect(SwiftIdentifiers.lowerCamel(name) == SwiftIdentifiers.wordwiseLowerCamel(name), "\(name)")
        }
        #expect(checked == 14 * 6 * 14 * 4)
    }

    @Test("Table names that collide with the standard library, Foundation or Concurrency get Row")
    func reservedNames() throws {
        let names = try Self.names("""
            schemagen: 1
            tables:
              tasks: { columns: { id: int } }
              data: { columns: { id: int } }
              dates: { columns: { id: int } }
              results: { columns: { id: int } }
              types: { columns: { id: int } }
              errors: { columns: { id: int } }
              threads: { columns: { id: int } }
              processes: { columns: { id: int } }
              uuids: { columns: { id: int } }
              messages: { columns: { id: int } }
              projects: { columns: { id: int } }
              foundations: { columns: { id: int } }
              rows: { columns: { id: int } }
            """)
        #expect(names.diagnostics.all.isEmpty)
        #expect(names.tableTypes == [
            "tasks": "TaskRow", "data": "DataRow", "dates": "DateRow", "results": "ResultRow", "types": "TypeRow",
            "errors": "ErrorRow", "threads": "ThreadRow", "processes": "ProcessRow", "uuids": "Uuid",
            // Foundation has no `Message` (NSPortMessage is `PortMessage`): it is free.
            "messages": "Message", "projects": "Project", "foundations": "FoundationRow", "rows": "RowRow",
        ])
    }

    @Test("The namespace, enums and swift.name take part in collisions")
    func collisions() throws {
        let names = try Self.names("""
            schemagen: 1
            name: Workflow
            enums:
              priority: [low, high]
              result: [ok, failed]
            tables:
              workflows: { columns: { id: int } }
              priorities: { columns: { id: int } }
              labelled: { columns: { id: int }, swift: { name: Thing } }
              things: { columns: { id: int } }
              tasks: { columns: { id: int }, swift: { name: Task } }
            """)
        #expect(names.diagnostics.all.isEmpty)
        #expect(names.namespace == "Workflow")
        #expect(names.tableTypes == ["workflows": "WorkflowRow", "priorities": "PriorityRow", "labelled": "Thing",
                                     "things": "ThingRow", "tasks": "Task"])
        #expect(names.enumTypes == ["priority": "Priority", "result": "ResultEnum"])
    }

    @Test("A clash that Row cannot settle is an error at both places")
    func unresolvable() throws {
        let yaml = """
            schemagen: 1
            tables:
              statuses: { columns: { id: int } }
              status: { columns: { id: int } }
              one: { columns: { id: int }, swift: { name: Same } }
              two: { columns: { id: int }, swift: { name: Same } }
            """
        let output = try Self.render(yaml)
        #expect(output.files.isEmpty)
        let errors = output.diagnostics.errors
        #expect(errors.count == 2, "\(errors.map(\.description))")
        let status = try #require(errors.first { $0.message.contains("StatusRow") })
        #expect(status.location?.line == 4 && status.location?.column == 3)
        #expect(status.message.contains("table 'statuses' (schema.yaml:3:3)"))
        let same = try #require(errors.first { $0.message.contains("'Same'") })
        #expect(same.location?.line == 6, "\(same.description)")
        #expect(same.description.hasPrefix("schema.yaml:6:"))
    }

    @Test("Names that cannot be Swift names are errors at the schema's place")
    func invalidNames() throws {
        let output = try Self.render("""
            schemagen: 1
            name: Foundation
            tables:
              a: { columns: { id: int }, swift: { name: "my type" } }
              b:
                columns:
                  user_id: int
                  userId: int
                  x: { type: int, swift: { name: self } }
              c: { columns: { id: int }, swift: { name: JSONValue } }
            """)
        let messages = output.diagnostics.errors.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(messages.count == 5, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("2: the schema name 'Foundation' would hide the module") })
        #expect(messages.contains { $0.hasPrefix("4: 'swift.name' of table 'a' is 'my type'") })
        #expect(messages.contains { $0.hasPrefix("8: columns 'user_id' and 'userId' of table 'b' both become the Swift property 'userId'") })
        #expect(messages.contains { $0.hasPrefix("9: 'swift.name' of column 'b.x' is 'self'") })
        #expect(messages.contains { $0.hasPrefix("10: 'swift.name' of table 'c' is 'JSONValue', which would hide the generated support type") })
    }

    @Test("A swift type that is not a Swift type spelling is an error, not pasted into the code")
    func invalidSwiftTypes() throws {
        let output = try Self.render("""
            schemagen: 1
            tables:
              t:
                columns:
                  a: { type: int, swift: { type: "Int32 { }; func evil() -> Int" } }
                  b: { type: { sqlite: TEXT, postgres: TEXT, swift: "[String" } }
                  c: { type: int, swift: { type: "[String: Set<Module.Kind>]?" } }
            """)
        let messages = output.diagnostics.errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" }
        #expect(messages == [
            "5:32: 'swift.type' of column 't.a' is 'Int32 { }; func evil() -> Int', which is not a Swift type name",
            "6:50: the Swift type of column 't.b' is '[String', which is not a Swift type name",
        ])
    }

    @Test("Keywords are escaped, unusable names renamed, labels kept exactly as raw values")
    func keywordsAndLabels() throws {
        let yaml = """
            schemagen: 1
            enums:
              size: [small, default, "order", "x-large", "Größe", "2xl", "self", "allCases", "🎉"]
            tables:
              items:
                columns:
                  default: int
                  class: text?
                  self: int
                  type: text
                  actor: text
                  size: { type: size, default: default }
                  renamed: { type: text, swift: { name: title } }
            """
        let output = try Self.render(yaml)
        #expect(output.diagnostics.all.isEmpty, "\(output.diagnostics.all.map(\.description))")
        let records = output.files[0].contents, enums = output.files[1].contents
        for expected in ["var `default`: Swift.Int32", "var `class`: Swift.String?", "var self_: Swift.Int32", "var type: Swift.String",
                         "var actor: Swift.String", "size: Size = .`default`", "case self_ = \"self\"", "case title = \"renamed\"",
                         "self.`default` = `default`"] {
            #expect(records.contains(expected), "missing: \(expected)")
        }
        for expected in ["case small", "case `default`", "case order", "case xLarge = \"x-large\"", "case größe = \"Größe\"",
                         "case _2xl = \"2xl\"", "case self_ = \"self\"", "case allCases_ = \"allCases\"", "case value9 = \"🎉\""] {
            #expect(enums.contains(expected), "missing: \(expected)")
        }
    }

    @Test("Two labels that give one case name are an error at the second label")
    func caseCollision() throws {
        let output = try Self.render("""
            schemagen: 1
            enums:
              state:
                values: [in_progress, in-progress]
            tables:
              t: { columns: { s: state } }
            """)
        let error = try #require(output.diagnostics.errors.first)
        #expect(error.message.contains("'in_progress' and 'in-progress' of enum 'state' both become the Swift case 'inProgress'"))
        #expect(error.location?.line == 4 && error.location?.column == 27, "\(error.description)")
    }

    @Test("typeNameSuffix applies to tables, not to enums or swift.name")
    func typeNameSuffix() throws {
        let names = try Self.names("""
            schemagen: 1
            enums:
              kind: [a, b]
            tables:
              tasks: { columns: { id: int } }
              people: { columns: { id: int }, swift: { name: Human } }
            """, SwiftConfiguration(typeNameSuffix: "Record"))
        #expect(names.tableTypes == ["tasks": "TaskRecord", "people": "Human"])
        #expect(names.enumTypes == ["kind": "Kind"])
    }

    @Test("Column types and swift.type overrides")
    func types() throws {
        let output = try Self.render("""
            schemagen: 1
            name: Shop
            enums:
              color: [red, green]
            tables:
              things:
                columns:
                  id: { type: bigserial, primary_key: true }
                  nick: { type: "string(40)?", swift: { name: nickname, type: "Nick?" } }
                  money: { type: "decimal(10,2)", default: 19.99, swift: { type: Money } }
                  custom: { type: { sqlite: TEXT, postgres: citext, swift: CaseInsensitive } }
                  plain_custom: { type: { sqlite: TEXT, postgres: inet } }
                  colors: { type: "[color]", default: [red] }
                  days: "[date]?"
                  when: { type: datetime, default: "2024-01-02 03:04:05.678" }
                  at: { type: unixtime, default: 1700000000 }
                  big: { type: decimal, default: 12345678901234567890.5 }
                  doc: { type: json, default: { a: [1, "x", null, true] } }
            """, SwiftConfiguration(accessModifier: .public))
        let records = output.files[0].contents
        for expected in [
            "public var id: Swift.Int64?", "id: Swift.Int64? = nil", "var nickname: Nick?", "var money: Money",
            "money: Money,", "var custom: CaseInsensitive", "var plainCustom: Swift.String", "var colors: [Shop.Color]",
            "colors: [Shop.Color] = [.red]", "var days: [Shop.CalendarDate]?",
            "when: Foundation.Date = Foundation.Date(timeIntervalSince1970: 1704164645.678)",
            "at: Foundation.Date = Foundation.Date(timeIntervalSince1970: 1700000000)",
            #"big: Foundation.Decimal = Foundation.Decimal(string: "12345678901234567890.5")!"#,
            #"doc: Shop.JSONValue = .object(["a": .array([.number(1), .string("x"), .null, .bool(true)])])"#,
            "public struct Thing: Swift.Codable, Swift.Hashable, Swift.Sendable, Swift.Identifiable",
        ] {
            #expect(records.contains(expected), "missing: \(expected)")
        }
    }
}
