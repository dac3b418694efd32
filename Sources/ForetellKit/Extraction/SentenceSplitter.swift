/// Splits a paragraph into sentences, in one pass.
///
/// A sentence ends at `.`, `?`, `!` or `…` (with any closing quotes or brackets) followed by white
/// space and then something that can start a sentence, or by the end of the text. Transcripts
/// pasted from web pages often lose the space ("...head start is real.If I had to..."), so a
/// terminator glued to a capitalised word also ends a sentence when the word before it is an
/// ordinary lower-case word; that keeps "U.S." and "e.g." whole. Known abbreviations ("Dr.",
/// "Prof.", "Jan.") never end a sentence.
public enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd",
        "co", "corp", "no", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "approx", "est", "u.s", "u.k", "a.m", "p.m", "mt", "gen", "gov", "sen",
        "rep", "rev", "col", "lt", "sgt", "capt", "cf", "al", "op", "vol", "pp", "ed", "eds",
    ]
    /// ". ? ! … 。 ？ ！"
    private enum terminators {
        static func contains(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x2E, 0x3F, 0x21, 0x2026, 0x3002, 0xFF1F, 0xFF01: return true
            default: return false
            }
        }
    }
    /// Closing quotes and brackets: " ' ” ’ ) ] » 」 』
    private enum closers {
        static func contains(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D, 0xBB, 0x300D, 0x300F: return true
            default: return false
            }
        }
    }

    /// The sentences of `text` as ranges, trimmed of surrounding white space, never empty: one
    /// pass over its Unicode scalars (every mark it looks for is a single scalar).
    public static func split(_ text: String) -> [Range<String.Index>] {
        let scalars = text.unicodeScalars
        var result: [Range<String.Index>] = []
        var start = scalars.startIndex
        var index = scalars.startIndex
        var wordStart = scalars.startIndex
        let endIndex = scalars.endIndex
        while index < endIndex {
            let char = scalars[index]
            let afterChar = scalars.index(after: index)
            if isWhitespace(char) {
                index = afterChar
                wordStart = index
                continue
            }
            guard terminators.contains(char) else {
                index = afterChar
                continue
            }
            // Take a run of terminators ("?!", "...") and closing marks.
            var end = afterChar
            while end < endIndex, terminators.contains(scalars[end]) || closers.contains(scalars[end]) {
                end = scalars.index(after: end)
            }
            // The word before the mark; an abbreviation is short (at most six letters and quotes,
            // so a word of more than 32 bytes is none).
            let word = scalars[wordStart..<index]
            if char == ".", text.utf8.distance(from: wordStart, to: index) <= 32 && isAbbreviation(word) || isDecimal(scalars, at: index) {
                index = end
                continue
            }
            var boundary = false
            if end == endIndex {
                boundary = true
            } else if isWhitespace(scalars[end]) {
                var next = end
                while next < endIndex, isWhitespace(scalars[next]) { next = scalars.index(after: next) }
                boundary = next == endIndex || canStartSentence(scalars[next])
                    || char != "." // "?" and "!" end a sentence even before lower case
            } else if canStartGlued(scalars, at: end), isOrdinaryWord(Array(word)) {
                boundary = true
            }
            if boundary {
                append(scalars, start..<end, to: &result)
                start = end
                wordStart = end
            }
            index = end
        }
        append(scalars, start..<endIndex, to: &result)
        return result
    }

    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool { s.isSpaceOrBreak }

    private static func isUppercase(_ s: Unicode.Scalar) -> Bool { s.isUppercaseScalar }

    private static func isLowercase(_ s: Unicode.Scalar) -> Bool { s.isLowercaseScalar }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { s.isLetterScalar }

    private static func isNumber(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.numericType != nil
    }

    private static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    private static func append(_ scalars: String.UnicodeScalarView, _ range: Range<String.Index>, to result: inout [Range<String.Index>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, isWhitespace(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        if lower < upper { result.append(lower..<upper) }
    }

    private static let sentenceOpeners: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "[", "«", "¿", "¡", "—", "–", "-", "•", "*"]

    private static func canStartSentence(_ char: Unicode.Scalar) -> Bool {
        isUppercase(char) || isNumber(char) || sentenceOpeners.contains(char) || !isLetter(char) && !isPunctuation(char)
    }

    /// A glued sentence start: an upper-case letter followed by a lower-case one ("If", "The"), or
    /// an opening quote.
    private static func canStartGlued(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
        let char = scalars[index]
        if char == "\"" || char == "“" { return true }
        guard isUppercase(char) else { return false }
        let next = scalars.index(after: index)
        guard next < scalars.endIndex else { return false }
        let following = scalars[next]
        return isLowercase(following) || following == "'" || following == "’"
    }

    private static func isOrdinaryWord(_ word: [Unicode.Scalar]) -> Bool {
        let letters = word.filter(isLetter)
        guard letters.count >= 2, let last = word.last, isLetter(last) || isNumber(last) || closers.contains(last) else { return false }
        // Acronyms and initials ("U.S", "AI") are not ordinary words; lower-case ones and
        // capitalised words are.
        return letters.dropFirst().allSatisfy(isLowercase) || isNumber(last) || closers.contains(last)
    }

    private static let openingMarks: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "["]

    /// Whether the word before a full stop is an abbreviation ("Dr", "e.g") or an initial ("J").
    private static func isAbbreviation(_ word: Substring.UnicodeScalarView) -> Bool {
        var trimmed = word[...]
        while let first = trimmed.first, openingMarks.contains(first) { trimmed = trimmed.dropFirst() }
        let letters = Array(trimmed)
        if letters.count == 1, isUppercase(letters[0]) { return true }  // an initial: "J. Smith"
        guard letters.count <= 6 else { return false }
        return abbreviations.contains(String(String.UnicodeScalarView(letters)).lowercased())
    }

    private static func isDecimal(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
        guard index > scalars.startIndex else { return false }
        let after = scalars.index(after: index)
        return isNumber(scalars[scalars.index(before: index)]) && after < scalars.endIndex && isNumber(scalars[after])
    }
}
