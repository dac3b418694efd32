import Testing
@testable import ForetellKit

/// Shortcuts of the fifth speed round, on the path every token takes: each must answer what the
/// long way it spares answers. Expected values are worked out by hand.
@Suite("Extraction token path")
struct ExtractionTokenPathTests {
    private func packed(_ text: String, from start: Int, to end: Int) -> PackedWord? {
        Array(text.utf8).withUnsafeBufferPointer { PackedWord(loading: $0, start, end) }
    }

    @Test("A token packed from two loads is packed as byte by byte")
    func packedFromLoads() {
        // Room for both loads after the token: "abc" is 61 62 63, the first byte most significant.
        let roomy = "abc defghijklmnopqrstuvwxyz0123456789"
        #expect(packed(roomy, from: 0, to: 3) == PackedWord(high: 0x61_6263, low: 0))
        // "defghijklm": eight bytes in `high`, "l" and "m" (6C 6D) in `low`.
        #expect(packed(roomy, from: 4, to: 14) == PackedWord(high: 0x6465_6667_6869_6A6B, low: 0x6C6D))
        // Sixteen bytes, "defghijklmnopqrs": `low` is full.
        #expect(packed(roomy, from: 4, to: 20) == PackedWord(high: 0x6465_6667_6869_6A6B, low: 0x6C6D_6E6F_7071_7273))
        // Near the end of the buffer the bytes are read one at a time, with the same packing.
        #expect(packed("xyz", from: 1, to: 3) == PackedWord(high: 0x797A, low: 0))
        #expect(packed("0123456789", from: 0, to: 10) == PackedWord(high: 0x3031_3233_3435_3637, low: 0x3839))
        // Nothing, or more than sixteen bytes, has no packing.
        #expect(packed(roomy, from: 2, to: 2) == nil)
        #expect(packed(roomy, from: 4, to: 21) == nil)
        // A multi-byte character packs its bytes: "é" is C3 A9.
        #expect(packed("\u{E9}t\u{E9} and more words", from: 0, to: 5) == PackedWord(high: 0xC3A9_74C3_A9, low: 0))
    }

