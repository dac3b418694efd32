/// A time expression found in a sentence, normalised against the day the statement was made.
///
/// The conventions are TimeML's (as HeidelTime, SUTime and Duckling implement them), re-stated in
/// `shared/reference/extraction.md`: "in 2026" ends 2026-12-31, "by 2027" the end of 2027, "in 2026
/// or 2027" the later year, "in three to five years" is a window whose far end is the deadline,
/// "within a year" ends a year after the statement, "at least a year" says the event does not
/// happen before then, "late 2025" is the last third of 2025 and "early 2026" its first quarter.
public struct TimeMention: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// "by 2027", "before June": a deadline only.
        case by
        /// "in 2026", "this year", "in three years": at or within that time.
        case point
        /// "in three to five years", "in 2026 or 2027", "over the next 3-5 years".
        case window
        /// "at least a year": the event does not happen before the deadline.
        case notBefore
        /// "as early as 2026", "after 2030": a lower bound and no deadline.
        case earliestOnly
        /// "from last year to this year", "since 2020", "two years ago": a stretch that began in the
        /// past, so not a deadline.
        case span
    }

    public var kind: Kind
    /// The token indices the expression covers.
    public var tokens: Range<Int>
    public var deadline: Day?
    public var earliest: Day?
    /// Counted from the statement date ("this year", "in three years"); without a reference day its
    /// dates are nil.
    public var isRelative: Bool
    /// Ends before the statement date, or began before it (a span): a statement about the past.
    public var isPast: Bool

    /// Whether the expression sets a deadline a forecast can be resolved by (even if the deadline
    /// is unknown because the statement date is).
    public var setsDeadline: Bool {
        switch kind {
        case .earliestOnly, .span: return false
        default: return !isPast
        }
    }
}

extension Token {
    /// A number, a number word, a unit, a period word, a capitalised month or a decade ("the
    /// 2030s"): every time expression holds one.
    var isTimeCore: Bool {
        if kind == .number { return true }
        guard kind == .word else { return false }
        return TimeExpressions.periodWords.contains(lower) || NumberWords.isNumberWord(lower)
            || isCapitalized && CalendarWords.months[lower] != nil || lower.hasSuffix("0s")
    }
}

