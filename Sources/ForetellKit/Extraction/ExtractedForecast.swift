/// A forecast found in a document, with its provenance.
public struct ExtractedForecast: Equatable, Sendable {
    /// The document's path as it was given on the command line (joined with the folder for files
    /// found inside one).
    public var source: String
    /// The person or group who holds the view; nil when the document does not say.
    public var owner: String?
    /// A self-contained proposition that can later be resolved yes or no.
    public var claim: String
    /// 0 through 1; for a stated range, its midpoint.
    public var probability: Double?
    /// The ends of a stated range or bound ("10 - 20%", ">90%").
    public var probabilityLow: Double?
    public var probabilityHigh: Double?
    public var basis: ProbabilityBasis?
    /// When the forecast was made; nil when neither the document nor `--date` says.
    public var madeOn: Day?
    /// The day by which the claim resolves; nil when there is no time frame or it cannot be dated.
    public var deadline: Day?
    /// For a window ("in three to five years"), the near end: the event is not expected before.
    public var earliest: Day?
    /// The exact sentence(s) from the document.
    public var quote: String
    /// The line of the document where the quote starts (1-based).
    public var line: Int
    /// How sure the extractor is that this is a forecast read correctly, 0 through 1.
    public var confidence: Double
    /// Which engine found it (`--engine both` marks those both found), and the language model's
    /// name when one did: provenance the ledger keeps with the quote.
    public var foundBy: FoundBy = .rules
    public var model: String?
    /// Where the forecast and each of its fields came from (`extract --explain`).
    public var explanation: ExtractionExplanation?

    public init(source: String, owner: String?, claim: String, probability: Double?, probabilityLow: Double? = nil,
                probabilityHigh: Double? = nil, basis: ProbabilityBasis?, madeOn: Day?, deadline: Day?, earliest: Day? = nil,
                quote: String, line: Int, confidence: Double, explanation: ExtractionExplanation? = nil) {
        self.source = source
        self.owner = owner
        self.claim = claim
        self.probability = probability
        self.probabilityLow = probabilityLow
        self.probabilityHigh = probabilityHigh
        self.basis = basis
        self.madeOn = madeOn
        self.deadline = deadline
        self.earliest = earliest
        self.quote = quote
        self.line = line
        self.confidence = confidence
        self.explanation = explanation
    }

    public var identity: ForecastIdentity { ForecastIdentity(self) }
}

/// The engine or engines that found a forecast.
public enum FoundBy: String, Sendable, Equatable {
    case rules, llm
    case both = "rules+llm"
}

/// What makes two extracted forecasts the same forecast, for `foretell import`.
///
/// The same forecast reported in two write-ups of one panel ("a Chinese company will lead globally
/// in the next 3–5 years" and "the leading AI company will be a Chinese one", both Lin Junyang's,
/// both due 2031-01-10) should become one forecast with two sources. Two forecasts are the same
/// when:
/// - their owners are the same person: the same words, in any order, ignoring case and accents
///   ("Lin Junyang" = "Junyang Lin"), and neither is unknown;
/// - their deadlines are within 45 days of each other, or both are unknown;
/// - their claims share most of their content words: at least half of the smaller keyword set
///   (the overlap coefficient), with words reduced to a crude stem ("leading" = "lead",
///   "Chinese" = "china").
/// `key` is an exact string for indexing (owner and deadline month); call `matches` to decide.
/// Importing the same document twice is caught earlier by the importer: same source and line.
public struct ForecastIdentity: Hashable, Sendable {
    public let owner: String
    public let deadline: Day?
    public let keywords: Set<String>

    public init(_ forecast: ExtractedForecast) {
        self.init(owner: forecast.owner, claim: forecast.claim, deadline: forecast.deadline)
    }

    /// The identity of a forecast already in the ledger.
    public init(owner: String?, claim: String, deadline: Day?) {
        self.owner = ForecastIdentity.ownerKey(owner)
        self.deadline = deadline
        self.keywords = ForecastIdentity.keywords(claim)
    }

    /// Owner and deadline month: forecasts with different keys never match, so an importer can look
    /// up candidates by key and then call `matches`. Deadlines near a month boundary fall in
    /// adjacent keys: look up the previous and next month too (`neighbourKeys`).
    public var key: String { owner + "|" + ForecastIdentity.month(deadline) }

    public var neighbourKeys: [String] {
        guard let deadline else { return [key] }
        return [deadline.adding(months: -1), deadline, deadline.adding(months: 1)]
            .compactMap { $0 }.map { owner + "|" + ForecastIdentity.month($0) }
    }

    public func matches(_ other: ForecastIdentity) -> Bool {
        guard !owner.isEmpty, owner == other.owner else { return false }
        return isSameQuestion(as: other)
    }

    /// The same proposition by the same time, whoever holds it: several owners' forecasts on one
    /// question ("what's the probability that the leading AI company will be Chinese?").
    public func isSameQuestion(as other: ForecastIdentity) -> Bool {
        switch (deadline, other.deadline) {
        case (nil, nil): break
        case let (a?, b?): guard abs(a.daysSinceEpoch - b.daysSinceEpoch) <= 45 else { return false }
        default: return false
        }
        let smaller = min(keywords.count, other.keywords.count)
        guard smaller > 0 else { return false }
        return Double(keywords.intersection(other.keywords).count) / Double(smaller) >= 0.5
    }

    static func month(_ day: Day?) -> String {
        guard let day else { return "none" }
        return String(day.description.prefix(7))
    }

    static func ownerKey(_ owner: String?) -> String {
        guard let owner else { return "" }
        let folded = owner.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).sorted().joined(separator: " ")
    }

    private static let stopwords: Set<String> = [
        "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "and", "or", "but", "will", "would",
        "be", "is", "are", "was", "were", "been", "that", "this", "it", "its", "their", "they", "we",
        "our", "us", "i", "you", "he", "she", "with", "from", "as", "not", "no", "have", "has", "had",
        "do", "does", "can", "could", "may", "might", "one", "ones", "some", "any", "all", "more",
        "most", "very", "just", "still", "also", "there", "than", "then", "so", "if", "into", "over",
        "within", "next", "years", "year", "now", "from", "own", "such", "what", "which", "who",
        "world", "world's", "re", "asked", "see", "get",
        // Words of time: the deadline compares times ("this season" is in many claims).
        "season", "seasons", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "quarter",
        "end",
        // Quantities are not what a claim is about ("three to five years", "three to five Ilyas").
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "half",
        "dozen", "once", "twice", "first", "second", "third",
    ]

    /// Content words of a claim, stemmed.
    public static func keywords(_ claim: String) -> Set<String> {
        let folded = claim.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words = Set<String>()
        for raw in folded.split(whereSeparator: { !$0.isLetter }) {
            let word = String(raw)
            guard word.count > 2, !stopwords.contains(word) else { continue }
            words.insert(stem(word))
        }
        return words
    }

    static func stem(_ word: String) -> String {
        let irregular = ["chinese": "china", "american": "america", "americans": "america", "european": "europe"]
        if let root = irregular[word] { return root }
        for suffix in ["ing", "ers", "ies", "ed", "es", "er", "s", "ly"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}

import Foundation
