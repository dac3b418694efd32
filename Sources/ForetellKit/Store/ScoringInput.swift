/// Everything the scoreboard reads from a ledger, laid out for a million forecasts: owners, tags and
/// documents are interned once and referred to by index, questions and forecasts are flat arrays of
/// small values, and the many-to-many links (tags of a question, sources of a forecast) are
/// compressed adjacency lists. Build it with `ScoringInput.Builder`, or from `ScoringRow`s.
public struct ScoringInput: Sendable {
    public struct Question: Sendable, Equatable {
        public var id: Int64
        /// Only needed for open questions (the next deadlines); may be empty for resolved ones.
        public var claim: String
        public var openedAtMs: Int64
        public var deadline: Day?
        /// nil while open.
        public var outcome: Outcome?
        /// The instant the outcome in force was recorded as known; a bare day is its last millisecond.
        public var resolvedAtMs: Int64?
    }

    public struct Forecast: Sendable, Equatable {
        public var id: Int64
        public var question: Int32
        public var owner: Int32
        public var probability: Double
        public var madeAtMs: Int64
        /// Nanoseconds past `madeAtMs` (0...999_999), from the stored timestamp's fraction, so that
        /// forecasts less than a millisecond apart keep their order.
        public var madeAtSubMsNanos: Int32 = 0
        /// Recorded with hindsight (`forecast --backfill`): scored only when asked for.
        public var backfilled: Bool = false
    }

    public private(set) var owners: [String] = []
    public private(set) var tags: [String] = []
    public private(set) var sources: [String] = []
    public private(set) var questions: [Question] = []
    public private(set) var forecasts: [Forecast] = []
    /// Tag indices of each question.
    public private(set) var questionTags = Adjacency()
    /// Source (document) indices of each forecast.
    public private(set) var forecastSources = Adjacency()
    /// Forecasts the builder refused: an unknown question or owner, or a probability outside [0, 1].
    public private(set) var rejectedForecasts = 0

    public init() {}

    /// Collects questions and forecasts, interning names as they come.
    public struct Builder: Sendable {
        private var input = ScoringInput()
        private var ownerIndex: [String: Int32] = [:]
        private var tagIndex: [String: Int32] = [:]
        private var sourceIndex: [String: Int32] = [:]
        private var questionIndex: [Int64: Int32] = [:]
        private var tagLinks: [(Int32, Int32)] = []
        private var sourceLinks: [(Int32, Int32)] = []

        public init() {}

        public mutating func reserve(questions: Int, forecasts: Int) {
            input.questions.reserveCapacity(questions)
            input.forecasts.reserveCapacity(forecasts)
            questionIndex.reserveCapacity(questions)
        }

        /// Adds a question (once per id; a repeated id keeps the first) and returns its index.
        @discardableResult
        public mutating func addQuestion(
            id: Int64, claim: String = "", openedAtMs: Int64, deadline: Day? = nil,
            outcome: Outcome? = nil, resolvedAtMs: Int64? = nil, tags: [String] = []
        ) -> Int32 {
            if let existing = questionIndex[id] { return existing }
            let index = Int32(truncatingIfNeeded: input.questions.count)
            questionIndex[id] = index
            input.questions.append(Question(
                id: id, claim: claim, openedAtMs: openedAtMs, deadline: deadline,
                outcome: outcome, resolvedAtMs: outcome == nil ? nil : resolvedAtMs))
            for tag in tags { addTag(tag, toQuestion: index) }
            return index
        }

        public mutating func addTag(_ tag: String, toQuestion question: Int32) {
            addTag(self.tag(tag), toQuestion: question)
        }

        /// Adds a tag interned earlier with `tag(_:)`.
        public mutating func addTag(_ tag: Int32, toQuestion question: Int32) {
            guard tag >= 0, Int(tag) < input.tags.count, question >= 0, Int(question) < input.questions.count
            else { return }
            tagLinks.append((question, tag))
        }

        /// The index of a tag, interning it on first use.
        public mutating func tag(_ name: String) -> Int32 {
            Self.intern(name, in: &tagIndex, names: &input.tags)
        }

        /// The index of a question added earlier, by its ledger id.
        public func question(id: Int64) -> Int32? { questionIndex[id] }

        /// Adds a forecast on a question added earlier and returns its index, or nil (adding
        /// nothing) for an unknown question or a probability outside [0, 1].
        @discardableResult
        public mutating func addForecast(
            id: Int64, question: Int32, owner: String, probability: Double, madeAtMs: Int64,
            madeAtSubMsNanos: Int32 = 0, sources: [String] = []
        ) -> Int32? {
            let ownerIndex = self.owner(owner)
            guard let index = addForecast(
                id: id, question: question, ownerIndex: ownerIndex, probability: probability, madeAtMs: madeAtMs,
                madeAtSubMsNanos: madeAtSubMsNanos)
            else { return nil }
            for source in sources { addSource(self.source(source), toForecast: index) }
            return index
        }

        /// Adds a forecast by an owner interned earlier with `owner(_:)`: no string per row.
        @discardableResult
        public mutating func addForecast(
            id: Int64, question: Int32, ownerIndex: Int32, probability: Double, madeAtMs: Int64,
            madeAtSubMsNanos: Int32 = 0, backfilled: Bool = false
        ) -> Int32? {
            guard question >= 0, Int(question) < input.questions.count, ownerIndex >= 0,
                  Int(ownerIndex) < input.owners.count, probability >= 0, probability <= 1 else {
                input.rejectedForecasts += 1
                return nil
            }
            let index = Int32(truncatingIfNeeded: input.forecasts.count)
            input.forecasts.append(Forecast(
                id: id, question: question, owner: ownerIndex, probability: probability, madeAtMs: madeAtMs,
                madeAtSubMsNanos: min(max(madeAtSubMsNanos, 0), 999_999), backfilled: backfilled))
            return index
        }

