import Foundation

/// Records events inside one of ``Ledger/write(commit:bulk:_:)``'s transactions, appending each to
/// the journal.
///
/// It validates what it is given, so that no caller can store what the schema would reject with a
/// less helpful message. Every statement is prepared once per connection and run one row at a
/// time, the same SQL on SQLite and PostgreSQL (``SQLSession``); the database gives every row its id.
public struct LedgerWriter {
    let db: any SQLSession
    /// When this transaction recorded its events, UTC; a restored backup's own times
    /// (``restoring(recordedAt:)``).
    public private(set) var recordedAt: String
    /// The hash of the journal's last entry.
    private var head: [UInt8]
    /// The journal's last entry's number: entries are numbered 1, 2, 3... with no gap, which
    /// verify checks, so the writer numbers them (a PostgreSQL sequence would skip rolled-back ones).
    private var headSeq: Int64
    /// Owners by name: an import names the same few owners on every row.
    private var ownerIDs: [String: Int64] = [:]
    /// Imports record many forecasts on one question in a row: the question is looked up once.
    private var lastQuestionSeen: Int64?
    /// With foreign keys off (``Ledger/write(commit:bulk:_:)``), the last forecast and resolution ids
    /// from before this transaction: ``checkReferences()`` looks at the rows after them.
    private let uncheckedAfter: (forecast: Int64, resolution: Int64)?

    init(db: any SQLSession, checksReferencesAtEnd: Bool = false) throws {
        self.db = db
        self.recordedAt = Moment.now().text
        let last = try db.first("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1") { row -> (Int64, [UInt8]) in
            (try row.checked(0), try row.checked(1))
        }
        (headSeq, head) = last ?? (0, JournalContent.genesis)
        uncheckedAfter = checksReferencesAtEnd ? (
            try db.value("SELECT max(id) FROM forecasts") ?? 0,
            try db.value("SELECT max(id) FROM resolutions") ?? 0) : nil
    }

    /// Checks the references SQLite did not check row by row: the forecasts and resolutions this
    /// transaction added (their ids only grow), and every tag and source (small tables, and a tag or
    /// source may be added to an older row). A dangling one fails the transaction, as SQLite would.
    func checkReferences() throws {
        guard let after = uncheckedAfter else { return }
        let dangling: Bool = try db.value("""
            SELECT EXISTS (SELECT 1 FROM forecasts WHERE id > ? AND (question_id NOT IN (SELECT id FROM questions)
                                                                   OR owner_id NOT IN (SELECT id FROM owners)))
                OR EXISTS (SELECT 1 FROM resolutions WHERE id > ? AND question_id NOT IN (SELECT id FROM questions))
            """, sqlArguments(after.forecast, after.resolution)) ?? false
        let others = try db.exists("PRAGMA foreign_key_check(question_tags)")
            || db.exists("PRAGMA foreign_key_check(forecast_sources)")
        if dangling || others {
            throw LedgerError.database("FOREIGN KEY constraint failed: a row refers to a question, owner, forecast or document that is not in the ledger")
        }
    }

    // MARK: Recording events

    /// Restoring a backup: the events recorded next keep the time they were first recorded.
    mutating func restoring(recordedAt time: String) {
        recordedAt = time
    }

    public mutating func record(_ question: NewQuestion) throws -> Int64 {
        guard let id = try insert(question, unlessRefExists: false) else {
            throw LedgerError.database("the question was not recorded")
        }
        return id
    }

    /// Records a question unless the ledger already holds one with its `externalRef` (which it
    /// needs); returns its id either way, and whether it is new.
    public mutating func recordIfNew(_ question: NewQuestion) throws -> (id: Int64, isNew: Bool) {
        guard let ref = question.externalRef else {
            throw InputError.emptyText(field: "external reference of an imported question")
        }
        if let id = try insert(question, unlessRefExists: true) { return (id, true) }
        guard let id = try questionID(externalRef: ref) else { throw LedgerError.database("question \(ref) vanished") }
        return (id, false)
    }

