import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

// The records of Tests/Fixtures/records/type_tour.yaml (every column type), generated into
// Tests/RecordsTests/TypeTour with internal access and both integrations.

extension TypeTour.Owner: RoundTripRecord {}
extension TypeTour.ValueRow: RoundTripRecord {}
extension TypeTour.Pair: RoundTripRecord {}

enum TypeTourFiles {
    static let schema = Fixtures.folder.appendingPathComponent("records/type_tour.yaml")
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/RecordsTests/TypeTour")
    static let configuration = SwiftConfiguration(integrations: Set(SwiftConfiguration.Integration.allCases))
    static let types: [any RoundTripRecord.Type] = [TypeTour.Owner.self, TypeTour.ValueRow.self, TypeTour.Pair.self]
}

@Suite struct TypeTourFilesTests {
    /// The Swift compiled into this target is what schemagen generates from the schema today
    /// (`SCHEMAGEN_RECORD=1` rewrites it; rebuild the tests afterwards).
    @Test func generatedFilesAreCurrent() throws {
        let schema = try GeneratedFolder.expectCurrent(schema: TypeTourFiles.schema, folder: TypeTourFiles.folder, configuration: TypeTourFiles.configuration)
        #expect(Set(TypeTourFiles.types.map { $0.tableName }) == Set(schema.tables.map(\.name)))
    }
}

/// A folder of this target holding the Swift that schemagen generates from a fixture schema.
enum GeneratedFolder {
    /// Renders `schema` and reports every file of `folder` that differs (or rewrites it when recording).
    /// Files are named `<prefix><generated name>`: one target cannot compile two files of one name.
    static func expectCurrent(schema url: URL, folder: URL, configuration: SwiftConfiguration, prefix: String = "",
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Schema {
        let compiled = Fixtures.compile(url)
        let schema = try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))", sourceLocation: sourceLocation)
        let output = SwiftGen.render(schema, sourceMap: compiled.sourceMap, configuration: configuration, source: url.lastPathComponent)
        #expect(!output.diagnostics.hasErrors, "\(output.diagnostics.sorted.map(\.description))", sourceLocation: sourceLocation)
        for file in output.files {
            let target = folder.appendingPathComponent(prefix + String(file.path.dropFirst("Swift/".count)))
            let current = try? String(contentsOf: target, encoding: .utf8)
            if current == file.contents { continue }
            if Reference.recording {
                try file.contents.write(to: target, atomically: true, encoding: .utf8)
            } else {
                Issue.record("\(target.path) is stale: run the tests with SCHEMAGEN_RECORD=1, then rebuild", sourceLocation: sourceLocation)
            }
        }
        return schema
    }
}