/// Finds and normalises time expressions in one pass over a sentence's tokens.
public enum TimeExpressions {
    /// Every time expression in `tokens`, left to right, not overlapping.
    public static func find(in tokens: [Token], reference: Day?) -> [TimeMention] {
        var mentions: [TimeMention] = []
        // Every expression holds a number, number word, unit, period word, month or decade within
        // its first ten words ("no later than the end of the year"): where none follows within
        // twelve, nothing can start.
        var nextCore = [Int](repeating: Int.max, count: tokens.count + 1)
        for i in stride(from: tokens.count - 1, through: 0, by: -1) {
            nextCore[i] = tokens[i].isTimeCore ? i : nextCore[i + 1]
        }
        var index = 0
        while index < tokens.count {
            if nextCore[index] == Int.max { break }
            if nextCore[index] - index > 12 {
                index = nextCore[index] - 12
                continue
            }
            if let mention = match(tokens, at: index, reference: reference) {
                mentions.append(mention)
                index = max(mention.tokens.upperBound, index + 1)
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// The first time expression in `text`: a convenience for tests and callers holding a string.
    public static func first(in text: String, reference: Day?) -> TimeMention? {
        find(in: Tokenizer.tokenize(text), reference: reference).first { $0.setsDeadline || $0.kind == .earliestOnly }
            ?? find(in: Tokenizer.tokenize(text), reference: reference).first
    }

    // MARK: - Triggers

    enum Trigger {
        case by, before, within, inside, atLeast, asEarlyAs, after, from, between, since, plainFor, none
    }

    /// Words that open a time expression, longest first so "over the next" wins over "over".
    static let triggers: [([String], Trigger)] = [
        (["no", "later", "than"], .by),
        (["over", "the", "next"], .within), (["in", "the", "next"], .within), (["within", "the", "next"], .within),
        (["during", "the", "next"], .within), (["for", "the", "next"], .within), (["over", "the", "coming"], .within),
        (["in", "the", "coming"], .within), (["the", "next"], .within), (["looking", "ahead"], .inside),
        (["at", "least"], .atLeast), (["as", "early", "as"], .asEarlyAs), (["not", "before"], .asEarlyAs),
        (["ahead", "of"], .by), (["by"], .by), (["before"], .before), (["until"], .by), (["till"], .by),
        (["through"], .by), (["within"], .within), (["next"], .within), (["over"], .within),
        (["in"], .inside), (["during"], .inside), (["after"], .after), (["beyond"], .after),
        (["from"], .from), (["between"], .between), (["since"], .since), (["for"], .plainFor),
    ]

    /// The triggers grouped by their first word, longest first within each group.
    static let triggersByFirstWord = Dictionary(grouping: triggers, by: { $0.0[0] })

    /// Words between a trigger and a number that do not change the meaning.
    static let approximators: Set<String> = [
        "about", "around", "roughly", "approximately", "some", "nearly", "almost", "just", "only",
        "another", "still", "maybe", "perhaps", "probably", "possibly", "likely", "under", "less",
        "than", "more", "the", "another",
    ]

    static func match(_ tokens: [Token], at start: Int, reference: Day?) -> TimeMention? {
        if let near = nearTerm(tokens, at: start, reference: reference) { return near }
        let first = tokens[start]
        // A month or a decade is a time core: other words are not looked up or tested as one.
        guard first.isNumber || openers.contains(first.lower)
                || first.isTimeCore && (CalendarWords.month(first) != nil || first.isWord && first.lower.hasSuffix("0s")) else { return nil }
        var trigger = Trigger.none
        var core = start
        // Every trigger opens with an opener: other words are not looked up.
        let candidates = triggersByFirstWord[first.lower] ?? []
        for (words, kind) in candidates where matches(tokens, at: start, words) {
            trigger = kind
            core = start + words.count
            // "over the next year", "in the coming decade": one unit.
            if words.count >= 2, kind == .within, core < tokens.count, unit(of: tokens[core]) != nil,
               let found = duration(tokens, at: core, trigger: trigger, start: start, reference: reference, impliedOne: true) {
                return found
            }
            break
        }
        if trigger != .none, let found = matchCore(tokens, at: core, trigger: trigger, start: start, reference: reference) {
            return found
        }
        // "next year": a trigger word can also open a period.
        return matchCore(tokens, at: start, trigger: .none, start: start, reference: reference)
    }

    /// "tomorrow", "this week", "next week", "this month", "next month" (after an optional "by"
    /// or "within"): news and transcripts date what is due soon from the day the words were said.
    /// A week's deadline is seven days on; a month's, its last day.
    static func nearTerm(_ tokens: [Token], at start: Int, reference: Day?) -> TimeMention? {
        var at = start
        var kind = TimeMention.Kind.point
        if at < tokens.count, ["by", "before", "within"].contains(tokens[at].lower) {
            kind = .by
            at += 1
        }
        for (words, deadline) in nearTermWords where matches(tokens, at: at, words) {
            return TimeMention(kind: kind, tokens: start..<at + words.count, deadline: reference.flatMap(deadline), earliest: nil,
                               isRelative: true, isPast: false)
        }
        return nil
    }

    static let nearTermWords: [([String], @Sendable (Day) -> Day?)] = [
        (["tomorrow"], { $0.adding(days: 1) }),
        (["this", "week"], { $0.adding(days: 6) }),
        (["next", "week"], { $0.adding(days: 7) }),
        (["this", "month"], { Day.lastDay(ofMonth: $0.month, year: $0.year) }),
        (["next", "month"], { day in day.adding(months: 1).flatMap { Day.lastDay(ofMonth: $0.month, year: $0.year) } }),
    ]

    static func matchCore(_ tokens: [Token], at core: Int, trigger: Trigger, start: Int,
                                  reference: Day?) -> TimeMention? {
        if let found = duration(tokens, at: core, trigger: trigger, start: start, reference: reference) {
            return found
        }
        return periodMention(tokens, at: core, trigger: trigger, start: start, reference: reference)
    }

    static func matches(_ tokens: [Token], at index: Int, _ words: [String]) -> Bool {
        guard index >= 0, index + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() where tokens[index + offset].lower != word { return false }
        return true
    }

    // MARK: - Durations: "in three to five years", "within a year", "about a year away"

    enum Unit { case days(Int), months(Int) }

    /// Words without which there is no time expression: units, period words and quarters (with
    /// numbers, number words, month names and decades, see `Token.isTimeCore`).
    static let periodWords: Set<String> = {
        var words = Set(units.keys)
        words.formUnion(["century", "season", "q1", "q2", "q3", "q4", "half", "couple", "tomorrow"])
        return words
    }()

    static let units: [String: Unit] = [
        "day": .days(1), "days": .days(1), "week": .days(7), "weeks": .days(7),
        "month": .months(1), "months": .months(1), "quarter": .months(3), "quarters": .months(3),
        "year": .months(12), "years": .months(12), "decade": .months(120), "decades": .months(120),
    ]

    /// The unit a token names.
    static func unit(of token: Token) -> Unit? {
        guard token.kind != .punctuation else { return nil }
        return units[token.lower]
    }

    /// A count of units: digits, number words, "a", "a couple of", "half a", "a year and a half".
    static func count(_ tokens: [Token], at index: Int) -> (value: Double, next: Int)? {
        guard index < tokens.count else { return nil }
        let word = tokens[index].lower
        if word == "a" || word == "an" {
            if matches(tokens, at: index + 1, ["couple", "of"]) { return (2, index + 3) }
            if index + 1 < tokens.count, tokens[index + 1].lower == "few" { return nil }
            return (1, index + 1)
        }
        if word == "couple", matches(tokens, at: index + 1, ["of"]) { return (2, index + 2) }
        if word == "half", index + 1 < tokens.count, ["a", "an"].contains(tokens[index + 1].lower) {
            return (0.5, index + 2)
        }
        if let number = NumberWords.parse(tokens, at: index) { return number }
        return nil
    }

    static let tails: [[String]] = [
        ["from", "now"], ["from", "today"], ["ahead"], ["out"], ["away"], ["hence"], ["later"], ["ago"], ["of"], ["from"],
    ]

    /// Words that can open a time expression; any other word is skipped at once.
    static let openers: Set<String> = {
        var words: Set<String> = ["a", "an", "half", "couple", "the", "this", "next", "last", "year", "mid", "early", "late",
                                  "end", "middle", "beginning", "start", "first", "second", "latter", "third", "fourth",
                                  "q1", "q2", "q3", "q4"]
        for (trigger, _) in triggers { words.insert(trigger[0]) }
        for word in NumberWords.units.keys { words.insert(word) }
        for word in NumberWords.tens.keys { words.insert(word) }
        return words
    }()

    // Constants: a literal array in place is built, and its strings destroyed, on every call.
    static let durationRangeJoiners = ["to", "or", "-", "–", "—"]
    static let andAHalf = ["and", "a", "half"]
    static let apostrophes = ["'", "’"]
    static let timeWord = ["time"]

    static func duration(_ tokens: [Token], at core: Int, trigger: Trigger, start: Int,
                                 reference: Day?, impliedOne: Bool = false) -> TimeMention? {
        var index = core
        while !impliedOne, index < tokens.count, approximators.contains(tokens[index].lower), index - core < 3 { index += 1 }
        guard let low = impliedOne ? (1, index) : count(tokens, at: index) else { return nil }
        index = low.next
        var high = low.value
        var isRange = false
        if index + 1 < tokens.count, durationRangeJoiners.contains(tokens[index].lower),
           let upper = count(tokens, at: index + 1), upper.next < tokens.count,
           unit(of: tokens[upper.next]) != nil {
            high = upper.value
            isRange = true
            index = upper.next
        }
        guard index < tokens.count, let unit = unit(of: tokens[index]) else { return nil }
        // "1.5 years" or "a year and a half"
        index += 1
        if matches(tokens, at: index, andAHalf) {
            high += 0.5
            index += 3
        }
        // "in three years' time"
        if index < tokens.count, apostrophes.contains(tokens[index].lower) { index += 1 }
        if matches(tokens, at: index, timeWord) { index += 1 }
        var tail = ""
        for words in tails where matches(tokens, at: index, words) {
            tail = words.joined(separator: " ")
            index += words.count
            break
        }
        if tail == "later" || tail == "of" || tail == "from" { return nil }
        guard low.value >= 0, high >= low.value, high <= 1000 else { return nil }
        let range = start..<index
        if tail == "ago" {
            return TimeMention(kind: .span, tokens: range, deadline: nil, earliest: nil, isRelative: true, isPast: true)
        }
        let kind: TimeMention.Kind
        switch trigger {
        case .atLeast: kind = .notBefore
        case .within: kind = isRange ? .window : .by
        case .inside: kind = isRange ? .window : .point
        case .none where !tail.isEmpty: kind = isRange ? .window : .point
        case .after: kind = .earliestOnly
        default: return nil
        }
        func offset(_ amount: Double) -> Day? {
            guard let reference else { return nil }
            switch unit {
            case .days(let days): return reference.adding(days: Int((amount * Double(days)).rounded()))
            case .months(let months): return reference.adding(months: Int((amount * Double(months)).rounded()))
            }
        }
        if kind == .earliestOnly {
            return TimeMention(kind: kind, tokens: range, deadline: nil, earliest: offset(high),
                               isRelative: true, isPast: false)
        }
        return TimeMention(kind: kind, tokens: range, deadline: offset(high),
                           earliest: isRange ? offset(low.value) : nil, isRelative: true, isPast: false)
    }
}