    private mutating func insert(_ question: NewQuestion, unlessRefExists: Bool) throws -> Int64? {
        try CanonicalValue.refuseNUL(["claim": question.claim, "question's reference": question.externalRef,
                                      "tag": question.tags.first { $0.utf8.contains(0) }])
        let claim = try Self.nonEmpty(question.claim, field: "claim")
        let tags = try Array(Set(question.tags.map { try Self.tag($0) })).sorted()
        if let earliest = question.earliest, let deadline = question.deadline, earliest > deadline {
            throw InputError.invalidValue(field: "earliest date", value: earliest.description,
                                          expected: "a day on or before the deadline \(deadline)")
        }
        let deadline = question.deadline?.description, earliest = question.earliest?.description
        guard let id = try db.insert("""
            INSERT INTO questions (id, claim, deadline, earliest, opened_at_ms, external_ref, recorded_at)
            VALUES (coalesce(?, \(db.dialect.newID("questions"))), ?, ?, ?, ?, ?, ?)
            """ + (unlessRefExists ? Self.unlessRefExists : ""), sqlArguments(
                question.id, claim, deadline, earliest, question.openedAtMilliseconds, question.externalRef, recordedAt))
        else { return nil }
        lastQuestionSeen = id
        for tag in tags { try db.execute("INSERT INTO question_tags (question_id, tag) VALUES (?, ?)", sqlArguments(id, tag)) }
        try append(.question, entityID: id, content: JournalContent.question(
            id: id, claim: claim, deadline: deadline, earliest: earliest, openedAtMs: question.openedAtMilliseconds,
            externalRef: question.externalRef, recordedAt: recordedAt, tags: tags))
        return id
    }

    public mutating func record(_ forecast: NewForecast) throws -> Int64 {
        guard let id = try insert(forecast, unlessRefExists: false) else {
            throw LedgerError.database("the forecast was not recorded")
        }
        return id
    }

    /// Records a forecast unless the ledger already holds one with its `externalRef` (which it
    /// needs); returns the new id, or nil when it was already there. One statement does both, so a
    /// re-import costs no more than an import.
    public mutating func recordIfNew(_ forecast: NewForecast) throws -> Int64? {
        guard forecast.externalRef != nil else {
            throw InputError.emptyText(field: "external reference of an imported forecast")
        }
        return try insert(forecast, unlessRefExists: true)
    }

    private mutating func insert(_ forecast: NewForecast, unlessRefExists: Bool) throws -> Int64? {
        var forecast = forecast
        (forecast.probability, forecast.probabilityLow, forecast.probabilityHigh) = (CanonicalValue.probability(forecast.probability),
            CanonicalValue.probability(forecast.probabilityLow), CanonicalValue.probability(forecast.probabilityHigh))
        try CanonicalValue.refuseNUL(["owner": forecast.owner, "forecast's note": forecast.note,
                                      "forecast's reference": forecast.externalRef, "made_on": forecast.madeOn.text])
        try requireQuestion(forecast.questionID)
        let owner = try Self.nonEmpty(forecast.owner, field: "owner")
        try Self.check(probability: forecast.probability)
        if let low = forecast.probabilityLow { try Self.check(probability: low) }
        if let high = forecast.probabilityHigh { try Self.check(probability: high) }
        if (forecast.probabilityLow ?? forecast.probability) > forecast.probability
            || (forecast.probabilityHigh ?? forecast.probability) < forecast.probability {
            throw InputError.invalidValue(field: "probability range", value: "\(forecast.probability)",
                                          expected: "a probability between the range's low and high ends")
        }
        let ownerID = try ownerID(owner)
        guard let id = try db.insert("""
            INSERT INTO forecasts (id, question_id, owner_id, probability, probability_low, probability_high, basis,
                                   made_on, made_at_ms, note, external_ref, recorded_at, backfilled)
            VALUES (\(db.dialect.newID("forecasts")), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """ + (unlessRefExists ? Self.unlessRefExists : ""), sqlArguments(
                forecast.questionID, ownerID, forecast.probability, forecast.probabilityLow, forecast.probabilityHigh,
                forecast.basis.rawValue, forecast.madeOn.text, forecast.madeOn.milliseconds, forecast.note,
                forecast.externalRef, recordedAt, forecast.backfilled ? 1 : 0))
        else { return nil }
        try append(.forecast, entityID: id, content: JournalContent.forecast(
            id: id, questionID: forecast.questionID, owner: owner, probability: forecast.probability,
            low: forecast.probabilityLow, high: forecast.probabilityHigh, basis: forecast.basis.rawValue,
            madeOn: forecast.madeOn.text, madeAtMs: forecast.madeOn.milliseconds, note: forecast.note,
            externalRef: forecast.externalRef, recordedAt: recordedAt, backfilled: forecast.backfilled))
        return id
    }

