extension Range where Bound == Int {
    /// `lower..<upper`, or an empty range at `lower` where the bounds cross. Token positions in
    /// extraction are computed from the input ("the number's end", "the clause's new end after a
    /// trailing reason was cut"), and a text can put them in any order: `lower..<upper` with
    /// `upper < lower` traps, which no input may make foretell do.
    init(from lower: Int, upTo upper: Int) {
        self = lower..<Swift.max(lower, upper)
    }
}
