import Testing
@testable import ForetellKit

// Texts written for these tests; expected values from the labelling conventions of
// shared/data/extraction-dev/README.md (numbers win, an unhedged item in a prediction list is
// [0.6, 0.9], document rules set the deadline of undated items, an item's own date overrides).

@Suite("Layout blocks")
struct LayoutTests {
    @Test("Markers, nesting, continuation lines, headings and header fields")
    func shapes() {
        let text = """
            Title: My list
            Author: Ann Example
            Date: 2031-01-02

            Things to come

            - Rents fall in Lisbon:
              30%
            - Parent
                - Child item
            1. Numbered item
            2) Second one

            A paragraph that
            wraps onto a second line.
            """
        let blocks = Layout.blocks(in: text)
        #expect(blocks.map(\.kind) == [
            .headerField(key: "title", value: "My list"), .headerField(key: "author", value: "Ann Example"),
            .headerField(key: "date", value: "2031-01-02"), .heading(level: 2),
            .listItem(marker: "-", depth: 0), .listItem(marker: "-", depth: 0), .listItem(marker: "-", depth: 1),
            .listItem(marker: "1.", depth: 0), .listItem(marker: "2)", depth: 0), .paragraph,
        ])
        #expect(blocks[4].text == "Rents fall in Lisbon: 30%")
        #expect(blocks[4].firstLine == 7 && blocks[4].lastLine == 8)
        #expect(blocks[9].text == "A paragraph that wraps onto a second line.")
    }

    @Test("Pipe tables: the first row is the header, separator rows are skipped")
    func tables() {
        let blocks = Layout.blocks(in: "Claim | Ann's forecast\n---|---\nRain on Monday | 40%\n")
        #expect(blocks.map(\.kind) == [
            .tableRow(cells: ["Claim", "Ann's forecast"], isHeader: true),
            .tableRow(cells: ["Rain on Monday", "40%"], isHeader: false),
        ])
    }

    @Test("A line stating a degree or ending a sentence is not a heading")
    func notHeadings() {
        #expect(Layout.looksLikeHeading("By 2040 (ten years out)"))
        #expect(!Layout.looksLikeHeading("Prediction: 5%"))
        #expect(!Layout.looksLikeHeading("This is a sentence."))
        #expect(!Layout.looksLikeHeading("Will it rain tomorrow?"))
    }
}

@Suite("List item degrees")
struct ListItemDegreeTests {
    private func read(_ item: String) -> [(String, Double)] {
        ListItemDegree.read(item).map { ($0.claim, $0.degree.value) }
    }

    @Test("Degree after a separator, in brackets, or first")
    func forms() {
        #expect(read("Rents fall in Lisbon: 30%").map(\.0) == ["Rents fall in Lisbon"])
        #expect(read("Rents fall in Lisbon: 30%").map(\.1) == [0.3])
        #expect(read("The ferry runs all winter (65%)").map(\.1) == [0.65])
        #expect(read("The ferry runs all winter (65% confidence)").map(\.1) == [0.65])
        #expect(read("[x] The ferry runs all winter: 65%").map(\.0) == ["The ferry runs all winter"])
        #expect(read("The ferry runs all winter. (65%)").map(\.0) == ["The ferry runs all winter"])
        #expect(read("70%: the bridge reopens").map(\.0) == ["the bridge reopens"])
        #expect(read("[70%] The bridge reopens").map(\.1) == [0.7])
        #expect(read("The bridge reopens - 0.35").map(\.1) == [0.35])
        #expect(read("The bridge reopens — 1 in 4").map(\.1) == [0.25])
        #expect(read("The bridge reopens: 3:1").map(\.1) == [0.75])
        #expect(read("12% chance the bridge reopens").map(\.0) == ["The bridge reopens"])
    }

    @Test("Ranges and bounds keep their ends")
    func ranges() throws {
        let range = try #require(ListItemDegree.read("Snow in May: 10-20%").first?.degree)
        #expect(range.low == 0.1 && range.high == 0.2 && abs(range.value - 0.15) < 1e-9)
        let above = try #require(ListItemDegree.read("The sun rises: >99%").first?.degree)
        #expect(above.low == 0.99 && above.high == 1)
        let below = try #require(ListItemDegree.read("A comet hits: <1%").first?.degree)
        #expect(below.low == 0 && below.high == 0.01)
    }

    @Test("Several options on one line")
    func options() {
        let found = read("Rovers win / draw / lose: 50% / 30% / 20%")
        #expect(found.map(\.0) == ["Rovers win", "Rovers draw", "Rovers lose"])
        #expect(found.map(\.1) == [0.5, 0.3, 0.2])
    }

