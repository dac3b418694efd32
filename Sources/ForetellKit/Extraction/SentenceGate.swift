/// What each word can begin or be, from one dictionary look-up when it is tokenised: the passes
/// over a sentence ask these bits instead of hashing the word again for every word list.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64

    /// Can open a time expression (`TimeExpressions.openers`).
    static let timeOpener = WordClass(rawValue: 1 << 0)
    /// Without one of these (or a number, a month, a decade) there is no time expression: units,
    /// period words, number words.
    static let timeCore = WordClass(rawValue: 1 << 1)
    /// First word of a phrase of the verbal scale.
    static let phraseStart = WordClass(rawValue: 1 << 2)
    /// "probability", "chance", "odds", ...
    static let probabilityNoun = WordClass(rawValue: 1 << 3)
    /// Can open a numeric probability (`ProbabilityPhrases.numericOpeners`).
    static let numericOpener = WordClass(rawValue: 1 << 4)
    /// A number written as a word.
    static let numberWord = WordClass(rawValue: 1 << 5)
    /// Capitalised, still never a person (`PersonNames.notNameWords`).
    static let notName = WordClass(rawValue: 1 << 6)
    /// Leaves a clause without a proposition of its own (`ClauseAnalysis.fillers`).
    static let filler = WordClass(rawValue: 1 << 7)
    /// A stance in the past tense ("thought", "predicted").
    static let pastStance = WordClass(rawValue: 1 << 8)
    /// First word of a withheld view ("don't know", "hard to say").
    static let withheldStart = WordClass(rawValue: 1 << 9)
    /// "will", "won't", "shall", "gonna".
    static let futureWord = WordClass(rawValue: 1 << 10)
    /// Looks ahead after a copula: "is coming", "is set to", "is due to".
    static let futureCue = WordClass(rawValue: 1 << 11)

    // Single words and small lists the clause reading asks of every word of a clause, so that it
    // tests a bit where it compared strings.
    /// "but" (`ClauseAnalysis.clauses`).
    static let but = WordClass(rawValue: 1 << 12)
    /// Opens a condition: "if", "unless", "whether", "once" (`ClauseAnalysis.conditionRanges`).
    static let conditionOpener = WordClass(rawValue: 1 << 13)
    /// Passed over before a clause's first content word (`ClauseAnalysis.isAnaphoric`).
    static let anaphoricLead = WordClass(rawValue: 1 << 14)
    /// "that", "this", "these", "those", "such" (`ClauseAnalysis.isAnaphoric`).
    static let demonstrative = WordClass(rawValue: 1 << 15)
    /// "was", "were", "had", "did" and their negations (`ClauseAnalysis.speaksOfPast`).
    static let pastAuxiliary = WordClass(rawValue: 1 << 16)
    /// "going" (`ClauseAnalysis.read`).
    static let going = WordClass(rawValue: 1 << 17)
    /// "away" (`ClauseAnalysis.read`).
    static let away = WordClass(rawValue: 1 << 18)
    /// "likely" (`ClauseAnalysis.read`).
    static let likely = WordClass(rawValue: 1 << 19)
    /// "according" (`ClauseAnalysis.attribution`).
    static let according = WordClass(rawValue: 1 << 20)
    /// A reporting verb (`PersonNames.reportingVerbs`).
    static let reportingVerb = WordClass(rawValue: 1 << 21)
    /// First word of a comparator before a number (`ProbabilityPhrases.comparators`).
    static let comparatorStart = WordClass(rawValue: 1 << 22)
    /// A word a question frame can start on besides a probability noun (`QuestionLinking.frameOpeners`).
    static let frameOpener = WordClass(rawValue: 1 << 23)
    /// First word of a qualifier narrowing a period: "early", "end of", "Q2" (`TimeExpressions.qualifierStarts`).
    static let periodQualifierStart = WordClass(rawValue: 1 << 24)
    /// First word of a period counted from the reference day: "this year", "the decade"
    /// (`TimeExpressions.relativePeriodStarts`).
    static let relativePeriodStart = WordClass(rawValue: 1 << 25)
    /// "about", "around", "nearly": passed over before the count of a duration (`TimeExpressions.approximators`).
    static let approximator = WordClass(rawValue: 1 << 26)

    // Tests of the spelling rather than lists: set for every token (marks included) whose
    // lower-cased form passes them, by `WordClass.shape(of:)`.
    /// Ends in "'ll" (`ClauseAnalysis.read`).
    static let endsInWill = WordClass(rawValue: 1 << 40)
    /// Ends in "'ve", or is "have", "has", "haven't", "hasn't" (`ClauseAnalysis.speaksOfPast`).
    static let perfectAuxiliary = WordClass(rawValue: 1 << 41)

    private static let table: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func mark(_ words: some Sequence<String>, _ word: WordClass) {
            for w in words { table[w, default: []].insert(word) }
        }
        mark(TimeExpressions.openers, .timeOpener)
        mark(TimeExpressions.periodWords, .timeCore)
        let numberWords = Array(NumberWords.units.keys) + Array(NumberWords.tens.keys) + Array(NumberWords.scales.keys)
        mark(numberWords, [.timeCore, .numberWord])
        mark(ProbabilityPhrases.phraseStarts, .phraseStart)
        mark(VerbalScale.probabilityNouns, .probabilityNoun)
        mark(ProbabilityPhrases.numericOpeners, .numericOpener)
        mark(PersonNames.notNameWords, .notName)
        mark(ClauseAnalysis.fillers, .filler)
        mark(ClauseAnalysis.pastStances, .pastStance)
        mark(ClauseAnalysis.withheldStarts, .withheldStart)
        mark(ClauseAnalysis.futureWords, .futureWord)
        mark(ClauseAnalysis.futureCues, .futureCue)
        mark(["but"], .but)
        mark(ClauseAnalysis.conditionOpeners, .conditionOpener)
        mark(ClauseAnalysis.anaphoricLeads, .anaphoricLead)
        mark(ClauseAnalysis.demonstratives, .demonstrative)
        mark(ClauseAnalysis.pastAuxiliaries, .pastAuxiliary)
        mark(["going"], .going)
        mark(["away"], .away)
        mark(["likely"], .likely)
        mark(["according"], .according)
        mark(PersonNames.reportingVerbs, .reportingVerb)
        mark(ProbabilityPhrases.comparatorStarts, .comparatorStart)
        mark(QuestionLinking.frameOpeners, .frameOpener)
        mark(TimeExpressions.qualifierStarts, .periodQualifierStart)
        mark(TimeExpressions.relativePeriodStarts, .relativePeriodStart)
        mark(TimeExpressions.approximators, .approximator)
        return table
    }()

    /// The classes that follow from the spelling of a lower-cased token, whatever its kind.
    static func shape(of lower: String) -> WordClass {
        var shape: WordClass = []
        if lower.hasSuffix("'ll") { shape.insert(.endsInWill) }
        if lower.hasSuffix("'ve") || lower == "have" || lower == "has" || lower == "haven't" || lower == "hasn't" {
            shape.insert(.perfectAuxiliary)
        }
        return shape
    }

    /// The classes of a lower-cased word.
    static func of(_ lower: String) -> WordClass {
        if let key = PackedWord(lower.utf8) { return packed[key] ?? [] }
        return table[lower] ?? []
    }

    /// The classes of the word written as `bytes`, whose lower-cased form is `lower`: the
    /// tokenizer's look-up, packed straight from the text's bytes for short ASCII words.
    static func of(lowercasing bytes: Slice<UnsafeBufferPointer<UInt8>>, lower: String) -> WordClass {
        if let key = PackedWord(lowercasing: bytes) { return packed[key] ?? [] }
        return of(lower)
    }

    /// The table again for words of at most sixteen bytes, keyed by the bytes themselves, so that
    /// the look-up made for every word of a document hashes two integers instead of a string.
    private static let packed: PackedTable<WordClass> = {
        var packed = PackedTable<WordClass>()
        for (word, classes) in table { if let key = PackedWord(word.utf8) { packed[key] = classes } }
        return packed
    }()
}

