import Testing
@testable import ForetellKit

/// Who said it: the rules of "Who said it" in shared/reference/extraction.md, on transcripts and
/// articles written for these tests.
@Suite("Speaker attribution")
struct ExtractionSpeakerTests {
    private func extract(_ text: String, date: String? = "2026-03-01") -> [ExtractedForecast] {
        Extractor.extract(source: "doc.txt", text: text, defaultDate: date.flatMap { Day(iso: $0) }).forecasts
    }

    @Test("Label shapes: at a line start with an organisation, alone on a line, glued to a question")
    func labelShapes() {
        #expect(SpeakerLabels.leading("Lin Junyang (Qwen): I think so.")?.name == "Lin Junyang")
        #expect(SpeakerLabels.leading("Lin Junyang (Qwen): I think so.")?.qualifier == "Qwen")
        #expect(SpeakerLabels.leading("**Maria Lopez:** Hello")?.name == "Maria Lopez")
        #expect(SpeakerLabels.leading("Lin Junyang:")?.name == "Lin Junyang")
        #expect(SpeakerLabels.leading("Topic 2: The Next Paradigm") == nil)
        #expect(SpeakerLabels.leading("Note: this is edited") == nil)
        #expect(SpeakerLabels.leading("Now, on integration strategies:") == nil)
        let glued = SpeakerLabels.trailing("What is the niche of Qwen?Lin Junyang:")
        #expect(glued?.label.name == "Lin Junyang")
        #expect(glued?.glued == true)
        let leadIn = SpeakerLabels.trailing("A bit to taste from Tencent's Yao Shunyu:")
        #expect(leadIn?.label.name == "Yao Shunyu")
        #expect(leadIn?.glued == false)
        #expect(SpeakerLabels.trailing("Below is the full transcript of the conversation:") == nil)
        let inner = SpeakerLabels.inner("That is all.Maria Lopez: I expect more.", isKnown: { $0 == "Maria Lopez" })
        #expect(inner.map(\.name) == ["Maria Lopez"])
    }

    @Test("Short labels map to the full names introduced earlier")
    func roster() {
        let roster = Roster()
        roster.add("Professor Tang Jie")
        roster.add("Yang Qiang")
        roster.add("Yang Zhilin")
        #expect(roster.resolve("Tang") == "Tang Jie")
        #expect(roster.resolve("Jie") == "Tang Jie")
        roster.mention("Yang Zhilin")
        #expect(roster.resolve("Yang") == "Yang Zhilin")  // the most recently mentioned
        roster.mention("Yang Qiang")
        #expect(roster.resolve("Yang") == "Yang Qiang")
        #expect(roster.resolve("Nobody") == nil)
    }

    @Test("A speaker carries over following paragraphs; a glued label hands over")
    func carryOver() {
        let text = """
            Panel on batteries, with Maria Lopez (Northvolt) and Ken Ito (Toyota).
            Ken Ito:
            Solid-state batteries are hard.
            I think we will ship them in cars by 2028. What about you?Maria Lopez:
            I expect that sodium-ion cells will take 10% of the market within three years.
            """
        let found = extract(text)
        #expect(found.map(\.owner) == ["Ken Ito", "Maria Lopez"])
        #expect(found.map(\.line) == [4, 5])
    }

    @Test("Short labels resolve to full names")
    func shortLabels() {
        let text = """
            Our guests are Maria Lopez, head of research at Northvolt, and Ken Ito, an engineer.
            Lopez: I think prices will probably fall by 2027.
            Ito: Maybe.
            Lopez: And I'm confident we'll see 500 Wh/kg cells by 2030.
            """
        #expect(extract(text).map(\.owner) == ["Maria Lopez", "Maria Lopez"])
    }

    @Test("A moderator's questions are not forecasts, but a moderator's stated expectation is")
    func moderator() {
        let text = """
            Sam Park (Moderator): Will fusion power reach the grid by 2035? Many investors expect that the first plant will open by 2032.
            Ana Ruiz (MIT): Unlikely before 2035.
            """
        let found = extract(text)
        #expect(found.count == 2)
        #expect(found.first?.owner == "Sam Park")
        #expect(found.first?.claim.hasPrefix("The first plant will open by 2032") == true)
        #expect(!found.contains { $0.quote.contains("Will fusion power") && $0.owner == "Sam Park" })
    }

