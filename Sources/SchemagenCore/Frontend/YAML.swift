import CYaml

/// A YAML document read by libyaml, kept as one flat array of nodes so that a
/// 4 MB schema costs one allocation per scalar string and nothing per lookup.
///
/// Every node keeps the line and column where it starts, which is what lets
/// every later stage point at `file:line:column`. Aliases share the anchored
/// node instead of copying it; the expanded size is bounded so that an alias
/// bomb is rejected rather than walked.
///
/// The arrays are constants, filled by the builder before the document exists:
/// reading a `var` of a class costs a dynamic exclusivity check on every access,
/// and node lookups are the decoder's innermost loop.
public final class YAMLDocument: @unchecked Sendable {
    /// The file name used in diagnostics.
    public let file: String
    @usableFromInline let nodes: [RawNode]
    /// Children of collections, contiguous per collection. A mapping stores key, value, key, value...
    @usableFromInline let children: [Int32]
    let rootIndex: Int32

    @usableFromInline struct RawNode {
        var kind: YAMLNode.Kind
        var quoted: Bool
        /// A collection written inline (`{ ... }`, `[ ... ]`), where an unquoted ',' ends a scalar.
        var flow = false
        var line: Int32
        var column: Int32
        var value: String
        var childStart: Int32 = 0
        var childCount: Int32 = 0
    }

    init(file: String, nodes: [RawNode], children: [Int32], rootIndex: Int32) {
        self.file = file
        self.nodes = nodes
        self.children = children
        self.rootIndex = rootIndex
    }

    /// The root node, or nil for an empty document.
    public var root: YAMLNode? { rootIndex >= 0 ? YAMLNode(document: self, index: rootIndex) : nil }

    /// The largest number of nodes a document may expand to through aliases.
    static let expansionLimit = 2_000_000

    /// The deepest nesting of collections accepted. A schema nests about six deep (a JSON default
    /// a few more); the limit exists because libyaml's scanner is quadratic in the depth (a 200 KB
    /// line of '[' takes half a minute), so the builder stops pulling events once it is passed.
    static let nestingLimit = 100

    /// Parses `bytes`. Returns nil and appends diagnostics when the text is not YAML this tool accepts.
    public static func parse(_ bytes: [UInt8], file: String, diagnostics: inout Diagnostics) -> YAMLDocument? {
        var builder = Builder(file: file)
        return builder.run(bytes, diagnostics: &diagnostics)
    }

    /// Reads libyaml events and builds the flat node array with a stack of open collections.
    private struct Builder {
        let file: String
        var nodes: [RawNode] = []
        var children: [Int32] = []
        var rootIndex: Int32 = -1
        /// One entry per open collection: its node index and where its children start in `pending`.
        var stack: [(node: Int32, start: Int, anchor: String?)] = []
        /// The children of every open collection, innermost last: one buffer instead of an array per collection.
        var pending: [Int32] = []
        var anchors: [String: Int32] = [:]
        /// Number of nodes each node expands to (aliases counted at full size).
        var weights: [Int] = []
        /// Pairs copied into mappings by merge keys so far (see `expandMerges`).
        var mergedPairs = 0
        var failed = false

