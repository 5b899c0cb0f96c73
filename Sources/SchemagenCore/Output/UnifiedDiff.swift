/// A unified diff of two texts, line by line (Myers' algorithm on the part
/// between the common prefix and suffix), for `schemagen check` to show what
/// is stale.
public enum UnifiedDiff {
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let script = editScript(a, b)
        if !script.contains(where: { $0.kind != .same }) { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks with `context` lines around them.
        var i = 0
        while i < script.count {
            guard let firstChange = script[i...].firstIndex(where: { $0.kind != .same }) else { break }
            let start = max(i, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < script.count {
                if script[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            end = min(script.count, lastChange + context + 1)
            let hunk = script[start ..< end]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldLine ?? 0) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for e in hunk {
                switch e.kind {
                case .same: out += " " + a[e.oldLine] + "\n"
                case .delete: out += "-" + a[e.oldLine] + "\n"
                case .insert: out += "+" + b[e.newLine] + "\n"
                }
            }
            i = end
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    static func editScript(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var edits: [Edit] = (0 ..< prefix).map { Edit(kind: .same, oldLine: $0, newLine: $0) }
        let aMid = Array(a[prefix ..< a.count - suffix]), bMid = Array(b[prefix ..< b.count - suffix])
        edits += myers(aMid, bMid).map { Edit(kind: $0.kind, oldLine: $0.oldLine + prefix, newLine: $0.newLine + prefix) }
        for k in 0 ..< suffix {
            edits.append(Edit(kind: .same, oldLine: a.count - suffix + k, newLine: b.count - suffix + k))
        }
        return edits
    }

    /// Myers' O((N+M)D) shortest edit script.
    static func myers(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        if n == 0 { return (0 ..< m).map { Edit(kind: .insert, oldLine: 0, newLine: $0) } }
        if m == 0 { return (0 ..< n).map { Edit(kind: .delete, oldLine: $0, newLine: 0) } }
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0 ... max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) {
                    x = v[max + k + 1]
                } else {
                    x = v[max + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n && y >= m { break outer }
            }
        }
        // Walk the trace back.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1
            let prevX = v[max + prevK]
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                x -= 1; y -= 1
                edits.append(Edit(kind: .same, oldLine: x, newLine: y))
            }
            if d > 0 {
                if x == prevX {
                    y -= 1
                    edits.append(Edit(kind: .insert, oldLine: x, newLine: y))
                } else {
                    x -= 1
                    edits.append(Edit(kind: .delete, oldLine: x, newLine: y))
                }
            }
        }
        return edits.reversed()
    }
}
