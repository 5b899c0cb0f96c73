import Foundation
import SchemagenCore

/// Test values for every column of every table, built from the schema model rather
/// than written per table: the value depends on the column's type, its nullability,
/// the simple checks on it (`x BETWEEN a AND b`, `x >= n`, `x IN (...)`,
/// `length(x) = n`, `length(x) > 0`), and the foreign keys, which copy the key of a
/// row inserted earlier. The few checks over several columns get a fix-up below.
///
/// Each table gets several rows ("variants"): variant 0 takes the extremes (largest
/// numbers, longest strings, last representable dates, nested JSON, full arrays),
/// variant 1 sets every nullable column to NULL and the rest to their smallest
/// values (lowest numbers, empty strings and arrays, the first dates), and the others
/// vary the values and walk through every enum case.
///
/// A value is kept as a JSON fragment: records are made by `JSONDecoder`, an
/// independent path from the GRDB and PostgresNIO code under test.
struct SampleValues {
    /// Column → JSON fragment; nil is NULL.
    typealias Row = [String: String?]

    let schema: Schema
    private(set) var rows: [String: [Row]] = [:]

    init(schema: Schema) {
        self.schema = schema
        for i in DependencyOrder(schema).tables {
            let table = schema.tables[i]
            rows[table.name] = build(table)
        }
    }