    @Test("Quantities inside a claim are never degrees")
    func quantities() {
        #expect(read("Exports fall 30% this year").isEmpty)
        #expect(read("30% of trips are by bike").isEmpty)
        #expect(read("Unemployment ends the year at 4%").isEmpty)
        // The number after the colon is the degree; the one inside the claim stays in it.
        #expect(read("Exports fall by at least 30% in 2031: 20%").map(\.0) == ["Exports fall by at least 30% in 2031"])
        #expect(read("Exports fall by at least 30% in 2031: 20%").map(\.1) == [0.2])
    }

    @Test("A note after the degree stays out of the claim, a phrase after a number does not make it one")
    func notes() {
        #expect(read("Jobs grow: 60% Q2 figures, 1.2%").map(\.1) == [0.6])
        #expect(read("Inflation: 3% by year end").isEmpty)
        #expect(read("Core inflation: 3.2% (down from 3.5%)").isEmpty)
    }
}

@Suite("Inherited time frames")
struct InheritedTimeTests {
    @Test("Rules stated once set the default deadline")
    func rules() {
        let reference = Day(year: 2030, month: 12, day: 20)
        #expect(InheritedTimes.rule("Unless noted, these predictions are about what will be true on 1/1/2032.", reference: reference)
            == Day(year: 2032, month: 1, day: 1))
        #expect(InheritedTimes.rule("All predictions are judged on March 3, 2031.", reference: reference)
            == Day(year: 2031, month: 3, day: 3))
        #expect(InheritedTimes.rule("Here are predictions to be evaluated at the end of 2035.", reference: reference)
            == Day(year: 2035, month: 12, day: 31))
        #expect(InheritedTimes.rule("The weather was true on 1/1/2032.", reference: reference) == nil)
    }

    @Test("A title names the horizon only when it says it holds predictions")
    func titles() {
        let reference = Day(year: 2030, month: 12, day: 20)
        #expect(InheritedTimes.title("2031 predictions", reference: reference) == Day(year: 2031, month: 12, day: 31))
        #expect(InheritedTimes.title("The 2031 season", reference: reference) == nil)
        #expect(InheritedTimes.title("Predicting the decade from 2030", reference: reference) == nil)
    }

    @Test("Dates written to the day")
    func fullDates() {
        #expect(InheritedTimes.fullDates(in: "closing price on March 3rd, 2031") == [Day(year: 2031, month: 3, day: 3)].compactMap { $0 })
        #expect(InheritedTimes.fullDates(in: "on 4 July 2031") == [Day(year: 2031, month: 7, day: 4)].compactMap { $0 })
    }
}

@Suite("Continuation claims")
struct ContinuationClaimTests {
    @Test("A number or a phrase replaces its counterpart in the item above")
    func resolve() {
        #expect(ContinuationClaims.fragment("...$9000") == "$9000")
        #expect(ContinuationClaims.resolve(previous: "Gold is above $4000", fragment: "$9000") == "Gold is above $9000")
        #expect(ContinuationClaims.resolve(previous: "Cases exceed 5 million", fragment: "8 million") == "Cases exceed 8 million")
        #expect(ContinuationClaims.resolve(previous: "The index is above 900 (close on May 3rd, 2030)", fragment: "950")
            == "The index is above 950")
        #expect(ContinuationClaims.resolve(previous: "No storm in Norway will flood the capital", fragment: "in any Nordic country")
            == "No storm in any Nordic country will flood the capital")
    }
}

@Suite("Prediction-list reader")
struct PredictionListReaderTests {
    private func extract(_ text: String) -> [ExtractedForecast] {
        Extractor.extract(source: "list.md", text: text).forecasts.sorted { ($0.line, $0.owner ?? "") < ($1.line, $1.owner ?? "") }
    }

    @Test("A yearly list: title year, heading subjects, continuation items, an item's own date")
    func yearlyList() {
        let forecasts = extract("""
            Title: 2031 predictions
            Author: Ann Example
            Date: 2031-01-05

            Cities

            - The tram line in Leeds will open: 40%
            - Gold is above $4000:
              70%
            - ...$9000: 5%
            - Leeds hosts a marathon in March: 90%
            - I will not move house: 80%
            """)
        #expect(forecasts.count == 5)
        #expect(forecasts.allSatisfy { $0.owner == "Ann Example" && $0.madeOn == Day(year: 2031, month: 1, day: 5) })
        #expect(forecasts.map(\.probability) == [0.4, 0.7, 0.05, 0.9, 0.8])
        #expect(forecasts[0].deadline == Day(year: 2031, month: 12, day: 31))
        #expect(forecasts[2].claim.hasPrefix("Gold is above $9000"))
        #expect(forecasts[3].deadline == Day(year: 2031, month: 3, day: 31))
        #expect(forecasts[4].claim.hasPrefix("Ann Example will not move house"))
    }

