/// How the scoreboard is shown: JSON and CSV for scripts, a terminal page for people. The HTML
/// report is in `ScoreboardHTML`.
public enum ScoreboardRendering {
    static let brierScale = "0-1: mean of (p - o)^2 with o = 1 if it happened; lower is better, always 50% scores 0.25"
    static let decompositionNote =
        "reliability, resolution and uncertainty are Murphy's decomposition over the ten calibration bins; with bins this wide it is approximate: reliability - resolution + uncertainty equals brier only when every forecast in a bin is the same"
    static let dueHint = "foretell list --due"
    static let relativeRule =
        "relative_brier: own Brier minus the median Brier of all forecasters on the question, the owner included (Fatebook, Good Judgment Open), 0-1 scale, averaged over the questions with two or more forecasters (shared_questions); negative is better"
    static let peerRule =
        "peer_score: Metaculus's peer score, 100 (ln p - mean ln p of the other forecasters), p the probability given to what happened, clipped to [0.001, 0.999], averaged over shared_questions; positive is better"

    /// Whether scores are spot values of the counted forecasts or averages over each question's life.
    static func scoreKind(_ rule: SelectionRule) -> String {
        rule == .timeWeighted ? "time_averaged" : "spot"
    }

    // MARK: What was left out

    /// The parts of the "Not counted" line, shared by the terminal page and the HTML report.
    static func notCounted(_ excluded: Exclusions) -> [String] {
        var parts: [String] = []
        if excluded.superseded > 0 { parts.append("\(counted(excluded.superseded, "earlier forecast")) superseded") }
        if excluded.madeAfterResolution > 0 {
            parts.append("\(counted(excluded.madeAfterResolution, "forecast")) made after resolution")
        }
        if excluded.backfilled > 0 {
            parts.append("\(counted(excluded.backfilled, "backfilled forecast")) (recorded after the outcome; --include-backfilled counts them)")
        }
        if excluded.voidQuestions > 0 {
            parts.append("\(counted(excluded.voidQuestions, "ambiguous or annulled question")) (\(counted(excluded.voidForecasts, "forecast")))")
        }
        return parts
    }

    /// What the scoreboard says in place of scores when nothing counts, on the terminal and in HTML.
    static func nothingToScore(_ excluded: Exclusions) -> String {
        if let unscored = resolvedButUnscored(excluded) { return "Nothing to score: " + unscored + "." }
        return "Nothing resolved to score yet: record outcomes with 'foretell resolve ID yes|no'."
    }

    /// Resolved questions on which nothing counted, said so instead of "nothing resolved".
    static func resolvedButUnscored(_ excluded: Exclusions) -> String? {
        let ids = excluded.resolvedWithoutCountedForecasts
        guard !ids.isEmpty else { return nil }
        let shown = ids.prefix(10).map(String.init).joined(separator: ", ") + (ids.count > 10 ? ", …" : "")
        var reasons: [String] = []
        if excluded.madeAfterResolution > 0 {
            reasons.append("\(counted(excluded.madeAfterResolution, "forecast")) made after resolution not counted")
        }
        if excluded.backfilled > 0 { reasons.append("\(counted(excluded.backfilled, "backfilled forecast")) not counted") }
        return "\(counted(ids.count, "resolved question")) (\(ids.count == 1 ? "id" : "ids") \(shown)) without a forecast that counts: "
            + reasons.joined(separator: ", ")
    }

    // MARK: JSON

    /// The contract's keys (`overall`, `owners`, and in each group `n`, `questions`, `brier`,
    /// `log_loss`, `calibration`, `reliability`, `resolution`, `uncertainty`, `folded` with
    /// `--folded`), and the rule, filters, tags, sources, timeline, open work and exclusions.
    public static func json(_ board: Scoreboard) -> JSONValue {
        let options = board.options
        return .object([
            ("rule", .string(options.rule.rawValue)),
            ("rule_description", .string(options.rule.summary)),
            ("brier_scale", .string(brierScale)),
            ("baseline_kind", .string(scoreKind(options.rule))),
            ("relative_rule", .string(relativeRule)),
            ("peer_rule", .string(peerRule)),
            ("comparison_kind", .string(scoreKind(options.rule))),
            ("ranking", .object([
                ("by", .string("relative_brier")),
                ("minimum_questions", .int(Int64(options.rankingMinimumQuestions))),
            ])),
            ("folded_step", .optional(options.foldedStep)),
            ("as_of", .string(options.today.description)),
            ("filters", .object([
                ("owners", .array(options.owners.map { .string($0) })),
                ("tags", .array(options.tags.map { .string($0) })),
                ("since", .optional(options.since?.description)),
                ("until", .optional(options.until?.description)),
                ("include_backfilled", .bool(options.includeBackfilled)),
            ])),
            ("overall", json(board.overall, folded: options.folded)),
            ("owners", .array(board.owners.map { json($0, folded: options.folded) })),
            ("tags", .array(board.tags.map { json($0, folded: options.folded) })),
            ("sources", .array(board.sources.map { json($0, folded: options.folded) })),
            ("timeline", .array(board.timeline.map { point in
                .object([
                    ("month", .string(point.month)), ("n", .int(Int64(point.n))),
                    ("weight", .number(point.weight)), ("brier", .number(point.brier)),
                ])
            })),
            ("open", json(board.open)),
            ("excluded", .object([
                ("made_after_resolution", .int(Int64(board.excluded.madeAfterResolution))),
                ("superseded", .int(Int64(board.excluded.superseded))),
                ("void_questions", .int(Int64(board.excluded.voidQuestions))),
                ("void_forecasts", .int(Int64(board.excluded.voidForecasts))),
                ("backfilled", .int(Int64(board.excluded.backfilled))),
                ("resolved_without_counted_forecasts", .array(board.excluded.resolvedWithoutCountedForecasts.map { .int($0) })),
            ])),
            ("notes", .array([.string(decompositionNote)])),
        ])
    }

