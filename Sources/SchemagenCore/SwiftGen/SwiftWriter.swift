/// An indenting byte buffer for generated Swift: four spaces per level, no trailing
/// whitespace, one newline at the end of every line.
///
/// One buffer per output file, appended to as UTF-8 bytes: the files run to tens of
/// megabytes for thousands of tables, and growing a `String` scalar by scalar (or
/// building a `String` per line and appending it) was most of `schemagen swift`'s time.
/// Hot lines are written in pieces (`open`, `put`, `putLiteral`, `close`), so that no
/// intermediate string is made for them.
struct SwiftWriter {
    private(set) var bytes: [UInt8] = []
    private var level = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The file's text (one copy, made once when the file is done).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func line(_ s: String = "") {
        if !s.isEmpty {
            open()
            put(s)
        }
        bytes.append(0x0A)
    }

    // MARK: A line in pieces

    /// Starts a line: its indentation. Follow with `put`s and end with `close()`.
    mutating func open() {
        bytes.append(contentsOf: repeatElement(0x20, count: level * 4))
    }

    /// Text as it is.
    mutating func put(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `text` as a Swift string literal (see `SwiftIdentifiers.stringLiteral`).
    mutating func putLiteral(_ text: String) {
        SwiftIdentifiers.appendStringLiteral(text, to: &bytes)
    }

    /// Text inside a comment: line breaks become spaces (see `SwiftIdentifiers.commentText`).
    mutating func putComment(_ text: String) {
        SwiftIdentifiers.appendCommentText(text, to: &bytes)
    }

    /// Ends the line.
    mutating func close() {
        bytes.append(0x0A)
    }

    // MARK: Blocks

    /// Several lines of pre-formatted text (a support type), each indented to the current level.
    mutating func lines(_ block: String) {
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            self.line(String(line))
        }
    }

    /// `opener {`, the body one level deeper, `}`.
    mutating func block(_ opener: String, _ body: (inout SwiftWriter) -> Void) {
        open()
        put(opener)
        put(" {")
        close()
        level += 1
        body(&self)
        level -= 1
        line("}")
    }

    /// `///` lines; an empty string gives a bare `///` separating paragraphs.
    mutating func doc(_ paragraphs: [String]) {
        for p in paragraphs { doc(p) }
    }

    /// One `///` line (a bare `///` for an empty string), its text made safe for a comment.
    mutating func doc(_ paragraph: String) {
        open()
        if paragraph.isEmpty {
            put("///")
        } else {
            put("/// ")
            SwiftIdentifiers.appendCommentText(paragraph, to: &bytes)
        }
        close()
    }

    /// Wraps the body in `extension Namespace { ... }` when there is a namespace.
    mutating func inNamespace(_ namespace: String?, _ body: (inout SwiftWriter) -> Void) {
        if let namespace {
            block("extension \(namespace)", body)
        } else {
            body(&self)
        }
    }

    /// The body one level deeper, without braces (the elements of an array literal).
    mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    /// `prefix` + an array literal + `suffix`: `[]` when `items` is empty, else `[`, each item
    /// written by `element` one level deeper, `]`.
    mutating func arrayLiteral<Item>(_ items: [Item], prefix: String, suffix: String = "", _ element: (Item, inout SwiftWriter) -> Void) {
        if items.isEmpty {
            line(prefix + "[]" + suffix)
            return
        }
        line(prefix + "[")
        level += 1
        for item in items { element(item, &self) }
        level -= 1
        line("]" + suffix)
    }

    /// `prefix` + `text` as a string literal + `suffix`. Text that reads well as it is (SQL)
    /// becomes a raw multi-line literal (`#"""`) at the current indentation, so a reader
    /// sees it unescaped; text a multi-line literal cannot hold exactly (control characters,
    /// trailing spaces, which a reader cannot see and an editor may strip) becomes a one-line
    /// escaped literal.
    mutating func stringLiteral(_ text: String, prefix: String, suffix: String) {
        guard let hashes = SwiftIdentifiers.rawMultilineHashes(text) else {
            line(prefix + SwiftIdentifiers.stringLiteral(text) + suffix)
            return
        }
        line(prefix + hashes + "\"\"\"")
        for content in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line(String(content))
        }
        line("\"\"\"" + hashes + suffix)
    }
}

/// A generated file in parts: the text before the tables, each table's text, the text after.
///
/// Why parts: for thousands of tables the files run to tens of megabytes, and one file rendered
/// on one thread was the long pole of `schemagen swift`. `render` cuts every file's tables into
/// runs and renders all the runs of all the files side by side, then joins each file's parts in
/// order, so the result is byte for byte what rendering each file in one go would give.
struct SwiftFile {
    let head: (inout SwiftWriter) -> Void
    /// Nil for a file without a part per table (the enums, an integration that is off).
    let table: ((TablePlan, inout SwiftWriter) -> Void)?
    let tail: (inout SwiftWriter) -> Void

    /// Each file's text, in order. `tablesPerRun`: enough that a run's work outweighs starting it,
    /// few enough that the runs of all files share two or more cores evenly.
    static func render(_ files: [SwiftFile], plans: [TablePlan], tablesPerRun run: Int) -> [String] {
        enum Part { case head, tables(Range<Int>), tail }
        var parts: [(file: Int, part: Part)] = []
        for (i, file) in files.enumerated() {
            parts.append((i, .head))
            if file.table != nil {
                for start in stride(from: 0, to: plans.count, by: run) { parts.append((i, .tables(start ..< min(plans.count, start + run)))) }
            }
            parts.append((i, .tail))
        }
        let rendered = SideBySide.map(parts.count) { index -> [UInt8] in
            let (i, part) = parts[index]
            var w = SwiftWriter()
            switch part {
            case .head: files[i].head(&w)
            case .tail: files[i].tail(&w)
            case .tables(let range):
                for plan in plans[range] {
                    w.line()
                    w.line("// MARK: - \(plan.table.name)")
                    w.line()
                    files[i].table!(plan, &w)
                }
            }
            return w.bytes
        }
        var partsOf = Array(repeating: [Int](), count: files.count)
        for (index, part) in parts.enumerated() { partsOf[part.file].append(index) }
        // Each file's parts are copied once, straight into its string's storage, the files side by side.
        return SideBySide.map(files.count) { file in
            let indices = partsOf[file]
            return String(unsafeUninitializedCapacity: indices.reduce(0) { $0 + rendered[$1].count }) { storage in
                var offset = 0
                for index in indices {
                    let bytes = rendered[index]
                    _ = UnsafeMutableBufferPointer(rebasing: storage[offset...]).initialize(from: bytes)
                    offset += bytes.count
                }
                return offset
            }
        }
    }
}
