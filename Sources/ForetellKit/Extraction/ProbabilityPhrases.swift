/// A degree of belief found in text: a probability with where it came from.
public struct Degree: Equatable, Sendable {
    /// The probability, 0 through 1; for a stated range, its midpoint.
    public var value: Double
    /// The ends of a stated range or bound ("10 - 20%", ">90%"); nil for a single value.
    public var low: Double?
    public var high: Double?
    public var basis: ProbabilityBasis

    public init(value: Double, low: Double? = nil, high: Double? = nil, basis: ProbabilityBasis) {
        self.value = value
        self.low = low
        self.high = high
        self.basis = basis
    }
}

/// A verbal probability expression matched in a token list.
struct VerbalMatch: Equatable {
    var entry: VerbalEntry
    /// The phrase itself, without modifiers or negation.
    var phrase: Range<Int>
    /// The phrase with its modifiers and negation.
    var span: Range<Int>
    /// A negation before the phrase flipped its value ("not likely", "isn't very large").
    var negated: Bool
    /// For stances: the index of the subject ("I", "we", "people", a name), if one was found.
    var subject: Int?
    var words: [String]
}

/// A number that may be a probability: a percentage, "one in five", odds.
struct NumericMatch: Equatable {
    enum Form: Equatable { case percent, fraction, odds }
    var value: Double
    var low: Double?
    var high: Double?
    var span: Range<Int>
    var form: Form
    /// Followed by a probability word ("20% chance"): certainly a probability.
    var namedAsProbability: Bool
    /// Followed by "of" or a noun ("20% of the code", "one in five Americans"): a proportion.
    var isProportion: Bool
}

/// Finds numeric and verbal probability expressions, with modifiers and negation.
public enum ProbabilityPhrases {
    // MARK: - Verbal

    /// Words that a copular adjective needs before it ("it's possible", "I'm sure"), so that "as soon
    /// as possible", "certain areas" and "make sure" are not read as degrees of belief.
    static let copularOnly: Set<String> = [
        "possible", "probable", "certain", "impossible", "conceivable", "sure", "confident",
        "very confident", "optimistic", "hopeful", "pessimistic", "convinced", "doubtful",
        "almost certain", "nearly certain", "virtually certain", "almost impossible",
        "nearly impossible", "virtually impossible", "all but certain", "highly probable",
        "very probable", "very improbable", "highly improbable", "improbable",
        "expected", "anticipated", "projected", "predicted",
    ]

    /// Forecasting verbs whose past participle is also their past tense.
    static let pastForecastVerbs: Set<String> = ["expected", "anticipated", "projected", "predicted"]

    static let copulas: Set<String> = [
        "is", "are", "am", "be", "been", "being", "was", "were", "seems", "seem", "looks", "remain",
        "remains", "it's", "that's", "i'm", "we're", "they're", "he's", "she's", "you're", "isn't",
        "aren't", "not", "feel", "feels", "become", "becomes", "quite", "very", "fairly", "pretty",
        "really", "truly", "entirely", "totally", "absolutely", "also", "still", "actually", "so",
        "increasingly", "especially", "highly", "extremely", "more", "'m", "'re", "'s", "there's",
        "almost", "nearly", "virtually", "definitely", "certainly", "cautiously", "widely", "generally",
        "broadly", "now",
    ]

    /// Subjects that hold a stance: the speaker, a group, or someone named.
    static let stanceSubjects: Set<String> = [
        "i", "we", "i'd", "we'd", "i'm", "we're", "people", "some", "many", "most", "everyone",
        "everybody", "they", "he", "she", "analysts", "experts", "economists", "researchers",
        "forecasters", "observers", "others", "investors", "scientists", "insiders", "executives",
        "officials", "who",
    ]

    /// Words allowed between a subject and its stance verb: "I truly believe", "we increasingly
    /// expect", "I don't think", "some people now believe".
    static let stanceFillers: Set<String> = [
        "really", "truly", "increasingly", "still", "also", "do", "does", "don't", "doesn't", "do",
        "not", "personally", "actually", "strongly", "firmly", "genuinely", "now", "fully", "all",
        "generally", "honestly", "definitely", "certainly", "very", "much", "would", "'d", "people",
        "of", "us", "them", "both", "tend", "to", "broadly", "widely", "largely", "cautiously",
        "sincerely", "just", "kind", "sort", "honestly", "am", "'m", "are", "is", "quite", "pretty",
        "fairly", "somewhat", "rather", "especially", "extremely", "so", "highly", "a", "lot",
    ]

    static let negations: Set<String> = ["not", "never", "hardly", "no", "nor", "cannot"]

