import Foundation

/// The result of recomputing the journal's hash chain from the ledger's rows.
public struct VerificationReport: Sendable, Equatable {
    public var entries: Int
    /// The hash of the last entry (hex), which a person can publish as an anchor.
    public var head: String?
    /// The first thing that does not match, or nil when the ledger is intact.
    public var firstProblem: String?
    public var isIntact: Bool { firstProblem == nil }
}

extension Ledger {
    /// Recomputes every entry's hash from the rows it recorded. With an `anchor` (a head published
    /// earlier, or its first 12 or more hex digits) it also checks that the chain still passes through it.
    public func verify(anchor: String? = nil) throws -> VerificationReport {
        try snapshot { db in
            var report = VerificationReport(entries: 0, head: nil, firstProblem: nil)
            var previous = JournalContent.genesis
            var expectedSeq: Int64 = 1
            var anchorFound = anchor == nil
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
                    report.firstProblem = "journal entry \(expectedSeq) was changed: its \(column) holds a value foretell never writes"
                    stopped = true
                    return
                }
                let subject = "\(kindText) \(entityID)"
                if seq != expectedSeq {
                    report.firstProblem = "journal entry \(expectedSeq) is missing: entries were deleted"
                    stopped = true
                    return
                }
                let content: [UInt8]?
                do {
                    content = try JournalKind(rawValue: kindText).flatMap { kind in
                        try Self.content(of: kind, entityID: entityID, documentID: documentID, db: db)
                    }
                } catch LedgerError.unexpectedValue(let column) {
                    report.firstProblem = "journal entry \(seq) (\(subject)) does not match: its \(column) holds a value foretell never writes, so the \(kindText) was changed after it was recorded"
                    stopped = true
                    return
                }
                guard let kind = JournalKind(rawValue: kindText), let content else {
                    report.firstProblem = "journal entry \(seq) records \(subject), which is no longer in the ledger"
                    stopped = true
                    return
                }
                let computed = JournalContent.chain(previous: previous, kind: kind, content: content)
                if computed != stored {
                    report.firstProblem = "journal entry \(seq) (\(subject)) does not match: the \(kindText) was changed after it was recorded, or an earlier entry was removed"
                    stopped = true
                    return
                }
                previous = computed
                report.entries += 1
                expectedSeq += 1
                if let normalizedAnchor, normalizedAnchor.count >= 12, computed.hexString.hasPrefix(normalizedAnchor) {
                    anchorFound = true
                }
            }
            if stopped { return report }
            report.head = report.entries > 0 ? previous.hexString : nil
            if let unrecorded = try Self.firstUnrecordedRow(db) {
                report.firstProblem = "\(unrecorded) is in the ledger but not in the journal: it was added behind foretell's back"
            } else if !anchorFound, let anchor {
                report.firstProblem = "the anchor \(anchor) is not in the journal: history before it was changed"
            }
            return report
        }
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
                       f.made_on, f.made_at_ms, f.note, f.external_ref, f.recorded_at
                FROM forecasts f JOIN owners o ON o.id = f.owner_id WHERE f.id = ?
                """, sqlArguments(entityID)) { row in JournalContent.forecast(id: try row.checked(0), questionID: try row.checked(1), owner: try row.checked(2),
                                           probability: try row.checked(3), low: try row.checked(4), high: try row.checked(5),
                                           basis: try row.checked(6), madeOn: try row.checked(7), madeAtMs: try row.checked(8),
                                           note: try row.checked(9), externalRef: try row.checked(10), recordedAt: try row.checked(11)) }
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

    /// A row that no journal entry recorded, described for a person, or nil.
    static func firstUnrecordedRow(_ db: any SQLSession) throws -> String? {
        let checks: [(String, String)] = [
            ("question", "SELECT id FROM questions WHERE id NOT IN (SELECT entity_id FROM journal WHERE kind = 'question') ORDER BY id LIMIT 1"),
            ("forecast", "SELECT id FROM forecasts WHERE id NOT IN (SELECT entity_id FROM journal WHERE kind = 'forecast') ORDER BY id LIMIT 1"),
            ("resolution", "SELECT id FROM resolutions WHERE id NOT IN (SELECT entity_id FROM journal WHERE kind = 'resolution') ORDER BY id LIMIT 1"),
            // Row values NOT IN a subquery: SQLite reads the journal's sources once into a
            // temporary index (the journal has none of its own) instead of once per source.
            ("source of forecast", """
                SELECT s.forecast_id FROM forecast_sources s
                WHERE (s.forecast_id, s.document_id) NOT IN
                      (SELECT entity_id, document_id FROM journal WHERE kind = 'source' AND document_id IS NOT NULL)
                LIMIT 1
                """),
        ]
        for (name, sql) in checks {
            if let id: Int64 = try db.value(sql) { return "\(name) \(id)" }
        }
        return nil
    }
}
