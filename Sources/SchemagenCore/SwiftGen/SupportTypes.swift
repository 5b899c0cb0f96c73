/// The two value types the plain records need beyond Foundation, generated
/// into `Records.swift` so the records compile with Foundation only:
/// `JSONValue` for `json` columns and `CalendarDate` for `date` columns.
///
/// They are written as source text with `ACCESS ` standing for the configured
/// access modifier. The day arithmetic matches `CivilTime`, which the generator
/// uses for date literals.
enum SupportTypes {
    static func jsonValue(access: String) -> String {
        """
        /// A JSON document: the Swift form of `json` columns (JSONB on PostgreSQL, JSON text on SQLite).
        ///
        /// Objects compare equal whatever the order of their keys (PostgreSQL's JSONB does not keep it).
        /// Numbers are IEEE doubles, as in JavaScript (RFC 8259, section 6): integers beyond 2^53 lose precision.
        ACCESS enum JSONValue: Swift.Hashable, Swift.Sendable, Swift.Codable, Swift.ExpressibleByBooleanLiteral,
            Swift.ExpressibleByIntegerLiteral, Swift.ExpressibleByFloatLiteral, Swift.ExpressibleByStringLiteral,
            Swift.ExpressibleByArrayLiteral, Swift.ExpressibleByDictionaryLiteral
        {
            case null
            case bool(Swift.Bool)
            case number(Swift.Double)
            case string(Swift.String)
            case array([JSONValue])
            case object([Swift.String: JSONValue])

            ACCESS init(from decoder: any Swift.Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() {
                    self = .null
                } else if let value = try? container.decode(Swift.Bool.self) {
                    self = .bool(value)
                } else if let value = try? container.decode(Swift.Double.self) {
                    self = .number(value)
                } else if let value = try? container.decode(Swift.String.self) {
                    self = .string(value)
                } else if let value = try? container.decode([JSONValue].self) {
                    self = .array(value)
                } else if let value = try? container.decode([Swift.String: JSONValue].self) {
                    self = .object(value)
                } else {
                    throw Swift.DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value.")
                }
            }

            ACCESS func encode(to encoder: any Swift.Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .null: try container.encodeNil()
                case .bool(let value): try container.encode(value)
                case .number(let value): try container.encode(value)
                case .string(let value): try container.encode(value)
                case .array(let value): try container.encode(value)
                case .object(let value): try container.encode(value)
                }
            }

            ACCESS init(booleanLiteral value: Swift.Bool) { self = .bool(value) }
            ACCESS init(integerLiteral value: Swift.Int) { self = .number(Swift.Double(value)) }
            ACCESS init(floatLiteral value: Swift.Double) { self = .number(value) }
            ACCESS init(stringLiteral value: Swift.String) { self = .string(value) }
            ACCESS init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
            ACCESS init(dictionaryLiteral elements: (Swift.String, JSONValue)...) {
                self = .object(Swift.Dictionary(elements, uniquingKeysWith: { _, last in last }))
            }
        }
        """.replacingOccurrencesOfAccess(with: access)
    }

