/// Reading one sentence: its clauses with a degree of belief become forecasts, a timed statement
/// without one waits for the next sentence to give it.
extension DocumentPass {
    /// Longer "sentences" are tables, code or text without punctuation, not statements someone
    /// made; skipping them keeps the work per sentence bounded.
    static let longestSentence = 3_000

    mutating func analyse(_ sentence: String, tokens: [Token], segment: Segment, line: Int, neighbours: Neighbours) {
        let before = pending
        pending = nil
        guard sentence.utf8.count <= DocumentPass.longestSentence else { return }
        var reference = reference(for: segment)
        var times = TimeExpressions.find(in: tokens, reference: reference)
        // "At the meeting on January 14, participants judged ...": what the sentence reports was
        // said that day, and its relative times count from it.
        sentenceDateFrom = nil
        if let said = DocumentDates.saidOn(tokens, times: times, reference: reference) {
            sentenceDateFrom = "\(said.day), \(Self.timeText(said.time, tokens: tokens, in: sentence)) in the sentence: the day it was said"
            reference = said.day
            times = TimeExpressions.find(in: tokens, reference: said.day)
        }
        // A token inside a time expression: asked of the few times' ranges, rather than of a set
        // of their tokens hashed in one by one for every sentence with a time. A sentence with
        // many times (a table row of years) still gets the set, so that no question costs more
        // than eight range tests.
        let timeTokens: Set<Int>? = times.count > 8 ? Set(times.lazy.flatMap(\.tokens)) : nil
        func inTime(_ index: Int) -> Bool {
            if let timeTokens { return timeTokens.contains(index) }
            return times.contains { $0.tokens.contains(index) }
        }
        let matches = ProbabilityPhrases.verbal(in: tokens, blocked: { inTime($0) })
        let numbers = ProbabilityPhrases.numeric(in: tokens).filter { !inTime($0.span.lowerBound) }
        let isListItem = document.paragraphs[segment.paragraph].isListItem
        // Most sentences carry no degree of belief and no time to come.
        let timed = times.contains { $0.setsDeadline } || isListItem && listTime != nil
        guard !matches.isEmpty || !numbers.isEmpty || timed else { return }
        let timeStarts = Set(times.map(\.tokens.lowerBound))
        var readings = ClauseAnalysis.clauses(tokens, timeStarts: timeStarts).map { clause in
            ClauseAnalysis.read(tokens, of: sentence, clause: clause, times: times, reference: reference, allMatches: matches, allNumbers: numbers)
        }
        ClauseAnalysis.shareAttribution(&readings, tokens: tokens)

        if let before, neighbours.previous != nil, continues(readings, tokens: tokens), let quoteWithPrevious = neighbours.quoteWithPrevious {
            carry(before, readings: readings, sentence: sentence, tokens: tokens, segment: segment, quote: quoteWithPrevious)
            return
        }
        let count = found.count
        var last: Int?
        // A number for "it" in a later clause is about the statement of an earlier one: "I think
        // Northbridge win the league this season, but it's closer than it looks: call it 65%."
        var earlier: Pending?
        for reading in readings {
            if let statement = earlier, reading.time == nil, reading.numeric != nil, !reading.blocked,
               reading.shape == .bare || reading.shape == .anaphoric {
                if let index = carry(statement, readings: [reading], sentence: sentence, tokens: tokens, segment: segment, quote: sentence) {
                    last = index
                }
                continue
            }
            earlier = nil
            guard !reading.blocked, !reading.aboutPast else { continue }
            if let degree = reading.degree,
               let index = consider(reading, degree: degree, sentence: sentence, tokens: tokens, segment: segment, line: line,
                                    reference: reference, neighbours: neighbours) {
                last = index
                if let time = reading.time {
                    let forecast = found[index]
                    earlier = Pending(claim: forecast.claim, time: time, owner: forecast.owner, line: forecast.line,
                                      quote: forecast.quote, reference: reference, forecast: index, explanation: forecast.explanation)
                }
            } else {
                earlier = statement([reading], sentence: sentence, tokens: tokens, segment: segment, line: line, reference: reference)
            }
        }
        if let last, last < found.count {
            let forecast = found[last]
            if let time = readings.lazy.compactMap(\.time).first ?? (isListItem ? listTime : nil) ?? forecast.deadline.map({ _ in listTime }) ?? nil {
                pending = Pending(claim: forecast.claim, time: time, owner: forecast.owner, line: forecast.line,
                                  quote: forecast.quote, reference: reference, forecast: last, explanation: forecast.explanation)
            }
        } else if found.count == count {
            pending = statement(readings, sentence: sentence, tokens: tokens, segment: segment, line: line, reference: reference)
        }
    }