    public mutating func record(_ resolution: NewResolution) throws -> Int64 {
        try CanonicalValue.refuseNUL(["resolution's note": resolution.note, "resolved_on": resolution.resolvedOn.text])
        try requireQuestion(resolution.questionID)
        let resolvedAt = resolution.resolvedOn.resolutionMilliseconds
        guard let id = try db.insert("""
            INSERT INTO resolutions (id, question_id, outcome, resolved_on, resolved_at_ms, note, recorded_at)
            VALUES (\(db.dialect.newID("resolutions")), ?, ?, ?, ?, ?, ?)
            """, sqlArguments(
                resolution.questionID, resolution.outcome.rawValue, resolution.resolvedOn.text, resolvedAt,
                resolution.note, recordedAt))
        else { throw LedgerError.database("the resolution was not recorded") }
        try append(.resolution, entityID: id, content: JournalContent.resolution(
            id: id, questionID: resolution.questionID, outcome: resolution.outcome.rawValue,
            resolvedOn: resolution.resolvedOn.text, resolvedAtMs: resolvedAt, note: resolution.note,
            recordedAt: recordedAt))
        return id
    }

    /// Attaches a quote from a document to a forecast; returns false when that document is already
    /// one of the forecast's sources.
    @discardableResult
    public mutating func attach(_ source: NewSource, to forecastID: Int64) throws -> Bool {
        try CanonicalValue.refuseNUL(["source": source.path, "quote": source.quote, "document hash": source.sha256])
        let path = try Self.nonEmpty(source.path, field: "source")
        let documentID = try documentID(path: path, sha256: source.sha256)
        let exists = try db.exists("""
            SELECT 1 FROM forecast_sources WHERE forecast_id = ? AND document_id = ?
            """, sqlArguments(forecastID, documentID))
        if exists { return false }
        let line = source.line.map { Int64($0) }
        try db.execute("""
            INSERT INTO forecast_sources (forecast_id, document_id, quote, line, engine, model) VALUES (?, ?, ?, ?, ?, ?)
            """, sqlArguments(forecastID, documentID, source.quote, line, source.engine, source.model))
        try append(.source, entityID: forecastID, documentID: documentID, content: JournalContent.source(
            forecastID: forecastID, documentPath: path, sha256: source.sha256, quote: source.quote, line: line))
        return true
    }

    // MARK: Looking up what is already recorded (for idempotent imports)

    public func questionExists(_ id: Int64) throws -> Bool {
        try db.exists("SELECT 1 FROM questions WHERE id = ?", sqlArguments(id))
    }

    public func questionID(externalRef: String) throws -> Int64? {
        try db.value("SELECT id FROM questions WHERE external_ref = ?", sqlArguments(externalRef))
    }

    /// The newest forecast's id: an importer notes it first, so that a forecast with a higher id is
    /// known to come from the file being imported.
    public func lastForecastID() throws -> Int64 {
        try db.value("SELECT max(id) FROM forecasts") ?? 0
    }

