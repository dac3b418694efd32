import GRDB
import GRDBSQLite

extension Ledger {
    /// What the scoreboard reads: every question (only open ones keep their claim, for the next
    /// deadlines) with its outcome in force (its latest resolution), every forecast, and the
    /// tags and documents, interned to indices.
    ///
    /// Tags narrow in SQL (any of them); owners and resolution dates are left to the engine,
    /// because relative scores compare an owner with everyone else on the same questions.
    /// Forecasts are read in table order, the cheapest scan; the engine orders them in O(n).
    /// Columns are read straight from the SQLite statement: a million forecasts must score in
    /// under a second, and decoding each row through `Row` cost more than the queries.
    public func scoringInput(tags: [String] = []) throws -> ScoringInput {
        try read { db in try Self.scoringInput(tags: tags, db: db) }
    }

    static func scoringInput(tags: [String], db: Database) throws -> ScoringInput {
        var builder = ScoringInput.Builder()
        let tagged = tags.isEmpty ? "1" : """
            q.id IN (SELECT question_id FROM question_tags WHERE tag IN (\(QuestionFilter.placeholders(tags.count))))
            """
        let tagArguments = StatementArguments(tags)
        let counts = try Row.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM questions), (SELECT count(*) FROM forecasts),
                   (SELECT ifnull(max(id), 0) FROM questions), (SELECT ifnull(max(id), 0) FROM owners),
                   EXISTS (SELECT 1 FROM forecast_sources), (SELECT count(*) FROM owners)
            """)
        let questionCount: Int = counts?[0] ?? 0
        builder.reserve(questions: questionCount, forecasts: counts?[1] ?? 0)
        var ownerIndex = IdIndex(maxId: counts?[3] ?? 0, count: counts?[5] ?? 0)
        var questionIndex = IdIndex(maxId: counts?[2] ?? 0, count: questionCount)
        let hasSources: Bool = counts?[4] ?? false

        try each(db, "SELECT id, name FROM owners ORDER BY id") { row in
            ownerIndex[row.int64(0)] = builder.owner(row.text(1))
        }

        // The outcome in force is each question's latest resolution (as in current_resolutions):
        // one pass over the resolutions in id order, each superseding the one before, costs less
        // than the view's two index lookups per question.
        var outcomes = IdMap<(outcome: Outcome, resolvedAtMs: Int64)>(maxId: counts?[2] ?? 0, count: questionCount)
        try each(db, "SELECT question_id, outcome, resolved_at_ms FROM resolutions ORDER BY id") { row in
            if let outcome = Outcome(rawValue: row.text(1)) { outcomes[row.int64(0)] = (outcome, row.int64(2)) }
        }

        try each(db, """
            SELECT q.id, q.claim, q.opened_at_ms, q.deadline FROM questions q WHERE \(tagged) ORDER BY q.id
            """, arguments: tagArguments) { row in
            let id = row.int64(0)
            let resolution = outcomes[id]
            questionIndex[id] = builder.addQuestion(
                id: id, claim: resolution == nil ? row.text(1) : "", openedAtMs: row.int64(2),
                deadline: row.isNull(3) ? nil : Day(iso: row.text(3)),
                outcome: resolution?.outcome, resolvedAtMs: resolution?.resolvedAtMs)
        }

        // By tag, so that each tag's name is read and interned once, not once per question.
        var currentTag: Int32 = -1
        var currentTagBytes: [UInt8] = []
        try each(db, """
            SELECT t.question_id, t.tag FROM question_tags t
            \(tags.isEmpty ? "" : "JOIN questions q ON q.id = t.question_id WHERE \(tagged)")
            ORDER BY t.tag
            """, arguments: tagArguments) { row in
            if currentTag < 0 || !row.textEquals(1, currentTagBytes) {
                currentTagBytes = row.bytes(1)
                currentTag = builder.tag(row.text(1))
            }
            if let question = questionIndex[row.int64(0)] { builder.addTag(currentTag, toQuestion: question) }
        }

        var forecastIndex: [Int64: Int32] = [:]
        try each(db, """
            SELECT f.id, f.question_id, f.owner_id, f.probability, f.made_at_ms, f.backfilled,
                   CASE WHEN length(f.made_on) > 23 THEN f.made_on END FROM forecasts f
            \(tags.isEmpty ? "" : "JOIN questions q ON q.id = f.question_id WHERE \(tagged)")
            """, arguments: tagArguments) { row in
            guard let question = questionIndex[row.int64(1)], let owner = ownerIndex[row.int64(2)] else { return }
            let id = row.int64(0)
            // Only timestamps with more than millisecond digits are read as text: ties within a
            // millisecond are ordered by the rest of the fraction, then by recording order (id).
            let subMs = row.isNull(6) ? 0 : ScoringInput.subMillisecondNanos(row.text(6))
            let index = builder.addForecast(
                id: id, question: question, ownerIndex: owner, probability: row.double(3), madeAtMs: row.int64(4),
                madeAtSubMsNanos: subMs, backfilled: row.int64(5) != 0)
            if hasSources, let index { forecastIndex[id] = index }
        }

        if hasSources {
            var currentSource: Int32 = -1
            var currentSourceBytes: [UInt8] = []
            try each(db, """
                SELECT s.forecast_id, d.path FROM forecast_sources s JOIN documents d ON d.id = s.document_id
                ORDER BY d.path
                """) { row in
                if currentSource < 0 || !row.textEquals(1, currentSourceBytes) {
                    currentSourceBytes = row.bytes(1)
                    currentSource = builder.source(row.text(1))
                }
                if let forecast = forecastIndex[row.int64(0)] { builder.addSource(currentSource, toForecast: forecast) }
            }
        }
        return builder.build()
    }

    /// Steps a statement, handing `body` direct access to the current row's columns.
    private static func each(
        _ db: Database, _ sql: String, arguments: StatementArguments = StatementArguments(),
        _ body: (StatementColumns) throws -> Void
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        statement.arguments = arguments
        let columns = StatementColumns(statement: statement.sqliteStatement)
        let cursor = try Row.fetchCursor(statement)
        while try cursor.next() != nil { try body(columns) }
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
