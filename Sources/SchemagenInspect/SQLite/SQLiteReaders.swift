import SchemagenCore

/// The FTS5 external-content tables `search` creates: `CREATE VIRTUAL TABLE t_fts USING fts5(a, b, content='t', content_rowid='rowid')`.
enum SQLiteSearchReader {
    struct Search {
        var fts: String
        var columns: [String]
    }

    /// The search of each content table, by the content table's name (only FTS5 tables named as `search` names them).
    static func searches(_ virtualTables: [SQLiteInspector.Object]) -> [String: Search] {
        var out: [String: Search] = [:]
        for object in virtualTables {
            let tokens = SQLTokens(object.sql, dialect: .sqlite)
            let t = tokens.tokens
            guard let using = tokens.find("USING", from: 0), using + 2 < t.count, t[using + 1].isKeyword("FTS5"), t[using + 2].text == "(",
                  let close = tokens.closing(using + 2) else { continue }
            var columns: [String] = []
            var content: String?
            for item in tokens.items(inside: using + 2, close) {
                if item.count == 3, t[item.lowerBound].isKeyword("CONTENT"), t[item.lowerBound + 1].text == "=" {
                    content = SQLiteInspector.stringLiteral(t[item.upperBound].text)
                } else if item.count == 1 {
                    columns.append(t[item.lowerBound].name)
                }
            }
            if let content, object.name == Naming.ftsTable(table: content) { out[content] = Search(fts: object.name, columns: columns) }
        }
        return out
    }
}

/// `CREATE [UNIQUE] INDEX name ON table (parts) [WHERE predicate]` as the model's index.
enum SQLiteIndexReader {
    /// Nil when the format cannot say it (an expression before a column: the format lists columns first).
    static func index(_ sql: String) -> Index? {
        let tokens = SQLTokens(sql, dialect: .sqlite)
        let t = tokens.tokens
        guard t.count > 4, let on = tokens.find("ON", from: 2, depth: 0), on + 2 < t.count, t[on + 2].text == "(",
              let close = tokens.closing(on + 2) else { return nil }
        var nameIndex = on - 1
        if t[nameIndex].text == "." { nameIndex = on - 1 }
        var index = Index(name: t[nameIndex].name, parts: [], unique: t[1].isKeyword("UNIQUE"))
        for item in tokens.items(inside: on + 2, close) {
            guard let part = part(item, tokens) else { return nil }
            if case .column = part, index.parts.contains(where: { $0.columnName == nil }) { return nil }
            index.parts.append(part)
        }
        if let whereIndex = tokens.find("WHERE", from: close, depth: 0), whereIndex + 1 < t.count {
            index.predicate = tokens.source(whereIndex + 1, through: t.count - 1)
        }
        return index
    }

    /// `name [ASC|DESC]` is a column (when the format can name it); `(expr)` or anything else an expression.
    static func part(_ item: ClosedRange<Int>, _ tokens: SQLTokens) -> IndexPart? {
        let t = tokens.tokens
        let first = t[item.lowerBound]
        if first.isName, item.count <= 2, SchemaYAMLWriter.canNameIndexColumn(first.name) {
            if item.count == 1 { return .column(name: first.name, descending: false, nulls: nil) }
            let order = t[item.upperBound]
            if order.isKeyword("DESC") || order.isKeyword("ASC") { return .column(name: first.name, descending: order.isKeyword("DESC"), nulls: nil) }
        }
        if first.text == "(", tokens.closing(item.lowerBound) == item.upperBound {
            return .expression(tokens.source(item.lowerBound + 1, through: item.upperBound - 1))
        }
        return .expression(tokens.source(item.lowerBound, through: item.upperBound))
    }
}
