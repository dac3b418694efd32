import ForetellKit
import Foundation
import Testing

/// Rules, groups and filters on inputs small enough to score by hand.
@Suite struct ScoreboardTests {
    static func row(
        _ id: Int64, q: Int64 = 1, _ owner: String, _ p: Double, at made: Int64, opened: Int64 = 0,
        outcome: Outcome? = .yes, resolved: Int64? = 100, tags: [String] = [], sources: [String] = []
    ) -> ScoringRow {
        ScoringRow(forecastId: id, questionId: q, owner: owner, probability: p, madeAtMs: made, openedAtMs: opened,
                   outcome: outcome, resolvedAtMs: resolved, tags: tags, sources: sources)
    }

    @Test func timeWeightedCountsEachForecastForTheShareOfTimeItStood() {
        // Open 0..100, resolved yes at 100: each owner's question weighs 1, its whole life.
        // ann: 0.2 from 0 to 75 (weight 0.75), 0.8 from 75 to 100 (0.25):
        //   0.75 * 0.64 + 0.25 * 0.04 = 0.49.
        // bob: 0.6 from 50 to 100 (weight 0.5); 0 to 50 he held nothing, scored as 50%:
        //   0.5 * 0.16 + 0.5 * 0.25 = 0.205.
        // cy: 0.9 made at the resolution instant stood for no time: the latest counts, Brier 0.01.
        // dan: 0.1 made after resolution never counts.
        let rows = [
            Self.row(1, "ann", 0.2, at: 0), Self.row(2, "ann", 0.8, at: 75), Self.row(3, "bob", 0.6, at: 50),
            Self.row(4, "cy", 0.9, at: 100), Self.row(5, "dan", 0.1, at: 101),
        ]
        let board = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(rule: .timeWeighted))
        #expect(board.overall.n == 4)
        #expect(abs(board.overall.weight - 3) < 1e-12)
        // (0.49 + 0.205 + 0.01) / 3 = 0.235.
        #expect(abs((board.overall.brier ?? .nan) - 0.235) < 1e-12)
        let ann = board.owners.first { $0.name == "ann" }
        let bob = board.owners.first { $0.name == "bob" }
        #expect(abs((ann?.brier ?? .nan) - 0.49) < 1e-12)
        #expect(abs((bob?.brier ?? .nan) - 0.205) < 1e-12)
        // bob's baseline: 0.5 * 100 (1 + log2 0.6) + 0.5 * 0 (his uncovered half scores 0).
        #expect(abs((bob?.baseline ?? .nan) - 50 * (1 + log2(0.6))) < 1e-9)
        // Relative over the life: 0-50 ann alone (0); 50-75 ann 0.64, bob 0.16, median 0.4;
        // 75-100 ann 0.04, bob 0.16, median 0.1. ann 0.25 (0.24) + 0.25 (-0.06) = 0.045, bob -0.045;
        // cy held nothing: 0. Peer: ann 25 ln(0.2 / 0.6) + 25 ln(0.8 / 0.6) = 25 ln(4/9), bob the opposite.
        #expect(abs((ann?.relativeBrier ?? .nan) - 0.045) < 1e-12)
        #expect(abs((bob?.relativeBrier ?? .nan) + 0.045) < 1e-12)
        #expect(board.owners.first { $0.name == "cy" }?.relativeBrier == 0)
        #expect(abs((ann?.peerScore ?? .nan) - 25 * log(4.0 / 9)) < 1e-9)
        #expect(abs((bob?.peerScore ?? .nan) + 25 * log(4.0 / 9)) < 1e-9)
        #expect(ann?.sharedQuestions == 1)
        #expect(abs((ann?.calibration[2].weight ?? .nan) - 0.75) < 1e-12)
        #expect(ann?.calibration[2].n == 1)
        #expect(board.excluded.madeAfterResolution == 1)
        #expect(board.owners.map(\.name) == ["cy", "bob", "ann"])

