import Foundation

/// Relative Brier and peer score: how each owner did on a question compared with everyone who
/// forecast it. Fed one question at a time by the scoring engine; a question counts for these
/// scores only when two or more owners have counted forecasts on it (Fatebook gives no relative
/// score to a lone forecaster, and a peer score needs peers).
///
/// - Relative Brier (Fatebook `lib/_scoring.ts`, Good Judgment Open): own Brier minus the median
///   Brier of *all* forecasters on the question, the owner included, on the 0-1 scale.
/// - Peer score (Metaculus): 100 (ln p_i - mean over the other forecasters j of ln p_j), p the
///   probability given to what happened, clipped to [0.001, 0.999] as for log loss.
///
/// Under the counting rules each owner's score on the question is a *spot* value: the Brier (and
/// ln p) of their counted forecasts, averaged when several count. Under the time-weighted rule both
/// are averaged over the question's whole life in continuous time: at each instant the median and
/// the peers are those holding a forecast then, and an owner scores 0 while holding none (Good
/// Judgment Open scores the days before your first forecast at the median; Metaculus scores
/// uncovered time 0), so joining late gains nothing.
struct OwnerComparison {
    /// One owner's counted forecasts on the question, summarised.
    struct Pair {
        var owner: Int32
        var brier: Double
        var logProbability: Double
    }

    /// One forecast standing from `from` until `until` (milliseconds), under the time-weighted rule.
    struct Standing {
        /// The owner's place in `pairs`.
        var slot: Int
        var from: Int64
        var until: Int64
        var brier: Double
        var logProbability: Double
    }

    private(set) var relativeSum: [Double]
    private(set) var peerSum: [Double]
    private(set) var sharedQuestions: [Int]

    var pairs: [Pair] = []
    var standings: [Standing] = []

    // Reused buffers.
    private var sorted: [Double] = []
    private var instants: [Int64] = []
    private var holders: [Int] = []
    private var byStart: [Int] = []
    private var questionRelative: [Double] = []
    private var questionPeer: [Double] = []

    init(ownerCount: Int) {
        relativeSum = [Double](repeating: 0, count: ownerCount)
        peerSum = [Double](repeating: 0, count: ownerCount)
        sharedQuestions = [Int](repeating: 0, count: ownerCount)
    }

    mutating func startQuestion() {
        pairs.removeAll(keepingCapacity: true)
        standings.removeAll(keepingCapacity: true)
    }

    /// Spot scores from `pairs`.
    mutating func finishSpot(selected: [Bool]) {
        guard pairs.count >= 2 else { return }
        sorted.removeAll(keepingCapacity: true)
        var logSum = 0.0
        for pair in pairs {
            sorted.append(pair.brier)
            logSum += pair.logProbability
        }
        sorted.sort()
        let median = Self.median(sorted)
        let others = Double(pairs.count - 1)
        for pair in pairs where selected[Int(pair.owner)] {
            let owner = Int(pair.owner)
            relativeSum[owner] += pair.brier - median
            peerSum[owner] += 100 * (pair.logProbability - (logSum - pair.logProbability) / others)
            sharedQuestions[owner] += 1
        }
    }

    /// Whole-life scores from `standings`, over the life `[openedAt, resolvedAt]`. Falls back to
    /// the spot scores when the life has no length (everything said at the resolution instant).
    mutating func finishTimeWeighted(openedAt: Int64, resolvedAt: Int64, selected: [Bool]) {
        guard pairs.count >= 2 else { return }
        let life = Double(resolvedAt) - Double(openedAt)
        guard life > 0, !standings.isEmpty else { return finishSpot(selected: selected) }
        instants.removeAll(keepingCapacity: true)
        for standing in standings {
            instants.append(standing.from)
            instants.append(standing.until)
        }
        instants.sort()
        questionRelative = [Double](repeating: 0, count: pairs.count)
        questionPeer = [Double](repeating: 0, count: pairs.count)
        // A sweep over the instants where someone's standing forecast changes: the holders stay
        // the same between two of them. Standings never overlap for one owner.
        byStart = Array(standings.indices)
        byStart.sort { standings[$0].from < standings[$1].from }
        holders.removeAll(keepingCapacity: true)
        var nextStart = 0
        var previous: Int64?
        for instant in instants {
            defer { previous = instant }
            guard let start = previous, instant > start else { continue }
            holders.removeAll { standings[$0].until <= start }
            while nextStart < byStart.count, standings[byStart[nextStart]].from <= start {
                if standings[byStart[nextStart]].until > start { holders.append(byStart[nextStart]) }
                nextStart += 1
            }
            guard !holders.isEmpty else { continue }
            sorted.removeAll(keepingCapacity: true)
            var logSum = 0.0
            for index in holders {
                sorted.append(standings[index].brier)
                logSum += standings[index].logProbability
            }
            sorted.sort()
            let median = Self.median(sorted)
            let share = (Double(instant) - Double(start)) / life
            for index in holders {
                let standing = standings[index]
                guard standing.slot >= 0, standing.slot < pairs.count else { continue }
                questionRelative[standing.slot] += share * (standing.brier - median)
                if holders.count >= 2 {
                    let othersMean = (logSum - standing.logProbability) / Double(holders.count - 1)
                    questionPeer[standing.slot] += share * 100 * (standing.logProbability - othersMean)
                }
            }
        }
        for (slot, pair) in pairs.enumerated() where selected[Int(pair.owner)] {
            let owner = Int(pair.owner)
            relativeSum[owner] += questionRelative[slot]
            peerSum[owner] += questionPeer[slot]
            sharedQuestions[owner] += 1
        }
    }

    /// The median of a sorted, non-empty array: the middle value, or the mean of the two middle ones.
    static func median(_ sorted: [Double]) -> Double {
        let count = sorted.count
        guard count > 0 else { return .nan }
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
    }
}

/// The owner ranking. Raw Brier depends on which questions a person chose (two lucky forecasts
/// make a Brier of 0), so owners are ranked by relative Brier on shared questions, as Good
/// Judgment Open and Fatebook rank, and only with enough of them; the rest are listed unranked.
enum OwnerRanking {
    /// Ranked owners first: lowest relative Brier, then lowest Brier, more forecasts, name. Then
    /// the unranked ones by Brier, more forecasts, name.
    static func ranked(_ owners: [GroupScore], minimumQuestions: Int) -> [GroupScore] {
        func isRanked(_ group: GroupScore) -> Bool {
            group.relativeBrier != nil && group.sharedQuestions >= max(1, minimumQuestions)
        }
        func byBrier(_ a: GroupScore, _ b: GroupScore) -> Bool {
            if a.brier != b.brier { return (a.brier ?? .infinity) < (b.brier ?? .infinity) }
            if a.n != b.n { return a.n > b.n }
            return (a.name ?? "") < (b.name ?? "")
        }
        var ranked = owners.filter(isRanked).sorted { a, b in
            if a.relativeBrier != b.relativeBrier { return (a.relativeBrier ?? .infinity) < (b.relativeBrier ?? .infinity) }
            return byBrier(a, b)
        }
        for index in ranked.indices { ranked[index].rank = index + 1 }
        var unranked = owners.filter { !isRanked($0) }.sorted(by: byBrier)
        for index in unranked.indices { unranked[index].rank = nil }
        return ranked + unranked
    }
}
