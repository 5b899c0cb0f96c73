/// Every Swift name the generated files declare, decided once before any file
/// is written so that all files agree and all naming problems are reported
/// together, each at the place in the schema that caused it.
///
/// The rules (see `schema-dsl.md`, "Swift names"):
/// - A table gives the UpperCamelCase singular of its name plus the configured
///   `typeNameSuffix` (`tasks` → `Task`); an enum gives the UpperCamelCase of its name.
/// - A derived name that is reserved (Swift standard library, Foundation,
///   Concurrency, the imported modules, schemagen's support types, the namespace)
///   gets the suffix `Row` (tables) or `Enum` (enums).
/// - A derived table name that another generated type also claims gets `Row`
///   too: every table of the clash, so the result does not depend on
///   declaration order. Enums keep their names against tables.
/// - `swift.name` wins as written. What still clashes afterwards is an error
///   naming both places.
/// - Columns give lowerCamelCase properties, enum labels lowerCamelCase cases;
///   keywords are escaped with backticks where they are written.
struct SwiftNames {
    /// The caseless `enum` holding every type, from the schema's top-level `name`.
    var namespace: String?
    var tableTypes: [String: String] = [:]
    var enumTypes: [String: String] = [:]
    /// Table → column → property name (unescaped).
    var properties: [String: [String: String]] = [:]
    /// Enum → case names (unescaped), in the order of the SQL labels.
    var cases: [String: [String]] = [:]
    /// Every record's associations (from the foreign keys), named once for all files.
    var associations = SwiftAssociations.empty
    var diagnostics = Diagnostics()

    static let tableCollisionSuffix = "Row"
    static let enumCollisionSuffix = "Enum"

    /// Modules the generated code names explicitly (`Swift.String`, `Foundation.Date`, `GRDB.Row`):
    /// no generated type and no namespace may take these names.
    static let moduleNames: Set<String> = ["Swift", "Foundation", "GRDB", "PostgresNIO", "NIOCore", "NIO"]
    static let supportTypeNames: Set<String> = ["JSONValue", "CalendarDate", "SQLiteMigrations", "PostgresMigrations", PostgresNIORenderer.runner]

    init(schema: Schema, sourceMap: SourceMap, configuration: SwiftConfiguration) {
        resolveNamespace(schema, sourceMap)
        resolveTypes(schema, sourceMap, configuration)
        // Each table's properties depend on that table only: resolved side by side (for 5,000 tables
        // they were a tenth of `schemagen swift`), the problems kept in table order.
        let resolved = SideBySide.map(chunksOf: schema.tables) { table in
            var diagnostics = Diagnostics()
            let properties = SwiftNames.resolveProperties(table, sourceMap, &diagnostics)
            SwiftNames.checkSwiftTypes(table, sourceMap, &diagnostics)
            return (properties, diagnostics)
        }
        for (table, result) in zip(schema.tables, resolved) {
            properties[table.name] = result.0
            diagnostics.append(contentsOf: result.1)
        }
        for e in schema.enums { resolveCases(e, sourceMap) }
        associations = SwiftAssociations(schema: schema, names: self, sourceMap: sourceMap)
        diagnostics.append(contentsOf: associations.diagnostics)
    }

    /// `Namespace.Type`, or just `Type` without a namespace.
    func qualified(_ typeName: String) -> String {
        namespace.map { "\($0).\(typeName)" } ?? typeName
    }

    // MARK: Namespace

    private mutating func resolveNamespace(_ schema: Schema, _ sourceMap: SourceMap) {
        guard let name = schema.name else { return }
        let location = sourceMap.root?.entry("name")?.value.location
        if !SwiftIdentifiers.isIdentifier(name) || SwiftIdentifiers.keywords.contains(name) {
            diagnostics.error("the schema name '\(name)' cannot be a Swift type name (it becomes the namespace of the generated records); use letters, digits and '_', not starting with a digit", at: location)
        } else if SwiftNames.moduleNames.contains(name) || SwiftNames.supportTypeNames.contains(name) {
            diagnostics.error("the schema name '\(name)' would hide \(SwiftNames.moduleNames.contains(name) ? "the module" : "the support type") '\(name)' in the generated Swift; choose another name", at: location)
        } else {
            namespace = name
        }
    }

    // MARK: Types

    private struct Claim {
        enum Kind { case table, enumeration }
        var kind: Kind
        var declaration: String
        var name: String
        var explicit: Bool
        var suffixed = false
        var location: SourceLocation?
        var what: String { kind == .table ? "table '\(declaration)'" : "enum '\(declaration)'" }
    }