    @Test("A rule stated once, a past reference date inside an item, a counted span that measures the claim")
    func ruleAndReferenceDates() {
        let forecasts = extract("""
            Title: Looking ahead
            Author: Ann Example
            Date: 2030-12-20

            Rules: these predictions are for what will be true on 1/1/2032.

            - The index is above 900 (close on December 18th, 2030): 60%
            - Rail fares are frozen for at least two years: 30%
            """)
        #expect(forecasts.map(\.deadline) == [Day(year: 2032, month: 1, day: 1), Day(year: 2032, month: 1, day: 1)])
    }

    @Test("Unhedged items under a heading naming the horizon get the listed degree; links and schedules do not")
    func unhedged() {
        let forecasts = extract("""
            Title: Thinking about the future
            Author: Ann Example
            Date: 2030-01-01

            By 2035 (5 years from now)

             - Lisbon has a metro line to the airport.
             - The city bans cars downtown, but parking fees stay low in the suburbs.

            Links

             - Read my older posts here

            Events in 2036

             - The fair opens in Porto on 3 May.
            """)
        #expect(forecasts.count == 3)
        #expect(forecasts.allSatisfy { $0.probability == 0.75 && $0.probabilityLow == 0.6 && $0.probabilityHigh == 0.9 })
        #expect(forecasts.allSatisfy { $0.deadline == Day(year: 2035, month: 12, day: 31) })
        #expect(forecasts[2].claim.hasPrefix("Parking fees stay low"))
    }

    @Test("Figures without a time frame, past facts, questions and hedged items are not flat predictions")
    func notPredictions() {
        let forecasts = extract("""
            Title: Notes
            Author: Ann Example
            Date: 2030-01-01

            Figures

            - Market share of trams: 30%
            - Cycling trips: 12%

            By 2032

            - Ridership grew 10% last year.
            - Will the bridge open?
            - The bridge reopens; I'd put it at 30%.
            - The tram reaches the airport.
            """)
        #expect(forecasts.count == 1)
        #expect(forecasts.first?.claim.hasPrefix("The tram reaches the airport") == true)
    }

    @Test("Nested bullets take their parent's subject; two numbers on a line follow the legend")
    func nestingAndLegend() {
        let forecasts = extract("""
            Title: 2031 predictions
            Author: Ann Example
            Date: 2031-01-05

            The first number is mine, the second is Bo's.

            - Rents in Leeds fall: 30% / 45%
            - Gold:
              - above $4000: 70%
              - above $9000: 5%
            """)
        #expect(forecasts.map(\.owner) == ["Ann Example", "Bo", "Ann Example", "Ann Example"])
        #expect(forecasts.map(\.probability) == [0.3, 0.45, 0.7, 0.05])
        #expect(forecasts[2].claim == "Gold above $4000")
        #expect(forecasts.allSatisfy { $0.deadline == Day(year: 2031, month: 12, day: 31) })
    }

    @Test("A table of several people's numbers: one forecast per owner column; dashes and outcomes are none")
    func table() {
        let forecasts = extract("""
            Title: 2031 forecasting contest
            Author: Ann Example
            Date: 2031-02-01

            Question | Ann's Prediction | Bo's Prediction | Outcome
            The river freezes over | 20% | - | NO
            A new bridge is approved | 55% | 60% | YES
            """)
        #expect(forecasts.map(\.owner) == ["Ann", "Ann", "Bo"])
        #expect(forecasts.map(\.probability) == [0.2, 0.55, 0.6])
        #expect(forecasts.allSatisfy { $0.deadline == Day(year: 2031, month: 12, day: 31) })
    }

    @Test("Explanations say which block, column and heading each part came from")
    func explanations() throws {
        let forecasts = extract("""
            Title: Notes
            Author: Ann Example
            Date: 2030-01-01

            By 2032

            - The tram reaches the airport: 40%

            Question | Bo's forecast
            Rents fall in 2031 | 20%
            """)
        let item = try #require(forecasts.first?.explanation)
        #expect(item.block == "list item" && item.firstLine == 7)
        #expect(item.deadline.hasPrefix("2032-12-31, from the heading at line 5"))
        #expect(item.madeOn.contains("2030-01-01"))
        let row = try #require(forecasts.last?.explanation)
        #expect(row.block == "table row" && row.owner.contains("Bo's forecast"))
        #expect(row.deadline.hasPrefix("the item's own date: 2031-12-31"))
    }

