import Foundation
import GRDB
import GRDBSQLite

/// Records events inside one of ``Ledger/write(_:)``'s transactions, appending each to the journal.
///
/// It validates what it is given, so that no caller can store what the schema would reject with a
/// less helpful message, and it caches statements and owner ids so that large imports stay fast.
public struct LedgerWriter {
    private let database: Database
    /// In imports, the thread that runs the batched INSERTs (``InsertPipeline``).
    private let pipeline: InsertPipeline?
    /// The connection, once the pipeline has run everything it was given: every use of it on this
    /// thread goes through here, so the two threads never use it at once.
    var db: Database {
        pipeline?.waitUntilIdle()
        return database
    }
    /// When this transaction recorded its events, UTC.
    public let recordedAt: String
    private var head: [UInt8]
    /// The content of the event being recorded, built in one buffer reused for every event.
    private var contentScratch: [UInt8] = []
    private var ownerIDs: [String: Int64] = [:]
    private var lastQuestionSeen: Int64?
    /// The highest question id when this writer first looked one up, and the questions it recorded
    /// since: an id above that ceiling and not recorded here is known to be free without a query.
    /// An import into a new ledger asked SQLite about every question id in the file (0.3 s in 1M).
    private var questionIDCeiling: Int64?
    private var questionsRecorded: Set<Int64> = []
    /// In imports, questions recorded but not yet inserted, batched like forecasts, with the ids
    /// they were given: the file's when no question has it, else the highest id plus one, as SQLite
    /// would give it. Anything that reads questions inserts them first (``statement(_:)``).
    private var pendingQuestions: [PendingQuestion] = []
    private var highestQuestionRecorded: Int64 = 0
    /// Journal entries hashed but not yet inserted: they go in ``batchRows`` to a statement, and
    /// the rest when the transaction ends, since one INSERT of many rows costs SQLite much less
    /// than as many INSERTs of one. Nothing reads the journal inside a write transaction.
    private var pendingEntries: [(kind: JournalKind, entityID: Int64, documentID: Int64?)] = []
    /// Their hashes, 32 bytes each, end to end: bound in place, not copied into an array each.
    private var pendingHashes: [UInt8] = []
    /// In imports, forecasts recorded without an external reference but not yet inserted, batched
    /// like the journal: one INSERT of many rows cost SQLite about 1 µs a row less than one INSERT
    /// each. Their ids are given here, in the order SQLite would have given them (the highest id plus one), so
    /// that their journal entries can be hashed at once. Anything that reads forecasts or refers
    /// to one inserts them first (``flushForecasts()``).
    private var pendingForecasts: [PendingForecast] = []
    private var nextForecastID: Int64?
    /// Tags and resolutions, batched in imports in the same way; a resolution's id is given here as
    /// SQLite would give it (the highest plus one). A statement that reads resolutions, or lets
    /// SQLite choose an id for one, inserts them first (``statement(_:)``); nothing reads tags
    /// inside a write, so they wait for a full batch or the end of the transaction.
    private var pendingTags: [(questionID: Int64, tag: String)] = []
    private var pendingResolutions: [PendingResolution] = []
    private var nextResolutionID: Int64?
    /// How many rows one batched INSERT takes. A statement of many rows keeps a statement journal
    /// (in memory in imports): each page it changes that existed before it is copied there first,
    /// 16 KiB, however many rows it adds to that page. 512 rows a statement instead of 64 copied
    /// an eighth as much and made a 1M-row import 12% faster; beyond that made no difference. An
    /// SQLite built with a lower limit on parameters (999 before 3.32) gets fewer rows.
    let batchRows: Int
    static let preferredBatchRows = 512
    /// The most parameters a batched row has (a forecast's).
    static let batchColumns = 10

    private struct PendingQuestion {
        var id: Int64
        var claim: String
        var deadline, earliest: String?
        var openedAtMs: Int64
        var externalRef: String?
    }

    private struct PendingResolution {
        var id, questionID: Int64
        var outcome: Outcome
        var resolvedOn: String
        var resolvedAtMs: Int64
        var note: String?
    }

    private struct PendingForecast {
        var id, questionID, ownerID: Int64
        var probability: Double
        var low, high: Double?
        var basis: ProbabilityBasis
        var madeOn: String
        var madeAtMs: Int64
        var note: String?
    }
    /// The per-row statements, prepared once per transaction (looking them up in GRDB's cache hashes
    /// their SQL, and its fetch methods box every argument and value).
    private var prepared: [Prepared: DirectStatement] = [:]

    private enum PendingRows { case questions, forecasts, resolutions }