    public func forecastID(externalRef: String) throws -> Int64? {
        try db.value("SELECT id FROM forecasts WHERE external_ref = ?", sqlArguments(externalRef))
    }

    /// The claim and deadline of a question, to tell whether an imported row means the same one.
    public func questionIdentity(_ id: Int64) throws -> (claim: String, deadline: Day?)? {
        try db.first("SELECT claim, deadline FROM questions WHERE id = ?", sqlArguments(id)) { row in
            let deadline: String? = try row.checked(1)
            return (try row.checked(0), deadline.flatMap { Day(iso: $0) })
        }
    }

    /// The id of a question with this claim and deadline, the oldest if several.
    public func questionID(claim: String, deadline: Day?) throws -> Int64? {
        // Refused here as record() would: PostgreSQL cannot even look up a text holding NUL.
        try CanonicalValue.refuseNUL(["claim": claim])
        return try db.value("""
            SELECT id FROM questions WHERE claim = ? AND deadline \(db.dialect.isSame) ? ORDER BY id LIMIT 1
            """, sqlArguments(claim.trimmingWhitespace(), deadline?.description))
    }

    /// The id of a forecast with exactly this owner, time and probability on the question.
    public mutating func forecastID(questionID: Int64, owner: String, madeOn: String, probability: Double) throws -> Int64? {
        guard let ownerID = try existingOwnerID(owner.trimmingWhitespace()) else { return nil }
        // By (question, owner): without statistics SQLite otherwise picks another index and scans
        // every forecast of that owner, thousands for a prolific one.
        return try db.value("""
            SELECT min(id) FROM forecasts \(db.dialect.indexedBy("forecasts_by_question"))
            WHERE question_id = ? AND owner_id = ? AND made_on = ? AND probability = ?
            """, sqlArguments(questionID, ownerID, madeOn, probability))
    }

    /// Whether the forecast has a source of this path.
    public func hasSource(forecastID: Int64, path: String) throws -> Bool {
        try db.exists("""
            SELECT 1 FROM forecast_sources s JOIN documents d ON d.id = s.document_id
            WHERE s.forecast_id = ? AND d.path = ?
            """, sqlArguments(forecastID, path.trimmingWhitespace()))
    }

    /// Whether a document with this content hash has been imported.
    public func documentExists(sha256: String) throws -> Bool {
        try Ledger.documentExists(sha256: sha256, db)
    }

    /// Every forecast read from a document, with its owner, probability, question claim and deadline,
    /// so that an import can recognise the same forecast or question in another document.
    /// Found from the sources, so that it costs the ledger's documents, not its forecasts.
    public func documentForecasts() throws
        -> [(forecastID: Int64, questionID: Int64, owner: String, probability: Double, claim: String, deadline: Day?)] {
        try db.all("""
            SELECT f.id, f.question_id, o.name, f.probability, q.claim, q.deadline
            FROM forecasts f JOIN owners o ON o.id = f.owner_id JOIN questions q ON q.id = f.question_id
            WHERE f.id IN (SELECT s.forecast_id FROM forecast_sources s JOIN documents d ON d.id = s.document_id
                           WHERE d.sha256 IS NOT NULL)
            ORDER BY f.id
            """) { row in
            let deadline: String? = try row.checked(5)
            return (try row.checked(0), try row.checked(1), try row.checked(2), try row.checked(3), try row.checked(4),
                    deadline.flatMap { Day(iso: $0) })
        }
    }

    /// ``Ledger/eachQuestionBatch(batchSize:_:)`` inside this transaction.
    public func eachQuestionBatch(batchSize: Int64 = 2000, _ body: ([QuestionHistory]) throws -> Void) throws {
        try Ledger.eachQuestionBatch(db, batchSize: batchSize, body)
    }