        init(file: String) { self.file = file }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        mutating func run(_ bytes: [UInt8], diagnostics: inout Diagnostics) -> YAMLDocument? {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                diagnostics.error("could not initialise the YAML parser", at: nil)
                return nil
            }
            defer { yaml_parser_delete(&parser) }
            if bytes.isEmpty {
                diagnostics.error("the file is empty; a schema starts with 'schemagen: 1'",
                                  at: SourceLocation(file: file, line: 1, column: 1))
                return nil
            }
            // libyaml skips a byte order mark only when it detects the encoding itself, and it counts
            // the mark as a column otherwise: drop it here so that columns stay right.
            let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            // Schemas have about one node per 10 bytes; reserving for more avoids copying the arrays as they grow
            // (pages reserved and never touched cost nothing).
            let expectedNodes = bytes.count / 4 + 16
            nodes.reserveCapacity(expectedNodes)
            weights.reserveCapacity(expectedNodes)
            children.reserveCapacity(expectedNodes)
            return bytes.withUnsafeBufferPointer { buffer -> YAMLDocument? in
                yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
                yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
                var documents = 0
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else {
                        let (message, at) = describeError(parser, bytes)
                        diagnostics.error(message, at: at)
                        return nil
                    }
                    defer { yaml_event_delete(&event) }
                    let type = event.type
                    if type == YAML_STREAM_END_EVENT { break }
                    switch type {
                    case YAML_DOCUMENT_START_EVENT:
                        documents += 1
                        if documents > 1 {
                            diagnostics.error("a schema file holds one YAML document; found a second one", at: location(event.start_mark))
                            return nil
                        }
                    case YAML_SCALAR_EVENT:
                        let s = event.data.scalar
                        let text = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
                        var quoted = s.style != YAML_PLAIN_SCALAR_STYLE
                        if let tag = s.tag {
                            let t = String(cString: tag)
                            if t == "tag:yaml.org,2002:str" { quoted = true }
                            else if !t.hasPrefix("tag:yaml.org,2002:") {
                                diagnostics.error("unsupported YAML tag '\(t)'", at: location(event.start_mark))
                                failed = true
                            }
                        }
                        let index = add(.scalar, quoted: quoted, value: text, mark: event.start_mark, weight: 1)
                        if let a = s.anchor { anchors[String(cString: a)] = index }
                        attach(index, diagnostics: &diagnostics)
                    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                        if stack.count >= YAMLDocument.nestingLimit {
                            diagnostics.error("the YAML is nested more than \(YAMLDocument.nestingLimit) levels deep here; a schema never needs that many (is a ']' or '}' missing?)", at: location(event.start_mark))
                            return nil
                        }
                        let isMap = type == YAML_MAPPING_START_EVENT
                        let anchorPtr = isMap ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                        let index = add(isMap ? .mapping : .sequence, quoted: false, value: "", mark: event.start_mark, weight: 1)
                        nodes[Int(index)].flow = isMap ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                                       : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                        stack.append((index, pending.count, anchorPtr.map { String(cString: $0) }))
                    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                        let open = stack.removeLast()
                        close(open.node, childrenFrom: open.start, diagnostics: &diagnostics)
                        if let a = open.anchor { anchors[a] = open.node }
                        attach(open.node, diagnostics: &diagnostics)
                    case YAML_ALIAS_EVENT:
                        let name = String(cString: event.data.alias.anchor)
                        // After a node over the expansion limit, aliases to it are the same problem: say it once.
                        if failed { return nil }
                        guard let target = anchors[name] else {
                            diagnostics.error("alias '*\(name)' refers to no anchor defined before it", at: location(event.start_mark))
                            return nil
                        }
                        if weights[Int(target)] > YAMLDocument.expansionLimit {
                            diagnostics.error("alias '*\(name)' expands the document past \(YAMLDocument.expansionLimit) nodes; alias bombs are rejected", at: location(event.start_mark))
                            return nil
                        }
                        attach(target, diagnostics: &diagnostics)
                    default:
                        break
                    }
                }
                if failed { return nil }
                if rootIndex < 0 {
                    diagnostics.error("the file holds no YAML content; a schema starts with 'schemagen: 1'",
                                      at: SourceLocation(file: file, line: 1, column: 1))
                    return nil
                }
                return YAMLDocument(file: file, nodes: nodes, children: children, rootIndex: rootIndex)
            }
        }

        /// A libyaml error as a diagnostic: the message, with a hint for the common mistakes
        /// (tabs, indentation, unclosed quotes and brackets), and the place to point at.
        func describeError(_ parser: yaml_parser_t, _ bytes: [UInt8]) -> (String, SourceLocation) {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
            if parser.error == YAML_READER_ERROR {
                // Reader errors carry a byte offset instead of a mark.
                let offset = Int(parser.problem_offset)
                let at = location(ofByte: offset, in: bytes)
                let value = parser.problem_value >= 0 ? Int(parser.problem_value) : offset < bytes.count ? Int(bytes[offset]) : -1
                let byte = value >= 0 ? " (byte 0x\(value < 16 ? "0" : "")\(String(value, radix: 16, uppercase: true)))" : ""
                if problem.contains("control characters") {
                    return ("the file contains a control character\(byte), which YAML does not allow; a schema file is UTF-8 text", at)
                }
                return ("the file is not UTF-8 text: \(problem)\(byte); a schema file must be saved as UTF-8", at)
            }
            let at = location(parser.problem_mark)
            let context = parser.context.map { String(cString: $0) }
            let contextAt = location(parser.context_mark)
            let contextPlace = "line \(contextAt.line), column \(contextAt.column)"
            if context == "while scanning a quoted scalar" {
                // libyaml points at the end of the file; the opening quote is what needs fixing.
                return ("invalid YAML: this quoted string is never closed (\(problem))", contextAt)
            }
            if let context, context.hasPrefix("while parsing a flow ") {
                let (open, close) = context.hasSuffix("mapping") ? ("{", "}") : ("[", "]")
                return ("invalid YAML: \(problem); the '\(open)' at \(contextPlace) is not closed with '\(close)', or an entry lacks its ','", at)
            }
            var message = "invalid YAML: \(problem)"
            if let context, contextAt != at { message += " (\(context) at \(contextPlace))" }
            if problem.contains("cannot start any token") {
                let character = character(at: at, in: bytes)
                if character == "\t" {
                    message += "; YAML indentation must use spaces, not tabs"
                } else if let character {
                    message += "; a value starting with '\(character)' must be quoted"
                }
            } else if problem == "did not find expected key" {
                message += "; check the indentation: the keys of one mapping start in the same column"
            } else if problem == "mapping values are not allowed in this context" {
                message += "; check the indentation, or quote a value that contains ': '"
            }
            return (message, at)
        }

        /// The 1-based line and column (in characters) of a byte offset.
        func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceLocation {
            var line = 1, column = 1
            for b in bytes.prefix(offset) {
                if b == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return SourceLocation(file: file, line: line, column: column)
        }

        /// The character at a line and column, if the text there is readable.
        func character(at place: SourceLocation, in bytes: [UInt8]) -> Character? {
            var line = 1, i = 0
            while line < place.line, i < bytes.count {
                if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                i += 1
            }
            let rest = String(decoding: bytes[i...].prefix(while: { $0 != UInt8(ascii: "\n") }), as: UTF8.self)
            let characters = Array(rest.unicodeScalars)
            return place.column - 1 < characters.count ? Character(characters[place.column - 1]) : nil
        }

        mutating func add(_ kind: YAMLNode.Kind, quoted: Bool, value: String, mark: yaml_mark_t, weight: Int) -> Int32 {
            nodes.append(RawNode(kind: kind, quoted: quoted, line: Int32(mark.line + 1), column: Int32(mark.column + 1), value: value))
            weights.append(weight)
            return Int32(nodes.count - 1)
        }

        /// Adds a finished node to the open collection, or makes it the root.
        mutating func attach(_ index: Int32, diagnostics: inout Diagnostics) {
            if stack.isEmpty {
                rootIndex = index
            } else {
                pending.append(index)
            }
        }

        /// Stores a collection's children (`pending[start...]`) contiguously and checks a mapping's keys.
        mutating func close(_ index: Int32, childrenFrom start: Int, diagnostics: inout Diagnostics) {
            if nodes[Int(index)].kind == .mapping { expandMerges(from: start, diagnostics: &diagnostics) }
            let end = pending.count
            var weight = 1
            for c in pending[start ..< end] {
                weight += weights[Int(c)]
                if weight > YAMLDocument.expansionLimit { weight = YAMLDocument.expansionLimit + 1; break }
            }
            weights[Int(index)] = weight
            let node = nodes[Int(index)]
            if weight > YAMLDocument.expansionLimit {
                diagnostics.error("this node expands past \(YAMLDocument.expansionLimit) nodes through aliases; alias bombs are rejected",
                                  at: SourceLocation(file: file, line: Int(node.line), column: Int(node.column)))
                failed = true
            }
            let childStart = children.count
            nodes[Int(index)].childStart = Int32(childStart)
            nodes[Int(index)].childCount = Int32(end - start)
            children.append(contentsOf: pending[start ..< end])
            pending.removeSubrange(start ..< end)
            if node.kind == .mapping { checkKeys(from: childStart, to: children.count, diagnostics: &diagnostics) }
        }

        /// Whether a node is the merge key: a plain `<<` (quoted, it is an ordinary key).
        func isMergeKey(_ node: Int32) -> Bool {
            let n = nodes[Int(node)]
            return n.kind == .scalar && !n.quoted && n.value.utf8.count == 2 && n.value == "<<"
        }

        /// YAML merge keys in the open mapping whose pairs are `pending[start...]`: `<<: *defaults` or
        /// `<<: [*a, *b]` puts the pairs of those mappings in place of the `<<` entry, except the keys the
        /// mapping sets itself; of several merged mappings the first to name a key wins. The merged
        /// nodes are shared, not copied, so a problem in one points at where it is written.
        mutating func expandMerges(from start: Int, diagnostics: inout Diagnostics) {
            let end = pending.count
            // Past the limit (reported once), merges are left as they are: the document is rejected anyway.
            guard mergedPairs <= YAMLDocument.expansionLimit,
                  stride(from: start, to: end, by: 2).contains(where: { isMergeKey(pending[$0]) }) else { return }
            var taken = Set<String>()
            for i in stride(from: start, to: end, by: 2) where !isMergeKey(pending[i]) { taken.insert(nodes[Int(pending[i])].value) }
            var out: [Int32] = []
            for i in stride(from: start, to: end, by: 2) {
                guard isMergeKey(pending[i]) else {
                    out += [pending[i], pending[i + 1]]
                    continue
                }
                let value = nodes[Int(pending[i + 1])]
                let sources = value.kind == .sequence
                    ? Array(children[Int(value.childStart) ..< Int(value.childStart + value.childCount)]) : [pending[i + 1]]
                for source in sources where nodes[Int(source)].kind != .mapping {
                    let node = nodes[Int(source)]
                    diagnostics.error("a merge key '<<' takes a mapping or a list of mappings (usually an alias: '<<: *defaults'), found \(node.kind == .sequence ? "a list" : "a scalar")",
                                      at: SourceLocation(file: file, line: Int(node.line), column: Int(node.column)))
                    failed = true
                }
                for source in sources where nodes[Int(source)].kind == .mapping {
                    let node = nodes[Int(source)]
                    // Merged pairs are copied as indices: bounded in all, like aliases, so many merges of a
                    // large mapping cannot exhaust memory before any one node is over the limit.
                    mergedPairs += Int(node.childCount) / 2
                    if mergedPairs > YAMLDocument.expansionLimit {
                        diagnostics.error("merge keys expand the document past \(YAMLDocument.expansionLimit) nodes; alias bombs are rejected",
                                          at: SourceLocation(file: file, line: Int(value.line), column: Int(value.column)))
                        failed = true
                        return
                    }
                    for j in stride(from: Int(node.childStart), to: Int(node.childStart + node.childCount), by: 2) {
                        let key = children[j]
                        guard nodes[Int(key)].kind == .scalar, taken.insert(nodes[Int(key)].value).inserted else { continue }
                        out += [key, children[j + 1]]
                    }
                }
            }
            pending.replaceSubrange(start ..< end, with: out)
        }

        /// Reports keys that are not scalars, and scalar keys given twice (pointing at the first).
        /// Small mappings, nearly all of a schema, compare keys pairwise instead of hashing them.
        mutating func checkKeys(from start: Int, to end: Int, diagnostics: inout Diagnostics) {
            let pairs = (end - start) / 2
            var seen: [String: Int32] = [:]
            if pairs > 16 { seen.reserveCapacity(pairs) }
            var i = start
            while i < end {
                let key = nodes[Int(children[i])]
                if key.kind != .scalar {
                    let keyLocation = SourceLocation(file: file, line: Int(key.line), column: Int(key.column))
                    diagnostics.error("a mapping key must be a plain string, not a \(key.kind == .mapping ? "mapping" : "sequence")", at: keyLocation)
                    failed = true
                } else if let first = pairs > 16 ? seen[key.value] : firstKey(key.value, from: start, before: i) {
                    let keyLocation = SourceLocation(file: file, line: Int(key.line), column: Int(key.column))
                    diagnostics.error("duplicate key '\(key.value)' (first defined at line \(nodes[Int(first)].line))", at: keyLocation)
                    failed = true
                } else if pairs > 16 {
                    seen[key.value] = children[i]
                }
                i += 2
            }
        }

        /// The first scalar key equal to `value` among the keys at `children[start ..< before]`.
        func firstKey(_ value: String, from start: Int, before: Int) -> Int32? {
            let length = value.utf8.count
            var j = start
            while j < before {
                let other = Int(children[j])
                // Lengths first: they are stored in the strings, and most keys differ in length.
                if nodes[other].kind == .scalar && nodes[other].value.utf8.count == length && nodes[other].value == value { return children[j] }
                j += 2
            }
            return nil
        }
    }
}