    private enum Prepared: Hashable {
        case question, questionUnlessRefExists, questionWithID, questionBatch, tag, forecast, forecastUnlessRefExists, resolution, journal, journalBatch
        case forecastWithID, forecastBatch, tagBatch, resolutionWithID, resolutionBatch
        case questionExists, questionIdentity, forecastOnQuestion, currentResolution, ownerByName

        /// The pending rows a statement must see inserted first: those of the table it reads, or
        /// in which SQLite gives the row it inserts an id.
        var waitsFor: PendingRows? {
            switch self {
            case .question, .questionUnlessRefExists, .questionExists, .questionIdentity: return .questions
            case .forecast, .forecastUnlessRefExists, .forecastOnQuestion: return .forecasts
            case .resolution, .currentResolution: return .resolutions
            default: return nil
            }
        }

        /// `recordedAt` is the writer's, the same for every row of its transaction: the batched
        /// INSERTs hold it as a literal rather than binding it again for each row. A batched
        /// statement inserts `batchRows` rows.
        func sql(recordedAt: String, batchRows: Int) -> String {
            let recordedAt = "'" + recordedAt.replacingOccurrences(of: "'", with: "''") + "'"
            func rows(_ row: String, _ batched: Bool) -> String {
                Array(repeating: row, count: batched ? batchRows : 1).joined(separator: ", ")
            }
            switch self {
            case .questionWithID, .questionBatch: return """
                INSERT INTO questions (id, claim, deadline, earliest, opened_at_ms, external_ref, recorded_at) VALUES
                """ + rows("(?, ?, ?, ?, ?, ?, \(recordedAt))", self == .questionBatch)
            case .journalBatch:
                return "INSERT INTO journal (kind, entity_id, document_id, hash) VALUES " + rows("(?, ?, ?, ?)", true)
            case .tagBatch:
                return "INSERT INTO question_tags (question_id, tag) VALUES " + rows("(?, ?)", true)
            case .resolutionWithID, .resolutionBatch: return """
                INSERT INTO resolutions (id, question_id, outcome, resolved_on, resolved_at_ms, note, recorded_at) VALUES
                """ + rows("(?, ?, ?, ?, ?, ?, \(recordedAt))", self == .resolutionBatch)
            case .forecastWithID, .forecastBatch:
                return """
                    INSERT INTO forecasts (id, question_id, owner_id, probability, probability_low, probability_high, basis,
                                           made_on, made_at_ms, note, recorded_at)
                    VALUES
                    """ + rows("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, \(recordedAt))", self == .forecastBatch)
            default: return sql
            }
        }

