import Testing
@testable import ForetellKit

/// Expected days are worked out by hand from the rules in shared/reference/extraction.md
/// ("Time expressions, relative to the date the statement was made").
@Suite("Time expressions")
struct ExtractionTimeTests {
    let said = Day(year: 2026, month: 1, day: 10)!
    let midYear = Day(year: 2025, month: 6, day: 1)!

    private func day(_ text: String) -> Day { Day(iso: text)! }

    private func first(_ text: String, _ reference: Day?) -> TimeMention? {
        TimeExpressions.first(in: text, reference: reference)
    }

    @Test("Calendar years: this year, next year, in, by, before, or")
    func years() {
        #expect(first("this year", said)?.deadline == day("2026-12-31"))
        #expect(first("next year", said)?.deadline == day("2027-12-31"))
        #expect(first("by the end of the year", said)?.deadline == day("2026-12-31"))
        let in2026 = first("in 2026", said)
        #expect(in2026?.deadline == day("2026-12-31"))
        #expect(in2026?.earliest == nil)  // the year has begun: no lower bound worth keeping
        let in2028 = first("in 2028", said)
        #expect(in2028?.deadline == day("2028-12-31"))
        #expect(in2028?.earliest == day("2028-01-01"))
        #expect(first("by 2027", said)?.deadline == day("2027-12-31"))
        #expect(first("by 2027", said)?.kind == .by)
        #expect(first("before 2027", said)?.deadline == day("2026-12-31"))
        #expect(first("in 2026 or 2027", said)?.deadline == day("2027-12-31"))
        #expect(first("between 2027 and 2030", said)?.earliest == day("2027-01-01"))
        #expect(first("between 2027 and 2030", said)?.deadline == day("2030-12-31"))
        #expect(first("the 2030s", said)?.deadline == day("2039-12-31"))
    }

    @Test("Parts of years and months")
    func parts() {
        let late = first("late 2025", midYear)
        #expect(late?.earliest == day("2025-09-01"))
        #expect(late?.deadline == day("2025-12-31"))
        let early = first("early 2026", midYear)
        #expect(early?.earliest == day("2026-01-01"))
        #expect(early?.deadline == day("2026-03-31"))
        #expect(first("by late 2025 to early 2026", said)?.deadline == day("2026-03-31"))
        #expect(first("by mid-2026", midYear)?.deadline == day("2026-08-31"))
        #expect(first("in Q3 2026", midYear)?.deadline == day("2026-09-30"))
        #expect(first("the second half of 2026", midYear)?.earliest == day("2026-07-01"))
        #expect(first("by June", said)?.deadline == day("2026-06-30"))
        #expect(first("by January", said)?.deadline == day("2026-01-31"))  // this month counts
        #expect(first("by March 2027", said)?.deadline == day("2027-03-31"))
        #expect(first("on July 4, 2027", said)?.deadline == day("2027-07-04"))
    }

    @Test("Durations from the statement date")
    func durations() {
        let window = first("in three to five years", said)
        #expect(window?.kind == .window)
        #expect(window?.earliest == day("2029-01-10"))
        #expect(window?.deadline == day("2031-01-10"))
        #expect(first("over the next 3–5 years", said)?.deadline == day("2031-01-10"))
        #expect(first("three to five years from now", said)?.earliest == day("2029-01-10"))
        #expect(first("looking ahead 3 to 5 years", said)?.deadline == day("2031-01-10"))
        #expect(first("within a year", said)?.deadline == day("2027-01-10"))
        #expect(first("within a year", said)?.kind == .by)
        let atLeast = first("at least a year", said)
        #expect(atLeast?.kind == .notBefore)
        #expect(atLeast?.deadline == day("2027-01-10"))
        #expect(first("about a year away", said)?.deadline == day("2027-01-10"))
        #expect(first("in 18 months", said)?.deadline == day("2027-07-10"))
        #expect(first("in a year and a half", said)?.deadline == day("2027-07-10"))
        #expect(first("within two weeks", said)?.deadline == day("2026-01-24"))
        #expect(first("in the next decade", said)?.deadline == day("2036-01-10"))
        #expect(first("over the next year", said)?.deadline == day("2027-01-10"))
    }

    @Test("Amounts of time that are not deadlines")
    func notDeadlines() {
        #expect(first("agents could do one to two weeks of normal human work", said) == nil)
        #expect(first("they worked for three years", said) == nil)
        #expect(first("three years later it failed", said) == nil)
        #expect(first("it costs $2000 a month", said) == nil)
        #expect(first("we bought 2048 GPUs", said) == nil)
        #expect(first("it may rain", said) == nil)
        #expect(first("compute grows tenfold each year", said) == nil)
    }

    @Test("The past, spans from the past and lower bounds set no deadline")
    func past() {
        #expect(first("two years ago", said)?.isPast == true)
        #expect(first("in 2025", said)?.isPast == true)
        #expect(first("in 2025", said)?.setsDeadline == false)
        let span = first("from last year to this year", said)
        #expect(span?.kind == .span)
        #expect(span?.setsDeadline == false)
        let early = first("as early as 2026", midYear)
        #expect(early?.kind == .earliestOnly)
        #expect(early?.earliest == day("2026-01-01"))
        #expect(early?.deadline == nil)
        #expect(first("since 2020", said)?.setsDeadline == false)
    }

    @Test("Without a statement date relative times have no dates; absolute ones do")
    func noReference() {
        let relative = first("in three years", nil)
        #expect(relative != nil)
        #expect(relative?.deadline == nil)
        #expect(relative?.isRelative == true)
        #expect(relative?.setsDeadline == true)
        #expect(first("this year", nil)?.deadline == nil)
        #expect(first("by 2030", nil)?.deadline == day("2030-12-31"))
    }

    @Test("Absurd amounts do not trap")
    func absurd() {
        #expect(first("in 99999999999999999999 years", said)?.deadline == nil)
        #expect(first("within 5000 years", said) == nil)
        #expect(first("by 9999", said)?.deadline == nil)  // not a plausible year
    }

    @Test("Quarters without a year, the decade's end, centuries, seasons")
    func moreCalendar() {
        let january = day("2026-01-15")
        // The next Q2 (this one counts); "before the end of" includes the quarter.
        #expect(first("before the end of Q2", january)?.deadline == day("2026-06-30"))
        #expect(first("by Q1", day("2026-05-01"))?.deadline == day("2027-03-31"))
        #expect(first("before the end of the decade", january)?.deadline == day("2029-12-31"))
        // IPCC: mid-century is 2041-2060, the end of the century 2081-2100.
        #expect(first("by mid-century", january)?.deadline == day("2060-12-31"))
        #expect(first("by the end of the century", january)?.deadline == day("2100-12-31"))
        // A season's dates depend on the sport: a time frame without a deadline.
        let season = first("this season", january)
        #expect(season != nil && season?.deadline == nil && season?.setsDeadline == true)
    }
}
