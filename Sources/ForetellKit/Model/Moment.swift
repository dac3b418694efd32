import Foundation

/// When something was said or decided: a day, or a full ISO 8601 timestamp.
///
/// The ledger keeps the text as it was given (so JSON gives it back with the same precision) and an
/// instant in milliseconds since the epoch, UTC, for ordering. A bare day stands for its first
/// millisecond when a forecast was made then, and its last when a question was resolved then, so
/// that a forecast made on the day of a resolution counts.
public struct Moment: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    public let milliseconds: Int64
    public let day: Day
    public let hasTime: Bool
    /// For a bare day read in a time zone, its offset from UTC: the day starts and ends that much
    /// earlier than the UTC day. 0 for a UTC day and for timestamps.
    let dayOffsetMilliseconds: Int64

    public init(day: Day) {
        self.text = day.description
        self.milliseconds = day.startMilliseconds
        self.day = day
        self.hasTime = false
        self.dayOffsetMilliseconds = 0
    }

    /// The current time, to the second, written with the local zone's offset
    /// (`2026-12-07T20:15:00-08:00`, or `…Z` in UTC): the same instant as ``now(_:)``, on the
    /// day the user's calendar shows.
    public static func localNow(_ date: Date = Date()) -> Moment {
        let utc = now(date)
        let offset = LocalTime.offsetSeconds(at: utc.milliseconds / 1000)
        guard offset != 0 else { return utc }
        let wall = Moment(milliseconds: utc.milliseconds + Int64(offset) * 1000)
        let magnitude = abs(offset) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let text = wall.text.dropLast() + (offset < 0 ? "-" : "+") + two(magnitude / 60) + ":" + two(magnitude % 60)
        return parse(String(text)) ?? utc
    }

    /// A bare day taken as that day in the local time zone (timestamps are returned as they are):
    /// a forecast made on it starts at local midnight, a resolution on it ends at local midnight.
    public func readingDayAsLocal() -> Moment {
        guard !hasTime else { return self }
        let offset = LocalTime.offsetMilliseconds(on: day)
        return Moment(text: text, milliseconds: day.startMilliseconds - offset, day: day, hasTime: false,
                      dayOffsetMilliseconds: offset)
    }

    /// The current time, to the second, in UTC.
    public static func now(_ date: Date = Date()) -> Moment {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        return Moment(milliseconds: ms - ms % 1000)
    }

    /// A UTC timestamp `YYYY-MM-DDTHH:MM:SSZ` for the given instant (milliseconds are dropped).
    /// Instants outside years 1 through 9999 are clamped to them.
    public init(milliseconds: Int64) {
        let ms = min(max(milliseconds, Moment.earliest), Moment.latest)
        let days = Int((ms >= 0 ? ms : ms - 86_399_999) / 86_400_000)
        let day = Day(daysSinceEpoch: days) ?? Day(year: 1970, month: 1, day: 1)!
        let secondsOfDay = Int((ms - Int64(days) * 86_400_000) / 1000)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        self.text = "\(day)T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60))Z"
        self.milliseconds = ms
        self.day = day
        self.hasTime = true
        self.dayOffsetMilliseconds = 0
    }

    static let earliest = Day(year: Day.yearRange.lowerBound, month: 1, day: 1)!.startMilliseconds
    static let latest = Day(year: Day.yearRange.upperBound, month: 12, day: 31)!.endMilliseconds

    /// The instant to compare a resolution against: the end of the day for a bare day.
    public var resolutionMilliseconds: Int64 { hasTime ? milliseconds : day.endMilliseconds - dayOffsetMilliseconds }

    /// Parses `YYYY-MM-DD`, or a timestamp `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]][Z|+HH[:MM]|-HH[:MM]]`.
    /// A timestamp without a zone is read as UTC.
    public static func parse(_ text: String) -> Moment? {
        var trimmed = text.trimmingWhitespace()
        let text = trimmed
        return trimmed.withUTF8 { parse(utf8: $0, text: text) }
    }

    /// Reads the bytes of `text` in place: imports parse one or two instants a row.
    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String) -> Moment? {
        guard bytes.count >= 10, let day = Day(isoBytes: bytes[0..<10]) else { return nil }
        if bytes.count == 10 { return Moment(day: day, text: text) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " ")
        else { return nil }
        var index = 11
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count, let value = Day.digits(bytes[index..<index + count]) else { return nil }
            index += count
            return value
        }
        func take(_ ascii: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == ascii else { return false }
            index += 1
            return true
        }
        guard let hour = number(2), hour < 24, take(UInt8(ascii: ":")), let minute = number(2), minute < 60 else { return nil }
        var second = 0
        var millis = 0
        if take(UInt8(ascii: ":")) {
            guard let s = number(2), s < 60 else { return nil }
            second = s
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                var digits = 0
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    if digits < 3 { millis = millis * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                if digits < 3 { for _ in digits..<3 { millis *= 10 } }
            }
        }
        var offsetMinutes = 0
        if index < bytes.count {
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
                // UTC
            } else {
                let sign: Int
                if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
                guard let offsetHours = number(2), offsetHours <= 18 else { return nil }
                var minutes = 0
                if index < bytes.count {
                    _ = take(UInt8(ascii: ":"))
                    guard let m = number(2), m < 60 else { return nil }
                    minutes = m
                }
                offsetMinutes = sign * (offsetHours * 60 + minutes)
            }
        }
        guard index == bytes.count else { return nil }
        let local = day.startMilliseconds + Int64(((hour * 60 + minute) * 60 + second) * 1000 + millis)
        return Moment(text: text, milliseconds: local - Int64(offsetMinutes) * 60_000, day: day)
    }

    private init(day: Day, text: String) {
        self.init(text: text, milliseconds: day.startMilliseconds, day: day, hasTime: false, dayOffsetMilliseconds: 0)
    }

    private init(text: String, milliseconds: Int64, day: Day) {
        self.init(text: text, milliseconds: milliseconds, day: day, hasTime: true, dayOffsetMilliseconds: 0)
    }

    private init(text: String, milliseconds: Int64, day: Day, hasTime: Bool, dayOffsetMilliseconds: Int64) {
        self.text = text
        self.milliseconds = milliseconds
        self.day = day
        self.hasTime = hasTime
        self.dayOffsetMilliseconds = dayOffsetMilliseconds
    }

    public var description: String { text }
}
