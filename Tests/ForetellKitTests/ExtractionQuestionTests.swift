import Testing
@testable import ForetellKit

/// Question–answer linking: a bare answer takes its proposition and time frame from the question.
@Suite("Question linking")
struct ExtractionQuestionTests {
    let said = Day(year: 2026, month: 1, day: 10)!

    @Test("Probability questions: the proposition after 'probability that'")
    func probability() {
        let frame = QuestionLinking.frame("Yes. Three to five years from now, what's the probability that the leading lab will be European?", reference: said)
        #expect(frame?.kind == .probability)
        #expect(frame?.claim(entity: nil) == "Three to five years from now, the leading lab will be European")
        #expect(frame?.time?.deadline == Day(year: 2031, month: 1, day: 10))
    }

    @Test("How likely, with a name of address")
    func howLikely() {
        let frame = QuestionLinking.frame("Maria, how likely do you think a European company will lead in the next 3–5 years?", reference: said)
        #expect(frame?.kind == .probability)
        #expect(frame?.claim(entity: nil) == "a European company will lead in the next 3–5 years")
        #expect(QuestionLinking.frame("How likely is a recession by 2027?", reference: said)?.claim(entity: nil) == "a recession by 2027")
    }

    @Test("Do you think: conditions inside the proposition stay")
    func belief() {
        let frame = QuestionLinking.frame("Do you think that if rates fall, housing starts will rise by 2027?", reference: said)
        #expect(frame?.kind == .belief)
        #expect(frame?.claim(entity: nil) == "if rates fall, housing starts will rise by 2027")
        #expect(frame?.time?.deadline == Day(year: 2027, month: 12, day: 31))
    }

    @Test("Which-questions take the answer's name; a leading condition is kept")
    func which() {
        let frame = QuestionLinking.frame("If a new chip architecture appears in 2028, which company do you think has the best chance of shipping it first — if you had to pick one?", reference: said)
        #expect(frame?.kind == .which)
        #expect(frame?.claim(entity: "Nvidia") == "If a new chip architecture appears in 2028, Nvidia has the best chance of shipping it first")
        #expect(frame?.claim(entity: nil) == nil)
    }