/// A read-only view of one node of a `YAMLDocument`.
public struct YAMLNode: @unchecked Sendable {
    public enum Kind: Sendable { case scalar, sequence, mapping }

    let document: YAMLDocument
    let index: Int32

    @inline(__always) var raw: YAMLDocument.RawNode { document.nodes[Int(index)] }

    public var kind: Kind { raw.kind }
    /// The scalar's text; empty for collections.
    public var scalar: String { raw.value }
    /// True when the scalar was quoted (or tagged `!!str`): it is then always a string.
    public var isQuoted: Bool { raw.quoted }
    /// True for a collection written inline (`{ ... }` or `[ ... ]`).
    public var isFlow: Bool { raw.flow }
    public var location: SourceLocation {
        let r = raw
        return SourceLocation(file: document.file, line: Int(r.line), column: Int(r.column))
    }

    /// The items of a sequence.
    public var items: [YAMLNode] {
        let r = raw
        guard r.kind == .sequence else { return [] }
        let start = Int(r.childStart)
        return (start ..< start + Int(r.childCount)).map { YAMLNode(document: document, index: document.children[$0]) }
    }

    /// The key/value pairs of a mapping, in document order.
    public var pairs: [(key: YAMLNode, value: YAMLNode)] {
        let r = raw
        guard r.kind == .mapping else { return [] }
        let start = Int(r.childStart)
        var out: [(key: YAMLNode, value: YAMLNode)] = []
        out.reserveCapacity(Int(r.childCount) / 2)
        var i = start
        while i < start + Int(r.childCount) {
            out.append((YAMLNode(document: document, index: document.children[i]),
                        YAMLNode(document: document, index: document.children[i + 1])))
            i += 2
        }
        return out
    }

