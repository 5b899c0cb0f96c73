import Foundation
import Testing
import WorkflowRecords

/// The two value types generated into Records.swift beside the records.
@Suite struct SupportTypeTests {
    typealias JSON = Workflow.JSONValue
    typealias Day = Workflow.CalendarDate

    @Test func jsonKeepsBooleansAndNumbersApartAndIgnoresKeyOrder() throws {
        func decode(_ text: String) throws -> JSON { try JSONDecoder().decode(JSON.self, from: Data(text.utf8)) }
        #expect(try decode("1") == .number(1))
        #expect(try decode("true") == .bool(true))
        #expect(try decode("[1,true,0,false,null]") == [1, true, 0, false, .null])
        #expect(try decode(#"{"a":1,"b":[{}]}"#) == decode(#"{"b":[{}],"a":1}"#))
        #expect(try decode(#""ünï""#) == "ünï")
        #expect(try decode("1.7976931348623157e308") == .number(.greatestFiniteMagnitude))
        let value: JSON = ["k": [1.5, "x", ["nested": true]], "empty": [:]]
        #expect(try decode(String(decoding: JSONEncoder().encode(value), as: UTF8.self)) == value)
    }

    @Test func calendarDatesCountDaysLikeTheProlepticGregorianCalendar() throws {
        #expect(Day(daysSince1970: 0) == Day(year: 1970, month: 1, day: 1))
        #expect(Day(year: 2000, month: 3, day: 1).daysSince1970 == 11017)
        #expect(Day(year: 1, month: 1, day: 1).daysSince1970 == -719162)
        #expect(Day(year: 9999, month: 12, day: 31).daysSince1970 == 2932896)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        for days in stride(from: -200_000, through: 200_000, by: 997) {
            let day = Day(daysSince1970: days)
            #expect(day.daysSince1970 == days)
            #expect(Day(day.description) == day)
            // Foundation's Gregorian calendar switches to the Julian one before 1582-10-15; PostgreSQL does not.
            guard days >= Day(year: 1582, month: 10, day: 15).daysSince1970 else { continue }
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86400))
            #expect(parts.year == day.year && parts.month == day.month && parts.day == day.day, "\(day)")
        }
    }

    @Test func calendarDatesParseOnlyRealDays() throws {
        #expect(Day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
        for text in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "24-01-01", "2024-01-01T00:00", ""] {
            #expect(Day(text) == nil, "\(text)")
        }
        #expect(Day("0999-01-01")?.description == "0999-01-01")
        #expect(try JSONDecoder().decode([Day].self, from: Data(#"["2024-02-29"]"#.utf8)) == [Day(year: 2024, month: 2, day: 29)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2024-02-30"]"#.utf8)) }
        let utc = TimeZone(secondsFromGMT: 0)!, tokyo = TimeZone(secondsFromGMT: 9 * 3600)!
        let instant = Date(timeIntervalSince1970: 1_709_251_200 - 1)   // 2024-02-29T23:59:59Z
        #expect(Day(instant, in: utc) == Day(year: 2024, month: 2, day: 29))
        #expect(Day(instant, in: tokyo) == Day(year: 2024, month: 3, day: 1))
        #expect(Day(year: 2024, month: 3, day: 1).date(in: tokyo) == Date(timeIntervalSince1970: 1_709_251_200 - 9 * 3600))
    }
}
