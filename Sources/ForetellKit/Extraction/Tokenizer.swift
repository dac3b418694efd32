/// A word, number or punctuation mark of a sentence, with where it sits in the original text.
///
/// Every later step (probability phrases, time expressions, claims) matches on `lower` and cuts
/// quotes and claims out of the original text with `range`, so nothing is ever re-typed. A token
/// knows only its own spelling; what a word means to a later stage (a time word, a reporting
/// verb) is that stage's word list, asked there.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punctuation }

    /// Lowercased, with typographic apostrophes made plain (’ → ').
    public let lower: String
    public let range: Range<String.Index>
    public let kind: Kind
    /// Whether white space separates this token from the one before it.
    public let spaceBefore: Bool
    /// Starts with an upper-case letter.
    public let isCapitalized: Bool
    /// Written in capitals and digits throughout, longer than one character ("CTO", "IMF",
    /// "G7"): an organisation or a role, not a person.
    let isAcronym: Bool
    /// Letters, hyphens and points only, and not all capitals: shaped like a word of a name
    /// ("OpenAI", "Jean-Luc", "J."), though "GPU" is not.
    let isNameShaped: Bool

    init(written: String, range: Range<String.Index>, kind: Kind, spaceBefore: Bool) {
        var lower = written.lowercased()
        if lower.unicodeScalars.contains(where: Tokenizer.isTypographicApostrophe) {
            lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { Tokenizer.isTypographicApostrophe($0) ? "'" : $0 }))
        }
        self.lower = lower
        self.range = range
        self.kind = kind
        self.spaceBefore = spaceBefore
        let scalars = written.unicodeScalars
        isCapitalized = scalars.first?.isUppercaseScalar ?? false
        // Told from the scalars (a combining accent is its letter's: "É" written as E and U+0301).
        let long = scalars.count > 1
        func isMark(_ s: Unicode.Scalar) -> Bool { s.value >= 0x300 && s.properties.generalCategory == .nonspacingMark }
        isAcronym = long && scalars.allSatisfy { $0.isUppercaseScalar || Tokenizer.isDigit($0) || $0 == "." || isMark($0) }
        isNameShaped = scalars.allSatisfy { $0.isLetterScalar || $0 == "-" || $0 == "." || isMark($0) }
            && !(long && scalars.allSatisfy { $0.isUppercaseScalar || isMark($0) })
    }

    /// The token as written in `source`, the string it was tokenised from (or one with the same
    /// text).
    public func text(in source: String) -> String { source.cut(range) }

    public var isWord: Bool { kind == .word }
    public var isNumber: Bool { kind == .number }
    /// A hyphen or dash glued to both neighbours, as in `mid-2026` or `10-20`.
    public var isGluedDash: Bool { kind == .punctuation && Tokenizer.dashes.contains(lower) && !spaceBefore }
    public var isDash: Bool { kind == .punctuation && Tokenizer.dashes.contains(lower) }
}

/// Splits a sentence into tokens in one pass over its Unicode scalars: words (letters, digits
/// and apostrophes between letters), numbers (3.5, 200,000; a letter glued on makes a word:
/// "2000s", "10x") and single marks.
public enum Tokenizer {
    static let dashes: Set<String> = ["-", "–", "—", "‒", "―", "‐", "‑"]

    public static func tokenize(_ text: String) -> [Token] {
        let scalars = text.unicodeScalars
        var tokens: [Token] = []
        var index = scalars.startIndex
        var sawSpace = true
        while index < scalars.endIndex {
            let first = scalars[index]
            let start = index
            index = scalars.index(after: index)
            if first.isSpaceOrBreak {
                sawSpace = true
                continue
            }
            var kind: Token.Kind
            if isDigit(first) {
                kind = .number
                index = numberEnd(scalars, from: index, kind: &kind)
            } else if isWordScalar(first) {
                kind = .word
                index = wordEnd(scalars, from: index)
            } else {
                kind = .punctuation
            }
            tokens.append(Token(written: String(scalars[start..<index]), range: start..<index, kind: kind, spaceBefore: sawSpace))
            sawSpace = false
        }
        return tokens
    }

    /// The end of a number that began before `from`: 3.5, 200,000 and 1.8B stay one token; a
    /// trailing point or comma does not join. A letter makes it a word ("2000s", "10x").
    private static func numberEnd(_ scalars: String.UnicodeScalarView, from: String.Index, kind: inout Token.Kind) -> String.Index {
        var index = from
        while index < scalars.endIndex {
            let c = scalars[index]
            let next = scalars.index(after: index)
            if isDigit(c) {
                index = next
            } else if c == "." || c == "," {
                guard next < scalars.endIndex, isDigit(scalars[next]) else { break }
                index = next
            } else if c.isLetterScalar {
                kind = .word
                index = next
            } else {
                break
            }
        }
        return index
    }

    /// The end of a word that began before `from`: letters and digits, and an apostrophe between
    /// letters (it's, don't, we'll).
    private static func wordEnd(_ scalars: String.UnicodeScalarView, from: String.Index) -> String.Index {
        var index = from
        while index < scalars.endIndex {
            let c = scalars[index]
            let next = scalars.index(after: index)
            if isDigit(c) || isWordScalar(c) {
                index = next
            } else if c == "'" || isTypographicApostrophe(c) {
                guard next < scalars.endIndex, isWordScalar(scalars[next]) else { break }
                index = next
            } else {
                break
            }
        }
        return index
    }

    static func isTypographicApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "’" || scalar == "ʼ" }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isLetterScalar && !isCJK(scalar)
    }

    /// Han, kana and hangul: translated transcripts carry the original names and terms in brackets,
    /// which are not English words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }
}

extension Array where Element == Token {
    /// The original text from the start of token `from` to the end of token `to` (inclusive).
    func text(in source: String, from: Int, to: Int) -> String {
        guard from <= to, from >= 0, to < count else { return "" }
        return source.cut(self[from].range.lowerBound..<self[to].range.upperBound)
    }
}

extension String {
    /// `String(self[range])` for a range of the tokens of this string or of another string with
    /// the same text (claims are cut from a copy of the sentence they were read in): cut at the
    /// range's UTF-8 offsets, and empty where they do not fit.
    func cut(_ range: Range<Index>) -> String {
        let start = utf8.distance(from: startIndex, to: range.lowerBound)
        let end = utf8.distance(from: startIndex, to: range.upperBound)
        guard start >= 0, start <= end, end <= utf8.count else { return "" }
        return String(self[utf8.index(startIndex, offsetBy: start)..<utf8.index(startIndex, offsetBy: end)])
    }
}
