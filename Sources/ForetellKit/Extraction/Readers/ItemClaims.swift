/// Unhedged list items: a claim stated flatly in a list of predictions.
enum UnhedgedItems {
    /// The degree of an unhedged "will" or bare claim in an explicit prediction list. Source: the
    /// labelling conventions of `shared/data/extraction-dev/README.md` ("an unhedged will/bare
    /// claim in an explicit prediction list or a quoted prediction gets [0.6, 0.9]"), in line
    /// with the reference's "will" rows; the value is the range's middle.
    static let listed = Degree(value: 0.75, low: 0.6, high: 0.9, basis: .verbal)

    /// A verbal degree inside the item ("will likely", "might") wins over the listed one; numbers
    /// inside an unhedged item are quantities ("Inflation carries on around 5%"), never degrees.
    static func degree(of claim: String) -> Degree {
        let matches = ProbabilityPhrases.verbal(in: Tokenizer.tokenize(claim))
        if let found = ProbabilityPhrases.combine(attitude: matches.first { $0.entry.role == .attitude },
                                                  degrees: matches.filter { $0.entry.role != .attitude }) {
            return found
        }
        return listed
    }

    private static let pronouns: Set<String> = ["it", "this", "that", "they", "these", "those", "he", "she", "i", "we", "there"]

    /// One bullet may hold two claims joined by ", but" ("X is the last variant, but supply issues
    /// continue"); a second part that only points back ("but it isn't called that") qualifies the
    /// first and is not a claim of its own.
    static func claims(in item: String) -> [String] {
        var text = ListItemDegree.tidyClaim(Substring(item))
        if text.hasSuffix(".") { text.removeLast() }
        // Sentences after the first are comments on it ("Maybe a patchwork of policies.").
        // (Not after an abbreviation: "The U.S. economy".)
        if let stop = text.range(of: ". "), let word = text[..<stop.lowerBound].split(separator: " ").last,
           word.count > 2, !word.contains("."), word.last?.isLowercase == true {
            text = String(text[..<stop.lowerBound])
        }
        for joiner in [", but ", "; but "] {
            guard let range = text.range(of: joiner) else { continue }
            let first = String(text[..<range.lowerBound])
            let second = String(text[range.upperBound...])
            let words = second.split(separator: " ")
            guard let opener = words.first, !pronouns.contains(opener.lowercased()), words.count >= 4,
                  first.split(separator: " ").count >= 3 else { continue }
            return [first, capitalised(second)]
        }
        return [text]
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// A claim in the first person names its owner, so that it reads the same out of the list:
/// "I'm still vegan" by Dave Rolsky is "Dave Rolsky is still vegan".
enum FirstPerson {
    private static let openings: [(String, String)] = [
        ("I'm ", " is "), ("I’m ", " is "), ("I am ", " is "), ("I have ", " has "), ("I've ", " has "), ("I’ve ", " has "),
        ("I will ", " will "), ("I'll ", " will "), ("I’ll ", " will "), ("I ", " "),
    ]

    static func named(_ claim: String, owner: String?) -> String {
        guard let owner, !owner.isEmpty else { return claim }
        for (opening, verb) in openings where claim.hasPrefix(opening) {
            return owner + verb + claim.dropFirst(opening.count)
        }
        if claim.hasPrefix("My ") { return owner + "'s " + claim.dropFirst(3) }
        return claim
    }
}

/// An item's own date, which overrides the frame it inherits ("in January", "by end of 2020").
enum ItemDates {
    private static let units: Set<String> = [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "quarter", "quarters",
    ]

    /// The item's first time expression that sets a deadline after the day the list was written.
    /// A date before it is a reference ("above 3703 (market close on December 25th, 2020)"), not
    /// a deadline. In a list with an inherited frame, a counted span ("for 20 years", "by at least
    /// one month", "three months or more") measures the claim, not its horizon.
    ///
    /// `frame` is the deadline the item inherits. A year-end list ("My 2025 forecasts", written on
    /// December 30, 2024) is written for the year ahead: there, "all year" and "at year end" mean
    /// the list's year, not the few days left of the year it was written in.
    static func own(in claim: String, reference: Day?, framed: Bool, frame: Day? = nil) -> TimeMention? {
        guard let found = ownTime(in: claim, reference: reference, framed: framed) else { return nil }
        if let frame, let reference, let deadline = found.deadline, deadline < frame,
           deadline.daysSinceEpoch - reference.daysSinceEpoch <= 31, namesTheYear(found, in: claim) {
            return nil
        }
        return found
    }

    /// "this year", "the year", "year end", "all year": the year without its number.
    private static func namesTheYear(_ mention: TimeMention, in claim: String) -> Bool {
        let tokens = Tokenizer.tokenize(claim)
        let range = mention.tokens.isEmpty ? 0..<tokens.count : mention.tokens.clamped(to: 0..<tokens.count)
        let words = range.map { tokens[$0].lower }
        return words.contains { $0 == "year" || $0 == "year's" } && !words.contains { $0.first?.isNumber == true }
    }

    private static func ownTime(in claim: String, reference: Day?, framed: Bool) -> TimeMention? {
        let tokens = Tokenizer.tokenize(claim)
        let writtenDays = InheritedTimes.fullDates(in: claim)
        for var mention in TimeExpressions.find(in: tokens, reference: reference) where mention.setsDeadline {
            guard var deadline = mention.deadline else { continue }
            // A date written to the day is that day, not its month's end.
            if let day = writtenDays.first(where: { $0.year == deadline.year && $0.month == deadline.month }), day < deadline {
                deadline = day
                mention.deadline = day
            }
            if let reference, deadline <= reference { continue }
            if framed, isCountedSpan(mention, tokens: tokens) { continue }
            // "most likely 2024 Dem nominee": a year with no preposition names which event, not
            // when the list's claim resolves.
            if framed, mention.tokens.lowerBound < tokens.count, tokens[mention.tokens.lowerBound].isNumber { continue }
            return mention
        }
        return restOfYear(in: claim, reference: reference)
    }

    /// "continue to be hard all year", "a fad that won't last out the year": the year the words
    /// were said, to its end.
    static let restOfYearPhrases = ["all year", "out the year", "through the year", "the rest of the year", "all through the year"]

    private static func restOfYear(in claim: String, reference: Day?) -> TimeMention? {
        let lower = claim.lowercased()
        guard let reference, restOfYearPhrases.contains(where: { lower.contains($0) }),
              let end = Day.lastDay(ofYear: reference.year), end > reference else { return nil }
        return TimeMention(kind: .by, tokens: 0..<0, deadline: end, earliest: nil, isRelative: true, isPast: false)
    }

    private static func isCountedSpan(_ mention: TimeMention, tokens: [Token]) -> Bool {
        let range = mention.tokens.clamped(to: 0..<tokens.count)
        let hasUnit = range.contains { units.contains(tokens[$0].lower) }
        let hasCount = range.contains { index in
            let word = tokens[index].lower
            return word.first?.isNumber == true || NumberWords.units[word] != nil || NumberWords.tens[word] != nil || word == "a" || word == "an"
        }
        return hasUnit && hasCount
    }
}