        /// The index of an owner's name, interning it on first use.
        public mutating func owner(_ name: String) -> Int32 {
            Self.intern(name, in: &ownerIndex, names: &input.owners)
        }

        /// The index of a document's name, interning it on first use.
        public mutating func source(_ name: String) -> Int32 {
            Self.intern(name, in: &sourceIndex, names: &input.sources)
        }

        public mutating func addSource(_ source: Int32, toForecast forecast: Int32) {
            guard source >= 0, Int(source) < input.sources.count, forecast >= 0, Int(forecast) < input.forecasts.count
            else { return }
            sourceLinks.append((forecast, source))
        }

        private static func intern(_ name: String, in index: inout [String: Int32], names: inout [String]) -> Int32 {
            if let existing = index[name] { return existing }
            let number = Int32(truncatingIfNeeded: names.count)
            index[name] = number
            names.append(name)
            return number
        }

        public func build() -> ScoringInput {
            var result = input
            result.questionTags = Adjacency(count: input.questions.count, links: tagLinks)
            result.forecastSources = Adjacency(count: input.forecasts.count, links: sourceLinks)
            return result
        }
    }
}

/// For each of `count` items, the sorted, distinct integers linked to it, stored in two flat arrays.
public struct Adjacency: Sendable, Equatable {
    private var offsets: [Int32] = [0]
    private var values: [Int32] = []

    public init() {}

    /// A counting sort by item, then each item's short list sorted and deduplicated: O(links).
    init(count: Int, links: [(Int32, Int32)]) {
        var starts = [Int32](repeating: 0, count: count + 1)
        for (item, _) in links where item >= 0 && Int(item) < count { starts[Int(item) + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var placed = [Int32](repeating: 0, count: Int(starts[count]))
        var next = starts
        for (item, value) in links where item >= 0 && Int(item) < count {
            placed[Int(next[Int(item)])] = value
            next[Int(item)] += 1
        }
        offsets = [Int32](repeating: 0, count: count + 1)
        values.reserveCapacity(placed.count)
        for item in 0..<count {
            let slice = placed[Int(starts[item])..<Int(starts[item + 1])]
            if slice.count == 1 {
                values.append(slice[slice.startIndex])
            } else if slice.count > 1 {
                var previous: Int32?
                for value in slice.sorted() where value != previous {
                    values.append(value)
                    previous = value
                }
            }
            offsets[item + 1] = Int32(truncatingIfNeeded: values.count)
        }
    }

    /// The values linked to item `index` (empty for an unknown index).
    public subscript(index: Int) -> ArraySlice<Int32> {
        guard index >= 0, index + 1 < offsets.count else { return [] }
        return values[Int(offsets[index])..<Int(offsets[index + 1])]
    }
}

/// One forecast with its question, as a person or a test would write it down. Convenient for small
/// inputs; `ScoringInput(rows:)` interns the names.
public struct ScoringRow: Sendable, Equatable {
    public var forecastId: Int64
    public var questionId: Int64
    public var claim: String
    public var owner: String
    public var probability: Double
    public var madeAtMs: Int64
    public var openedAtMs: Int64
    public var deadline: Day?
    public var outcome: Outcome?
    public var resolvedAtMs: Int64?
    public var tags: [String]
    public var sources: [String]

    public init(
        forecastId: Int64, questionId: Int64, claim: String = "", owner: String, probability: Double,
        madeAtMs: Int64, openedAtMs: Int64, deadline: Day? = nil, outcome: Outcome? = nil,
        resolvedAtMs: Int64? = nil, tags: [String] = [], sources: [String] = []
    ) {
        self.forecastId = forecastId
        self.questionId = questionId
        self.claim = claim
        self.owner = owner
        self.probability = probability
        self.madeAtMs = madeAtMs
        self.openedAtMs = openedAtMs
        self.deadline = deadline
        self.outcome = outcome
        self.resolvedAtMs = resolvedAtMs
        self.tags = tags
        self.sources = sources
    }
}

extension ScoringInput {
    /// Question fields are taken from the first row of each question.
    public init(rows: [ScoringRow]) {
        var builder = Builder()
        for row in rows {
            let known = builder.question(id: row.questionId)
            let question = known ?? builder.addQuestion(
                id: row.questionId, claim: row.claim, openedAtMs: row.openedAtMs, deadline: row.deadline,
                outcome: row.outcome, resolvedAtMs: row.resolvedAtMs, tags: row.tags)
            builder.addForecast(
                id: row.forecastId, question: question, owner: row.owner, probability: row.probability,
                madeAtMs: row.madeAtMs, sources: row.sources)
        }
        self = builder.build()
    }
}

extension ScoringInput {
    /// Nanoseconds past the millisecond in an ISO 8601 timestamp's fraction (its 4th to 9th
    /// digits): 0 for a bare day or a fraction of three digits or fewer. A zone offset moves an
    /// instant by whole minutes, so these digits are the same in UTC.
    public static func subMillisecondNanos(_ text: some StringProtocol) -> Int32 {
        let bytes = Array(text.utf8)
        guard bytes.count > 23 else { return 0 }
        var index = 19
        while index < bytes.count, bytes[index] != UInt8(ascii: ".") { index += 1 }
        index += 4
        var value: Int32 = 0
        var digits = 0
        while digits < 6, index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            value = value * 10 + Int32(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        while digits < 6 {
            value *= 10
            digits += 1
        }
        return value
    }
}
