import ArgumentParser
import Foundation
import SchemagenCore

/// `schemagen swift`: the Swift records only, straight into one folder. This is what the
/// build-tool plugin runs (Plugins/SchemagenBuildPlugin), once per build where an input changed.
public struct SwiftCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "swift",
        abstract: "Write the Swift records (\(SwiftGen.fileNames.joined(separator: ", "))) into the output folder.",
        discussion: """
        The four files are always written (a disabled integration gets a header only), each only when
        its bytes change, so an unchanged schema leaves them untouched. On an error nothing is written
        and the exit code is 2. The build plugin passes absolute paths, so diagnostics name absolute files.
        """)

    @Option(name: .long, help: "The root schema file.")
    var schema: String

    @OptionGroup var swift: SwiftOptions

    @Option(name: .long, help: "The folder to write the Swift files into (directly, no Swift/ subfolder).")
    var output: String

    @Option(name: .long, help: "The folder holding the migration folders (sqlite/, postgres/) whose up migrations the Swift embeds (default: none).")
    var migrations: String?

    public func run() throws {
        let (_, files) = try CLI.renderGeneratedFiles(schemaPath: schema, options: swift, ddl: false) { schema in
            migrations.map { CLI.migrationDirectories(in: $0, for: schema) } ?? []
        }
        let prefix = SwiftGen.folder + "/"
        for file in files where file.path.hasPrefix(prefix) {
            try CLI.writeIfChanged(file.contents, to: output + "/" + file.path.dropFirst(prefix.count))
        }
        CLI.finish()
    }
}