/// Up to sixteen bytes in two integers, the first eight in `high`. Within a token only a lone NUL
/// byte is zero, so the packing of a token's bytes is never ambiguous and `high` is zero only
/// for that token.
struct PackedWord: Hashable {
    let high: UInt64
    let low: UInt64

    /// The bytes `start..<end` of `bytes`: the same packing as the generic initialiser.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end > start, end - start <= 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var i = start
        let split = Swift.min(end, start + 8)
        while i < split {
            high = high << 8 | UInt64(bytes[i])
            i += 1
        }
        while i < end {
            low = low << 8 | UInt64(bytes[i])
            i += 1
        }
        self.high = high
        self.low = low
    }

    /// The same packing from two eight-byte loads where the buffer holds them, as the tokenizer
    /// packs every token: byte-swapped, the first byte of a load is the most significant, and the
    /// shift drops the bytes past the token's end.
    @inline(__always)
    init?(loading bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let length = end - start
        guard length > 0, length <= 16 else { return nil }
        guard let base = bytes.baseAddress, start >= 0, start + 16 <= bytes.count else {
            self.init(bytes, start, end)
            return
        }
        let first = UInt64(bigEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        if length <= 8 {
            self.init(high: first &>> UInt64(64 - 8 * length), low: 0)
        } else {
            let second = UInt64(bigEndian: UnsafeRawPointer(base + start + 8).loadUnaligned(as: UInt64.self))
            self.init(high: first, low: second &>> UInt64(128 - 8 * length))
        }
    }

    init?(_ bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var index = 0
        for byte in bytes {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
            index += 1
        }
        self.high = high
        self.low = low
    }

    /// ASCII bytes with capitals made small, as `lowercased()` would make them; nil for other
    /// bytes, which `lowercased()` may change otherwise.
    init?(lowercasing bytes: some Collection<UInt8>) {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        self.init(bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 })
    }
}

