/// Which forecasts count, stated in every output. Forecasts made after the resolution never count.
public enum SelectionRule: String, Sendable, CaseIterable {
    /// Each owner's latest forecast made on or before the resolution, once per question.
    case latest
    /// Every forecast made on or before the resolution (PredictionBook's convention).
    case everyForecast = "every_forecast"
    /// Every forecast, weighted by the share of the question's whole life it stood (Metaculus's
    /// coverage rule, in continuous time): the time before an owner's first forecast counts as a
    /// 50% forecast, so joining late gains nothing.
    case timeWeighted = "time_weighted"

    public var summary: String {
        switch self {
        case .latest:
            return "each owner's latest forecast made on or before resolution, once per question"
        case .everyForecast:
            return "every forecast made on or before resolution"
        case .timeWeighted:
            return "every forecast made on or before resolution, weighted by the share of the question's whole life (from its opening to its resolution) it stood; time before an owner's first forecast counts as a 50% forecast; each owner's question weighs 1"
        }
    }
}

/// What to score and how.
public struct ScoreOptions: Sendable, Equatable {
    public var rule: SelectionRule
    /// Only these owners' forecasts are scored (all when empty). Relative scores still compare them
    /// with every other owner on the same questions.
    public var owners: [String]
    /// Only questions with at least one of these tags (all when empty).
    public var tags: [String]
    /// Only questions resolved on or after / on or before these days (UTC, or local with
    /// `daysInLocalTime`).
    public var since: Day?
    public var until: Day?
    /// Include the folded table in the outputs.
    public var folded: Bool
    /// The day deadlines are compared with, for overdue questions and the next deadlines.
    public var today: Day
    public var nextDeadlineCount: Int
    /// Owners are ranked by relative Brier only with at least this many shared questions; the
    /// others are listed unranked.
    public var rankingMinimumQuestions: Int
    /// Group the folded table into steps of this many percentage points (50-55%, 55-60%, ...);
    /// nil keeps one row per stated confidence.
    public var foldedStep: Int?
    /// Score backfilled forecasts (recorded with hindsight) too; by default they are left out.
    public var includeBackfilled: Bool
    /// Read the days of resolutions (for `since`, `until` and the months of the timeline) on the
    /// local calendar, as the command line does, rather than in UTC.
    public var daysInLocalTime = false

    public init(
        rule: SelectionRule = .latest, owners: [String] = [], tags: [String] = [], since: Day? = nil,
        until: Day? = nil, folded: Bool = false, today: Day = .today(), nextDeadlineCount: Int = 5,
        rankingMinimumQuestions: Int = 10, foldedStep: Int? = nil, includeBackfilled: Bool = false
    ) {
        self.rule = rule
        self.owners = owners
        self.tags = tags
        self.since = since
        self.until = until
        self.folded = folded
        self.today = today
        self.nextDeadlineCount = nextDeadlineCount
        self.rankingMinimumQuestions = rankingMinimumQuestions
        self.foldedStep = foldedStep
        self.includeBackfilled = includeBackfilled
    }
}

/// The scoreboard: a value computed from a `ScoringInput` and `ScoreOptions`. Renderers only format it.
public struct Scoreboard: Sendable, Equatable {
    public var options: ScoreOptions
    public var overall: GroupScore
    /// Ranked owners first (lowest relative Brier, then lowest Brier, then more forecasts, then
    /// name), then the unranked ones (too few shared questions) by Brier.
    public var owners: [GroupScore]
    public var tags: [GroupScore]
    public var sources: [GroupScore]
    /// Brier by the month questions resolved in, over the scored forecasts.
    public var timeline: [TimelinePoint]
    public var open: OpenWork
    public var excluded: Exclusions
}

public enum GroupKind: String, Sendable {
    case overall, owner, tag, source
}

