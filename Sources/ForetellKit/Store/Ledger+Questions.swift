/// Which questions to read. Different fields narrow together; several owners or tags mean any of them.
public struct QuestionFilter: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case all
        /// Not resolved.
        case open
        /// Not resolved and the deadline has passed as of that day.
        case due(asOf: Day)
        /// Resolved, with any outcome.
        case resolved
    }

    public var status: Status
    public var owners: [String]
    public var tags: [String]
    public var ids: [Int64]
    public var idRange: ClosedRange<Int64>?

    public init(status: Status = .all, owners: [String] = [], tags: [String] = [], ids: [Int64] = [],
                idRange: ClosedRange<Int64>? = nil) {
        self.status = status
        self.owners = owners
        self.tags = tags
        self.ids = ids
        self.idRange = idRange
    }

    /// The SQL condition on `questions q` and its arguments.
    var condition: (sql: String, arguments: [SQLValue]) {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        let unresolved = "NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.question_id = q.id)"
        switch status {
        case .all: break
        case .open: clauses.append(unresolved)
        case .due(let today):
            clauses.append(unresolved + " AND q.deadline < ?")
            arguments.append(.text(today.description))
        case .resolved: clauses.append("EXISTS (SELECT 1 FROM resolutions r WHERE r.question_id = q.id)")
        }
        if !owners.isEmpty {
            clauses.append("""
                EXISTS (SELECT 1 FROM forecasts f JOIN owners o ON o.id = f.owner_id
                        WHERE f.question_id = q.id AND o.name IN (\(Self.placeholders(owners.count))))
                """)
            arguments += owners.map(\.sqlValue)
        }
        if !tags.isEmpty {
            clauses.append("EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = q.id AND t.tag IN (\(Self.placeholders(tags.count))))")
            arguments += tags.map(\.sqlValue)
        }
        if !ids.isEmpty {
            clauses.append("q.id IN (\(Self.placeholders(ids.count)))")
            arguments += ids.map(\.sqlValue)
        }
        if let idRange {
            clauses.append("q.id BETWEEN ? AND ?")
            arguments += sqlArguments(idRange.lowerBound, idRange.upperBound)
        }
        return (clauses.isEmpty ? "1 = 1" : clauses.joined(separator: " AND "), arguments)
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension Ledger {
    /// The questions the filter selects with their whole history: soonest deadline first for open
    /// and due questions, else by id.
    public func questions(_ filter: QuestionFilter = QuestionFilter()) throws -> [QuestionHistory] {
        try snapshot { db in try Self.questions(filter, db: db) }
    }

    /// One question with its whole history.
    public func question(id: Int64) throws -> QuestionHistory {
        guard let question = try questions(QuestionFilter(ids: [id])).first else {
            throw LedgerError.unknownQuestion(id)
        }
        return question
    }

    /// Every question with its whole history, in id order, `batchSize` questions at a time, so
    /// that a large ledger is never held in memory at once.
    public func eachQuestionBatch(batchSize: Int64 = 2000, _ body: ([QuestionHistory]) throws -> Void) throws {
        try snapshot { db in try Self.eachQuestionBatch(db, batchSize: batchSize, body) }
    }

    /// Batches by the ids that are there, not by ranges of numbers: a ledger whose ids reach
    /// 9223372036854775807 (a CSV may give any id) has no empty ranges to walk through.
    static func eachQuestionBatch(_ db: any SQLSession, batchSize: Int64, _ body: ([QuestionHistory]) throws -> Void) throws {
        var after = Int64.min
        while let low: Int64 = try db.value("SELECT min(id) FROM questions WHERE id > ?", sqlArguments(after)),
              let high: Int64 = try db.value("""
                  SELECT max(id) FROM (SELECT id FROM questions WHERE id >= ? ORDER BY id LIMIT ?) batch
                  """, sqlArguments(low, batchSize)) {
            try body(questions(QuestionFilter(idRange: low...high), db: db))
            guard high < Int64.max else { break }
            after = high
        }
    }

    static func questions(_ filter: QuestionFilter, db: any SQLSession) throws -> [QuestionHistory] {
        let (condition, arguments) = filter.condition
        let selected = "SELECT q.id FROM questions q WHERE \(condition)"
        let order: String
        switch filter.status {
        case .open, .due: order = "q.deadline IS NULL, q.deadline, q.id"
        case .all, .resolved: order = "q.id"
        }
        var questions = try db.all("""
            SELECT q.id, q.claim, q.deadline, q.earliest, q.opened_at_ms, q.external_ref, q.recorded_at
            FROM questions q WHERE \(condition) ORDER BY \(order)
            """, arguments) { row throws -> QuestionHistory in
            let deadline: String? = try row.checked("deadline")
            let earliest: String? = try row.checked("earliest")
            return QuestionHistory(id: try row.checked("id"), claim: try row.checked("claim"), deadline: deadline.flatMap { Day(iso: $0) },
                                   earliest: earliest.flatMap { Day(iso: $0) }, openedAtMilliseconds: try row.checked("opened_at_ms"),
                                   tags: [], externalRef: try row.checked("external_ref"), recordedAt: try row.checked("recorded_at"),
                                   forecasts: [], resolutions: [])
        }
        guard !questions.isEmpty else { return [] }
        var index: [Int64: Int] = [:]
        for (position, question) in questions.enumerated() { index[question.id] = position }

        var sourcesByForecast: [Int64: [SourceReference]] = [:]
        try db.each("""
            SELECT s.forecast_id, d.path, s.quote, s.line, d.sha256, d.id, s.engine, s.model
            FROM forecast_sources s JOIN documents d ON d.id = s.document_id
            JOIN forecasts f ON f.id = s.forecast_id
            WHERE f.question_id IN (\(selected)) ORDER BY s.forecast_id, s.document_id
            """, arguments) { row in
            let line: Int64? = try row.checked(3)
            sourcesByForecast[try row.checked(0), default: []].append(SourceReference(
                path: try row.checked(1), quote: try row.checked(2), line: line.map { Int(truncatingIfNeeded: $0) },
                sha256: try row.checked(4), documentID: try row.checked(5),
                engine: try row.checked(6), model: try row.checked(7)))
        }
        try db.each("""
            SELECT f.id, f.question_id, o.name, f.probability, f.probability_low, f.probability_high, f.basis,
                   f.made_on, f.made_at_ms, f.note, f.external_ref, f.recorded_at, f.backfilled
            FROM forecasts f JOIN owners o ON o.id = f.owner_id
            WHERE f.question_id IN (\(selected)) ORDER BY f.question_id, f.made_at_ms, f.id
            """, arguments) { row in
            guard let position = index[try row.checked(1)] else { return }
            let id: Int64 = try row.checked(0)
            let basis: String = try row.checked(6)
            questions[position].forecasts.append(ForecastEntry(
                id: id, owner: try row.checked(2), probability: try row.checked(3), probabilityLow: try row.checked(4),
                probabilityHigh: try row.checked(5), basis: ProbabilityBasis(rawValue: basis) ?? .numeric,
                madeOn: try row.checked(7), madeAtMilliseconds: try row.checked(8), note: try row.checked(9),
                externalRef: try row.checked(10), recordedAt: try row.checked(11), sources: sourcesByForecast[id] ?? [],
                backfilled: try Ledger.backfilledMark(row.checked(12))))
        }
        try db.each("""
            SELECT question_id, tag FROM question_tags WHERE question_id IN (\(selected)) ORDER BY question_id, tag
            """, arguments) { row in
            if let position = index[try row.checked(0)] { questions[position].tags.append(try row.checked(1)) }
        }
        try db.each("""
            SELECT id, question_id, outcome, resolved_on, resolved_at_ms, note, recorded_at
            FROM resolutions WHERE question_id IN (\(selected)) ORDER BY question_id, id
            """, arguments) { row in
            guard let position = index[try row.checked(1)], let outcome = Outcome(rawValue: try row.checked(2)) else { return }
            questions[position].resolutions.append(ResolutionEvent(
                id: try row.checked(0), outcome: outcome, resolvedOn: try row.checked(3),
                resolvedAtMilliseconds: try row.checked(4), note: try row.checked(5), recordedAt: try row.checked(6)))
        }
        return questions
    }
}

extension Ledger {
    /// Whether a document with this content hash has been imported: asked before an import's
    /// transaction, so that a document already in the ledger is not read by a language model again.
    public func documentExists(sha256: String) throws -> Bool {
        try snapshot { db in try Self.documentExists(sha256: sha256, db) }
    }

    static func documentExists(sha256: String, _ db: any SQLSession) throws -> Bool {
        try db.exists("SELECT 1 FROM documents WHERE sha256 = ?", sqlArguments(sha256))
    }
}
