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
        let compiled = Fixtures.compile(TypeTourFiles.schema)
        let schema = try #require(compiled.schema, "\(compiled.diagnostics.sorted.map(\.description))")
        let output = SwiftGen.render(schema, sourceMap: compiled.sourceMap, configuration: TypeTourFiles.configuration, source: "type_tour.yaml")
        #expect(!output.diagnostics.hasErrors)
        for file in output.files {
            let url = TypeTourFiles.folder.appendingPathComponent(String(file.path.dropFirst("Swift/".count)))
            let current = try? String(contentsOf: url, encoding: .utf8)
            if current == file.contents { continue }
            if Reference.recording {
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
            } else {
                Issue.record("\(url.path) is stale: run the tests with SCHEMAGEN_RECORD=1, then rebuild")
            }
        }
        #expect(Set(TypeTourFiles.types.map { $0.tableName }) == Set(schema.tables.map(\.name)))
    }
}