    /// The value for `key` in a mapping (linear: mappings in a schema are small).
    public subscript(key: String) -> YAMLNode? {
        guard let i = position(ofKey: key) else { return nil }
        return YAMLNode(document: document, index: document.children[i + 1])
    }

    /// The key node and value node for `key` in a mapping.
    public func entry(_ key: String) -> (key: YAMLNode, value: YAMLNode)? {
        guard let i = position(ofKey: key) else { return nil }
        return (YAMLNode(document: document, index: document.children[i]),
                YAMLNode(document: document, index: document.children[i + 1]))
    }

    /// The index (as in `pair(_:)`) of the first pair whose key is `key`.
    public func pairIndex(ofKey key: String) -> Int? {
        position(ofKey: key).map { ($0 - Int(raw.childStart)) / 2 }
    }

    /// The position in `children` of the first key equal to `key`. Lengths are compared
    /// first: they are stored in the strings, and most keys differ in length.
    private func position(ofKey key: String) -> Int? {
        let r = raw
        guard r.kind == .mapping else { return nil }
        let length = key.utf8.count
        var i = Int(r.childStart)
        let end = i + Int(r.childCount)
        while i < end {
            let candidate = document.nodes[Int(document.children[i])].value
            if candidate.utf8.count == length && candidate == key { return i }
            i += 2
        }
        return nil
    }

