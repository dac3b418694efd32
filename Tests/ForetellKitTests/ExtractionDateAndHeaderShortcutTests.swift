import Foundation
import Testing
@testable import ForetellKit

/// Byte-level checks in front of the document dates and header lines: each must answer what the
/// long way it spares answers, and hand back to it wherever the bytes do not settle the answer.
/// Expected values are worked out by hand.
@Suite("Extraction date and header shortcuts")
struct ExtractionDateAndHeaderShortcutTests {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> Day? { Day(year: year, month: month, day: day) }

    // MARK: - Digits and months

    @Test("The first ASCII digit is found eight bytes at a time, and only ASCII digits count")
    func firstDigit() {
        #expect("abc".utf8OffsetOfDigit() == nil)
        #expect("".utf8OffsetOfDigit() == nil)
        #expect("abc5".utf8OffsetOfDigit() == 3)
        #expect("abcdefgh12".utf8OffsetOfDigit() == 8)
        #expect("abcdefghijklmnopqrstuvw0".utf8OffsetOfDigit() == 23)
        // "/" and ":" sit either side of the digits; Arabic-Indic and full-width digits are no ASCII.
        #expect("//::////::".utf8OffsetOfDigit() == nil)
        #expect("\u{661}\u{FF11}\u{661}\u{FF11}".utf8OffsetOfDigit() == nil)
        #expect("abcdefghij1".utf8OffsetOfDigit(within: 10) == nil)
        #expect("abcdefghij1".utf8OffsetOfDigit(within: 11) == 10)
        #expect("xx9".dropFirst().utf8OffsetOfDigit() == 1)
        // Digit bytes with the high bit set (B0 to B9) are no digits.
        #expect(!String.holdsDigit(0xB0B1_B2B3_B4B5_B6B9))
        #expect(!String.holdsDigit(0x2F3A_2F3A_2F3A_2F3A))
        #expect(String.holdsDigit(0x2020_2020_2020_2039))
        #expect(String.holdsDigit(0x3020_2020_2020_2020))
    }

    @Test("A digit among the first characters is ruled out only when the bytes show it")
    func digitWithinCharacters() {
        let letters = String(repeating: "a", count: 80)
        #expect(!DocumentDates.mayHoldDigit("no digit at all"[...], withinCharacters: 80))
        #expect(DocumentDates.mayHoldDigit("digit 1"[...], withinCharacters: 80))
        // The 83rd character is a digit: the bytes show 80 characters before it (the first and
        // last byte before it are not counted, as what is next to them is not looked at).
        #expect(!DocumentDates.mayHoldDigit((letters + "aa1")[...], withinCharacters: 80))
        // The 81st or 82nd: not among the first 80, but left to the long way; the 80th is.
        #expect(DocumentDates.mayHoldDigit((letters + "a1")[...], withinCharacters: 80))
        #expect(DocumentDates.mayHoldDigit((letters + "1")[...], withinCharacters: 80))
        #expect(DocumentDates.mayHoldDigit((letters.dropFirst() + "1")[...], withinCharacters: 80))
        // Characters beyond ASCII are not counted from the bytes: 160 bytes but 80 characters of
        // "é", or 40 of "a" with an accent, leave it to the long way, which says yes to the 40.
        #expect(DocumentDates.mayHoldDigit((String(repeating: "\u{E9}", count: 80) + "1")[...], withinCharacters: 80))
        #expect(DocumentDates.mayHoldDigit((String(repeating: "a\u{301}", count: 40) + "1")[...], withinCharacters: 80))
        // CR LF is one character: 40 of them are 80 bytes, and the digit is the 41st character.
        #expect(DocumentDates.mayHoldDigit((String(repeating: "\r\n", count: 40) + "1")[...], withinCharacters: 80))
    }

    @Test("A month needs an ASCII capital and two letters that begin a month's name")
    func monthStems() {
        func month(_ text: String) -> Bool { text.withUTF8Buffer(DocumentDates.mayHoldMonth) }
        #expect(month("on 3 March"))
        #expect(month("MAR"))
        #expect(month("10 JANUARY 2026"))
        #expect(month("Sept. 3"))
        #expect(month("Dec"))
        // Not a month, but the bytes cannot tell: the long way decides.
        #expect(month("Marble 3"))
        #expect(!month("mar 3"))
        #expect(!month("De"))
        #expect(!month("D\u{E9}c 3"))
        #expect(!month("no month 2026"))
        #expect(!month(""))
    }

    // MARK: - Wire datelines

    @Test("Paragraphs whose first words cannot lead to a date are not tokenised")
    func wireDatelineBytes() {
        // Ruled out: a small letter or a digit opens a word before the first comma.
        #expect(!DocumentDates.mayOpenWithWireDateline("The company said, on May 3 - it"))
        #expect(!DocumentDates.mayOpenWithWireDateline("In 2025, the plan - it"))
        #expect(!DocumentDates.mayOpenWithWireDateline("The\tcompany, May 3 - it"))
        // Or after it, before any digit or month: "the".
        #expect(!DocumentDates.mayOpenWithWireDateline("First, the plan for 2026 - it"))
        #expect(!DocumentDates.mayOpenWithWireDateline("PARIS, the June 3 - it"))
        // No digit among the first 90 bytes.
        #expect(!DocumentDates.mayOpenWithWireDateline("ALPHA, " + String(repeating: "B", count: 90) + " 3"))
        // Handed back: the forms a dateline takes.
        #expect(DocumentDates.mayOpenWithWireDateline("FRANKFURT, March 3 (Reuters) - Rates"))
        #expect(DocumentDates.mayOpenWithWireDateline("LONDON, England, 9 June 2026 \u{2014} Text"))
        #expect(DocumentDates.mayOpenWithWireDateline("Z\u{DC}RICH, 3 March (AP) - Text"))
        #expect(DocumentDates.mayOpenWithWireDateline("A1 Road, March 3 - Text"))
        // A small word after a month and before the day: the date may have begun.
        #expect(DocumentDates.mayOpenWithWireDateline("PARIS, May and June 3 - Talks"))
    }

