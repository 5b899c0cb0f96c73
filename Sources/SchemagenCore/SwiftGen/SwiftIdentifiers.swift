/// Turning SQL names into Swift names: case conversion, singular forms, and
/// the names generated code must never declare.
///
/// Everything here is a pure function of its input, so the same schema always
/// gives the same Swift names, whatever else is in the schema or in what order.
enum SwiftIdentifiers {
    // MARK: Case conversion

    /// `task_status` → `TaskStatus`, `in-progress` → `InProgress`, `HTTPError` → `HTTPError`.
    /// Words are runs of letters and digits; everything else separates them.
    static func upperCamel(_ name: String) -> String {
        words(name).map(capitalizeFirst).joined()
    }

    /// `created_at` → `createdAt`, `IN_PROGRESS` → `inProgress`, `URLPath` → `urlPath`.
    static func lowerCamel(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowerCamel(name) }
        return wordwiseLowerCamel(name)
    }

    /// `lowerCamel` word by word, for any text (the ASCII path must give the same).
    static func wordwiseLowerCamel(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "" }
        return lowercaseLeadingRun(first) + parts.dropFirst().map(capitalizeFirst).joined()
    }

    /// Splits on anything that cannot be part of a Swift identifier word. A word
    /// in capitals only (`IN`, `PROGRESS`) is lowercased so that `IN_PROGRESS`
    /// and `in_progress` read the same; mixed-case words keep their humps.
    static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        var result: [String] = []
        var current = ""
        for ch in name {
            if ch.isLetter || ("0" ... "9").contains(ch) {
                current.append(ch)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result.map { word in
            let letters = word.filter(\.isLetter)
            if !letters.isEmpty && letters.allSatisfy({ $0.isUppercase }) && word.count > 1 { return word.lowercased() }
            return word
        }
    }

    /// `words(name)` for ASCII names (nearly all), on bytes: the same result without looking up
    /// the Unicode properties of every character, which was a tenth of a run for 5,000 tables.
    private static func asciiWords(_ name: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var hasLowercase = false, hasLetter = false
        func flush() {
            guard !current.isEmpty else { return }
            if hasLetter && !hasLowercase && current.count > 1 {
                for i in current.indices where current[i] >= 0x41 && current[i] <= 0x5A { current[i] += 0x20 }
            }
            result.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
            hasLowercase = false
            hasLetter = false
        }
        for byte in name.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A, isLower = byte >= 0x61 && byte <= 0x7A
            if isUpper || isLower || (byte >= 0x30 && byte <= 0x39) {
                current.append(byte)
                hasLetter = hasLetter || isUpper || isLower
                hasLowercase = hasLowercase || isLower
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// `lowerCamel(name)` for an ASCII name, in one buffer: the first word through
    /// `lowercaseLeadingRun`, each later one capitalized.
    private static func asciiLowerCamel(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var start = 0, inWord = false, isFirst = true, hasLetter = false, hasLowercase = false
        /// Ends the word `out[start...]`: a word in capitals only is lowercased (`words`); then the
        /// first word loses its leading capitals (`lowercaseLeadingRun`), the others get one.
        func endWord() {
            guard inWord else { return }
            inWord = false
            let count = out.count - start
            if hasLetter && !hasLowercase && count > 1 {
                for i in start ..< out.count where isUpper(out[i]) { out[i] += 0x20 }
            }
            if isFirst {
                var upper = 0
                while upper < count && isUpper(out[start + upper]) { upper += 1 }
                let cut = (upper > 1 && upper < count && isLower(out[start + upper])) ? upper - 1 : upper
                for i in start ..< start + cut { out[i] += 0x20 }
                isFirst = false
            } else if isLower(out[start]) {
                out[start] -= 0x20
            }
        }
        for byte in name.utf8 {
            if isUpper(byte) || isLower(byte) || (byte >= 0x30 && byte <= 0x39) {
                if !inWord {
                    inWord = true
                    start = out.count
                    hasLetter = false
                    hasLowercase = false
                }
                out.append(byte)
                hasLetter = hasLetter || isUpper(byte) || isLower(byte)
                hasLowercase = hasLowercase || isLower(byte)
            } else {
                endWord()
            }
        }
        endWord()
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    static func capitalizeFirst(_ word: String) -> String {
        if let first = word.utf8.first, first < 0x80 {
            // ASCII first letter: one byte changes.
            guard first >= 0x61 && first <= 0x7A else { return word }
            var bytes = Array(word.utf8)
            bytes[0] -= 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// Lowercases the first letter, or a leading acronym: `URLPath` → `urlPath`, `ID` → `id`.
    static func lowercaseLeadingRun(_ word: String) -> String {
        // A word that starts with an ASCII lowercase letter or digit has no leading run.
        if let first = word.utf8.first, first < 0x80, !(first >= 0x41 && first <= 0x5A) { return word }
        let chars = Array(word)
        var upper = 0
        while upper < chars.count && chars[upper].isUppercase { upper += 1 }
        if upper == 0 { return word }
        // Keep the last capital of a run when a lowercase word follows it (`URLPath`: `url` + `Path`).
        let cut = (upper > 1 && upper < chars.count && chars[upper].isLowercase) ? upper - 1 : upper
        return String(chars[..<cut]).lowercased() + String(chars[cut...])
    }

    // MARK: Singular forms

    /// The singular of the last word of a table name: `analysis_runs` → `analysis_run`,
    /// `categories` → `category`, `statuses` → `status`, `data` → `data`.
    /// Deliberately small: irregular nouns seen in schemas, then the regular English
    /// endings. A wrong guess is fixed with `swift: { name: ... }`.
    static func singular(_ name: String) -> String {
        // Find the last word, keeping whatever precedes it (separators included).
        var end = name.endIndex
        while end > name.startIndex, !name[name.index(before: end)].isLetter { end = name.index(before: end) }
        var start = end
        while start > name.startIndex, name[name.index(before: start)].isLetter { start = name.index(before: start) }
        let word = String(name[start ..< end])
        guard !word.isEmpty else { return name }
        // Only the lowercase part after a camel hump (`UserAccounts` → `Accounts`) is inflected.
        var humpStart = word.startIndex
        for i in word.indices where word[i].isUppercase { humpStart = i }
        let head = String(word[..<humpStart]), tail = String(word[humpStart...])
        let singularTail = singularWord(tail)
        return String(name[..<start]) + head + singularTail + String(name[end...])
    }

    static func singularWord(_ word: String) -> String {
        let lower = word.lowercased()
        func keepCase(_ replacement: String) -> String {
            // Preserve a leading capital of the original word.
            if let first = word.first, first.isUppercase { return capitalizeFirst(replacement) }
            return replacement
        }
        if let irregular = irregularSingulars[lower] { return keepCase(irregular) }
        if uncountable.contains(lower) { return word }
        for suffix in uncountableSuffixes where lower.hasSuffix(suffix) { return word }
        func drop(_ n: Int, add: String = "") -> String { String(word.dropLast(n)) + add }
        if lower.count > 3 && lower.hasSuffix("ies") { return drop(3, add: "y") }
        if lower.hasSuffix("sses") || lower.hasSuffix("shes") || lower.hasSuffix("ches") || lower.hasSuffix("xes") {
            return drop(2)
        }
        if lower.hasSuffix("uses") && lower.count > 5 { return drop(2) }          // statuses, campuses
        if lower.hasSuffix("s") && !lower.hasSuffix("ss") && !lower.hasSuffix("us") && !lower.hasSuffix("is") && lower.count > 1 {
            return drop(1)
        }
        return word
    }

    static let irregularSingulars: [String: String] = [
        "people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse",
        "geese": "goose", "feet": "foot", "teeth": "tooth", "indices": "index", "vertices": "vertex",
        "matrices": "matrix", "criteria": "criterion", "phenomena": "phenomenon", "analyses": "analysis",
        "bases": "base", "theses": "thesis", "crises": "crisis", "diagnoses": "diagnosis", "axes": "axis",
        "leaves": "leaf", "lives": "life", "knives": "knife", "wives": "wife", "halves": "half",
        "shelves": "shelf", "wolves": "wolf", "buses": "bus", "aliases": "alias", "quizzes": "quiz",
        "movies": "movie", "cookies": "cookie", "zombies": "zombie", "ties": "tie", "pies": "pie",
        "lies": "lie", "dies": "die", "responses": "response", "databases": "database", "licenses": "license",
        "courses": "course", "houses": "house", "cases": "case", "purchases": "purchase", "releases": "release",
        "uses": "use", "causes": "cause", "phases": "phase", "clauses": "clause", "expenses": "expense",
        "caches": "cache", "niches": "niche", "heroes": "hero", "potatoes": "potato", "echoes": "echo", "vetoes": "veto",
    ]

    /// Words whose plural is the same word (or that are usually plural-only in schemas).
    static let uncountable: Set<String> = [
        "data", "metadata", "media", "news", "series", "species", "equipment", "information", "feedback",
        "status", "analysis", "sheep", "fish", "deer", "software", "hardware", "staff",
        "analytics", "statistics", "physics", "economics", "ethics", "mathematics", "logistics",
        "access", "progress", "address", "canvas", "corpus", "bus", "campus", "virus", "alias", "atlas", "gas",
        "chassis", "thesis", "basis", "crisis", "axis", "ms", "os", "is", "us", "yes", "this", "plus",
    ]

    /// Endings of words that are not plurals (`business`, `process`, `apparatus`).
    static let uncountableSuffixes = ["ness", "ss", "ware", "data"]

    // MARK: Reserved names

    /// The words that must be escaped with backticks to name a property or a case. Contextual
    /// keywords (`actor`, `async`, `some`, `open`, ...) need no escaping, and escaping them makes
    /// the compiler warn at call sites. `Type` and `Protocol` work only escaped.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_", "Type", "Protocol",
    ]

    /// The words that must be escaped even as an argument label in a call.
    static let labelKeywords: Set<String> = ["inout", "var", "let", "_"]

    /// Names a generated member may not take even with backticks: `self` is
    /// shadowed by an init parameter of that name, and `hashValue` is Hashable's.
    static let unusableMemberNames: Set<String> = ["self", "Self", "hashValue"]

    /// Type names a generated type must not take: the Swift standard library,
    /// Foundation, Concurrency and Synchronization, other modules an application
    /// imports beside the records, and the database libraries' main types (the
    /// integration files use them in the same module). `SwiftNames` adds the
    /// modules the generated code names and schemagen's own support types.
    static let reservedTypeNames: Set<String> = [
        // Swift standard library
        "Any", "AnyObject", "AnyClass", "AnyHashable", "AnyIterator", "AnySequence", "AnyCollection", "Array",
        "ArraySlice", "Bool", "BinaryInteger", "BinaryFloatingPoint", "CaseIterable", "Character", "ClosedRange",
        "Codable", "CodingKey", "CodingKeys", "Collection", "CollectionDifference", "Comparable", "ContiguousArray",
        "Copyable", "CustomStringConvertible", "Decodable", "Decoder", "DecodingError", "Dictionary", "Double",
        "Duration", "Encodable", "Encoder", "EncodingError", "Equatable", "Error", "Escapable", "ExpressibleByArrayLiteral",
        "FixedWidthInteger", "Float", "Float16", "Float80", "FloatingPoint", "Hashable", "Hasher", "Identifiable",
        "Index", "InlineArray", "Int", "Int8", "Int16", "Int32", "Int64", "Int128", "Iterator", "IteratorProtocol",
        "KeyPath", "Mirror", "Never", "Numeric", "ObjectIdentifier", "Optional", "OptionSet", "Protocol", "Range",
        "RangeExpression", "RawRepresentable", "Result", "Self", "Sendable", "Sequence", "Set", "SIMD", "Slice",
        "Span", "StaticString", "Strideable", "String", "StringProtocol", "Substring", "Type", "UInt", "UInt8",
        "UInt16", "UInt32", "UInt64", "UInt128", "Unicode", "Unmanaged", "UnsafePointer", "UnsafeMutablePointer",
        "UnsafeRawPointer", "Void", "Zip2Sequence", "Element", "Key", "Value", "Wrapped",
        // Concurrency and Synchronization
        "Actor", "AnyActor", "AsyncIteratorProtocol", "AsyncSequence", "AsyncStream", "AsyncThrowingStream",
        "Atomic", "CancellationError", "CheckedContinuation", "Clock", "ContinuousClock", "DiscardingTaskGroup",
        "Executor", "ExecutorJob", "GlobalActor", "Job", "MainActor", "Mutex", "SerialExecutor", "SuspendingClock",
        "Task", "TaskExecutor", "TaskGroup", "TaskLocal", "TaskPriority", "ThrowingDiscardingTaskGroup",
        "ThrowingTaskGroup", "UnownedJob", "UnsafeContinuation",
        // Foundation
        "AttributedString", "Bundle", "ByteCountFormatter", "Calendar", "CharacterSet", "Data", "Date",
        "DateComponents", "DateFormatter", "DateInterval", "Decimal", "FileHandle", "FileManager", "FormatStyle",
        "Formatter", "Host", "IndexPath", "IndexSet", "InputStream", "ISO8601DateFormatter", "JSONDecoder",
        "JSONEncoder", "JSONSerialization", "Locale", "Measurement", "Notification", "NotificationCenter",
        "NSObject", "NSString", "NSNumber", "NSError", "NSArray", "NSDictionary", "NSRange", "NSLock",
        "NumberFormatter", "Operation", "OperationQueue", "OutputStream", "PersonNameComponents", "Pipe",
        "Predicate", "Process", "ProcessInfo", "Progress", "PropertyListDecoder", "PropertyListEncoder", "RunLoop",
        "Scanner", "Stream", "Thread", "TimeInterval", "TimeZone", "Timer", "Unit", "URL", "URLComponents",
        "URLQueryItem", "URLRequest", "URLResponse", "URLSession", "UserDefaults", "UUID",
        // Modules beside those the generated files name (`SwiftNames.moduleNames`, added where this list is used)
        "Dispatch", "Logging", "Synchronization",
        // Main types of the database libraries, used unqualified by application code beside the records
        "Row", "Column", "Database", "DatabaseValue", "Record", "Statement", "Table", "ByteBuffer", "EventLoop",
    ]

    // MARK: Validation and escaping

    /// True when `name` can stand as a Swift identifier (with backticks if it is a keyword).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        guard first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0 == "_" || ("0" ... "9").contains($0) }
    }

    /// The identifier as it must be written in a declaration or a member access.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// The name as an argument label of a call (`Row(default: 1)` needs no backticks).
    static func label(_ name: String) -> String {
        labelKeywords.contains(name) ? "`\(name)`" : name
    }

    /// A Swift string literal with everything escaped that a literal cannot hold as is.
    static func stringLiteral(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendStringLiteral(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `stringLiteral(text)` appended as UTF-8 to `out`, byte by byte: only ASCII bytes and the
    /// line and paragraph separators (E2 80 A8, E2 80 A9) are escaped, so the other bytes of a
    /// multi-byte character are copied as they are.
    static func appendStringLiteral(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            // Bytes that need no escape are copied a run at a time.
            var run = 0, i = 0
            func flush() {
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< i])) }
            }
            while i < utf8.count {
                let byte = utf8[i]
                // Most bytes need nothing: printable ASCII other than `"` and `\`, and the bytes of
                // multi-byte characters other than the E2 that may start a line separator.
                if (byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C) || (byte >= 0x80 && byte != 0xE2) {
                    i += 1
                    continue
                }
                let escape: StaticString
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00: escape = "\\0"
                case 0x01 ..< 0x20, 0x7F:
                    flush()
                    appendUnicodeEscape(UInt32(byte), to: &out)
                    i += 1
                    run = i
                    continue
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    flush()
                    appendUnicodeEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    i += 3
                    run = i
                    continue
                default:
                    i += 1
                    continue
                }
                flush()
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                i += 1
                run = i
            }
            flush()
        }
        out.append(0x22)
    }

    /// `\u{1f}`: lowercase hex digits, no leading zeros.
    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: "\\u{".utf8)
        out.append(contentsOf: String(value, radix: 16).utf8)
        out.append(0x7D)
    }

    /// The `#`s of a raw multi-line literal that holds `text` exactly, or nil when such a
    /// literal cannot: a control character other than tab, a line separator, or a line that
    /// ends in a space or tab (invisible, and removed by many editors). The count is the
    /// smallest for which neither `"` nor `\\` followed by that many `#` occurs in the text.
    static func rawMultilineHashes(_ text: String) -> String? {
        var previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if previous == " " || previous == "\t" { return nil }
            case "\t":
                break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80 ... 0x9F).contains(scalar.value)
                    || (0x2028 ... 0x2029).contains(scalar.value) { return nil }
            }
            previous = scalar
        }
        if previous == " " || previous == "\t" { return nil }
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes
    }

    /// Without leading and trailing spaces and line breaks.
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first ... last])
    }

    /// A comment line's text: line breaks become spaces so a comment never ends early.
    static func commentText(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendCommentText(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `commentText(text)` appended as UTF-8 to `out`: LF, CR, VT, FF, NEL (C2 85) and the line
    /// and paragraph separators (E2 80 A8, E2 80 A9) each become one space.
    static func appendCommentText(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            // Bytes that stay are copied a run at a time; a line break (1 to 3 bytes) becomes a space.
            var run = 0, i = 0
            while i < utf8.count {
                let byte = utf8[i]
                var width = 0
                switch byte {
                case 0x0A, 0x0D, 0x0B, 0x0C: width = 1
                case 0xC2 where i + 1 < utf8.count && utf8[i + 1] == 0x85: width = 2
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9): width = 3
                default:
                    i += 1
                    continue
                }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< i])) }
                out.append(0x20)
                i += width
                run = i
            }
            if run < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< utf8.count])) }
        }
    }
}
