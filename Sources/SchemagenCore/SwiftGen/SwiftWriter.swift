/// An indenting text buffer for generated Swift: four spaces per level,
/// no trailing whitespace, one newline at the end of every line.
struct SwiftWriter {
    private(set) var text = ""
    /// The indentation of the current level, kept rather than rebuilt for every line
    /// (the writer emits tens of megabytes for thousands of tables).
    private var indent = ""
    private var level = 0 {
        didSet { indent = String(repeating: "    ", count: level) }
    }

    init() {}

    mutating func line(_ s: String = "") {
        if !s.isEmpty {
            text += indent
            text += s
        }
        text += "\n"
    }

    /// Several lines of pre-formatted text (a support type), each indented to the current level.
    mutating func lines(_ block: String) {
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            self.line(String(line))
        }
    }

    /// `opener {`, the body one level deeper, `}`.
    mutating func block(_ opener: String, _ body: (inout SwiftWriter) -> Void) {
        line(opener + " {")
        level += 1
        body(&self)
        level -= 1
        line("}")
    }

    /// `///` lines; an empty string gives a bare `///` separating paragraphs.
    mutating func doc(_ paragraphs: [String]) {
        for p in paragraphs {
            line(p.isEmpty ? "///" : "/// " + SwiftIdentifiers.commentText(p))
        }
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