    @Test("Reported speech: according to, said with an appositive, he predicts")
    func reported() {
        let text = """
            Jane Roe, a climate scientist at Oxford, said the Arctic will probably be ice-free in summer by 2040.
            Global sales will likely fall in 2026, according to Anna Weiss.
            Xu Li, chairman of SenseTime, spoke in Shanghai. He predicts that models will run on phones by 2027.
            """
        let found = extract(text)
        #expect(found.map(\.owner) == ["Jane Roe", "Anna Weiss", "Xu Li"])
        #expect(found[0].claim == "The Arctic will be ice-free in summer by 2040")
        #expect(found[1].claim == "Global sales will fall in 2026")
        #expect(found[2].claim == "Models will run on phones by 2027")
    }

    @Test("Attributions after the claim: ', said X, a ...', 'analysts at X warned'; roles are not names")
    func tails() {
        let text = """
            Date: 2024-05-20

            "We could see turnout above 60% this year," said Maria Gonzalez, a political scientist at Rice University.
            The party may also lose its majority in the Senate in 2024, analysts at Fitch warned.
            Our CTO believes that by 2026 most customers will run on the new engine.
            """
        let found = extract(text, date: nil)
        #expect(found.map(\.owner) == ["Maria Gonzalez", "Fitch", nil])
        #expect(found[0].claim == "We will see turnout above 60% this year (2024)")
        #expect(found[0].probability == 0.4)  // "could"; the 60% is an amount, not a probability
        #expect(found[1].claim == "The party will also lose its majority in the Senate in 2024")
        #expect(found[2].claim == "By 2026 most customers will run on the new engine")
    }

    @Test("List items: X says N%")
    func listItems() {
        let text = """
            How likely is a human landing on Mars by 2040? Estimates vary:
            - Paul Christiano says 10 - 20%
            - Jane Roe puts it at one in four
            """
        let found = extract(text)
        #expect(found.map(\.owner) == ["Paul Christiano", "Jane Roe"])
        #expect(found.map(\.probability) == [0.15, 0.25])
        #expect(found.first?.probabilityLow == 0.1)
        #expect(found.allSatisfy { $0.deadline == Day(year: 2040, month: 12, day: 31) })
        #expect(found.allSatisfy { $0.claim.contains("Mars") })
    }

    @Test("The author of an essay owns its first-person forecasts")
    func author() {
        let byline = "By Priya Natarajan\n\nI expect that no company will sell flying cars at scale before 2030.\n"
        #expect(extract(byline).first?.owner == "Priya Natarajan")
        let header = "Author: Priya Natarajan\nDate: 2024-11-02\n\nI doubt that air taxis will fly in London by 2026.\n"
        let found = extract(header, date: nil)
        #expect(found.first?.owner == "Priya Natarajan")
        #expect(found.first?.madeOn == Day(year: 2024, month: 11, day: 2))
        #expect(found.first?.probability == 0.25)
    }

