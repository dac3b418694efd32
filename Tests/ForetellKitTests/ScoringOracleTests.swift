import ForetellKit
import Foundation
import Testing

/// Every score on two real data sets against `Tests/Oracle/scoring_oracle.json`, which a separate
/// numpy script (`Tests/Oracle/scoring_oracle.py`) computed without any of this code.
@Suite(.enabled(if: SharedData.available)) struct ScoringOracleTests {
    let oracle: [String: Any]

    init() throws {
        let url = SharedData.packageRoot.appendingPathComponent("Tests/Oracle/scoring_oracle.json")
        oracle = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    func expected(_ set: String, _ key: String) throws -> [String: Any] {
        let part = (oracle[set] as? [String: Any])?[key] as? [String: Any]
        return try #require(part, "Tests/Oracle/scoring_oracle.json has \(set).\(key)")
    }

    // MARK: Metaculus pro forecasters, Q1 2025

    static func metaculusInput() throws -> ScoringInput {
        let rows = try SharedData.rows("metaculus/pro_forecasts_q1_2025_binary.csv")
        // The file has no open time: a question opens with its first forecast, as in the ledger.
        var opened: [Int64: Int64] = [:]
        for row in rows {
            let question = Int64(row["question_id"] ?? "") ?? -1
            let made = SharedData.milliseconds(row["forecast_timestamp"])
            opened[question] = min(opened[question] ?? made, made)
        }
        var builder = ScoringInput.Builder()
        for row in rows {
            let questionId = Int64(row["question_id"] ?? "") ?? -1
            let question = builder.question(id: questionId) ?? builder.addQuestion(
                id: questionId, claim: row["question_title"] ?? "", openedAtMs: opened[questionId] ?? 0,
                outcome: row["resolution"] == "yes" ? .yes : .no,
                resolvedAtMs: SharedData.milliseconds(row["actual_resolve_time"]))
            builder.addForecast(
                id: Int64(row["forecast_id"] ?? "") ?? -1, question: question, owner: row["forecaster"] ?? "",
                probability: Double(row["probability_yes"] ?? "") ?? .nan,
                madeAtMs: SharedData.milliseconds(row["forecast_timestamp"]),
                madeAtSubMsNanos: ScoringInput.subMillisecondNanos(row["forecast_timestamp"] ?? ""))
        }
        return builder.build()
    }

    @Test func metaculusReferenceValues() throws {
        let input = try Self.metaculusInput()
        let latest = Scoreboard(input: input, options: ScoreOptions(rule: .latest))
        #expect(latest.overall.n == 485)
        #expect(abs((latest.overall.brier ?? .nan) - 0.11949) < 0.000005)
        let every = Scoreboard(input: input, options: ScoreOptions(rule: .everyForecast))
        #expect(every.overall.n == 1238)
        #expect(abs((every.overall.brier ?? .nan) - 0.14974) < 0.000005)
        #expect(every.overall.questions == 49)
        #expect(every.owners.count == 10)
    }

    @Test func metaculusEveryScoreMatchesOracle() throws {
        let input = try Self.metaculusInput()
        for rule in SelectionRule.allCases {
            let expected = try expected("metaculus", rule.rawValue)
            let board = Scoreboard(input: input, options: ScoreOptions(rule: rule, folded: true))
            compare(board, expected, label: "metaculus \(rule.rawValue)")
        }
    }

    @Test func metaculusResolutionDateFilterMatchesOracle() throws {
        let expected = try expected("metaculus", "latest_march")
        let options = ScoreOptions(
            rule: .latest, since: Day(year: 2025, month: 3, day: 1), until: Day(year: 2025, month: 3, day: 31),
            folded: true)
        let board = Scoreboard(input: try Self.metaculusInput(), options: options)
        compareGroup(board.overall, expected["overall"] as? [String: Any] ?? [:], label: "metaculus March")
        #expect(board.overall.questions == expected["questions_in_range"] as? Int)
    }

    @Test func metaculusFoldedStepsMatchOracle() throws {
        let expected = try expected("metaculus", "latest_step5")
        let options = ScoreOptions(rule: .latest, folded: true, foldedStep: 5)
        let board = Scoreboard(input: try Self.metaculusInput(), options: options)
        compareGroup(board.overall, expected["overall"] as? [String: Any] ?? [:], label: "metaculus step 5")
        // Steps of 5 points from 50% to 100%: at most ten rows, each 5 points wide, the last closed.
        #expect(board.overall.folded.count <= 10)
        #expect(board.overall.folded.last?.confidenceHigh == 1)
    }

    // MARK: PredictionBook, 2008-2022

    static func predictionBookInput() throws -> ScoringInput {
        let rows = try SharedData.rows("predictionbook/forecasts.csv")
        var builder = ScoringInput.Builder()
        builder.reserve(questions: 20_000, forecasts: rows.count)
        for (offset, row) in rows.enumerated() {
            let questionId = Int64(row["question_id"] ?? "") ?? -1
            let outcome: Outcome?
            switch row["outcome"] ?? "" {
            case "1.0": outcome = .yes
            case "0.0": outcome = .no
            case "-1.0": outcome = .ambiguous
            default: outcome = nil
            }
            let question = builder.question(id: questionId) ?? builder.addQuestion(
                id: questionId, openedAtMs: SharedData.milliseconds(row["open_time"]),
                deadline: (row["close_time"]).flatMap { Moment.parse($0)?.day },
                outcome: outcome,
                resolvedAtMs: outcome == nil ? nil : SharedData.milliseconds(row["resolve_time"]))
            // The export has no forecast id: the line number orders forecasts made at the same instant.
            builder.addForecast(
                id: Int64(offset + 1), question: question, owner: row["user_id"] ?? "",
                probability: Double(row["probability"] ?? "") ?? .nan,
                madeAtMs: SharedData.milliseconds(row["timestamp"]))
        }
        return builder.build()
    }

    @Test func predictionBookEveryScoreMatchesOracle() throws {
        let input = try Self.predictionBookInput()
        let data = try #require(oracle["predictionbook"] as? [String: Any])
        for rule in SelectionRule.allCases {
            let expected = try expected("predictionbook", rule.rawValue)
            let board = Scoreboard(input: input, options: ScoreOptions(rule: rule, folded: true))
            compare(board, expected, label: "predictionbook \(rule.rawValue)")
            #expect(board.open.forecasts == data["open_forecasts"] as? Int)
            #expect(board.open.questions == data["open_questions"] as? Int)
            #expect(board.excluded.voidForecasts == data["ambiguous_forecasts"] as? Int)
            #expect(board.excluded.voidQuestions == data["ambiguous_questions"] as? Int)
        }
        // "Not counted" describes the filtered set: ambiguous questions resolved in 2015 only.
        let year = Scoreboard(input: input, options: ScoreOptions(
            since: Day(year: 2015, month: 1, day: 1), until: Day(year: 2015, month: 12, day: 31)))
        #expect(year.excluded.voidForecasts == data["ambiguous_forecasts_resolved_2015"] as? Int)
        #expect(year.excluded.voidQuestions == data["ambiguous_questions_resolved_2015"] as? Int)
        // The reference figures: 51,135 forecasts on yes/no questions, 31 of them made after the
        // question resolved, which never count.
        let every = Scoreboard(input: input, options: ScoreOptions(rule: .everyForecast))
        #expect(every.overall.n == 51_104)
        #expect(every.overall.n + every.excluded.madeAfterResolution == 51_135)
        #expect(abs((every.overall.brier ?? .nan) - 0.161) < 0.0005)
    }

    // MARK: Comparison

    func compare(_ board: Scoreboard, _ expected: [String: Any], label: String) {
        compareGroup(board.overall, expected["overall"] as? [String: Any] ?? [:], label: "\(label) overall")
        #expect(board.excluded.madeAfterResolution == expected["made_after_resolution"] as? Int, "\(label)")
        #expect(board.owners.count == expected["owner_count"] as? Int, "\(label) owner count")
        let ranking = expected["ranking"] as? [String] ?? []
        #expect(board.owners.prefix(ranking.count).map { $0.name ?? "" } == ranking, "\(label) ranking")
        #expect(board.owners.filter { $0.rank != nil }.count == expected["ranked_count"] as? Int, "\(label) ranked")
        let owners = expected["owners"] as? [String: [String: Any]] ?? [:]
        #expect(!owners.isEmpty, "\(label): the oracle lists owners")
        for (name, group) in owners {
            guard let actual = board.owners.first(where: { $0.name == name }) else {
                Issue.record("\(label): owner \(name) missing")
                continue
            }
            compareGroup(actual, group, label: "\(label) owner \(name)")
            #expect(actual.sharedQuestions == group["shared_questions"] as? Int, "\(label) \(name) shared")
            close(actual.relativeBrier, group["relative_brier"], "\(label) \(name) relative_brier")
            close(actual.peerScore, group["peer_score"], "\(label) \(name) peer_score")
        }
        let timeline = expected["timeline"] as? [[String: Any]] ?? []
        #expect(board.timeline.map(\.month) == timeline.map { $0["month"] as? String ?? "" }, "\(label)")
        for (point, row) in zip(board.timeline, timeline) {
            #expect(point.n == row["n"] as? Int, "\(label) \(point.month) n")
            close(point.brier, row["brier"], "\(label) \(point.month) brier")
            close(point.weight, row["weight"], "\(label) \(point.month) weight")
        }
    }

    func compareGroup(_ group: GroupScore, _ expected: [String: Any], label: String) {
        #expect(group.n == expected["n"] as? Int, "\(label) n")
        #expect(group.questions == expected["questions"] as? Int, "\(label) questions")
        close(group.weight, expected["weight"], "\(label) weight")
        close(group.brier, expected["brier"], "\(label) brier")
        close(group.logLoss, expected["log_loss"], "\(label) log_loss")
        close(group.baseline, expected["baseline"], "\(label) baseline")
        close(group.reliability, expected["reliability"], "\(label) reliability")
        close(group.resolution, expected["resolution"], "\(label) resolution")
        close(group.uncertainty, expected["uncertainty"], "\(label) uncertainty")
        let bins = expected["calibration"] as? [[String: Any]] ?? []
        #expect(group.calibration.count == 10, "\(label)")
        #expect(bins.count == 10, "\(label)")
        for (bin, row) in zip(group.calibration, bins) {
            let where_ = "\(label) bin [\(bin.lo), \(bin.hi))"
            #expect(bin.n == row["n"] as? Int, "\(where_) n")
            close(bin.lo, row["lo"], "\(where_) lo")
            close(bin.hi, row["hi"], "\(where_) hi")
            close(bin.weight, row["weight"], "\(where_) weight")
            close(bin.meanProbability, row["mean_probability"], "\(where_) mean_probability")
            close(bin.observed, row["observed"], "\(where_) observed")
            close(bin.ciLow, row["ci_low"], "\(where_) ci_low")
            close(bin.ciHigh, row["ci_high"], "\(where_) ci_high")
        }
        let folded = expected["folded"] as? [[String: Any]] ?? []
        #expect(group.folded.map(\.confidence) == folded.map { $0["confidence"] as? Double ?? -1 }, "\(label) folded")
        for (row, want) in zip(group.folded, folded) {
            #expect(row.n == want["n"] as? Int, "\(label) folded \(row.confidence) n")
            #expect(row.right == Double(want["right"] as? Int ?? -1), "\(label) folded \(row.confidence) right")
            #expect(row.wrong == Double(want["wrong"] as? Int ?? -1), "\(label) folded \(row.confidence) wrong")
            close(row.rightWeight, want["right_weight"], "\(label) folded \(row.confidence) right_weight")
            close(row.wrongWeight, want["wrong_weight"], "\(label) folded \(row.confidence) wrong_weight")
            close(row.ciLow, want["ci_low"], "\(label) folded \(row.confidence) ci_low")
            close(row.ciHigh, want["ci_high"], "\(label) folded \(row.confidence) ci_high")
        }
    }

    /// Equal within 1e-9, relative to the size of the number; nil must match JSON null.
    func close(_ actual: Double?, _ expected: Any?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let want = expected as? Double
        switch (actual, want) {
        case (nil, nil):
            return
        case let (actual?, want?):
            let tolerance = 1e-9 * max(1, abs(want))
            #expect(abs(actual - want) <= tolerance, "\(label): \(actual) vs \(want)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(label): \(String(describing: actual)) vs \(String(describing: want))", sourceLocation: sourceLocation)
        }
    }
}
