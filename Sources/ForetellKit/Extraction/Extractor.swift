/// What extraction found in one document.
public struct ExtractionResult: Sendable {
    public var forecasts: [ExtractedForecast]
    /// Things the person should know: no date in the document, for instance.
    public var warnings: [String]
    public var dates: DocumentDates
    /// What a language model answered that the checks against the document refused.
    public var dropped: [DroppedAnswer] = []
}

/// Finds forecasts in documents.
///
/// A forecast is a clause in which an owner says something will (or will not) happen, by a time
/// that can be dated, with a stated number or a verbal degree of belief (the definition in
/// `shared/reference/extraction.md`). So a clause is kept when it
/// - is not a question (a moderator's questions are not forecasts) and not about the past;
/// - carries a degree of belief: a probability, a verbal expression from the published scales, or
///   a stance ("I think", "we expect");
/// - looks forward (will, going to, may, a future date) and names a time frame;
/// - states a proposition, or answers a question that does: a bare answer ("I think it's 20%.")
///   takes its proposition and time frame from the question it answers.
/// Vague statements (no time frame, no degree), restatements of a transcript speaker in the
/// article's own summary, plans and hopes are left out. Every step is linear in the document's
/// length.
public enum Extractor {
    public static func extract(source: String, text: String, defaultDate: Day? = nil) -> ExtractionResult {
        extract(Document(source: source, text: text), defaultDate: defaultDate)
    }

    public static func extract(_ document: Document, defaultDate: Day? = nil) -> ExtractionResult {
        var run = Run(document: document, defaultDate: defaultDate)
        run.scan()
        var warnings: [String] = []
        if run.dates.published == nil, run.dates.event == nil, defaultDate == nil, !run.found.isEmpty {
            warnings.append("\(document.source): the document gives no date; made_on and relative deadlines are "
                + "null (give --date YYYY-MM-DD)")
        }
        // In document order: the layout readers' forecasts are found before the sentence pass's.
        let ordered = run.found.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return ExtractionResult(forecasts: ordered, warnings: warnings, dates: run.dates)
    }
}

/// One pass over one document.
private struct Run {
    let document: Document
    let dates: DocumentDates
    let attribution: SpeakerAttribution
    let speakerDate: Day?
    let authorDate: Day?
    var found: [ExtractedForecast] = []
    /// Each forecast's owner and claim, to its place in `found`.
    private var seen: [String: Int] = [:]

    // The conversation so far: questions asked in the current turn and the one before.
    private var turnSpeaker: String??
    private var turnQuestions: [Question] = []
    private var previousQuestions: [Question] = []
    /// The questions of the latest turn that asked something with a proposition. Turns that ask
    /// nothing new ("Ben, same question.", "Tobias?", another guest's answer) leave them open, so
    /// that each panellist's bare answer still has its question.
    private var openQuestions: [Question] = []
    private var openAsker: String??
    private var turnsSinceAsked = 0
    /// The time frame of the line introducing a list ("By 2030, expect:") or of the heading above
    /// it ("My predictions for 2025"), for list items that name none.
    private var listTime: TimeMention?
    private var leadTime: TimeMention?
    private var headingTimes: [TimeMention?] = []
    /// Where `listTime`, `leadTime` and each of `headingTimes` were read, for `extract --explain`.
    private var listTimeFrom = ""
    private var leadTimeFrom = ""
    private var headingTimesFrom: [String] = []
    private let defaultDate: Day?
    /// Where the sentence being read says its words were said, when it does (`DocumentDates.saidOn`).
    private var sentenceDateFrom: String?
    /// The day of the wire dateline heading the current section, if any.
    private var datelineDays: [Day?] = []
    /// Sentences the speaker pass tokenised already, taken (and let go) as they are read.
    private var sentenceTokens: [[[Token]?]]
    /// The previous sentence of the current segment, when it stated a timed proposition: a degree
    /// given in the next sentence ("Almost certainly.", "I'd put that above 90%.") is about it.
    private var pending: Pending?

