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
}
