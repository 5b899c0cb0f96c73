/// The front of the pipeline in one call: read the root schema and its
/// includes through `loader`, decode, resolve and validate.
///
/// `schema` is nil when there are errors; warnings may accompany a schema.
public struct CompiledSchema: Sendable {
    public var schema: Schema?
    public var sourceMap: SourceMap
    public var diagnostics: Diagnostics
    /// Seconds spent reading and decoding, and validating (for benchmarks).
    public var timings: [(phase: String, seconds: Double)] = []
}

public enum SchemaCompiler {
    public static func compile(rootPath: String, loader: SchemaFileLoader) -> CompiledSchema {
        let clock = ContinuousClock()
        let start = clock.now
        var decoder = SchemaDecoder(loader: loader)
        decoder.decodeRoot(path: rootPath)
        var diagnostics = decoder.diagnostics
        let decoded = clock.now
        // Validation runs even after decoding errors, so that one run shows as many problems as possible.
        let validator = Validator(schema: decoder.schema, sourceMap: decoder.sourceMap)
        // The validator's copy is then the only one: resolving foreign keys writes into it in place
        // instead of copying the array of tables.
        decoder.schema = Schema(targets: [])
        let resolved = validator.run()
        diagnostics.append(contentsOf: validator.diagnostics)
        let validated = clock.now
        var result = CompiledSchema(schema: diagnostics.hasErrors ? nil : resolved, sourceMap: decoder.sourceMap, diagnostics: diagnostics)
        result.timings = [("decode_s", (decoded - start).seconds), ("validate_s", (validated - decoded).seconds)]
        return result
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
