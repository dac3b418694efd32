extension Scoreboard {
    /// Scores `input` under `options`. One pass over the forecasts in (question, owner, time) order,
    /// plus a sort when they do not arrive in that order: O(n log n) time, memory linear in the
    /// forecasts plus a fixed amount per owner, tag and document.
    public init(input: ScoringInput, options: ScoreOptions) {
        var engine = ScoringEngine(input: input, options: options)
        engine.run()
        self = engine.scoreboard()
    }
}

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
        var right = 0.0
        var wrong = 0.0
    }

    var n = 0
    var weight = 0.0
    var questions = 0
    var lastQuestion: Int32 = -1
    var brier = 0.0
    var logLoss = 0.0
    var baseline = 0.0
    var happened = 0.0
    var bins = [Bin](repeating: Bin(), count: ProperScores.binCount)
    var folds: [Fold]

    init(folded: Bool) {
        folds = folded ? [Fold](repeating: Fold(), count: 51) : []
    }

    mutating func add(_ scored: ScoredForecast, question: Int32) {
        if question != lastQuestion {
            lastQuestion = question
            questions += 1
        }
        let w = scored.weight
        n += 1
        weight += w
        brier += w * scored.brier
        logLoss += w * scored.logLoss
        baseline += w * scored.baseline
        let yes = scored.happened ? w : 0
        happened += yes
        bins[scored.bin].n += 1
        bins[scored.bin].weight += w
        bins[scored.bin].probability += w * scored.probability
        bins[scored.bin].happened += yes
        if !folds.isEmpty {
            let row = scored.foldedPercent - 50
            folds[row].n += 1
            if scored.foldedRight { folds[row].right += w } else { folds[row].wrong += w }
        }
    }

    func score(kind: GroupKind, name: String?) -> GroupScore {
        let scored = weight > 0
        let baseRate = scored ? happened / weight : 0
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
        for (offset, fold) in folds.enumerated() where fold.n > 0 {
            let interval = ProperScores.wilson(successes: fold.right, trials: fold.right + fold.wrong)
            folded.append(FoldedRow(
                confidence: Double(offset + 50) / 100, n: fold.n, right: fold.right, wrong: fold.wrong,
                ciLow: interval?.low, ciHigh: interval?.high))
        }
        return GroupScore(
            kind: kind, name: name, rank: nil, n: n, weight: weight, questions: questions,
            brier: scored ? brier / weight : nil,
            logLoss: scored ? logLoss / weight : nil,
            baseline: scored ? baseline / weight : nil,
            reliability: scored ? reliability / weight : nil,
            resolution: scored ? resolution / weight : nil,
            uncertainty: scored ? baseRate * (1 - baseRate) : nil,
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
    var bin: Int
    var foldedPercent: Int
    var foldedRight: Bool

    init(probability: Double, weight: Double, happened: Bool) {
        self.probability = probability
        self.weight = weight
        self.happened = happened
        brier = ProperScores.brier(probability, happened: happened)
        logLoss = ProperScores.logLoss(probability, happened: happened)
        baseline = ProperScores.baseline(probability, happened: happened)
        bin = ProperScores.binIndex(probability)
        let fold = ProperScores.folded(probability, happened: happened)
        foldedPercent = fold.percent
        foldedRight = fold.right
    }
}

struct ScoringEngine {
    let input: ScoringInput
    let options: ScoreOptions

    private var ownerSelected: [Bool]
    private var ownerFilterActive: Bool
    private var questionInScope: [Bool]
    private var groups: [GroupAccumulator]
    private var tagBase: Int { 1 + input.owners.count }
    private var sourceBase: Int { 1 + input.owners.count + input.tags.count }

    private var relativeSum: [Double]
    private var relativeCount: [Int]
    private var monthly: [Int: (n: Int, weight: Double, brier: Double)] = [:]
    private var openQuestionHasOwner: [Bool]
    private var openForecasts = 0
    private var excluded = Exclusions(madeAfterResolution: 0, superseded: 0, voidQuestions: 0, voidForecasts: 0)

    // Reused buffers, so that the pass allocates nothing per forecast.
    private var pairForecasts: [Int32] = []
    private var pairWeights: [Double] = []
    private var questionPairs: [(owner: Int32, brier: Double)] = []
    private var sortedBriers: [Double] = []

    init(input: ScoringInput, options: ScoreOptions) {
        self.input = input
        self.options = options
        let filtering = !options.owners.isEmpty
        ownerFilterActive = filtering
        let wantedOwners = Set(options.owners)
        ownerSelected = input.owners.map { !filtering || wantedOwners.contains($0) }
        let wantedTags = Set(options.tags)
        let tagWanted = input.tags.map { wantedTags.contains($0) }
        questionInScope = (0..<input.questions.count).map { index in
            options.tags.isEmpty || input.questionTags[index].contains { tagWanted[Int($0)] }
        }
        let groupCount = 1 + input.owners.count + input.tags.count + input.sources.count
        groups = [GroupAccumulator](repeating: GroupAccumulator(folded: options.folded), count: groupCount)
        relativeSum = [Double](repeating: 0, count: input.owners.count)
        relativeCount = [Int](repeating: 0, count: input.owners.count)
        openQuestionHasOwner = [Bool](repeating: false, count: input.questions.count)
    }

    /// Whether a question's outcome is scored under the filters, and if so, whether it happened.
    private func scoredOutcome(_ question: ScoringInput.Question) -> Bool? {
        guard let outcome = question.outcome, outcome.isScored, let resolved = question.resolvedAtMs else { return nil }
        if options.since != nil || options.until != nil {
            guard let day = day(of: resolved) else { return nil }
            if let since = options.since, day < since { return nil }
            if let until = options.until, day > until { return nil }
        }
        return outcome == .yes
    }

    /// Forecast indices in (question, owner, made at, id) order: a counting sort by question, O(n),
    /// then each question's few forecasts sorted on their own. Input already in that order (as a
    /// store may deliver it) passes through untouched.
    private func orderedForecasts() -> [Int32] {
        let forecasts = input.forecasts
        func before(_ a: ScoringInput.Forecast, _ b: ScoringInput.Forecast) -> Bool {
            if a.question != b.question { return a.question < b.question }
            if a.owner != b.owner { return a.owner < b.owner }
            if a.madeAtMs != b.madeAtMs { return a.madeAtMs < b.madeAtMs }
            return a.id < b.id
        }
        var alreadySorted = true
        for index in forecasts.indices.dropFirst() where before(forecasts[index], forecasts[index - 1]) {
            alreadySorted = false
            break
        }
        if alreadySorted {
            return (0..<forecasts.count).map { Int32(truncatingIfNeeded: $0) }
        }
        let questionCount = input.questions.count
        var starts = [Int](repeating: 0, count: questionCount + 1)
        for forecast in forecasts { starts[Int(forecast.question) + 1] += 1 }
        for question in 0..<questionCount { starts[question + 1] += starts[question] }
        var next = starts
        var order = [Int32](repeating: 0, count: forecasts.count)
        for (index, forecast) in forecasts.enumerated() {
            order[next[Int(forecast.question)]] = Int32(truncatingIfNeeded: index)
            next[Int(forecast.question)] += 1
        }
        for question in 0..<questionCount where starts[question + 1] - starts[question] > 1 {
            order[starts[question]..<starts[question + 1]].sort { before(forecasts[Int($0)], forecasts[Int($1)]) }
        }
        return order
    }

    mutating func run() {
        let order = orderedForecasts()
        var start = 0
        while start < order.count {
            let question = input.forecasts[Int(order[start])].question
            var end = start + 1
            while end < order.count, input.forecasts[Int(order[end])].question == question { end += 1 }
            scoreQuestion(question, order[start..<end])
            start = end
        }
    }

    private mutating func scoreQuestion(_ questionIndex: Int32, _ forecasts: ArraySlice<Int32>) {
        guard questionIndex >= 0, Int(questionIndex) < input.questions.count,
              questionInScope[Int(questionIndex)] else { return }
        let question = input.questions[Int(questionIndex)]
        guard question.outcome != nil else {
            for index in forecasts where ownerSelected[Int(input.forecasts[Int(index)].owner)] {
                openForecasts += 1
                openQuestionHasOwner[Int(questionIndex)] = true
            }
            return
        }
        guard let happened = scoredOutcome(question), let resolvedAt = question.resolvedAtMs else {
            if let outcome = question.outcome, !outcome.isScored {
                let count = forecasts.count { ownerSelected[Int(input.forecasts[Int($0)].owner)] }
                if count > 0 || !ownerFilterActive { excluded.voidQuestions += 1 }
                excluded.voidForecasts += count
            }
            return
        }
        questionPairs.removeAll(keepingCapacity: true)
        // The question was open at least from its first forecast, whatever its recorded open time.
        var openedAt = question.openedAtMs
        for index in forecasts { openedAt = min(openedAt, input.forecasts[Int(index)].madeAtMs) }
        var monthN = 0
        let leftOutBefore = excluded.madeAfterResolution + excluded.backfilled
        var monthWeight = 0.0
        var monthBrier = 0.0
        var start = forecasts.startIndex
        while start < forecasts.endIndex {
            let owner = input.forecasts[Int(forecasts[start])].owner
            var end = start + 1
            while end < forecasts.endIndex, input.forecasts[Int(forecasts[end])].owner == owner { end += 1 }
            let selected = ownerSelected[Int(owner)]
            pairForecasts.removeAll(keepingCapacity: true)
            for index in forecasts[start..<end] {
                if input.forecasts[Int(index)].backfilled && !options.includeBackfilled {
                    if selected { excluded.backfilled += 1 }
                } else if input.forecasts[Int(index)].madeAtMs <= resolvedAt {
                    pairForecasts.append(index)
                } else if selected {
                    excluded.madeAfterResolution += 1
                }
            }
            start = end
            guard !pairForecasts.isEmpty else { continue }
            weighPair(openedAt: openedAt, resolvedAt: resolvedAt)
            var pairBrier = 0.0
            var pairWeight = 0.0
            for (offset, index) in pairForecasts.enumerated() {
                let weight = pairWeights[offset]
                guard weight > 0 else {
                    if selected { excluded.superseded += 1 }
                    continue
                }
                let forecast = input.forecasts[Int(index)]
                let scored = ScoredForecast(probability: forecast.probability, weight: weight, happened: happened)
                pairBrier += weight * scored.brier
                pairWeight += weight
                guard selected else { continue }
                groups[0].add(scored, question: questionIndex)
                groups[1 + Int(owner)].add(scored, question: questionIndex)
                for tag in input.questionTags[Int(questionIndex)] {
                    groups[tagBase + Int(tag)].add(scored, question: questionIndex)
                }
                for source in input.forecastSources[Int(index)] {
                    groups[sourceBase + Int(source)].add(scored, question: questionIndex)
                }
                monthN += 1
                monthWeight += weight
                monthBrier += weight * scored.brier
            }
            if pairWeight > 0 { questionPairs.append((owner, pairBrier / pairWeight)) }
        }
        if monthN == 0 && excluded.madeAfterResolution + excluded.backfilled > leftOutBefore {
            excluded.resolvedWithoutCountedForecasts.append(question.id)
        }
        if monthN > 0 {
            let key = monthKey(resolvedAt)
            var point = monthly[key] ?? (0, 0, 0)
            point.n += monthN
            point.weight += monthWeight
            point.brier += monthBrier
            monthly[key] = point
        }
        compareOwners()
    }

    /// Sets `pairWeights` for one owner's forecasts on one question (`pairForecasts`, in time order).
    private mutating func weighPair(openedAt: Int64, resolvedAt: Int64) {
        let count = pairForecasts.count
        pairWeights.removeAll(keepingCapacity: true)
        switch options.rule {
        case .everyForecast:
            pairWeights.append(contentsOf: repeatElement(1, count: count))
        case .latest:
            pairWeights.append(contentsOf: repeatElement(0, count: count - 1))
            pairWeights.append(1)
        case .timeWeighted:
            // Each forecast stands from when it was made (or the question opened) until the owner's
            // next forecast or the resolution.
            var total = 0.0
            for offset in 0..<count {
                let made = input.forecasts[Int(pairForecasts[offset])].madeAtMs
                let from = max(made, openedAt)
                let until = offset + 1 < count
                    ? min(input.forecasts[Int(pairForecasts[offset + 1])].madeAtMs, resolvedAt) : resolvedAt
                // In doubles: the difference of two extreme Int64 instants would overflow.
                let stood = until > from ? Double(until) - Double(from) : 0
                pairWeights.append(stood)
                total += stood
            }
            if total > 0 {
                for offset in 0..<count { pairWeights[offset] /= total }
            } else {
                // No measurable open life (all made at the resolution instant): the latest counts.
                for offset in 0..<count { pairWeights[offset] = offset == count - 1 ? 1 : 0 }
            }
        }
    }

    /// Relative score: each selected owner's Brier on the question minus the median of the others'.
    private mutating func compareOwners() {
        guard questionPairs.count >= 2 else { return }
        sortedBriers.removeAll(keepingCapacity: true)
        for pair in questionPairs { sortedBriers.append(pair.brier) }
        sortedBriers.sort()
        let others = sortedBriers.count - 1
        for pair in questionPairs where ownerSelected[Int(pair.owner)] {
            let skip = Self.firstIndex(of: pair.brier, in: sortedBriers)
            func other(_ position: Int) -> Double { sortedBriers[position < skip ? position : position + 1] }
            let median = others % 2 == 1
                ? other(others / 2)
                : (other(others / 2 - 1) + other(others / 2)) / 2
            relativeSum[Int(pair.owner)] += pair.brier - median
            relativeCount[Int(pair.owner)] += 1
        }
    }

    private static func firstIndex(of value: Double, in sorted: [Double]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return min(low, sorted.count - 1)
    }

    private func monthKey(_ ms: Int64) -> Int {
        guard let day = day(of: ms) else { return 0 }
        return day.year * 12 + day.month - 1
    }

    /// The day an instant falls on: on the user's calendar when the options say so, else UTC.
    private func day(of ms: Int64) -> Day? {
        options.daysInLocalTime ? LocalTime.day(ofMilliseconds: ms) : Self.utcDay(ms)
    }

    /// The UTC day of an instant: floor division, which cannot overflow at the ends of Int64.
    static func utcDay(_ ms: Int64) -> Day? {
        let (quotient, remainder) = ms.quotientAndRemainder(dividingBy: 86_400_000)
        return Day(daysSinceEpoch: Int(remainder < 0 ? quotient - 1 : quotient))
    }

    func scoreboard() -> Scoreboard {
        let overall = groups[0].score(kind: .overall, name: nil)
        var owners: [GroupScore] = []
        for (index, name) in input.owners.enumerated() where groups[1 + index].n > 0 {
            var group = groups[1 + index].score(kind: .owner, name: name)
            if relativeCount[index] > 0 {
                group.relativeBrier = relativeSum[index] / Double(relativeCount[index])
                group.sharedQuestions = relativeCount[index]
            }
            owners.append(group)
        }
        owners.sort { a, b in
            if a.brier != b.brier { return (a.brier ?? .infinity) < (b.brier ?? .infinity) }
            if a.n != b.n { return a.n > b.n }
            return (a.name ?? "") < (b.name ?? "")
        }
        for index in owners.indices { owners[index].rank = index + 1 }
        func listed(_ names: [String], base: Int, kind: GroupKind) -> [GroupScore] {
            var list: [GroupScore] = []
            for (index, name) in names.enumerated() where groups[base + index].n > 0 {
                list.append(groups[base + index].score(kind: kind, name: name))
            }
            return list.sorted { a, b in a.n != b.n ? a.n > b.n : (a.name ?? "") < (b.name ?? "") }
        }
        let timeline = monthly.keys.sorted().compactMap { key -> TimelinePoint? in
            guard let point = monthly[key], point.weight > 0 else { return nil }
            let year = key / 12
            let month = key % 12 + 1
            let label = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
                + (month < 10 ? "-0" : "-") + String(month)
            return TimelinePoint(month: label, n: point.n, weight: point.weight, brier: point.brier / point.weight)
        }
        return Scoreboard(
            options: options, overall: overall, owners: owners,
            tags: listed(input.tags, base: tagBase, kind: .tag),
            sources: listed(input.sources, base: sourceBase, kind: .source),
            timeline: timeline, open: openWork(), excluded: excluded)
    }

    private func openWork() -> OpenWork {
        var work = OpenWork(questions: 0, forecasts: openForecasts, overdue: 0, withoutDeadline: 0, nextDeadlines: [])
        var upcoming: [(deadline: Day, index: Int)] = []
        for (index, question) in input.questions.enumerated() where question.outcome == nil && questionInScope[index] {
            guard !ownerFilterActive || openQuestionHasOwner[index] else { continue }
            work.questions += 1
            guard let deadline = question.deadline else {
                work.withoutDeadline += 1
                continue
            }
            if deadline < options.today { work.overdue += 1 } else { upcoming.append((deadline, index)) }
        }
        upcoming.sort { $0.deadline != $1.deadline ? $0.deadline < $1.deadline : $0.index < $1.index }
        work.nextDeadlines = upcoming.prefix(max(0, options.nextDeadlineCount)).map { entry in
            let question = input.questions[entry.index]
            return OpenWork.Deadline(
                questionId: question.id, claim: question.claim, deadline: entry.deadline,
                daysLeft: entry.deadline.daysSinceEpoch - options.today.daysSinceEpoch)
        }
        return work
    }
}
