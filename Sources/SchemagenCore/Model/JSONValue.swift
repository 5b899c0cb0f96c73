/// A JSON document, as written in a `json` or array column's default.
/// Object members keep their order so that output is stable.
public indirect enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number exactly as written (JSON number grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Codable, Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Compact JSON text.
    public var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(m.key, into: &out)
                out += ":"
                m.value.write(into: &out)
            }
            out += "}"
        }
    }

    /// A double-quoted string with `"`, `\\`, line breaks, tabs and control characters escaped; `alsoEscaping`
    /// picks more characters to write as `\\uXXXX` (YAML's double-quoted scalars need a few more than JSON).
    static func quote(_ s: String, into out: inout String, alsoEscaping: (Unicode.Scalar) -> Bool = { _ in false }) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || alsoEscaping(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Builds the value from a YAML node: plain scalars resolve to null, booleans and numbers.
    static func from(_ node: YAMLNode) -> JSONValue {
        switch node.kind {
        case .mapping: return .object(node.pairs.map { Member(key: $0.key.scalar, value: from($0.value)) })
        case .sequence: return .array(node.items.map(from))
        case .scalar:
            switch node.scalarValue {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .integer(let s): return .number(s.hasPrefix("+") ? String(s.dropFirst()) : s)
            case .float(let s):
                if s == ".inf" || s == "-.inf" || s == ".nan" { return .string(s) }
                return .number(s.hasPrefix("+") ? String(s.dropFirst()) : s)
            case .string(let s): return .string(s)
            }
        }
    }
}

extension JSONValue {
    /// The value of a JSON document (JSON is YAML's flow style, so libyaml reads it), or nil when
    /// the text is not a single flow collection or scalar: how an inspector turns a stored JSON default back into a literal.
    public static func parse(_ text: String) -> JSONValue? {
        var diagnostics = Diagnostics()
        guard let root = YAMLDocument.parse(Array(text.utf8), file: "", diagnostics: &diagnostics)?.root, !diagnostics.hasErrors else { return nil }
        let value = from(root)
        return value.text == text ? value : nil
    }
}