/// An open-addressing table keyed by packed words: a multiply, a shift and a probe. It allocates
/// on the first insertion and doubles when half full, so filling it stays linear.
struct PackedTable<Value> {
    private var keys: [PackedWord] = []
    private var values: [Value?] = []
    private var shift: UInt64 = 64
    private(set) var count = 0

    private func slot(for key: PackedWord) -> Int {
        Int(truncatingIfNeeded: (key.high &* 0x9E37_79B9_7F4A_7C15 &+ key.low &* 0xC2B2_AE3D_27D4_EB4F) >> shift)
    }

    /// A zero `high` marks an empty slot, so the word of a lone NUL byte is never stored.
    subscript(word: PackedWord) -> Value? {
        get {
            guard word.high != 0, !keys.isEmpty else { return nil }
            let mask = keys.count - 1
            var slot = slot(for: word)
            while true {
                let key = keys[slot]
                if key == word { return values[slot] }
                if key.high == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
        set {
            guard word.high != 0, let newValue else { return }
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var slot = slot(for: word)
            while keys[slot].high != 0, keys[slot] != word { slot = (slot + 1) & mask }
            if keys[slot].high == 0 { count += 1 }
            keys[slot] = word
            values[slot] = newValue
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = max(16, oldKeys.count * 2)
        keys = Array(repeating: PackedWord.empty, count: capacity)
        values = Array(repeating: nil, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key.high != 0 { self[key] = value }
    }
}

private extension PackedWord {
    /// An empty slot of a `PackedTable`.
    static let empty = PackedWord(high: 0, low: 0)
}

extension PackedWord {
    /// The packing itself, for callers that pack bytes their own way.
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}

extension PackedTable: Sendable where Value: Sendable {}

/// A table of words, looked up by their packed bytes when they are at most sixteen and by their
/// strings otherwise: a multiply and a probe instead of hashing a string with SipHash, for the
/// tables that tokens are looked up in. Like `PackedWord`, it assumes that no word begins with a
/// NUL byte, as no token's does.
struct WordTable<Value> {
    private let words: [String: Value]
    private let packed: PackedTable<Value>

    init(_ words: [String: Value]) {
        self.words = words
        var packed = PackedTable<Value>()
        for (word, value) in words { if let key = PackedWord(word.utf8) { packed[key] = value } }
        self.packed = packed
    }

    subscript(word: String) -> Value? {
        // Packed from the stored bytes: the generic packing walks the view byte by byte.
        if let key = word.utf8.withContiguousStorageIfAvailable({ PackedWord($0, 0, $0.count) }) {
            guard let key else { return words[word] }
            return packed[key]
        }
        return words[word]
    }
}

extension WordTable: Sendable where Value: Sendable {}

/// What a sentence could hold, from the classes of its words: the passes that find time
/// expressions, verbal degrees and numbers run only where their first word can occur.
///
/// Each flag is a necessary condition of its pass (a time expression needs a number, a number
/// word, a unit, a month or a period word; a verbal degree starts with a phrase of the scale or a
/// probability noun; a number needs digits or a number word), so skipping a pass changes nothing.
struct SentenceGate {
    var mayHoldTime = false
    var mayHoldVerbal = false
    var mayHoldNumber = false

    init(_ tokens: [Token]) {
        // By index, not `for token in tokens`: a copied token costs two string retains and releases.
        for i in tokens.indices {
            let word = tokens[i].word
            if tokens[i].isNumber {
                mayHoldTime = true
                mayHoldNumber = true
                // A number can also open a verbal phrase ("50-50").
                if word.contains(.phraseStart) { mayHoldVerbal = true }
                continue
            }
            guard tokens[i].isWord else { continue }
            if word.contains(.timeCore) { mayHoldTime = true }
            if word.contains(.numberWord) { mayHoldNumber = true }
            if !word.isDisjoint(with: [.phraseStart, .probabilityNoun]) { mayHoldVerbal = true }
            // Month names and decades ("the 2030s").
            if !mayHoldTime, tokens[i].isTimeCore { mayHoldTime = true }
        }
    }
}