    /// A sentence that states a proposition with a time to come but no degree of belief ("There
    /// will still be a million truck drivers in 2035."): not a forecast yet, but the next sentence
    /// may give its degree.
    func statement(_ readings: [ClauseReading], sentence: String, tokens: [Token], segment: Segment, line: Int,
                           reference: Day?) -> Pending? {
        let isListItem = document.paragraphs[segment.paragraph].isListItem
        for reading in readings where !reading.blocked && !reading.aboutPast && reading.shape == .proposition {
            guard let time = reading.time ?? (isListItem ? listTime : nil), time.setsDeadline else { continue }
            // The time must be to come (a deadline after the statement, or one that cannot be
            // dated) and the statement about it, not about what was done ("This year we've only
            // done a little").
            if let deadline = time.deadline, let reference, deadline <= reference { continue }
            guard reading.isFuture || isListItem || !ClauseAnalysis.speaksOfPast(tokens, clause: reading.range) else { continue }
            let note = reading.time == nil ? ClaimBuilder.annotation(time) : nil
            let found = owner(of: reading, tokens: tokens, sentence: sentence, segment: segment)
            var statement = Pending(claimSource: .from(sentence: sentence, tokens: tokens, reading: reading, note: note), time: time,
                                    owner: found.owner, line: line, quote: sentence, reference: reference, forecast: nil)
            statement.ownerFrom = found.from
            statement.timeFrom = reading.time == nil ? listTimeFrom : Self.timeText(time, tokens: tokens, in: sentence) + " in the sentence"
            return statement
        }
        return nil
    }

    /// Whether a sentence only gives a degree for what was just said: it names no time of its own,
    /// and each clause with a degree is bare ("Almost certainly.", "(70%)"), points back ("I'd put
    /// that above 90%", "it's closer than people think: 35%") or gives a named probability about
    /// "them" or "it" ("Our model gives them a 55 to 60 percent chance of reaching 20").
    func continues(_ readings: [ClauseReading], tokens: [Token]) -> Bool {
        guard !readings.contains(where: { $0.time != nil || $0.blocked }) else { return false }
        let withDegree = readings.filter { $0.degree != nil }
        guard !withDegree.isEmpty else { return false }
        return withDegree.allSatisfy { reading in
            switch reading.shape {
            case .bare: return true
            // "it's closer than people think: 35%": a number for "it"; without one, a clause about
            // "it" says something new ("These paths are probably different").
            case .anaphoric: return reading.numeric != nil
            case .entity: return false
            case .proposition:
                return reading.numeric?.namedAsProbability == true
                    && reading.range.contains { ["it", "that", "this", "them", "they", "it's", "that's"].contains(tokens[$0].lower) }
            }
        }
    }

    /// A degree given in the sentence after a timed statement: numbers first, as always.
    @discardableResult
    mutating func carry(_ statement: Pending, readings: [ClauseReading], sentence: String, tokens: [Token],
                                segment: Segment, quote: String) -> Int? {
        let numeric = readings.first { $0.numeric != nil && $0.degree != nil }
        guard let reading = numeric ?? readings.first(where: { $0.degree != nil }), let degree = reading.degree else { return nil }
        var owner = statement.owner
        var ownerFrom = statement.ownerFrom + " (the statement at line \(statement.line))"
        // '"...," she said' after a statement of Katz's: the pronoun is the person just quoted.
        let pronoun = reading.reportedSubject.map { ["he", "she"].contains(tokens[$0.lowerBound].lower) } ?? false
        if reading.reportedSubject != nil, !(pronoun && owner != nil) {
            let found = self.owner(of: reading, tokens: tokens, sentence: sentence, segment: segment)
            if found.restatement { return nil }
            if found.owner != nil { ownerFrom = found.from }
            owner = found.owner ?? owner
        }
        let claim = statement.claim
        guard !claim.isEmpty else { return nil }
        var confidence = 0.45
        if owner != nil { confidence += 0.1 }
        if degree.basis == .numeric { confidence += 0.15 }
        if statement.reference == nil { confidence -= 0.1 }
        let forecast = ExtractedForecast(
            source: document.source, owner: owner, claim: claim, probability: rounded(degree.value),
            probabilityLow: degree.low.map(rounded), probabilityHigh: degree.high.map(rounded), basis: degree.basis,
            madeOn: statement.reference, deadline: statement.time.deadline, earliest: statement.time.earliest,
            quote: quote.count > 400 ? String(quote.prefix(400)) : quote, line: statement.line,
            confidence: rounded(min(0.95, max(0.05, confidence))),
            explanation: explanation(segment, owner: ownerFrom,
                                     probability: probabilityText(reading, degree: degree, tokens: tokens, sentence: sentence,
                                                                  place: "in the sentence after the statement"),
                                     deadline: statement.timeFrom + " (the statement at line \(statement.line))"))
        return record(forecast)
    }