    private mutating func resolveTypes(_ schema: Schema, _ sourceMap: SourceMap, _ configuration: SwiftConfiguration) {
        var reserved = SwiftIdentifiers.reservedTypeNames.union(SwiftNames.moduleNames).union(SwiftNames.supportTypeNames)
        if let namespace { reserved.insert(namespace) }
        var claims: [Claim] = []

        for e in schema.enums {
            if let explicit = e.swiftName {
                let location = sourceMap.enumType(e.name, "swift", "name")
                guard validateExplicitTypeName(explicit, of: "enum '\(e.name)'", at: location) else { continue }
                claims.append(Claim(kind: .enumeration, declaration: e.name, name: explicit, explicit: true, location: location))
            } else {
                var name = SwiftNames.typeIdentifier(SwiftIdentifiers.upperCamel(e.name))
                var suffixed = false
                if reserved.contains(name) { name += SwiftNames.enumCollisionSuffix; suffixed = true }
                claims.append(Claim(kind: .enumeration, declaration: e.name, name: name, explicit: false, suffixed: suffixed,
                                    location: sourceMap.enumType(e.name)))
            }
        }
        for t in schema.tables {
            if let explicit = t.swiftName {
                let location = sourceMap.table(t.name, "swift", "name")
                guard validateExplicitTypeName(explicit, of: "table '\(t.name)'", at: location) else { continue }
                claims.append(Claim(kind: .table, declaration: t.name, name: explicit, explicit: true, location: location))
            } else {
                var name = SwiftNames.typeIdentifier(SwiftIdentifiers.upperCamel(SwiftIdentifiers.singular(t.name))) + configuration.typeNameSuffix
                var suffixed = false
                if reserved.contains(name) { name += SwiftNames.tableCollisionSuffix; suffixed = true }
                claims.append(Claim(kind: .table, declaration: t.name, name: name, explicit: false, suffixed: suffixed,
                                    location: sourceMap.table(t.name)))
            }
        }

        // Derived table names that clash with any other claim take the suffix, all of them at once.
        var counts: [String: Int] = [:]
        for c in claims { counts[c.name, default: 0] += 1 }
        for i in claims.indices where claims[i].kind == .table && !claims[i].explicit && !claims[i].suffixed && counts[claims[i].name]! > 1 {
            claims[i].name += SwiftNames.tableCollisionSuffix
            claims[i].suffixed = true
        }

        // What still clashes is reported at every claim after the first.
        var firstClaim: [String: Claim] = [:]
        for c in claims {
            if let first = firstClaim[c.name] {
                let place = first.location.map { " (\($0.file):\($0.line):\($0.column))" } ?? ""
                diagnostics.error("the Swift type name '\(c.name)' of \(c.what) is also the name of \(first.what)\(place); set a different 'swift: { name: ... }' on one of them", at: c.location)
                continue
            }
            firstClaim[c.name] = c
            switch c.kind {
            case .table: tableTypes[c.declaration] = c.name
            case .enumeration: enumTypes[c.declaration] = c.name
            }
        }
    }

    /// A derived type name that would not be an identifier (a table named `2fa_codes`) starts with `_`.
    static func typeIdentifier(_ name: String) -> String {
        if name.isEmpty { return "_" }
        if let first = name.first, ("0" ... "9").contains(first) { return "_" + name }
        return name
    }

    private mutating func validateExplicitTypeName(_ name: String, of what: String, at location: SourceLocation?) -> Bool {
        if !SwiftIdentifiers.isIdentifier(name) || SwiftIdentifiers.keywords.contains(name) {
            diagnostics.error("'swift.name' of \(what) is '\(name)', which is not a usable Swift type name", at: location)
            return false
        }
        if SwiftNames.moduleNames.contains(name) || SwiftNames.supportTypeNames.contains(name) || name == namespace {
            let hidden = SwiftNames.moduleNames.contains(name) ? "the module" : name == namespace ? "the namespace" : "the generated support type"
            diagnostics.error("'swift.name' of \(what) is '\(name)', which would hide \(hidden) '\(name)' in the generated Swift", at: location)
            return false
        }
        return true
    }

    // MARK: Members

