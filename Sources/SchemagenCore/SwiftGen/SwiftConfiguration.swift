/// How the Swift records are generated: `schemagen-config.yaml`, shaped like
/// swift-openapi-generator's `openapi-generator-config.yaml` (flat camelCase
/// keys), so that users of both tools meet one convention:
///
/// ```yaml
/// accessModifier: public          # public | package | internal (default internal)
/// integrations: [grdb, postgresnio]  # default none: the plain records need Foundation only
/// typeNameSuffix: Record          # appended to every table's type name (default none)
/// additionalImports: [Money]      # modules that custom `swift:` types come from
/// ```
///
/// The core never reads the disk: the CLI passes the file's bytes to `parse`.
public struct SwiftConfiguration: Equatable, Sendable {
    public enum AccessModifier: String, CaseIterable, Sendable {
        case `public`, `package`, `internal`

        /// The keyword and a space, or nothing for `internal` (Swift's default).
        var prefix: String { self == .internal ? "" : rawValue + " " }
    }

    /// The database libraries an integration file is generated for.
    public enum Integration: String, CaseIterable, Sendable, Comparable {
        case grdb, postgresnio

        public static func < (a: Integration, b: Integration) -> Bool { a.rawValue < b.rawValue }
    }

    public var accessModifier: AccessModifier
    public var integrations: Set<Integration>
    /// Appended to every table-derived type name (`tasks` + `Record` → `TaskRecord`); not to enums
    /// and not to names set with `swift.name`.
    public var typeNameSuffix: String
    /// Extra `import` lines for every generated file, for the modules of custom `swift:` types.
    public var additionalImports: [String]

    public init(accessModifier: AccessModifier = .internal, integrations: Set<Integration> = [],
                typeNameSuffix: String = "", additionalImports: [String] = []) {
        self.accessModifier = accessModifier
        self.integrations = integrations
        self.typeNameSuffix = typeNameSuffix
        self.additionalImports = additionalImports
    }

    /// The file name the CLI looks for beside the schema.
    public static let defaultFileName = "schemagen-config.yaml"

    static let keys = ["accessModifier", "integrations", "typeNameSuffix", "additionalImports"]

    /// Parses the configuration file. `configuration` is nil when there are errors; every
    /// diagnostic names `file:line:column`. An empty file is the default configuration.
    public static func parse(_ bytes: [UInt8], file: String) -> (configuration: SwiftConfiguration?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var config = SwiftConfiguration()
        // Blank, or comments only: the defaults (libyaml would see no document at all).
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        if lines.allSatisfy({ line in
            let content = line.drop { $0 == " " || $0 == "\t" }
            return content.isEmpty || content.hasPrefix("#")
        }) { return (config, diagnostics) }
        guard let document = YAMLDocument.parse(bytes, file: file, diagnostics: &diagnostics), let root = document.root else {
            return (nil, diagnostics)
        }
        // A file of comments only parses to an empty scalar: the default configuration.
        if root.kind == .scalar && root.scalarValue == .null { return (config, diagnostics) }
        guard root.kind == .mapping else {
            diagnostics.error("the configuration must be a mapping of keys (\(keys.joined(separator: ", "))), found \(root.kindDescription)", at: root.location)
            return (nil, diagnostics)
        }
        for (key, value) in root.pairs {
            switch key.scalar {
            case "accessModifier":
                if let text = scalarString(value, key: "accessModifier", diagnostics: &diagnostics) {
                    if let modifier = AccessModifier(rawValue: text) {
                        config.accessModifier = modifier
                    } else {
                        let names = AccessModifier.allCases.map(\.rawValue)
                        diagnostics.error("'accessModifier' must be one of \(names.joined(separator: ", ")), found '\(text)'" + Suggestions.hint(for: text, in: names), at: value.location)
                    }
                }
            case "integrations":
                guard value.kind == .sequence else {
                    diagnostics.error("'integrations' must be a list (for example [grdb, postgresnio]), found \(value.kindDescription)", at: value.location)
                    continue
                }
                for item in value.items {
                    guard let text = scalarString(item, key: "integrations", diagnostics: &diagnostics) else { continue }
                    if let integration = Integration(rawValue: text) {
                        config.integrations.insert(integration)
                    } else {
                        let names = Integration.allCases.map(\.rawValue)
                        let hint = Suggestions.closest(to: text, in: names) ?? names.first { $0.hasPrefix(text.lowercased()) }
                        diagnostics.error("unknown integration '\(text)'; known: \(names.joined(separator: ", "))" + (hint.map { "; did you mean '\($0)'?" } ?? ""), at: item.location)
                    }
                }
            case "typeNameSuffix":
                if let text = scalarString(value, key: "typeNameSuffix", diagnostics: &diagnostics) {
                    if text.isEmpty || SwiftIdentifiers.isIdentifier("A" + text) {
                        config.typeNameSuffix = text
                    } else {
                        diagnostics.error("'typeNameSuffix' must be letters, digits or '_' (it ends a Swift type name), found '\(text)'", at: value.location)
                    }
                }
            case "additionalImports":
                guard value.kind == .sequence else {
                    diagnostics.error("'additionalImports' must be a list of module names, found \(value.kindDescription)", at: value.location)
                    continue
                }
                for item in value.items {
                    guard let text = scalarString(item, key: "additionalImports", diagnostics: &diagnostics) else { continue }
                    if SwiftIdentifiers.isIdentifier(text) || text.split(separator: ".").allSatisfy({ SwiftIdentifiers.isIdentifier(String($0)) }) {
                        if !config.additionalImports.contains(text) { config.additionalImports.append(text) }
                    } else {
                        diagnostics.error("'\(text)' is not a Swift module name", at: item.location)
                    }
                }
            default:
                diagnostics.error("unknown key '\(key.scalar)' in the schemagen configuration" + Suggestions.hint(for: key.scalar, in: keys) + "; known keys: \(keys.joined(separator: ", "))", at: key.location)
            }
        }
        return (diagnostics.hasErrors ? nil : config, diagnostics)
    }

    private static func scalarString(_ node: YAMLNode, key: String, diagnostics: inout Diagnostics) -> String? {
        guard node.kind == .scalar else {
            diagnostics.error("'\(key)' takes a plain value here, found \(node.kindDescription)", at: node.location)
            return nil
        }
        if !node.isQuoted && node.scalarValue == .null { return "" }
        return node.scalar
    }
}
