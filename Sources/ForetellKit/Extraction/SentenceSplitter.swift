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
    /// ". ? ! … 。 ？ ！": tested by value, since a set would hash every scalar of the text.
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

    /// The sentences of `text` as ranges, trimmed of surrounding white space, never empty.
    ///
    /// The pass runs over UTF-8 bytes, decoding a scalar only where a byte is not ASCII; every mark
    /// it looks for is a single scalar.
    public static func split(_ text: String) -> [Range<String.Index>] {
        var text = text
        text.makeContiguousUTF8()
        let offsets = text.utf8.withContiguousStorageIfAvailable { split(Scalars(bytes: $0)) } ?? []
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    /// Unicode scalars at UTF-8 offsets.
    struct Scalars {
        let bytes: UnsafeBufferPointer<UInt8>
        var count: Int { bytes.count }

        /// The scalar at `position` and the offset after it.
        func at(_ position: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[position]
            if lead < 0x80 { return (Unicode.Scalar(lead), position + 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            var next = position + 1
            while next < min(bytes.count, position + length) {
                value = value << 6 | UInt32(bytes[next] & 0x3F)
                next += 1
            }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", max(next, position + 1))
        }

        /// The offset of the scalar before `position`.
        func before(_ position: Int) -> Int {
            var p = position - 1
            while p > 0, bytes[p] & 0xC0 == 0x80 { p -= 1 }
            return p
        }

        func scalars(_ range: Range<Int>) -> [Unicode.Scalar] {
            var result: [Unicode.Scalar] = []
            var p = range.lowerBound
            while p < range.upperBound {
                let (s, next) = at(p)
                result.append(s)
                p = next
            }
            return result
        }
    }

    private static func split(_ text: Scalars) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // Room for a paragraph's usual few sentences at once, rather than growing 1, 2, 4, 8.
        result.reserveCapacity(8)
        var start = 0
        var index = 0
        var wordStart = 0
        let endIndex = text.count
        let bytes = text.bytes
        let base = bytes.baseAddress
        while index < endIndex {
            // Eight ASCII bytes at a time while none is a terminator: only white space matters
            // there, and the last of it starts the next word.
            if let base, index + 8 <= endIndex {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if let spaces = plainRunSpaces(word) {
                    if spaces != 0 { wordStart = index + (63 - spaces.leadingZeroBitCount) / 8 + 1 }
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            let char: Unicode.Scalar
            let afterChar: Int
            if byte < 0x80 {
                // ASCII: white space, a terminator, or on to the next byte.
                if byte == 0x20 || byte >= 0x09 && byte <= 0x0D {
                    index += 1
                    wordStart = index
                    continue
                }
                guard byte == 0x2E || byte == 0x3F || byte == 0x21 else {
                    index += 1
                    continue
                }
                char = Unicode.Scalar(byte)
                afterChar = index + 1
            } else {
                (char, afterChar) = text.at(index)
                if isWhitespace(char) {
                    index = afterChar
                    wordStart = index
                    continue
                }
                guard terminators.contains(char) else {
                    index = afterChar
                    continue
                }
            }
            // Take a run of terminators ("?!", "...") and closing marks.
            var end = afterChar
            while end < endIndex {
                let (next, after) = text.at(end)
                guard terminators.contains(next) || closers.contains(next) else { break }
                end = after
            }
            // The word before the mark; an abbreviation is short (at most six letters and quotes).
            let word = wordStart..<index
            if char == ".", word.count <= 32 && isAbbreviation(text, word) || isDecimal(text, at: index) {
                index = end
                continue
            }
            var boundary = false
            if end == endIndex {
                boundary = true
            } else if isWhitespace(text.at(end).0) {
                var next = end
                while next < endIndex, isWhitespace(text.at(next).0) { next = text.at(next).1 }
                boundary = next == endIndex || canStartSentence(text.at(next).0)
                    || char != "." // "?" and "!" end a sentence even before lower case
            } else if canStartGlued(text, at: end), isOrdinaryWord(text.scalars(word)) {
                boundary = true
            }
            if boundary {
                append(text, start..<end, to: &result)
                start = end
                wordStart = end
            }
            index = end
        }
        append(text, start..<endIndex, to: &result)
        return result
    }

    /// For eight bytes read little-endian: nil when one is beyond ASCII or a terminator (".", "?",
    /// "!"); otherwise the top bit of each byte that is ASCII white space (space, tab, LF, VT, FF,
    /// CR) set, and no other bit. Each byte is below 0x80 before anything is added to it, and the
    /// sums stay below 0x100, so no byte carries into the next: the tests are exact per byte.
    @inline(__always)
    static func plainRunSpaces(_ word: UInt64) -> UInt64? {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        guard word & high == 0 else { return nil }
        // A byte equal to c: (byte ^ c) is zero, and adding 0x7F leaves its top bit clear.
        func equal(_ c: UInt64) -> UInt64 { ~((word ^ (c &* 0x0101_0101_0101_0101)) &+ low7) & high }
        guard equal(0x2E) | equal(0x3F) | equal(0x21) == 0 else { return nil }
        // 0x09 through 0x0D: at least 0x09 (adding 0x77 sets the top bit) and not 0x0E or more.
        let control = (word &+ 0x7777_7777_7777_7777) & ~(word &+ 0x7272_7272_7272_7272) & high
        return equal(0x20) | control
    }

    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool { ScalarProperties.isWhitespace(s) }

    private static func isUppercase(_ s: Unicode.Scalar) -> Bool { ScalarProperties.isUppercase(s) }

    private static func isLowercase(_ s: Unicode.Scalar) -> Bool { ScalarProperties.isLowercase(s) }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { ScalarProperties.isAlphabetic(s) }

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

    private static func append(_ text: Scalars, _ range: Range<Int>, to result: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(text.at(lower).0) { lower = text.at(lower).1 }
        while upper > lower, isWhitespace(text.at(text.before(upper)).0) { upper = text.before(upper) }
        if lower < upper { result.append(lower..<upper) }
    }

    private static let sentenceOpeners: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "[", "«", "¿", "¡", "—", "–", "-", "•", "*"]

    private static func canStartSentence(_ char: Unicode.Scalar) -> Bool {
        isUppercase(char) || isNumber(char) || sentenceOpeners.contains(char) || !isLetter(char) && !isPunctuation(char)
    }

    /// A glued sentence start: an upper-case letter followed by a lower-case one ("If", "The"), or
    /// an opening quote.
    private static func canStartGlued(_ text: Scalars, at index: Int) -> Bool {
        let (char, next) = text.at(index)
        if char == "\"" || char == "“" { return true }
        guard isUppercase(char) else { return false }
        guard next < text.count else { return false }
        let following = text.at(next).0
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

    /// Whether the word at `range` is an abbreviation. Every full stop asks, so a word of ASCII
    /// (nearly all of them) is checked on its bytes, packed into one integer; other words as
    /// scalars.
    private static func isAbbreviation(_ text: Scalars, _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound, text.bytes[start] < 0x80, openingMarks.contains(Unicode.Scalar(text.bytes[start])) {
            start += 1
        }
        let bytes = UnsafeBufferPointer(rebasing: text.bytes[start..<range.upperBound])
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return isAbbreviation(text.scalars(range)) }
        if bytes.count == 1 { return bytes[0] >= 0x41 && bytes[0] <= 0x5A }  // an initial: "J. Smith"
        guard bytes.count <= 6, let key = PackedWord(lowercasing: bytes) else { return false }
        return packedAbbreviations[key] != nil
    }

    /// Looked up with a multiply and a probe, where a `Set` would hash the key with SipHash.
    private static let packedAbbreviations: PackedTable<Bool> = {
        var table = PackedTable<Bool>()
        for word in abbreviations { if let key = PackedWord(word.utf8) { table[key] = true } }
        return table
    }()

    private static func isAbbreviation(_ word: [Unicode.Scalar]) -> Bool {
        var trimmed = word[...]
        while let first = trimmed.first, openingMarks.contains(first) { trimmed = trimmed.dropFirst() }
        if trimmed.count == 1, let first = trimmed.first, isUppercase(first) { return true }  // an initial: "J. Smith"
        guard trimmed.count <= 6 else { return false }
        return abbreviations.contains(String(String.UnicodeScalarView(trimmed)).lowercased())
    }

    private static func isDecimal(_ text: Scalars, at index: Int) -> Bool {
        guard index > 0 else { return false }
        let before = text.at(text.before(index)).0
        let after = index + 1
        return isNumber(before) && after < text.count && isNumber(text.at(after).0)
    }
}
