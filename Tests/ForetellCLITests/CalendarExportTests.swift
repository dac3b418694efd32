import Foundation
import Testing

/// `export --format ics` against RFC 5545, with the expected file written out by hand.
@Suite struct CalendarExportTests {
    @Test func openDeadlinesBecomeAllDayEventsFollowingRFC5545() throws {
        let cli = try CLI()
        let rust = "Will the v2 release ship, or not; that is the \\ question\nwith a résumé of the plan"
        let leap = "Will the leap-day release ship on 29 February 2028 for Zoë and her team"
        try cli.run(["add", rust, "--owner", "Ana", "-p", "0.7", "--deadline", "2026-06-30", "--made-on", "2026-01-10",
                     "--tag", "work", "--tag", "a,b"])
        try cli.run(["forecast", "1", "--owner", "Bo", "-p", "0.25", "--made-on", "2026-01-11"])
        try cli.run(["add", "Already settled", "--owner", "Ana", "-p", "0.5", "--deadline", "2026-01-31", "--made-on", "2026-01-11"])
        try cli.run(["resolve", "2", "yes", "--on", "2026-01-20"])
        try cli.run(["add", leap, "--owner", "Ana", "-p", "0.5", "--deadline", "2028-02-29", "--made-on", "2026-01-12"])

        let export = try cli.run(["export", "--format", "ics"])
        #expect(export.status == 0, "\(export.stderr)")
        // DTSTAMP is when the question was recorded: a UTC DATE-TIME, the same on every export.
        #expect(export.stdout.matches(of: /DTSTAMP:\d{8}T\d{6}Z\r\n/).count == 2)
        let text = export.stdout.replacing(/DTSTAMP:\d{8}T\d{6}Z\r\n/, with: "DTSTAMP:STAMP\r\n")
        #expect(try cli.run(["export", "--format", "ics"]).stdout == export.stdout)

        // By hand: TEXT escapes \\ \; \, and \n (3.3.11); lines fold at 75 octets with CRLF and a
        // space (3.1), never inside a UTF-8 sequence: the first SUMMARY of question 3 is 74 octets
        // because 'ë' would straddle the 75th. UIDs: 'question-ID-' and 12 hex digits of
        // SHA-256("ID\u{1F}OPENED_MS\u{1F}CLAIM") (worked out with Python's hashlib). The resolved
        // question 2 has no event. DTEND is the next day (exclusive): 2028-02-29 ends 2028-03-01.
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//foretell//foretell forecast ledger//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:foretell deadlines",
            "BEGIN:VEVENT",
            "UID:question-1-5d30ee8904bd@foretell",
            "DTSTAMP:STAMP",
            "DTSTART;VALUE=DATE:20260630",
            "DTEND;VALUE=DATE:20260701",
            #"SUMMARY:Resolve: Will the v2 release ship\, or not\; that is the \\ questio"#,
            #" n\nwith a résumé of the plan"#,
            #"DESCRIPTION:Will the v2 release ship\, or not\; that is the \\ question\nwi"#,
            #" th a résumé of the plan\n\nLatest forecasts: 70% Ana\, 25% Bo\n\nResolve"#,
            #"  it: foretell resolve 1 yes|no|ambiguous|annulled"#,
            #"CATEGORIES:a\,b,work"#,
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            #"DESCRIPTION:Resolve: Will the v2 release ship\, or not\; that is the \\ que"#,
            #" stion\nwith a résumé of the plan"#,
            "TRIGGER:PT9H",
            "END:VALARM",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:question-3-3d7eddaec70a@foretell",
            "DTSTAMP:STAMP",
            "DTSTART;VALUE=DATE:20280229",
            "DTEND;VALUE=DATE:20280301",
            "SUMMARY:Resolve: Will the leap-day release ship on 29 February 2028 for Zo",
            " ë and her team",
            "DESCRIPTION:Will the leap-day release ship on 29 February 2028 for Zoë and",
            #"  her team\n\nLatest forecasts: 50% Ana\n\nResolve it: foretell resolve 3 y"#,
            " es|no|ambiguous|annulled",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Resolve: Will the leap-day release ship on 29 February 2028 for",
            "  Zoë and her team",
            "TRIGGER:PT9H",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        #expect(text == expected)
        for line in export.stdout.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75 && !line.contains("\n"), "\(line)")
        }

        // For cron: something is overdue after 2026-06-30, nothing before.
        let overdue = try cli.run(["list", "--due", "--exit-code", "--as-of", "2026-07-01"])
        #expect(overdue.status == 3 && overdue.stdout.contains("Will the v2 release ship"))
        // Exit 3 is the answer, not an error (that is 1): nothing on stderr for cron to mail.
        #expect(overdue.stderr.isEmpty, "\(overdue.stderr)")
        #expect(try cli.run(["list", "--due", "--exit-code", "--as-of", "2026-06-30"]).status == 0)
    }

    @Test func anEmptyLedgerIsAnEmptyCalendar() throws {
        let cli = try CLI()
        let export = try cli.run(["export", "--format", "ics"])
        #expect(export.stdout == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//foretell//foretell forecast ledger//EN\r\n"
            + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:foretell deadlines\r\nEND:VCALENDAR\r\n")
    }
}