    static func json(_ group: GroupScore, folded: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = []
        switch group.kind {
        case .overall: break
        case .owner:
            members.append(("owner", .optional(group.name)))
            members.append(("rank", .optional(group.rank)))
        case .tag: members.append(("tag", .optional(group.name)))
        case .source: members.append(("source", .optional(group.name)))
        }
        members += [
            ("n", .int(Int64(group.n))),
            ("weight", .number(group.weight)),
            ("questions", .int(Int64(group.questions))),
            ("brier", .optional(group.brier)),
            ("log_loss", .optional(group.logLoss)),
            ("baseline", .optional(group.baseline)),
            ("reliability", .optional(group.reliability)),
            ("resolution", .optional(group.resolution)),
            ("uncertainty", .optional(group.uncertainty)),
        ]
        if group.kind == .owner {
            members.append(("relative_brier", .optional(group.relativeBrier)))
            members.append(("shared_questions", .int(Int64(group.sharedQuestions))))
            members.append(("peer_score", .optional(group.peerScore)))
        }
        members.append(("calibration", .array(group.calibration.map { bin in
            .object([
                ("lo", .number(bin.lo)), ("hi", .number(bin.hi)), ("n", .int(Int64(bin.n))),
                ("weight", .number(bin.weight)),
                ("mean_probability", .optional(bin.meanProbability)), ("observed", .optional(bin.observed)),
                ("ci_low", .optional(bin.ciLow)), ("ci_high", .optional(bin.ciHigh)),
            ])
        })))
        if folded {
            members.append(("folded", .array(group.folded.map { row in
                .object([
                    ("confidence", .number(row.confidence)), ("confidence_high", .optional(row.confidenceHigh)),
                    ("mean_confidence", .number(row.meanConfidence)), ("n", .int(Int64(row.n))),
                    ("right", .int(Int64(row.right))), ("wrong", .int(Int64(row.wrong))),
                    ("right_weight", .number(row.rightWeight)), ("wrong_weight", .number(row.wrongWeight)),
                    ("ci_low", .optional(row.ciLow)), ("ci_high", .optional(row.ciHigh)),
                ])
            })))
        }
        return .object(members)
    }

    static func json(_ open: OpenWork) -> JSONValue {
        .object([
            ("questions", .int(Int64(open.questions))),
            ("forecasts", .int(Int64(open.forecasts))),
            ("overdue", .int(Int64(open.overdue))),
            ("overdue_hint", .string(dueHint)),
            ("without_deadline", .int(Int64(open.withoutDeadline))),
            ("next_deadlines", .array(open.nextDeadlines.map { next in
                .object([
                    ("question_id", .int(next.questionId)), ("claim", .string(next.claim)),
                    ("deadline", .string(next.deadline.description)), ("days_left", .int(Int64(next.daysLeft))),
                ])
            })),
        ])
    }

    // MARK: CSV

    /// The CSV columns: one row per group, overall first, then owners by rank, tags, documents;
    /// then a row for each kind of forecast left out (group `excluded`, name the kind, `n` the
    /// forecasts, `questions` the questions where it says), only for kinds that left any out.
    public static let csvColumns = [
        "group", "name", "rank", "n", "weight", "questions", "brier", "log_loss", "baseline",
        "reliability", "resolution", "uncertainty", "relative_brier", "shared_questions", "peer_score",
    ]

    public static func csv(_ board: Scoreboard, cells: SpreadsheetCell.Mode = .neutralised) -> String {
        var out = CSVWriter.line(csvColumns)
        for group in [board.overall] + board.owners + board.tags + board.sources {
            // Without an exponent (PlainDecimal): a spreadsheet or foretell reads 0.00005, not 5e-05.
            func number(_ value: Double?) -> String { value.map(PlainDecimal.text) ?? "" }
            out += CSVWriter.line([
                group.kind.rawValue, SpreadsheetCell.cell(group.name ?? "", cells), group.rank.map(String.init) ?? "", String(group.n),
                PlainDecimal.text(group.weight), String(group.questions), number(group.brier), number(group.logLoss),
                number(group.baseline), number(group.reliability), number(group.resolution),
                number(group.uncertainty), number(group.relativeBrier),
                group.kind == .owner ? String(group.sharedQuestions) : "", number(group.peerScore),
            ])
        }
        let excluded = board.excluded
        let rows: [(String, Int, Int?)] = [
            ("superseded", excluded.superseded, nil),
            ("made_after_resolution", excluded.madeAfterResolution, nil),
            ("backfilled", excluded.backfilled, nil),
            ("void", excluded.voidForecasts, excluded.voidQuestions),
            ("resolved_without_counted_forecasts", 0, excluded.resolvedWithoutCountedForecasts.count),
        ]
        for (name, forecasts, questions) in rows where forecasts > 0 || (questions ?? 0) > 0 {
            var cells = [String](repeating: "", count: csvColumns.count)
            (cells[0], cells[1], cells[3]) = ("excluded", name, String(forecasts))
            if let questions { cells[5] = String(questions) }
            out += CSVWriter.line(cells)
        }
        return out
    }
}
