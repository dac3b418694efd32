import Foundation

/// The result of recomputing the journal's hash chain from the ledger's rows.
public struct VerificationReport: Sendable, Equatable {
    public var entries: Int
    /// The hash of the last entry (hex), which a person can publish as an anchor.
    public var head: String?
    /// Everything that does not match, in journal order, then rows the journal never recorded,
    /// missing protections and a missing anchor; empty when the ledger is intact.
    public var problems: [String] = []
    /// The journal entry (1-based) whose hash the expected anchor is, when one was given and found.
    public var anchorEntry: Int?
    public var firstProblem: String? { problems.first }
    public var isIntact: Bool { problems.isEmpty }
}

/// The fewest hex digits `verify --expect` takes: 128 bits. Twelve digits (48 bits) let someone who
/// rewrites history search for a chain that passes through a published prefix.
public let minimumAnchorHexDigits = 32

extension Ledger {
    /// Recomputes every entry's hash from the rows it recorded and lists every entry that does
    /// not match, not only the first: after a mismatch the check goes on from the stored hash, so
    /// each changed event is named once. With an `anchor` (a head published earlier, whole or its
    /// first 32 or more hex digits) it also checks that the chain still has an entry with that hash.
    public func verify(anchor: String? = nil) throws -> VerificationReport {
        try snapshot { db in
            var report = VerificationReport(entries: 0, head: nil)
            var previous = JournalContent.genesis
            var expectedSeq: Int64 = 1
            let normalizedAnchor = anchor?.lowercased()
            var stopped = false
            try db.each("SELECT seq, kind, entity_id, document_id, hash FROM journal ORDER BY seq", []) { entry in
                if stopped { return }
                let seq: Int64, kindText: String, entityID: Int64, documentID: Int64?, stored: [UInt8]
                do {
                    (seq, kindText, entityID) = (try entry.checked("seq"), try entry.checked("kind"), try entry.checked("entity_id"))
                    documentID = try entry.checked("document_id")
                    stored = try entry.checked("hash")
                } catch LedgerError.unexpectedValue(let column) {
                    // Without a readable hash the chain cannot go on: everything after it is unproven.
                    report.problems.append("journal entry \(expectedSeq) was changed: its \(column) holds a value foretell never writes")
                    stopped = true
                    return
                }
                let subject = "\(kindText) \(entityID)"
                if seq != expectedSeq {
                    report.problems.append(seq > expectedSeq
                        ? "journal entry \(expectedSeq)\(seq - expectedSeq > 1 ? " to \(seq - 1)" : "") is missing: entries were deleted"
                        : "journal entry \(seq) is out of order")
                }
                expectedSeq = seq + 1
                let content: [UInt8]?
                do {
                    content = try JournalKind(rawValue: kindText).flatMap { kind in
                        try Self.content(of: kind, entityID: entityID, documentID: documentID, db: db)
                    }
                } catch LedgerError.unexpectedValue(let column) {
                    report.problems.append("journal entry \(seq) (\(subject)) does not match: its \(column) holds a value foretell never writes, so the \(kindText) was changed after it was recorded")
                    previous = stored
                    return
                }
                guard let kind = JournalKind(rawValue: kindText), let content else {
                    report.problems.append("journal entry \(seq) records \(subject), which is no longer in the ledger")
                    previous = stored
                    return
                }
                let computed = JournalContent.chain(previous: previous, kind: kind, content: content)
                if computed != stored {
                    report.problems.append("journal entry \(seq) (\(subject)) does not match: the \(kindText) was changed after it was recorded, or an earlier entry was removed")
                } else {
                    report.entries += 1
                }
                previous = stored
                if report.anchorEntry == nil, computed == stored, let normalizedAnchor,
                   normalizedAnchor.count >= minimumAnchorHexDigits, computed.hexString.hasPrefix(normalizedAnchor) {
                    report.anchorEntry = Int(seq)
                }
            }
            if stopped { return report }
            report.head = expectedSeq > 1 ? previous.hexString : nil
            for unrecorded in try Self.unrecordedRows(db) {
                report.problems.append("\(unrecorded) is in the ledger but not in the journal: it was added behind foretell's back")
            }
            for trigger in try Self.missingAppendOnlyTriggers(db) {
                report.problems.append("the append-only trigger \(trigger) is missing: the ledger's protection against edits was removed outside foretell")
            }
            if let anchor, report.anchorEntry == nil {
                report.problems.append("the anchor \(anchor) is not the hash of any journal entry: history before it was changed")
            }
            return report
        }
    }

    /// The `backfilled` column holds 0 or 1 (its CHECK says so); anything else was put there by hand.
    static func backfilledMark(_ value: Int64) throws -> Bool {
        guard value == 0 || value == 1 else { throw LedgerError.unexpectedValue(column: "backfilled") }
        return value == 1
    }

