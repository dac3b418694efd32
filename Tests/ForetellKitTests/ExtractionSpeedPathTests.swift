import Testing
@testable import ForetellKit

/// The shortcuts taken for speed must answer exactly what the slower code they replace answered.
/// Expected values are worked out by hand from the rules each shortcut stands for.
@Suite("Extraction speed paths")
struct ExtractionSpeedPathTests {
    // MARK: - Tokenizer: ASCII bytes classified directly

    private func tokens(_ text: String) -> [(String, Token.Kind, Bool)] {
        Tokenizer.tokenize(text).map { ($0.text(in: text), $0.kind, $0.spaceBefore) }
    }

    @Test("ASCII words, numbers and marks split as before")
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

    @Test("Non-ASCII letters, apostrophes and digits after ASCII keep their old reading")
    func mixedScalars() {
        #expect(tokens("don’t café naïve").map(\.0) == ["don’t", "café", "naïve"])
        #expect(Tokenizer.tokenize("Don’t").first?.lower == "don't")
        // A number followed by a non-ASCII letter becomes a word; CJK splits off an English word.
        #expect(tokens("5é").map(\.1) == [.word])
        #expect(tokens("AI人工").map(\.0) == ["AI", "人", "工"])
        #expect(tokens("AI人工").map(\.1) == [.word, .punctuation, .punctuation])
        #expect(tokens("—").map(\.1) == [.punctuation])
    }

    @Test("Words from a shared vocabulary are spelled as fresh ones")
    func vocabularyAgrees() {
        var vocabulary = TokenVocabulary()
        let text = "Paul Christiano says GPU prices will fall, Paul says."
        let first = Tokenizer.tokenize(text, vocabulary: &vocabulary)
        let second = Tokenizer.tokenize(text, vocabulary: &vocabulary)
        let fresh = Tokenizer.tokenize(text)
        #expect(first == fresh)
        #expect(second == fresh)
        #expect(second.map(\.isNameWord) == fresh.map(\.isNameWord))
    }

    // MARK: - Stored name-word test

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

    // MARK: - Word classes

    @Test("List bits are set exactly for words of the list, never for marks")
    func listBits() {
        func classes(_ text: String) -> [WordClass] { Tokenizer.tokenize(text).map(\.word) }
        let words = Tokenizer.tokenize("But if unless whether once so That those was didn't going away likely according says over about a , ;")
        #expect(words.count == 20)
        func has(_ index: Int, _ bit: WordClass) -> Bool { index < words.count && words[index].word.contains(bit) }
        #expect(has(0, .but) && has(0, .anaphoricLead))
        #expect(has(1, .conditionOpener) && has(2, .conditionOpener) && has(3, .conditionOpener) && has(4, .conditionOpener))
        #expect(!has(0, .conditionOpener))
        #expect(has(5, .anaphoricLead))
        #expect(has(6, .demonstrative) && has(7, .demonstrative))
        #expect(has(8, .pastAuxiliary) && has(9, .pastAuxiliary))
        #expect(has(10, .going) && has(11, .away) && has(12, .likely) && has(13, .according))
        #expect(has(14, .reportingVerb) && !has(13, .reportingVerb))
        #expect(has(15, .comparatorStart) && has(16, .comparatorStart) && !has(17, .comparatorStart))
        // Marks carry no list bit.
        #expect(classes(", ;").allSatisfy { $0.isDisjoint(with: [.but, .conditionOpener, .demonstrative, .comparatorStart]) })
    }

    @Test("Spelling bits: \"'ll\" and the perfect auxiliaries")
    func spellingBits() {
        let words = Tokenizer.tokenize("we'll It’ll will we've have has haven't hasn't had")
        #expect(words.map { $0.word.contains(.endsInWill) } == [true, true, false, false, false, false, false, false, false])
        #expect(words.map { $0.word.contains(.perfectAuxiliary) } == [false, false, false, true, true, true, true, true, false])
    }

    @Test("Packing a byte range matches packing the bytes")
    func packedRange() {
        let bytes: [UInt8] = Array("xxprobabilityandmore".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(PackedWord(buffer, 2, 13) == PackedWord(Array("probability".utf8)))
            #expect(PackedWord(buffer, 0, 16) == PackedWord(Array("xxprobabilityand".utf8)))
            #expect(PackedWord(buffer, 0, 17) == nil)
            #expect(PackedWord(buffer, 3, 3) == nil)
        }
        // Eight bytes fill the high word; the ninth starts the low one.
        let nine = PackedWord(Array("abcdefghi".utf8))
        #expect(nine?.high == 0x6162_6364_6566_6768)
        #expect(nine?.low == 0x69)
    }

    // MARK: - Token sets

    @Test("A token set answers as a set of integers")
    func tokenSet() {
        var set = TokenSet(count: 5)
        set.formUnion(1..<3)
        set.insert(4)
        set.insert(7)
        set.insert(-1)
        #expect((-2...8).filter { set.contains($0) } == [-1, 1, 2, 4, 7])
        var empty = TokenSet(count: 0)
        #expect(!empty.contains(0))
        empty.insert(0)
        #expect(empty.contains(0))
    }

    // MARK: - String helpers

    @Test("A character prefix cut at bytes matches prefix()")
    func characterPrefix() {
        #expect(String("Ken Ito: I think so".characterPrefix(7)) == "Ken Ito")
        #expect(String("short".characterPrefix(120)) == "short")
        // The character after the cut carries a combining accent: "e" + U+0301 is one character.
        let accent = "abcde\u{301}f"
        #expect(String(accent.characterPrefix(5)) == "abcde\u{301}")
        #expect(String(accent.characterPrefix(5)) == String(accent.prefix(5)))
        // CR LF is one character.
        #expect(String("ab\r\ncd".characterPrefix(3)) == "ab\r\n")
        #expect(String("naïve words".characterPrefix(3)) == "naï")
        #expect(String("abc".characterPrefix(0)) == "")
    }

    @Test("Fast lower-casing agrees with lowercased()")
    func lowercasing() {
        #expect("The FED Will Cut".lowercasedFast() == "the fed will cut")
        #expect("“Rates” Fall — Soon…".lowercasedFast() == "“rates” fall — soon…")
        #expect("ÉCOLE Naïve".lowercasedFast() == "école naïve")
        #expect("ΣΟΦΙΑ".lowercasedFast() == "ΣΟΦΙΑ".lowercased())
        #expect("".lowercasedFast() == "")
    }

    @Test("Byte offsets found with memchr")
    func byteOffsets() {
        #expect("Moderator: hello".utf8Offset(of: 0x3A) == 9)
        #expect("Moderator: hello".utf8Offset(of: 0x3A, within: 9) == nil)
        #expect("Moderator: hello".utf8Offset(of: 0x3A, within: 10) == 9)
        #expect("no colon".utf8Offset(of: 0x3A) == nil)
        #expect("".utf8Offset(of: 0x3A) == nil)
        let slice = "ab:cd:ef".dropFirst(3)
        #expect(slice.utf8Offset(of: 0x3A) == 2)
        #expect("é:".utf8Offset(of: 0x3A) == 2)
        #expect("abc".utf8Offset(of: 0x3A, within: -1) == nil)
    }

    @Test("Claims are tidied as before")
    func tidy() {
        #expect(ClaimBuilder.tidy("  rates will fall , soon  ") == "Rates will fall, soon")
        #expect(ClaimBuilder.tidy("“inflation  eases”") == "“inflation eases”")
        #expect(ClaimBuilder.tidy("\"the café reopens") == "The café reopens")
    }
}
