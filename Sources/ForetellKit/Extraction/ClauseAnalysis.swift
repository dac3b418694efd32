/// What one clause of a sentence says about the future and how strongly.
struct ClauseReading {
    enum Shape: Equatable {
        /// It states its own proposition: "a paradigm shift is coming in 2026".
        case proposition
        /// Only a degree of belief: "I think it's 20%.", "I'm very optimistic—it's highly likely."
        case bare
        /// A name answering "which company...?": "Probably still OpenAI."
        case entity(String)
        /// A proposition about something said before: "it will still take at least a year".
        case anaphoric
    }

    var range: Range<Int>
    var attitude: VerbalMatch?
    var degrees: [VerbalMatch] = []
    var numeric: NumericMatch?
    var degree: Degree?
    /// The time expression that sets the deadline, if any.
    var time: TimeMention?
    /// Only past time expressions: the clause is about the past.
    var aboutPast = false
    var isFuture = false
    var shape = Shape.proposition
    /// "I don't think X will happen": the claim is the opposite of X.
    var negatedStance = false
    /// The token range of someone else named as holding the view ("Paul Christiano says ...").
    var reportedSubject: Range<Int>?
    /// The reported subject is a group named in an attribution (", industry analysts said"): it
    /// owns the view as written, it is not a person of the roster.
    var reportedGroup = false
    /// Stated as a past or withheld view ("I don't know whether", "we predicted"): not a forecast.
    var blocked = false
    /// "2026 is the year of agents": the present copula the claim states as "will be".
    var presentCopula: Int?
    /// The leading stance frame the claim leaves out: "I truly believe that", "People expect
    /// that", "It's possible that", "There is a one in three chance that", "Jane Roe, a climate
    /// scientist, said".
    var frame: Range<Int>?
    /// Other tokens the claim leaves out: an attribution ("according to X", ", X said"), a dateline.
    var dropped = Set<Int>()
}

/// Reads clauses: splits sentences at clause boundaries, finds stances, degrees, numbers, time
/// expressions and future markers, and decides whether a clause states its own proposition.
enum ClauseAnalysis {
    // MARK: - Clause boundaries

    private static let subjectPronouns: Set<String> = ["i", "we", "it", "they", "he", "she", "this", "that", "there", "you"]

    /// Splits at ";", at "but" (not "not only ... but", "all but"), at ", while / whereas /
    /// although / though" and at ", and" when a new subject or time expression follows.
    private static let contrastConjunctions = ["while", "whereas", "although", "though"]

    static func clauses(_ tokens: [Token], timeStarts: Set<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < tokens.count {
            // Only marks and "but" cut: other words are passed over on their kind and class bits.
            guard tokens[i].kind == .punctuation || tokens[i].lower == "but" else {
                i += 1
                continue
            }
            let word = tokens[i].lower
            var cut: (end: Int, next: Int)?
            if word == ";" {
                cut = (i, i + 1)
            } else if word == "but", i > start, !(i > 0 && tokens[i - 1].lower == "all"),
                      !(i + 1 < tokens.count && tokens[i + 1].lower == "also") {
                cut = (i > 0 && tokens[i - 1].lower == "," ? i - 1 : i, i + 1)
            } else if word == ",", i + 1 < tokens.count {
                let next = tokens[i + 1].lower
                if contrastConjunctions.contains(next) {
                    cut = (i, i + 2)
                } else if next == "and", i + 2 < tokens.count,
                          subjectPronouns.contains(tokens[i + 2].lower) || tokens[i + 2].lower.hasPrefix("we'")
                            || tokens[i + 2].lower.hasPrefix("i'") || timeStarts.contains(i + 2) {
                    cut = (i, i + 2)
                }
            }
            if let cut {
                if cut.end > start { ranges.append(start..<cut.end) }
                start = cut.next
                i = cut.next
            } else {
                i += 1
            }
        }
        if start < tokens.count { ranges.append(start..<tokens.count) }
        return ranges.isEmpty ? [0..<tokens.count] : ranges
    }

    // MARK: - Reading a clause