        var sql: String {
            switch self {
            case .question, .questionUnlessRefExists: return """
                INSERT INTO questions (id, claim, deadline, earliest, opened_at_ms, external_ref, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """ + (self == .questionUnlessRefExists ? Self.unlessRefExists : "")
            case .tag: return "INSERT INTO question_tags (question_id, tag) VALUES (?, ?)"
            case .forecast, .forecastUnlessRefExists: return """
                INSERT INTO forecasts (question_id, owner_id, probability, probability_low, probability_high, basis,
                                       made_on, made_at_ms, note, external_ref, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """ + (self == .forecastUnlessRefExists ? Self.unlessRefExists : "")
            case .resolution: return """
                INSERT INTO resolutions (question_id, outcome, resolved_on, resolved_at_ms, note, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
            case .forecastWithID, .forecastBatch, .tagBatch, .resolutionWithID, .resolutionBatch, .journalBatch, .questionWithID, .questionBatch:
                return sql(recordedAt: "", batchRows: 1)
            case .journal: return "INSERT INTO journal (kind, entity_id, document_id, hash) VALUES (?, ?, ?, ?)"
            case .questionExists: return "SELECT 1 FROM questions WHERE id = ?"
            case .questionIdentity: return "SELECT claim, deadline FROM questions WHERE id = ?"
            // By (question, owner): without statistics SQLite otherwise picks another index and scans
            // every forecast of that owner, thousands for a prolific one.
            case .forecastOnQuestion: return """
                SELECT min(id) FROM forecasts INDEXED BY forecasts_by_question
                WHERE question_id = ? AND owner_id = ? AND made_on = ? AND probability = ?
                """
            case .currentResolution:
                return "SELECT outcome, resolved_on FROM resolutions WHERE question_id = ? ORDER BY id DESC LIMIT 1"
            case .ownerByName: return "SELECT id FROM owners WHERE name = ?"
            }
        }

        /// The upsert clause naming the partial unique index on `external_ref`.
        static let unlessRefExists = " ON CONFLICT (external_ref) WHERE external_ref IS NOT NULL DO NOTHING"
    }

    /// The statement, prepared on first use, with the pending rows it must see inserted first.
    private mutating func statement(_ sql: Prepared) throws -> DirectStatement {
        switch sql.waitsFor {
        case .questions: try flushQuestions()
        case .forecasts: try flushForecasts()
        case .resolutions: try flushResolutions()
        case nil: break
        }
        return try prepare(sql)
    }

    /// The statement, prepared on first use, without inserting pending rows first.
    private mutating func prepare(_ sql: Prepared) throws -> DirectStatement {
        if let statement = prepared[sql] { return statement }
        let statement = DirectStatement(statement: try db.makeStatement(sql: sql.sql(recordedAt: recordedAt, batchRows: batchRows)))
        prepared[sql] = statement
        return statement
    }

    /// With foreign keys off (``Ledger/write(commit:bulk:_:)``), the last forecast and resolution ids
    /// from before this transaction: ``checkReferences()`` looks at the rows after them.
    private let uncheckedAfter: (forecast: Int64, resolution: Int64)?
    /// An import (``Ledger/write(commit:bulk:_:)``): forecasts are batched. A command that records
    /// one forecast would only pay for finding the next id.
    private var isBulk: Bool { uncheckedAfter != nil }

    init(db: Database, checksReferencesAtEnd: Bool = false) throws {
        self.database = db
        pipeline = checksReferencesAtEnd ? db.sqliteConnection.map { InsertPipeline(connection: $0) } : nil
        self.recordedAt = Moment.now().text
        self.head = try Data.fetchOne(db, sql: "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1")
            .map { Array($0) } ?? JournalContent.genesis
        let parameters = db.sqliteConnection.map { Int(sqlite3_limit($0, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) } ?? 999
        batchRows = max(1, min(Self.preferredBatchRows, parameters / Self.batchColumns))
        uncheckedAfter = checksReferencesAtEnd ? (
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM forecasts") ?? 0,
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM resolutions") ?? 0) : nil
    }

    /// Checks the references SQLite did not check row by row: the forecasts and resolutions this
    /// transaction added (their ids only grow), and every tag and source (small tables, and a tag or
    /// source may be added to an older row). A dangling one fails the transaction, as SQLite would.
    mutating func checkReferences() throws {
        guard let after = uncheckedAfter else { return }
        try flushRows()
        let dangling = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM forecasts WHERE id > ? AND (question_id NOT IN (SELECT id FROM questions)
                                                                   OR owner_id NOT IN (SELECT id FROM owners)))
                OR EXISTS (SELECT 1 FROM resolutions WHERE id > ? AND question_id NOT IN (SELECT id FROM questions))
            """, arguments: [after.forecast, after.resolution]) ?? false
        let others = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check(question_tags)")
            + Row.fetchAll(db, sql: "PRAGMA foreign_key_check(forecast_sources)")
        if dangling || !others.isEmpty {
            throw LedgerError.database("FOREIGN KEY constraint failed: a row refers to a question, owner, forecast or document that is not in the ledger")
        }
    }

    // MARK: Recording events

    public mutating func record(_ question: NewQuestion) throws -> Int64 {
        guard let id = try insert(question, unlessRefExists: false) else {
            throw LedgerError.database("the question was not recorded")
        }
        return id
    }

    /// Records a question unless the ledger already holds one with its `externalRef` (which it
    /// needs); returns its id either way, and whether it is new. A first import of a tracker's
    /// questions then costs no lookup.
    public mutating func recordIfNew(_ question: NewQuestion) throws -> (id: Int64, isNew: Bool) {
        guard let ref = question.externalRef else {
            throw InputError.emptyText(field: "external reference of an imported question")
        }
        if let id = try insert(question, unlessRefExists: true) { return (id, true) }
        guard let id = try questionID(externalRef: ref) else { throw LedgerError.database("question \(ref) vanished") }
        return (id, false)
    }