    @Test("An article's summary of what a transcript speaker says later is a restatement")
    func restatement() {
        let text = """
            Ken Ito believes solid-state cells will probably reach cars by 2028.
            Below is the transcript.
            Ken Ito:
            I think solid-state cells will reach cars by 2028.
            """
        let found = extract(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
    }

    @Test("Q and A labels with the interviewee named in a header")
    func questionAndAnswer() {
        let text = """
            Interviewee: Ana Ruiz
            Q: Will a startup demonstrate net energy gain by 2030?
            A: I'd put it at 30 percent.
            """
        let found = extract(text)
        #expect(found.first?.owner == "Ana Ruiz")
        #expect(found.first?.probability == 0.3)
        #expect(found.first?.claim.hasPrefix("A startup will demonstrate net energy gain by 2030") == true)
    }

    @Test("News attributions: 'X of Org said', 'according to the Org', a group named after the claim")
    func newsAttributions() {
        let text = """
            Ana Ruiz of MIT said there is a 30% chance that a 2-nanometre fab will be operating in the United States by 2028.
            Pollster Miriam Katz of Civica Research thinks the party will win at least 20 seats in 2027.
            Chip sales are likely to grow in 2026, industry executives and analysts said on Tuesday.
            The asteroid has a one in five chance of passing the Moon in 2032, according to the European Space Agency.
            Air traffic is likely to double in the United States by 2030.
            """
        let found = extract(text)
        #expect(found.map(\.owner) == ["Ana Ruiz", "Miriam Katz", "Industry executives and analysts", "European Space Agency", nil])
        // The reporting frame and the probability frame are not the claim.
        #expect(found.first?.claim == "A 2-nanometre fab will be operating in the United States by 2028")
        #expect(found.first?.probability == 0.3)
        // "States" in "the United States" is a country, not a reporting verb.
        #expect(found.last?.claim == "Air traffic will double in the United States by 2030")
    }

    @Test("One attribution covers every clause of its sentence")
    func sentenceAttribution() {
        let text = """
            Klaus Brenner, chief economist at Hessen Landesbank, spoke on Monday.
            "A cut in April is possible, but June is the base case," Brenner told reporters.
            Samuel Osei said there was a twenty percent chance that the asteroid would be removed from the list by the end of the year, and that it was "almost certain" to be removed by the end of 2027.
            """
        let found = extract(text)
        #expect(found.map(\.owner) == ["Klaus Brenner", "Samuel Osei", "Samuel Osei"])
        #expect(found.map(\.probability) == [0.4, 0.2, 0.93])
        #expect(found.map(\.deadline) == [Day(year: 2026, month: 4, day: 30), Day(year: 2026, month: 12, day: 31),
                                          Day(year: 2027, month: 12, day: 31)])
    }

    @Test("Earnings calls: 'Name -- Role' lines and the operator hand over the turn")
    func earningsCall() {
        let text = """
            Operator

            Our first question comes from Jason Park with Morgan Stanley.

            Jason Park -- Morgan Stanley -- Analyst

            Sofia, how likely is it that you complete the buyback by Q3 2026?

            Sofia Alvarez -- Chief Financial Officer

            Very likely. We will probably also raise the dividend in 2027.
            """
        let found = extract(text)
        #expect(found.map(\.owner) == ["Sofia Alvarez", "Sofia Alvarez"])
        #expect(found.first?.claim == "You complete the buyback by Q3 2026")
        #expect(found.map(\.probability) == [0.9, 0.75])
        #expect(SpeakerLabels.leading("Sofia Alvarez -- Chief Financial Officer")?.qualifier == "Chief Financial Officer")
        #expect(SpeakerLabels.leading("Growth is strong -- for now.") == nil)
    }

    @Test("A name and a subtitle is not a speaker; a name and an organisation issues the text")
    func titledLines() {
        let subtitle = "# Silicon Valley — A Special Report\n\nSilicon Valley — A Special Report\n\nI think rents will probably fall in 2027.\n"
        #expect(extract(subtitle).map(\.owner) == [nil])
        let issued = "# Outlook\n\nNorthern Coastal Authority — Climate Science Unit\n\nIt is very likely that floods will double by 2040.\n"
        #expect(extract(issued).map(\.owner) == ["Northern Coastal Authority"])
    }

    @Test("Q and A with the interviewee named in the title; a memo's sender without the role")
    func titleInterviewee() {
        let text = """
            # "The grid is the bottleneck": a conversation with Priya Nair

            Q: Do you think a small reactor will power the grid by 2030?

            A: Maybe 30%.
            """
        #expect(extract(text).map(\.owner) == ["Priya Nair"])
        let memo = "From: Aisha Bello, Chief Risk Officer\nDate: 15 January 2026\n\nWe doubt the peso will recover this year.\n"
        #expect(extract(memo).map(\.owner) == ["Aisha Bello"])
    }
}