    static let futureWords: Set<String> = ["will", "won't", "shall", "gonna", "wo"]
    /// After a copula these look ahead: "is coming", "is set to".
    static let futureCues: Set<String> = ["coming", "set", "poised", "bound", "due", "expected", "likely", "about"]
    static let pastStances: Set<String> = [
        "thought", "believed", "predicted", "assumed", "guessed", "hoped", "felt", "expected", "said",
        "told", "imagined", "figured", "reckoned", "wondered",
    ]
    private static let withheld: [[String]] = [
        ["don't", "know"], ["do", "not", "know"], ["not", "sure", "whether"], ["not", "sure", "if"],
        ["no", "idea"], ["hard", "to", "say"], ["impossible", "to", "say"], ["who", "knows"],
        ["can't", "predict"], ["cannot", "predict"], ["hard", "to", "predict"], ["difficult", "to", "predict"],
        ["don't", "even", "know"], ["wonder", "whether"], ["wonder", "if"],
    ]
    static let withheldStarts = Set(withheld.compactMap(\.first))
    /// Words that open a condition (`conditionRanges`).
    static let conditionOpeners: Set<String> = ["if", "unless", "whether", "once"]
    /// Words passed over before a clause's first content word (`isAnaphoric`).
    static let anaphoricLeads: Set<String> = [
        "so", "and", "but", "well", "yes", "still", "actually", "honestly", "that's", "why", "because",
    ]
    static let demonstratives: Set<String> = ["that", "this", "these", "those", "such"]
    /// Past auxiliaries (`speaksOfPast`).
    static let pastAuxiliaries: Set<String> = ["was", "were", "had", "did", "wasn't", "weren't", "didn't", "hadn't"]
    /// Words that leave a clause without a proposition of its own once stances, degrees and
    /// numbers are taken out ("Yes, I think it's 20%.", "Probably.", "I'd say highly likely").
    static let fillers: Set<String> = [
        "yes", "yeah", "no", "well", "so", "and", "but", "still", "just", "actually", "honestly",
        "really", "frankly", "personally", "i", "we", "i'd", "i'm", "we'd", "we're", "it", "it's",
        "that's", "that", "this", "is", "be", "'s", "would", "say", "to", "a", "an", "the", "number",
        "my", "our", "answer", "guess", "estimate", "if", "had", "have", "has", "assign", "give",
        "put", "at", "about", "around", "roughly", "already", "very", "quite", "percent", "mean",
        "you", "though", "now", "then", "okay", "ok", "sure", "probability", "chance", "chances",
        "odds", "likelihood", "one", "do", "think", "believe", "am", "are", "even", "only", "as",
        "for", "me", "of", "terms", "overall", "optimistic", "pretty", "fairly", "high", "low",
        "right", "exactly", "indeed", "definitely", "certainly", "maybe", "perhaps", "probably",
        "hmm", "um", "uh", "like", "kind", "sort", "realistically", "view", "in", "opinion", "bet",
        "i'll", "go", "with", "something", "there", "there's", "will", "could", "might", "may",
        "all", "things", "considered", "percentage", "by", "or", "more", "less", "than", "maximum",
        "minimum", "least", "most", "much", "good", "bad", "guy", "own", "personal", "feeling",
        "gut", "pessimistic", "confident", "not", "isn't", "aren't", "large", "small", "big",
        "though", "again", "too", "also", "either", "neither", "nor", "answer's", "fact",
        // "call it 75%", "twenty percent, give or take", "one in ten at best", "slim, maybe 5%"
        "call", "tops", "best", "slim", "slight", "remote", "tiny",
    ]