    private mutating func insert(_ question: NewQuestion, unlessRefExists: Bool) throws -> Int64? {
        let claim = try Self.nonEmpty(question.claim, field: "claim")
        let tags = try Array(Set(question.tags.map { try Self.tag($0) })).sorted()
        if let earliest = question.earliest, let deadline = question.deadline, earliest > deadline {
            throw InputError.invalidValue(field: "earliest date", value: earliest.description,
                                          expected: "a day on or before the deadline \(deadline)")
        }
        let deadline = question.deadline?.description, earliest = question.earliest?.description
        let id: Int64
        // One with a reference waits for nothing: a taken reference must fail at its own row.
        if isBulk && !unlessRefExists && question.externalRef == nil, let free = try freeQuestionID(question.id) {
            id = free
            pendingQuestions.append(PendingQuestion(id: id, claim: claim, deadline: deadline, earliest: earliest,
                                                    openedAtMs: question.openedAtMilliseconds, externalRef: question.externalRef))
            if pendingQuestions.count == batchRows { try flushQuestions() }
        } else {
            let recordedAt = recordedAt
            try statement(unlessRefExists ? .questionUnlessRefExists : .question).run(db) {
                $0.bind(1, question.id)
                $0.bind(2, claim)
                $0.bind(3, deadline)
                $0.bind(4, earliest)
                $0.bind(5, question.openedAtMilliseconds)
                $0.bind(6, question.externalRef)
                $0.bind(7, recordedAt)
            }
            if unlessRefExists && db.changesCount == 0 { return nil }
            id = db.lastInsertedRowID
        }
        lastQuestionSeen = id
        highestQuestionRecorded = max(highestQuestionRecorded, id)
        if questionIDCeiling != nil || isBulk { questionsRecorded.insert(id) }
        if isBulk {
            for tag in tags { pendingTags.append((id, tag)) }
            if pendingTags.count >= batchRows { try flushTags() }
        } else {
            try insertTags(tags, of: id)
        }
        try appendQuestion(id: id, claim: claim, deadline: deadline, earliest: earliest, question: question, tags: tags)
        return id
    }

    private mutating func insertTags(_ tags: [String], of id: Int64) throws {
        let insertTag = try statement(.tag)
        for tag in tags {
            try insertTag.run(db) {
                $0.bind(1, id)
                $0.bind(2, tag)
            }
        }
    }

    /// The journal entry of a question; `tags` are sorted.
    private mutating func appendQuestion(id: Int64, claim: String, deadline: String?, earliest: String?,
                                         question: NewQuestion, tags: [String]) throws {
        var builder = JournalContent.Builder(reusing: &contentScratch)
        JournalContent.question(into: &builder, id: id, claim: claim, deadline: deadline, earliest: earliest,
                                openedAtMs: question.openedAtMilliseconds, externalRef: question.externalRef,
                                recordedAt: recordedAt, tags: tags, sortedTags: true)
        builder.finish(into: &contentScratch)
        try append(.question, entityID: id)
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
        let recordedAt = recordedAt
        // A ledger whose highest id is Int64.max (edited by hand) gets SQLite's own choice instead.
        if isBulk && !unlessRefExists && forecast.externalRef == nil,
           let id = try nextForecastID ?? Self.successor(Int64.fetchOne(db, sql: "SELECT max(id) FROM forecasts") ?? 0) {
            nextForecastID = Self.successor(id)
            pendingForecasts.append(PendingForecast(
                id: id, questionID: forecast.questionID, ownerID: ownerID, probability: forecast.probability,
                low: forecast.probabilityLow, high: forecast.probabilityHigh, basis: forecast.basis,
                madeOn: forecast.madeOn.text, madeAtMs: forecast.madeOn.milliseconds, note: forecast.note))
            if pendingForecasts.count == batchRows { try flushForecasts() }
            try appendForecast(id: id, forecast, owner: owner, externalRef: nil)
            return id
        }
        try statement(unlessRefExists ? .forecastUnlessRefExists : .forecast).run(db) {
            $0.bind(1, forecast.questionID)
            $0.bind(2, ownerID)
            $0.bind(3, forecast.probability)
            $0.bind(4, forecast.probabilityLow)
            $0.bind(5, forecast.probabilityHigh)
            $0.bind(6, forecast.basis.rawValue)
            $0.bind(7, forecast.madeOn.text)
            $0.bind(8, forecast.madeOn.milliseconds)
            $0.bind(9, forecast.note)
            $0.bind(10, forecast.externalRef)
            $0.bind(11, recordedAt)
        }
        if unlessRefExists && db.changesCount == 0 { return nil }
        let id = db.lastInsertedRowID
        if nextForecastID != nil { nextForecastID = Self.successor(id) }
        try appendForecast(id: id, forecast, owner: owner, externalRef: forecast.externalRef)
        return id
    }

    private mutating func appendForecast(id: Int64, _ forecast: NewForecast, owner: String, externalRef: String?) throws {
        var builder = JournalContent.Builder(reusing: &contentScratch)
        JournalContent.forecast(
            into: &builder, id: id, questionID: forecast.questionID, owner: owner, probability: forecast.probability,
            low: forecast.probabilityLow, high: forecast.probabilityHigh, basis: forecast.basis.rawValue,
            madeOn: forecast.madeOn.text, madeAtMs: forecast.madeOn.milliseconds, note: forecast.note,
            externalRef: externalRef, recordedAt: recordedAt)
        builder.finish(into: &contentScratch)
        try append(.forecast, entityID: id)
    }

