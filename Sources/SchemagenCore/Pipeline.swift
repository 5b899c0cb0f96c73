/// The front of the pipeline in one call: read the root schema and its
/// includes through `loader`, decode, resolve and validate.
///
/// `schema` is nil when there are errors; warnings may accompany a schema.
public struct CompiledSchema: Sendable {
    public var schema: Schema?
    public var sourceMap: SourceMap
    public var diagnostics: Diagnostics
}

public enum SchemaCompiler {
    public static func compile(rootPath: String, loader: SchemaFileLoader) -> CompiledSchema {
        var decoder = SchemaDecoder(loader: loader)
        decoder.decodeRoot(path: rootPath)
        var diagnostics = decoder.diagnostics
        // Validation runs even after decoding errors, so that one run shows as many problems as possible.
        var validator = Validator(schema: decoder.schema, sourceMap: decoder.sourceMap)
        let resolved = validator.run()
        diagnostics.append(contentsOf: validator.diagnostics)
        return CompiledSchema(schema: diagnostics.hasErrors ? nil : resolved, sourceMap: decoder.sourceMap, diagnostics: diagnostics)
    }
}
