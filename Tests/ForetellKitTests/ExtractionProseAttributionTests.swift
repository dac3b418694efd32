import Testing
@testable import ForetellKit

/// Issue 14, prose side: who owns a reported forecast, when it was said, and which dates are not
/// deadlines. The sentences are written for the test from the general patterns; expected values
/// are read off them by hand.
@Suite("Prose attribution and dates")
struct ExtractionProseAttributionTests {
    private func extract(_ body: String, date: String = "2026-03-17") -> [ExtractedForecast] {
        Extractor.extract(source: "article.md", text: "---\ndate: \(date)\nauthor: Pat Byline\n---\n\n" + body).forecasts
    }

    @Test("A person or platform that gives a number owns it, not the byline author")
    func reportedNumbers() {
        let silver = extract("Nate Silver gave a 35% chance that the bill passes by 2027.")
        #expect(silver.map(\.owner) == ["Nate Silver"])
        #expect(silver.first?.probability == 0.35)
        let platform = extract("Manifold puts it at 61% that the launch slips past 2027.")
        #expect(platform.map(\.owner) == ["Manifold"])
        #expect(platform.first?.probability == 0.61)
    }

    @Test("A group that opens the sentence owns the view it states")
    func groups() {
        #expect(extract("Most economists expect a recession by 2028.").map(\.owner) == ["Most economists"])
        #expect(extract("The committee expected inflation to return to target by 2028.").map(\.owner) == ["The committee"])
        #expect(extract("Prediction markets gave a 40% chance of a snap election by 2027.").map(\.owner) == ["Prediction markets"])
        #expect(extract("Some believe the merger will close by 2027.").map(\.owner) == ["Some"])
        // The author's own stance is still the author's.
        #expect(extract("I think analysts will be surprised by 2027.").map(\.owner) == ["Pat Byline"])
    }

    @Test("The passive of a forecasting verb is a degree; tomorrow and next week count from the day")
    func passiveAndNearTerm() {
        let found = extract("A rate cut is widely expected tomorrow.\n\nA second cut is anticipated next week.")
        #expect(found.count == 2)
        #expect(found.map(\.probability) == [0.7, 0.7])
        // 2026-03-17 plus one day, plus seven days.
        #expect(found.map { $0.deadline?.description } == ["2026-03-18", "2026-03-24"])
    }

    @Test("A number after a verb of change is the claim's quantity, not its probability")
    func quantities() {
        let found = extract("Inflation will likely fall below 2% by 2027.")
        #expect(found.count == 1)
        #expect(found.first?.probability == 0.7)  // "likely", not 2%
    }

    @Test("Dates that say when a number was given, or name a report or occasion, are not deadlines")
    func notDeadlines() {
        let asOf = extract("The chance of a default by 2028 was 20% as of March 3, our desk thinks.")
        #expect(asOf.allSatisfy { $0.deadline?.description != "2026-03-31" && $0.deadline?.description != "2026-03-03" })
        let projection = extract("Inflation will probably stay above the June projection through 2027.")
        #expect(projection.first?.deadline?.description == "2027-12-31")
        let occasion = extract("The summit on June 3 will probably agree a treaty by 2028.")
        #expect(occasion.first?.deadline?.description == "2028-12-31")
    }

    @Test("A sentence that says when it was said dates the forecast and its relative times")
    func saidOn() {
        let found = extract("At the board meeting on January 14, 2026, members judged that sales would likely double next year.")
        #expect(found.count == 1)
        #expect(found.first?.madeOn?.description == "2026-01-14")
        #expect(found.first?.deadline?.description == "2027-12-31")
        #expect(found.first?.owner == "Members")
        #expect(found.first?.explanation?.madeOn.contains("the day it was said") == true)
    }
}