    public mutating func record(_ resolution: NewResolution) throws -> Int64 {
        try requireQuestion(resolution.questionID)
        let resolvedAt = resolution.resolvedOn.resolutionMilliseconds
        let recordedAt = recordedAt
        if isBulk, let id = try nextResolutionID ?? Self.successor(nextResolutionIDFromLedger()) {
            nextResolutionID = Self.successor(id)
            pendingResolutions.append(PendingResolution(
                id: id, questionID: resolution.questionID, outcome: resolution.outcome, resolvedOn: resolution.resolvedOn.text,
                resolvedAtMs: resolvedAt, note: resolution.note))
            if pendingResolutions.count == batchRows { try flushResolutions() }
            try appendResolution(id: id, resolution, resolvedAt: resolvedAt)
            return id
        }
        try statement(.resolution).run(db) {
            $0.bind(1, resolution.questionID)
            $0.bind(2, resolution.outcome.rawValue)
            $0.bind(3, resolution.resolvedOn.text)
            $0.bind(4, resolvedAt)
            $0.bind(5, resolution.note)
            $0.bind(6, recordedAt)
        }
        let id = db.lastInsertedRowID
        if nextResolutionID != nil { nextResolutionID = Self.successor(id) }
        try appendResolution(id: id, resolution, resolvedAt: resolvedAt)
        return id
    }

    /// The highest resolution id in the ledger, with pending rows inserted first.
    private mutating func nextResolutionIDFromLedger() throws -> Int64 {
        try flushResolutions()
        return try Int64.fetchOne(db, sql: "SELECT max(id) FROM resolutions") ?? 0
    }

    private mutating func appendResolution(id: Int64, _ resolution: NewResolution, resolvedAt: Int64) throws {
        var builder = JournalContent.Builder(reusing: &contentScratch)
        JournalContent.resolution(
            into: &builder, id: id, questionID: resolution.questionID, outcome: resolution.outcome.rawValue,
            resolvedOn: resolution.resolvedOn.text, resolvedAtMs: resolvedAt, note: resolution.note, recordedAt: recordedAt)
        builder.finish(into: &contentScratch)
        try append(.resolution, entityID: id)
    }

    /// Attaches a quote from a document to a forecast; returns false when that document is already
    /// one of the forecast's sources.
    @discardableResult
    public mutating func attach(_ source: NewSource, to forecastID: Int64) throws -> Bool {
        try flushForecasts()
        let path = try Self.nonEmpty(source.path, field: "source")
        let documentID = try documentID(path: path, sha256: source.sha256)
        let exists = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM forecast_sources WHERE forecast_id = ? AND document_id = ?
            """), arguments: [forecastID, documentID]) ?? false
        if exists { return false }
        let line = source.line.map { Int64($0) }
        try db.cachedStatement(sql: """
            INSERT INTO forecast_sources (forecast_id, document_id, quote, line, engine, model) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [forecastID, documentID, source.quote, line, source.engine, source.model])
        contentScratch = JournalContent.source(
            forecastID: forecastID, documentPath: path, sha256: source.sha256, quote: source.quote, line: line)
        try append(.source, entityID: forecastID, documentID: documentID)
        return true
    }

    // MARK: Looking up what is already recorded (for idempotent imports)

    public mutating func questionExists(_ id: Int64) throws -> Bool {
        if questionsRecorded.contains(id) { return true }
        return try statement(.questionExists).first(db, { $0.bind(1, id) }, { _ in true }) ?? false
    }

