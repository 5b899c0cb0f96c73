import Dispatch

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
    /// Compiles several root schemas side by side, each on a thread of its own, results in the order
    /// of `rootPaths`. `diff` reads two schemas that share nothing: on two cores their front ends
    /// (the larger part of a `diff` run) then take the wall time of one.
    public static func compile(rootPaths: [String], loader: some SchemaFileLoader & Sendable) -> [CompiledSchema] {
        let slots = UnsafeMutableBufferPointer<CompiledSchema?>.allocate(capacity: rootPaths.count)
        defer { slots.deallocate() }
        slots.initialize(repeating: nil)
        // Each iteration writes its own slot and nothing else; concurrentPerform returns after all of them.
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: rootPaths.count) { i in
            shared[i] = compile(rootPath: rootPaths[i], loader: loader)
        }
        return slots.map { $0! }
    }

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
