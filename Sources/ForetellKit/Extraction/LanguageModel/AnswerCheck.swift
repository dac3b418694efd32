import Foundation

/// One forecast as the model wrote it: words as written, nothing yet trusted.
struct ModelAnswer: Equatable {
    var owner: String?
    var claim: String?
    var probability: Double?
    var probabilityWords: String?
    var saidWhen: String?
    var deadlineWords: String?
    var quote: String?

    /// The items of an answer (`{"forecasts": [...]}`, or a bare list), from text that may be
    /// wrapped in a Markdown code fence as chat models like to.
    static func parse(_ content: String) throws(LanguageModelError) -> [ModelAnswer] {
        var text = Substring(content.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("```") {
            text = text.drop(while: { !$0.isNewline })
            if let fence = text.range(of: "```", options: .backwards) { text = text[..<fence.lowerBound] }
        }
        guard let value = Self.json(String(text)) ?? Self.salvage(String(text)) else {
            throw .malformedAnswer("not JSON (it starts \(Self.shown(content)))")
        }
        let items: [Any]
        if let object = value as? [String: Any] {
            guard let list = object["forecasts"] as? [Any] else {
                // One forecast on its own, as small models sometimes answer.
                if object["quote"] != nil { return [ModelAnswer(object)] }
                throw .malformedAnswer("no \"forecasts\" list in \(Self.shown(content))")
            }
            items = list
        } else if let list = value as? [Any] {
            items = list
        } else {
            throw .malformedAnswer("not a JSON object (it starts \(Self.shown(content)))")
        }
        return items.compactMap { ($0 as? [String: Any]).map(ModelAnswer.init) }
    }

    private static func json(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// The whole items of an answer cut off by the token limit (`{"forecasts": [{...}, {...}, {"ow`):
    /// the text up to the end of an item, with the list and object closed. Each item is still
    /// checked like any other.
    static func salvage(_ text: String) -> Any? {
        guard text.hasPrefix("{") || text.hasPrefix("[") else { return nil }
        var end = text.endIndex
        for _ in 0..<20 {
            guard let brace = text[..<end].lastIndex(of: "}") else { return nil }
            let head = text[...brace]
            for closing in ["]}", "]"] {
                if let value = json(head + closing) { return value }
            }
            end = brace
        }
        return nil
    }

    private static func shown(_ content: String) -> String {
        let line = content.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "“" + (line.count > 40 ? line.prefix(39) + "…" : line) + "”"
    }

    init(owner: String? = nil, claim: String? = nil, probability: Double? = nil, probabilityWords: String? = nil,
         saidWhen: String? = nil, deadlineWords: String? = nil, quote: String? = nil) {
        self.owner = owner
        self.claim = claim
        self.probability = probability
        self.probabilityWords = probabilityWords
        self.saidWhen = saidWhen
        self.deadlineWords = deadlineWords
        self.quote = quote
    }

    init(_ object: [String: Any]) {
        func text(_ key: String) -> String? {
            guard let value = object[key] as? String else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty || trimmed.lowercased() == "null" ? nil : trimmed
        }
        owner = text("owner")
        claim = text("claim")
        if let number = object["probability"] as? NSNumber, !(object["probability"] is Bool) {
            let value = number.doubleValue
            probability = value > 1 && value <= 100 ? value / 100 : value
        } else if let words = text("probability") {
            probability = ProbabilityPhrases.parse(words)?.value
        }
        probabilityWords = text("probability_words")
        saidWhen = text("said_when")
        deadlineWords = text("deadline_words")
        quote = text("quote")
    }
}

/// A model's answer that the checks refused, and why: `--explain` lists them.
public struct DroppedAnswer: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case noQuote
        case quoteNotInDocument
        case noDegreeInQuote(modelSaid: Double?)
        case ownerNotInDocument(String)
        case noClaim

        public var description: String {
            switch self {
            case .noQuote: return "no quote"
            case .quoteNotInDocument: return "the quote is not in the document"
            case .noDegreeInQuote(let said):
                return "the quote states no probability" + (said.map { " (the model said \(formatPercent($0)))" } ?? "")
            case .ownerNotInDocument(let owner): return "the owner “\(owner)” is not named in the document"
            case .noClaim: return "no claim"
            }
        }
    }