    @discardableResult
    mutating func consider(_ reading: ClauseReading, degree: Degree, sentence: String, tokens: [Token],
                                   segment: Segment, line: Int, reference: Day?, neighbours: Neighbours) -> Int? {
        var claim: String
        var time = reading.time
        var timeFrom = time.map { Self.timeText($0, tokens: tokens, in: sentence) + " in the sentence" } ?? ""
        var confidence = 0.5
        switch reading.shape {
        case .proposition:
            if time == nil, document.paragraphs[segment.paragraph].isListItem, let listTime {
                time = listTime
                timeFrom = listTimeFrom
                confidence -= 0.1
            }
            guard reading.isFuture || time != nil && reading.numeric != nil, time != nil else { return nil }
            claim = ClaimBuilder.claim(sentence, tokens: tokens, reading: reading)
            confidence += 0.1
        case .bare, .entity:
            guard let frame = linkedQuestion(for: reading, previous: neighbours.previousText, speaker: segment.speaker, reference: reference,
                                             stillOpen: true) else { return nil }
            var entity: String?
            if case .entity(let name) = reading.shape { entity = name }
            guard let asked = frame.claim(entity: entity) else { return nil }
            // The answer's own time frame ("Most believe it will, at least through 2027") is added
            // to the question's proposition; otherwise the question's applies.
            let ownTime = time.map { tokens.text(in: sentence, from: $0.tokens.lowerBound, to: $0.tokens.upperBound - 1) }
            if time == nil {
                time = frame.time
                timeFrom = "the time frame of the question \(ExtractionExplanation.quoted(frame.question))"
            }
            guard time != nil else { return nil }
            claim = ClaimBuilder.tidy(ClaimBuilder.normaliseModals(asked))
            if let ownTime, !claim.lowercased().contains(ownTime.lowercased()) { claim += " (" + ownTime + ")" }
            if let time, let note = ClaimBuilder.annotation(time), !claim.contains(note) { claim += " " + note }
            // "I don't think so", "No, almost certainly not": a degree for the opposite claim.
            if reading.negatedStance || reading.degrees.contains(where: { match in
                match.span.upperBound < tokens.count && tokens[match.span.upperBound].lower == "not" && !match.words.contains("not")
            }) {
                claim = ClaimBuilder.negate(claim)
            }
            confidence -= 0.05
        case .anaphoric:
            // A proposition of its own needs its own time frame: the question's deadline is for
            // the question's proposition, not for whatever else the answer says.
            guard let time, !time.isPast, reading.isFuture else { return nil }
            let frame = linkedQuestion(for: reading, previous: neighbours.previousText, speaker: segment.speaker, reference: reference)
            claim = ClaimBuilder.claim(sentence, tokens: tokens, reading: reading)
            if let frame {
                claim += " (re: " + ClaimBuilder.tidy(frame.question) + ")"
            } else if segment.speaker != nil, let asked = previousQuestions.last?.text, asked.count <= 240 {
                // "And inflation?": a question without a proposition still says what "it" is.
                claim += " (re: " + asked.trimmingSpaces() + ")"
            } else if let previous = neighbours.previousText, previous.count <= 240 {
                claim += " (re: " + ClaimBuilder.tidy(previous) + ")"
            }
            confidence -= 0.1
        }
        guard let time, time.setsDeadline, !claim.isEmpty else { return nil }

        let (owner, named, restatement, ownerFrom) = owner(of: reading, tokens: tokens, sentence: sentence, segment: segment)
        if restatement { return nil }
        if named || segment.speaker != nil { confidence += 0.1 }
        if owner == nil { confidence -= 0.1 }
        if degree.basis == .numeric { confidence += 0.15 }
        if reference == nil { confidence -= 0.1 }

        var quote = sentence
        if reading.shape == .bare || reading.shape != .proposition && sentence.count < 40,
           let quoteWithPrevious = neighbours.quoteWithPrevious, quoteWithPrevious.count <= 300 {
            quote = quoteWithPrevious
        }
        if quote.count > 400 { quote = String(quote.prefix(400)) }

        let forecast = ExtractedForecast(
            source: document.source, owner: owner, claim: claim, probability: rounded(degree.value),
            probabilityLow: degree.low.map(rounded), probabilityHigh: degree.high.map(rounded), basis: degree.basis,
            madeOn: reference, deadline: time.deadline, earliest: time.earliest, quote: quote, line: line,
            confidence: rounded(min(0.95, max(0.05, confidence))),
            explanation: explanation(segment, owner: ownerFrom,
                                     probability: probabilityText(reading, degree: degree, tokens: tokens, sentence: sentence,
                                                                  place: "in the sentence"),
                                     deadline: time.deadline == nil ? "none: \(timeFrom) gives no day" : timeFrom))
        return record(forecast)
    }
}
