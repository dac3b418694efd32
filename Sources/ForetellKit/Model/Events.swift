/// What a command asks the ledger to record. The writer validates and stores them; nothing edits
/// them afterwards.

public struct NewQuestion: Sendable, Equatable {
    /// An explicit id, used when re-importing an export so ids survive the round trip.
    public var id: Int64?
    public var claim: String
    public var deadline: Day?
    public var earliest: Day?
    public var openedAtMilliseconds: Int64
    public var tags: [String]
    public var externalRef: String?

    public init(id: Int64? = nil, claim: String, deadline: Day?, earliest: Day? = nil,
                openedAtMilliseconds: Int64, tags: [String] = [], externalRef: String? = nil) {
        self.id = id
        self.claim = claim
        self.deadline = deadline
        self.earliest = earliest
        self.openedAtMilliseconds = openedAtMilliseconds
        self.tags = tags
        self.externalRef = externalRef
    }
}

public enum ProbabilityBasis: String, Sendable, Codable, Equatable {
    /// A number was stated ("20%").
    case numeric
    /// Read from words ("highly likely") through a published scale.
    case verbal
}

public struct NewForecast: Sendable, Equatable {
    public var questionID: Int64
    public var owner: String
    public var probability: Double
    public var probabilityLow: Double?
    public var probabilityHigh: Double?
    public var basis: ProbabilityBasis
    public var madeOn: Moment
    public var note: String?
    public var externalRef: String?
    /// Recorded after its question's outcome was recorded and dated before it (hindsight): kept,
    /// shown as such, and left out of scores unless asked for.
    public var backfilled: Bool

    public init(questionID: Int64, owner: String, probability: Double, probabilityLow: Double? = nil,
                probabilityHigh: Double? = nil, basis: ProbabilityBasis = .numeric, madeOn: Moment,
                note: String? = nil, externalRef: String? = nil, backfilled: Bool = false) {
        self.questionID = questionID
        self.owner = owner
        self.probability = probability
        self.probabilityLow = probabilityLow
        self.probabilityHigh = probabilityHigh
        self.basis = basis
        self.madeOn = madeOn
        self.note = note
        self.externalRef = externalRef
        self.backfilled = backfilled
    }
}

public struct NewResolution: Sendable, Equatable {
    public var questionID: Int64
    public var outcome: Outcome
    public var resolvedOn: Moment
    public var note: String?

    public init(questionID: Int64, outcome: Outcome, resolvedOn: Moment, note: String? = nil) {
        self.questionID = questionID
        self.outcome = outcome
        self.resolvedOn = resolvedOn
        self.note = note
    }
}

/// A document that forecasts were read from, and the quote that is a forecast's provenance.
public struct NewSource: Sendable, Equatable {
    public var path: String
    /// The document's content hash (hex SHA-256), nil when only its name is known (CSV imports).
    public var sha256: String?
    public var quote: String
    public var line: Int?
    /// The extraction engine that found the quote ("rules", "llm", "rules+llm") and the language
    /// model's name; nil for quotes that did not come from extraction.
    public var engine: String?
    public var model: String?

    public init(path: String, sha256: String? = nil, quote: String, line: Int? = nil, engine: String? = nil,
                model: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.quote = quote
        self.line = line
        self.engine = engine
        self.model = model
    }
}
