/// Running sums for one group. Weighted throughout; under the counting rules every weight is 1.
struct GroupAccumulator {
    struct Bin {
        var n = 0
        var weight = 0.0
        var probability = 0.0
        var happened = 0.0
    }

    struct Fold {
        var n = 0
        var right = 0
        var levelSum = 0
        var rightWeight = 0.0
        var wrongWeight = 0.0
    }

    var n = 0
    var weight = 0.0
    /// The weight of stated forecasts; `weight` less the uncovered time of the time-weighted rule.
    var coveredWeight = 0.0
    var questions = 0
    var lastQuestion: Int32 = -1
    var brier = 0.0
    var logLoss = 0.0
    var baseline = 0.0
    var happened = 0.0
    var bins = [Bin](repeating: Bin(), count: ProperScores.binCount)
    /// Folded rows by level in millionths (or by the step's lower edge); nil without `--folded`.
    var folds: [Int: Fold]?
    let foldedStep: Int?

    init(folded: Bool, step: Int?) {
        folds = folded ? [:] : nil
        foldedStep = step
    }

    private mutating func count(question: Int32) {
        if question != lastQuestion {
            lastQuestion = question
            questions += 1
        }
    }

    /// The share of a question's life an owner held no forecast, under the time-weighted rule:
    /// scored as a 50% forecast (Brier 0.25, log loss ln 2, baseline 0, Metaculus's score for no
    /// forecast), and left out of the calibration and folded tables, which show what was stated.
    mutating func addUncovered(_ w: Double, question: Int32) {
        guard w > 0 else { return }
        count(question: question)
        weight += w
        brier += w * 0.25
        logLoss += w * ProperScores.logLoss(0.5, happened: true)
    }

    mutating func add(_ scored: ScoredForecast, question: Int32) {
        count(question: question)
        let w = scored.weight
        n += 1
        weight += w
        coveredWeight += w
        brier += w * scored.brier
        logLoss += w * scored.logLoss
        baseline += w * scored.baseline
        let yes = scored.happened ? w : 0
        happened += yes
        bins[scored.bin].n += 1
        bins[scored.bin].weight += w
        bins[scored.bin].probability += w * scored.probability
        bins[scored.bin].happened += yes
        if folds != nil {
            let key = foldedStep.map { ProperScores.foldedStepLevel(scored.foldedLevel, step: $0) } ?? scored.foldedLevel
            var fold = folds?[key] ?? Fold()
            fold.n += 1
            fold.levelSum += scored.foldedLevel
            if scored.foldedRight {
                fold.right += 1
                fold.rightWeight += w
            } else {
                fold.wrongWeight += w
            }
            folds?[key] = fold
        }
    }

    func score(kind: GroupKind, name: String?) -> GroupScore {
        let scored = weight > 0
        let covered = coveredWeight > 0
        let baseRate = covered ? happened / coveredWeight : 0
        var reliability = 0.0
        var resolution = 0.0
        var calibration: [CalibrationBin] = []
        calibration.reserveCapacity(bins.count)
        for (index, bin) in bins.enumerated() {
            var row = CalibrationBin(
                lo: ProperScores.binLowerEdge(index), hi: ProperScores.binUpperEdge(index),
                n: bin.n, weight: bin.weight)
            if bin.weight > 0 {
                let mean = bin.probability / bin.weight
                let observed = bin.happened / bin.weight
                row.meanProbability = mean
                row.observed = observed
                if let interval = ProperScores.wilson(successes: bin.happened, trials: bin.weight) {
                    row.ciLow = interval.low
                    row.ciHigh = interval.high
                }
                reliability += bin.weight * (mean - observed) * (mean - observed)
                resolution += bin.weight * (observed - baseRate) * (observed - baseRate)
            }
            calibration.append(row)
        }
        var folded: [FoldedRow] = []
        let unit = Double(ProperScores.foldedLevelsPerUnit)
        for (level, fold) in (folds ?? [:]).sorted(by: { $0.key < $1.key }) where fold.n > 0 {
            let interval = ProperScores.wilson(successes: Double(fold.right), trials: Double(fold.n))
            let high = foldedStep.map { min(Double(level) / unit + Double($0) / 100, 1) }
            folded.append(FoldedRow(
                confidence: Double(level) / unit, confidenceHigh: high,
                meanConfidence: Double(fold.levelSum) / Double(fold.n) / unit, n: fold.n,
                right: Double(fold.right), wrong: Double(fold.n - fold.right),
                rightWeight: fold.rightWeight, wrongWeight: fold.wrongWeight,
                ciLow: interval?.low, ciHigh: interval?.high))
        }
        return GroupScore(
            kind: kind, name: name, rank: nil, n: n, weight: weight, questions: questions,
            brier: scored ? brier / weight : nil,
            logLoss: scored ? logLoss / weight : nil,
            baseline: scored ? baseline / weight : nil,
            reliability: covered ? reliability / coveredWeight : nil,
            resolution: covered ? resolution / coveredWeight : nil,
            uncertainty: covered ? baseRate * (1 - baseRate) : nil,
            calibration: calibration, folded: folded, relativeBrier: nil, sharedQuestions: 0)
    }
}

/// One counted forecast with its scores worked out once, then added to each of its groups.
struct ScoredForecast {
    var probability: Double
    var weight: Double
    var happened: Bool
    var brier: Double
    var logLoss: Double
    var baseline: Double
    /// ln(p of what happened), clipped as for log loss: what peer scores compare.
    var logProbability: Double
    var bin: Int
    var foldedLevel: Int
    var foldedRight: Bool

    init(probability: Double, weight: Double, happened: Bool) {
        self.probability = probability
        self.weight = weight
        self.happened = happened
        brier = ProperScores.brier(probability, happened: happened)
        logLoss = ProperScores.logLoss(probability, happened: happened)
        logProbability = -logLoss
        baseline = ProperScores.baseline(probability, happened: happened)
        bin = ProperScores.binIndex(probability)
        let fold = ProperScores.folded(probability, happened: happened)
        foldedLevel = fold.level
        foldedRight = fold.right
    }
}