    /// What the clause `clause` of `sentence` (read as `tokens`) says.
    static func read(_ tokens: [Token], of sentence: String, clause: Range<Int>, times: [TimeMention], reference: Day?,
                     allMatches: [VerbalMatch], allNumbers: [NumericMatch]) -> ClauseReading {
        var reading = ClauseReading(range: clause)

        for i in clause where withheldStarts.contains(tokens[i].lower) {
            for phrase in withheld where i + phrase.count <= clause.upperBound && TimeExpressions.matches(tokens, at: i, phrase) {
                reading.blocked = true
            }
        }
        // "we predicted that chat might replace search": a past view, not a forecast.
        for i in clause where pastStances.contains(tokens[i].lower) {
            if let subject = ProbabilityPhrases.stanceSubject(tokens, before: i),
               ["i", "we"].contains(tokens[subject].lower) { reading.blocked = true }
        }

        // Stances, degrees and numbers inside this clause, ignoring words inside conditions ("if
        // we could increase ...": the modal belongs to the hypothesis, not to a forecast).
        let conditions = conditionRanges(tokens, clause: clause)
        let matches = allMatches.filter { match in
            clause.contains(match.phrase.lowerBound) && !runsContain(conditions, match.phrase.lowerBound)
        }
        reading.attitude = matches.first { $0.entry.role == .attitude }
        reading.degrees = matches.filter { $0.entry.role != .attitude }
        if let attitude = reading.attitude {
            reading.negatedStance = attitude.negated && !["sure", "certain", "confident", "very confident", "convinced"].contains(attitude.words.joined(separator: " "))
            if let subject = attitude.subject, let group = groupSubject(tokens, endingAt: subject, clause: clause) {
                // "Analysts expect", "the committee expected", "Some believe": the group holds the view.
                reading.reportedSubject = group
                reading.reportedGroup = true
            } else if let subject = attitude.subject, isThirdParty(tokens[subject]) {
                reading.reportedSubject = personBefore(tokens, organisationEndingAt: subject, from: clause.lowerBound)
                    ?? subjectRun(tokens, endingAt: subject)
            }
        }
        if let attribution = attribution(tokens, clause: clause) {
            if reading.reportedSubject == nil {
                reading.reportedSubject = attribution.subject
                reading.reportedGroup = attribution.group
            }
            reading.dropped.formUnion(attribution.drop)
        }

        // A dateline ("March 3, 2025 — Global chip sales will ...", "FRANKFURT, March 3 (Reuters) -
        // The ECB ...") is neither part of the claim nor its time frame.
        var clauseTimes = times.filter { clause.contains($0.tokens.lowerBound) }
        if let dateline = datelineEnd(tokens, clause: clause, times: clauseTimes) {
            reading.dropped.formUnion(Range(from: clause.lowerBound, upTo: dateline + 1))
            clauseTimes.removeAll { $0.tokens.lowerBound <= dateline }
        }
        // Time: the first future deadline in the clause, preferring one with a preposition ("in
        // 2032") to a bare year, which often names or qualifies something ("asteroid 2026 QF").
        let deadlines = clauseTimes.filter { $0.setsDeadline && !datesSomethingElse($0, tokens: tokens) }
        reading.time = deadlines.first { !($0.tokens.count == 1 && CalendarWords.year(tokens[$0.tokens.lowerBound]) != nil) }
            ?? deadlines.first
        reading.aboutPast = reading.time == nil && clauseTimes.contains { $0.isPast }
        let timeTokens = Set(clauseTimes.flatMap { Array($0.tokens) })

        // Future: an auxiliary, a modal degree, "going to", "is coming", or a time to come.
        var future = false
        for i in clause where tokens[i].isWord {
            let word = tokens[i].lower
            if futureWords.contains(word) || word.hasSuffix("'ll") { future = true }
            if word == "going", i + 1 < tokens.count, tokens[i + 1].lower == "to" { future = true }
            if futureCues.contains(word), i > 0,
               ["is", "are", "'s", "it's", "that's", "be", "am", "we're", "they're", "it's"].contains(tokens[i - 1].lower) || tokens[i - 1].lower.hasSuffix("'s"),
               tokens[i].lower == "coming" || i + 1 < tokens.count && tokens[i + 1].lower == "to" { future = true }
            if word == "away", i > 0, units.contains(tokens[i - 1].lower) { future = true }
        }
        if reading.degrees.contains(where: { $0.entry.role == .modal }) { future = true }
        // Expecting and predicting look ahead by themselves: "analysts expect the Fed to cut rates".
        if let attitude = reading.attitude, attitude.words.contains(where: { $0.hasPrefix("expect") || $0.hasPrefix("predict")
            || $0.hasPrefix("forecast") || $0.hasPrefix("anticipate") }) { future = true }
        if let time = reading.time, let reference, let deadline = time.deadline, deadline > reference,
           time.kind != .point || time.earliest != nil || time.isRelative && time.tokens.count > 2 {
            future = true
        }
        if let time = reading.time, time.isRelative, time.kind == .notBefore || time.kind == .window { future = true }
        // Without a statement date an absolute deadline cannot be checked: "by 2030" counts.
        if let time = reading.time, reference == nil, time.kind != .point || !time.isRelative { future = true }
        if let time = reading.time, !time.isPast, !speaksOfPast(tokens, clause: clause) {
            // "A serious disruption to our supply chain in 2026 is unlikely": a degree of belief
            // about a time not yet over looks ahead, whatever the tense.
            if reading.degrees.contains(where: { $0.entry.role == .degree }) { future = true }
            // "I think 2026 is the year of agents": a stance that identifies a time with an event
            // says the event will happen then.
            if reading.attitude != nil || !reading.degrees.isEmpty, let copula = timeIdentified(tokens, clause: clause, time: time) {
                future = true
                reading.presentCopula = copula
            }
        }
        reading.isFuture = future

        // Numbers: a probability when named as one, when the clause speaks of probability or
        // reports an estimate, or when it is all the clause says; never a proportion.
        let numbers = allNumbers.filter { clause.contains($0.span.lowerBound) && !$0.isProportion }
        let speaksOfProbability = clause.contains { VerbalScale.probabilityNouns.contains(tokens[$0].lower) || tokens[$0].lower == "likely" }

        // Shape: what is left once frames, degrees, numbers and time are taken out.
        var covered = TokenSet(count: tokens.count)
        for match in matches { covered.formUnion(match.span) }
        if let attitude = reading.attitude, let subject = attitude.subject {
            covered.formUnion(min(subject, attitude.span.lowerBound)..<attitude.span.upperBound)
            // "expect that ...": the complementiser, not a demonstrative.
            if attitude.span.upperBound < tokens.count, tokens[attitude.span.upperBound].lower == "that" {
                covered.insert(attitude.span.upperBound)
            }
        }
        for match in matches where match.span.upperBound < tokens.count && tokens[match.span.upperBound].lower == "that" {
            covered.insert(match.span.upperBound)
        }
        for number in numbers { covered.formUnion(number.span) }
        covered.formUnion(timeTokens)
        covered.formUnion(reading.dropped)
        if let subject = reading.reportedSubject { covered.formUnion(subject) }
        // The words left once covered ones, marks, fillers and numbers are set aside, gathered
        // in one pass into one list with room for the whole clause (rather than a list of the
        // rest and then a filtered copy, each grown 1, 2, 4, 8).
        var content: [Int] = []
        content.reserveCapacity(clause.count)
        for i in clause where !covered.contains(i) && tokens[i].kind != .punctuation && !fillers.contains(tokens[i].lower) {
            // "twenty percent, give or take"
            if tokens[i].lower == "take", i >= 2, tokens[i - 1].lower == "or", tokens[i - 2].lower == "give" { continue }
            if tokens[i].isNumber { continue }
            content.append(i)
        }
        // Nothing left: a bare answer. Only a short capitalised run: a name answering "which".
        if content.isEmpty {
            reading.shape = .bare
        } else if content.count <= 4, content.allSatisfy({ tokens[$0].isCapitalized }),
                  let first = content.first, let last = content.last {
            reading.shape = .entity(entityText(tokens, of: sentence, first, last))
        } else if isAnaphoric(tokens, clause: clause, covered: covered) {
            reading.shape = .anaphoric
        }

        reading.numeric = numbers.first { number in
            number.namedAsProbability || reading.shape == .bare
                || reportsEstimate(number, tokens: tokens, clause: clause)
                || isAppended(number, tokens: tokens, clause: clause)
                || speaksOfProbability && !isQuantity(number, tokens: tokens, clause: clause)
        }
        // "Paul Christiano: 10%", "Most respondents: under 5%": a labelled estimate answers the
        // question above it, like "X says 10%"; a label that is a name is the owner.
        if let number = reading.numeric, content.count <= 4, !reading.isFuture, reading.time == nil,
           number.span.lowerBound > clause.lowerBound,
           tokens[number.span.lowerBound - 1].lower == ":", let first = content.first,
           content.allSatisfy({ $0 < number.span.lowerBound }) {
            reading.shape = .bare
            if reading.reportedSubject == nil, content.count >= 2, content.count <= 3,
               content.allSatisfy({ tokens[$0].isCapitalized && !PersonNames.notNameWords.contains(tokens[$0].lower) }) {
                reading.reportedSubject = first..<(content.last ?? first) + 1
            }
        }
        // "X will probably not happen": the claim keeps its "not" (see ClaimBuilder), so the
        // degree is that of "probably" for the negative claim, not the table's 25% for X.
        if reading.shape == .proposition {
            reading.degrees = reading.degrees.map { match in
                guard match.words.count == 2, match.words.last == "not", !match.negated else { return match }
                var flipped = match
                flipped.entry = VerbalEntry(1 - match.entry.value, 1 - match.entry.high, 1 - match.entry.low, match.entry.role)
                return flipped
            }
        }
        reading.degree = combine(reading, tokens: tokens)
        reading.frame = stanceFrame(tokens, reading: reading)
        return reading
    }