    private static func resolveProperties(_ table: Table, _ sourceMap: SourceMap, _ diagnostics: inout Diagnostics) -> [String: String] {
        var names: [String: String] = [:]
        var owner: [String: String] = [:]
        for (index, column) in table.columns.enumerated() {
            let name: String
            // Looked up only for an error: searching the source map for every column is slow.
            let location = { column.swiftName == nil ? sourceMap.column(table.name, column.name) : sourceMap.column(table.name, column.name, "swift", "name") }
            if let explicit = column.swiftName {
                if !SwiftIdentifiers.isIdentifier(explicit) || SwiftIdentifiers.unusableMemberNames.contains(explicit) {
                    diagnostics.error("'swift.name' of column '\(table.name).\(column.name)' is '\(explicit)', which is not a usable Swift property name", at: location())
                    continue
                }
                name = explicit
            } else {
                name = SwiftNames.memberIdentifier(SwiftIdentifiers.lowerCamel(column.name), fallback: "column\(index + 1)",
                                                   unusable: SwiftIdentifiers.unusableMemberNames)
            }
            if let other = owner[name] {
                diagnostics.error("columns '\(other)' and '\(column.name)' of table '\(table.name)' both become the Swift property '\(name)'; set 'swift: { name: ... }' on one of them", at: location())
                continue
            }
            owner[name] = column.name
            names[column.name] = name
        }
        return names
    }

    /// A `swift:` type is pasted into the generated code as written, so it must look like a
    /// Swift type (`Money`, `Module.Type`, `[String]`, `[String: Int]?`, `Set<UUID>`) and
    /// nothing more: a typo should fail here, at its place in the schema, not in the compiler.
    private static func checkSwiftTypes(_ table: Table, _ sourceMap: SourceMap, _ diagnostics: inout Diagnostics) {
        for column in table.columns {
            if let type = column.swiftType, !SwiftNames.isTypeSpelling(type) {
                diagnostics.error("'swift.type' of column '\(table.name).\(column.name)' is '\(type)', which is not a Swift type name",
                                  at: sourceMap.column(table.name, column.name, "swift", "type"))
            }
            if case .custom(_, _, let swift?) = column.type, !SwiftNames.isTypeSpelling(swift) {
                diagnostics.error("the Swift type of column '\(table.name).\(column.name)' is '\(swift)', which is not a Swift type name",
                                  at: sourceMap.column(table.name, column.name, "type", "swift"))
            }
        }
    }

    /// Identifiers joined by `.`, with `[ ]`, `< >`, `:`, `,`, `?` and spaces, brackets balanced.
    static func isTypeSpelling(_ text: String) -> Bool {
        let trimmed = SwiftIdentifiers.trimmed(text)
        guard !trimmed.isEmpty else { return false }
        var stack: [Character] = []
        var previousWasWordCharacter = false
        for ch in trimmed {
            switch ch {
            case "[", "<": stack.append(ch)
            case "]": guard stack.popLast() == "[" else { return false }
            case ">": guard stack.popLast() == "<" else { return false }
            case ".", ":", ",", "?", " ": break
            default:
                guard ch.isLetter || ch.isNumber || ch == "_" else { return false }
                if !previousWasWordCharacter && ch.isNumber { return false }
            }
            previousWasWordCharacter = ch.isLetter || ch.isNumber || ch == "_"
        }
        return stack.isEmpty
    }

    /// Enum case names that would clash with what `RawRepresentable` and `CaseIterable` declare.
    static let unusableCaseNames: Set<String> = ["self", "Self", "hashValue", "rawValue", "allCases"]

    private mutating func resolveCases(_ e: EnumType, _ sourceMap: SourceMap) {
        let isShortForm = sourceMap.enums[e.name]?.value.kind == .sequence
        var result: [String] = []
        var owner: [String: String] = [:]
        for (index, label) in e.values.enumerated() {
            var name = SwiftNames.memberIdentifier(SwiftIdentifiers.lowerCamel(label), fallback: "value\(index + 1)",
                                                   unusable: SwiftNames.unusableCaseNames)
            if let other = owner[name] {
                let location = isShortForm ? sourceMap.enumType(e.name, String(index)) : sourceMap.enumType(e.name, "values", String(index))
                diagnostics.error("the labels '\(other)' and '\(label)' of enum '\(e.name)' both become the Swift case '\(name)'; rename one of the labels", at: location)
                name = "value\(index + 1)"
            }
            owner[name] = label
            result.append(name)
        }
        cases[e.name] = result
    }

    /// A member name from a lowerCamelCase candidate: a name starting with a digit gets `_`,
    /// an empty one (a label of symbols only) the fallback, an unusable one a trailing `_`.
    static func memberIdentifier(_ candidate: String, fallback: String, unusable: Set<String>) -> String {
        if candidate.isEmpty { return fallback }
        if let first = candidate.first, ("0" ... "9").contains(first) { return "_" + candidate }
        if unusable.contains(candidate) { return candidate + "_" }
        return candidate
    }
}