    /// The triggers that make forecasts, resolutions and the journal append-only, named as each
    /// backend's first migration names them (`0001_ledger.sql`, `postgres/0001_ledger.pg.sql`).
    /// Dropping one takes a database shell; without it history can be edited in place, so verify
    /// says so even when every hash still matches.
    static func appendOnlyTriggers(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            return ["forecasts_are_append_only_update", "forecasts_are_append_only_delete",
                    "resolutions_are_append_only_update", "resolutions_are_append_only_delete",
                    "journal_is_append_only_update", "journal_is_append_only_delete"]
        case .postgres:
            return ["forecasts_are_append_only", "forecasts_are_not_truncated",
                    "resolutions_are_append_only", "resolutions_are_not_truncated",
                    "journal_is_append_only", "journal_is_not_truncated"]
        }
    }

    static func missingAppendOnlyTriggers(_ db: any SQLSession) throws -> [String] {
        // On PostgreSQL a disabled trigger (ALTER TABLE ... DISABLE TRIGGER) protects nothing either.
        let sql = db.dialect == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'"
            : """
              SELECT t.tgname::text FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled <> 'D'
              """
        let present = Set(try db.all(sql) { row -> String in try row.checked(0) })
        return appendOnlyTriggers(db.dialect).filter { !present.contains($0) }
    }

    static func content(of kind: JournalKind, entityID: Int64, documentID: Int64?, db: any SQLSession) throws -> [UInt8]? {
        switch kind {
        case .question:
            let tags: [String] = try db.all("SELECT tag FROM question_tags WHERE question_id = ?", sqlArguments(entityID)) {
                try $0.checked(0)
            }
            return try db.first("""
                SELECT id, claim, deadline, earliest, opened_at_ms, external_ref, recorded_at FROM questions WHERE id = ?
                """, sqlArguments(entityID)) { row in JournalContent.question(id: try row.checked("id"), claim: try row.checked("claim"), deadline: try row.checked("deadline"),
                                           earliest: try row.checked("earliest"), openedAtMs: try row.checked("opened_at_ms"),
                                           externalRef: try row.checked("external_ref"), recordedAt: try row.checked("recorded_at"), tags: tags) }
        case .forecast:
            return try db.first("""
                SELECT f.id, f.question_id, o.name, f.probability, f.probability_low, f.probability_high, f.basis,
                       f.made_on, f.made_at_ms, f.note, f.external_ref, f.recorded_at, f.backfilled
                FROM forecasts f JOIN owners o ON o.id = f.owner_id WHERE f.id = ?
                """, sqlArguments(entityID)) { row in JournalContent.forecast(id: try row.checked(0), questionID: try row.checked(1), owner: try row.checked(2),
                                           probability: try row.checked(3), low: try row.checked(4), high: try row.checked(5),
                                           basis: try row.checked(6), madeOn: try row.checked(7), madeAtMs: try row.checked(8),
                                           note: try row.checked(9), externalRef: try row.checked(10), recordedAt: try row.checked(11),
                                           backfilled: try Self.backfilledMark(row.checked(12))) }
        case .resolution:
            return try db.first("""
                SELECT id, question_id, outcome, resolved_on, resolved_at_ms, note, recorded_at FROM resolutions WHERE id = ?
                """, sqlArguments(entityID)) { row in JournalContent.resolution(id: try row.checked(0), questionID: try row.checked(1), outcome: try row.checked(2),
                                             resolvedOn: try row.checked(3), resolvedAtMs: try row.checked(4),
                                             note: try row.checked(5), recordedAt: try row.checked(6)) }
        case .source:
            guard let documentID else { return nil }
            return try db.first("""
                SELECT s.forecast_id, d.path, d.sha256, s.quote, s.line
                FROM forecast_sources s JOIN documents d ON d.id = s.document_id
                WHERE s.forecast_id = ? AND s.document_id = ?
                """, sqlArguments(entityID, documentID)) { row in JournalContent.source(forecastID: try row.checked(0), documentPath: try row.checked(1), sha256: try row.checked(2),
                                         quote: try row.checked(3), line: try row.checked(4)) }
        }
    }

    /// Rows that no journal entry recorded, described for a person (at most `limit` of each kind).
    static func unrecordedRows(_ db: any SQLSession, limit: Int = 1000) throws -> [String] {
        let checks: [(String, String)] = [
            ("question", "SELECT id FROM questions WHERE id NOT IN (SELECT entity_id FROM journal WHERE kind = 'question') ORDER BY id LIMIT ?"),
            ("forecast", "SELECT id FROM forecasts WHERE id NOT IN (SELECT entity_id FROM journal WHERE kind = 'forecast') ORDER BY id LIMIT ?"),
            ("resolution", "SELECT id FROM resolutions WHERE id NOT IN (SELECT entity_id FROM journal WHERE kind = 'resolution') ORDER BY id LIMIT ?"),
            // Row values NOT IN a subquery: SQLite reads the journal's sources once into a
            // temporary index (the journal has none of its own) instead of once per source.
            ("source of forecast", """
                SELECT s.forecast_id FROM forecast_sources s
                WHERE (s.forecast_id, s.document_id) NOT IN
                      (SELECT entity_id, document_id FROM journal WHERE kind = 'source' AND document_id IS NOT NULL)
                ORDER BY s.forecast_id LIMIT ?
                """),
        ]
        var rows: [String] = []
        for (name, sql) in checks {
            rows += try db.all(sql, sqlArguments(limit)) { row -> String in "\(name) \(try row.checked(0) as Int64)" }
        }
        return rows
    }
}