    public var source: String
    public var quote: String
    public var reason: Reason
    /// The chunk of the document it answered (1-based).
    public var chunk: Int
}

/// Checks each answer against the document before anything is shown or stored, and computes
/// what the model must not be trusted with (probabilities, dates) with the rules engine's code:
/// - the quote must occur in the document (after folding white space, quote marks, dashes and
///   case), and the document's own words are kept as the quote;
/// - the probability comes from the quote's own words: the words the model named if they are in
///   the quote, else the whole quote, read by `ProbabilityPhrases` with the rules' scales; the
///   model's number is only compared, never kept;
/// - `made_on` is the date of the words the model said date it, if those are in the document,
///   else the document's date (the event's for speakers, publication for the author);
/// - the deadline comes from `TimeExpressions` on the deadline words (when they are in the
///   document) or the quote;
/// - the owner must be the author or named in the document.
struct AnswerCheck {
    let document: Document
    let folded: FoldedText
    let dates: DocumentDates
    let facts: HeaderFacts
    let defaultDate: Day?
    let model: String

    init(document: Document, dates: DocumentDates, facts: HeaderFacts, defaultDate: Day?, model: String) {
        self.document = document
        self.folded = FoldedText(document.fullText)
        self.dates = dates
        self.facts = facts
        self.defaultDate = defaultDate
        self.model = model
    }

    /// Words that name the document's author rather than someone in it.
    static let authorWords: Set<String> = ["author", "the author", "i", "me", "we", "narrator", "the writer", "writer"]

    enum Verdict: Equatable {
        case kept(ExtractedForecast, note: String?)
        case dropped(DroppedAnswer.Reason)
    }

    func check(_ answer: ModelAnswer) -> Verdict {
        guard let quoteText = answer.quote else { return .dropped(.noQuote) }
        guard let place = locate(quoteText) else { return .dropped(.quoteNotInDocument) }
        let quote = folded.original(place)
        let quoteCharacters = Array(folded.characters[place])

        guard let claim = answer.claim else { return .dropped(.noClaim) }

        var owner: String?
        var ownerIsAuthor = false
        var ownerWhy = "the model named none"
        if let said = answer.owner {
            if Self.authorWords.contains(said.lowercased()) {
                owner = facts.author
                ownerIsAuthor = true
                ownerWhy = "the author" + (facts.author.map { ", \($0) by the byline" } ?? ", whom the document does not name")
            } else {
                let name = Roster.clean(said)
                if let author = facts.author, ForecastIdentity.ownerKey(author) == ForecastIdentity.ownerKey(name) {
                    owner = author
                    ownerIsAuthor = true
                    ownerWhy = "the author, \(author) by the byline"
                } else if isNamed(name) {
                    owner = name
                    ownerWhy = "\(ExtractionExplanation.quoted(name)) as the model named them, found in the document"
                } else {
                    return .dropped(.ownerNotInDocument(said))
                }
            }
        }

        guard let (degree, degreeWhy) = degree(answer, quote: quote, quoteCharacters: quoteCharacters) else {
            return .dropped(.noDegreeInQuote(modelSaid: answer.probability))
        }
        var note: String?
        if let said = answer.probability, abs(said - degree.value) > 0.05 {
            note = "the model said \(formatPercent(said)); the quote's words give \(formatPercent(degree.value))"
        }

        let (madeOn, madeOnWhy) = madeOn(answer, ownerIsAuthor: ownerIsAuthor)
        let (time, timeWhy) = timeFrame(answer, quote: quote, madeOn: madeOn)
        var forecast = ExtractedForecast(
            source: document.source, owner: owner, claim: claim, probability: degree.value, probabilityLow: degree.low,
            probabilityHigh: degree.high, basis: degree.basis, madeOn: madeOn, deadline: time?.deadline,
            earliest: time?.earliest, quote: quote, line: folded.line(at: place.lowerBound),
            // What passed the checks is a real quote with a real degree; whether it is a forecast
            // at all is the model's judgement, which the rules do not vouch for.
            confidence: 0.5)
        forecast.foundBy = .llm
        forecast.model = model
        let lastLine = folded.line(at: place.upperBound - 1)
        forecast.explanation = ExtractionExplanation(
            block: "answer of \(model), checked against the document", firstLine: forecast.line, lastLine: lastLine,
            owner: ownerWhy, probability: degreeWhy + (note.map { " (\($0))" } ?? ""), madeOn: madeOnWhy, deadline: timeWhy)
        return .kept(forecast, note: note)
    }