    struct Pending {
        /// The claim, or how to build it: most statements are never given a degree, so their claim
        /// is only built when the next sentence gives one. Indirect: a clause's reading is large,
        /// and `pending` is moved for every sentence (600 bytes copied three times, unboxed).
        indirect enum Claim {
            case built(String)
            case from(sentence: String, tokens: [Token], reading: ClauseReading, note: String?)
        }
        var claimSource: Claim
        var time: TimeMention
        var owner: String?
        var line: Int
        var quote: String
        var reference: Day?
        /// The forecast the statement already made with a degree of its own, if any.
        var forecast: Int?
        /// Where the owner and the time frame were read, for `extract --explain`.
        var ownerFrom = ""
        var timeFrom = ""

        /// The statement of a forecast already found, which the next sentence may give a degree again.
        init(claim: String, time: TimeMention, owner: String?, line: Int, quote: String, reference: Day?, forecast: Int?,
             explanation: ExtractionExplanation?) {
            self.init(claimSource: .built(claim), time: time, owner: owner, line: line, quote: quote, reference: reference,
                      forecast: forecast)
            ownerFrom = explanation?.owner ?? ""
            timeFrom = explanation?.deadline ?? ""
        }

        init(claimSource: Claim, time: TimeMention, owner: String?, line: Int, quote: String, reference: Day?, forecast: Int?) {
            self.claimSource = claimSource
            self.time = time
            self.owner = owner
            self.line = line
            self.quote = quote
            self.reference = reference
            self.forecast = forecast
        }

        var claim: String {
            switch claimSource {
            case .built(let claim): return claim
            case let .from(sentence, tokens, reading, note):
                var claim = ClaimBuilder.claim(sentence, tokens: tokens, reading: reading)
                if let note, !claim.contains(note) { claim += " " + note }
                return claim
            }
        }
    }

    init(document: Document, defaultDate: Day?) {
        self.document = document
        self.defaultDate = defaultDate
        dates = DocumentDates.find(in: document)
        var attribution = SpeakerAttribution(document: document)
        sentenceTokens = attribution.takeSentenceTokens()
        self.attribution = attribution
        speakerDate = dates.forSpeakers ?? defaultDate
        authorDate = dates.forAuthor ?? defaultDate
    }

    mutating func scan() {
        var heading: TimeMention?
        var headingFrom = ""
        headingTimes.reserveCapacity(document.paragraphs.count)
        for paragraph in document.paragraphs {
            if paragraph.kind == .heading {
                let tokens = Tokenizer.tokenize(paragraph.text)
                heading = TimeExpressions.find(in: tokens, reference: authorDate).first { $0.setsDeadline }
                if let heading {
                    headingFrom = Self.timeText(heading, tokens: tokens, in: paragraph.text)
                        + " in the heading \(ExtractionExplanation.quoted(paragraph.text)) at line \(paragraph.firstLine)"
                }
            }
            headingTimes.append(heading)
            headingTimesFrom.append(headingFrom)
        }
        var dateline: Day?
        datelineDays = document.paragraphs.indices.map { index in
            if let day = dates.datelines[index] { dateline = day }
            return dateline
        }
        // Blocks are routed by their shape (`LayoutReaders`): lists, tables and quotations have
        // readers of their own; this pass reads the sentences of the rest.
        let lists = LayoutReaders(source: document.source, author: attribution.author, madeOn: authorDate).read(document.fullText)
        for forecast in lists.forecasts { _ = record(forecast) }
        for segment in attribution.segments {
            if document.paragraphs[segment.paragraph].lineStarts.contains(where: { lists.claimedLines.contains($0.line) }) { continue }
            // nil: no turn yet; .some(nil): a turn without a named speaker.
            if turnSpeaker.map({ $0 != segment.speaker }) ?? true {
                endTurn(reference: reference(for: segment))
                turnSpeaker = .some(segment.speaker)
            }
            pending = nil
            let paragraph = document.paragraphs[segment.paragraph]
            // A segment that is its whole paragraph has been split into sentences already, and
            // its text is the paragraph's (no copy needed).
            let whole = segment.range == paragraph.text.startIndex..<paragraph.text.endIndex
            let text = whole ? paragraph.text : String(paragraph.text[segment.range])
            if !paragraph.isListItem { (leadTime, leadTimeFrom) = timeIntroducing(paragraph) }
            listTime = leadTime ?? headingTimes[segment.paragraph]
            listTimeFrom = leadTime != nil ? leadTimeFrom : headingTimesFrom[segment.paragraph]
            var previous: Range<String.Index>?
            for (position, range) in (whole ? attribution.sentenceRanges[segment.paragraph] : SentenceSplitter.split(text)).enumerated() {
                let sentence = String(text[range])
                defer { previous = range }
                let kept = whole ? keptTokens(paragraph: segment.paragraph, sentence: position) : nil
                let tokens = kept ?? Tokenizer.tokenize(sentence)
                noteMentions(tokens, of: sentence)
                if isQuestion(sentence) {
                    if sentence.utf8.count <= 1_000 { turnQuestions.append(Question(text: sentence, tokens: tokens)) }
                    pending = nil
                    continue
                }
                let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                let line = paragraph.line(at: paragraph.text.utf8.index(segment.range.lowerBound, offsetBy: offset))
                analyse(sentence, tokens: tokens, segment: segment, line: line,
                        neighbours: Neighbours(text: text, previous: previous, current: range))
            }
        }
    }