    /// The number of key/value pairs of a mapping (0 for other nodes).
    public var pairCount: Int { raw.kind == .mapping ? Int(raw.childCount) / 2 : 0 }

    /// The key and value of a mapping's pair `i` (in document order).
    public func pair(_ i: Int) -> (key: YAMLNode, value: YAMLNode) {
        let base = Int(raw.childStart) + 2 * i
        return (YAMLNode(document: document, index: document.children[base]),
                YAMLNode(document: document, index: document.children[base + 1]))
    }

    /// The commonest YAML trap: in a flow mapping an unquoted ',' ends a plain value, and the rest
    /// becomes a key without a value, so `{ type: decimal(10,2) }` reads as `type: decimal(10` and a
    /// key `2)`. When pair `i + 1` of this mapping looks like that rest of pair `i`'s value, returns
    /// it and the value as it was meant (`decimal(10,2)`); nil otherwise.
    public func commaRemnant(after i: Int) -> (key: YAMLNode, meant: String)? {
        guard raw.kind == .mapping, raw.flow, i >= 0, i + 1 < pairCount else { return nil }
        let value = pair(i).value, next = pair(i + 1)
        guard value.kind == .scalar, !value.isQuoted, !value.isNull,
              next.key.kind == .scalar, !next.key.isQuoted, next.value.kind == .scalar, next.value.isNull,
              next.value.scalar.isEmpty, !next.value.isQuoted else { return nil }
        return (next.key, value.scalar + "," + next.key.scalar)
    }