    /// How many questions the ledger holds.
    public func questionCount() throws -> Int {
        try db.value("SELECT count(*) FROM questions") ?? 0
    }

    /// The outcome in force, if the question is resolved.
    public func currentResolution(questionID: Int64) throws -> (outcome: Outcome, resolvedOn: String)? {
        let row = try db.first("""
            SELECT outcome, resolved_on FROM resolutions WHERE question_id = ? ORDER BY id DESC LIMIT 1
            """, sqlArguments(questionID)) { row -> (String, String) in (try row.checked(0), try row.checked(1)) }
        guard let (outcome, resolvedOn) = row else { return nil }
        return Outcome(rawValue: outcome).map { ($0, resolvedOn) }
    }

    /// How many owners the ledger knows, to report how many an import added.
    public func ownerCount() throws -> Int {
        try db.value("SELECT count(*) FROM owners") ?? 0
    }

    // MARK: Internals

    /// The upsert clause naming the partial unique index on `external_ref`.
    private static let unlessRefExists = " ON CONFLICT (external_ref) WHERE external_ref IS NOT NULL DO NOTHING"

    private mutating func requireQuestion(_ id: Int64) throws {
        if id == lastQuestionSeen { return }
        guard try questionExists(id) else { throw LedgerError.unknownQuestion(id) }
        lastQuestionSeen = id
    }

    private mutating func existingOwnerID(_ name: String) throws -> Int64? {
        if let id = ownerIDs[name] { return id }
        let id: Int64? = try db.value("SELECT id FROM owners WHERE name = ?", sqlArguments(name))
        if let id { ownerIDs[name] = id }
        return id
    }

    private mutating func ownerID(_ name: String) throws -> Int64 {
        if let id = try existingOwnerID(name) { return id }
        guard let id = try db.insert("INSERT INTO owners (id, name) VALUES (\(db.dialect.newID("owners")), ?)", sqlArguments(name))
        else { throw LedgerError.database("the owner \(name) was not recorded") }
        ownerIDs[name] = id
        return id
    }

    private func documentID(path: String, sha256: String?) throws -> Int64 {
        let existing: Int64?
        if let sha256 {
            existing = try db.value("SELECT id FROM documents WHERE sha256 = ?", sqlArguments(sha256))
        } else {
            existing = try db.value("""
                SELECT id FROM documents WHERE path = ? AND sha256 IS NULL ORDER BY id LIMIT 1
                """, sqlArguments(path))
        }
        if let existing { return existing }
        guard let id = try db.insert("""
            INSERT INTO documents (id, path, sha256, recorded_at) VALUES (\(db.dialect.newID("documents")), ?, ?, ?)
            """, sqlArguments(path, sha256, recordedAt))
        else { throw LedgerError.database("the document \(path) was not recorded") }
        return id
    }

    /// Chains the event onto the journal.
    private mutating func append(_ kind: JournalKind, entityID: Int64, documentID: Int64? = nil, content: [UInt8]) throws {
        head = JournalContent.chain(previous: head, kind: kind, content: content)
        headSeq += 1
        try db.execute("INSERT INTO journal (seq, kind, entity_id, document_id, hash) VALUES (?, ?, ?, ?, ?)",
                       sqlArguments(headSeq, kind.rawValue, entityID, documentID, head))
    }

    static func nonEmpty(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { throw InputError.emptyText(field: field) }
        return trimmed
    }

    /// Tags are joined with `;` in CSV, so a tag cannot hold one.
    static func tag(_ text: String) throws -> String {
        let tag = try nonEmpty(text, field: "tag")
        if tag.contains(";") {
            throw InputError.invalidValue(field: "tag", value: tag, expected: "a tag without ';' (give several --tag options)")
        }
        return tag
    }

    static func check(probability: Double) throws {
        guard probability.isFinite, probability >= 0, probability <= 1 else {
            throw InputError.probabilityOutOfRange("\(probability)")
        }
    }
}
