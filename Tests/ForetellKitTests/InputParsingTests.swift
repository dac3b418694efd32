import Foundation
import Testing
@testable import ForetellKit

/// Expected values come from the contract (cli.md) and hand calculation.
@Suite struct ProbabilityInputTests {
    @Test(arguments: [
        ("0.2", 0.2), (".2", 0.2), ("20%", 0.2), ("20 %", 0.2), ("12.5%", 0.125), ("0", 0.0), ("1", 1.0),
        ("100%", 1.0), ("0%", 0.0), ("1:4", 0.2), ("3:1", 0.75), (" 0.35 ", 0.35), ("1.0", 1.0),
    ])
    func accepts(text: String, expected: Double) throws {
        #expect(abs(try ProbabilityInput.parse(text) - expected) < 1e-12)
    }

    @Test(arguments: ["1.5", "-0.1", "abc", "NaN", "nan", "inf", "-inf", "1e-3", "0x1p-2", "", "%", "101%",
                      "99999999999999999999%", "1:", ":4", "0:0", "-1:3", "20%%", "2,5"])
    func refuses(text: String) {
        #expect(throws: InputError.self) { try ProbabilityInput.parse(text) }
    }

    @Test func bareWholeNumberIsAmbiguous() {
        #expect(throws: InputError.probabilityAmbiguous("20")) { try ProbabilityInput.parse("20") }
        #expect(throws: InputError.probabilityAmbiguous("100")) { try ProbabilityInput.parse("100") }
    }

    @Test func messagesSayHowToFix() {
        #expect(InputError.probabilityAmbiguous("20").description.contains("20%"))
        #expect(InputError.probabilityOutOfRange("1.5").description.contains("0.2, 20% or odds 1:4"))
    }
}

@Suite struct DateInputTests {
    @Test(arguments: [
        ("2026-12-31", "2026-12-31"), ("2026", "2026-12-31"), ("2026-06", "2026-06-30"), ("2024-02", "2024-02-29"),
        ("2100-02", "2100-02-28"), ("2000-02", "2000-02-29"), ("2026-01", "2026-01-31"), ("0001-01-01", "0001-01-01"),
    ])
    func deadlines(text: String, expected: String) throws {
        #expect(try DateInput.deadline(text).description == expected)
    }

    @Test(arguments: ["2026-13-45", "someday", "2026-02-30", "2026-00-10", "26", "2026-6", "20260101", "", "2026-06-31",
                      "0000", "2026-1-01", "２０２６"])
    func refusesDeadlines(text: String) {
        #expect(throws: InputError.self) { try DateInput.deadline(text) }
    }

    @Test func madeOnKeepsPrecisionAsGiven() throws {
        let day = try DateInput.moment("2026-01-10")
        #expect(day.text == "2026-01-10" && !day.hasTime)
        let stamp = try DateInput.moment("2025-03-14T22:12:07Z")
        #expect(stamp.text == "2025-03-14T22:12:07Z" && stamp.hasTime)
    }

    @Test(arguments: ["2026-01-10T25:00:00Z", "2026-01-10T10:60Z", "2026-01-10T10:00:00+19:00", "2026-01-10X10:00",
                      "2026-01-10T10", "2026-01-10T10:00:00.Z", "2026-01-10T10:00:00+0", "2026-01-10T10:00:00ZZ"])
    func refusesMalformedTimestamps(text: String) {
        #expect(throws: InputError.self) { try DateInput.moment(text) }
    }
}

/// Calendar arithmetic checked against Foundation's Gregorian calendar, an independent implementation.
@Suite struct CalendarTests {
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    @Test func daysSinceEpochMatchFoundation() throws {
        var components = DateComponents()
        // Foundation turns Julian before October 1582; ISO 8601 days are proleptic Gregorian, so compare
        // from 1583 (day -140,942) to 9999-12-31 (day 2,932,896).
        for offset in stride(from: -140_942, through: 2_932_896, by: 997) {
            let day = try #require(Day(daysSinceEpoch: offset))
            components.year = day.year
            components.month = day.month
            components.day = day.day
            let date = try #require(calendar.date(from: components))
            #expect(Int(date.timeIntervalSince1970 / 86_400) == offset, "\(day)")
            #expect(day.daysSinceEpoch == offset)
        }
    }

