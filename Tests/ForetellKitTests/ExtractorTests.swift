import Foundation
import Testing
@testable import ForetellKit

/// Whole documents written for these tests, in kinds the seeds do not cover. Expected values are
/// worked out by hand from shared/reference/extraction.md.
@Suite("Extractor")
struct ExtractorTests {
    @Test("A news article: dateline, according to, quoted speech, a named analyst")
    func newsArticle() {
        let text = """
            # Chipmakers brace for a slower year

            By Maria Keller

            March 3, 2025 — Global chip sales will probably fall in 2025, according to Anna Weiss, chief economist at Semicon Research. "I think there's a 70% chance that memory prices drop by the end of the year," Weiss said in an interview.

            Tom Brady, an analyst at Northfield, expects that TSMC will open its Arizona plant by mid-2026.

            The company reported revenue of $20 billion in 2024, up 30% from the year before. Its CEO said the firm plans to hire 5,000 engineers next year.
            """
        let found = Extractor.extract(source: "news.md", text: text).forecasts
        #expect(found.count == 3)
        let madeOn = Day(year: 2025, month: 3, day: 3)
        #expect(found.allSatisfy { $0.madeOn == madeOn })

        #expect(found[0].owner == "Anna Weiss")
        #expect(found[0].claim == "Global chip sales will fall in 2025")
        #expect(found[0].probability == 0.75)  // "probably"
        #expect(found[0].deadline == Day(year: 2025, month: 12, day: 31))
        #expect(found[0].basis == .verbal)
        #expect(found[0].line == 5)

        #expect(found[1].owner == "Anna Weiss")
        #expect(found[1].probability == 0.7)
        #expect(found[1].basis == .numeric)
        #expect(found[1].claim.hasPrefix("Memory prices drop by the end of the year"))
        #expect(found[1].deadline == Day(year: 2025, month: 12, day: 31))

        #expect(found[2].owner == "Tom Brady")
        #expect(found[2].claim == "TSMC will open its Arizona plant by mid-2026")
        #expect(found[2].probability == 0.7)  // "expects"
        #expect(found[2].deadline == Day(year: 2026, month: 8, day: 31))  // middle third ends in August
    }

    @Test("An essay with front matter: the author's forecasts, a past prediction left out")
    func essay() {
        let text = """
            ---
            title: Why I am bearish on flying cars
            author: Priya Natarajan
            date: 2024-11-02
            ---
            Flying cars have been "five years away" for fifty years. I expect that no company will sell
            more than 1,000 of them before 2030. Regulators might approve a first air-taxi route within two
            years, but I doubt it will be profitable. There is roughly a one in three chance that Joby launches
            commercial service in 2025.

            In 2019 I predicted that Uber Elevate would launch by 2023. I was wrong.
            """
        let found = Extractor.extract(source: "essay.md", text: text).forecasts
        #expect(found.map(\.line) == [6, 7, 8])
        #expect(found.allSatisfy { $0.owner == "Priya Natarajan" })
        #expect(found[0].claim == "No company will sell more than 1,000 of them before 2030")
        #expect(found[0].deadline == Day(year: 2029, month: 12, day: 31))
        #expect(found[1].claim.hasPrefix("Regulators will approve a first air-taxi route within two years"))
        #expect(found[1].probability == 0.4)  // "might"
        #expect(found[1].deadline == Day(year: 2026, month: 11, day: 2))
        #expect(found[2].claim == "Joby launches commercial service in 2025")
        #expect(found[2].probability == 0.333)
        #expect(found[2].earliest == Day(year: 2025, month: 1, day: 1))
    }