    /// A date that is not when the claim resolves: the day a number was given ("30% as of March 3",
    /// "as at June"), a date naming a report, meeting or figure ("below the June projection",
    /// "relative to the August projections", "the November meeting"), or the day of an occasion
    /// ("the summit on June 3").
    static func datesSomethingElse(_ time: TimeMention, tokens: [Token]) -> Bool {
        let start = time.tokens.lowerBound, end = time.tokens.upperBound
        if start >= 2, ["as", "since"].contains(tokens[start - 2].lower) || tokens[start - 1].lower == "since",
           ["of", "at"].contains(tokens[start - 1].lower) || tokens[start - 1].lower == "since" {
            return true
        }
        if end < tokens.count, namedByDate.contains(tokens[end].lower) { return true }
        // "the summit on June 3", "at the meeting on January 14": the day of an occasion.
        if start >= 2, ["on", "of"].contains(tokens[start - 1].lower), DocumentDates.eventWords.contains(tokens[start - 2].lower) {
            return true
        }
        return false
    }

    /// Nouns that a date before them names: "the June projection", "the 2025 budget".
    private static let namedByDate: Set<String> = [
        "projection", "projections", "forecast", "forecasts", "report", "reports", "estimate", "estimates", "meeting",
        "meetings", "minutes", "figures", "data", "survey", "poll", "polls", "statement", "release", "numbers", "budget",
        "outlook", "round", "review", "edition", "issue", "levels", "level", "peak", "low", "high", "average",
    ]

