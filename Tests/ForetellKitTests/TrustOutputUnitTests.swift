import Foundation
import Testing
@testable import ForetellKit

/// The pieces behind issue 15's findings 3, 7, 9 and 10, on values worked out by hand.
@Suite struct TrustOutputUnitTests {
    // MARK: TerminalText (finding 3)

    @Test func controlsAndBidiOverridesAreEscapedAndPlainTextIsUntouched() {
        #expect(TerminalText.safe("Rust 2.0 ships — 20% «ok» 中文") == "Rust 2.0 ships — 20% «ok» 中文")
        #expect(TerminalText.safe("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(TerminalText.safe("\u{1B}]0;title\u{07}") == "\\u{1B}]0;title\\u{7}")
        #expect(TerminalText.safe("x\u{9B}31m") == "x\\u{9B}31m")
        #expect(TerminalText.safe("ab\u{08}\u{08}cd\re") == "ab\\u{8}\\u{8}cd\\u{D}e")
        #expect(TerminalText.safe("\u{202E}txt\u{202C} \u{2066}i\u{2069}") == "\\u{202E}txt\\u{202C} \\u{2066}i\\u{2069}")
        #expect(TerminalText.safe("del\u{7F} nul\u{0}") == "del\\u{7F} nul\\u{0}")
        #expect(TerminalText.safe("one\ntwo\tthree") == "one two three")
        #expect(TerminalText.safe("one\ntwo\u{1B}", keepingLineBreaks: true) == "one\ntwo\\u{1B}")
        // Left alone: marks that only set direction weakly, and the zero-width joiner of emoji.
        #expect(TerminalText.safe("a\u{200E}b\u{200D}c") == "a\u{200E}b\u{200D}c")
    }

    // MARK: PlainDecimal (finding 9)

    @Test func numbersAreWrittenWithoutAnExponent() {
        #expect(PlainDecimal.text(0.00005) == "0.00005")
        #expect(PlainDecimal.text(1e-10) == "0.0000000001")
        #expect(PlainDecimal.text(1.5e-7) == "0.00000015")
        #expect(PlainDecimal.text(0.1) == "0.1")
        #expect(PlainDecimal.text(0.875) == "0.875")
        #expect(PlainDecimal.text(1) == "1")
        #expect(PlainDecimal.text(0) == "0")
        #expect(PlainDecimal.text(-2.5e-5) == "-0.000025")
        #expect(PlainDecimal.text(1.25e16) == "12500000000000000")
        #expect(PlainDecimal.text(.leastNonzeroMagnitude) == "0." + String(repeating: "0", count: 323) + "5")
    }

    @Test func plainDecimalsReadBackAsTheSameDouble() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Uniform in [0, 1] and spread over exponents down to 1e-300.
            let uniform = Double.random(in: 0...1, using: &generator)
            let tiny = pow(10, -Double.random(in: 0...300, using: &generator)) * uniform
            for value in [uniform, tiny] {
                let text = PlainDecimal.text(value)
                #expect(!text.contains("e") && Double(text) == value, "\(value) → \(text)")
            }
        }
    }

    // MARK: SpreadsheetCell (finding 10)

    @Test func cellsASpreadsheetWouldRunGetAnApostropheThatImportRemoves() {
        #expect(SpreadsheetCell.cell("=1+1", .neutralised) == "'=1+1")
        #expect(SpreadsheetCell.cell("+1", .neutralised) == "'+1")
        #expect(SpreadsheetCell.cell("-1", .neutralised) == "'-1")
        #expect(SpreadsheetCell.cell("@SUM(A1)", .neutralised) == "'@SUM(A1)")
        #expect(SpreadsheetCell.cell("\t=1", .neutralised) == "'\t=1")
        #expect(SpreadsheetCell.cell("\r=1", .neutralised) == "'\r=1")
        #expect(SpreadsheetCell.cell("'90s revival", .neutralised) == "''90s revival")
        #expect(SpreadsheetCell.cell("Rust = fast", .neutralised) == "Rust = fast")
        #expect(SpreadsheetCell.cell("", .neutralised) == "")
        #expect(SpreadsheetCell.cell("=1+1", .raw) == "=1+1")
        for text in ["=1+1", "'=1+1", "''x", "'", "plain", "", "-", "'\u{301}accent", "@"] {
            #expect(SpreadsheetCell.text(SpreadsheetCell.cell(text, .neutralised)) == text, "\(text)")
        }
    }

    // MARK: Proposition (finding 7)

    @Test func propositionsAreTheSameOnlyWithTheSameNumbersAndNearlyTheSameWords() {
        func same(_ a: String, _ b: String) -> Bool { Proposition(a).isSame(as: Proposition(b)) }
        #expect(same("The Democrats win the Senate in 2026", "The Democrats will win the Senate in 2026"))
        #expect(!same("The Democrats win the Senate in 2026", "The Republicans win the Senate in 2026"))
        #expect(!same("The Town 1 bridge reopens by 2027", "The Town 2 bridge reopens by 2027"))
        #expect(!same("The Town 1 bridge reopens by 2027", "The Town 1 bridge reopens by 2028"))
        #expect(same("A Chinese company will lead globally in the next 3–5 years (2029-01-10 to 2031-01-10)",
                     "Three to five years from now, the leading AI company will be a Chinese one (2029-01-10 to 2031-01-10)"))
        // Two more words is another, narrower proposition.
        #expect(!same("Rust ships", "Rust ships a GUI toolkit"))
        // A claim of small words only is no proposition to compare.
        #expect(!same("It will be", "It will be"))
    }
}
