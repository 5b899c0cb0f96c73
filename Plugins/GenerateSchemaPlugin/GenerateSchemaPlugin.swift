import Foundation
import PackagePlugin

/// `swift package generate-schema [--migrate NAME | NAME] [--allow-destructive] [--online-safe]`:
/// runs `schemagen generate` (and then `schemagen migrate NAME`) on the package's root
/// `schema.yaml`, into its committed `Generated/` folder. Thin: it only runs the CLI.
@main
struct GenerateSchemaPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let options = extractor.extractOption(named: "migrate")
        let allowDestructive = extractor.extractFlag(named: "allow-destructive") > 0
        let onlineSafe = extractor.extractFlag(named: "online-safe") > 0
        let rest = extractor.remainingArguments
        let names = options + rest
        guard names.count <= 1, !rest.contains(where: { $0.hasPrefix("-") }) else {
            throw Failure("usage: swift package generate-schema [--migrate NAME | NAME] [--allow-destructive] [--online-safe]; got \(arguments.joined(separator: " "))")
        }

        if names.isEmpty && (allowDestructive || onlineSafe) {
            throw Failure("--allow-destructive and --online-safe apply to a migration: give its name with --migrate NAME")
        }

        let root = (context.package as PathFolder).folderURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("schema.yaml").path) else {
            throw Failure("no schema.yaml at the root of package '\(context.package.displayName)' (\(root.path))")
        }
        let tool = try context.tool(named: "schemagen-offline").url
        // Paths relative to the package root, as when `schemagen` is run there by hand.
        try run(tool, ["generate", "--schema", "schema.yaml", "--output", "Generated"], in: root)
        if let name = names.first {
            var migrate = ["migrate", name, "--schema", "schema.yaml", "--output", "Generated"]
            if allowDestructive { migrate.append("--allow-destructive") }
            if onlineSafe { migrate.append("--online-safe") }
            try run(tool, migrate, in: root)
        }
    }

    /// Runs schemagen in the package folder; its diagnostics go straight to the terminal.
    func run(_ tool: URL, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failure("`schemagen \(arguments.joined(separator: " "))` failed with exit code \(process.terminationStatus)")
        }
        print("schemagen \(arguments.joined(separator: " ")): done")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Tools 6.0 give the package's folder as a `Path` only (`directoryURL` needs 6.1); read through this
/// protocol, it does not raise a deprecation warning.
protocol PathFolder { var directory: Path { get } }
extension PackagePlugin.Package: PathFolder {}
extension PathFolder {
    var folderURL: URL { URL(fileURLWithPath: String(describing: directory), isDirectory: true) }
}
