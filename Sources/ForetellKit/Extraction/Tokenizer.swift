/// A word, number or punctuation mark of a sentence, with where it sits in the original text.
///
/// Every later step (probability phrases, time expressions, claims) matches on `lower` and cuts
/// quotes and claims out of the original text with `range`, so nothing is ever re-typed.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punctuation }

    /// Lowercased, with typographic apostrophes made plain (’ → ').
    ///
    /// The only string a token holds: its text as written is `text(in:)`, cut from the sentence
    /// it was read from. Each string field costs every token a retain when made and a release
    /// when freed, even a string stored inline, and the few steps that need the written form
    /// (claims, names) have the sentence at hand.
    public let lower: String
    public let range: Range<String.Index>
    public let kind: Kind
    /// Whether white space separates this token from the one before it.
    public let spaceBefore: Bool
    /// What the word can begin or be (see `WordClass`).
    let word: WordClass
    /// Starts with an upper-case letter. Stored, since name and month checks ask it of nearly
    /// every word.
    public let isCapitalized: Bool
    /// A number, a number word, a unit, a period word, a month or a decade: time expressions hold
    /// one. Stored, since the sentence gate asks it of every word.
    let isTimeCore: Bool
    /// A word that can be part of a person's name as `PersonNames.capitalizedRun` reads one:
    /// capitalised, letters, hyphens and points only, not all capitals, never a not-name word.
    /// Stored, since the name passes ask it of every word of a document.
    let isNameWord: Bool
    /// Written in capitals and digits throughout ("CTO", "IMF", "G7"): see `PersonNames.isAcronymText`.
    let isAcronym: Bool

    init(lower: String, range: Range<String.Index>, kind: Kind, spaceBefore: Bool, word: WordClass,
         isCapitalized: Bool, isTimeCore: Bool, isNameWord: Bool, isAcronym: Bool) {
        self.lower = lower
        self.range = range
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.word = word
        self.isCapitalized = isCapitalized
        self.isTimeCore = isTimeCore
        self.isNameWord = isNameWord
        self.isAcronym = isAcronym
    }

    /// A token spelled as the vocabulary spells its bytes.
    init(_ spelling: TokenVocabulary.Spelling, range: Range<String.Index>, kind: Kind, spaceBefore: Bool) {
        self.init(lower: spelling.lower, range: range, kind: kind, spaceBefore: spaceBefore, word: spelling.word,
                  isCapitalized: spelling.isCapitalized, isTimeCore: spelling.isTimeCore,
                  isNameWord: spelling.isNameWord, isAcronym: spelling.isAcronym)
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

/// Splits a sentence into tokens in one pass over its UTF-8 bytes.
///
/// ASCII, nearly all of an English text, is classified and lower-cased byte by byte; other
/// characters are decoded to Unicode scalars and classified by their properties. The result is the
/// same as a scalar-by-scalar pass, only without looking up Unicode tables for every letter.
public enum Tokenizer {
    static let dashes: Set<String> = ["-", "–", "—", "‒", "―", "‐", "‑"]

    public static func tokenize(_ text: String) -> [Token] {
        var vocabulary = TokenVocabulary(keeps: false)
        return tokenize(text, vocabulary: &vocabulary)
    }

    /// The tokens of `text`, with the strings of short words taken from `vocabulary` when it has
    /// them (and kept there when it does not).
    static func tokenize(_ text: String, vocabulary: inout TokenVocabulary) -> [Token] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in tokenize(text, bytes, &vocabulary) } ?? []
    }

    private static func tokenize(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ vocabulary: inout TokenVocabulary) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 3 + 4)
        let utf8 = text.utf8
        let base = utf8.startIndex
        let count = bytes.count
        var offset = 0
        var sawSpace = true

        let scalars = SentenceSplitter.Scalars(bytes: bytes)
        /// The scalar at `at` and the offset after it.
        func scalar(at position: Int) -> (Unicode.Scalar, Int) { scalars.at(position) }
        func isWhitespace(_ s: Unicode.Scalar) -> Bool { ScalarProperties.isWhitespace(s) }
        func isAlphabetic(_ s: Unicode.Scalar) -> Bool { ScalarProperties.isAlphabetic(s) }
        func isWord(_ s: Unicode.Scalar) -> Bool { isAlphabetic(s) && !isCJK(s) }

        /// The end of a number that began before `from`: 3.5, 200,000 and 1.8B stay one token; a
        /// trailing point or comma does not join. A letter makes it a word ("2000s", "10x").
        func numberEnd(from: Int, kind: inout Token.Kind) -> Int {
            var index = from
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if isDigitByte(byte) {
                        index += 1
                    } else if byte == 0x2E || byte == 0x2C {
                        if index + 1 < count, isDigitByte(bytes[index + 1]) { index += 1 } else { break }
                    } else if isLetterByte(byte) {
                        kind = .word
                        index += 1
                    } else {
                        break
                    }
                    continue
                }
                let (c, next) = scalar(at: index)
                // "2000s", "1.8B", "10x": the suffix belongs to the number.
                guard isAlphabetic(c) else { break }
                kind = .word
                index = next
            }
            return index
        }

        while offset < count {
            let lead = bytes[offset]
            let start = offset
            var kind: Token.Kind
            var index: Int
            let first: Unicode.Scalar
            if lead < 0x80 {
                // ASCII, nearly every byte of a text: classified from the byte, with the same
                // answers as the scalar tests below.
                if lead == 0x20 || lead >= 0x09 && lead <= 0x0D {
                    sawSpace = true
                    offset += 1
                    continue
                }
                first = Unicode.Scalar(lead)
                index = offset + 1
                if isDigitByte(lead) {
                    kind = .number
                    index = numberEnd(from: index, kind: &kind)
                } else if isLetterByte(lead) {
                    kind = .word
                    index = Tokenizer.wordEnd(bytes, from: index)
                } else {
                    kind = .punctuation
                }
            } else {
                let (scalar, afterFirst) = scalar(at: offset)
                if isWhitespace(scalar) {
                    sawSpace = true
                    offset = afterFirst
                    continue
                }
                first = scalar
                index = afterFirst
                if isWord(scalar) {
                    kind = .word
                    index = Tokenizer.wordEnd(bytes, from: index)
                } else {
                    kind = .punctuation
                }
            }
            offset = index
            let range = utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: index)
            if vocabulary.keeps, let key = PackedWord(loading: bytes, start, index), let known = vocabulary.spellings[key] {
                tokens.append(Token(known, range: range, kind: kind, spaceBefore: sawSpace))
            } else {
                let spelling = spelling(bytes[start..<index], kind: kind, first: first, vocabulary: &vocabulary)
                tokens.append(Token(spelling, range: range, kind: kind, spaceBefore: sawSpace))
            }
            sawSpace = false
        }
        return tokens
    }

    /// What a token's bytes make of it. The kind and first scalar come from the same bytes, so a
    /// word's spelling is the same wherever it occurs and the vocabulary can hand it out again.
    private static func spelling(_ token: Slice<UnsafeBufferPointer<UInt8>>, kind: Token.Kind, first: Unicode.Scalar,
                                 vocabulary: inout TokenVocabulary) -> TokenVocabulary.Spelling {
        let key = vocabulary.keeps ? PackedWord(token) : nil
        if let key, let known = vocabulary.spellings[key] { return known }
        // Straight from the bytes: they are valid UTF-8 and end on scalar boundaries.
        let text = String(decoding: UnsafeBufferPointer(rebasing: token), as: UTF8.self)
        let lower = lowered(token.base, token.startIndex, token.endIndex, text)
        let listed: WordClass = kind == .punctuation ? [] : WordClass.of(lowercasing: token, lower: lower)
        let word = listed.union(WordClass.shape(of: lower))
        let isCapitalized = ScalarProperties.isUppercase(first)
        // A month only when capitalised (`CalendarWords.month`); a decade as in "the 2030s".
        let isTimeCore = kind == .number || word.contains(.timeCore)
            || kind == .word && (isCapitalized && CalendarWords.months[lower] != nil || lower.hasSuffix("0s"))
        let isNameWord = kind == .word && isCapitalized && !word.contains(.notName) && PersonNames.isNameWordText(text)
        let spelling = TokenVocabulary.Spelling(lower: lower, word: word, isCapitalized: isCapitalized,
                                                isTimeCore: isTimeCore, isNameWord: isNameWord,
                                                isAcronym: PersonNames.isAcronymText(text))
        if let key, vocabulary.spellings.count < TokenVocabulary.capacity { vocabulary.spellings[key] = spelling }
        return spelling
    }

    /// The token lower-cased, with typographic apostrophes made plain (’ → ').
    private static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ written: String) -> String {
        var ascii = true
        var upper = false
        for i in start..<end {
            let byte = bytes[i]
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x41, byte <= 0x5A { upper = true }
        }
        if ascii {
            if !upper { return written }
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for i in start..<end {
                    let byte = bytes[i]
                    buffer[i - start] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                }
                return end - start
            }
        }
        // "it’s", "don’t": ASCII but for a typographic apostrophe (E2 80 99) or a modifier letter
        // apostrophe (CA BC), which become a plain one.
        var plain: [UInt8] = []
        plain.reserveCapacity(end - start)
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte < 0x80 {
                plain.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                i += 1
            } else if byte == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                plain.append(0x27)
                i += 3
            } else if byte == 0xCA, i + 1 < end, bytes[i + 1] == 0xBC {
                plain.append(0x27)
                i += 2
            } else {
                plain.removeAll()
                break
            }
        }
        if !plain.isEmpty { return String(decoding: plain, as: UTF8.self) }
        var lower = written.lowercased()
        if lower.unicodeScalars.contains(where: { $0 == "’" || $0 == "ʼ" }) {
            lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "’" || $0 == "ʼ" ? "'" : $0 }))
        }
        return lower
    }

    /// The end of a word that began before `from`: letters and digits, and an apostrophe between
    /// letters (it's, don't, we'll). Inlined into the token loop for the ASCII letters and digits
    /// that end nearly every word; anything else is settled out of line, so the loop carries none
    /// of the Unicode look-ups' set-up.
    @inline(__always)
    static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        let count = bytes.count
        if let base = bytes.baseAddress {
            // Eight bytes at a time: most words end within them.
            while index + 8 <= count {
                let run = alphanumericPrefix(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                index += run
                if run < 8 { break }
            }
        }
        while index < count {
            let byte = bytes[index]
            if isLetterByte(byte) || isDigitByte(byte) {
                index += 1
                continue
            }
            if byte < 0x80, byte != 0x27 { return index }
            return wordEndBeyondASCII(bytes, from: index)
        }
        return index
    }

    /// `wordEnd` from a byte that is an apostrophe or beyond ASCII, scalar by scalar.
    @inline(never)
    private static func wordEndBeyondASCII(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let count = bytes.count
        let scalars = SentenceSplitter.Scalars(bytes: bytes)
        func scalar(at position: Int) -> (Unicode.Scalar, Int) { scalars.at(position) }
        func isWord(_ s: Unicode.Scalar) -> Bool { ScalarProperties.isAlphabetic(s) && !isCJK(s) }
        var index = from
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if isLetterByte(byte) || isDigitByte(byte) {
                    index += 1
                } else if byte == 0x27 {
                    if index + 1 < count, isWord(scalar(at: index + 1).0) { index += 1 } else { break }
                } else {
                    break
                }
                continue
            }
            let (c, next) = scalar(at: index)
            if isWord(c) {
                index = next
            } else if c == "’" || c == "ʼ" {
                if next < count, isWord(scalar(at: next).0) { index = next } else { break }
            } else {
                break
            }
        }
        return index
    }

    /// How many of eight bytes, read little-endian, are ASCII letters or digits before the first
    /// that is not (8 when all are). The top bit of each byte is set aside first, so that adding
    /// to the seven bits left never carries into the next byte: each test is exact per byte.
    @inline(__always)
    static func alphanumericPrefix(_ word: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let seven = word & 0x7F7F_7F7F_7F7F_7F7F
        // A letter: with 0x20 set, from 0x61 ("a") to 0x7A ("z").
        let folded = seven | 0x2020_2020_2020_2020
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & high
        // A digit: from 0x30 to 0x39.
        let digit = (seven &+ 0x5050_5050_5050_5050) & ~(seven &+ 0x4646_4646_4646_4646) & high
        let stop = ~((letter | digit) & ~word) & high
        return stop.trailingZeroBitCount / 8
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    @inline(__always)
    static func isDigitByte(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// An ASCII letter: the ASCII scalars `ScalarProperties.isAlphabetic` accepts.
    @inline(__always)
    static func isLetterByte(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !isCJK(scalar)
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

/// The spellings of the tokens of a document of at most sixteen bytes (nearly every word and
/// mark), by their bytes. Text repeats its words, and finding a word again costs a fraction of
/// building its two strings and looking up its classes. One vocabulary serves the passes over a
/// document, or over many: what it holds follows from the bytes alone, so sharing it changes
/// nothing found.
public struct TokenVocabulary {
    struct Spelling {
        let lower: String
        let word: WordClass
        let isCapitalized: Bool
        let isTimeCore: Bool
        let isNameWord: Bool
        let isAcronym: Bool
    }

    /// Whether words are looked up and kept at all: not for a single string tokenised on its own.
    let keeps: Bool
    fileprivate var spellings = PackedTable<Spelling>()
    /// Natural text has far fewer distinct words; text made of ever new tokens cannot make the
    /// vocabulary large, as later words are spelled afresh.
    static let capacity = 1 << 20

    public init() { keeps = true }

    init(keeps: Bool) { self.keeps = keeps }
}

extension Array where Element == Token {
    /// The original text from the start of token `from` to the end of token `to` (inclusive).
    func text(in source: String, from: Int, to: Int) -> String {
        guard from <= to, from >= 0, to < count else { return "" }
        return source.cut(self[from].range.lowerBound..<self[to].range.upperBound)
    }
}

extension String {
    /// `String(self[range])` for a range whose ends are scalar boundaries, as a token's are, cut
    /// at its UTF-8 offsets: slicing by characters would check both ends again, and the names of
    /// a document are cut from it a word at a time. Also for the tokens of another string with
    /// the same text, whose indices have the same offsets.
    func cut(_ range: Range<Index>) -> String {
        let start = utf8.distance(from: startIndex, to: range.lowerBound)
        let end = utf8.distance(from: startIndex, to: range.upperBound)
        guard start >= 0, start <= end, end <= utf8.count else { return "" }
        let cut = utf8.withContiguousStorageIfAvailable { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return cut ?? String(self[range])
    }
}