    /// The tokens of a sentence of a whole paragraph, when the speaker pass kept them: they are
    /// those of the same text, so they need not be made again.
    private mutating func keptTokens(paragraph: Int, sentence: Int) -> [Token]? {
        guard !sentenceTokens[paragraph].isEmpty, let tokens = sentenceTokens[paragraph][sentence] else { return nil }
        sentenceTokens[paragraph][sentence] = nil
        return tokens
    }

    /// The sentence before the current one in its segment, copied out only when an answer needs it.
    struct Neighbours {
        let text: String
        let previous: Range<String.Index>?
        let current: Range<String.Index>

        var previousText: String? { previous.map { String(text[$0]) } }
        /// The previous sentence and this one, as a quote.
        var quoteWithPrevious: String? { previous.map { String(text[$0.lowerBound..<current.upperBound]) } }
    }

    /// A question of the conversation, with the tokens its sentence was read with.
    struct Question {
        let text: String
        let tokens: [Token]
        /// `text`'s hash, taken once: a question is looked up in `FrameCache` at the end of its turn
        /// and again by each answer, and hashing a whole sentence each time cost more than framing.
        let textHash: Int

        init(text: String, tokens: [Token]) {
            self.text = text
            self.tokens = tokens
            textHash = text.hashValue
        }
    }

    /// A new speaker: the finished turn's questions are the ones the next answers respond to.
    private mutating func endTurn(reference: Day?) {
        let asked = turnQuestions
        var asksSomething = false
        for question in asked where frame(question, reference: reference) != nil {
            asksSomething = true
            break
        }
        if asksSomething {
            openQuestions = turnQuestions
            openAsker = turnSpeaker
            turnsSinceAsked = 0
        } else {
            turnsSinceAsked += 1
            // A question left unanswered for long is no longer the one being answered.
            if turnsSinceAsked > 6 { openQuestions = [] }
        }
        previousQuestions = turnQuestions
        turnQuestions = []
    }

    /// Questions are read once each, however often an answer looks back at them. Room for a
    /// few dozen from the start: growing the table hashes every question in it again.
    private final class FrameCache {
        struct Key: Hashable {
            let reference: Day?
            let question: String
            /// `question.hashValue`, given by the caller (see `Question.textHash`).
            let questionHash: Int