    private func wordEnd(_ text: String, from start: Int = 1) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { Tokenizer.wordEnd($0, from: start) }
    }

    @Test("A word ends where the scalar walk ends it")
    func wordEnds() {
        #expect(wordEnd("word and more text here") == 4)
        #expect(wordEnd("Internationalisation, then") == 20)
        // An apostrophe between letters stays in the word; one after it does not.
        #expect(wordEnd("it's a long sentence") == 4)
        #expect(wordEnd("ours' and theirs") == 4)
        // A typographic apostrophe (E2 80 99, three bytes) the same: "don’t" is seven bytes.
        #expect(wordEnd("don\u{2019}t go there now") == 7)
        #expect(wordEnd("dogs\u{2019} bowls") == 4)
        // Letters beyond ASCII continue it ("café" is five bytes); CJK ends it.
        #expect(wordEnd("caf\u{E9}, then more words") == 5)
        #expect(wordEnd("Tang\u{5510}\u{6770} said") == 4)
        // Digits belong to a word, and the end of the text ends one.
        #expect(wordEnd("x1y2z3w4v5 ok") == 10)
        #expect(wordEnd("ab") == 2)
        #expect(wordEnd("abcdefghijk") == 11)
    }

    @Test("Words between spaces are cut at the bytes only where each space stands alone")
    func standAloneSpaces() {
        func alone(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { String.spacesStandAlone($0) } }
        #expect(alone("By Jane Doe"))
        #expect(alone("no spaces at\u{2019}all"))
        // Curly quotes and dashes beside a space do not join it.
        #expect(alone("\u{201C}Yes\u{201D} \u{2014} she said"))
        // A combining accent after a space makes one character of both; a letter beyond ASCII
        // before one is not judged from the bytes.
        #expect(!alone("a \u{301}b"))
        #expect(!alone("caf\u{E9} au lait"))
        // The words come out as `split(separator: " ")` gives them, either way.
        for text in ["By Jane Doe", "\u{201C}Yes\u{201D} \u{2014} she said", "a \u{301}b c", "caf\u{E9} au  lait "] {
            #expect(text.wordsBetweenSpaces() == text.split(separator: " "))
        }
        #expect("\u{201C}Yes\u{201D} \u{2014} she said".wordsBetweenSpaces() == ["\u{201C}Yes\u{201D}", "\u{2014}", "she", "said"])
    }

    @Test("A bold opening is found from the bytes as hasPrefix finds it")
    func boldOpenings() {
        #expect(SpeakerLabels.beginsWith("**Ana Lee:** yes"[...], "**"))
        #expect(SpeakerLabels.beginsWith("**"[...], "**"))
        #expect(!SpeakerLabels.beginsWith("*Ana"[...], "**"))
        #expect(!SpeakerLabels.beginsWith("*"[...], "**"))
        #expect(!SpeakerLabels.beginsWith(""[...], "**"))
        // A combining accent after the second star makes it another character: no prefix.
        #expect(!SpeakerLabels.beginsWith("**\u{301}Ana"[...], "**"))
        #expect(SpeakerLabels.beginsWith("**\u{E9}va"[...], "**"))
    }

    @Test("Line shapes read from the bytes answer as the character tests they spare")
    func lineShapes() {
        #expect(Document.isRule("---"[...]))
        #expect(Document.isRule("***"[...]))
        #expect(Document.isRule("___"[...]))
        #expect(!Document.isRule("-*-"[...]))
        #expect(!Document.isRule("----"[...]))
        #expect(!Document.isRule("--"[...]))
        #expect(!Document.isRule("--\u{2014}"[...]))
        // Eight bytes with no "*" or "_" and no "by" (any case) starting among the first seven
        // are passed over; any of those is looked at.
        func word(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        #expect(!SpeakerLabels.mayHoldBylineByte(word("Posted 1")))
        #expect(!SpeakerLabels.mayHoldBylineByte(word("acdefghi")))
        #expect(SpeakerLabels.mayHoldBylineByte(word("written ")) == false)
        #expect(SpeakerLabels.mayHoldBylineByte(word("Alex, by")))
        #expect(SpeakerLabels.mayHoldBylineByte(word("BY JANE ")))
        #expect(SpeakerLabels.mayHoldBylineByte(word("**Date**")))
        #expect(SpeakerLabels.mayHoldBylineByte(word("snake_ca")))
        // Bytes beyond ASCII, a "b" without a "y" after it, and a "b" in the eighth byte (its
        // pair is looked for in the next eight) are passed over.
        #expect(!SpeakerLabels.mayHoldBylineByte(word("caf\u{E9} ok ")))
        #expect(!SpeakerLabels.mayHoldBylineByte(word("maybe it")))
        #expect(!SpeakerLabels.mayHoldBylineByte(word("Abbey Bo")))
        #expect(!SpeakerLabels.mayHoldBylineByte(word("xxxxxxxb")))
        #expect(SpeakerLabels.mayHoldBylineByte(word("xxxxxxbY")))
        #expect(SpeakerLabels.mayHoldBylineByte(word("abyss ok")))
        // "*" (2A) and "_" (5F) with 0x80 added are no marks.
        #expect(!SpeakerLabels.mayHoldBylineByte(0xAAAA_AAAA_DFDF_DFDF))
        // Byte values next to the letters: "a" and "c" (61, 63), "A" and "C" (41, 43), ")" and "+" (29, 2B), "^" and "`" (5E, 60).
        #expect(!SpeakerLabels.mayHoldBylineByte(word("acAC)+^`")))
        // Bullets and numbers are still stripped; a quote or a digit run that is no number opens plain text.
        #expect(SpeakerLabels.stripMarkup("- Item one"[...]) == "Item one")
        #expect(SpeakerLabels.stripMarkup("\u{2022} Item two"[...]) == "Item two")
        #expect(SpeakerLabels.stripMarkup("  > quoted"[...]) == "quoted")
        #expect(SpeakerLabels.stripMarkup("12. Twelfth"[...]) == "Twelfth")
        #expect(SpeakerLabels.stripMarkup("\u{201C}Quoted,\u{201D} she said"[...]) == "\u{201C}Quoted,\u{201D} she said")
        #expect(SpeakerLabels.stripMarkup("2030 will be late"[...]) == "2030 will be late")
    }

    @Test("More characters than a limit, told by the ASCII bytes of text beyond ASCII")
    func characterLowerBound() {
        // "It’s", a space and 60 letters: 65 characters. Sixty bytes are ASCII between ASCII (the
        // space and all letters but the last), so more than 50 is decided from the bytes alone.
        let long = "It\u{2019}s " + String(repeating: "a", count: 60)
        #expect(long.hasMoreCharacters(than: 50))
        #expect(!long.hasMoreCharacters(than: 65))
        #expect(long.hasMoreCharacters(than: 64))
        // Combining accents: twelve characters of two scalars each, 36 bytes; few ASCII bytes count.
        let accented = String(repeating: "e\u{301}", count: 12)
        #expect(!accented.hasMoreCharacters(than: 12))
        #expect(accented.hasMoreCharacters(than: 11))
    }

    @Test("A role label is not looked for where fourteen characters come before the first colon")
    func roleLabelColons() {
        #expect(SpeakerLabels.roleLabel("Q: What comes next in \u{201C}AI\u{201D}?"[...])?.role == .interviewer)
        #expect(SpeakerLabels.roleLabel("\u{201C}Moderator\u{201D}: the role of the chair is named here"[...]) == nil)
        #expect(SpeakerLabels.roleLabel("The report\u{2019}s authors wrote: it will happen by 2030"[...]) == nil)
        #expect(SpeakerLabels.roleLabel("**Moderator:** Let\u{2019}s begin with the first question today"[...])?.role == .moderator)
    }

    @Test("Period qualifiers and relative periods are tried only where a word can begin one")
    func periodWordClasses() {
        let tokens = Tokenizer.tokenize("Early Q2 of this year, the end of the decade, soon")
        func has(_ index: Int, _ word: WordClass) -> Bool { tokens[index].word.contains(word) }
        // Early, Q2, of, this, year, ",", the, end, of, the, decade, ",", soon
        #expect(has(0, .periodQualifierStart) && has(1, .periodQualifierStart) && has(7, .periodQualifierStart))
        #expect(!has(2, .periodQualifierStart) && !has(3, .periodQualifierStart) && !has(12, .periodQualifierStart))
        #expect(has(3, .relativePeriodStart) && has(4, .relativePeriodStart) && has(6, .relativePeriodStart) && has(10, .relativePeriodStart))
        #expect(!has(0, .relativePeriodStart) && !has(7, .relativePeriodStart) && !has(12, .relativePeriodStart))
        // Months are read only from capitalised time cores: "March" is one, "march" and "Marching" are not.
        let words = Tokenizer.tokenize("March march Marching Sept May")
        #expect(words.map { CalendarWords.month($0) } == [3, nil, nil, 9, 5])
        // The expressions these words open are still found, with the days they give.
        let day = Day(year: 2026, month: 1, day: 10)
        #expect(TimeExpressions.first(in: "by the end of this year", reference: day)?.deadline == Day(year: 2026, month: 12, day: 31))
        #expect(TimeExpressions.first(in: "in early 2027", reference: day)?.deadline == Day(year: 2027, month: 3, day: 31))
        #expect(TimeExpressions.first(in: "by Q2 2027", reference: day)?.deadline == Day(year: 2027, month: 6, day: 30))
        #expect(TimeExpressions.first(in: "before March 2028", reference: day)?.deadline == Day(year: 2028, month: 2, day: 29))
    }

    @Test("The lower bound of characters stops at its cap")
    func cappedCharacterBound() {
        func least(_ text: String, cap: Int = .max) -> Int { text.withUTF8Buffer { SpeakerLabels.leastCharacterCount($0, cap: cap) } }
        // "abcdefghij": the eight interior letters count.
        #expect(least("abcdefghij") == 8)
        #expect(least("abcdefghij", cap: 3) == 3)
        #expect(least("abcdefghij", cap: 20) == 8)
        // "ab’cd": b and c touch the three bytes of the apostrophe; nothing counts.
        #expect(least("ab\u{2019}cd", cap: 1) == 0)
    }

    @Test("The name before a colon is walked over bytes as over Characters")
    func nameWalkOnBytes() {
        func walk(_ text: String) -> (words: [Range<Int>], start: Int, probe: Int, glued: Bool)? {
            Array(text.utf8).withUnsafeBufferPointer { SpeakerLabels.asciiNameWalk($0) }
        }
        // Glued to a question: "Lin" is bytes 8 to 11, "Junyang" 12 to 19, the "?" before them glues.
        let glued = walk("of Qwen?Lin Junyang")
        #expect(glued?.words == [8..<11, 12..<19])
        #expect(glued?.start == 8 && glued?.probe == 8 && glued?.glued == true)
        // After a lead-in: "Tencent's" is possessive, so the name is "Yao Shunyu" (30 to 33, 34 to 40),
        // and the space before it (29) is passed over.
        let lead = walk("A bit to taste from Tencent's Yao Shunyu")
        #expect(lead?.words == [30..<33, 34..<40])
        #expect(lead?.start == 30 && lead?.probe == 29 && lead?.glued == false)
        // A lower-case word is no name: nothing found.
        #expect(walk("as follows")?.words == [])
        // A byte beyond ASCII read by the walk, or just before what it read, leaves it to Characters.
        #expect(walk("Zh\u{101}ng Wei") == nil)
        #expect(walk("\u{201C}Quoted\u{201D} Lin Junyang") == nil)
        #expect(walk("\u{E9}Lin") == nil)
        // The labels found either way are the same.
        let line = "That is the question?Lin Junyang:"[...]
        #expect(SpeakerLabels.trailing(line)?.label.name == "Lin Junyang")
        #expect(SpeakerLabels.trailing(line)?.glued == true)
        let curly = "\u{201C}Fine,\u{201D} he said.\u{201D}Lin Junyang:"[...]
        #expect(SpeakerLabels.trailing(curly)?.label.name == "Lin Junyang")
        #expect(SpeakerLabels.trailing(curly)?.glued == true)
    }

    @Test("Sentences the name pass tokenised are handed to the sentence pass as tokens")
    func keptSentenceTokens() {
        let document = Document(source: "t", text: "Professor Tang Jie says it will rain. Nothing else.\n\nNo names here.")
        var vocabulary = TokenVocabulary()
        var attribution = SpeakerAttribution(document: document, vocabulary: &vocabulary)
        let kept = attribution.takeSentenceTokens()
        // Two paragraphs; only the first sentence has two capitalised words in a row.
        #expect(kept.count == 2)
        #expect(kept[0].count == 2)
        // The tokens index the sentence's text, wherever that string was made.
        #expect(kept[0][0]?.map { $0.text(in: "Professor Tang Jie says it will rain.") } == ["Professor", "Tang", "Jie", "says", "it", "will", "rain", "."])
        #expect(kept[0][1] == nil)
        #expect(kept[1].isEmpty)
        // Handed over once.
        #expect(attribution.takeSentenceTokens().isEmpty)
        #expect(attribution.roster.names == ["Tang Jie"])
    }

    @Test("Lines opening with a plain character are left as stripMarkup leaves them")
    func plainOpenings() {
        // A quote, a curly quote, an em dash, an ellipsis: nothing to strip.
        for line in ["\"Yes,\" she said", "\u{201C}Yes,\u{201D} she said", "\u{2014} and then", "\u{2026}and so", "#hashtag", "$5 each"] {
            #expect(SpeakerLabels.opensWithPlainCharacter(line[...]))
            #expect(SpeakerLabels.stripMarkup(line[...]) == line[...])
        }
        // White space, digits, list marks and brackets are looked at.
        for line in [" - item", "\tText", "12. Twelfth", "- item", "* item", "+ item", "> quote", "[00:12] Ana: hi", "(12:05) Ana: hi",
                     "\u{2022} bullet", "\u{2013} dash item", "\u{3000}wide space", "\u{BD} a half"] {
            #expect(!SpeakerLabels.opensWithPlainCharacter(line[...]))
        }
        #expect(!SpeakerLabels.opensWithPlainCharacter(""[...]))
        #expect(SpeakerLabels.stripMarkup("\u{2013} dash item"[...]) == "dash item")
        #expect(SpeakerLabels.stripMarkup("[00:12] Ana: hi"[...]) == "Ana: hi")
    }

    @Test("Durations are read with approximators and units told by word classes")
    func durationClasses() {
        let tokens = Tokenizer.tokenize("about three years, roughly a decade, nearly six months")
        // about, three, years, ",", roughly, a, decade, ",", nearly, six, months
        #expect([0, 4, 8].allSatisfy { tokens[$0].word.contains(.approximator) })
        #expect(![1, 2, 3, 5, 6, 9, 10].contains { tokens[$0].word.contains(.approximator) })
        #expect([2, 6, 10].allSatisfy { tokens[$0].word.contains(.timeCore) })
        let day = Day(year: 2026, month: 1, day: 10)
        #expect(TimeExpressions.first(in: "in about three years", reference: day)?.deadline == Day(year: 2029, month: 1, day: 10))
        #expect(TimeExpressions.first(in: "within 6 months", reference: day)?.deadline == Day(year: 2026, month: 7, day: 10))
        let window = TimeExpressions.first(in: "over the next two to three years", reference: day)
        #expect(window?.deadline == Day(year: 2029, month: 1, day: 10))
        #expect(window?.earliest == Day(year: 2028, month: 1, day: 10))
    }

    @Test("Stray punctuation is trimmed from name words as Foundation trims it")
    func strayPunctuation() {
        #expect(Roster.trimmingStrayPunctuation("Tang") == "Tang")
        #expect(Roster.trimmingStrayPunctuation("O'Brien") == "O'Brien")
        #expect(Roster.trimmingStrayPunctuation("\u{201C}Tang\u{201D}") == "Tang")
        #expect(Roster.trimmingStrayPunctuation("Lee,") == "Lee")
        #expect(Roster.trimmingStrayPunctuation("(Qwen)") == "Qwen")
        // Points, hyphens and apostrophes belong to names and stay.
        #expect(Roster.trimmingStrayPunctuation("Jr.") == "Jr.")
        #expect(Roster.trimmingStrayPunctuation("-Ana") == "-Ana")
        #expect(Roster.clean("Professor Tang Jie") == "Tang Jie")
    }
}