    @Test func addingYearsAndMonthsMatchesFoundation() throws {
        for (text, years, months) in [("2026-01-10", 5, 0), ("2024-02-29", 1, 0), ("2026-01-31", 0, 1), ("2026-12-15", 0, 3),
                                      ("2026-03-31", 0, -1), ("2000-02-29", 100, 0)] {
            let day = try #require(Day(iso: text))
            let date = try #require(calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)))
            let expected = try #require(calendar.date(byAdding: DateComponents(year: years, month: months), to: date))
            let got = try #require(day.adding(years: years)?.adding(months: months))
            let parts = calendar.dateComponents([.year, .month, .day], from: expected)
            #expect([got.year, got.month, got.day] == [parts.year, parts.month, parts.day], "\(text) + \(years)y \(months)m")
        }
    }

    @Test func momentsMatchFoundationISO8601() throws {
        let formatter = ISO8601DateFormatter()
        for text in ["2025-03-14T22:12:07Z", "2026-01-10T09:30:00+01:00", "1999-12-31T23:59:59-05:30", "2024-02-29T00:00:00Z"] {
            let expected = try #require(formatter.date(from: text))
            #expect(Moment.parse(text)?.milliseconds == Int64(expected.timeIntervalSince1970 * 1000), "\(text)")
        }
        // Fractional seconds beyond milliseconds, a space separator and an hours-only offset (Metaculus's form).
        #expect(Moment.parse("2025-03-14 22:12:07.763148+00")?.milliseconds == 1_741_990_327_763)
        #expect(Moment.parse("2008-06-20 03:46:16+00:00")?.milliseconds == 1_213_933_576_000)
    }

    @Test func bareDayResolvesAtItsEnd() throws {
        let day = try #require(Moment.parse("2026-01-10"))
        #expect(day.milliseconds == 1_768_003_200_000)
        #expect(day.resolutionMilliseconds == 1_768_003_200_000 + 86_400_000 - 1)
    }

    @Test func extremesDoNotTrap() {
        #expect(Day(daysSinceEpoch: -719_163) == nil)
        #expect(Day(daysSinceEpoch: -719_162)?.description == "0001-01-01")
        #expect(Day(daysSinceEpoch: 2_932_896)?.description == "9999-12-31")
        #expect(Day(daysSinceEpoch: Int.max) == nil)
        #expect(Day(daysSinceEpoch: Int.min) == nil)
        #expect(Day(iso: "9999-12-31")?.adding(days: 1) == nil)
        #expect(Day(iso: "0001-01-01")?.adding(months: -1) == nil)
        #expect(Day(iso: "2026-01-01")?.adding(years: Int.max) == nil)
    }

    /// Moment(milliseconds: Int64.min) overflowed while flooring to a day (the fuzzer's second find).
    @Test func instantsOutsideTheCalendarAreClampedToIt() {
        #expect(Moment(milliseconds: .min).text == "0001-01-01T00:00:00Z")
        #expect(Moment(milliseconds: .max).text == "9999-12-31T23:59:59Z")
        // -1 ms is the last second of 1969; clamping leaves ordinary instants alone.
        #expect(Moment(milliseconds: -1).text == "1969-12-31T23:59:59Z")
        #expect(Moment(milliseconds: 1_741_990_327_000).text == "2025-03-14T22:12:07Z")
    }
}

@Suite struct OutcomeTests {
    @Test func parsesWordsCaseInsensitively() throws {
        #expect(try Outcome.parse("YES") == .yes)
        #expect(try Outcome.parse("annulled") == .annulled)
        #expect(throws: InputError.unknownOutcome("maybe")) { try Outcome.parse("maybe") }
        #expect(Outcome.allCases.filter(\.isScored) == [.yes, .no])
    }
}
