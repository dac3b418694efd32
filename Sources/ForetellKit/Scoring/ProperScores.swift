import Foundation

/// The scoring arithmetic, one formula a function, so that every group and every rule uses the same
/// conventions (see `shared/reference/scoring.md`).
public enum ProperScores {
    /// Log scores clip probabilities to this range, as Metaculus does, so that a forecast of 0% or
    /// 100% that turned out wrong gives a large but finite penalty.
    public static let clipRange: ClosedRange<Double> = 0.001...0.999

    /// The probability assigned to what happened, before clipping.
    public static func probabilityOfOutcome(_ probability: Double, happened: Bool) -> Double {
        happened ? probability : 1 - probability
    }

    /// Brier score on the 0-1 scale: (p - o)^2 with o = 1 if the event happened.
    public static func brier(_ probability: Double, happened: Bool) -> Double {
        let miss = probability - (happened ? 1 : 0)
        return miss * miss
    }

    static func clipped(_ probability: Double) -> Double {
        min(max(probability, clipRange.lowerBound), clipRange.upperBound)
    }

    /// -ln(p of what happened), with p clipped first.
    public static func logLoss(_ probability: Double, happened: Bool) -> Double {
        -log(clipped(probabilityOfOutcome(probability, happened: happened)))
    }

    /// Metaculus's baseline score: 100 * (1 + log2(p of what happened)), p clipped as for log loss.
    /// 0 for a 50% forecast, near 100 for a confident right one; higher is better.
    public static func baseline(_ probability: Double, happened: Bool) -> Double {
        100 * (1 + log2(clipped(probabilityOfOutcome(probability, happened: happened))))
    }

    /// The calibration bin of a probability: `[k/10, (k+1)/10)` for k in 0...8, and `[0.9, 1.0]`.
    ///
    /// `p * 10` alone is not enough: floating point puts some decimal edges a hair off (0.1 * 3 is
    /// not 0.3), so the guess is checked against the edges as the decimals `k/10`, which is how the
    /// person typed them.
    public static func binIndex(_ probability: Double) -> Int {
        guard probability > 0 else { return 0 }
        guard probability < 1 else { return binCount - 1 }
        var index = Int((probability * 10).rounded(.down))
        index = min(max(index, 0), binCount - 1)
        if index < binCount - 1, probability >= binLowerEdge(index + 1) { index += 1 }
        if index > 0, probability < binLowerEdge(index) { index -= 1 }
        return index
    }

    public static let binCount = 10

    /// The lower edge of bin k as the double nearest to the decimal k/10.
    public static func binLowerEdge(_ index: Int) -> Double { Double(index) / 10 }

    public static func binUpperEdge(_ index: Int) -> Double { Double(index + 1) / 10 }

    /// The folded table's resolution: a confidence is kept to the millionth, which holds every
    /// level a person or a tracker states (0.995 stays 99.5%, never "100%").
    public static let foldedLevelsPerUnit = 1_000_000

    /// A forecast restated at 50% or more: below 0.5 it becomes 1 - p about the opposite outcome.
    /// Returns the stated confidence in millionths (500_000...1_000_000) and whether it came true.
    public static func folded(_ probability: Double, happened: Bool) -> (level: Int, right: Bool) {
        let probability = probability.isNaN ? 0.5 : min(max(probability, 0), 1)
        let flipped = probability < 0.5
        let confidence = flipped ? 1 - probability : probability
        // Nearest millionth: 1 - 0.3 is 0.69999999999999996 in binary, and is the 70% it was typed as.
        let level = Int((confidence * Double(foldedLevelsPerUnit)).rounded(.toNearestOrAwayFromZero))
        let half = foldedLevelsPerUnit / 2
        return (min(max(level, half), foldedLevelsPerUnit), flipped ? !happened : happened)
    }

    /// The lower edge (in millionths) of the `step`-point group a folded level falls in: groups
    /// are half-open [50, 50 + step), ... and the last one also holds 100%.
    public static func foldedStepLevel(_ level: Int, step: Int) -> Int {
        let width = max(1, min(step, 50)) * foldedLevelsPerUnit / 100
        let half = foldedLevelsPerUnit / 2
        let last = half + (half - 1) / width * width
        return min(half + (max(level, half) - half) / width * width, last)
    }

    public static let wilsonZ = 1.96

    /// Wilson's score interval for k successes in n trials (n may be a weighted count).
    /// Centre (k + z^2/2)/(n + z^2), half-width z * sqrt(k(n-k)/n + z^2/4) / (n + z^2).
    public static func wilson(successes k: Double, trials n: Double, z: Double = wilsonZ) -> (low: Double, high: Double)? {
        guard n > 0, k >= 0, k <= n * (1 + 1e-12) else { return nil }
        let k = min(k, n)
        let z2 = z * z
        let centre = (k + z2 / 2) / (n + z2)
        let half = z * (k * (n - k) / n + z2 / 4).squareRoot() / (n + z2)
        return (max(0, centre - half), min(1, centre + half))
    }
}
