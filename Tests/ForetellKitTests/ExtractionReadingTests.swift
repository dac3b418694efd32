import Foundation
import Testing
@testable import ForetellKit

/// How extraction reads text: tokens, lines, sentences, names, header lines and dates. Kept from
/// the tests that once pinned the byte-level speed paths to the plain code, for the assertions
/// that are about behaviour; expected values are worked out by hand from the rules.
@Suite("Extraction text reading")
struct ExtractionReadingTests {
    private func tokens(_ text: String) -> [(String, Token.Kind, Bool)] {
        Tokenizer.tokenize(text).map { ($0.text(in: text), $0.kind, $0.spaceBefore) }
    }

    @Test("Words, numbers (3.5, 200,000, 1.8B) and marks")
    func asciiTokens() {
        let found = tokens("It's 3.5, not 200,000 in the 2030s; 1.8B.")
        let texts = found.map(\.0)
        #expect(texts == ["It's", "3.5", ",", "not", "200,000", "in", "the", "2030s", ";", "1.8B", "."])
        let kinds = found.map(\.1)
        #expect(kinds == [.word, .number, .punctuation, .word, .number, .word, .word, .word, .punctuation, .word, .punctuation])
        // White space before: "It's" opens the text; "," and ";" and "." are glued.
        #expect(found.map(\.2) == [true, true, false, true, true, true, true, true, false, true, false])
    }

    @Test("A trailing point or comma and a lone apostrophe do not join")
    func trailingMarks() {
        #expect(tokens("in 2030. Then").map(\.0) == ["in", "2030", ".", "Then"])
        #expect(tokens("dogs' toys").map(\.0) == ["dogs", "'", "toys"])
        #expect(tokens("rock 'n' roll").map(\.0) == ["rock", "'", "n", "'", "roll"])
        #expect(tokens("10,").map(\.0) == ["10", ","])
    }

    @Test("Tabs, line breaks and other control white space separate tokens")
    func asciiWhiteSpace() {
        #expect(tokens("a\tb\nc\u{0B}d\u{0C}e\rf").map(\.0) == ["a", "b", "c", "d", "e", "f"])
        #expect(tokens("\u{01}x").map(\.1) == [.punctuation, .word])
    }

    @Test("Letters beyond ASCII, typographic apostrophes, CJK")
    func mixedScalars() {
        #expect(tokens("don’t café naïve").map(\.0) == ["don’t", "café", "naïve"])
        #expect(Tokenizer.tokenize("Don’t").first?.lower == "don't")
        // A number followed by a non-ASCII letter becomes a word; CJK splits off an English word.
        #expect(tokens("5é").map(\.1) == [.word])
        #expect(tokens("AI人工").map(\.0) == ["AI", "人", "工"])
        #expect(tokens("AI人工").map(\.1) == [.word, .punctuation, .punctuation])
        #expect(tokens("—").map(\.1) == [.punctuation])
    }

    @Test("Name words: capitalised letters, hyphens and points, no acronym, no not-name word")
    func nameWords() {
        let text = "Jean-Luc J. Smith GPU A The OpenAI Anna's O'Neil x2 Xy2"
        let words = Tokenizer.tokenize(text)
        let flags = Dictionary(words.map { ($0.text(in: text), $0.isNameWord) }, uniquingKeysWith: { a, _ in a })
        #expect(flags["Jean"] == true)
        #expect(flags["Smith"] == true)
        #expect(flags["GPU"] == false)  // all capitals
        #expect(flags["A"] == false)  // "a" is a not-name word
        #expect(flags["J"] == true)  // one capital is no acronym
        #expect(flags["The"] == false)  // a not-name word
        #expect(flags["OpenAI"] == true)
        #expect(flags["Anna's"] == false)  // an apostrophe is not name-shaped
        #expect(flags["Xy2"] == false)  // a digit is not name-shaped
        #expect(flags["x2"] == false)
        #expect(PersonNames.capitalizedRun(Tokenizer.tokenize("met Ana Ruiz Lopez Diaz today"), at: 1) == 1..<4)
        #expect(PersonNames.capitalizedRun(Tokenizer.tokenize("the IMF"), at: 1) == nil)
    }