    @Test("Wire datelines are found as before, including those the shortcut hands back")
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

    // MARK: - Publication and event dates

    @Test("Datelines opening a paragraph and dates in by-lines are found as before")
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

    @Test("Event dates need a day and a month, and are found as before")
    func eventDates() {
        func event(_ text: String) -> Day? { DocumentDates.find(in: Document(source: "t.txt", text: text)).event }
        #expect(event("Leaders met at the summit on January 10, 2026.\n") == day(2026, 1, 10))
        #expect(event("The SUMMIT was held on 10 JANUARY 2026.\n") == day(2026, 1, 10))
        #expect(event("Nothing happened.\n\nAt the 2026 forum. It was on January 9, 2026.\n") == nil)
        #expect(event("Nothing happened.\n\nIt was the forum on January 9, 2026.\n") == day(2026, 1, 9))
        #expect(event("The summit drew 3000 people.\n") == nil)
        #expect(event("The summit was in march 2026.\n") == nil)
    }

    // MARK: - Header lines

    @Test("Header keys are told from the bytes of plain ASCII, and other text is handed back")
    func headerKeys() {
        #expect(SpeakerLabels.mayBeHeaderKey("**Date"[...]))
        #expect(SpeakerLabels.mayBeHeaderKey(" Panel **Members** "[...]))
        #expect(SpeakerLabels.mayBeHeaderKey("WRITTEN BY"[...]))
        #expect(!SpeakerLabels.mayBeHeaderKey("Li Guangmi"[...]))
        #expect(!SpeakerLabels.mayBeHeaderKey("Dates"[...]))
        #expect(!SpeakerLabels.mayBeHeaderKey(""[...]))
        #expect(!SpeakerLabels.mayBeHeaderKey("Da te"[...]))
        // Beyond plain ASCII (an accent, a tab): the long way decides.
        #expect(SpeakerLabels.mayBeHeaderKey("Caf\u{E9}"[...]))
        #expect(SpeakerLabels.mayBeHeaderKey("\tDate"[...]))
    }

    @Test("Pairs of asterisks are dropped as Foundation drops them")
    func doubleAsterisks() {
        for text in ["***", "****", "a**b**c", "**x*", "*", "", "** Tue, 13 Jan 2026", "a*\u{301}**b", "\u{E9}**\u{E9}"] {
            #expect(SpeakerLabels.removingDoubleAsterisks(text[...]) == text.replacingOccurrences(of: "**", with: ""))
        }
        #expect(SpeakerLabels.removingDoubleAsterisks("a***b"[...]) == "a*b")
    }

    @Test("Words without markup are those Foundation and split give")
    func markupWords() {
        #expect(SpeakerLabels.wordsWithoutMarkup("Posted _January 2, 2025_ by *Alex Chen*"[...])
            == ["Posted", "January", "2,", "2025", "by", "Alex", "Chen"])
        for text in ["__a__b", "*by* Jane", "x_y z", "*\u{301}by_ Jane", "\u{E9}_\u{E9} *a*"] {
            let long = text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ").split(separator: " ")
            #expect(SpeakerLabels.wordsWithoutMarkup(text[...]) == long)
        }
    }

    @Test("Lists of names are read from the bytes of plain ASCII as from the characters")
    func names() {
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "Yang Qiang (HKUST), Tang Jie (Zhipu), Lin Junyang (Qwen)") == true)
        // What the brackets hold is left out, and the word goes on after them: "Jiex".
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "Jie(zhipu)x Tang") == true)
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "Ana & Bo; Cy and de Vries") == true)
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "Welcome, everyone") == false)
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "and") == false)
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "") == false)
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: Array(repeating: "Ana", count: 24).joined(separator: " ")) == true)
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: Array(repeating: "Ana", count: 25).joined(separator: " ")) == false)
        // Beyond plain ASCII the characters are read.
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "Zo\u{EB} Ng") == nil)
        #expect(SpeakerLabels.plainLooksLikeNames(bytes: "Ana\tBo") == nil)
        #expect(SpeakerLabels.looksLikeNames("Zo\u{EB} Ng"))
        #expect(SpeakerLabels.looksLikeNames("Yang Zhilin \u{6768}\u{690D}\u{9E9F} (Founder of Moonshot AI & Kimi)"))
        #expect(!SpeakerLabels.looksLikeNames("Welcome, everyone"))
    }

    @Test("Header lines are read as before")
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
        // "by" at every offset against the eight bytes read at a time.
        for padding in 1...16 {
            let line = "March " + String(repeating: "x", count: padding) + " 3 by Jane Doe"
            #expect(header(line) == ["by", "Jane Doe"], "padding \(padding)")
            #expect(header(line.replacingOccurrences(of: " by ", with: " BY ")) == ["by", "Jane Doe"], "padding \(padding)")
        }
    }
}

private extension SpeakerLabels {
    static func plainLooksLikeNames(bytes text: String) -> Bool? { text.withUTF8Buffer(plainLooksLikeNames) }
}