            static func == (a: Key, b: Key) -> Bool {
                a.questionHash == b.questionHash && a.reference == b.reference && a.question == b.question
            }

            func hash(into hasher: inout Hasher) {
                hasher.combine(reference)
                hasher.combine(questionHash)
            }
        }
        var frames = [Key: QuestionFrame?](minimumCapacity: 32)
    }
    private let frameCache = FrameCache()

    /// A question of the conversation is framed from the tokens its sentence was read with,
    /// rather than tokenised again.
    private mutating func frame(_ question: Question, reference: Day?) -> QuestionFrame? {
        frame(question.text, hash: question.textHash, tokens: question.tokens, reference: reference)
    }

    private mutating func frame(_ question: String, reference: Day?) -> QuestionFrame? {
        frame(question, hash: question.hashValue, tokens: nil, reference: reference)
    }

    private mutating func frame(_ question: String, hash: Int, tokens: [Token]?, reference: Day?) -> QuestionFrame? {
        let key = FrameCache.Key(reference: reference, question: question, questionHash: hash)
        if let known = frameCache.frames[key] { return known }
        let found = if let tokens {
            QuestionLinking.frame(question, tokens: tokens, reference: reference)
        } else {
            QuestionLinking.frame(question, reference: reference)
        }
        frameCache.frames[key] = .some(found)
        return found
    }

    /// The day the words of a segment were said: a section's wire dateline, else the event's date
    /// for speakers and the publication's for the author.
    private func reference(for segment: Segment) -> Day? {
        if let day = datelineDays[segment.paragraph] { return day }
        return segment.speaker != nil ? speakerDate : authorDate
    }

    /// The time frame a line ending in a colon names ("Forecasts for 2026:").
    private mutating func timeIntroducing(_ paragraph: Document.Paragraph) -> (TimeMention?, String) {
        guard paragraph.text.trimmingSpaces().hasSuffix(":") else { return (nil, "") }
        let tokens = Tokenizer.tokenize(paragraph.text)
        guard let time = TimeExpressions.find(in: tokens, reference: authorDate).first(where: { $0.setsDeadline }) else { return (nil, "") }
        return (time, Self.timeText(time, tokens: tokens, in: paragraph.text)
            + " in the line introducing the list, \(ExtractionExplanation.quoted(paragraph.text)) at line \(paragraph.firstLine)")
    }

    /// A time expression as written, quoted: "'by 2027'".
    static func timeText(_ time: TimeMention, tokens: [Token], in text: String) -> String {
        ExtractionExplanation.quoted(tokens.text(in: text, from: time.tokens.lowerBound, to: time.tokens.upperBound - 1))
    }

    private func isQuestion(_ sentence: String) -> Bool {
        // From the end, past white space and closing quotes and brackets.
        for scalar in sentence.unicodeScalars.reversed() {
            switch scalar {
            case "?", "？": return true
            case "\"", "'", "”", "’", ")", "]": continue
            default:
                if scalar.properties.isWhitespace {
                    continue
                }
                return false
            }
        }
        return false
    }

    /// Keeps the roster's idea of who was mentioned last, for "he predicts".
    private func noteMentions(_ tokens: [Token], of sentence: String) {
        var i = 0
        while i < tokens.count {
            if let run = PersonNames.capitalizedRun(tokens, at: i) {
                let roster = attribution.roster
                if roster.resolve(PersonNames.name(tokens, run, in: sentence)) == nil, run.count > 1 {
                    for index in run { _ = roster.resolve(tokens[index].text(in: sentence)) }
                }
                i += run.count
            } else {
                i += 1
            }
        }
    }

    /// Longer "sentences" are tables, code or text without punctuation, not statements someone
    /// made; skipping them keeps the work per sentence bounded.
    static let longestSentence = 3_000