    /// The record of one row, decoded from JSON.
    static func decode<R: Decodable>(_ type: R.Type, _ row: Row) throws -> R {
        let body = row.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\($0.value ?? "null")" }.joined(separator: ",")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do {
            return try decoder.decode(R.self, from: Data("{\(body)}".utf8))
        } catch {
            throw SampleError("cannot decode \(R.self): \(error) from {\(body)}")
        }
    }

    // MARK: Rows

    private func variantCount(_ table: Table) -> Int {
        var count = 3
        for column in table.columns {
            var type = column.type
            if case .array(let element) = type { type = element }
            if case .enumeration(let name) = type, let e = schema.enumType(named: name) {
                count = max(count, e.values.count + 1)
            }
        }
        return count
    }

    private func build(_ table: Table) -> [Row] {
        let checks = ColumnChecks(table)
        var result: [Row] = []
        var usedKeys: Set<[String?]> = []
        for v in 0 ..< variantCount(table) {
            var row: Row = [:]
            for column in table.columns {
                if column.generated != nil { row[column.name] = .some(nil); continue }
                if column.nullable && v == 1 { row[column.name] = .some(nil); continue }
                row[column.name] = .some(value(column, table: table, variant: v, checks: checks))
            }
            // Foreign keys copy a parent row's key; several tries when a unique key would repeat.
            // Unique indexes count too; a partial one over a boolean column (`WHERE is_default`) only
            // for the rows where it is true, other partial ones as if they were total (stricter).
            let keySets: [(columns: [String], condition: String?)] =
                ([table.primaryKey?.columns].compactMap { $0 } + table.uniques.map(\.columns)).map { ($0, nil) }
                + table.indexes.filter(\.unique).map { index in
                    let predicate = index.predicate.map { $0.trimmingCharacters(in: .whitespaces) }
                    let condition = predicate.flatMap { table.column(named: $0)?.type == .bool ? $0 : nil }
                    return (index.parts.compactMap(\.columnName), condition)
                }.filter { !$0.columns.isEmpty }
            var accepted: Row?
            for shift in 0 ..< 64 {
                var candidate = row
                guard assignForeignKeys(&candidate, table: table, variant: v, shift: shift, earlier: result) else { continue }
                Fixups.apply(table.name, &candidate, variant: v)
                let keys: [[String?]] = keySets.enumerated().compactMap { i, set in
                    if let condition = set.condition, candidate[condition] != .some("true") { return nil }
                    return [String(i)] + set.columns.map { name -> String? in candidate[name] ?? nil }
                }
                if keys.allSatisfy({ key in key.dropFirst().contains(where: { $0 == nil }) || !usedKeys.contains(key) }) {
                    keys.forEach { usedKeys.insert($0) }
                    accepted = candidate
                    break
                }
            }
            if let accepted { result.append(accepted) }
        }
        return result
    }

    /// Sets the columns of every foreign key from one row of the referenced table. A later key
    /// that shares a column with an earlier one takes a parent row that agrees on it; two keys
    /// to the same table prefer different rows (the tables forbid self-edges).
    private func assignForeignKeys(_ row: inout Row, table: Table, variant v: Int, shift: Int, earlier: [Row]) -> Bool {
        var fixed: Set<String> = []
        var usedParents: [String: [Int]] = [:]
        for (k, fk) in table.foreignKeys.enumerated() {
            let columns = fk.columns.compactMap { name in table.column(named: name) }
            if columns.allSatisfy(\.nullable) && v == 1 {
                for c in fk.columns where !fixed.contains(c) { row[c] = .some(nil) }
                continue
            }
            let parents = fk.referencedTable == table.name ? earlier : (rows[fk.referencedTable] ?? [])
            let order = parents.indices.map { (($0 + v + shift * (k + 1)) % max(parents.count, 1)) }
            let candidates = order.filter { i in
                zip(fk.columns, fk.referencedColumns).allSatisfy { c, r in !fixed.contains(c) || row[c] == parents[i][r] }
            }
            let preferred = candidates.first { !(usedParents[fk.referencedTable] ?? []).contains($0) } ?? candidates.first
            guard let index = preferred else {
                if columns.allSatisfy(\.nullable) {
                    for c in fk.columns where !fixed.contains(c) { row[c] = .some(nil) }
                    continue
                }
                return false
            }
            usedParents[fk.referencedTable, default: []].append(index)
            for (c, r) in zip(fk.columns, fk.referencedColumns) {
                row[c] = parents[index][r] ?? nil
                fixed.insert(c)
            }
        }
        return true
    }

    // MARK: Values

    private func value(_ column: Column, table: Table, variant v: Int, checks: ColumnChecks) -> String {
        if let allowed = checks.allowed[column.name] { return jsonString(allowed[v % allowed.count]) }
        if column.type.isSerial {
            let max = column.type == .serial ? String(Int32.max) : String(Int64.max)
            return v == 0 ? max : String(v)
        }
        return scalar(column.type, column: column, table: table, variant: v, checks: checks)
    }

    private func scalar(_ type: ColumnType, column: Column, table: Table, variant v: Int, checks: ColumnChecks) -> String {
        switch type {
        case .bool: return v % 2 == 0 ? "true" : "false"
        case .smallint: return integer(Int64(Int16.min), Int64(Int16.max), column, v, checks)
        case .int, .serial: return integer(Int64(Int32.min), Int64(Int32.max), column, v, checks)
        case .bigint, .bigserial: return integer(Int64.min, Int64.max, column, v, checks)
        case .real: return floating(Double(Float.greatestFiniteMagnitude), Double(Float.leastNonzeroMagnitude), column, v, checks, float: true)
        case .double: return floating(Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, column, v, checks, float: false)
        case let .decimal(precision, scale): return decimal(precision ?? 15, scale ?? 4, column, v, checks)
        case .string(let length): return jsonString(text(column, table: table, variant: v, limit: length, checks: checks))
        // Exactly n characters: PostgreSQL pads a shorter value with spaces, and reads the spaces back.
        case .char(let length):
            return jsonString(String((text(column, table: table, variant: v, limit: length, checks: checks) + String(repeating: "·", count: length)).prefix(length)))
        case .text: return jsonString(text(column, table: table, variant: v, limit: nil, checks: checks))
        case .uuid: return jsonString(uuid(table.name, column.name, v))
        case .timestamp, .datetime:
            return String(v < 4 ? SampleValues.milliseconds[v] : SampleValues.milliseconds[2] + Int64(v) * 86_400_123)
        case .unixtime:
            // Whole seconds, given in milliseconds like every date of the JSON.
            return String((v < 4 ? SampleValues.seconds[v] : SampleValues.seconds[2] + Int64(v) * 86_401) * 1000)
        case .date: return jsonString(["9999-12-31", "0001-01-01", "2024-02-29", "1969-12-31", "2000-03-01"][v % 5])
        case .time: return jsonString(["23:59:59", "00:00:00", "12:34:56", "06:07:08"][v % 4])
        case .json: return SampleValues.json[v % SampleValues.json.count]
        case .bytes:
            let bytes: [UInt8] = v == 0 ? Array(0 ... 255) : v % 2 == 1 ? [] : [0x00, 0xFF, 0x5C, 0x27, UInt8(v)]
            return jsonString(Data(bytes).base64EncodedString())
        case .enumeration(let name):
            let values = schema.enumType(named: name)?.values ?? []
            // Variant 1 (NULLs) takes the first case again, so that its other values stay plain;
            // variants 1 to n cover every case.
            let index = v == 0 ? 0 : v - 1
            return jsonString(values[index % values.count])
        case .array(let element):
            let count = [4, 0, 1, 0, 2][v % 5]
            if case .enumeration(let name) = element, let e = schema.enumType(named: name) {
                return "[" + (v == 0 ? e.values : Array(e.values.prefix(count))).map(jsonString).joined(separator: ",") + "]"
            }
            if element == .text || { if case .string = element { return true } else { return false } }() {
                let texts = v == 0 ? SampleValues.arrayTexts : Array(SampleValues.arrayTexts.suffix(count))
                return "[" + texts.map(jsonString).joined(separator: ",") + "]"
            }
            let items = (0 ..< (v == 0 ? 3 : count)).map { i in
                scalar(element, column: Column(name: column.name + "_\(i)", type: element), table: table, variant: v == 0 ? i : v + i, checks: ColumnChecks.none)
            }
            return "[" + items.joined(separator: ",") + "]"
        case .custom(_, _, let swift):
            // Only the custom types of type_tour.yaml: a `[String]`, and a String of 7 characters.
            if swift?.hasPrefix("[") == true { return v % 2 == 1 ? "[]" : "[\"x\",\"ünï\",\"\"]" }
            return jsonString("#" + String(repeating: "0123456789abcdef".map(String.init)[v % 16], count: 6))
        }
    }

    private func integer(_ typeMin: Int64, _ typeMax: Int64, _ column: Column, _ v: Int, _ checks: ColumnChecks) -> String {
        let range = checks.range[column.name]
        func clamp(_ d: Double) -> Int64 { d >= Double(typeMax) ? typeMax : d <= Double(typeMin) ? typeMin : Int64(d) }
        let lo = range.map { clamp($0.lower.rounded(.up)) } ?? typeMin
        let hi = range.map { clamp($0.upper.rounded(.down)) } ?? typeMax
        switch v {
        case 0: return String(hi)
        case 1: return String(lo)
        default:
            let candidate = lo == typeMin ? Int64(v * 37) - 100 : lo + Int64(v)
            return String(min(hi, max(lo, candidate)))
        }
    }

    private func floating(_ greatest: Double, _ least: Double, _ column: Column, _ v: Int, _ checks: ColumnChecks, float: Bool) -> String {
        let range = checks.range[column.name]
        let lo = max(range?.lower ?? -greatest, -greatest), hi = min(range?.upper ?? greatest, greatest)
        let candidates = [hi, lo, 0.1, least, 1.0 / 3.0, -2.5e-8]
        var value = candidates[v % candidates.count]
        if value < lo || value > hi { value = (lo + hi) / 2 }
        // The shortest decimal that reads back as the same Float (or Double).
        return float ? "\(Float(value))" : "\(value)"
    }

    private func decimal(_ precision: Int, _ scale: Int, _ column: Column, _ v: Int, _ checks: ColumnChecks) -> String {
        let integerDigits = max(precision - scale, 0)
        let maxText = (integerDigits > 0 ? String(repeating: "9", count: integerDigits) : "0") + (scale > 0 ? "." + String(repeating: "9", count: scale) : "")
        let maxValue = Double(maxText)!
        let range = checks.range[column.name]
        let hi = range.map { min($0.upper, maxValue) } ?? maxValue
        let lo = range.map { max($0.lower, -maxValue) } ?? -maxValue
        let fraction = scale > 0 ? "0." + String(repeating: "0", count: scale - 1) + "1" : "1"
        let candidates = [hi == maxValue ? maxText : SampleValues.plain(hi), lo == -maxValue ? "-" + maxText : SampleValues.plain(lo),
                          "0.25", fraction, "1.5", "-0.75"]
        for offset in 0 ..< candidates.count {
            let text = candidates[(v + offset) % candidates.count]
            if let d = Double(text), d >= lo, d <= hi, SampleValues.fits(text, integerDigits: integerDigits, scale: scale) { return text }
        }
        return "0"
    }

    private func text(_ column: Column, table: Table, variant v: Int, limit: Int?, checks: ColumnChecks) -> String {
        if let exact = checks.exactLength[column.name] {
            let digits = Array("0123456789abcdef")
            return String(repeating: digits[v % 16], count: exact)
        }
        var value: String
        switch v {
        case 0:
            // As long as the column allows (a long text otherwise), in characters of 1 to 4 UTF-8 bytes.
            let count = limit ?? 5000
            value = "v0·" + String(repeating: SampleValues.unicode, count: count / SampleValues.unicode.count + 1)
            value = String(value.prefix(count))
        case 1:
            value = checks.nonEmpty.contains(column.name) ? "1" : ""
        default:
            value = "v\(v) \(column.name) " + SampleValues.unicode
        }
        if let limit { value = String(value.prefix(limit)) }
        return value
    }

    private func uuid(_ table: String, _ column: String, _ v: Int) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in "\(table).\(column).\(v)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let a = String(hash, radix: 16), b = String(hash &* 0x9E3779B97F4A7C15, radix: 16)
        let hex = Array((String(repeating: "0", count: 16 - a.count) + a + String(repeating: "0", count: 16 - b.count) + b).lowercased())
        return "\(String(hex[0 ..< 8]))-\(String(hex[8 ..< 12]))-\(String(hex[12 ..< 16]))-\(String(hex[16 ..< 20]))-\(String(hex[20 ..< 32]))"
    }

    // MARK: Constants

    /// Single code points only (what PostgreSQL's VARCHAR(n) counts), 1 to 4 UTF-8 bytes, quotes, backslash, control characters.
    static let unicode = "Ünïcødé ✓ 中文 🎉 'q' \"dq\" back\\slash tab\tline\nend % _ ~"

    static let arrayTexts = ["a", "ünï 🎉", "with,comma", "{braces}", "quote\"s", "back\\slash", "", "NULL", " spaced "]

    /// 9999-12-31T23:59:59.999Z, 0001-01-01T00:00:00Z, 2024-02-29T12:34:56.789Z, 1969-12-31T23:59:59.001Z.
    static let milliseconds: [Int64] = [253_402_300_799_999, -62_135_596_800_000, 1_709_210_096_789, -999]
    static let seconds: [Int64] = [253_402_300_799, -62_135_596_800, 1_709_210_096, -1]

    static let json = [
        #"{"unicode":"Ünïcødé 🎉 \"quoted\" \\ \n","nested":{"array":[1,-2.5,true,false,null,"x",{"deep":[[],{}]}],"empty":{}},"largest":1.7976931348623157e308,"smallest":5e-324,"integer":9007199254740991,"negative":-1e-10}"#,
        "{}", "[]", #""just text ✓""#, "42.5", "true", "null", #"[[1,2],[3,[4,[5]]],{"k":"v"}]"#,
    ]

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    static func fits(_ text: String, integerDigits: Int, scale: Int) -> Bool {
        let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].drop { $0 == "0" }
        return whole.count <= integerDigits && (parts.count < 2 || parts[1].count <= scale)
    }
}