    @Test("Claims are tidied: spaces, stray marks, a lone quote, a capital")
    func tidy() {
        #expect(ClaimBuilder.tidy("  rates will fall , soon  ") == "Rates will fall, soon")
        #expect(ClaimBuilder.tidy("“inflation  eases”") == "“inflation eases”")
        #expect(ClaimBuilder.tidy("\"the café reopens") == "The café reopens")
    }

    @Test("Key words of a name: lower-cased, split at spaces and hyphens, possessives and points dropped")
    func keyWords() {
        #expect(Roster.keyTokens("Jean-Luc Picard") == ["jean", "luc", "picard"])
        #expect(Roster.keyTokens("XI Jinping") == ["xi", "jinping"])
        #expect(Roster.keyTokens("Ana  Lee-") == ["ana", "lee"])
        #expect(Roster.keyTokens(" - ") == [])
        #expect(Roster.keyTokens("O'Brien Kelly's") == ["o'brien", "kelly"])
        #expect(Roster.keyTokens("Dr. Who") == ["dr", "who"])
    }

    @Test("A name is its words joined by single spaces")
    func nameOfRun() {
        let sentence = "Paul Christiano says"
        let tokens = Tokenizer.tokenize(sentence)
        #expect(PersonNames.name(tokens, 0..<2, in: sentence) == "Paul Christiano")
        #expect(PersonNames.name(tokens, 0..<1, in: sentence) == "Paul")
        #expect(PersonNames.name(tokens, 1..<3, in: sentence) == "Christiano says")
        #expect(PersonNames.name(tokens, 1..<1, in: sentence) == "")
        // Written as in the text, not as looked up: accents, capitals and apostrophes kept.
        let accented = "Ève  O’Brien said"
        let written = Tokenizer.tokenize(accented)
        #expect(PersonNames.name(written, 0..<2, in: accented) == "Ève O’Brien")
        #expect(written[1].lower == "o'brien")
    }

    @Test("A word in capitals throughout is an acronym")
    func acronymFlag() {
        let sentence = "The CTO of IMF and AI, not Ai or A, said G7 ÉTÉ"
        let marked = Tokenizer.tokenize(sentence).filter(\.isAcronym).map { $0.text(in: sentence) }
        #expect(marked == ["CTO", "IMF", "AI", "G7", "ÉTÉ"])
    }

    @Test("Names are cleaned: titles dropped, capitals title-cased")
    func plainNames() {
        #expect(Roster.clean("Tang Jie") == "Tang Jie")
        #expect(Roster.clean("x Tang Jie".dropFirst(2)) == "Tang Jie")
        #expect(Roster.clean("Professor Tang Jie") == "Tang Jie")
        #expect(Roster.clean("Ambassador Jane Doe") == "Jane Doe")
        #expect(Roster.clean("Anthropologist Jane") == "Anthropologist Jane")
        // A first word of seventeen letters is longer than any title.
        #expect(Roster.clean("Abcdefghijklmnopq Smith") == "Abcdefghijklmnopq Smith")
        // A point in the first word sends the name the long way, which drops the title.
        #expect(Roster.clean("Dr. Who") == "Who")
        #expect(Roster.clean("JOHN SMITH") == "John Smith")
    }

    @Test("Lines split at every kind of line break, CR LF once")
    func linesByWords() {
        // 26 letters, a LF, 17 letters and a CR LF, then a line of 9 bytes with no end.
        let text = "abcdefghijklmnopqrstuvwxyz\nABCDEFGHIJKLMNOPQ\r\nlast line"
        #expect(Document.lines(text) == ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQ", "last line"])
        // A form feed and a vertical tab inside an otherwise long ASCII run.
        #expect(Document.lines("0123456789\u{0C}0123456789\u{0B}x") == ["0123456789", "0123456789", "x"])
        // NEL, LS and PS after non-ASCII text; a tab (0x09) is no break.
        #expect(Document.lines("caf\u{E9} caf\u{E9}\u{85}a\tb c d e f g\u{2028}h\u{2029}") == ["caf\u{E9} caf\u{E9}", "a\tb c d e f g", "h", ""])
        #expect(Document.lines("") == [""])
        #expect(Document.lines("12345678") == ["12345678"])
        #expect(Document.lines("1234567\n") == ["1234567", ""])
        for sample in ["a long line without any break at all, just words", "x\r\ny\rz\n\nw", "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\n0123456789abcdef\u{0D}"] {
            let expected = sample.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            #expect(Document.lines(sample).map(String.init) == expected)
        }
    }

