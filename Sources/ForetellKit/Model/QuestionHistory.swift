/// A question as the ledger holds it, with every forecast and every resolution event.
public struct QuestionHistory: Sendable, Equatable {
    public var id: Int64
    public var claim: String
    public var deadline: Day?
    public var earliest: Day?
    public var openedAtMilliseconds: Int64
    public var tags: [String]
    public var externalRef: String?
    public var recordedAt: String
    /// Oldest first.
    public var forecasts: [ForecastEntry]
    /// Oldest first; the last one is the outcome in force.
    public var resolutions: [ResolutionEvent]

    public var currentResolution: ResolutionEvent? { resolutions.last }

    /// Each owner's latest forecast, in the order owners first forecast.
    public var latestForecasts: [ForecastEntry] {
        var latest: [String: ForecastEntry] = [:]
        var order: [String] = []
        for forecast in forecasts {
            if latest[forecast.owner] == nil { order.append(forecast.owner) }
            if let current = latest[forecast.owner], current.madeAtMilliseconds > forecast.madeAtMilliseconds { continue }
            latest[forecast.owner] = forecast
        }
        return order.compactMap { latest[$0] }
    }

    public func isDue(asOf today: Day) -> Bool {
        guard currentResolution == nil, let deadline else { return false }
        return deadline < today
    }
}

public struct ForecastEntry: Sendable, Equatable {
    public var id: Int64
    public var owner: String
    public var probability: Double
    public var probabilityLow: Double?
    public var probabilityHigh: Double?
    public var basis: ProbabilityBasis
    /// As it was given: a day or a timestamp.
    public var madeOn: String
    public var madeAtMilliseconds: Int64
    public var note: String?
    public var externalRef: String?
    public var recordedAt: String
    public var sources: [SourceReference]
    /// Recorded after the question's outcome and dated before it (`forecast --backfill`).
    public var backfilled: Bool = false
}

public struct SourceReference: Sendable, Equatable {
    public var path: String
    public var quote: String
    public var line: Int?
    /// The document's content hash, nil when only its name is known; and its id, which orders a
    /// forecast's sources (a restored backup recreates documents in that order).
    public var sha256: String? = nil
    public var documentID: Int64? = nil
    /// Which extraction engine found the quote, and the language model if one did (nil for
    /// sources recorded before engines were recorded, or imported from CSV).
    public var engine: String? = nil
    public var model: String? = nil
}

public struct ResolutionEvent: Sendable, Equatable {
    public var id: Int64
    public var outcome: Outcome
    public var resolvedOn: String
    public var resolvedAtMilliseconds: Int64
    public var note: String?
    public var recordedAt: String
}