    static func isNegation(_ token: Token) -> Bool {
        negations.contains(token.lower) || token.lower.hasSuffix("n't")
    }

    /// All verbal expressions in `tokens`, left to right. `blocked` marks tokens that belong to
    /// something else (a time expression: "May 2026").
    static func verbal(in tokens: [Token], blocked: (Int) -> Bool = { _ in false }) -> [VerbalMatch] {
        var matches: [VerbalMatch] = []
        var index = 0
        while index < tokens.count {
            if blocked(index) || !tokens[index].isWord && !tokens[index].isNumber {
                index += 1
                continue
            }
            let word = tokens[index].lower
            if VerbalScale.probabilityNouns.contains(word), let predicate = probabilityPredicate(tokens, at: index) {
                matches.append(predicate)
                index = predicate.span.upperBound
                continue
            }
            guard phraseStarts.contains(word), let (words, end, entry) = longestPhrase(tokens, at: index) else {
                index += 1
                continue
            }
            let phrase = index..<end
            let joined = words.joined(separator: " ")
            if let match = accept(tokens, phrase: phrase, words: words, joined: joined, entry: entry) {
                matches.append(match)
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// The longest table phrase starting at `index`, skipping glued hyphens ("toss-up", "50-50").
    static let phraseStarts = Set(VerbalScale.phrases.keys.compactMap(\.first))

    static func longestPhrase(_ tokens: [Token], at index: Int) -> ([String], Int, VerbalEntry)? {
        guard phraseStarts.contains(tokens[index].lower), tokens[index].isWord || tokens[index].isNumber,
              let candidates = phrasesByFirst[tokens[index].lower] else { return nil }
        // Each candidate is walked against the tokens in place: most starts ("a", "not") match
        // none, and collecting their words first cost two arrays per start.
        for (phrase, entry) in candidates {
            if let end = end(of: phrase, in: tokens, after: index) { return (phrase, end, entry) }
        }
        return nil
    }

    /// Where `phrase` ends if its words follow its first, the word at `index` (which found it, so
    /// it is not compared again), glued hyphens and slashes between them skipped ("toss-up",
    /// "50-50", "50/50").
    static func end(of phrase: [String], in tokens: [Token], after index: Int) -> Int? {
        var i = index + 1
        var matched = 1
        while matched < phrase.count {
            guard i < tokens.count else { return nil }
            if matched > 0, tokens[i].isGluedDash || tokens[i].lower == "/" && !tokens[i].spaceBefore {
                i += 1
                continue
            }
            guard tokens[i].isWord || tokens[i].isNumber, tokens[i].lower == phrase[matched] else { return nil }
            matched += 1
            i += 1
        }
        return i
    }

    /// The scale's phrases by their first word, longest first.
    static let phrasesByFirst: [String: [(words: [String], entry: VerbalEntry)]] = {
        var table: [String: [(words: [String], entry: VerbalEntry)]] = [:]
        for (words, entry) in VerbalScale.phrases { table[words[0], default: []].append((words, entry)) }
        return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()


    // Constants: a literal array in place is built, and its strings destroyed, on every call.
    static let quoteMarks = ["\"", "“", "'", "‘"]
    static let comparativeLeads = ["more", "less", "as", "equally", "most"]
    /// A modal followed by a subject pronoun is a question: "could you", "may I".
    static let invertedSubjects = ["you", "i", "we", "they", "he", "she", "it"]
    /// Adverbs passed over between a phrase and the modifier or negation in front of it.
    static let passedAdverbs = ["actually", "still", "also", "increasingly", "now", "already", "even"]
    static let rangeJoiners = ["-", "–", "—", "to", "and"]
    static let movementPrepositions = ["to", "by", "from"]
    static let outOf = ["out", "of"]
    static let oddsSeparators = ["to", ":"]

    static func accept(_ tokens: [Token], phrase: Range<Int>, words: [String], joined: String,
                               entry: VerbalEntry) -> VerbalMatch? {
        let start = phrase.lowerBound
        // A quoted phrase keeps its grammar: 'it was "almost certain" to'.
        var before = start - 1
        while before >= 0, quoteMarks.contains(tokens[before].lower) { before -= 1 }
        let previous = before >= 0 ? tokens[before].lower : ""
        if copularOnly.contains(joined) {
            let afterCopula = start > 0 && (copulas.contains(previous) || previous.hasSuffix("'s") || previous.hasSuffix("'m")
                || previous.hasSuffix("'re"))
            // "The committee expected inflation to fall": the past of a forecasting verb, with its
            // subject, is a stance like "expects".
            if !afterCopula, pastForecastVerbs.contains(joined), let subject = stanceSubject(tokens, before: start),
               !["i", "we"].contains(tokens[subject].lower) {
                return VerbalMatch(entry: VerbalEntry(entry.value, entry.low, entry.high, .attitude), phrase: phrase, span: phrase,
                                   negated: false, subject: subject, words: words)
            }
            guard afterCopula else { return nil }
            if joined == "possible", ["as", "best", "all", "every", "only"].contains(previous) { return nil }
            if ["impossible", "possible", "sure", "certain"].contains(joined), phrase.upperBound < tokens.count,
               tokens[phrase.upperBound].lower == "to" || tokens[phrase.upperBound].lower == "whether"
                || tokens[phrase.upperBound].lower == "if" {
                // "impossible to say", "not sure whether": no stance on the event.
                if joined != "certain" || tokens[phrase.upperBound].lower != "to" { return nil }
            }
        }
        // "more likely to", "less likely", "as likely as": comparisons, not degrees.
        if words.first == "likely", comparativeLeads.contains(previous) { return nil }
        if entry.role == .modal {
            // A modal must govern a verb: "may be", "might not", "could see"; "could have" is past.
            guard phrase.upperBound < tokens.count else { return nil }
            let next = tokens[phrase.upperBound]
            guard next.isWord, !next.isCapitalized || next.lower == "i" else { return nil }
            if next.lower == "have" || next.lower == "'ve" { return nil }
            if invertedSubjects.contains(next.lower) { return nil }  // inversion: a question
        }
        var subject: Int?
        if entry.role == .attitude, !copularOnly.contains(joined) {
            guard let found = stanceSubject(tokens, before: start) else { return nil }
            // "I write down what I expect for the year": a free relative names a thing, it holds
            // no stance; "What I expect is a cut" does.
            if found > 0, ["what", "whatever"].contains(tokens[found - 1].lower),
               !(phrase.upperBound < tokens.count && ["is", "'s", "will", "would"].contains(tokens[phrase.upperBound].lower)) {
                return nil
            }
            subject = found
        } else if entry.role == .attitude {
            subject = stanceSubject(tokens, before: start, copular: true)
        }
        // Modifiers and negation in front of the phrase.
        var value = entry
        var spanStart = start
        var i = start - 1
        var strength: Double?
        while i >= 0, i >= start - 2 {
            let word = tokens[i].lower
            if let s = VerbalScale.modifiers[word], strength == nil, words.count == 1 || !isModifiedEntry(words) {
                strength = s
                spanStart = i
            } else if !passedAdverbs.contains(word) {
                break
            }
            i -= 1
        }
        if let strength {
            value = VerbalEntry(VerbalScale.modify(entry.value, by: strength), VerbalScale.modify(entry.low, by: strength),
                                VerbalScale.modify(entry.high, by: strength), entry.role)
        }
        var negated = false
        var j = spanStart - 1
        while j >= 0, j >= spanStart - 3, tokens[j].kind != .punctuation {
            if isNegation(tokens[j]), !(tokens[j].lower == "not" && j + 1 < tokens.count && tokens[j + 1].lower == "only") {
                negated = true
                spanStart = min(spanStart, j)
                break
            }
            j -= 1
        }
        if negated, entry.role != .modal {
            // "not very likely": the intensifier goes with the negation, so negate "likely".
            var base = entry
            var baseJoined = joined
            if words.count >= 2, VerbalScale.modifiers[words[0]] != nil, let plain = VerbalScale.phrases[Array(words.dropFirst())] {
                base = plain
                baseJoined = words.dropFirst().joined(separator: " ")
            }
            value = negate(base, joined: baseJoined)
        } else {
            negated = false
        }
        return VerbalMatch(entry: value, phrase: phrase, span: spanStart..<phrase.upperBound, negated: negated,
                           subject: subject, words: words)
    }

    static func isModifiedEntry(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        return VerbalScale.modifiers[first] != nil || ["almost", "nearly", "virtually", "all"].contains(first)
    }

    /// Negation flips a phrase around even and drops its intensifier: "not very likely" is read as
    /// "not likely" (a litotes, weaker than "very unlikely"). Stances of certainty ("not sure") leave
    /// the question open: read as "possibly".
    static func negate(_ entry: VerbalEntry, joined: String) -> VerbalEntry {
        if ["sure", "certain", "confident", "very confident", "convinced"].contains(joined) {
            return VerbalEntry(0.40, 0.25, 0.50, entry.role)
        }
        if entry.role == .attitude { return entry }  // "I don't think X will": the claim flips instead.
        return VerbalEntry(1 - entry.value, 1 - entry.high, 1 - entry.low, entry.role)
    }

    /// "the probability is actually quite high", "the probability isn't very large", "chances are
    /// good", "odds are slim".
    static func probabilityPredicate(_ tokens: [Token], at index: Int) -> VerbalMatch? {
        guard VerbalScale.probabilityNouns.contains(tokens[index].lower) else { return nil }
        var i = index + 1
        // "the probability of that happening is ...": allow a short complement before the verb.
        var steps = 0
        while i < tokens.count, steps < 8, !["is", "are", "isn't", "aren't", "remains", "remain", "seems", "'s", "was"].contains(tokens[i].lower) {
            if tokens[i].kind == .punctuation { return nil }
            i += 1
            steps += 1
        }
        guard i < tokens.count else { return nil }
        var negated = tokens[i].lower.hasSuffix("n't")
        i += 1
        var strength: Double?
        var guardSteps = 0
        while i < tokens.count, guardSteps < 4 {
            let word = tokens[i].lower
            if isNegation(tokens[i]) { negated = true } else if let s = VerbalScale.modifiers[word] { strength = s } else if let level = VerbalScale.probabilityLevels[word] {
                var entry = level
                if negated {
                    entry = VerbalEntry(1 - level.value, 1 - level.high, 1 - level.low)
                } else if let strength {
                    entry = VerbalEntry(VerbalScale.modify(level.value, by: strength), VerbalScale.modify(level.low, by: strength),
                                        VerbalScale.modify(level.high, by: strength))
                }
                var start = index
                if start > 0, ["the", "a", "our", "my", "its", "their", "your"].contains(tokens[start - 1].lower) { start -= 1 }
                return VerbalMatch(entry: entry, phrase: index..<i + 1, span: start..<i + 1, negated: negated,
                                   subject: nil, words: [tokens[index].lower, word])
            } else if !["actually", "still", "also", "now", "already", "rather", "not"].contains(word) {
                return nil
            }
            i += 1
            guardSteps += 1
        }
        return nil
    }

    /// The subject of a stance verb: a pronoun, a group word or a capitalized name right before it
    /// (allowing "really", "don't" and the like in between).
    static func stanceSubject(_ tokens: [Token], before index: Int, copular: Bool = false) -> Int? {
        var i = index - 1
        var steps = 0
        while i >= 0, steps < 5 {
            let token = tokens[i]
            let word = token.lower
            if stanceSubjects.contains(word) || ClauseAnalysis.groupNouns.contains(word) || word.hasPrefix("i'") || word.hasPrefix("we'") {
                return i
            }
            if token.isWord, token.isCapitalized, !copular { return i }
            if copular, word.hasSuffix("'m") || word.hasSuffix("'re") { return i }
            // "Tom Brady, an analyst at Northfield, expects": step over the appositive.
            if word == ",", !copular, let open = Range(from: max(0, i - 14), upTo: i).last(where: { tokens[$0].lower == "," }),
               open > 0, tokens[open - 1].isWord, tokens[open - 1].isCapitalized {
                return open - 1
            }
            if !stanceFillers.contains(word) && !(copular && copulas.contains(word)) { return nil }
            i -= 1
            steps += 1
        }
        return nil
    }

    // MARK: - Convenience

    /// The degree of belief a short phrase expresses on its own ("20%", "one in five", "very
    /// likely", "not very likely"), or nil. Numbers win over words, as in the reference.
    public static func parse(_ text: String) -> Degree? {
        let tokens = Tokenizer.tokenize(text)
        if let number = numeric(in: tokens).first(where: { !$0.isProportion }) {
            return Degree(value: number.value, low: number.low, high: number.high, basis: .numeric)
        }
        let matches = verbal(in: tokens)
        return combine(attitude: matches.first { $0.entry.role == .attitude }, degrees: matches.filter { $0.entry.role != .attitude })
    }

    /// One degree from a stance and the degree words of a clause. A degree phrase ("unlikely",
    /// "definitely") says how likely; a stance around it ("I think it's unlikely") only frames it.
    /// A bare modal is weak on its own and a stance lifts it: "I believe this might be" lies
    /// half-way between "believe" and "might".
    static func combine(attitude: VerbalMatch?, degrees: [VerbalMatch]) -> Degree? {
        if let degree = degrees.first(where: { $0.entry.role == .degree }) {
            return Degree(value: degree.entry.value, basis: .verbal)
        }
        switch (attitude, degrees.first) {
        case let (a?, m?): return Degree(value: (a.entry.value + m.entry.value) / 2, basis: .verbal)
        case let (a?, nil): return Degree(value: a.entry.value, basis: .verbal)
        case let (nil, m?): return Degree(value: m.entry.value, basis: .verbal)
        default: return nil
        }
    }
}
