import Testing
@testable import ForetellKit

/// Shortcuts of the fourth speed round: each must answer what the long way it spares answers.
/// Expected values are worked out by hand.
@Suite("Extraction shortcuts")
struct ExtractionShortcutTests {
    @Test("More characters than a limit: answered from the bytes where they can, and as count otherwise")
    func moreCharacters() {
        #expect(!"abc".hasMoreCharacters(than: 3))
        #expect("abc".hasMoreCharacters(than: 2))
        // Two characters of three bytes each (e and a combining acute accent).
        let accented = "e\u{301}e\u{301}"
        #expect(!accented.hasMoreCharacters(than: 2))
        #expect(accented.hasMoreCharacters(than: 1))
        // Three characters of three bytes each.
        #expect(!"日本語".hasMoreCharacters(than: 3))
        #expect("日本語".hasMoreCharacters(than: 2))
        // CR LF is one character: four bytes, three characters.
        #expect(!"a\r\nb".hasMoreCharacters(than: 3))
        #expect("a\r\nb".hasMoreCharacters(than: 2))
        // A substring counts its own characters: "x日本語" has four.
        let part = "xx日本語".dropFirst()
        #expect(!part.hasMoreCharacters(than: 4))
        #expect(part.hasMoreCharacters(than: 3))
        #expect(!"".hasMoreCharacters(than: 0))
    }

    @Test("A question mark followed by an ASCII byte or the end is one of its own")
    func loneQuestionMark() {
        #expect(SpeakerAttribution.holdsLoneQuestionMark("Why?"))
        #expect(SpeakerAttribution.holdsLoneQuestionMark("Why? Because."))
        #expect(SpeakerAttribution.holdsLoneQuestionMark("Caf\u{E9}?"))
        #expect(!SpeakerAttribution.holdsLoneQuestionMark("No mark here."))
        // Followed by a combining accent or another non-ASCII byte: left to Foundation.
        #expect(!SpeakerAttribution.holdsLoneQuestionMark("?\u{301}"))
        #expect(!SpeakerAttribution.holdsLoneQuestionMark("?\u{E9}"))
        #expect(SpeakerAttribution.holdsLoneQuestionMark("?\u{E9}?"))
        #expect(SpeakerAttribution.holdsLoneQuestionMark("??"))
        #expect(!SpeakerAttribution.holdsLoneQuestionMark(""))
    }

