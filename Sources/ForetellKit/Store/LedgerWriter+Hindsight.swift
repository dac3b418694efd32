/// What the ledger already knew about a question's outcome when a forecast on it is recorded.
///
/// A forecast counts in scores when it was made on or before the resolution. One recorded after
/// the outcome was recorded but dated before it would count, and could have been written knowing
/// the answer: hindsight. Commands refuse it unless it is recorded as backfilled.
public struct KnownOutcome: Sendable, Equatable {
    public var resolutionID: Int64
    public var outcome: Outcome
    /// As it was given: a day or a timestamp.
    public var resolvedOn: String
    public var resolvedAtMilliseconds: Int64
}

extension LedgerWriter {
    /// The first recorded resolution of the question that a forecast made at `madeAtMilliseconds`
    /// would precede, or nil when no outcome recorded so far is at or after that instant.
    /// `recordedUpTo` limits it to resolutions with ids up to that one: an importer passes the
    /// highest id from before it began, so that an outcome it brings along with the forecasts
    /// (history from one export) is not mistaken for one known beforehand.
    public mutating func outcomeKnown(questionID: Int64, before madeAtMilliseconds: Int64,
                                      recordedUpTo: Int64 = .max) throws -> KnownOutcome? {
        try db.first("""
            SELECT id, outcome, resolved_on, resolved_at_ms FROM resolutions
            WHERE question_id = ? AND resolved_at_ms >= ? AND id <= ? ORDER BY id LIMIT 1
            """, sqlArguments(questionID, madeAtMilliseconds, recordedUpTo), Self.knownOutcome)
    }

    /// The outcome in force, with the instant forecasts are compared against.
    public mutating func outcomeInForce(questionID: Int64) throws -> KnownOutcome? {
        try db.first("""
            SELECT id, outcome, resolved_on, resolved_at_ms FROM resolutions WHERE question_id = ? ORDER BY id DESC LIMIT 1
            """, sqlArguments(questionID), Self.knownOutcome)
    }

    /// How many forecasts on the question are dated after `resolvedAtMilliseconds`: they will not count.
    public mutating func forecastsMade(onQuestion questionID: Int64, after resolvedAtMilliseconds: Int64) throws -> Int {
        try db.value("""
            SELECT count(*) FROM forecasts WHERE question_id = ? AND made_at_ms > ?
            """, sqlArguments(questionID, resolvedAtMilliseconds)) ?? 0
    }

    /// The highest resolution id in the ledger (0 when there is none), rows of this transaction
    /// still waiting to be inserted aside.
    public mutating func lastResolutionID() throws -> Int64 {
        try db.value("SELECT coalesce(max(id), 0) FROM resolutions") ?? 0
    }

    private static func knownOutcome(_ row: any SQLRow) throws -> KnownOutcome {
        let outcomeText: String = try row.checked(1)
        guard let outcome = Outcome(rawValue: outcomeText) else { throw LedgerError.unexpectedValue(column: "outcome") }
        return KnownOutcome(resolutionID: try row.checked(0), outcome: outcome, resolvedOn: try row.checked(2),
                            resolvedAtMilliseconds: try row.checked(3))
    }
}

/// A forecast refused as hindsight (see ``KnownOutcome``). A runtime failure: the forecast is well
/// formed, the ledger's history forbids it.
public struct HindsightRefused: ReportableError, Equatable {
    public var questionID: Int64
    public var madeOn: String
    public var known: KnownOutcome

    public init(questionID: Int64, madeOn: String, known: KnownOutcome) {
        (self.questionID, self.madeOn, self.known) = (questionID, madeOn, known)
    }

    public var isUsageError: Bool { false }

    public var description: String {
        "question \(questionID) was resolved \(known.outcome.rawValue) on \(known.resolvedOn) before this forecast was recorded; one dated \(madeOn), before that, would count with hindsight: nothing was recorded (pass --backfill to keep it as backfilled, left out of scores)"
    }
}
