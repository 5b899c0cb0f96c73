import SchemagenCore

/// libFuzzer entry point: the input is a root schema file. Everything a user's
/// file can reach runs on it: YAML, decoding, includes (of files that do not
/// exist), validation, and, when the schema is valid, both DDL renderers, the
/// Swift generator and a migration from the empty schema and back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loader = BytesLoader(files: ["schema.yaml": bytes, "part.yaml": Array("schemagen: 1\ntables: {}\n".utf8)])
    let result = SchemaCompiler.compile(rootPath: "schema.yaml", loader: loader)
    for d in result.diagnostics.all {
        // Every error must carry a location in a file the run read.
        if d.severity == .error, let l = d.location, l.line < 1 || l.column < 1 { fatalError("bad location \(d.description)") }
    }
    guard let schema = result.schema else {
        if !result.diagnostics.hasErrors { fatalError("no schema and no error") }
        return 0
    }
    for dialect in schema.targets {
        let a = DDL.script(for: schema, dialect: dialect, source: "schema.yaml")
        let b = DDL.script(for: schema, dialect: dialect, source: "schema.yaml")
        if a != b { fatalError("non-deterministic DDL") }
        let delta = Migrator.delta(from: Migrator.empty(like: schema), to: schema, dialect: dialect)
        _ = delta.up.script(title: "up")
        _ = delta.down.script(title: "down")
    }
    _ = GeneratedFiles.render(schema, source: "schema.yaml")
    return 0
}

struct BytesLoader: SchemaFileLoader {
    var files: [String: [UInt8]]

    struct Missing: Error {}

    func load(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw Missing() }
        return bytes
    }
}