    /// The dash ending a dateline that opens the clause: an optional place (capitalised words and
    /// commas), a day, an optional agency in brackets, a dash.
    private static func datelineEnd(_ tokens: [Token], clause: Range<Int>, times: [TimeMention]) -> Int? {
        guard let first = times.first, first.tokens.lowerBound - clause.lowerBound <= 6,
              Range(from: clause.lowerBound, upTo: first.tokens.lowerBound).allSatisfy({ tokens[$0].lower == "," || tokens[$0].isWord && tokens[$0].isCapitalized }),
              first.kind == .point || first.isPast, first.deadline == nil || first.earliest == first.deadline || first.isPast
        else { return nil }
        var k = first.tokens.upperBound
        if k < clause.upperBound, tokens[k].lower == "(",
           let close = Range(from: k, upTo: min(clause.upperBound, k + 8)).first(where: { tokens[$0].lower == ")" }) {
            k = close + 1
        }
        guard k < clause.upperBound, tokens[k].isDash, !tokens[k].isGluedDash else { return nil }
        return k
    }

    /// "2026 is the year of agents", "next year is when prices turn": the copula after a time
    /// expression that makes the time that of an event.
    private static func timeIdentified(_ tokens: [Token], clause: Range<Int>, time: TimeMention) -> Int? {
        let i = time.tokens.upperBound
        guard i + 1 < clause.upperBound, ["is", "'s"].contains(tokens[i].lower) else { return nil }
        if tokens[i + 1].lower == "when" { return i }
        guard i + 3 < clause.upperBound, ["the", "a"].contains(tokens[i + 1].lower),
              ["year", "decade", "moment", "time", "season", "month", "quarter"].contains(tokens[i + 2].lower),
              ["of", "when", "that", "for", "where", "in"].contains(tokens[i + 3].lower) else { return nil }
        return i
    }