    @Test("The first key word of a name is the first of its key words")
    func firstKeyWord() {
        #expect(Roster.firstKeyToken("Jean-Luc Picard") == "jean")
        #expect(Roster.firstKeyToken("XI Jinping") == "xi")
        #expect(Roster.firstKeyToken("Ana  Lee-") == "ana")
        #expect(Roster.firstKeyToken(" -Qwen") == "qwen")
        #expect(Roster.firstKeyToken("") == nil)
        #expect(Roster.firstKeyToken(" - ") == nil)
        // The long way: an apostrophe is kept, points around a word are trimmed.
        #expect(Roster.firstKeyToken("O'Brien Kelly") == "o'brien")
        #expect(Roster.firstKeyToken("Dr. Who") == "dr")
        for name in ["Jean-Luc Picard", "XI Jinping", "Ana  Lee-", " -Qwen", "", " - ", "O'Brien Kelly", "Dr. Who", "Zoë Ng"] {
            #expect(Roster.firstKeyToken(name) == Roster.keyTokens(name).first)
        }
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

    @Test("A word in capitals throughout is marked as an acronym when it is spelled")
    func acronymFlag() {
        let sentence = "The CTO of IMF and AI, not Ai or A, said G7 ÉTÉ"
        let marked = Tokenizer.tokenize(sentence).filter(\.isAcronym).map { $0.text(in: sentence) }
        #expect(marked == ["CTO", "IMF", "AI", "G7", "ÉTÉ"])
    }

    @Test("Plain names read from their bytes are cleaned as before")
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

    @Test("Lines split the same where eight bytes are passed over at a time")
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

    @Test("Capitals are found where eight bytes are passed over at a time")
    func introduceByWords() {
        #expect(PersonNames.mayIntroduce("the quick brown fox jumps over Lazy Dog"[...]))
        #expect(!PersonNames.mayIntroduce("all lower case text that goes on for a while, no names"[...]))
        #expect(!PersonNames.mayIntroduce("words words words and Ana then lee"[...]))
        #expect(PersonNames.mayIntroduce("\u{E9}t\u{E9} with Ana Lee"[...]))
        // "xAna Lee": the capital follows a letter, so no word begins with it; "@@@@@@@@Z Q" has one.
        #expect(!PersonNames.mayIntroduce("xxxxxxxxxAna Lee"[...]))
        #expect(PersonNames.mayIntroduce("@@@@@@@@[[[[[[[[ Zed Quill"[...]))
        #expect(!PersonNames.mayIntroduce("@@@@@@@@[[[[[[[[ zed quill"[...]))
    }

    @Test("The first NUL byte is found by memchr as by a search")
    func firstNUL() {
        #expect(DocumentDecoding.firstNUL([1, 2, 0, 3]) == 2)
        #expect(DocumentDecoding.firstNUL([]) == nil)
        #expect(DocumentDecoding.firstNUL([1, 2]) == nil)
        #expect(DocumentDecoding.firstNUL([1, 2, 3, 4, 5, 6, 7, 8, 0, 0]) == 8)
        #expect(DocumentDecoding.decode([0x61, 0x00]) == .binary(offset: 1))
    }

    @Test("The words a question frame can start on carry a bit of their own")
    func frameOpenerBit() {
        for word in ["how", "is", "which", "who", "what", "do", "does", "would", "did"] {
            #expect(WordClass.of(word).contains(.frameOpener))
        }
        for word in ["howl", "it", "whose", "done", "chance", "", "d"] {
            #expect(!WordClass.of(word).contains(.frameOpener))
        }
        // Written in capitals, the tokenizer finds the bit from the lower-cased bytes.
        let tokens = Tokenizer.tokenize("HOW likely, Which one?")
        #expect(tokens.map { $0.word.contains(.frameOpener) } == [true, false, false, true, false, false])
    }

    @Test("Letters are told from the ASCII value as Character.isLetter tells them")
    func asciiLetters() {
        for c: Character in ["a", "z", "A", "Z", "\u{E9}", "\u{3B1}", "\u{5B57}"] { #expect(SpeakerLabels.isLetter(c)) }
        for c: Character in ["@", "[", "`", "{", "0", "-", " ", "'", "\u{2019}", "\r\n", "\u{AA}" ] {
            #expect(SpeakerLabels.isLetter(c) == c.isLetter)
        }
        #expect(!SpeakerLabels.isLetter("@") && !SpeakerLabels.isLetter("[") && !SpeakerLabels.isLetter("`") && !SpeakerLabels.isLetter("{"))
    }

    /// Eight bytes read little-endian, as the splitter reads them.
    private func word(_ text: String) -> UInt64 {
        var value: UInt64 = 0
        for (i, byte) in text.utf8.prefix(8).enumerated() { value |= UInt64(byte) << (8 * UInt64(i)) }
        return value
    }

    @Test("Eight plain bytes are passed over with the white space among them marked exactly")
    func plainRuns() {
        #expect(SentenceSplitter.plainRunSpaces(word("abcdefgh")) == 0)
        // A space as the fourth byte: the top bit of byte 3.
        #expect(SentenceSplitter.plainRunSpaces(word("abc defg")) == 0x8000_0000)
        // Tab, LF, CR, VT, FF and a space, then two letters.
        #expect(SentenceSplitter.plainRunSpaces(word("\t\n\r\u{0B}\u{0C} xy")) == 0x0000_8080_8080_8080)
        // Neighbours of the bytes looked for are plain: backspace, SO, "-", "/", ">", "@", "\"", "#".
        #expect(SentenceSplitter.plainRunSpaces(word("\u{08}\u{0E}-/>@\"#")) == 0)
        #expect(SentenceSplitter.plainRunSpaces(word("abc.defg")) == nil)
        #expect(SentenceSplitter.plainRunSpaces(word("abcdefg?")) == nil)
        #expect(SentenceSplitter.plainRunSpaces(word("!bcdefgh")) == nil)
        #expect(SentenceSplitter.plainRunSpaces(word("abcd\u{E9}fg")) == nil)
    }

    @Test("Sentences split the same where eight bytes are passed over at a time")
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

    @Test("A capital followed by ASCII is an upper-case first character; anything else is asked")
    func loneCapital() {
        #expect(DocumentDates.startsWithLoneCapital("B"))
        #expect(DocumentDates.startsWithLoneCapital("BEIJING, Jan 5"))
        #expect(!DocumentDates.startsWithLoneCapital("beijing"))
        #expect(!DocumentDates.startsWithLoneCapital(""))
        #expect(!DocumentDates.startsWithLoneCapital("\u{C9}cole"))
        // A combining mark after the capital: the character is "A" with the mark, left to Character.
        #expect(!DocumentDates.startsWithLoneCapital("A\u{345}x"))
        // The dateline itself is found as before.
        #expect(DocumentDates.wireDateline("BEIJING, January 5 (Reuters) - Markets rose.", published: Day(year: 2026, month: 2, day: 1))
            == Day(year: 2026, month: 1, day: 5))
    }

    @Test("ASCII bytes between ASCII bytes bound the characters from below")
    func leastCharacters() {
        func least(_ text: String) -> Int { text.withUTF8Buffer { SpeakerLabels.leastCharacterCount($0) } }
        #expect(least("abc") == 1)
        #expect(least("ab") == 0)
        // a, é (two bytes), b, c, d: only c has ASCII on both sides.
        #expect(least("a\u{E9}bcd") == 1)
        // CR LF is one character: neither half counts.
        #expect(least("x\r\ny") == 0)
        #expect(least("the colon") == 7)
        // The colon within ten characters, or not, as counting them says.
        let far = "Caf\u{E9} and other words here: x"[...]
        #expect(SpeakerLabels.firstColon(far, within: 10) == nil)
        let near = "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}: x"[...]
        #expect(SpeakerLabels.firstColon(near, within: 8) == near.firstIndex(of: ":"))
        #expect(SpeakerLabels.firstColon(near, within: 6) == nil)
    }

    @Test("Letters and digits are counted eight bytes at a time as one at a time")
    func alphanumericRuns() {
        #expect(Tokenizer.alphanumericPrefix(word("abcdefgh")) == 8)
        #expect(Tokenizer.alphanumericPrefix(word("AZaz09Mm")) == 8)
        #expect(Tokenizer.alphanumericPrefix(word("word and")) == 4)
        #expect(Tokenizer.alphanumericPrefix(word("it's a b")) == 2)
        #expect(Tokenizer.alphanumericPrefix(word(" abcdefg")) == 0)
        // The neighbours of the ranges: "@", "[", "`", "{", "/", ":" end a run.
        #expect(Tokenizer.alphanumericPrefix(word("a@bcdefg")) == 1)
        #expect(Tokenizer.alphanumericPrefix(word("ab[cdefg")) == 2)
        #expect(Tokenizer.alphanumericPrefix(word("abc`defg")) == 3)
        #expect(Tokenizer.alphanumericPrefix(word("abcd{efg")) == 4)
        #expect(Tokenizer.alphanumericPrefix(word("12345/67")) == 5)
        #expect(Tokenizer.alphanumericPrefix(word("123456:7")) == 6)
        // A byte beyond ASCII ends it too ("é" is C3 A9), whatever its low seven bits.
        #expect(Tokenizer.alphanumericPrefix(word("caf\u{E9}abc")) == 3)
        #expect(Tokenizer.alphanumericPrefix(word("abcdefg\u{E9}")) == 7)
        // Tokens come out the same for words longer and shorter than eight bytes.
        let sentence = "Internationalisation isn't 2030s-ready, caf\u{E9}s’ owners said; x1y2z3w4v5 ok."
        let tokens = Tokenizer.tokenize(sentence)
        #expect(tokens.map { $0.text(in: sentence) } == ["Internationalisation", "isn't", "2030s", "-", "ready", ",", "caf\u{E9}s", "’", "owners", "said", ";",
                                       "x1y2z3w4v5", "ok", "."])
    }

    @Test("ASCII suffixes are found from the bytes as hasSuffix finds them")
    func asciiSuffixes() {
        #expect(SpeakerLabels.endsWith("**Ana Lee**"[...], "**"))
        #expect(SpeakerLabels.endsWith("**"[...], "**"))
        #expect(!SpeakerLabels.endsWith("Ana*"[...], "**"))
        #expect(!SpeakerLabels.endsWith("*"[...], "**"))
        #expect(SpeakerLabels.endsWith("Ana Lee (CEO)"[...], ")"))
        #expect(!SpeakerLabels.endsWith(""[...], ")"))
        // Non-ASCII before the suffix: Character decides, as hasSuffix does.
        for text in ["caf\u{E9})", "\u{600})", "\u{600}**", "x\u{301}**", "\u{E9}"] {
            #expect(SpeakerLabels.endsWith(text[...], ")") == text.hasSuffix(")"))
            #expect(SpeakerLabels.endsWith(text[...], "**") == text.hasSuffix("**"))
        }
    }

    @Test("JSON strings: text without escapes is copied whole, escapes are written in place")
    func jsonStrings() {
        func written(_ text: String) -> String {
            var out = Array("x".utf8)
            JSONValue.writeString(text, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(written("plain") == "x\"plain\"")
        #expect(written("a text longer than fifteen bytes") == "x\"a text longer than fifteen bytes\"")
        #expect(written("say \"hi\"") == "x\"say \\\"hi\\\"\"")
        #expect(written("a\nb\\") == "x\"a\\nb\\\\\"")
        #expect(written("") == "x\"\"")
        #expect(JSONValue.object([("a", .string("b")), ("n", .number(0.25))]).serialized(reservingCapacity: 1) == "{\"a\": \"b\", \"n\": 0.25}")
    }

    @Test("Owner keys of ASCII names: words lower-cased and sorted, as folding makes them")
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

    @Test("Names of letters alone are cleaned from their bytes as the full cleaning cleans them")
    func lettersOnlyNames() {
        func letters(_ name: String) -> String? {
            var name = name
            return name.withUTF8 { Roster.lettersOnlyName($0) }
        }
        // In capitals with a word of more than two letters: title-cased.
        #expect(letters("JOHN SMITH") == "John Smith")
        #expect(Roster.clean("JOHN SMITH") == "John Smith")
        // In capitals, no word longer than two letters: kept as written.
        #expect(letters("AI") == "AI")
        #expect(letters("US UK") == "US UK")
        // Titles dropped from the front, one after another, but never the last word.
        #expect(letters("Professor Tang Jie") == "Tang Jie")
        #expect(letters("Chief Economist Jo Li") == "Jo Li")
        #expect(letters("Professor") == "Professor")
        // "dr" is a title; what is left is in capitals: "JOHN" is title-cased.
        #expect(letters("DR JOHN") == "John")
        #expect(letters("Dr AI") == "AI")
        // One word with a lower-case letter: nothing is title-cased.
        #expect(letters("US Fed") == "US Fed")
        // Anything but letters and single spaces is left to the full cleaning.
        #expect(letters("Tang  Jie") == nil)
        #expect(letters(" Tang") == nil)
        #expect(letters("Tang ") == nil)
        #expect(letters("O'Brien") == nil)
        #expect(letters("Zo\u{EB}") == nil)
        #expect(letters("") == nil)
    }

    @Test("A question framed from the tokens its sentence was read with is framed as from its text")
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

    @Test("A first key word not listed is told from its packed bytes; anything else is left to the look-up")
    func unlistedFirstKeyWords() {
        var listed = PackedTable<Bool>()
        for word in ["tang", "jie", "lin"] { listed[PackedWord(word.utf8)!] = true }
        // "China": its first key word "china" is not listed.
        #expect(Roster.firstKeyWordUnlisted("China", listed: listed))
        #expect(Roster.firstKeyWordUnlisted("Open AI", listed: listed))
        // Listed, in any case, after leading separators.
        #expect(!Roster.firstKeyWordUnlisted("Tang Jie", listed: listed))
        #expect(!Roster.firstKeyWordUnlisted("TANG", listed: listed))
        #expect(!Roster.firstKeyWordUnlisted("-Lin", listed: listed))
        // Not letters, spaces and hyphens only, or a first word longer than sixteen letters: no answer.
        #expect(!Roster.firstKeyWordUnlisted("O'Brien", listed: listed))
        #expect(!Roster.firstKeyWordUnlisted("Zo\u{EB} Kim", listed: listed))
        #expect(!Roster.firstKeyWordUnlisted("Kim Zo\u{EB}", listed: listed))
        #expect(!Roster.firstKeyWordUnlisted("Abcdefghijklmnopq", listed: listed))
        #expect(!Roster.firstKeyWordUnlisted("", listed: listed))
        #expect(!Roster.firstKeyWordUnlisted(" - ", listed: listed))
    }

    @Test("A name word: a capitalised word of name bytes is one before any particle is looked up")
    func nameWordCapitalFirst() {
        // Capital, then letters, hyphens, apostrophes and points.
        #expect(SpeakerLabels.isNameWord("Tang"[...]))
        #expect(SpeakerLabels.isNameWord("O'Brien"[...]))
        #expect(SpeakerLabels.isNameWord("Smith-Jones"[...]))
        #expect(SpeakerLabels.isNameWord("J."[...]))
        #expect(SpeakerLabels.isNameWord("NASA"[...]))
        // Particles, lower-case: still found in the set.
        #expect(SpeakerLabels.isNameWord("van"[...]))
        #expect(SpeakerLabels.isNameWord("de"[...]))
        // Lower-case words that are not particles, a digit, a comma, an empty word: no.
        #expect(!SpeakerLabels.isNameWord("vans"[...]))
        #expect(!SpeakerLabels.isNameWord("Tang2"[...]))
        #expect(!SpeakerLabels.isNameWord("Tang,"[...]))
        #expect(!SpeakerLabels.isNameWord(""[...]))
        // Capitalised, but "Van" is not the particle "van": a name word all the same.
        #expect(SpeakerLabels.isNameWord("Van"[...]))
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

    @Test("A written name whose first word begins no known name is told from its bytes, as resolve would tell it")
    func beginsNoListedName() {
        let roster = Roster()
        roster.add("Yang Zhilin")
        roster.add("Professor Tang Jie")
        // The first key words the two names list are "yang" and "tang" (the title is dropped).
        // Letters and single spaces, first word unlisted and no title: nobody, without looking up.
        #expect(roster.beginsNoListedName("Qwen"))
        #expect(roster.beginsNoListedName("OPENAI"))
        #expect(roster.beginsNoListedName("Xu Li"))
        #expect(roster.resolve("Qwen") == nil)
        #expect(roster.resolve("Xu Li") == nil)
        // A listed first word, in any case: the long way decides (and finds them).
        #expect(!roster.beginsNoListedName("Yang"))
        #expect(!roster.beginsNoListedName("TANG Jie"))
        #expect(roster.resolve("Yang") == "Yang Zhilin")
        #expect(roster.resolve("Tang") == "Tang Jie")
        // A title first ("Professor Tang" is Tang Jie): the long way decides.
        #expect(!roster.beginsNoListedName("Professor Tang"))
        #expect(!roster.beginsNoListedName("Dr Qwen"))
        #expect(roster.resolve("Professor Tang") == "Tang Jie")
        // Anything but letters and single spaces, or a first word over sixteen letters: says nothing.
        #expect(!roster.beginsNoListedName("Xu  Li"))
        #expect(!roster.beginsNoListedName(" Xu"))
        #expect(!roster.beginsNoListedName("Xu "))
        #expect(!roster.beginsNoListedName("Jean-Luc"))
        #expect(!roster.beginsNoListedName("O'Brien"))
        #expect(!roster.beginsNoListedName("Zhilin."))
        #expect(!roster.beginsNoListedName("Abcdefghijklmnopq"))
        #expect(roster.beginsNoListedName("Abcdefghijklmnop"))
        #expect(!roster.beginsNoListedName(""))
        #expect(!roster.beginsNoListedName("Zoë"))
        // The key is the first word lower-cased, packed as the tables pack it.
        #expect(Roster.plainFirstWord("Xu Li") == PackedWord("xu".utf8))
        #expect(Roster.plainFirstWord("QWEN") == PackedWord("qwen".utf8))
        #expect(Roster.plainFirstWord("Abcdefghijklmnop Q") == PackedWord("abcdefghijklmnop".utf8))
        #expect(Roster.plainFirstWord("Abcdefghijklmnopq") == nil)
        #expect(Roster.plainFirstWord("Xu  Li") == nil)
        #expect(Roster.plainFirstWord("Xu-Li") == nil)
    }

    @Test("A name written in a sentence is told from the bytes where it stands, as from the name")
    func beginsNoListedNameInPlace() {
        let roster = Roster()
        roster.add("Yang Zhilin")
        let sentence = "Then Xu Li and  Yang Zhilin met Qwen\tLi, Zoë Xu."
        let tokens = Tokenizer.tokenize(sentence)
        func written(_ first: Int, _ last: Int) -> Range<String.Index> {
            tokens[first].range.lowerBound..<tokens[last].range.upperBound
        }
        #expect(tokens.count == 13)
        // "Xu Li", "Qwen": written as their names, neither begins a listed one.
        #expect(roster.beginsNoListedName(sentence, written(1, 2)))
        #expect(roster.beginsNoListedName(sentence, written(7, 7)))
        // "Yang Zhilin" begins a listed name; "and  Yang" has two spaces and "Qwen\tLi" a tab,
        // which a name made of the words would not: nothing is said of them from these bytes.
        #expect(!roster.beginsNoListedName(sentence, written(4, 5)))
        #expect(!roster.beginsNoListedName(sentence, written(3, 4)))
        #expect(!roster.beginsNoListedName(sentence, written(7, 8)))
        // Not ASCII letters: "Zoë", "Li,".
        #expect(!roster.beginsNoListedName(sentence, written(10, 10)))
        #expect(!roster.beginsNoListedName(sentence, written(8, 9)))
        // The tokens of another string with the same text are read at the same offsets.
        let copy = String(decoding: Array(sentence.utf8), as: UTF8.self)
        #expect(roster.beginsNoListedName(copy, written(1, 2)))
        #expect(!roster.beginsNoListedName("Xu", written(1, 2)))
    }

    @Test("A word table answers as its dictionary does, for short words by their bytes and long ones by their strings")
    func wordTable() {
        let table = WordTable(["a": 1, "twenty": 20, "internationalisation": 99, "café": 7, "abcdefghijklmnop": 16])
        #expect(table["a"] == 1)
        #expect(table["twenty"] == 20)
        #expect(table["café"] == 7)
        #expect(table["abcdefghijklmnop"] == 16)  // sixteen bytes: packed
        #expect(table["internationalisation"] == 99)  // twenty bytes: the dictionary
        #expect(table["internationalisatio"] == nil)
        #expect(table["twenty "] == nil)
        #expect(table["Twenty"] == nil)
        #expect(table[""] == nil)
        // Numbers read through it: units, tens and scales, glued or spaced.
        let sentence = "twenty-five, a hundred and one thousand"
        let tokens = Tokenizer.tokenize(sentence)
        #expect(NumberWords.parse(tokens, at: 0)?.value == 25)
        #expect(NumberWords.parse(tokens, at: 0)?.next == 3)
        #expect(NumberWords.parse(tokens, at: 4)?.value == 100)
        #expect(NumberWords.parse(tokens, at: 7)?.value == 1_000)
    }

    @Test("A token's written text is cut from the sentence it was read from, or one with the same text")
    func writtenText() {
        let sentence = "Dr. Ève O’Brien’s 2030s-plan, 唐杰 said."
        let tokens = Tokenizer.tokenize(sentence)
        #expect(tokens.map { $0.text(in: sentence) } == ["Dr", ".", "Ève", "O’Brien’s", "2030s", "-", "plan", ",", "唐", "杰", "said", "."])
        #expect(tokens.map(\.lower) == ["dr", ".", "ève", "o'brien's", "2030s", "-", "plan", ",", "唐", "杰", "said", "."])
        let copy = String(decoding: Array(sentence.utf8), as: UTF8.self)
        #expect(tokens.map { $0.text(in: copy) } == tokens.map { $0.text(in: sentence) })
        #expect(tokens.text(in: sentence, from: 2, to: 3) == "Ève O’Brien’s")
        // A range beyond a shorter string cuts nothing, and does not trap.
        #expect("Dr".cut(tokens[0].range) == "Dr")
        #expect("Dr".cut(tokens[2].range) == "")
    }
}