    @Test("Sentences split at stops, not after initials")
    func splitByWords() {
        func split(_ text: String) -> [String] { SentenceSplitter.split(text).map { String(text[$0]) } }
        #expect(split("The first sentence is long enough. And the second one follows it! Does the third ask? Yes.")
            == ["The first sentence is long enough.", "And the second one follows it!", "Does the third ask?", "Yes."])
        // The initial is found only if the word before the point starts where it does.
        #expect(split("A long sentence written by J. Smith goes here. Another one.")
            == ["A long sentence written by J. Smith goes here.", "Another one."])
        #expect(split("Words\tand\nmore words here, all\u{0B}plain. Next\tone.")
            == ["Words\tand\nmore words here, all\u{0B}plain.", "Next\tone."])
    }

    @Test("Owner keys: words folded and sorted")
    func asciiOwnerKeys() {
        #expect(ForecastIdentity.ownerKey(nil) == "")
        #expect(ForecastIdentity.ownerKey("Xu Li") == "li xu")
        // Points and hyphens separate words; digits are kept.
        #expect(ForecastIdentity.ownerKey("Dr. Jo-Ann Smith") == "ann dr jo smith")
        #expect(ForecastIdentity.ownerKey("Team B2") == "b2 team")
        #expect(ForecastIdentity.ownerKey("") == "")
        // Not ASCII: folded by Foundation, the accent dropped.
        #expect(ForecastIdentity.ownerKey("Zo\u{EB} Kim") == "kim zoe")
    }

    @Test("A question is framed the same from its tokens or its text")
    func frameFromTokens() {
        let question = "Will China lead by 2030?"
        let frame = QuestionLinking.frame(question, tokens: Tokenizer.tokenize(question), reference: nil)
        // "Will" moves after the subject, which ends before "lead", a verb it knows.
        #expect(frame?.kind == .yesNo)
        #expect(frame?.proposition == "China will lead by 2030")
        #expect(frame?.question == question)
        #expect(frame == QuestionLinking.frame(question, reference: nil))
    }

    @Test("A line ends open unless its last character that is not white space ends a sentence or closes")
    func lineEndsOpen() {
        #expect(Document.endsOpen("and the rest of the"))
        #expect(!Document.endsOpen("That is all."))
        #expect(!Document.endsOpen("Is it?"))
        #expect(!Document.endsOpen("as follows:"))
        #expect(!Document.endsOpen("(see below)"))
        #expect(Document.endsOpen("a"))
        #expect(!Document.endsOpen("."))
        // White space after the mark is passed over.
        #expect(!Document.endsOpen("done. \t"))
        #expect(Document.endsOpen("open \r\n"))
        // No character but white space: not open.
        #expect(!Document.endsOpen(""))
        #expect(!Document.endsOpen("  "))
        // Typographic closing marks, and a period with a combining accent, which is not a period.
        #expect(!Document.endsOpen("he said\u{201D}"))
        #expect(!Document.endsOpen("and so on\u{2026}"))
        #expect(Document.endsOpen("caf\u{E9}"))
        #expect(Document.endsOpen("odd.\u{301}"))
        // An Arabic number sign (a prepended mark) joins the period after it into one character.
        #expect(Document.endsOpen("x \u{600}."))
    }

    private func introduced(_ sentence: String) -> [PersonNames.Mention] {
        PersonNames.introduced(in: Tokenizer.tokenize(sentence), of: sentence)
    }

    @Test("Named after a cue: \"according to\" is read as two tokens, \"of\", \"at\", \"from\" one by one")
    func introducedCues() {
        let according = introduced("That is according to Miriam Katz today.")
        #expect(according.map(\.name) == ["Miriam Katz"])
        #expect(according.map(\.tokens) == [4..<6])
        // "to" without "according" before it is no cue, and nothing else here is one.
        #expect(introduced("We went to Miriam Katz today.").isEmpty)
        // "Miriam Katz of Civica Research thinks": after "of" or "at" behind a capital, the
        // organisation is not taken for a person, even before a reporting verb; behind a
        // lower-case word it is.
        #expect(introduced("Miriam Katz of Civica Research thinks so.").isEmpty)
        #expect(introduced("Katz at Civica Research thinks so.").isEmpty)
        #expect(introduced("A man at Civica Research thinks so.").map(\.name)
            == ["Civica Research"])
    }

    @Test("Conditions as runs of tokens: from after an opener to a comma, a dash, another opener or the clause end")
    func conditionRuns() {
        // We(0) will(1) win(2) if(3) it(4) rains(5) ,(6) and(7) if(8) not(9) then(10) we(11) lose(12) .(13)
        let tokens = Tokenizer.tokenize("We will win if it rains, and if not then we lose.")
        #expect(tokens.count == 14)
        #expect(ClauseAnalysis.conditionRanges(tokens, clause: 0..<14) == [4..<6, 9..<14])
        // A clause that starts after the opener holds no condition of its own.
        #expect(ClauseAnalysis.conditionRanges(tokens, clause: 4..<8) == [])
        #expect(ClauseAnalysis.conditionRanges(tokens, clause: 0..<3) == [])
        // An opener right after another ends nothing and starts nothing; a dash closes.
        // if(0) unless(1) rain(2) —(3) we(4) win(5)
        let doubled = Tokenizer.tokenize("if unless rain \u{2014} we win")
        #expect(doubled.count == 6)
        #expect(ClauseAnalysis.conditionRanges(doubled, clause: 0..<6) == [2..<3])
        // An opener inside a condition splits it: the opener itself is not inside.
        // if(0) rain(1) once(2) more(3)
        #expect(ClauseAnalysis.conditionRanges(Tokenizer.tokenize("if rain once more"), clause: 0..<4) == [1..<2, 3..<4])
    }

    @Test("Runs searched by halves: in a run, between runs, before and after them all")
    func runsContain() {
        let runs = [2..<4, 6..<7, 9..<12]
        #expect(ClauseAnalysis.runsContain(runs, 2))
        #expect(ClauseAnalysis.runsContain(runs, 3))
        #expect(!ClauseAnalysis.runsContain(runs, 4))
        #expect(!ClauseAnalysis.runsContain(runs, 5))
        #expect(ClauseAnalysis.runsContain(runs, 6))
        #expect(!ClauseAnalysis.runsContain(runs, 7))
        #expect(ClauseAnalysis.runsContain(runs, 11))
        #expect(!ClauseAnalysis.runsContain(runs, 12))
        #expect(!ClauseAnalysis.runsContain(runs, 0))
        #expect(!ClauseAnalysis.runsContain(runs, -1))
        #expect(!ClauseAnalysis.runsContain([], 0))
    }

    private func day(_ year: Int, _ month: Int, _ day: Int) -> Day? { Day(year: year, month: month, day: day) }

    @Test("Wire datelines: a place, a comma, a day, an agency, a dash")
    func wireDatelinesUnchanged() {
        let published = day(2026, 7, 1)
        #expect(DocumentDates.wireDateline("FRANKFURT, March 3 (Reuters) - Rates fell.", published: published) == day(2026, 3, 3))
        #expect(DocumentDates.wireDateline("LONDON, England, 9 June 2026 \u{2014} Text.", published: published) == day(2026, 6, 9))
        #expect(DocumentDates.wireDateline("Z\u{DC}RICH, 3 March (AP) - Text.", published: published) == day(2026, 3, 3))
        #expect(DocumentDates.wireDateline("A1 Road, March 3 - Text.", published: published) == day(2026, 3, 3))
        // "May" is where the date starts; the month and day found are "June 3".
        #expect(DocumentDates.wireDateline("PARIS, May and June 3 - Talks.", published: published) == day(2026, 6, 3))
        #expect(DocumentDates.wireDateline("PARIS, the June 3 - Talks.", published: published) == nil)
        #expect(DocumentDates.wireDateline("In 2025, March 3 - Talks.", published: published) == nil)
        #expect(DocumentDates.wireDateline("The company said, on May 3 - it", published: published) == nil)
    }

    @Test("Publication dates from datelines and by-lines")
    func publicationDates() {
        func published(_ text: String) -> Day? { DocumentDates.find(in: Document(source: "t.txt", text: text)).published }
        #expect(published("January 13, 2026 \u{2014} The meeting opened.\n") == day(2026, 1, 13))
        #expect(published("\u{C9}t\u{E9}, January 13, 2026 \u{2014} Text.\n") == day(2026, 1, 13))
        // A by-line with a date, and one without (the date is then in the text).
        #expect(published("Posted January 2, 2025 by Alex Chen\n\nText here.\n") == day(2025, 1, 2))
        #expect(published("By Jane Doe\n\nJanuary 5, 2026 \u{2014} Text.\n") == day(2026, 1, 5))
        // The date is past the first 80 characters of the line.
        let words = String(repeating: "Word ", count: 17)
        #expect(published(words + "January 13, 2026 text.\n") == nil)
    }

    @Test("Event dates need a day, a month and an event word")
    func eventDates() {
        func event(_ text: String) -> Day? { DocumentDates.find(in: Document(source: "t.txt", text: text)).event }
        #expect(event("Leaders met at the summit on January 10, 2026.\n") == day(2026, 1, 10))
        #expect(event("The SUMMIT was held on 10 JANUARY 2026.\n") == day(2026, 1, 10))
        #expect(event("Nothing happened.\n\nAt the 2026 forum. It was on January 9, 2026.\n") == nil)
        #expect(event("Nothing happened.\n\nIt was the forum on January 9, 2026.\n") == day(2026, 1, 9))
        #expect(event("The summit drew 3000 people.\n") == nil)
        #expect(event("The summit was in march 2026.\n") == nil)
    }

    @Test("Words without markup: asterisks dropped, underscores made spaces")
    func markupWords() {
        #expect(SpeakerLabels.wordsWithoutMarkup("Posted _January 2, 2025_ by *Alex Chen*"[...])
            == ["Posted", "January", "2,", "2025", "by", "Alex", "Chen"])
        for text in ["__a__b", "*by* Jane", "x_y z", "*\u{301}by_ Jane", "\u{E9}_\u{E9} *a*"] {
            let long = text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ").split(separator: " ")
            #expect(SpeakerLabels.wordsWithoutMarkup(text[...]) == long)
        }
    }

    @Test("Lists of names, with affiliations in brackets")
    func names() {
        #expect(SpeakerLabels.looksLikeNames("Yang Qiang (HKUST), Tang Jie (Zhipu), Lin Junyang (Qwen)"))
        #expect(SpeakerLabels.looksLikeNames("Ana & Bo; Cy and de Vries"))
        #expect(!SpeakerLabels.looksLikeNames("Welcome, everyone"))
        #expect(!SpeakerLabels.looksLikeNames("and"))
        #expect(!SpeakerLabels.looksLikeNames(""))
        #expect(SpeakerLabels.looksLikeNames(Array(repeating: "Ana", count: 24).joined(separator: " ")))
        #expect(!SpeakerLabels.looksLikeNames(Array(repeating: "Ana", count: 25).joined(separator: " ")))
        #expect(SpeakerLabels.looksLikeNames("Zo\u{EB} Ng"))
        #expect(SpeakerLabels.looksLikeNames("Yang Zhilin \u{6768}\u{690D}\u{9E9F} (Founder of Moonshot AI & Kimi)"))
    }

    @Test("Header lines: keys, by-lines, date lines")
    func headerLines() {
        func header(_ line: String) -> [String]? { SpeakerLabels.header(line[...]).map { [$0.key, $0.value] } }
        #expect(header("**Date:** Tue, 13 Jan 2026 18:51:29 +0000") == ["date", "Tue, 13 Jan 2026 18:51:29 +0000"])
        #expect(header("**Source:** a***b") == ["source", "a*b"])
        #expect(header("Date:** Caf\u{E9} 2026") == ["date", "Caf\u{E9} 2026"])
        #expect(header("Moderator: Li Guangmi") == ["moderator", "Li Guangmi"])
        #expect(header("Moderator: Welcome, everyone") == nil)
        #expect(header("Li Guangmi: Welcome, everyone") == nil)
        #expect(header("Posted _January 2, 2025_ by *Alex Chen*") == ["by", "Alex Chen"])
        #expect(header("Published 2026-03-30") == ["published", "2026-03-30"])
        #expect(header("PUBLISHED on 2026-03-30") == ["published", "2026-03-30"])
        #expect(header("Publishing 2026-03-30") == nil)
        #expect(header("Maybe 3 hobby Jane Doe") == nil)
        // "by" after words of any length.
        for padding in 1...16 {
            let line = "March " + String(repeating: "x", count: padding) + " 3 by Jane Doe"
            #expect(header(line) == ["by", "Jane Doe"], "padding \(padding)")
            #expect(header(line.replacingOccurrences(of: " by ", with: " BY ")) == ["by", "Jane Doe"], "padding \(padding)")
        }
    }
}
