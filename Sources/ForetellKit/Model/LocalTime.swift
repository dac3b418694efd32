import Foundation

/// The local time zone, for the days people type and see: "today", `--due`, a bare day given to
/// `--on` or `--made-on`, "IN n days". Instants stay UTC milliseconds in the ledger.
///
/// The offset comes from the C library's `localtime_r`, which reads `TZ` (a zone name such as
/// `America/Los_Angeles`, or a POSIX rule such as `PST8PDT` that needs no zone files) and caches
/// the zone: it costs well under a microsecond, where Foundation's `TimeZone.current` loaded it.
public enum LocalTime {
    /// Seconds east of UTC in the local zone at the instant `epochSeconds` (negative west of UTC).
    public static func offsetSeconds(at epochSeconds: Int64) -> Int {
        var time = time_t(truncatingIfNeeded: epochSeconds)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// The local calendar day of an instant.
    public static func day(ofMilliseconds milliseconds: Int64) -> Day {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let local = seconds + Int64(offsetSeconds(at: seconds))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return Day(daysSinceEpoch: Int(days)) ?? Day(year: 1970, month: 1, day: 1)!
    }

    /// The offset that holds through most of `day`: the one at its local noon. (On a day the
    /// clocks change, its first or last hour is off by the change.)
    static func offsetMilliseconds(on day: Day) -> Int64 {
        let noonUTC = day.startMilliseconds / 1000 + 12 * 3600
        let guess = offsetSeconds(at: noonUTC)
        return Int64(offsetSeconds(at: noonUTC - Int64(guess))) * 1000
    }
}