    public mutating func questionID(externalRef: String) throws -> Int64? {
        try flushQuestions()
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM questions WHERE external_ref = ?"),
                           arguments: [externalRef])
    }

    /// The newest forecast's id: an importer notes it first, so that a forecast with a higher id is
    /// known to come from the file being imported.
    public func lastForecastID() throws -> Int64 {
        if let pending = pendingForecasts.last { return pending.id }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM forecasts")) ?? 0
    }

    public mutating func forecastID(externalRef: String) throws -> Int64? {
        try flushForecasts()
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM forecasts WHERE external_ref = ?"),
                           arguments: [externalRef])
    }

    /// The claim and deadline of a question, to tell whether an imported row means the same one.
    public mutating func questionIdentity(_ id: Int64) throws -> (claim: String, deadline: Day?)? {
        if id > (try questionCeiling()) && !questionsRecorded.contains(id) { return nil }
        return try statement(.questionIdentity).first(db, { $0.bind(1, id) }) { row in
            (row.text(0), row.isNull(1) ? nil : Day(iso: row.text(1)))
        }
    }

    /// The id of a question with this claim and deadline, the oldest if several.
    public mutating func questionID(claim: String, deadline: Day?) throws -> Int64? {
        try flushQuestions()
        return try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM questions WHERE claim = ? AND deadline IS ? ORDER BY id LIMIT 1
            """), arguments: [claim.trimmingWhitespace(), deadline?.description])
    }

    /// The id of a forecast with exactly this owner, time and probability on the question.
    public mutating func forecastID(questionID: Int64, owner: String, madeOn: String, probability: Double) throws -> Int64? {
        guard let ownerID = try existingOwnerID(owner.trimmingWhitespace()) else { return nil }
        return try statement(.forecastOnQuestion).first(db, {
            $0.bind(1, questionID)
            $0.bind(2, ownerID)
            $0.bind(3, madeOn)
            $0.bind(4, probability)
        }) { row in row.isNull(0) ? nil : row.int64(0) } ?? nil
    }

    /// Whether the forecast has a source of this path.
    public func hasSource(forecastID: Int64, path: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM forecast_sources s JOIN documents d ON d.id = s.document_id
            WHERE s.forecast_id = ? AND d.path = ?
            """), arguments: [forecastID, path.trimmingWhitespace()]) ?? false
    }

    /// Whether a document with this content hash has been imported.
    public func documentExists(sha256: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM documents WHERE sha256 = ?"), arguments: [sha256]) ?? false
    }

    /// Every forecast read from a document, with its owner, question claim and deadline, so that an
    /// import can recognise the same forecast or question in another document.
    /// Found from the sources, so that it costs the ledger's documents, not its forecasts.
    public mutating func documentForecasts() throws -> [(forecastID: Int64, questionID: Int64, owner: String, claim: String, deadline: Day?)] {
        try flushQuestions()
        try flushForecasts()
        return try Row.fetchAll(db, sql: """
            SELECT f.id, f.question_id, o.name, q.claim, q.deadline
            FROM forecasts f JOIN owners o ON o.id = f.owner_id JOIN questions q ON q.id = f.question_id
            WHERE f.id IN (SELECT s.forecast_id FROM forecast_sources s JOIN documents d ON d.id = s.document_id
                           WHERE d.sha256 IS NOT NULL)
            ORDER BY f.id
            """).map { row in
            let deadline: String? = try row.checked(4)
            return (try row.checked(0), try row.checked(1), try row.checked(2), try row.checked(3), deadline.flatMap { Day(iso: $0) })
        }
    }

    /// The outcome in force, if the question is resolved.
    public mutating func currentResolution(questionID: Int64) throws -> (outcome: Outcome, resolvedOn: String)? {
        try statement(.currentResolution).first(db, { $0.bind(1, questionID) }) { row in
            Outcome(rawValue: row.text(0)).map { ($0, row.text(1)) }
        } ?? nil
    }

    // MARK: Internals

    /// The highest question id when first asked; later questions are in ``questionsRecorded``.
    private mutating func questionCeiling() throws -> Int64 {
        if let ceiling = questionIDCeiling { return ceiling }
        try flushQuestions()
        let ceiling = try Int64.fetchOne(db, sql: "SELECT max(id) FROM questions") ?? 0
        questionIDCeiling = ceiling
        return ceiling
    }

    /// The id a new question can be given without asking SQLite: `given` when no question has it,
    /// else for none the highest plus one, as SQLite would give it. Nil when that is not known:
    /// a given id that may be taken (SQLite then says so at once), or a ledger whose highest id is
    /// Int64.max (edited by hand), for which SQLite picks one itself.
    private mutating func freeQuestionID(_ given: Int64?) throws -> Int64? {
        let ceiling = try questionCeiling()
        if let given { return given > ceiling && !questionsRecorded.contains(given) ? given : nil }
        return Self.successor(max(ceiling, highestQuestionRecorded))
    }

    /// Imports record many forecasts on one question in a row: the question is looked up once.
    private mutating func requireQuestion(_ id: Int64) throws {
        if id == lastQuestionSeen { return }
        guard try questionExists(id) else { throw LedgerError.unknownQuestion(id) }
        lastQuestionSeen = id
    }

    private mutating func existingOwnerID(_ name: String) throws -> Int64? {
        if let id = ownerIDs[name] { return id }
        let id = try statement(.ownerByName).first(db, { $0.bind(1, name) }) { $0.int64(0) }
        if let id { ownerIDs[name] = id }
        return id
    }

    private mutating func ownerID(_ name: String) throws -> Int64 {
        if let id = try existingOwnerID(name) { return id }
        try db.cachedStatement(sql: "INSERT INTO owners (name) VALUES (?)").execute(arguments: [name])
        ownerIDs[name] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    private func documentID(path: String, sha256: String?) throws -> Int64 {
        let existing: Int64?
        if let sha256 {
            existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM documents WHERE sha256 = ?"),
                                          arguments: [sha256])
        } else {
            existing = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM documents WHERE path = ? AND sha256 IS NULL ORDER BY id LIMIT 1
                """), arguments: [path])
        }
        if let existing { return existing }
        try db.cachedStatement(sql: "INSERT INTO documents (path, sha256, recorded_at) VALUES (?, ?, ?)")
            .execute(arguments: [path, sha256, recordedAt])
        return db.lastInsertedRowID
    }

    /// Chains the event whose content is in `contentScratch` onto the journal.
    private mutating func append(_ kind: JournalKind, entityID: Int64, documentID: Int64? = nil) throws {
        JournalContent.advance(&head, kind: kind, content: contentScratch)
        pendingEntries.append((kind, entityID, documentID))
        pendingHashes.append(contentsOf: head)
        if pendingEntries.count == batchRows { try flushJournal() }
    }

    /// Inserts the rows and journal entries still pending; ``Ledger/write(commit:bulk:_:)``
    /// calls it before committing.
    mutating func flushPending() throws {
        try flushRows()
        try flushJournal()
        try pipeline?.finish()
    }

    /// The failure to report when recording stopped with `error`: the pipeline's, if it failed,
    /// since what it ran was recorded before. Waits for the pipeline, which must be done with the
    /// connection before the transaction ends.
    func failure(before error: Error) -> Error {
        pipeline?.waitUntilIdle() ?? error
    }

    /// Waits for the pipeline to be done with the connection.
    func waitForPipeline() {
        pipeline?.waitUntilIdle()
    }

    /// Inserts the questions, tags, forecasts and resolutions recorded but not yet inserted.
    private mutating func flushRows() throws {
        try flushQuestions()
        try flushTags()
        try flushForecasts()
        try flushResolutions()
    }

    private static func successor(_ id: Int64) -> Int64? {
        let (next, overflow) = id.addingReportingOverflow(1)
        return overflow ? nil : next
    }

    /// Inserts the questions recorded but not yet inserted, with the ids they were given.
    private mutating func flushQuestions() throws {
        guard !pendingQuestions.isEmpty else { return }
        let rows = pendingQuestions
        pendingQuestions.removeAll(keepingCapacity: true)
        try insert(rows.count, batch: .questionBatch, single: .questionWithID, columns: 6) { binder, index, offset, _ in
            let row = rows[index]
            binder.bind(offset + 1, row.id)
            binder.bind(offset + 2, row.claim)
            binder.bind(offset + 3, row.deadline)
            binder.bind(offset + 4, row.earliest)
            binder.bind(offset + 5, row.openedAtMs)
            binder.bind(offset + 6, row.externalRef)
        }
    }

    /// Inserts the forecasts recorded but not yet inserted, with the ids they were given.
    private mutating func flushForecasts() throws {
        guard !pendingForecasts.isEmpty else { return }
        let rows = pendingForecasts
        pendingForecasts.removeAll(keepingCapacity: true)
        // Their times, end to end in one buffer that SQLite reads in place while the statement
        // runs: bound as strings, SQLite would allocate and copy each.
        var times: [UInt8] = []
        times.reserveCapacity(rows.count * 24)
        var timeEnds: [Int] = []
        timeEnds.reserveCapacity(rows.count)
        for row in rows {
            times.append(contentsOf: row.madeOn.utf8)
            timeEnds.append(times.count)
        }
        let ends = timeEnds
        try insert(rows.count, batch: .forecastBatch, single: .forecastWithID, columns: 10, bytes: times) { binder, index, offset, times in
            let row = rows[index]
            binder.bind(offset + 1, row.id)
            binder.bind(offset + 2, row.questionID)
            binder.bind(offset + 3, row.ownerID)
            binder.bind(offset + 4, row.probability)
            binder.bind(offset + 5, row.low)
            binder.bind(offset + 6, row.high)
            binder.bind(offset + 7, static: row.basis.staticName)
            binder.bind(offset + 8, unsafeText: UnsafeRawBufferPointer(rebasing: times[(index == 0 ? 0 : ends[index - 1])..<ends[index]]))
            binder.bind(offset + 9, row.madeAtMs)
            binder.bind(offset + 10, row.note)
        }
    }

    /// Inserts `count` pending rows: with the `batch` statement when they fill one, else one
    /// statement per row; on the pipeline's thread in imports. `bind` binds row `index`'s columns
    /// after parameter `offset`; it may bind from `bytes`, which live until the statement has run.
    private mutating func insert(
        _ count: Int, batch: Prepared?, single: Prepared, columns: Int, bytes: [UInt8] = [],
        _ bind: @escaping @Sendable (inout DirectStatement.Binder, _ index: Int, _ offset: Int32, _ bytes: UnsafeRawBufferPointer) -> Void
    ) throws {
        let work: @Sendable (OpaquePointer?) throws -> Void
        if let batch, count == batchRows {
            let statement = try prepare(batch).handle
            work = { connection in
                try bytes.withUnsafeBytes { bytes in
                    try statement.run(connection: connection) { binder in
                        for index in 0..<count { bind(&binder, index, Int32(index * columns), bytes) }
                    }
                }
            }
        } else {
            let statement = try prepare(single).handle
            work = { connection in
                try bytes.withUnsafeBytes { bytes in
                    for index in 0..<count { try statement.run(connection: connection) { bind(&$0, index, 0, bytes) } }
                }
            }
        }
        if let pipeline {
            pipeline.run { try work($0.handle) }
        } else {
            try work(database.sqliteConnection)
        }
    }

    /// Inserts the journal entries still pending.
    mutating func flushJournal() throws {
        guard !pendingEntries.isEmpty else { return }
        let entries = pendingEntries, hashes = pendingHashes
        pendingEntries.removeAll(keepingCapacity: true)
        pendingHashes.removeAll(keepingCapacity: true)
        let hashSize = hashes.count / entries.count
        try insert(entries.count, batch: .journalBatch, single: .journal, columns: 4, bytes: hashes) { binder, index, offset, hashes in
            let entry = entries[index]
            binder.bind(offset + 1, static: entry.kind.staticName)
            binder.bind(offset + 2, entry.entityID)
            binder.bind(offset + 3, entry.documentID)
            binder.bind(offset + 4, unsafeBlob: UnsafeRawBufferPointer(rebasing: hashes[index * hashSize ..< (index + 1) * hashSize]))
        }
    }

    /// Inserts the tags recorded but not yet inserted, a full batch at a time, then the rest.
    private mutating func flushTags() throws {
        var start = 0
        while start < pendingTags.count {
            let tags = Array(pendingTags[start..<min(start + batchRows, pendingTags.count)])
            start += tags.count
            try insert(tags.count, batch: .tagBatch, single: .tag, columns: 2) { binder, index, offset, _ in
                binder.bind(offset + 1, tags[index].questionID)
                binder.bind(offset + 2, tags[index].tag)
            }
        }
        pendingTags.removeAll(keepingCapacity: true)
    }

    /// Inserts the resolutions recorded but not yet inserted, with the ids they were given.
    private mutating func flushResolutions() throws {
        guard !pendingResolutions.isEmpty else { return }
        let rows = pendingResolutions
        pendingResolutions.removeAll(keepingCapacity: true)
        try insert(rows.count, batch: .resolutionBatch, single: .resolutionWithID, columns: 6) { binder, index, offset, _ in
            let row = rows[index]
            binder.bind(offset + 1, row.id)
            binder.bind(offset + 2, row.questionID)
            binder.bind(offset + 3, static: row.outcome.staticName)
            binder.bind(offset + 4, row.resolvedOn)
            binder.bind(offset + 5, row.resolvedAtMs)
            binder.bind(offset + 6, row.note)
        }
    }

    static func nonEmpty(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { throw InputError.emptyText(field: field) }
        return trimmed
    }

    /// Tags are joined with `;` in CSV, so a tag cannot hold one.
    static func tag(_ text: String) throws -> String {
        let tag = try nonEmpty(text, field: "tag")
        // Foundation's search costs more than the rest of recording a question: look for the byte
        // first, and ask it only when the byte is there.
        if tag.utf8.contains(UInt8(ascii: ";")) && tag.contains(";") {
            throw InputError.invalidValue(field: "tag", value: tag, expected: "a tag without ';' (give several --tag options)")
        }
        return tag
    }

    /// How many owners the ledger knows, to report how many an import added.
    public func ownerCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM owners") ?? 0
    }

    static func check(probability: Double) throws {
        guard probability.isFinite, probability >= 0, probability <= 1 else {
            throw InputError.probabilityOutOfRange("\(probability)")
        }
    }
}

extension JournalKind {
    /// The kind as the journal's `kind` column holds it, bound without a copy.
    var staticName: StaticString {
        switch self {
        case .question: return "question"
        case .forecast: return "forecast"
        case .resolution: return "resolution"
        case .source: return "source"
        }
    }
}

extension Outcome {
    /// The outcome as the `outcome` column holds it (its raw value), bound without a copy.
    var staticName: StaticString {
        switch self {
        case .yes: return "yes"
        case .no: return "no"
        case .ambiguous: return "ambiguous"
        case .annulled: return "annulled"
        }
    }
}

extension ProbabilityBasis {
    /// The basis as the `basis` column holds it (its raw value), bound without a copy.
    var staticName: StaticString {
        switch self {
        case .numeric: return "numeric"
        case .verbal: return "verbal"
        }
    }
}