    /// Where the quote is in the document. A quote the model shortened with "..." is found when
    /// each of its pieces is, in order, close together.
    func locate(_ quote: String) -> Range<Int>? {
        var text = quote.trimmingCharacters(in: .whitespacesAndNewlines)
        // Quote marks the model put around the whole quote are not part of it.
        for (open, close) in [("\"", "\""), ("“", "”"), ("'", "'"), ("‘", "’")]
        where text.count > 2 && text.hasPrefix(open) && text.hasSuffix(close) {
            text = String(text.dropFirst().dropLast())
        }
        let needle = FoldedText.folded(text)
        // A few words prove nothing: "70%" or "by 2030" occur in many documents.
        guard needle.filter(\.isLetter).count >= 12 else { return nil }
        if let whole = folded.find(needle) { return whole }
        let pieces = String(needle).components(separatedBy: "...")
            .map { Array($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        guard pieces.count > 1 else { return nil }
        var start: Int?
        var position = 0
        for piece in pieces {
            guard let found = folded.find(piece, from: position) else { return nil }
            if let start, found.lowerBound - start > 2_000 { return nil }
            if start == nil { start = found.lowerBound }
            position = found.upperBound
        }
        return start.map { $0..<position }
    }

    /// Every word of the name occurs in the document as a word (in any order: "Junyang Lin" is
    /// "Lin Junyang").
    func isNamed(_ name: String) -> Bool {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" })
        guard !words.isEmpty else { return false }
        return words.allSatisfy { folded.find(FoldedText.folded($0), wholeWords: true) != nil }
    }

    /// The degree the quote's own words give, and where from.
    func degree(_ answer: ModelAnswer, quote: String, quoteCharacters: [Character]) -> (Degree, String)? {
        if let words = answer.probabilityWords {
            let needle = FoldedText.folded(words)
            if let found = FoldedText.find(needle, in: quoteCharacters, wholeWords: true) {
                // A few words before the phrase, for what turns it round ("not very likely",
                // "I don't think").
                var start = found.lowerBound
                var spaces = 0
                while start > 0, spaces < 4 {
                    start -= 1
                    if quoteCharacters[start] == " " { spaces += 1 }
                }
                if let degree = ProbabilityPhrases.parse(String(quoteCharacters[start..<found.upperBound])) {
                    return (degree, "\(ExtractionExplanation.quoted(words)) in the quote")
                }
            }
        }
        return ProbabilityPhrases.parse(quote).map { ($0, "read from the quote's words") }
    }

    func madeOn(_ answer: ModelAnswer, ownerIsAuthor: Bool) -> (Day?, String) {
        if let words = answer.saidWhen, folded.find(FoldedText.folded(words)) != nil, let day = DocumentDates.parse(words) {
            return (day, "\(ExtractionExplanation.quoted(words)) in the document")
        }
        if let day = ownerIsAuthor ? dates.forAuthor : dates.forSpeakers {
            return (day, ownerIsAuthor || dates.event == nil ? "the document's date" : "the date of the event it reports")
        }
        return (defaultDate, defaultDate == nil ? "none: the document gives no date" : "--date")
    }

    func timeFrame(_ answer: ModelAnswer, quote: String, madeOn: Day?) -> (TimeMention?, String) {
        func dated(_ text: String) -> TimeMention? {
            guard let mention = TimeExpressions.first(in: text, reference: madeOn), !mention.isPast,
                  mention.deadline != nil || mention.earliest != nil
            else { return nil }
            return mention
        }
        if let words = answer.deadlineWords, folded.find(FoldedText.folded(words), wholeWords: true) != nil,
           let mention = dated(words) {
            return (mention, "\(ExtractionExplanation.quoted(words)) in the document")
        }
        if let mention = dated(quote) { return (mention, "read from the quote's words") }
        return (nil, "none in the quote")
    }
}