    /// Calls `body` with each key of a mapping, in document order, without building `pairs`.
    func forEachKey(_ body: (YAMLNode) -> Void) {
        let r = raw
        guard r.kind == .mapping else { return }
        var i = Int(r.childStart)
        let end = i + Int(r.childCount)
        while i < end {
            body(YAMLNode(document: document, index: document.children[i]))
            i += 2
        }
    }

    /// What a plain scalar means under the YAML 1.2 core schema.
    public enum ScalarValue: Equatable, Sendable {
        case null
        case bool(Bool)
        case integer(String)
        case float(String)
        case string(String)

        public var isNumber: Bool {
            switch self {
            case .integer, .float: return true
            default: return false
            }
        }
    }

    /// Resolves a scalar: quoted scalars are strings; plain ones may be null, booleans or numbers.
    public var scalarValue: ScalarValue {
        let r = raw
        if r.quoted { return .string(r.value) }
        return YAMLNode.resolvePlain(r.value)
    }

    /// Whether `scalarValue` is `.null` (true for collections too, whose text is empty),
    /// without resolving the rest of the grammar: the decoder asks this of nearly every scalar.
    public var isNull: Bool {
        let r = raw
        return !r.quoted && YAMLNode.isNullText(r.value)
    }

    /// `""`, `~`, `null`, `Null`, `NULL`: checked by length first, so other text costs no comparison.
    static func isNullText(_ s: String) -> Bool {
        switch s.utf8.count {
        case 0: return true
        case 1: return s == "~"
        case 4: return s == "null" || s == "Null" || s == "NULL"
        default: return false
        }
    }