/// The simple, single-column checks of a table, as value constraints.
struct ColumnChecks {
    var range: [String: (lower: Double, upper: Double)] = [:]
    var allowed: [String: [String]] = [:]
    var exactLength: [String: Int] = [:]
    var nonEmpty: Set<String> = []

    static let none = ColumnChecks()

    private init() {}

    init(_ table: Table) {
        for check in table.checks {
            let e = check.expression.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let m = match(#"^(\w+) BETWEEN (-?[\d.]+) AND (-?[\d.]+)$"#, e) {
                range[m[0]] = (Double(m[1])!, Double(m[2])!)
            } else if let m = match(#"^(\w+) (>=|>) (-?[\d.]+)$"#, e) {
                let bound = Double(m[2])!
                range[m[0]] = (m[1] == ">" ? bound + 1 : bound, .infinity)
            } else if let m = match(#"^(\w+) IN \((.*)\)$"#, e) {
                allowed[m[0]] = m[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            } else if let m = match(#"^(?:\w+ IS NULL OR )?length\((\w+)\) = (\d+)$"#, e) {
                exactLength[m[0]] = Int(m[1])!
            } else if let m = match(#"^length\((?:trim\()?(\w+)\)?\) > 0$"#, e) {
                nonEmpty.insert(m[0])
            }
        }
    }

    private func match(_ pattern: String, _ text: String) -> [String]? {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1 ..< m.numberOfRanges).map { String(text[Range(m.range(at: $0), in: text)!]) }
    }
}

