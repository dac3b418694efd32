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

struct ScoringEngine {
    let input: ScoringInput
    let options: ScoreOptions

    private var ownerSelected: [Bool]
    private var ownerFilterActive: Bool
    private var questionInScope: [Bool]
    private var groups: [GroupAccumulator]
    private var tagBase: Int { 1 + input.owners.count }
    private var sourceBase: Int { 1 + input.owners.count + input.tags.count }

    private var comparison: OwnerComparison
    private var monthly: [Int: (n: Int, weight: Double, brier: Double)] = [:]
    private var openQuestionHasOwner: [Bool]
    private var openForecasts = 0
    private var excluded = Exclusions(madeAfterResolution: 0, superseded: 0, voidQuestions: 0, voidForecasts: 0)

    // Reused buffers, so that the pass allocates nothing per forecast.
    private var pairForecasts: [Int32] = []
    private var pairWeights: [Double] = []
    /// Under the time-weighted rule: when each of `pairForecasts` stood, from and until.
    private var pairSpans: [(from: Int64, until: Int64)] = []

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
        groups = [GroupAccumulator](
            repeating: GroupAccumulator(folded: options.folded, step: options.foldedStep), count: groupCount)
        comparison = OwnerComparison(ownerCount: input.owners.count)
        openQuestionHasOwner = [Bool](repeating: false, count: input.questions.count)
    }

    /// Whether a question's outcome is scored under the filters, and if so, whether it happened.
    private func scoredOutcome(_ question: ScoringInput.Question) -> Bool? {
        guard let outcome = question.outcome, outcome.isScored, resolvedInPeriod(question) else { return nil }
        return outcome == .yes
    }

    /// Whether a resolved question's resolution day (UTC) is within `--since/--until`.
    private func resolvedInPeriod(_ question: ScoringInput.Question) -> Bool {
        guard let resolved = question.resolvedAtMs else { return false }
        guard options.since != nil || options.until != nil else { return true }
        guard let day = day(of: resolved) else { return false }
        if let since = options.since, day < since { return false }
        if let until = options.until, day > until { return false }
        return true
    }

    /// Forecast indices in (question, owner, made at to the nanosecond, id) order: a counting sort by question, O(n),
    /// then each question's few forecasts sorted on their own. Input already in that order (as a
    /// store may deliver it) passes through untouched.
    private func orderedForecasts() -> [Int32] {
        let forecasts = input.forecasts
        func before(_ a: ScoringInput.Forecast, _ b: ScoringInput.Forecast) -> Bool {
            if a.question != b.question { return a.question < b.question }
            if a.owner != b.owner { return a.owner < b.owner }
            if a.madeAtMs != b.madeAtMs { return a.madeAtMs < b.madeAtMs }
            if a.madeAtSubMsNanos != b.madeAtSubMsNanos { return a.madeAtSubMsNanos < b.madeAtSubMsNanos }
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
            if let outcome = question.outcome, !outcome.isScored, resolvedInPeriod(question) {
                let count = forecasts.count { ownerSelected[Int(input.forecasts[Int($0)].owner)] }
                if count > 0 || !ownerFilterActive { excluded.voidQuestions += 1 }
                excluded.voidForecasts += count
            }
            return
        }
        comparison.startQuestion()
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
            var pairLog = 0.0
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
                pairLog += weight * scored.logProbability
                pairWeight += weight
                if offset < pairSpans.count, pairSpans[offset].until > pairSpans[offset].from {
                    // This owner's pair is appended next, at this slot (it has weight: this stood).
                    comparison.standings.append(OwnerComparison.Standing(
                        slot: comparison.pairs.count, from: pairSpans[offset].from, until: pairSpans[offset].until,
                        brier: scored.brier, logProbability: scored.logProbability))
                }
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
            guard pairWeight > 0 else { continue }
            comparison.pairs.append(OwnerComparison.Pair(
                owner: owner, brier: pairBrier / pairWeight, logProbability: pairLog / pairWeight))
            // Under the time-weighted rule an owner's question weighs 1: what their forecasts did
            // not cover of its life scores as a 50% forecast.
            let uncovered = 1 - pairWeight
            if selected, options.rule == .timeWeighted, uncovered > 1e-12 {
                groups[0].addUncovered(uncovered, question: questionIndex)
                groups[1 + Int(owner)].addUncovered(uncovered, question: questionIndex)
                for tag in input.questionTags[Int(questionIndex)] {
                    groups[tagBase + Int(tag)].addUncovered(uncovered, question: questionIndex)
                }
                monthWeight += uncovered
                monthBrier += uncovered * 0.25
            }
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
        if options.rule == .timeWeighted {
            comparison.finishTimeWeighted(openedAt: openedAt, resolvedAt: resolvedAt, selected: ownerSelected)
        } else {
            comparison.finishSpot(selected: ownerSelected)
        }
    }

    /// Sets `pairWeights` for one owner's forecasts on one question (`pairForecasts`, in time order).
    private mutating func weighPair(openedAt: Int64, resolvedAt: Int64) {
        let count = pairForecasts.count
        pairWeights.removeAll(keepingCapacity: true)
        pairSpans.removeAll(keepingCapacity: true)
        switch options.rule {
        case .everyForecast:
            pairWeights.append(contentsOf: repeatElement(1, count: count))
        case .latest:
            pairWeights.append(contentsOf: repeatElement(0, count: count - 1))
            pairWeights.append(1)
        case .timeWeighted:
            // Each forecast stands from when it was made (or the question opened) until the owner's
            // next forecast or the resolution, and weighs the share of the question's whole life
            // that is; the rest of the life is the owner's uncovered time.
            // In doubles: the difference of two extreme Int64 instants would overflow.
            let life = Double(resolvedAt) - Double(openedAt)
            var total = 0.0
            for offset in 0..<count {
                let made = input.forecasts[Int(pairForecasts[offset])].madeAtMs
                let from = max(made, openedAt)
                let until = offset + 1 < count
                    ? min(input.forecasts[Int(pairForecasts[offset + 1])].madeAtMs, resolvedAt) : resolvedAt
                let stood = until > from ? Double(until) - Double(from) : 0
                pairWeights.append(stood)
                pairSpans.append((from, max(from, until)))
                total += stood
            }
            if total > 0, life > 0 {
                for offset in 0..<count { pairWeights[offset] = min(1, pairWeights[offset] / life) }
            } else {
                // No measurable life (all said at the resolution instant): the latest counts, whole.
                for offset in 0..<count { pairWeights[offset] = offset == count - 1 ? 1 : 0 }
            }
        }
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
            let shared = comparison.sharedQuestions[index]
            if shared > 0 {
                group.relativeBrier = comparison.relativeSum[index] / Double(shared)
                group.peerScore = comparison.peerSum[index] / Double(shared)
                group.sharedQuestions = shared
            }
            owners.append(group)
        }
        owners = OwnerRanking.ranked(owners, minimumQuestions: options.rankingMinimumQuestions)
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
