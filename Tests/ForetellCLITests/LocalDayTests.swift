import Foundation
import Testing

/// Issue 15, finding 12: the days a person types or sees ("today", `--due`, a bare `--on` or
/// `--made-on` day, the default time, "IN n days") are on their own calendar, not the UTC one;
/// instants are still stored in UTC.
///
/// The commands run under a POSIX `TZ` rule (the C library needs no zone files for one) chosen
/// so that the local date differs from the UTC date right now: 12 hours west of UTC in the UTC
/// morning (the local date is yesterday), 14 hours east in the afternoon (tomorrow).
@Suite struct LocalDayTests {
    static func utcDay(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    static func milliseconds(ofUTCDay day: String) -> Int64 {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return Int64((formatter.date(from: day)?.timeIntervalSince1970 ?? 0) * 1000)
    }

    @Test func daysAreOnTheLocalCalendarAndInstantsInUTC() throws {
        var now = Date()
        // Not within two minutes of the hour the choice below flips at, nor of UTC midnight.
        let minuteOfDay = Int(now.timeIntervalSince1970) / 60 % 1440
        if [719, 718, 1439, 1438].contains(minuteOfDay) {
            Thread.sleep(forTimeInterval: 150)
            now = Date()
        }
        let west = Int(now.timeIntervalSince1970) / 3600 % 24 < 12
        let zone = west ? "WST12" : "EST-14"
        let offsetHours: Int64 = west ? -12 : 14
        let utcToday = Self.utcDay(now)
        let localToday = Self.utcDay(now.addingTimeInterval(Double(offsetHours) * 3600))
        #expect(localToday != utcToday)
        let cli = try CLI()
        func run(_ arguments: [String]) throws -> CLI.Result {
            try cli.run(arguments, environment: ["TZ": zone])
        }

        // `--due`: a deadline that has passed on one calendar and not on the other.
        let deadline = west ? localToday : utcToday
        #expect(try run(["add", "Due or not", "--owner", "ana", "-p", "80%", "--deadline", deadline]).status == 0)
        let due = try #require(try CLI.json(run(["list", "--due", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(due.count == (west ? 0 : 1), "\(zone): deadline \(deadline), local today \(localToday)")

        // The default time of a forecast is written with the local offset, on the local day.
        let show = try #require(try CLI.json(run(["show", "1", "--format", "json"]).stdout) as? [String: Any])
        let madeOn = try #require((show["forecasts"] as? [[String: Any]])?.first?["made_on"] as? String)
        #expect(madeOn.hasPrefix(localToday + "T") && madeOn.hasSuffix(west ? "-12:00" : "+14:00"), "\(madeOn)")

        // Resolved "today" (the local date, as `date +%F` gives it): the forecast made a moment
        // ago was made that day, and counts.
        let resolved = try run(["resolve", "1", "yes", "--on", localToday])
        #expect(resolved.status == 0 && resolved.stderr.isEmpty, "\(resolved.stderr)")
        let score = try #require(try CLI.json(run(["score", "--format", "json"]).stdout) as? [String: Any])
        #expect((score["overall"] as? [String: Any])?["n"] as? Int == 1, "\(score["excluded"] ?? "")")
        #expect(score["as_of"] as? String == localToday)

        // "IN n days" counts from the local today.
        let inThreeDays = Self.utcDay(now.addingTimeInterval(Double(offsetHours) * 3600 + 3 * 86_400))
        #expect(try run(["add", "Three days out", "--owner", "ana", "-p", "0.4", "--deadline", inThreeDays]).status == 0)
        let open = try #require((try CLI.json(run(["score", "--format", "json"]).stdout) as? [String: Any])?["open"] as? [String: Any])
        let next = try #require((open["next_deadlines"] as? [[String: Any]])?.first)
        #expect(next["deadline"] as? String == inThreeDays && next["days_left"] as? Int == 3, "\(next)")

        // Stored instants are UTC: the forecast's is now, the resolution's the end of the local day.
        let stored = (Int64(try LedgerQueries.integer(cli.ledger, "SELECT made_at_ms FROM forecasts WHERE id = 1")),
                      Int64(try LedgerQueries.integer(cli.ledger, "SELECT resolved_at_ms FROM resolutions WHERE id = 1")))
        #expect(abs(stored.0 - Int64(now.timeIntervalSince1970 * 1000)) < 120_000, "\(stored.0)")
        #expect(stored.1 == Self.milliseconds(ofUTCDay: localToday) + 86_400_000 - 1 - offsetHours * 3_600_000)
    }
}
