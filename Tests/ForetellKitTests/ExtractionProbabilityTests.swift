import Testing
@testable import ForetellKit

/// Expected values come from the table in shared/reference/extraction.md and its modifier rules:
/// "very" moves a phrase half-way towards 0 or 100 (Mosteller & Youtz); negation flips it.
@Suite("Probability phrases")
struct ExtractionProbabilityTests {
    private func value(_ text: String) -> Double? { ProbabilityPhrases.parse(text)?.value }

    private func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-9
    }

    @Test("Numbers in every form")
    func numbers() {
        #expect(close(value("20%"), 0.2))
        #expect(close(value("12.5 %"), 0.125))
        #expect(close(value("twenty percent"), 0.2))
        #expect(close(value("twenty-five per cent"), 0.25))
        #expect(close(value("one in five"), 0.2))
        #expect(close(value("1 in 5"), 0.2))
        #expect(close(value("one out of four"), 0.25))
        #expect(close(value("3 to 1 against"), 0.25))
        #expect(close(value("3 to 1 on"), 0.75))
        #expect(close(value("4 to 1 in favour"), 0.8))
    }

    @Test("Ranges and bounds keep both ends; the probability is the midpoint")
    func ranges() {
        let range = ProbabilityPhrases.parse("10 - 20%")
        #expect(close(range?.value, 0.15))
        #expect(close(range?.low, 0.1))
        #expect(close(range?.high, 0.2))
        #expect(close(ProbabilityPhrases.parse("10%–20%")?.high, 0.2))
        #expect(close(ProbabilityPhrases.parse("between 30 and 40 percent")?.value, 0.35))
        let above = ProbabilityPhrases.parse(">90%")
        #expect(close(above?.low, 0.9))
        #expect(close(above?.high, 1.0))
        #expect(close(above?.value, 0.95))
        #expect(close(ProbabilityPhrases.parse("less than 10%")?.value, 0.05))
        #expect(ProbabilityPhrases.parse("20%")?.low == nil)
        #expect(ProbabilityPhrases.parse("20%")?.basis == .numeric)
    }

    @Test("Impossible and absurd numbers are not probabilities and do not trap")
    func absurd() {
        #expect(ProbabilityPhrases.parse("99999999999999999999%") == nil)
        #expect(ProbabilityPhrases.parse("150%") == nil)
        #expect(ProbabilityPhrases.parse("six in five") == nil)
        #expect(ProbabilityPhrases.parse("0 in 0") == nil)
        #expect(ProbabilityPhrases.parse("30 - 10%") == nil)
    }

    @Test("Proportions are not probabilities")
    func proportions() {
        let tokens = Tokenizer.tokenize("Claude writes 95% of its own code; one in five Americans agree")
        let found = ProbabilityPhrases.numeric(in: tokens)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.isProportion })
        let named = ProbabilityPhrases.numeric(in: Tokenizer.tokenize("a 70% chance of rain"))
        #expect(named.first?.namedAsProbability == true)
    }

    @Test("Verbal phrases take the reference table's values")
    func table() {
        #expect(close(value("almost certainly"), 0.93))
        #expect(close(value("highly likely"), 0.90))
        #expect(close(value("very good chance"), 0.80))
        #expect(close(value("likely"), 0.70))
        #expect(close(value("probably"), 0.75))
        #expect(close(value("better than even"), 0.60))
        #expect(close(value("a toss-up"), 0.50))
        #expect(close(value("50-50"), 0.50))
        #expect(close(value("maybe"), 0.50))
        #expect(close(value("it's possible"), 0.40))
        #expect(close(value("unlikely"), 0.20))
        #expect(close(value("little chance"), 0.10))
        #expect(close(value("highly unlikely"), 0.05))
        #expect(close(value("almost no chance"), 0.02))
        #expect(close(value("definitely"), 0.97))
    }

    @Test("Numbers override words")
    func numbersWin() {
        #expect(close(value("very likely, I'd say 60%"), 0.6))
    }

    @Test("Modifiers: very moves half-way to the nearer end, quite a quarter, fairly towards even")
    func modifiers() {
        // probable 0.75 → very probable is its own table entry (0.90); truly believe 0.75 → 0.875
        #expect(close(value("it is very probable"), 0.90))
        #expect(close(value("I truly believe"), 0.875))
        // likely 0.70 → quite likely 0.70 + 0.25 × 0.30
        #expect(close(value("quite likely"), 0.775))
        // likely 0.70 → fairly likely 0.70 + 0.25 × (0.50 - 0.70)
        #expect(close(value("fairly likely"), 0.65))
        // unlikely 0.20 → extremely unlikely is in the table (0.05); really unlikely 0.20 → 0.10
        #expect(close(value("really unlikely"), 0.10))
    }

    @Test("Negation flips around even and drops the intensifier")
    func negation() {
        #expect(close(value("not likely"), 0.30))
        #expect(close(value("not very likely"), 0.30))
        #expect(close(value("The probability isn't very large"), 0.20))
        #expect(close(value("the odds are not good"), 0.35))
        #expect(close(value("I'm not sure"), 0.40))
    }

    @Test("Probability nouns with a grade")
    func graded() {
        // "high probability" 0.80; "quite" moves a quarter of the way to 1
        #expect(close(value("I think the probability is actually quite high"), 0.85))
        #expect(close(value("the chances are slim"), 0.10))
        #expect(close(value("there is a good chance"), 0.65))
    }

    @Test("Words that only look like degrees")
    func lookalikes() {
        #expect(value("as soon as possible") == nil)
        #expect(value("in certain areas") == nil)
        #expect(value("make sure it works") == nil)
        #expect(value("more likely to fail than before") == nil)
        #expect(value("Could you share your view") == nil)
        #expect(value("we could have done it") == nil)
        #expect(value("expect shifts in design") == nil)  // no one holds the expectation
    }

    @Test("Amounts moved to or by, and numbers hyphenated to a noun, are not probabilities")
    func amounts() {
        #expect(value("a move to 1% by the end of 2026 was more likely than not") == 0.6)
        #expect(value("at least one 1-in-100-year flood is more likely than not") == 0.6)
        #expect(value("snowfall will decline by 20–40%") == nil)
        #expect(value("the odds rose to 30%") == 0.3)
        #expect(value("call it 75%") == 0.75)
    }
}