    @Test("A forecaster's list: numbers after each claim, the year from the heading")
    func forecastList() {
        let text = """
            # My predictions for 2025

            *Posted January 2, 2025 by Alex Chen*

            Here are my forecasts for the year, with probabilities:

            1. Bitcoin will close the year above $100,000: 60%
            2. OpenAI releases GPT-5 before July: 70%
            3. There will be no recession in the US in 2025 (80% confident).
            4. SpaceX Starship reaches orbit by the end of the year - 85%

            Last year I got 7 of 10 right.
            """
        let found = Extractor.extract(source: "blog.md", text: text).forecasts
        #expect(found.map(\.line) == [7, 8, 9, 10])
        #expect(found.allSatisfy { $0.owner == "Alex Chen" && $0.madeOn == Day(year: 2025, month: 1, day: 2) })
        #expect(found.map(\.probability) == [0.6, 0.7, 0.8, 0.85])
        #expect(found.map(\.deadline) == [Day(year: 2025, month: 12, day: 31), Day(year: 2025, month: 6, day: 30),
                                          Day(year: 2025, month: 12, day: 31), Day(year: 2025, month: 12, day: 31)])
        #expect(found[0].claim == "Bitcoin will close the year above $100,000")
        #expect(found[2].claim == "There will be no recession in the US in 2025")
        #expect(found.allSatisfy { !$0.claim.contains("%") })
    }

    @Test("A transcript with timestamps and capitalised names")
    func capitalisedTranscript() {
        let text = """
            Transcript, recorded 12 March 2025.

            [00:00:05] JOHN SMITH: Thanks for joining. What's the chance the merger closes by the end of the year?
            [00:00:12] MARY JONES: I'd say it's about 50/50. Regulators are slow.
            [00:00:20] JOHN SMITH: And the new plant?
            [00:00:25] MARY JONES: We will almost certainly open it in 2026.
            """
        let found = Extractor.extract(source: "call.txt", text: text).forecasts
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.owner == "Mary Jones" && $0.madeOn == Day(year: 2025, month: 3, day: 12) })
        #expect(found[0].claim.hasPrefix("The merger closes by the end of the year"))
        #expect(found[0].probability == 0.5)
        #expect(found[0].deadline == Day(year: 2025, month: 12, day: 31))
        #expect(found[1].probability == 0.93)
        #expect(found[1].deadline == Day(year: 2026, month: 12, day: 31))
    }

    @Test("An interview with bold labels: odds of X at N, and an answer that points back")
    func boldInterview() {
        let text = """
            **Interviewer:** Where do you see interest rates by the end of 2026?

            **Dr. Helen Park:** Lower. I'd put the odds of at least two more cuts by December 2026 at about two in three.

            **Interviewer:** And inflation?

            **Dr. Helen Park:** I'm fairly sure it will be back under 3% within eighteen months, barring an oil shock.
            """
        let found = Extractor.extract(source: "rates.md", text: text, defaultDate: Day(year: 2026, month: 1, day: 15)).forecasts
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.owner == "Helen Park" })
        #expect(found[0].claim == "At least two more cuts by December 2026")
        #expect(found[0].probability == 0.667)
        #expect(found[0].deadline == Day(year: 2026, month: 12, day: 31))
        // "sure" 0.90, "fairly" moves a quarter of the way back to even: 0.80
        #expect(found[1].probability == 0.8)
        #expect(found[1].deadline == Day(year: 2027, month: 7, day: 15))
        #expect(found[1].claim.contains("inflation"))
    }

    @Test("The claim says 'will' and the probability carries the hedge, in either direction")
    func hedgesInClaims() {
        let text = """
            Date: 2026-01-05

            The market is unlikely to recover before 2027.
            Inflation will probably not fall below 2% in 2026.
            Rates are expected to fall by June.
            Q: Will Bitcoin top $200k by 2027?
            A: Probably not.
            """
        let found = Extractor.extract(source: "hedges.txt", text: text).forecasts
        #expect(found.map(\.claim) == [
            "The market will recover before 2027",
            "Inflation will not fall below 2% in 2026",
            "Rates will fall by June (by 2026-06-30)",
            "Bitcoin will top $200k by 2027",
        ])
        // unlikely 20% for the recovery; probably 75% for "will not fall"; expect 70%; probably not 25%
        #expect(found.map(\.probability) == [0.2, 0.75, 0.7, 0.25])
    }

    @Test("Expecting looks ahead by itself; 'expect X to do' becomes 'X will do'")
    func expectations() {
        let text = """
            Date: 2026-01-05

            Analysts expect the Fed to cut rates twice this year.
            In the next five years, I expect most code to be written by AI.
            I think 2026 is special. I believe we made the right call in 2025.
            """
        let found = Extractor.extract(source: "x.txt", text: text).forecasts
        #expect(found.map(\.claim) == [
            "The Fed will cut rates twice this year (2026)",
            "In the next five years (by 2031-01-05), most code will be written by AI",
        ])
        // A group that opens the sentence holds the view it states (issue 14): not the author.
        #expect(found.first?.owner == "Analysts")
    }

    @Test("Labelled estimates under a question: 'Name: N%'")
    func labelledEstimates() {
        let text = """
            Date: 2025-02-01

            How likely is a crewed Mars landing by 2040? From our survey:
            - Jane Roe: 10%
            - Most respondents: under 5%
            """
        let found = Extractor.extract(source: "x.md", text: text).forecasts
        #expect(found.map(\.owner) == ["Jane Roe", nil])
        #expect(found.map(\.probability) == [0.1, 0.025])
        #expect(found.allSatisfy { $0.claim == "A crewed Mars landing by 2040" && $0.deadline == Day(year: 2040, month: 12, day: 31) })
    }

    @Test("Plain facts, past events, plans, rhetorical questions and vague hopes are not forecasts")
    func precision() {
        let text = """
            Date: 2026-02-01

            Revenue grew 40% in 2025. We launched our first model in 2023.
            We plan to open an office in Berlin next year.
            Will the bubble burst by 2027? Who can say.
            Maybe one day machines will think like us.
            This year, the team is mostly working on robotics.
            It would be a massive advantage if we could cut costs by 2027.
            I don't know whether we'll still be here in three years.
            The core answer might not change much from last year to this year.
            """
        #expect(Extractor.extract(source: "facts.txt", text: text).forecasts.isEmpty)
    }

    @Test("Without a date in the document or --date, made_on is null and a warning names the file")
    func undated() {
        let text = "Jane Roe, a climate scientist, said the Arctic will probably be ice-free in summer within fifteen years.\n"
        let result = Extractor.extract(source: "undated.txt", text: text)
        #expect(result.forecasts.count == 1)
        #expect(result.forecasts.first?.madeOn == nil)
        #expect(result.forecasts.first?.deadline == nil)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("undated.txt") == true)
        let given = Extractor.extract(source: "undated.txt", text: text, defaultDate: Day(year: 2025, month: 4, day: 1))
        #expect(given.forecasts.first?.madeOn == Day(year: 2025, month: 4, day: 1))
        #expect(given.forecasts.first?.deadline == Day(year: 2040, month: 4, day: 1))
        #expect(given.warnings.isEmpty)
    }

    @Test("A date in the document beats --date")
    func documentDateWins() {
        let text = "Date: 2025-09-09\n\nI think we will ship by 2027.\n"
        let found = Extractor.extract(source: "d.txt", text: text, defaultDate: Day(year: 2020, month: 1, day: 1)).forecasts
        #expect(found.first?.madeOn == Day(year: 2025, month: 9, day: 9))
    }

    @Test("An empty document has no forecasts and no warnings")
    func empty() {
        let result = Extractor.extract(source: "empty.txt", text: "")
        #expect(result.forecasts.isEmpty)
        #expect(result.warnings.isEmpty)
    }

    @Test("Hostile input never traps")
    func hostile() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if case .text(let text) = DocumentDecoding.decode(Data(bytes)) {
                _ = Extractor.extract(source: "random.txt", text: text)
            }
            _ = Extractor.extract(source: "random.txt", text: String(decoding: bytes, as: UTF8.self))
        }
        let absurd = """
            I think there is a 99999999999999999999% chance of it by 2030. I expect it within 99999999999999999999 years.
            Maybe 1e308 percent. I'd say -5% by 2030. One in 0. 0 to 0 against. By 9999999 it will likely be done.
            ---
            ---
            Q:
            A:
            :
            ?Name:
            """
        _ = Extractor.extract(source: "absurd.txt", text: absurd, defaultDate: Day(year: 9999, month: 12, day: 31))
        _ = Extractor.extract(source: "absurd.txt", text: absurd, defaultDate: Day(year: 1, month: 1, day: 1))
        let longLine = String(repeating: "I think it will probably rain by 2030 and ", count: 20_000)
        let found = Extractor.extract(source: "long.txt", text: longLine, defaultDate: Day(year: 2026, month: 1, day: 1))
        #expect(found.forecasts.allSatisfy { $0.quote.count <= 400 })
        _ = Extractor.extract(source: "nul.txt", text: "\u{0}\u{0}\u{FFFD}\u{FFFF}")
        _ = Extractor.extract(source: "marks.txt", text: String(repeating: "?!.…—:;\"“”", count: 2_000))
    }

    @Test("Every extracted quote is text of the document")
    func quotesAreExact() {
        let text = """
            Sam: What's the probability that fusion reaches the grid by 2035?
            Ana: I'd say 30%. It's hard.
            Sam: OK. I believe that by 2030 we will have compact reactors running.
            """
        let found = Extractor.extract(source: "q.txt", text: text, defaultDate: Day(year: 2026, month: 1, day: 1)).forecasts
        #expect(found.count == 2)
        #expect(found.allSatisfy { text.contains($0.quote) })
    }
    @Test("Present tense about a time to come: a year identified with an event, a degree of a dated event")
    func presentTense() {
        let text = """
            Date: 2026-09-22

            I think 2026 is the year of agents.
            I think 2026 is special.
            A serious disruption to our supply chain in 2026 is unlikely.
            Every December I write down what I expect for the coming year.
            I think Northbridge win the league this season, but it's closer than it looks: call it 65%.
            """
        let found = Extractor.extract(source: "x.txt", text: text).forecasts
        #expect(found.map(\.claim) == [
            "2026 will be the year of agents",
            "A serious disruption to our supply chain in 2026 is unlikely",
            "Northbridge win the league this season",
        ])
        #expect(found.map(\.probability) == [0.65, 0.2, 0.65])
        #expect(found.map(\.deadline) == [Day(year: 2026, month: 12, day: 31), Day(year: 2026, month: 12, day: 31), nil])
    }

    @Test("Claims leave out lead-ins, enumerations, reasons, comments and probability frames")
    func cleanerClaims() {
        let text = """
            Date: 2026-02-12

            Looking ahead, we expect to open the new Memphis hub by Q3 2026.
            Prices fell last year, and I expect them to drop below $80 by 2028, which would change the maths.
            First, I think there's a 60% chance that a carrier flies paying passengers before 2028, mostly because the rules are out.
            The share moved by robots by 2030 will be small: my best guess is a 10–20% chance that it exceeds 5%.
            I'd say there's roughly a one in three chance that rates fall below 3% before 2028.
            """
        let found = Extractor.extract(source: "x.txt", text: text).forecasts
        #expect(found.map(\.claim) == [
            "We will open the new Memphis hub by Q3 2026",
            "They will drop below $80 by 2028",
            "A carrier flies paying passengers before 2028",
            "It exceeds 5% (re: The share moved by robots by 2030 will be small)",
            "Rates fall below 3% before 2028",
        ])
        #expect(found.map(\.probability) == [0.7, 0.7, 0.6, 0.15, 0.333])
    }
}