    static func resolvePlain(_ s: String) -> ScalarValue {
        if isNullText(s) { return .null }
        switch s.utf8.count {
        case 4 where s == "true" || s == "True" || s == "TRUE": return .bool(true)
        case 5 where s == "false" || s == "False" || s == "FALSE": return .bool(false)
        default: break
        }
        // The number grammar reads the bytes in place (a native string's storage, or a copy of a short one).
        let number = s.utf8.withContiguousStorageIfAvailable(numberKind) ?? Array(s.utf8).withUnsafeBufferPointer(numberKind)
        if let isFloat = number { return isFloat ? .float(s) : .integer(s) }
        if let float = coreSchemaFloat(s) { return .float(float) }
        return .string(s)
    }

    /// The YAML 1.2 core schema's floats that JSON's grammar lacks (`.5`, `1.`, `01.5`, `.Inf`,
    /// `+.INF`, `.NaN`), in the canonical text the rest of the pipeline reads (`0.5`, `1.0`,
    /// `1.5`, `.inf`, `.inf`, `.nan`), so SQL, JSON and Swift literals stay valid. Its integers
    /// outside JSON's grammar (`007`, `0x1F`, `0o17`) stay strings: on purpose, so that a
    /// zip code or an identifier with a leading zero is never turned into a number.
    static func coreSchemaFloat(_ s: String) -> String? {
        switch s {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return ".inf"
        case "-.inf", "-.Inf", "-.INF": return "-.inf"
        case ".nan", ".NaN", ".NAN": return ".nan"
        default: break
        }
        // [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var rest = Substring(s)
        var sign = ""
        if let first = rest.first, first == "-" || first == "+" {
            sign = String(first)
            rest = rest.dropFirst()
        }
        let isDigit: (Character) -> Bool = { $0 >= "0" && $0 <= "9" }
        let integer = rest.prefix(while: isDigit)
        rest = rest.dropFirst(integer.count)
        guard rest.first == "." else { return nil }
        rest = rest.dropFirst()
        let fraction = rest.prefix(while: isDigit)
        rest = rest.dropFirst(fraction.count)
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if let e = rest.first, e == "e" || e == "E" {
            var digits = rest.dropFirst()
            var expSign = ""
            if let first = digits.first, first == "-" || first == "+" {
                expSign = String(first)
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
            exponent = "e" + expSign + digits
            rest = ""
        }
        guard rest.isEmpty else { return nil }
        let trimmed = integer.drop { $0 == "0" }
        return sign + (trimmed.isEmpty ? "0" : String(trimmed)) + "." + (fraction.isEmpty ? "0" : String(fraction)) + exponent
    }

    /// Whether the bytes match JSON's number grammar (plus a leading '+'):
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; nil if not, else whether it is a float.
    private static func numberKind(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        let intStart = i
        let intDigits = digits()
        var isFloat = false
        var valid = intDigits > 0 && !(intDigits > 1 && b[intStart] == UInt8(ascii: "0"))
        if valid, i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            isFloat = true
            valid = digits() > 0
        }
        if valid, i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            isFloat = true
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            valid = digits() > 0
        }
        return valid && i == b.count ? isFloat : nil
    }

    /// A short English name of the node's kind, for "expected X, found Y" messages.
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch scalarValue {
            case .null: return "nothing (null)"
            case .bool: return "a boolean"
            case .integer, .float: return "a number"
            case .string(let s): return "the string '\(s)'"
            }
        }
    }
}
