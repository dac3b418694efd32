import Foundation

/// A calendar day in the proleptic Gregorian calendar, with no time zone: the unit of deadlines.
///
/// Arithmetic uses Howard Hinnant's days-from-civil algorithm, so it needs no `Calendar` and cannot
/// overflow for the years it accepts (1 through 9999).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public static let yearRange = 1...9999

    public init?(year: Int, month: Int, day: Int) {
        guard Self.yearRange.contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Day(isoBytes: $0) } ?? Day(isoBytes: Array(text.utf8))
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes.
    init?<Bytes: RandomAccessCollection>(isoBytes bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = Day.digits(bytes[start..<start + 4]), let month = Day.digits(bytes[start + 5..<start + 7]),
              let day = Day.digits(bytes[start + 8..<start + 10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func lastDay(ofYear year: Int) -> Day? { Day(year: year, month: 12, day: 31) }

    public static func lastDay(ofMonth month: Int, year: Int) -> Day? {
        guard (1...12).contains(month), yearRange.contains(year) else { return nil }
        return Day(year: year, month: month, day: daysIn(month: month, year: year))
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` after 1970-01-01, or nil outside years 1 through 9999.
    public init?(daysSinceEpoch days: Int) {
        guard days > -1_000_000_000, days < 1_000_000_000 else { return nil }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> Day? {
        guard abs(days) < 10_000_000 else { return nil }
        return Day(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Adds calendar months, clamping to the end of a shorter month (Jan 31 + 1 month = Feb 28/29).
    public func adding(months: Int) -> Day? {
        guard abs(months) < 200_000 else { return nil }
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        guard Day.yearRange.contains(newYear) else { return nil }
        return Day(year: newYear, month: newMonth, day: min(day, Day.daysIn(month: newMonth, year: newYear)))
    }

    public func adding(years: Int) -> Day? {
        guard abs(years) < 20_000 else { return nil }
        return adding(months: years * 12)
    }

    /// Midnight UTC at the start of this day, in milliseconds since the epoch.
    public var startMilliseconds: Int64 { Int64(daysSinceEpoch) * 86_400_000 }

    /// The last millisecond of this day, UTC.
    public var endMilliseconds: Int64 { startMilliseconds + 86_400_000 - 1 }

    /// Today in the local time zone (``LocalTime``): the day on the user's calendar, which west
    /// of UTC in the evening is not the UTC date.
    public static func today(now: Date = Date()) -> Day {
        LocalTime.day(ofMilliseconds: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// `YYYY-MM-DD` (years are 1 through 9999), written digit by digit: every row of an import
    /// spells a day or two.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for offset in stride(from: start + width - 1, through: start, by: -1) {
                    buffer[offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            put(month, at: 5, width: 2)
            put(day, at: 8, width: 2)
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            return 10
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func digits<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }
}