@Suite("Forecast identity")
struct ForecastIdentityTests {
    private func forecast(_ owner: String?, _ claim: String, _ deadline: String?) -> ExtractedForecast {
        ExtractedForecast(source: "a.txt", owner: owner, claim: claim, probability: 0.2, basis: .numeric, madeOn: nil,
                          deadline: deadline.flatMap { Day(iso: $0) }, quote: "q", line: 1, confidence: 0.5)
    }

    @Test("The same forecast written two ways matches")
    func sameForecast() {
        let a = forecast("Lin Junyang", "Three to five years from now, the leading AI company will be a Chinese one", "2031-01-10")
        let b = forecast("Junyang Lin", "A Chinese company will lead globally in the next 3–5 years", "2031-01-12")
        #expect(a.identity.matches(b.identity))
        #expect(a.identity.key == b.identity.key)
    }

    @Test("Different owners, claims or deadlines do not match")
    func different() {
        let base = forecast("Tang Jie", "A paradigm shift is coming in 2026", "2026-12-31")
        #expect(!base.identity.matches(forecast("Tang Jie", "2026 will be an explosive year for AI for Science", "2026-12-31").identity))
        #expect(!base.identity.matches(forecast("Lin Junyang", "A paradigm shift is coming in 2026", "2026-12-31").identity))
        #expect(!base.identity.matches(forecast("Tang Jie", "A paradigm shift is coming", "2028-12-31").identity))
        #expect(!base.identity.matches(forecast(nil, "A paradigm shift is coming in 2026", "2026-12-31").identity))
        #expect(!forecast(nil, "x y z", nil).identity.matches(forecast(nil, "x y z", nil).identity))
    }

    @Test("Neighbouring months are offered as keys for deadlines near a month boundary")
    func neighbours() {
        let a = forecast("Ana Ruiz", "Fusion reaches the grid", "2035-01-30").identity
        #expect(a.neighbourKeys == ["ana ruiz|2034-12", "ana ruiz|2035-01", "ana ruiz|2035-02"])
    }

    @Test("Words of time are not what a claim is about: two forecasts for this season stay two")
    func timeWords() {
        let title = forecast("Marco Bianchi", "Northbridge win the league this season", nil)
        let goals = forecast("Marco Bianchi", "Dario Mendes will score 40 league goals this season", nil)
        #expect(!title.identity.matches(goals.identity))
    }
}
