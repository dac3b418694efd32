/// One forecast as foretell's own CSV lists it: with its question, owner, outcome in force, tags and
/// one of its sources (a forecast with several sources is one row each).
public struct ForecastExportRow: Sendable, Equatable {
    public var questionID: Int64
    public var claim: String
    public var owner: String
    public var probability: Double
    public var madeOn: String
    public var deadline: String?
    public var outcome: String?
    public var resolvedOn: String?
    /// The question's tags, sorted and joined with `;`.
    public var tags: String?
    public var source: String?
    public var quote: String?
    /// Recorded with hindsight (`forecast --backfill`, or an import dated before a known outcome).
    public var backfilled: Bool
}

extension Ledger {
    /// Hands `body` every forecast in question and time order, one snapshot, streamed: a large
    /// ledger is never held in memory at once. `start` is told first, from the same snapshot,
    /// whether any forecast is backfilled.
    public func eachForecastExportRow(start: (_ anyBackfilled: Bool) throws -> Void,
                                      _ body: (ForecastExportRow) throws -> Void) throws {
        try snapshot { db in
            try start(try db.exists("SELECT 1 FROM forecasts WHERE backfilled = 1"))
            try db.each("""
                SELECT q.id, q.claim, o.name, f.probability, f.made_on, q.deadline, r.outcome, r.resolved_on,
                       (SELECT \(db.dialect.joined("tag")) FROM (SELECT tag FROM question_tags t
                                                            WHERE t.question_id = q.id ORDER BY tag) ordered_tags),
                       d.path, s.quote, f.backfilled
                FROM forecasts f
                JOIN questions q ON q.id = f.question_id
                JOIN owners o ON o.id = f.owner_id
                LEFT JOIN current_resolutions r ON r.question_id = q.id
                LEFT JOIN forecast_sources s ON s.forecast_id = f.id
                LEFT JOIN documents d ON d.id = s.document_id
                ORDER BY q.id, f.made_at_ms, f.id, s.document_id
                """, []) { row in
                try body(ForecastExportRow(
                    questionID: try row.checked(0), claim: try row.checked(1), owner: try row.checked(2),
                    probability: try row.checked(3), madeOn: try row.checked(4), deadline: try row.checked(5),
                    outcome: try row.checked(6), resolvedOn: try row.checked(7), tags: try row.checked(8),
                    source: try row.checked(9), quote: try row.checked(10), backfilled: (try row.checked(11) as Int64) != 0))
            }
        }
    }
}