/// The scores of one group of forecasts (everyone, one owner, one tag, one document).
///
/// Under the time-weighted rule each forecast carries a weight and every owner's question weighs 1
/// in total; `weight` is then the number of owner-questions and the means are weighted. Under the
/// other rules every forecast weighs 1 and `weight == n`.
public struct GroupScore: Sendable, Equatable {
    public var kind: GroupKind
    /// The owner, tag or document; nil for the overall group.
    public var name: String?
    /// 1-based place in the owner ranking; nil for owners with too few shared questions.
    public var rank: Int?
    /// Forecasts scored (with a non-zero weight).
    public var n: Int
    public var weight: Double
    public var questions: Int
    public var brier: Double?
    public var logLoss: Double?
    /// Metaculus's baseline score: a spot score of the counted forecasts under the counting
    /// rules, averaged over the question's life (uncovered time scoring 0) under the time-weighted one.
    public var baseline: Double?
    public var reliability: Double?
    public var resolution: Double?
    public var uncertainty: Double?
    public var calibration: [CalibrationBin]
    public var folded: [FoldedRow]
    /// Owners only: mean over shared questions (two or more forecasters) of own Brier minus the
    /// median Brier of all forecasters including the owner (Fatebook's and GJ Open's rule, 0-1 scale).
    public var relativeBrier: Double?
    public var sharedQuestions: Int
    /// Owners only: mean over shared questions of Metaculus's peer score,
    /// 100 (ln p_i - mean over the other forecasters j of ln p_j).
    public var peerScore: Double? = nil
}

public struct CalibrationBin: Sendable, Equatable {
    public var lo: Double
    public var hi: Double
    public var n: Int
    public var weight: Double
    public var meanProbability: Double?
    /// Share (weighted) of the bin's forecasts whose event happened.
    public var observed: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
}

/// One line of the folded table: forecasts stated at this confidence (after restating those under
/// 50% as the opposite), and how many came out right. `right` and `wrong` are counts of forecasts
/// under every rule; the time-weighted shares are `rightWeight` and `wrongWeight`.
public struct FoldedRow: Sendable, Equatable {
    /// The stated confidence, or the lower edge of the step with `--folded-step`.
    public var confidence: Double
    /// With `--folded-step`: the upper edge of the step (the last step includes it).
    public var confidenceHigh: Double? = nil
    /// The mean stated confidence of the row's forecasts.
    public var meanConfidence: Double = 0
    public var n: Int
    public var right: Double
    public var wrong: Double
    public var rightWeight: Double = 0
    public var wrongWeight: Double = 0
    /// Wilson's interval of the hit rate right / n.
    public var ciLow: Double?
    public var ciHigh: Double?
}

public struct TimelinePoint: Sendable, Equatable {
    /// `YYYY-MM` of resolution.
    public var month: String
    public var n: Int
    public var weight: Double
    public var brier: Double
}

public struct OpenWork: Sendable, Equatable {
    public struct Deadline: Sendable, Equatable {
        public var questionId: Int64
        public var claim: String
        public var deadline: Day
        public var daysLeft: Int
    }

    /// Questions without an outcome yet, and the forecasts on them.
    public var questions: Int
    public var forecasts: Int
    /// Open questions whose deadline has passed: they want `foretell resolve`.
    public var overdue: Int
    public var withoutDeadline: Int
    public var nextDeadlines: [Deadline]
}

/// What was left out of the scores, so the counts add up.
public struct Exclusions: Sendable, Equatable {
    /// Forecasts on scored questions made after the resolution.
    public var madeAfterResolution: Int
    /// Forecasts the rule passed over (earlier forecasts under the latest rule, zero weight under
    /// the time-weighted rule).
    public var superseded: Int
    /// Questions resolved ambiguous or annulled, and the forecasts on them.
    public var voidQuestions: Int
    public var voidForecasts: Int
    /// Forecasts recorded with hindsight (`forecast --backfill`), left out unless asked for.
    public var backfilled: Int = 0
    /// Questions with a scored outcome none of whose forecasts counted (all made after the
    /// resolution, or backfilled), by id: resolved, yet nowhere in the scores.
    public var resolvedWithoutCountedForecasts: [Int64] = []

    public var isEmpty: Bool {
        madeAfterResolution == 0 && superseded == 0 && voidQuestions == 0 && backfilled == 0
            && resolvedWithoutCountedForecasts.isEmpty
    }
}