/// The checks that span several columns of the repository schema, which the generic values
/// above do not know about: each sets the values so that the row is valid.
enum Fixups {
    static func apply(_ table: String, _ row: inout SampleValues.Row, variant v: Int) {
        switch table {
        case "tracked_files":
            // parsing_status = 'failed' OR parsing_error IS NULL
            if row["parsing_status"] != .some(jsonString("failed")) { row["parsing_error"] = .some(nil) }
        case "code_elements":
            // end_line >= start_line
            if let start = row["start_line"] ?? nil, let end = row["end_line"] ?? nil, Int64(end)! < Int64(start)! {
                row["end_line"] = .some(start)
            }
        case "projects":
            // status <> 'archived' OR archived_at IS NOT NULL
            if row["status"] == .some(jsonString("archived")), row["archived_at"] == .some(nil) {
                row["archived_at"] = .some(String(SampleValues.milliseconds[2]))
            }
        case "modifications":
            // status <> 'applied' OR applied_at IS NOT NULL
            if row["status"] == .some(jsonString("applied")), row["applied_at"] == .some(nil) {
                row["applied_at"] = .some(String(SampleValues.milliseconds[2]))
            }
        case "productivity_events":
            // time_saved is generated as traditional_time_estimate - actual_time_taken.
            if let a = row["traditional_time_estimate"] ?? nil, let b = row["actual_time_taken"] ?? nil {
                row["time_saved"] = .some(String(Int64(a)! - Int64(b)!))
            }
        case "values":
            // type_tour.yaml: doubled is generated as small * 2.
            if let small = row["small"] ?? nil { row["doubled"] = .some(String(Int64(small)! * 2)) }
        default:
            break
        }
    }
}

struct SampleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A JSON string literal.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
