/// Parses the type strings of the format: `text`, `text?`, `string(255)`,
/// `decimal(10,2)`, `[text]`, `[uuid]?`, or an enum's name.
enum TypeParser {
    struct Parsed {
        var type: ColumnType
        var nullable: Bool
    }

    /// Returns the type, or an error message. Enum names are not checked here:
    /// enums may be declared in a file included later.
    static func parse(_ raw: String) -> Result<Parsed, TypeError> {
        var text = raw.trimmingSpaces
        var nullable = false
        if text.hasSuffix("?") {
            nullable = true
            text = String(text.dropLast()).trimmingSpaces
        }
        return parseType(text).map { Parsed(type: $0, nullable: nullable) }
    }

    struct TypeError: Error {
        var message: String
    }

    private static func parseType(_ text: String) -> Result<ColumnType, TypeError> {
        if text.isEmpty { return .failure(TypeError(message: "the type is empty")) }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else {
                return .failure(TypeError(message: "'\(text)' opens an array type with '[' but does not close it with ']'"))
            }
            let inner = String(text.dropFirst().dropLast()).trimmingSpaces
            if inner.hasSuffix("?") {
                return .failure(TypeError(message: "array elements cannot be nullable ('\(text)'); write '[\(inner.dropLast())]?' for a nullable array"))
            }
            switch parseType(inner) {
            case .failure(let e): return .failure(e)
            case .success(let element):
                switch element {
                case .array: return .failure(TypeError(message: "nested arrays ('\(text)') are not supported"))
                case .json, .serial, .bigserial, .custom:
                    return .failure(TypeError(message: "'\(element.spelling)' cannot be an array element; arrays hold scalar types"))
                default: return .success(.array(element))
                }
            }
        }
        var name = text
        var arguments: [Int] = []
        if let open = text.firstIndex(of: "(") {
            guard text.hasSuffix(")") else {
                return .failure(TypeError(message: "'\(text)' has an unclosed '('"))
            }
            name = String(text[..<open]).trimmingSpaces
            let inside = text[text.index(after: open) ..< text.index(before: text.endIndex)]
            for piece in inside.split(separator: ",", omittingEmptySubsequences: false) {
                guard let n = Int(String(piece).trimmingSpaces), n >= 0 else {
                    return .failure(TypeError(message: "'\(text)': type arguments must be whole numbers"))
                }
                arguments.append(n)
            }
        }
        func noArguments(_ t: ColumnType) -> Result<ColumnType, TypeError> {
            arguments.isEmpty ? .success(t) : .failure(TypeError(message: "'\(name)' takes no arguments"))
        }
        switch name {
        case "bool", "boolean": return noArguments(.bool)
        case "smallint": return noArguments(.smallint)
        case "int", "integer": return noArguments(.int)
        case "bigint": return noArguments(.bigint)
        case "serial": return noArguments(.serial)
        case "bigserial": return noArguments(.bigserial)
        case "real", "float": return noArguments(.real)
        case "double": return noArguments(.double)
        case "text": return noArguments(.text)
        case "uuid": return noArguments(.uuid)
        case "timestamp": return noArguments(.timestamp)
        case "datetime": return noArguments(.datetime)
        case "time": return noArguments(.time)
        case "date": return noArguments(.date)
        case "unixtime": return noArguments(.unixtime)
        case "json": return noArguments(.json)
        case "bytes": return noArguments(.bytes)
        case "string":
            guard arguments.count == 1 else {
                return .failure(TypeError(message: "'string' needs a length, as in 'string(255)'; use 'text' for unbounded text"))
            }
            guard arguments[0] >= 1, arguments[0] <= 10_485_760 else {
                return .failure(TypeError(message: "string length \(arguments[0]) is out of range (1 to 10485760)"))
            }
            return .success(.string(length: arguments[0]))
        case "char", "character":
            guard arguments.count == 1 else {
                return .failure(TypeError(message: "'\(name)' needs a length, as in 'char(2)'; use 'string(n)' or 'text' for text of varying length"))
            }
            guard arguments[0] >= 1, arguments[0] <= 10_485_760 else {
                return .failure(TypeError(message: "char length \(arguments[0]) is out of range (1 to 10485760)"))
            }
            return .success(.char(length: arguments[0]))
        case "decimal", "numeric":
            switch arguments.count {
            case 0: return .success(.decimal(precision: nil, scale: nil))
            case 1, 2:
                let p = arguments[0], s = arguments.count == 2 ? arguments[1] : 0
                guard p >= 1, p <= 1000 else {
                    return .failure(TypeError(message: "decimal precision \(p) is out of range (1 to 1000)"))
                }
                guard s <= p else {
                    return .failure(TypeError(message: "decimal scale \(s) is larger than its precision \(p)"))
                }
                return .success(.decimal(precision: p, scale: s))
            default:
                return .failure(TypeError(message: "'decimal' takes at most two arguments (precision, scale)"))
            }
        default:
            guard arguments.isEmpty, isIdentifierLike(name) else {
                return .failure(TypeError(message: "'\(text)' is not a type\(hint(for: name))"))
            }
            return .success(.enumeration(name))
        }
    }

    /// SQL spellings users reach for, and the type of this format that means the same.
    static let sqlSpellings: [String: String] = [
        "varchar": "string(n)", "nvarchar": "string(n)", "bpchar": "char(n)",
        "timestamptz": "timestamp", "jsonb": "json", "blob": "bytes", "bytea": "bytes",
        "int2": "smallint", "int4": "int", "int8": "bigint", "float4": "real", "float8": "double",
        "tinyint": "smallint",
    ]

    /// "; did you mean 'x'?" for a name that is not a type: the format's spelling of an SQL
    /// type name, or the closest built-in type or `extra` name (enums); empty when nothing is close.
    static func hint(for name: String, extra: [String] = []) -> String {
        if let spelling = sqlSpellings[name.lowercased()] { return "; did you mean '\(spelling)'?" }
        return Suggestions.hint(for: name, in: ColumnType.builtinNames + extra)
    }

    static func isIdentifierLike(_ s: String) -> Bool {
        guard !s.isEmpty else { return false }
        // ASCII names, nearly all of them, without Unicode property lookups (which agree on ASCII).
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            let lower = b | 0x20
            guard b == UInt8(ascii: "_") || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) else { return false }
        }
        if ascii { return true }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0" ... "9").contains($0) }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    var trimmingSpaces: String {
        // Nearly all text has nothing to trim. A first or last byte that is not one of these four
        // cannot start or end a Character that is one of them, so the text is returned as is.
        let isSpaceByte = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        if let first = utf8.first, let last = utf8.last, !isSpaceByte(first), !isSpaceByte(last) { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first ... last])
    }
}
