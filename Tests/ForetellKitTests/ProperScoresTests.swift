import ForetellKit
import Foundation
import Testing

/// The scoring arithmetic on numbers small enough to check with pencil and paper.
@Suite struct ProperScoresTests {
    @Test func brierOfTwoOwnersOnAYesQuestionIs0365() {
        // (0.7 - 1)^2 = 0.09 and (0.2 - 1)^2 = 0.64; their mean is 0.365.
        let rows = [
            ScoringRow(forecastId: 1, questionId: 1, owner: "ann", probability: 0.7, madeAtMs: 0, openedAtMs: 0,
                       outcome: .yes, resolvedAtMs: 1000),
            ScoringRow(forecastId: 2, questionId: 1, owner: "bob", probability: 0.2, madeAtMs: 10, openedAtMs: 0,
                       outcome: .yes, resolvedAtMs: 1000),
        ]
        let board = Scoreboard(input: ScoringInput(rows: rows), options: ScoreOptions())
        #expect(board.overall.n == 2)
        #expect(board.overall.questions == 1)
        #expect(abs((board.overall.brier ?? .nan) - 0.365) < 1e-15)
        #expect(formatScore(board.overall.brier) == "0.365")
    }

    @Test func brierLogLossAndBaselineOfSingleForecasts() {
        #expect(abs(ProperScores.brier(0.7, happened: true) - 0.09) < 1e-15)
        #expect(abs(ProperScores.brier(0.7, happened: false) - 0.49) < 1e-15)
        // -ln 0.7 = 0.356674943938732; -ln 0.3 = 1.203972804325936.
        #expect(abs(ProperScores.logLoss(0.7, happened: true) - 0.356674943938732) < 1e-14)
        #expect(abs(ProperScores.logLoss(0.7, happened: false) - 1.203972804325936) < 1e-14)
        // 50% scores 0 on the baseline scale; 100 * (1 + log2 0.25) = -100.
        #expect(abs(ProperScores.baseline(0.5, happened: true)) < 1e-12)
        #expect(abs(ProperScores.baseline(0.25, happened: true) - -100) < 1e-12)
    }

    @Test func certaintyIsClippedToAThousandth() {
        // A 0% forecast of something that happened is scored as 0.001: -ln 0.001 = 6.907755278982137.
        #expect(abs(ProperScores.logLoss(0, happened: true) - 6.907755278982137) < 1e-12)
        #expect(abs(ProperScores.logLoss(1, happened: false) - 6.907755278982137) < 1e-12)
        // ...and a right 100% forecast as 0.999: -ln 0.999 = 0.00100050033358353.
        #expect(abs(ProperScores.logLoss(1, happened: true) - 0.00100050033358353) < 1e-15)
        // 100 * (1 + log2 0.001) = 100 - 996.5784284662087 = -896.5784284662087.
        #expect(abs(ProperScores.baseline(0, happened: true) - -896.5784284662087) < 1e-9)
        // Brier needs no clipping: a wrong certainty costs exactly 1.
        #expect(ProperScores.brier(0, happened: true) == 1)
    }

    @Test func binEdgesBelongToTheBinAbove() {
        #expect(ProperScores.binIndex(0) == 0)
        #expect(ProperScores.binIndex(0.0999) == 0)
        #expect(ProperScores.binIndex(0.1) == 1)
        #expect(ProperScores.binIndex(0.35) == 3)
        #expect(ProperScores.binIndex(0.45) == 4)
        #expect(ProperScores.binIndex(0.85) == 8)
        #expect(ProperScores.binIndex(0.9) == 9)
        #expect(ProperScores.binIndex(1.0) == 9)
        // Every decimal edge k/10 typed as a literal lands in bin k, whatever p * 10 rounds to.
        let edges = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
        for (k, edge) in edges.enumerated() {
            #expect(ProperScores.binIndex(edge) == k, "edge \(edge)")
            #expect(ProperScores.binIndex(edge.nextDown) == max(0, k - 1), "just below \(edge)")
        }
        // 0.1 * 3 is 0.30000000000000004, just above the edge 0.3: still bin 3; 0.7 * 0.1 * 10 lands
        // just below 0.7 (0.7000000000000001 / 0.6999999999999999 both happen in arithmetic).
        #expect(ProperScores.binIndex(0.1 * 3) == 3)
        #expect(ProperScores.binIndex(0.6999999999999999) == 6)
    }

