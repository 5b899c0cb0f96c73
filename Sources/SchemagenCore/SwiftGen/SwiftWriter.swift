/// An indenting text buffer for generated Swift: four spaces per level,
/// no trailing whitespace, one newline at the end of every line.
struct SwiftWriter {
    private(set) var text = ""
    private var level = 0

    init() {}

    mutating func line(_ s: String = "") {
        if s.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: "    ", count: level) + s + "\n"
        }
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
}
