extension Ledger {
    /// What the scoreboard reads: every question (only open ones keep their claim, for the next
    /// deadlines) with its outcome in force (its latest resolution), every forecast, and the
    /// tags and documents, interned to indices.
    ///
    /// Tags narrow in SQL (any of them); owners and resolution dates are left to the engine,
    /// because relative scores compare an owner with everyone else on the same questions.
    /// Forecasts are read in table order, the cheapest scan; the engine orders them in O(n).
    /// Each table is read column-wise through one cursor, into flat arrays.
    public func scoringInput(tags: [String] = []) throws -> ScoringInput {
        try snapshot { db in try Self.scoringInput(tags: tags, db: db) }
    }

    static func scoringInput(tags: [String], db: any SQLSession) throws -> ScoringInput {
        var builder = ScoringInput.Builder()
        let tagged = tags.isEmpty ? "1 = 1" : """
            q.id IN (SELECT question_id FROM question_tags WHERE tag IN (\(QuestionFilter.placeholders(tags.count))))
            """
        let tagArguments = tags.map(\.sqlValue)
        typealias Counts = (questions: Int, forecasts: Int, maxQuestion: Int64, maxOwner: Int64, sources: Bool, owners: Int)
        let counts: Counts = try db.first("""
            SELECT (SELECT count(*) FROM questions), (SELECT count(*) FROM forecasts),
                   (SELECT coalesce(max(id), 0) FROM questions), (SELECT coalesce(max(id), 0) FROM owners),
                   EXISTS (SELECT 1 FROM forecast_sources), (SELECT count(*) FROM owners)
            """) { row -> Counts in
            (try row.checked(0), try row.checked(1), try row.checked(2), try row.checked(3), try row.checked(4), try row.checked(5))
        } ?? (0, 0, 0, 0, false, 0)
        let questionCount = counts.questions
        builder.reserve(questions: questionCount, forecasts: counts.forecasts)
        var ownerIndex = IdIndex(maxId: counts.maxOwner, count: counts.owners)
        var questionIndex = IdIndex(maxId: counts.maxQuestion, count: questionCount)
        let hasSources = counts.sources

        try db.each("SELECT id, name FROM owners ORDER BY id", []) { row in
            ownerIndex[try row.checked(0)] = builder.owner(try row.checked(1))
        }

        // The outcome in force is each question's latest resolution (as in current_resolutions):
        // one pass over the resolutions in id order, each superseding the one before, costs less
        // than the view's two index lookups per question.
        var outcomes = IdMap<(outcome: Outcome, resolvedAtMs: Int64)>(maxId: counts.maxQuestion, count: questionCount)
        try db.each("SELECT question_id, outcome, resolved_at_ms FROM resolutions ORDER BY id", []) { row in
            if let outcome = Outcome(rawValue: try row.checked(1) as String) { outcomes[try row.checked(0)] = (outcome, try row.checked(2)) }
        }

        try db.each("""
            SELECT q.id, q.claim, q.opened_at_ms, q.deadline FROM questions q WHERE \(tagged) ORDER BY q.id
            """, tagArguments) { row in
            let id: Int64 = try row.checked(0)
            let resolution = outcomes[id]
            let deadline: String? = try row.checked(3)
            questionIndex[id] = builder.addQuestion(
                id: id, claim: resolution == nil ? try row.checked(1) : "", openedAtMs: try row.checked(2),
                deadline: deadline.flatMap { Day(iso: $0) },
                outcome: resolution?.outcome, resolvedAtMs: resolution?.resolvedAtMs)
        }

        try db.each("""
            SELECT t.question_id, t.tag FROM question_tags t
            \(tags.isEmpty ? "" : "JOIN questions q ON q.id = t.question_id WHERE \(tagged)")
            ORDER BY t.tag
            """, tagArguments) { row in
            if let question = questionIndex[try row.checked(0)] { builder.addTag(try row.checked(1) as String, toQuestion: question) }
        }

        var forecastIndex: [Int64: Int32] = [:]
        try db.each("""
            SELECT f.id, f.question_id, f.owner_id, f.probability, f.made_at_ms, f.backfilled,
                   CASE WHEN length(f.made_on) > 23 THEN f.made_on END FROM forecasts f
            \(tags.isEmpty ? "" : "JOIN questions q ON q.id = f.question_id WHERE \(tagged)")
            """, tagArguments) { row in
            guard let question = questionIndex[try row.checked(1)], let owner = ownerIndex[try row.checked(2)] else { return }
            let id: Int64 = try row.checked(0)
            // Only timestamps with more than millisecond digits are read as text: ties within a
            // millisecond are ordered by the rest of the fraction, then by recording order (id).
            let madeOnText: String? = try row.checked(6)
            let index = builder.addForecast(
                id: id, question: question, ownerIndex: owner, probability: try row.checked(3), madeAtMs: try row.checked(4),
                madeAtSubMsNanos: madeOnText.map { ScoringInput.subMillisecondNanos($0) } ?? 0,
                backfilled: (try row.checked(5) as Int64) != 0)
            if hasSources, let index { forecastIndex[id] = index }
        }

        if hasSources {
            try db.each("""
                SELECT s.forecast_id, d.path FROM forecast_sources s JOIN documents d ON d.id = s.document_id
                ORDER BY d.path
                """, []) { row in
                if let forecast = forecastIndex[try row.checked(0)] {
                    builder.addSource(builder.source(try row.checked(1)), toForecast: forecast)
                }
            }
        }
        return builder.build()
    }
}

/// Ledger ids to values: a flat array when ids are dense (they are INTEGER PRIMARY KEYs counting
/// from 1), a dictionary when they are not.
private struct IdMap<Value> {
    private var dense: [Value?]
    private var sparse: [Int64: Value] = [:]

    init(maxId: Int64, count: Int) {
        let isDense = maxId >= 0 && maxId <= Int64(max(1024, 4 * count))
        dense = isDense ? [Value?](repeating: nil, count: Int(maxId) + 1) : []
    }

    subscript(id: Int64) -> Value? {
        get { id >= 0 && id < Int64(dense.count) ? dense[Int(id)] : sparse[id] }
        set {
            guard let newValue else { return }
            if id >= 0, id < Int64(dense.count) { dense[Int(id)] = newValue } else { sparse[id] = newValue }
        }
    }
}

/// Ledger ids to builder indices.
private typealias IdIndex = IdMap<Int32>
