import SchemagenCore
import Testing

/// `schemagen-config.yaml`: values, defaults, and located errors for what it does not know.
@Suite("Swift configuration")
struct SwiftConfigurationTests {
    static func parse(_ text: String) -> (configuration: SwiftConfiguration?, diagnostics: Diagnostics) {
        SwiftConfiguration.parse(Array(text.utf8), file: "schemagen-config.yaml")
    }

    @Test("Every key")
    func full() {
        let result = Self.parse("""
            accessModifier: package
            integrations: [grdb, postgresnio]
            typeNameSuffix: Record
            additionalImports: [Money, Vendor.Units]
            """)
        #expect(result.diagnostics.all.isEmpty)
        #expect(result.configuration == SwiftConfiguration(accessModifier: .package, integrations: [.grdb, .postgresnio],
                                                            typeNameSuffix: "Record", additionalImports: ["Money", "Vendor.Units"]))
    }

    @Test("An empty file, or one of comments, is the default configuration", arguments: ["", "\n", "# nothing\n"])
    func empty(_ text: String) {
        let result = Self.parse(text)
        #expect(result.diagnostics.all.isEmpty)
        #expect(result.configuration == SwiftConfiguration())
        #expect(SwiftConfiguration().accessModifier == .internal && SwiftConfiguration().integrations.isEmpty)
    }

    @Test("Unknown keys and values are errors with a location and a hint")
    func errors() {
        let result = Self.parse("""
            acessModifier: public
            accessModifier: private
            integrations: [grdb, postgres]
            typeNameSuffix: "has space"
            """)
        #expect(result.configuration == nil)
        let messages = result.diagnostics.sorted.map(\.description)
        #expect(messages == [
            "schemagen-config.yaml:1:1: error: unknown key 'acessModifier' in the schemagen configuration; did you mean 'accessModifier'?; known keys: accessModifier, integrations, typeNameSuffix, additionalImports",
            "schemagen-config.yaml:2:17: error: 'accessModifier' must be one of public, package, internal, found 'private'",
            "schemagen-config.yaml:3:22: error: unknown integration 'postgres'; known: grdb, postgresnio; did you mean 'postgresnio'?",
            "schemagen-config.yaml:4:17: error: 'typeNameSuffix' must be letters, digits or '_' (it ends a Swift type name), found 'has space'",
        ])
    }

    @Test("The file must be a mapping, and lists must be lists")
    func shapes() {
        #expect(Self.parse("- public\n").diagnostics.errors.first?.description.hasPrefix("schemagen-config.yaml:1:1: error: the configuration must be a mapping") == true)
        #expect(Self.parse("integrations: grdb\n").diagnostics.errors.first?.description.hasPrefix("schemagen-config.yaml:1:15: error: 'integrations' must be a list") == true)
        #expect(Self.parse("accessModifier: [public]\n").configuration == nil)
        #expect(Self.parse("a: [\n").diagnostics.errors.first?.message.hasPrefix("invalid YAML") == true)
    }
}
