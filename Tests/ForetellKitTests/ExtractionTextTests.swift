import Testing
@testable import ForetellKit

@Suite("Sentences and tokens")
struct ExtractionTextTests {
    private func sentences(_ text: String) -> [String] {
        SentenceSplitter.split(text).map { String(text[$0]) }
    }

    @Test("Ordinary sentence ends, with closing quotes")
    func ordinary() {
        #expect(sentences("He left. She stayed! Why? \"Fine.\" Done") == ["He left.", "She stayed!", "Why?", "\"Fine.\"", "Done"])
    }

    @Test("Sentences glued without a space after an ordinary word are split")
    func glued() {
        #expect(sentences("Our odds aren't huge.If I had to assign a number? 20%.") ==
                ["Our odds aren't huge.", "If I had to assign a number?", "20%."])
    }

    @Test("Abbreviations, initials, decimals and acronyms do not end sentences")
    func abbreviations() {
        #expect(sentences("Dr. Smith met Prof. J. Doe in the U.S. last week. Growth was 3.5 percent.") ==
                ["Dr. Smith met Prof. J. Doe in the U.S. last week.", "Growth was 3.5 percent."])
        #expect(sentences("The U.S.But then") == ["The U.S.But then"])
    }

    @Test("A question mark ends a sentence even before lower case")
    func questionLowercase() {
        #expect(sentences("can it work? maybe not.") == ["can it work?", "maybe not."])
    }

    @Test("Tokens keep contractions whole and split dashes, percent signs and CJK")
    func tokens() {
        let tokens = Tokenizer.tokenize("It’s 10–20% (Tang Jie 唐杰), mid-2026.")
        #expect(tokens.map(\.lower) == ["it's", "10", "–", "20", "%", "(", "tang", "jie", "唐", "杰", ")", ",", "mid", "-", "2026", "."])
        #expect(tokens[2].isGluedDash)
        #expect(tokens[13].isGluedDash)
        #expect(!tokens[8].isWord)
    }

    @Test("Time cores: numbers, number words, units, capitalised months, decades")
    func timeCores() {
        let tokens = Tokenizer.tokenize("In May we may see the 2030s by September")
        #expect(tokens.map(\.isTimeCore) == [false, true, false, false, false, false, true, false, true])
    }

    @Test("Number words and digits")
    func numbers() {
        func value(_ text: String) -> Double? { NumberWords.parse(Tokenizer.tokenize(text), at: 0)?.value }
        #expect(value("twenty") == 20)
        #expect(value("twenty-five") == 25)
        #expect(value("one hundred") == 100)
        #expect(value("a thousand") == 1000)
        #expect(value("200,000") == 200_000)
        #expect(value("3.5") == 3.5)
        #expect(value("99999999999999999999") == 1e20)
        #expect(value("three four") == 3)
        #expect(value("percent") == nil)
    }
}
