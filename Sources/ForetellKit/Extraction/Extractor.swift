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
        var run = DocumentPass(document: document, defaultDate: defaultDate)
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

/// One pass over one document: the layout readers, then each sentence of the rest in order,
/// keeping the conversation (who speaks, what was asked) as it goes. Its parts are in
/// `DocumentPass+Sentences.swift` (reading a sentence), `+Conversation.swift` (the questions
/// answers refer to) and `+Explanation.swift` (whose view it is and where each field came from).
struct DocumentPass {
    let document: Document
    let dates: DocumentDates
    let attribution: SpeakerAttribution
    let speakerDate: Day?
    let authorDate: Day?
    var found: [ExtractedForecast] = []
    /// Each forecast's owner and claim, to its place in `found`.
    var seen: [String: Int] = [:]

    // The conversation so far: questions asked in the current turn and the one before.
    var turnSpeaker: String??
    var turnQuestions: [Question] = []
    var previousQuestions: [Question] = []
    /// The questions of the latest turn that asked something with a proposition. Turns that ask
    /// nothing new ("Ben, same question.", "Tobias?", another guest's answer) leave them open, so
    /// that each panellist's bare answer still has its question.
    var openQuestions: [Question] = []
    var openAsker: String??
    var turnsSinceAsked = 0
    /// The time frame of the line introducing a list ("By 2030, expect:") or of the heading above
    /// it ("My predictions for 2025"), for list items that name none.
    var listTime: TimeMention?
    var leadTime: TimeMention?
    var headingTimes: [TimeMention?] = []
    /// Where `listTime`, `leadTime` and each of `headingTimes` were read, for `extract --explain`.
    var listTimeFrom = ""
    var leadTimeFrom = ""
    var headingTimesFrom: [String] = []
    let defaultDate: Day?
    /// Where the sentence being read says its words were said, when it does (`DocumentDates.saidOn`).
    var sentenceDateFrom: String?
    /// The day of the wire dateline heading the current section, if any.
    var datelineDays: [Day?] = []
    /// Sentences the speaker pass tokenised already, taken (and let go) as they are read.
    var sentenceTokens: [[[Token]?]]
    /// The previous sentence of the current segment, when it stated a timed proposition: a degree
    /// given in the next sentence ("Almost certainly.", "I'd put that above 90%.") is about it.
    var pending: Pending?
    /// Each question of the conversation framed once (`DocumentPass+Conversation.swift`).
    let frameCache = FrameCache()

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
    mutating func keptTokens(paragraph: Int, sentence: Int) -> [Token]? {
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

    /// The day the words of a segment were said: a section's wire dateline, else the event's date
    /// for speakers and the publication's for the author.
    func reference(for segment: Segment) -> Day? {
        if let day = datelineDays[segment.paragraph] { return day }
        return segment.speaker != nil ? speakerDate : authorDate
    }

    /// The time frame a line ending in a colon names ("Forecasts for 2026:").
    mutating func timeIntroducing(_ paragraph: Document.Paragraph) -> (TimeMention?, String) {
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

    func isQuestion(_ sentence: String) -> Bool {
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
    func noteMentions(_ tokens: [Token], of sentence: String) {
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

    /// Adds a forecast unless the same owner already made the same claim in this document; a
    /// stated number then replaces a verbal degree (numbers win over words).
    mutating func record(_ forecast: ExtractedForecast) -> Int? {
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

    func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
