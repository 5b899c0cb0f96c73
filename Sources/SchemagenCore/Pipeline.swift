import Dispatch
import Foundation

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
        SideBySide.map(rootPaths.count) { i in compile(rootPath: rootPaths[i], loader: loader) }
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

/// Work that shares nothing, run on as many threads as there are cores: two schemas of `diff`,
/// the Swift files of `schemagen swift`.
enum SideBySide {
    /// `body(0) ..< body(count)`, the results in that order; the calls run concurrently, so each
    /// must only read what it shares with the others.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        // Each iteration writes its own slot and nothing else; concurrentPerform returns after all
        // of them, so neither the slots nor `body` outlive this call.
        nonisolated(unsafe) let shared = slots
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: count) { i in
                shared[i] = work(i)
            }
        }
        return slots.map { $0! }
    }

    /// `items.map(transform)`, the items cut into one contiguous run per core, the runs
    /// transformed side by side and joined in order (so the result is the same as `map`'s).
    static func map<Item, T>(chunksOf items: [Item], _ transform: (Item) -> T) -> [T] {
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 256))
        if cores == 1 { return items.map(transform) }
        let size = (items.count + cores - 1) / cores
        return map(cores) { chunk in
            items[(chunk * size) ..< min(items.count, (chunk + 1) * size)].map(transform)
        }.flatMap { $0 }
    }
}