    /// Whether a clause is in a past tense: "was", "were", "had", "did", "we've done", "has been".
    static func speaksOfPast(_ tokens: [Token], clause: Range<Int>) -> Bool {
        for i in clause {
            let word = tokens[i].lower
            if pastAuxiliaries.contains(word) { return true }
            if word.hasSuffix("'ve") || ["have", "has", "haven't", "hasn't"].contains(word),
               let next = Range(from: i + 1, upTo: clause.upperBound).first(where: { !["already", "only", "just", "never", "not", "ever", "all", "also"].contains(tokens[$0].lower) }),
               tokens[next].lower.hasSuffix("ed") || ["been", "done", "gone", "made", "seen", "had", "got", "taken", "become"].contains(tokens[next].lower) {
                return true
            }
        }
        return false
    }

    private static let units: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"]

    private static func entityText(_ tokens: [Token], of sentence: String, _ first: Int, _ last: Int) -> String {
        var words: [String] = []
        for i in first...last where tokens[i].isWord { words.append(tokens[i].text(in: sentence)) }
        return words.joined(separator: " ")
    }

    /// Numbers win over words; otherwise the rule of `ProbabilityPhrases.combine`.
    static func combine(_ reading: ClauseReading, tokens: [Token]) -> Degree? {
        if let number = reading.numeric {
            return Degree(value: number.value, low: number.low, high: number.high, basis: .numeric)
        }
        return ProbabilityPhrases.combine(attitude: reading.attitude, degrees: reading.degrees)
    }

    /// Whether `index` lies in one of `runs`, which are sorted and do not overlap (as
    /// `conditionRanges` makes them): a binary search for the first run ending after it, so a
    /// clause of many conditions costs a logarithm a question, not a pass over them all.
    static func runsContain(_ runs: [Range<Int>], _ index: Int) -> Bool {
        var low = 0
        var high = runs.count
        while low < high {
            let middle = low + (high - low) / 2
            if runs[middle].upperBound <= index { low = middle + 1 } else { high = middle }
        }
        return low < runs.count && runs[low].contains(index)
    }

    /// The tokens inside "if ... ," or "unless ... ," conditions, as runs: a condition's tokens
    /// follow one another, and a clause has few conditions, so a short list of ranges answers
    /// `contains` without hashing each token into a set.
    static func conditionRanges(_ tokens: [Token], clause: Range<Int>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var runStart: Int?
        var open = false
        for i in clause {
            if conditionOpeners.contains(tokens[i].lower) {
                if let start = runStart { runs.append(start..<i) }
                runStart = nil
                open = true
                continue
            }
            if open, tokens[i].lower == "," || tokens[i].isDash {
                if let start = runStart { runs.append(start..<i) }
                runStart = nil
                open = false
                continue
            }
            if open, runStart == nil { runStart = i }
        }
        if let start = runStart { runs.append(start..<clause.upperBound) }
        return runs
    }