    @Test("Yes/no questions are turned into statements")
    func yesNo() {
        #expect(QuestionLinking.frame("Will the euro be worth more than a dollar by 2027?", reference: said)?.claim(entity: nil)
                == "the euro will be worth more than a dollar by 2027")
        #expect(QuestionLinking.frame("And ITER — will it reach first plasma before 2030?", reference: said)?.claim(entity: nil)
                == "ITER: it will reach first plasma before 2030")
        #expect(QuestionLinking.frame("What do you mean?", reference: said) == nil)
    }

    private func extract(_ text: String) -> [ExtractedForecast] {
        Extractor.extract(source: "qa.txt", text: text, defaultDate: said).forecasts
    }

    @Test("A bare number answers the question of the previous turn")
    func bareNumber() {
        let text = """
            Host: Ken, what is the chance that a European lab will lead AI research by 2030?
            Ken Ito: Hmm. If I had to put a number on it? One in ten.
            """
        let found = extract(text)
        #expect(found.count == 1)
        #expect(found.first?.probability == 0.1)
        #expect(found.first?.claim == "A European lab will lead AI research by 2030")
        #expect(found.first?.quote == "If I had to put a number on it? One in ten.")
        #expect(found.first?.deadline == Day(year: 2030, month: 12, day: 31))
    }

    @Test("A name answers a which-question; the question's time applies")
    func entityAnswer() {
        let text = """
            Sam: Which company is most likely to ship a humanoid robot to homes by 2028?
            Ana: Probably Figure.
            Sam: Which company is most likely to ship a humanoid robot to homes by 2028?
            Ana: Honestly, I have no idea.
            """
        let found = extract(text)
        #expect(found.count == 1)
        #expect(found.first?.claim == "Figure is most likely to ship a humanoid robot to homes by 2028")
        #expect(found.first?.probability == 0.75)
    }

    @Test("An answer that points back keeps its own time frame and quotes the question as context")
    func anaphoric() {
        let text = """
            Sam: Do you think household robots will fold laundry reliably by 2027?
            Ana: I think it will take at least three years.
            """
        let found = extract(text)
        #expect(found.first?.deadline == Day(year: 2029, month: 1, day: 10))
        #expect(found.first?.claim.contains("fold laundry") == true)
        #expect(found.first?.probability == 0.65)
    }

    @Test("A hedged aside in an answer without its own time frame is not a forecast")
    func asideWithoutTime() {
        let text = """
            Sam: Do you think household robots will fold laundry reliably by 2027?
            Ana: That might be a blessing in disguise.
            """
        #expect(extract(text).isEmpty)
    }

    @Test("I don't think ... will: the opposite claim")
    func negatedStance() {
        let text = "Ken Ito: I don't think solid-state cells will reach cars by 2027.\n"
        let found = extract(text)
        #expect(found.first?.claim == "Solid-state cells will not reach cars by 2027")
        #expect(found.first?.probability == 0.65)
    }

    @Test("A question stays open for every panellist until a new one is asked")
    func openQuestion() {
        let text = """
            Rachel Adams: Lena, will house prices be lower at the end of 2027 than today?
            Lena Hartmann: I'd say that's unlikely. Maybe 20%.
            Rachel Adams: Ben, same question.
            Ben Okafor: I'm more bearish than Lena. I'd put it at one in three.
            Rachel Adams: Tobias?
            Tobias Kraus: Two in three.
            """
        let found = extract(text)
        #expect(found.map(\.owner) == ["Lena Hartmann", "Ben Okafor", "Tobias Kraus"])
        // Lena's number wins over her words; the others give numbers only.
        #expect(found.map(\.probability) == [0.2, 0.333, 0.667])
        #expect(found.allSatisfy { $0.claim == "House prices will be lower at the end of 2027 than today" })
        #expect(found.allSatisfy { $0.deadline == Day(year: 2027, month: 12, day: 31) })
    }

    @Test("A degree in the next sentence is about the timed statement just made")
    func degreeInNextSentence() {
        let text = """
            Date: 2026-07-01

            There will still be a million truck drivers in the US in 2035. Almost certainly.

            Driverless trucks will run on Texas highways before the end of the decade. I'd put that above 90%.

            I think mortgage rates will be below 6% by December. I'm fairly confident about that — call it 75%.

            This year we've only done a little in coding. I think this points to a new direction.

            ## Predictions for 2027

            1. The Fed funds rate ends the year below 3%. (70%)
            """
        let found = Extractor.extract(source: "essay.md", text: text).forecasts
        #expect(found.map(\.claim) == [
            "There will still be a million truck drivers in the US in 2035",
            "Driverless trucks will run on Texas highways before the end of the decade (by 2029-12-31)",
            "Mortgage rates will be below 6% by December (by 2026-12-31)",
            "The Fed funds rate ends the year below 3%",
        ])
        // almost certainly; above 90% (the midpoint of 90-100); the number replaces "I think"; (70%)
        #expect(found.map(\.probability) == [0.93, 0.95, 0.75, 0.7])
        #expect(found[1].probabilityLow == 0.9 && found[1].probabilityHigh == 1)
        #expect(found[2].quote == "I think mortgage rates will be below 6% by December. I'm fairly confident about that — call it 75%.")
        #expect(found.map(\.deadline) == [Day(year: 2035, month: 12, day: 31), Day(year: 2029, month: 12, day: 31),
                                          Day(year: 2026, month: 12, day: 31), Day(year: 2027, month: 12, day: 31)])
    }

    @Test("Statements asked as questions, lead-ins, names as subjects")
    func moreQuestionShapes() {
        #expect(QuestionLinking.frame("Red Sea traffic returns to 2023 levels by Q3 2027?", reference: said)?.claim(entity: nil)
                == "Red Sea traffic returns to 2023 levels by Q3 2027")
        #expect(QuestionLinking.frame("But scheduled service in a European city by 2028?", reference: said)?.claim(entity: nil)
                == "scheduled service in a European city by 2028")
        // Without a time frame of its own a fragment asks nothing to resolve.
        #expect(QuestionLinking.frame("If I had to assign a number?", reference: said) == nil)
        #expect(QuestionLinking.frame("Tobias?", reference: said) == nil)
        #expect(QuestionLinking.frame("Next: is this the year agents go mainstream?", reference: said)?.claim(entity: nil)
                == "this is the year agents go mainstream")
        #expect(QuestionLinking.frame("Will the US install more storage than China this year?", reference: said)?.claim(entity: nil)
                == "the US will install more storage than China this year")
        #expect(QuestionLinking.frame("Will GitHub still be the dominant code host in 2030?", reference: said)?.claim(entity: nil)
                == "GitHub will still be the dominant code host in 2030")
    }

    @Test("'No, almost certainly not': a degree for the opposite claim")
    func negativeAnswer() {
        let text = """
            Q: Will the US install more storage than China this year?
            A: No, almost certainly not.
            """
        let found = extract(text)
        #expect(found.map(\.claim) == ["The US will not install more storage than China this year (2026)"])
        #expect(found.map(\.probability) == [0.93])
    }
}
