/// Reads the dates people type for deadlines and resolutions.
public enum DateInput {
    /// `2026-12-31`; `2026-06` = the last day of that month; `2026` = the last day of that year.
    public static func deadline(_ raw: String) throws(InputError) -> Day {
        let text = raw.trimmingWhitespace()
        let bytes = Array(text.utf8)
        switch bytes.count {
        case 4:
            if let year = Day.digits(bytes[0..<4]), let day = Day.lastDay(ofYear: year) { return day }
        case 7 where bytes[4] == UInt8(ascii: "-"):
            if let year = Day.digits(bytes[0..<4]), let month = Day.digits(bytes[5..<7]),
               let day = Day.lastDay(ofMonth: month, year: year) { return day }
        default:
            if let day = Day(iso: text) { return day }
        }
        throw .invalidDate(raw)
    }

    /// A day or a full ISO 8601 timestamp, kept with the precision given. A bare day is a UTC
    /// day: files (canonical CSV) are read the same wherever they are imported.
    public static func moment(_ raw: String) throws(InputError) -> Moment {
        guard let moment = Moment.parse(raw) else { throw .invalidMoment(raw) }
        return moment
    }

    /// What a person types to `--made-on` or `--on`: a bare day is that day on their calendar,
    /// in the local time zone; a timestamp is the instant it names (UTC without an offset).
    public static func typedMoment(_ raw: String) throws(InputError) -> Moment {
        try moment(raw).readingDayAsLocal()
    }
}

import Foundation