    /// A number set after the claim, as forecasters list them: "Bitcoin closes 2025 above $100k:
    /// 60%", "Starship reaches orbit this year - 85%", "... (70%)".
    private static func isAppended(_ number: NumericMatch, tokens: [Token], clause: Range<Int>) -> Bool {
        guard number.span.lowerBound > clause.lowerBound + 2 else { return false }
        let before = tokens[number.span.lowerBound - 1]
        guard [":", "(", "[", ",", "="].contains(before.lower) || before.isDash && !before.isGluedDash else { return false }
        return Range(from: number.span.upperBound, upTo: clause.upperBound).allSatisfy { tokens[$0].kind == .punctuation }
    }

    /// "inflation would likely fall below 2%", "rates rise to 5%", "GDP down 30%": a number the
    /// claim is about, set after a verb of change or a preposition of amount. "Likely" in the
    /// clause does not make it a probability; naming it one ("a 30% chance") or reporting it as
    /// an estimate ("puts it at 30%") does.
    private static func isQuantity(_ number: NumericMatch, tokens: [Token], clause: Range<Int>) -> Bool {
        var before = number.span.lowerBound - 1
        if before >= clause.lowerBound, quantityComparators.contains(tokens[before].lower) { before -= 1 }
        guard before >= clause.lowerBound else { return false }
        return quantityLeads.contains(tokens[before].lower)
    }

    private static let quantityComparators: Set<String> = ["below", "above", "under", "over", "around", "about", "nearly", "almost"]
    private static let quantityLeads: Set<String> = [
        "fall", "falls", "fell", "rise", "rises", "rose", "grow", "grows", "drop", "drops", "decline", "declines", "exceed",
        "exceeds", "reach", "reaches", "hit", "hits", "stay", "stays", "remain", "remains", "be", "increase", "increases",
        "to", "by", "down", "up", "than", "below", "above", "under", "over", "of",
    ]

    /// "X says 10 - 20%", "she puts it at 30%", "I'd say 20%": a number given as an estimate.
    private static func reportsEstimate(_ number: NumericMatch, tokens: [Token], clause: Range<Int>) -> Bool {
        let verbs: Set<String> = ["say", "says", "said", "estimate", "estimates", "estimated", "put", "puts", "gives", "call",
                                  "give", "assign", "assigns", "pegs", "peg", "guess", "guesses"]
        // The verb governs the number: "says 10 - 20%", "puts it at one in four", "I'd say about 30%".
        let from = max(clause.lowerBound, number.span.lowerBound - 4)
        return Range(from: from, upTo: number.span.lowerBound).contains { verbs.contains(tokens[$0].lower) }
    }

    /// Whether the clause leans on something said before it: a pronoun subject ("it will still
    /// take a year") or a demonstrative ("from that threshold"), not an expletive "it".
    // Constants: a literal array in place is built, and its strings destroyed, on every call.
    private static let anaphoricSubjects = ["it", "it'll", "this", "that", "these", "those", "they", "such", "it's", "this'll", "that'll"]
    /// After a demonstrative, words that make it a pronoun or a determiner of something else.
    private static let notDemonstrativeHeads = ["is", "was", "will", "would", "the", "a", "we", "i", "it", "they", "you", "there", "in", "by", "of"]
    /// Before a demonstrative, words that make "that threshold" a thing reached or seen.
    private static let demonstrativeGovernors = ["from", "of", "to", "at", "reach", "cross", "achieve", "see", "about", "on", "with"]

    private static func isAnaphoric(_ tokens: [Token], clause: Range<Int>, covered: TokenSet) -> Bool {
        var firstContent: Int?
        for i in clause where !covered.contains(i) && tokens[i].kind != .punctuation {
            if anaphoricLeads.contains(tokens[i].lower), firstContent == nil { continue }
            firstContent = i
            break
        }
        if let first = firstContent {
            let word = tokens[first].lower
            if anaphoricSubjects.contains(word) {
                // "it's possible that ...": followed by a degree, "it" is a dummy subject.
                let next = first + 1
                if word == "it's" || word == "it", next < tokens.count, covered.contains(next) || covered.contains(next + 1) {
                    return false
                }
                return true
            }
        }
        // "from that threshold", "this kind of leap"
        for i in clause where demonstratives.contains(tokens[i].lower) && !covered.contains(i) {
            if i + 1 < clause.upperBound, tokens[i + 1].isWord, !tokens[i + 1].isCapitalized,
               !notDemonstrativeHeads.contains(tokens[i + 1].lower),
               i > clause.lowerBound, demonstrativeGovernors.contains(tokens[i - 1].lower) {
                return true
            }
        }
        return false
    }