    @Test("A question on its own line answered by a later 'Prediction:' line")
    func questionAnswered() {
        let forecasts = extract("""
            Title: Tournament notes
            Author: Ann Example
            Date: 2031-05-01

            Will the Leeds tram open before July 1, 2031?

            The works are late, but the council insists.

            Prediction: 35% (opened at 50%)

            Will the spring count exceed 40 on April 1, 2031?

            Prediction: 80%
            """)
        #expect(forecasts.count == 1)
        #expect(forecasts.first?.probability == 0.35)
        #expect(forecasts.first?.deadline == Day(year: 2031, month: 6, day: 30))
        #expect(forecasts.first?.claim.contains("tram") == true)
    }
}

@Suite("Quoted-prediction reader")
struct QuotedPredictionReaderTests {
    private func extract(_ text: String) -> [ExtractedForecast] {
        Extractor.extract(source: "quotes.md", text: text).forecasts.sorted { $0.line < $1.line }
    }

    @Test("A compilation: each quote owned by the person quoted, made mid-year of its year")
    func compilation() {
        let forecasts = extract("""
            Title: Bold claims of the past
            Author: Ann Example
            Date: 2030-03-01

            1911: “Airships are a fad. Nobody will fly in one, ever.” — Jane Roe, aviator.

            1950: “I predict the canal will close in 1960.” — Max Mustermann.

            1960: “The telephone is noisy.” — Joe Bloggs.
            """)
        #expect(forecasts.count == 2)
        #expect(forecasts.map(\.owner) == ["Jane Roe", "Max Mustermann"])
        #expect(forecasts.map(\.madeOn) == [Day(year: 1911, month: 7, day: 1), Day(year: 1950, month: 7, day: 1)])
        // "never/ever" [0.8, 0.99] without a deadline; "I predict" with the quote's own year.
        #expect(forecasts[0].probabilityLow == 0.8 && forecasts[0].probabilityHigh == 0.99 && forecasts[0].deadline == nil)
        #expect(forecasts[0].claim.contains("Airships"))
        #expect(forecasts[1].deadline == Day(year: 1960, month: 12, day: 31))
        #expect(forecasts[1].claim.hasPrefix("The canal will close"))
    }

    @Test("A denial puts the event it denies low; an assurance puts its claim high")
    func denialsAndAssurances() {
        let tokens = Tokenizer.tokenize("There is not the slightest indication that fusion will ever work.")
        let denied = QuotedDegrees.read("There is not the slightest indication that fusion will ever work.", tokens: tokens, emphatic: true)
        #expect(denied.claim == "fusion will ever work.")
        #expect(denied.degree.high == 0.1)
        let assured = QuotedDegrees.read("I can assure you that radio is a fad that won't last out the year.",
                                         tokens: Tokenizer.tokenize("x"), emphatic: false)
        #expect(assured.degree.low == 0.9)
    }

    @Test("A list read aloud belongs to the person whose list was announced")
    func spokenList() {
        let forecasts = extract("""
            Title: Episode 9
            Date: 2031-01-04

            Sam Host: So Priya has written 10 predictions for 2031. Let me read them.

            Sam Host: Number one, "Tram ridership doubles in Leeds." Wow. Number two, "Rents fall by June." Okay.
            """)
        #expect(forecasts.map(\.owner) == ["Priya", "Priya"])
        #expect(forecasts.map(\.deadline) == [Day(year: 2031, month: 12, day: 31), Day(year: 2031, month: 6, day: 30)])
        #expect(forecasts.allSatisfy { $0.probability == 0.75 })
    }

    @Test("'all year' and 'out the year' run to the end of the year the words were said")
    func restOfYear() {
        let said = Day(year: 2031, month: 3, day: 2)
        #expect(ItemDates.own(in: "Delays continue all year", reference: said, framed: true)?.deadline == Day(year: 2031, month: 12, day: 31))
        #expect(ItemDates.own(in: "Delays continue", reference: said, framed: true) == nil)
        // Written on December 30 for the year ahead: "all year" is the list's year.
        let yearEnd = Day(year: 2030, month: 12, day: 30)
        #expect(ItemDates.own(in: "Delays continue all year", reference: yearEnd, framed: true,
                              frame: Day(year: 2031, month: 12, day: 31)) == nil)
        #expect(ItemDates.own(in: "Delays continue in January", reference: yearEnd, framed: true,
                              frame: Day(year: 2031, month: 12, day: 31))?.deadline == Day(year: 2031, month: 1, day: 31))
    }
}
