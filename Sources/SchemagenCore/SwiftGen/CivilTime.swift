/// Calendar arithmetic without Foundation, for turning date and timestamp
/// literals of the schema into Swift defaults. The generated code carries the
/// same algorithms (days from civil and back, proleptic Gregorian, after
/// Howard Hinnant's `chrono`-compatible date algorithms), so both agree.
enum CivilTime {
    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD` with a valid month and day.
    static func parseDate(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1 ... 12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
        return (y, m, d)
    }

    /// `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|+00:00]` as milliseconds since 1970 (UTC);
    /// nil for other offsets or more than millisecond precision.
    static func parseTimestampMilliseconds(_ text: String) -> Int? {
        let chars = Array(text)
        guard chars.count >= 16, chars[10] == "T" || chars[10] == " " || chars[10] == "t" else { return nil }
        guard let (y, m, d) = parseDate(String(chars[0 ..< 10])) else { return nil }
        var rest = String(chars[11...])
        if rest.hasSuffix("Z") || rest.hasSuffix("z") { rest.removeLast() } else if rest.hasSuffix("+00:00") { rest.removeLast(6) }
        var millis = 0
        if let dot = rest.firstIndex(of: ".") {
            let fraction = rest[rest.index(after: dot)...]
            guard !fraction.isEmpty, fraction.count <= 3, fraction.allSatisfy({ ("0" ... "9").contains($0) }) else { return nil }
            millis = Int(fraction.padding(toLength: 3))!
            rest = String(rest[..<dot])
        }
        let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3, fields.allSatisfy({ $0.count == 2 }),
              let h = Int(fields[0]), let mi = Int(fields[1]), h < 24, mi < 60 else { return nil }
        let s = fields.count == 3 ? Int(fields[2]) : 0
        guard let s, s < 60 else { return nil }
        let seconds = daysFromCivil(year: y, month: m, day: d) * 86400 + h * 3600 + mi * 60 + s
        return seconds * 1000 + millis
    }

    /// Milliseconds as a seconds literal: `1704164645678` → `1704164645.678`.
    static func secondsLiteral(milliseconds: Int) -> String {
        let negative = milliseconds < 0
        let magnitude = negative ? -milliseconds : milliseconds
        let whole = magnitude / 1000, fraction = magnitude % 1000
        var text = String(whole)
        if fraction != 0 {
            var f = String(fraction)
            while f.count < 3 { f = "0" + f }
            while f.hasSuffix("0") { f.removeLast() }
            text += "." + f
        }
        return (negative ? "-" : "") + text
    }
}

private extension Substring {
    func padding(toLength length: Int) -> String {
        var s = String(self)
        while s.count < length { s += "0" }
        return s
    }
}