    private mutating func analyse(_ sentence: String, tokens: [Token], segment: Segment, line: Int, neighbours: Neighbours) {
        let before = pending
        pending = nil
        guard sentence.utf8.count <= Run.longestSentence else { return }
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
    private func statement(_ readings: [ClauseReading], sentence: String, tokens: [Token], segment: Segment, line: Int,
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
    private func continues(_ readings: [ClauseReading], tokens: [Token]) -> Bool {
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
    private mutating func carry(_ statement: Pending, readings: [ClauseReading], sentence: String, tokens: [Token],
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

    /// Adds a forecast unless the same owner already made the same claim in this document; a
    /// stated number then replaces a verbal degree (numbers win over words).
    private mutating func record(_ forecast: ExtractedForecast) -> Int? {
        let key = ForecastIdentity.ownerKey(forecast.owner) + "|" + forecast.claim.lowercased()
        if let index = seen[key] {
            guard forecast.basis == .numeric, found[index].basis != .numeric else { return nil }
            found[index] = forecast
            return index
        }
        seen[key] = found.count
        found.append(forecast)
        return found.count - 1
    }

    /// Whose view a clause states: someone named as holding it, else the speaker, else the author.
    /// `restatement` marks an article's summary of what a transcript speaker says later: the
    /// speaker's own words are the source.
    /// `from` says where the owner was read, for `extract --explain`.
    private func owner(of reading: ClauseReading, tokens: [Token], sentence: String, segment: Segment)
        -> (owner: String?, named: Bool, restatement: Bool, from: String) {
        let fallback = segment.speaker ?? attribution.author
        let fallbackFrom = segment.speaker != nil ? segment.speakerSource ?? "the speaker of this turn"
            : attribution.author != nil ? "the document's author" : "not stated: no speaker, author or name in the sentence"
        guard let subject = reading.reportedSubject else { return (fallback, false, false, fallbackFrom) }
        let written = ExtractionExplanation.quoted(tokens.text(in: sentence, from: subject.lowerBound, to: subject.upperBound - 1))
        // "Some believe", "many investors expect" in a speaker's turn: the speaker relays the view
        // and holds it (transcripts of panels read so); in an article the group is the owner as
        // written ("Analysts expect", "the committee expected").
        if reading.reportedGroup, segment.speaker != nil {
            return (fallback, false, false, fallbackFrom + ", relaying " + ExtractionExplanation.quoted(
                tokens.text(in: sentence, from: subject.lowerBound, to: subject.upperBound - 1)))
        }
        if reading.reportedGroup {
            // A group named in the attribution owns the view as written: "Industry executives and analysts".
            return (ClaimBuilder.tidy(tokens.text(in: sentence, from: subject.lowerBound, to: subject.upperBound - 1)), true, false,
                    "the group \(written) named in the sentence")
        }
        let words = tokens[subject].map { $0.text(in: sentence) }.joined(separator: " ")
        let named: String?
        let from: String
        if ["he", "she"].contains(words.lowercased()) {
            named = attribution.roster.lastMentioned
            from = "\(written) in the sentence: the person mentioned last"
        } else {
            named = attribution.roster.resolve(words) ?? attribution.roster.add(words)
            from = "\(written) named in the sentence"
        }
        guard let named else { return (fallback, false, false, fallbackFrom) }
        if segment.speaker == nil, attribution.speakers.contains(named) { return (named, true, true, from) }
        return (named, true, false, from)
    }

    /// Where the degree was read: "'30%' in the sentence", "'highly likely' in the sentence, read
    /// on the verbal scale".
    private func probabilityText(_ reading: ClauseReading, degree: Degree, tokens: [Token], sentence: String, place: String) -> String {
        // A number, else the stance and the hedges the verbal degree combines ("I think" and "probably").
        let spans = degree.basis == .numeric ? [reading.numeric?.span].compactMap { $0 }
            : ([reading.attitude?.span].compactMap { $0 } + reading.degrees.map(\.span))
        let texts = spans.filter { !$0.isEmpty }.map {
            ExtractionExplanation.quoted(tokens.text(in: sentence, from: $0.lowerBound, to: $0.upperBound - 1))
        }
        guard !texts.isEmpty else { return "a degree of belief " + place }
        let written = texts.joined(separator: " and ")
        return written + " " + place + (degree.basis == .numeric ? "" : ", read on the verbal scale")
    }

    /// The block a segment belongs to and where the day its words were said comes from, with
    /// the fields' sources, as `extract --explain` prints them.
    private func explanation(_ segment: Segment, owner: String, probability: String, deadline: String) -> ExtractionExplanation {
        let paragraph = document.paragraphs[segment.paragraph]
        let kind = paragraph.isListItem ? "list item" : segment.speaker != nil ? "speaker turn" : "paragraph"
        let last = segment.range.isEmpty ? segment.range.lowerBound : paragraph.text.index(before: segment.range.upperBound)
        return ExtractionExplanation(block: kind, firstLine: paragraph.line(at: segment.range.lowerBound),
                                     lastLine: paragraph.line(at: last), owner: owner, probability: probability,
                                     madeOn: sentenceDateFrom ?? referenceFrom(segment), deadline: deadline)
    }

    /// Where `reference(for:)` takes the day from.
    private func referenceFrom(_ segment: Segment) -> String {
        if let day = datelineDays[segment.paragraph] { return "\(day), the wire dateline of this section" }
        let event = dates.event.map { "\($0), the event's date from \(dates.eventFrom ?? "the text")" }
        let published = dates.published.map { "\($0), the publication date from \(dates.publishedFrom ?? "the document")" }
        let given = defaultDate.map { "\($0), given with --date" }
        let found = segment.speaker != nil ? event ?? published : published ?? event
        return found ?? given ?? "not stated: the document gives no date (give --date)"
    }

    @discardableResult
    private mutating func consider(_ reading: ClauseReading, degree: Degree, sentence: String, tokens: [Token],
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

    /// The question a bare or anaphoric answer responds to: the question just before it in the
    /// same turn ("Will it happen by 2030? I'd say 30%."), else one from the previous speaker's
    /// turn, latest first, preferring a question that asks for a probability when the answer is
    /// one and a which-question when the answer is a name; for a bare answer, else the question
    /// still open from an earlier turn.
    private mutating func linkedQuestion(for reading: ClauseReading, previous: String?, speaker: String?, reference: Day?,
                                stillOpen: Bool = false) -> QuestionFrame? {
        if let previous, isQuestion(previous), let frame = frame(previous, reference: reference) {
            return frame
        }
        // In a transcript the answer responds to the other speaker's turn; in an article the
        // author answers a question of their own a few lines up ("How likely is X by 2100?
        // Estimates: - Paul Christiano says 10 - 20%").
        // A few recent questions are enough, and keep a long turn from making this quadratic.
        let ownRecent = Array(turnQuestions.suffix(3).reversed())
        let asked = Array(previousQuestions.suffix(8).reversed())
        let candidates = speaker == nil ? ownRecent + asked : asked + ownRecent
        var frames: [QuestionFrame] = []
        for candidate in candidates {
            if let found = frame(candidate, reference: reference) { frames.append(found) }
        }
        if frames.isEmpty, stillOpen, openAsker != .some(speaker) {
            let open = Array(openQuestions.suffix(8).reversed())
            for candidate in open {
                if let found = frame(candidate, reference: reference) { frames.append(found) }
            }
        }
        guard !frames.isEmpty else { return nil }
        if case .entity = reading.shape, let which = frames.first(where: { $0.kind == .which }) { return which }
        let probabilistic = reading.numeric != nil || reading.degrees.contains { match in
            match.words.contains { VerbalScale.probabilityNouns.contains($0) || $0.hasPrefix("likel") || $0 == "probably" }
        } || reading.attitude != nil && reading.shape == .bare
        if probabilistic, let asked = frames.first(where: { $0.asksProbability }) { return asked }
        return frames.first { $0.kind != .which } ?? frames.first
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