        // The same rows under the other rules: latest 0.8, 0.6, 0.9 -> (0.04 + 0.16 + 0.01) / 3 = 0.07;
        // every forecast adds ann's 0.2 -> (0.64 + 0.04 + 0.16 + 0.01) / 4 = 0.2125.
        let latest = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(rule: .latest))
        #expect(abs((latest.overall.brier ?? .nan) - 0.07) < 1e-12)
        #expect(latest.excluded.superseded == 1)
        let every = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(rule: .everyForecast))
        #expect(abs((every.overall.brier ?? .nan) - 0.2125) < 1e-12)

        // A question recorded as opened at 60 (an import that met its latest forecast first) was
        // open from its first forecast at 0: ann's weights stay 0.75 and 0.25.
        let lateOpen = rows.map { row -> ScoringRow in
            var copy = row
            copy.openedAtMs = 60
            return copy
        }
        let reopened = Scoreboard(input: ScoringInput(rows: lateOpen), options: ScoreOptions(rule: .timeWeighted))
        #expect(abs((reopened.owners.first { $0.name == "ann" }?.brier ?? .nan) - 0.49) < 1e-12)
    }

    @Test func lateJoinersGainNothingFromTimeWeighting() {
        // Open 0..100, yes. ann says 0.9 from the start; bob says 0.9 at 90, when it is nearly known.
        // ann 0.01; bob 0.1 * 0.01 + 0.9 * 0.25 = 0.226 (held nothing for 90% of the life).
        let rows = [Self.row(1, "ann", 0.9, at: 0), Self.row(2, "bob", 0.9, at: 90)]
        let board = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(rule: .timeWeighted))
        let ann = board.owners.first { $0.name == "ann" }
        let bob = board.owners.first { $0.name == "bob" }
        #expect(abs((ann?.brier ?? .nan) - 0.01) < 1e-12)
        #expect(abs((bob?.brier ?? .nan) - 0.226) < 1e-12)
        // Relative: 0-90 ann alone scores the median; 90-100 both 0.01: 0 for both (GJ Open's rule).
        #expect(abs(ann?.relativeBrier ?? .nan) < 1e-15)
        #expect(abs(bob?.relativeBrier ?? .nan) < 1e-15)
        // Peer: equal forecasts while both held one, none alone: 0.
        #expect(abs(bob?.peerScore ?? .nan) < 1e-12)
    }

    @Test func rankingNeedsSharedQuestions() {
        // Golden ledger: ann, cy and bob share 3, 2 and 2 questions; relative -0.1896, +0.1169, +0.2825.
        let rows = ScoreboardGoldenTests.rows()
        func board(_ minimum: Int) -> Scoreboard {
            Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(rankingMinimumQuestions: minimum))
        }
        #expect(board(10).owners.map(\.rank) == [nil, nil, nil])
        #expect(board(10).owners.map(\.name) == ["ann", "cy", "bob"])
        #expect(board(2).owners.map(\.rank) == [1, 2, 3])
        #expect(board(3).owners.map { $0.name ?? "" } == ["ann", "cy", "bob"])
        #expect(board(3).owners.map(\.rank) == [1, nil, nil])
        // A lucky owner with one perfect forecast is never ranked above those with a record.
        let lucky = rows + [Self.row(99, q: 3, "zed", 1, at: Day(year: 2025, month: 2, day: 12)!.startMilliseconds,
                                      resolved: Day(year: 2025, month: 4, day: 15)!.endMilliseconds)]
        let withLucky = Scoreboard(input: ScoringInput(rows: lucky), options: ScoreOptions(rankingMinimumQuestions: 2))
        #expect(withLucky.owners.last?.name == "zed")
        #expect(withLucky.owners.last?.rank == nil)
    }

    @Test func subMillisecondTiesKeepTheirOrder() {
        // Two forecasts by ann in the same millisecond, recorded in reverse order: the later one
        // (by its microseconds) is her latest, whatever the recording order.
        var builder = ScoringInput.Builder()
        let question = builder.addQuestion(id: 1, openedAtMs: 0, outcome: .yes, resolvedAtMs: 1000)
        builder.addForecast(id: 1, question: question, owner: "ann", probability: 0.9, madeAtMs: 500,
                            madeAtSubMsNanos: ScoringInput.subMillisecondNanos("1970-01-01T00:00:00.500900Z"))
        builder.addForecast(id: 2, question: question, owner: "ann", probability: 0.2, madeAtMs: 500,
                            madeAtSubMsNanos: ScoringInput.subMillisecondNanos("1970-01-01T00:00:00.500100Z"))
        let board = Scoreboard(input: builder.build(), options: ScoreOptions())
        #expect(abs((board.overall.brier ?? .nan) - 0.01) < 1e-12)
        #expect(ScoringInput.subMillisecondNanos("2025-03-14 22:12:07.763148+00") == 148_000)
        #expect(ScoringInput.subMillisecondNanos("2025-03-14T22:12:07.7631Z") == 100_000)
        #expect(ScoringInput.subMillisecondNanos("2025-03-14T22:12:07.763Z") == 0)
        #expect(ScoringInput.subMillisecondNanos("2025-03-14") == 0)
        #expect(ScoringInput.subMillisecondNanos("2025-03-14T22:12:07.123456789123+02:00") == 456_789)
        // Same instant to the nanosecond: recording order (id) decides, so forecast 7 is the latest.
        var tie = ScoringInput.Builder()
        let q = tie.addQuestion(id: 1, openedAtMs: 0, outcome: .yes, resolvedAtMs: 1000)
        tie.addForecast(id: 7, question: q, owner: "ann", probability: 0.9, madeAtMs: 500)
        tie.addForecast(id: 3, question: q, owner: "ann", probability: 0.2, madeAtMs: 500)
        #expect(abs((Scoreboard(input: tie.build(), options: ScoreOptions()).overall.brier ?? .nan) - 0.01) < 1e-12)
    }

    @Test func voidQuestionsOutsideThePeriodAreNotCounted() {
        // Ambiguous questions resolved in March and in May; --since April sees only May's.
        let march = Day(year: 2025, month: 3, day: 10)!.endMilliseconds
        let may = Day(year: 2025, month: 5, day: 10)!.endMilliseconds
        let rows = [
            Self.row(1, q: 1, "ann", 0.5, at: 0, outcome: .ambiguous, resolved: march),
            Self.row(2, q: 2, "ann", 0.5, at: 0, outcome: .annulled, resolved: may),
            Self.row(3, q: 2, "bob", 0.5, at: 0, outcome: .annulled, resolved: may),
        ]
        let all = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions())
        #expect(all.excluded.voidQuestions == 2)
        #expect(all.excluded.voidForecasts == 3)
        let april = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(since: Day(year: 2025, month: 4, day: 1)))
        #expect(april.excluded.voidQuestions == 1)
        #expect(april.excluded.voidForecasts == 2)
        let marchOnly = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(until: Day(year: 2025, month: 3, day: 31)))
        #expect(marchOnly.excluded.voidQuestions == 1)
        #expect(marchOnly.excluded.voidForecasts == 1)
    }

    @Test func foldedRowsAreTheStatedLevelsAndCountsStayCounts() {
        // A personal forecaster's year: levels 50, 51, 60, 70, 80, 90, 95, 99 and 99.5%, one of
        // them stated as 0.49 about yes (51% about no). Each row is a level somebody stated.
        let levels: [(Double, Outcome)] = [
            (0.5, .yes), (0.49, .no), (0.6, .yes), (0.7, .no), (0.8, .yes), (0.9, .yes), (0.95, .yes),
            (0.99, .yes), (0.995, .no),
        ]
        let rows = levels.enumerated().map { offset, level in
            Self.row(Int64(offset + 1), q: Int64(offset + 1), "ann", level.0, at: 0, outcome: level.1)
        }
        let board = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(folded: true))
        let page = ScoreboardRendering.table(board, style: .plain)
        let labels = board.overall.folded.map(ScoreboardRendering.foldedLabel)
        #expect(labels == ["50%", "51%", "60%", "70%", "80%", "90%", "95%", "99%", "99.5%"])
        let foldedSection = page.components(separatedBy: "Folded by stated confidence").last ?? ""
        let firstColumn = foldedSection.split(separator: "\n").dropFirst(2).prefix(9).map {
            $0.split(separator: " ").first.map(String.init) ?? ""
        }
        #expect(firstColumn == labels, "\(foldedSection)")
        // 0.49 about yes that did not happen is 51% about no, right; 0.7 and 0.995 were wrong.
        #expect(board.overall.folded.map(\.right) == [1, 1, 1, 0, 1, 1, 1, 1, 0])
        // Under the time-weighted rule right and wrong are still whole forecasts.
        let weightedRows = [Self.row(1, "ann", 0.7, at: 0), Self.row(2, "ann", 0.7, at: 30), Self.row(3, "bob", 0.3, at: 60)]
        let weighted = Scoreboard(input: ScoringInput(rows: weightedRows), options: ScoreOptions(rule: .timeWeighted, folded: true))
        let seventy = weighted.overall.folded.first
        #expect(seventy?.n == 3)
        #expect(seventy?.right == 2)
        #expect(seventy?.wrong == 1)
        // ann's two stood 0.3 and 0.7 of the life; bob's 0.4.
        #expect(abs((seventy?.rightWeight ?? .nan) - 1) < 1e-12)
        #expect(abs((seventy?.wrongWeight ?? .nan) - 0.4) < 1e-12)
        let weightedPage = ScoreboardRendering.table(weighted, style: .plain)
        #expect(weightedPage.contains("       70%  3      2      1"))
        #expect(weightedPage.contains("Right and wrong count forecasts"))
    }

    @Test func documentsAndTagsAreGroupsOfTheirOwn() {
        // Brier: 0.7 yes 0.09; 0.4 yes 0.36; 0.9 no 0.81.
        let rows = [
            Self.row(1, q: 1, "ann", 0.7, at: 0, tags: ["ai", "policy"], sources: ["a.md"]),
            Self.row(2, q: 1, "bob", 0.4, at: 0, tags: ["ai", "policy"], sources: ["a.md", "b.md"]),
            Self.row(3, q: 2, "ann", 0.9, at: 0, outcome: .no, tags: ["ai"]),
        ]
        let board = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions())
        #expect(board.sources.map(\.name) == ["a.md", "b.md"])
        // a.md: (0.09 + 0.36) / 2 = 0.225; b.md: 0.36.
        #expect(abs((board.sources[0].brier ?? .nan) - 0.225) < 1e-12)
        #expect(abs((board.sources[1].brier ?? .nan) - 0.36) < 1e-12)
        #expect(board.tags.map(\.name) == ["ai", "policy"])
        // ai: (0.09 + 0.36 + 0.81) / 3 = 0.42 over 2 questions; policy: 0.225 over 1.
        #expect(abs((board.tags[0].brier ?? .nan) - 0.42) < 1e-12)
        #expect(board.tags[0].questions == 2)
        #expect(board.tags[1].questions == 1)
    }

    @Test func ownerFilterKeepsRelativeScoresAgainstEveryone() {
        let rows = ScoreboardGoldenTests.rows()
        let all = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions())
        let onlyAnn = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(owners: ["ann"]))
        #expect(onlyAnn.owners.map(\.name) == ["ann"])
        #expect(onlyAnn.overall.n == 3)
        #expect(onlyAnn.owners.first?.relativeBrier == all.owners.first { $0.name == "ann" }?.relativeBrier)
        // Tests/Golden/README.md: (-0.16 - 0.175 - 0.23375) / 3.
        #expect(abs((onlyAnn.owners.first?.relativeBrier ?? .nan) - -0.56875 / 3) < 1e-12)
        // ann's open question (q5) is overdue; bob's q6 is not hers.
        let today = Day(year: 2025, month: 6, day: 1)!
        let open = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(owners: ["ann"], today: today)).open
        #expect(open.questions == 1)
        #expect(open.overdue == 1)
        #expect(open.nextDeadlines.isEmpty)
    }

    @Test func resolutionDatesAndTagsNarrowTheQuestions() {
        let rows = ScoreboardGoldenTests.rows()
        // Only April: q2 and q3, four forecasts, Brier 0.220625 (the ai tag in the golden file).
        let april = ScoreOptions(since: Day(year: 2025, month: 4, day: 1), until: Day(year: 2025, month: 4, day: 30))
        let board = Scoreboard(input: ScoringInput(rows: rows), options: april)
        #expect(board.overall.n == 4)
        #expect(abs((board.overall.brier ?? .nan) - 0.220625) < 1e-12)
        // A resolution on 2025-03-01 counts for --until 2025-03-01 (the whole day) and not for --since 2025-03-02.
        let march1 = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(until: Day(year: 2025, month: 3, day: 1)))
        #expect(march1.overall.questions == 1)
        let after = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(since: Day(year: 2025, month: 3, day: 2)))
        #expect(after.overall.questions == 2)
        let weather = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(tags: ["weather"]))
        #expect(weather.overall.n == 3)
        #expect(weather.open.questions == 0)
    }

    @Test func emptyLedgerHasNullScoresAndEveryBin() {
        let board = Scoreboard(input: ScoringInput(), options: ScoreOptions())
        #expect(board.overall.n == 0)
        #expect(board.overall.brier == nil)
        #expect(board.overall.calibration.count == 10)
        #expect(board.overall.calibration.allSatisfy { $0.observed == nil && $0.ciLow == nil })
        let json = ScoreboardRendering.json(board).serialized()
        #expect(json.contains("\"brier\": null"))
        #expect(ScoreboardRendering.table(board, style: .plain).contains("Nothing resolved to score yet"))
    }

    @Test func badRowsAreRefusedNotTrapped() {
        var builder = ScoringInput.Builder()
        let question = builder.addQuestion(id: 1, openedAtMs: 0, outcome: .yes, resolvedAtMs: 10)
        #expect(builder.addForecast(id: 1, question: question, owner: "a", probability: .nan, madeAtMs: 0) == nil)
        #expect(builder.addForecast(id: 2, question: question, owner: "a", probability: 1.5, madeAtMs: 0) == nil)
        #expect(builder.addForecast(id: 3, question: 7, owner: "a", probability: 0.5, madeAtMs: 0) == nil)
        #expect(builder.addForecast(id: 4, question: question, ownerIndex: 9, probability: 0.5, madeAtMs: 0) == nil)
        let input = builder.build()
        #expect(input.rejectedForecasts == 4)
        #expect(Scoreboard(input: input, options: ScoreOptions()).overall.n == 0)
    }

    @Test func extremeInstantsAndValuesDoNotTrap() {
        let rows = [
            Self.row(1, q: 1, "a", 0.5, at: .min, opened: .min, resolved: .max),
            Self.row(2, q: 1, "a", 0.6, at: .max, opened: .min, resolved: .max),
            Self.row(3, q: 2, "b", 0, at: 0, opened: .max, resolved: .min),
        ]
        for rule in SelectionRule.allCases {
            let options = ScoreOptions(rule: rule, since: Day(year: 2000, month: 1, day: 1), folded: true)
            _ = ScoreboardRendering.table(Scoreboard(input: ScoringInput(rows: rows), options: options), style: .plain)
        }
        #expect(ProperScores.folded(.nan, happened: true).level == 500_000)
        #expect(ProperScores.binIndex(.nan) == 0)
        #expect(ProperScores.binIndex(.infinity) == 9)
    }

    @Test func htmlReportIsSelfContainedAndEscapesNames() {
        let rows = [
            Self.row(1, "<script>alert('x')</script>", 0.7, at: 0, tags: ["a & b"]),
            Self.row(2, "bob", 0.2, at: 0, tags: ["a & b"]),
        ]
        let board = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions(folded: true))
        let html = ScoreboardHTML.render(board)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("a &amp; b"))
        // Nothing to fetch: no src or href attributes, no url() in the CSS, no @import.
        for needle in ["src=", "href=", "url(", "@import"] { #expect(!html.contains(needle), "\(needle)") }
        #expect(html.contains("<svg") && html.contains("stroke-dasharray"))
    }
}