    /// The leading frame the claim leaves out: a stance with its subject ("Some people believe
    /// that"), a degree that opens the clause ("It's possible that", "There is a one in three
    /// chance that"), or a reporting subject and verb ("Paul Christiano says").
    private static func stanceFrame(_ tokens: [Token], reading: ClauseReading) -> Range<Int>? {
        let clause = reading.range
        var start = Int.max
        var end = Int.min
        func include(_ from: Int, _ to: Int) {
            start = min(start, from)
            end = max(end, to)
        }
        if let attitude = reading.attitude, let subject = attitude.subject, subject - clause.lowerBound <= 6 {
            var s = min(subject, attitude.span.lowerBound)
            // "Paul Christiano says", "Miriam Katz of Civica Research thinks": the name opens the frame.
            if let reported = reading.reportedSubject, reported.upperBound <= subject + 1, subject + 1 - reported.upperBound <= 4 {
                s = min(s, reported.lowerBound)
            }
            // "A lot of people", "Some people", "Many analysts", "Our CTO"
            while s > clause.lowerBound, ["a", "lot", "of", "some", "many", "most", "few", "the", "our", "my", "their",
                                          "his", "her", "its", "your"].contains(tokens[s - 1].lower) { s -= 1 }
            include(s, attitude.span.upperBound)
        }
        // "Ana Ruiz of MIT said (that)": a reporting frame at the start of the clause.
        if let subject = reading.reportedSubject, let drop = reading.dropped.min(), drop == subject.lowerBound {
            include(drop, (reading.dropped.max() ?? drop) + 1)
        }
        // "It's possible that", "There's a good chance that", "There is a one in three chance that"
        var opening: [Range<Int>] = reading.degrees.filter { $0.entry.role == .degree }.map(\.span)
        if let number = reading.numeric { opening.append(number.span) }
        let openingLimit = max(clause.lowerBound, end == Int.min ? clause.lowerBound : end) + 5
        for span in opening where span.lowerBound <= openingLimit {
            var e = span.upperBound
            while e < clause.upperBound, e < span.upperBound + 2, VerbalScale.probabilityNouns.contains(tokens[e].lower) { e += 1 }
            guard e < clause.upperBound, tokens[e].lower == "that" else { continue }
            var s = span.lowerBound
            // "I'd say there's roughly a one in three chance that", "my best guess is a 10% chance that"
            while s > clause.lowerBound, s > span.lowerBound - 8,
                  ["it's", "it", "is", "there's", "there", "a", "an", "the", "'s", "quite", "very", "entirely", "seems", "looks",
                   "roughly", "about", "maybe", "say", "i'd", "i", "would", "guess", "my", "best", "honestly", "personally"].contains(tokens[s - 1].lower) {
                s -= 1
            }
            include(s, e)
        }
        guard start <= end, start != Int.max else { return nil }
        if end < tokens.count, end < clause.upperBound, tokens[end].lower == "that" { end += 1 }
        return start..<end
    }
}

/// Token indices of one sentence, as flags: what `Set<Int>` answers for them, without hashing.
/// An index outside the sentence (none is ever put in) is kept in a set, so the answers are a
/// set's for every integer.
struct TokenSet {
    private var flags: [Bool]
    private var others = Set<Int>()

    init(count: Int) {
        flags = Array(repeating: false, count: Swift.max(0, count))
    }

    func contains(_ index: Int) -> Bool {
        index >= 0 && index < flags.count ? flags[index] : others.contains(index)
    }

    mutating func insert(_ index: Int) {
        if index >= 0 && index < flags.count { flags[index] = true } else { others.insert(index) }
    }

    mutating func formUnion(_ indices: some Sequence<Int>) {
        for index in indices { insert(index) }
    }
}