    @Test func wilsonIntervalForThreeOfFour() {
        // z = 1.96, z^2 = 3.8416. Centre (3 + 1.9208) / 7.8416 = 4.9208 / 7.8416 = 0.627525.
        // Half-width 1.96 * sqrt(3 * 1 / 4 + 0.9604) / 7.8416 = 1.96 * sqrt(1.7104) / 7.8416
        //   = 1.96 * 1.307823 / 7.8416 = 2.563333 / 7.8416 = 0.326889.
        // So [0.300636, 0.954414] to six places.
        let interval = ProperScores.wilson(successes: 3, trials: 4)
        #expect(abs((interval?.low ?? .nan) - 0.300636) < 1e-6)
        #expect(abs((interval?.high ?? .nan) - 0.954414) < 1e-6)
        // No trials, no interval; all or none stay inside [0, 1].
        #expect(ProperScores.wilson(successes: 0, trials: 0) == nil)
        // k = 0: centre and half-width are both 1.9208 / 8.8416, so [0, 3.8416 / 8.8416 = 0.434491].
        let none = ProperScores.wilson(successes: 0, trials: 5)
        #expect(abs(none?.low ?? .nan) < 1e-15)
        #expect(abs((none?.high ?? .nan) - 0.434491) < 1e-6)
    }

    @Test func foldingRestatesLowForecastsAsTheOpposite() {
        // 30% on yes that came true = 70% on no, which was wrong.
        let low = ProperScores.folded(0.3, happened: true)
        #expect(low.level == 700_000)
        #expect(low.right == false)
        let lowNo = ProperScores.folded(0.3, happened: false)
        #expect(lowNo.level == 700_000)
        #expect(lowNo.right == true)
        // Levels are kept as stated, to the millionth: 0.645 is 64.5%, and so is 1 - 0.355.
        #expect(ProperScores.folded(0.5, happened: true) == (500_000, true))
        #expect(ProperScores.folded(0.645, happened: true).level == 645_000)
        #expect(ProperScores.folded(0.355, happened: true).level == 645_000)
        #expect(ProperScores.folded(0.0, happened: false) == (1_000_000, true))
        // 0.995 is 99.5%, never "100%"; 0.006 restated is 99.4%.
        #expect(ProperScores.folded(0.995, happened: false) == (995_000, false))
        #expect(ProperScores.folded(0.006, happened: false) == (994_000, true))
    }

    @Test func foldedStepsAreHalfOpenWithTheLastClosed() {
        // Steps of 5 points: [50, 55), [55, 60), ..., [95, 100]; of 7: [50, 57), ..., [99, 100].
        #expect(ProperScores.foldedStepLevel(500_000, step: 5) == 500_000)
        #expect(ProperScores.foldedStepLevel(549_999, step: 5) == 500_000)
        #expect(ProperScores.foldedStepLevel(550_000, step: 5) == 550_000)
        #expect(ProperScores.foldedStepLevel(995_000, step: 5) == 950_000)
        #expect(ProperScores.foldedStepLevel(1_000_000, step: 5) == 950_000)
        #expect(ProperScores.foldedStepLevel(1_000_000, step: 7) == 990_000)
        #expect(ProperScores.foldedStepLevel(989_999, step: 7) == 920_000)
        #expect(ProperScores.foldedStepLevel(1_000_000, step: 50) == 500_000)
    }
}