    static func calendarDate(access: String) -> String {
        """
        /// A day of the (proleptic Gregorian) calendar, without a time or a time zone: the Swift form of
        /// `date` columns (PostgreSQL DATE, SQLite `YYYY-MM-DD` text). Codable as that text.
        ACCESS struct CalendarDate: Swift.Hashable, Swift.Comparable, Swift.Sendable, Swift.Codable,
            Swift.LosslessStringConvertible
        {
            ACCESS var year: Swift.Int
            ACCESS var month: Swift.Int
            ACCESS var day: Swift.Int

            /// Traps on a day that does not exist (`2023-02-29`); `init?(_:)` checks text without trapping.
            ACCESS init(year: Swift.Int, month: Swift.Int, day: Swift.Int) {
                precondition(CalendarDate.isValid(year: year, month: month, day: day), "\\(year)-\\(month)-\\(day) is not a calendar date")
                self.year = year
                self.month = month
                self.day = day
            }

            /// Parses `YYYY-MM-DD` (a year of four or more digits, `-` before a year before 1 AD).
            ACCESS init?(_ description: Swift.String) {
                var text = Swift.Substring(description)
                let negative = text.hasPrefix("-")
                if negative { text = text.dropFirst() }
                let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 3, parts[0].count >= 4, parts[1].count == 2, parts[2].count == 2,
                      parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
                      let year = Swift.Int(parts[0]), let month = Swift.Int(parts[1]), let day = Swift.Int(parts[2]),
                      CalendarDate.isValid(year: negative ? -year : year, month: month, day: day) else { return nil }
                self.year = negative ? -year : year
                self.month = month
                self.day = day
            }

            /// The day `date` falls on in `timeZone` (UTC unless given).
            ACCESS init(_ date: Foundation.Date, in timeZone: Foundation.TimeZone = Foundation.TimeZone(secondsFromGMT: 0)!) {
                let seconds = date.timeIntervalSince1970 + Swift.Double(timeZone.secondsFromGMT(for: date))
                self.init(daysSince1970: Swift.Int((seconds / 86400).rounded(.down)))
            }

            /// The day that is `days` days after 1970-01-01 (before it when negative).
            ACCESS init(daysSince1970 days: Swift.Int) {
                let z = days + 719468
                let era = (z >= 0 ? z : z - 146096) / 146097
                let doe = z - era * 146097
                let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
                let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
                let mp = (5 * doy + 2) / 153
                self.day = doy - (153 * mp + 2) / 5 + 1
                self.month = mp < 10 ? mp + 3 : mp - 9
                self.year = yoe + era * 400 + (self.month <= 2 ? 1 : 0)
            }

            /// Days since 1970-01-01, negative before it.
            ACCESS var daysSince1970: Swift.Int {
                let y = month <= 2 ? year - 1 : year
                let era = (y >= 0 ? y : y - 399) / 400
                let yoe = y - era * 400
                let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
                let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
                return era * 146097 + doe - 719468
            }

            /// Midnight at the start of the day in `timeZone` (UTC unless given).
            ACCESS func date(in timeZone: Foundation.TimeZone = Foundation.TimeZone(secondsFromGMT: 0)!) -> Foundation.Date {
                let midnightUTC = Foundation.Date(timeIntervalSince1970: Swift.Double(daysSince1970) * 86400)
                return midnightUTC.addingTimeInterval(-Swift.Double(timeZone.secondsFromGMT(for: midnightUTC)))
            }

            /// `YYYY-MM-DD`.
            ACCESS var description: Swift.String {
                func pad(_ value: Swift.Int, _ width: Swift.Int) -> Swift.String {
                    let digits = Swift.String(value)
                    return Swift.String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
                }
                return (year < 0 ? "-" : "") + pad(Swift.abs(year), 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            }

            ACCESS static func isValid(year: Swift.Int, month: Swift.Int, day: Swift.Int) -> Swift.Bool {
                guard month >= 1 && month <= 12 && day >= 1 else { return false }
                let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
                let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                return day <= lengths[month - 1]
            }

            ACCESS static func < (a: CalendarDate, b: CalendarDate) -> Swift.Bool {
                (a.year, a.month, a.day) < (b.year, b.month, b.day)
            }

            ACCESS init(from decoder: any Swift.Decoder) throws {
                let container = try decoder.singleValueContainer()
                let text = try container.decode(Swift.String.self)
                guard let value = CalendarDate(text) else {
                    throw Swift.DecodingError.dataCorruptedError(in: container, debugDescription: "'\\(text)' is not a YYYY-MM-DD date.")
                }
                self = value
            }

            ACCESS func encode(to encoder: any Swift.Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(description)
            }
        }
        """.replacingOccurrencesOfAccess(with: access)
    }
}

extension String {
    /// Replaces every `ACCESS ` placeholder with the access modifier and its space (or nothing).
    func replacingOccurrencesOfAccess(with access: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(ofText: "ACCESS ") {
            out += rest[..<range.lowerBound]
            out += access
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

private extension Substring {
    /// The range of the first occurrence of `needle` (Foundation-free).
    func firstRange(ofText needle: String) -> Range<Substring.Index>? {
        let n = Array(needle)
        guard !n.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == n[0] {
                var j = i, k = 0
                while k < n.count, j < endIndex, self[j] == n[k] { j = index(after: j); k += 1 }
                if k == n.count { return i ..< j }
            }
            i = index(after: i)
        }
        return nil
    }
}
