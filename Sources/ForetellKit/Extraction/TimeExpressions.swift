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
    private static let triggers: [([String], Trigger)] = [
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
    private static let triggersByFirstWord = Dictionary(grouping: triggers, by: { $0.0[0] })

    /// Words between a trigger and a number that do not change the meaning.
    static let approximators: Set<String> = [
        "about", "around", "roughly", "approximately", "some", "nearly", "almost", "just", "only",
        "another", "still", "maybe", "perhaps", "probably", "possibly", "likely", "under", "less",
        "than", "more", "the", "another",
    ]

    private static func match(_ tokens: [Token], at start: Int, reference: Day?) -> TimeMention? {
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
    private static func nearTerm(_ tokens: [Token], at start: Int, reference: Day?) -> TimeMention? {
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

    private static let nearTermWords: [([String], @Sendable (Day) -> Day?)] = [
        (["tomorrow"], { $0.adding(days: 1) }),
        (["this", "week"], { $0.adding(days: 6) }),
        (["next", "week"], { $0.adding(days: 7) }),
        (["this", "month"], { Day.lastDay(ofMonth: $0.month, year: $0.year) }),
        (["next", "month"], { day in day.adding(months: 1).flatMap { Day.lastDay(ofMonth: $0.month, year: $0.year) } }),
    ]

    private static func matchCore(_ tokens: [Token], at core: Int, trigger: Trigger, start: Int,
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

    private enum Unit { case days(Int), months(Int) }

    /// Words without which there is no time expression: units, period words and quarters (with
    /// numbers, number words, month names and decades, see `Token.isTimeCore`).
    static let periodWords: Set<String> = {
        var words = Set(units.keys)
        words.formUnion(["century", "season", "q1", "q2", "q3", "q4", "half", "couple", "tomorrow"])
        return words
    }()

    private static let units: [String: Unit] = [
        "day": .days(1), "days": .days(1), "week": .days(7), "weeks": .days(7),
        "month": .months(1), "months": .months(1), "quarter": .months(3), "quarters": .months(3),
        "year": .months(12), "years": .months(12), "decade": .months(120), "decades": .months(120),
    ]

    /// The unit a token names.
    private static func unit(of token: Token) -> Unit? {
        guard token.kind != .punctuation else { return nil }
        return units[token.lower]
    }

    /// A count of units: digits, number words, "a", "a couple of", "half a", "a year and a half".
    private static func count(_ tokens: [Token], at index: Int) -> (value: Double, next: Int)? {
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

    private static let tails: [[String]] = [
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
    private static let durationRangeJoiners = ["to", "or", "-", "–", "—"]
    private static let andAHalf = ["and", "a", "half"]
    private static let apostrophes = ["'", "’"]
    private static let timeWord = ["time"]

    private static func duration(_ tokens: [Token], at core: Int, trigger: Trigger, start: Int,
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

    // MARK: - Calendar periods: "2026", "late 2025", "this year", "June 2027", "the 2030s"

    struct Period {
        var start: Day
        var end: Day
    }

    private static let qualifiers: [([String], Part)] = [
        (["early"], .early), (["mid"], .mid), (["middle", "of"], .mid), (["late"], .late),
        (["end", "of"], .end), (["beginning", "of"], .beginning), (["start", "of"], .beginning),
        (["first", "half", "of"], .firstHalf), (["second", "half", "of"], .secondHalf),
        (["latter", "half", "of"], .secondHalf), (["q1"], .quarter(1)), (["q2"], .quarter(2)),
        (["q3"], .quarter(3)), (["q4"], .quarter(4)), (["first", "quarter", "of"], .quarter(1)),
        (["second", "quarter", "of"], .quarter(2)), (["third", "quarter", "of"], .quarter(3)),
        (["fourth", "quarter", "of"], .quarter(4)),
    ]

    /// The first words of `qualifiers`: a period is tried against the list only where its word is one.
    static let qualifierStarts = Set(qualifiers.map { $0.0[0] })

    /// The first words of `relativeWords`, asked in the same way.
    static let relativePeriodStarts = Set(relativeWords.map { $0.0[0] })

    /// Words, year offset, whether a decade.
    private static let relativeWords: [([String], Int, Bool)] = [
        (["this", "year"], 0, false), (["next", "year"], 1, false), (["last", "year"], -1, false),
        (["this", "calendar", "year"], 0, false), (["the", "year"], 0, false), (["year"], 0, false),
        (["year", "-", "end"], 0, false), (["year", "end"], 0, false), (["this", "decade"], 0, true),
        (["the", "decade"], 0, true), (["decade"], 0, true),
    ]

    /// The part of a year or month a qualifier picks out.
    enum Part: Equatable { case whole, early, mid, late, end, beginning, firstHalf, secondHalf, quarter(Int) }

    /// A period and the index after it. `relative` is set when it was counted from the reference
    /// day; nil dates with `relative` mean the reference day is unknown.
    private static func period(_ tokens: [Token], at index: Int, reference: Day?) -> (period: Period?, next: Int, relative: Bool, part: Part)? {
        var i = index
        if i < tokens.count, tokens[i].lower == "the" { i += 1 }
        guard i < tokens.count else { return nil }
        // Qualifiers narrow a year or month to part of it.
        var part = Part.whole
        for (words, kind) in qualifiers where qualifierStarts.contains(tokens[i].lower) && matches(tokens, at: i, words) {
            part = kind
            i += words.count
            if i < tokens.count, tokens[i].isGluedDash { i += 1 }
            if i < tokens.count, tokens[i].lower == "the" { i += 1 }
            break
        }
        // "the end of Q2": the quarter ends when its end does ("before the end of Q2" includes it).
        let endOf = part == .end
        if case .quarter = part {} else if part != .whole, i < tokens.count, qualifierStarts.contains(tokens[i].lower),
           let quarter = qualifiers.first(where: { $0.0.count == 1 && matches(tokens, at: i, $0.0) }), case .quarter = quarter.1 {
            part = quarter.1
            i += 1
        }
        guard i <= tokens.count else { return nil }
        // "Q2" without a year: the next such quarter (this one counts), like a month without a year.
        if case .quarter(let q) = part, i == tokens.count || CalendarWords.year(tokens[i]) == nil {
            guard let reference else { return (nil, i, true, part) }
            let lastDay = Day.lastDay(ofMonth: q * 3, year: reference.year)
            let year = lastDay.map { $0 >= reference } ?? true ? reference.year : reference.year + 1
            guard let start = Day(year: year, month: q * 3 - 2, day: 1), let end = Day.lastDay(ofMonth: q * 3, year: year) else { return nil }
            return (Period(start: start, end: end), i, true, endOf ? .end : .whole)
        }
        guard i < tokens.count else { return nil }
        var base: Period?
        var relative = false
        var isMonth = false
        var next = i
        let token = tokens[i]
        // "mid-century", "the end of the century": this century; its middle is 2041-2060 and its
        // end 2081-2100, as the IPCC reports them.
        if token.lower == "century", i == index || i > index && ["the", "this", "-"].contains(tokens[i - 1].lower) {
            guard let reference else { return (nil, i + 1, true, part) }
            let first = (reference.year - 1) / 100 * 100 + 1
            let (from, to): (Int, Int) = switch part {
            case .mid: (first + 40, first + 59)
            case .late, .end, .secondHalf: (first + 80, first + 99)
            default: (first, first + 99)
            }
            guard let start = Day(year: from, month: 1, day: 1), let end = Day.lastDay(ofYear: to) else { return nil }
            return (Period(start: start, end: end), i + 1, true, .whole)
        }
        // "this season", "by the end of the season": a sports or fashion season, whose dates the
        // text does not give: a time frame without a deadline.
        if token.lower == "season", i > index, ["this", "the", "next"].contains(tokens[i - 1].lower) {
            return (nil, i + 1, true, part)
        }
        if token.lower == "this" || token.lower == "next", i + 1 < tokens.count, tokens[i + 1].lower == "season" {
            return (nil, i + 2, true, part)
        }
        if let year = CalendarWords.year(token), plausibleYear(tokens, at: i) {
            base = yearPeriod(year)
            next = i + 1
        } else if token.isWord, token.lower.count == 5, token.lower.hasSuffix("0s"),
                  let decade = Int(token.lower.dropLast()), (1900...2190).contains(decade) {
            // "the 2030s"
            if let start = Day(year: decade, month: 1, day: 1), let end = Day.lastDay(ofYear: decade + 9) {
                base = Period(start: start, end: end)
            }
            next = i + 1
        } else if let month = CalendarWords.month(token), !(token.lower == "may" && !monthContext(tokens, at: i)) {
            isMonth = true
            next = i + 1
            // "Jan. 10": the point of an abbreviation, not the end of the sentence. A month is
            // written in ASCII letters (only they lower-case to a month's), one byte each.
            if next < tokens.count, tokens[next].lower == ".", token.lower.utf8.count <= 4, !tokens[next].spaceBefore,
               next + 1 < tokens.count, tokens[next + 1].isNumber { next += 1 }
            var day: Int?
            if next < tokens.count, tokens[next].isNumber, let d = Int(tokens[next].lower), (1...31).contains(d) {
                day = d
                next += 1
                if next < tokens.count, ["st", "nd", "rd", "th"].contains(tokens[next].lower) { next += 1 }
            }
            var year: Int?
            var probe = next
            if probe < tokens.count, tokens[probe].lower == "," { probe += 1 }
            if probe < tokens.count, let y = CalendarWords.year(tokens[probe]) {
                year = y
                next = probe + 1
            }
            if let year {
                base = monthPeriod(year: year, month: month, day: day)
            } else if let reference {
                // A month with no year is its next occurrence (this month counts).
                let y = month >= reference.month ? reference.year : reference.year + 1
                base = monthPeriod(year: y, month: month, day: day)
                relative = true
            } else {
                relative = true
            }
            guard day == nil || base != nil || relative else { return nil }
        } else {
            var found: (Int, Bool)?
            for (words, offset, decade) in relativeWords where relativePeriodStarts.contains(tokens[i].lower) && matches(tokens, at: i, words) {
                // Bare "year"/"the year" only after "end of": "the end of the year".
                if (words == ["year"] || words == ["the", "year"] || words == ["the", "decade"] || words == ["decade"]),
                   part != .end { continue }
                found = (offset, decade)
                next = i + words.count
                break
            }
            guard let (offset, decade) = found else { return nil }
            relative = true
            if let reference {
                if decade {
                    let first = reference.year - reference.year % 10
                    if let start = Day(year: first, month: 1, day: 1), let end = Day.lastDay(ofYear: first + 9) {
                        base = Period(start: start, end: end)
                    }
                } else {
                    base = yearPeriod(reference.year + offset)
                }
            }
        }
        guard let whole = base else { return relative ? (nil, next, true, part) : nil }
        let narrowed: Period?
        if isMonth {
            switch part {
            case .whole, .end, .beginning: narrowed = whole
            case .early: narrowed = Period(start: whole.start, end: whole.start.adding(days: 9) ?? whole.end)
            case .mid: narrowed = Period(start: whole.start.adding(days: 10) ?? whole.start, end: whole.start.adding(days: 19) ?? whole.end)
            case .late: narrowed = Period(start: whole.start.adding(days: 20) ?? whole.start, end: whole.end)
            default: narrowed = whole
            }
        } else {
            let year = whole.start.year
            let lastYear = whole.end.year
            func months(_ from: Int, _ to: Int, _ y: Int) -> Period? {
                guard let s = Day(year: y, month: from, day: 1), let e = Day.lastDay(ofMonth: to, year: y) else { return nil }
                return Period(start: s, end: e)
            }
            switch part {
            case .whole: narrowed = whole
            case .early, .beginning: narrowed = year == lastYear ? months(1, 3, year) : Period(start: whole.start, end: Day.lastDay(ofYear: year + 2) ?? whole.end)
            case .mid: narrowed = year == lastYear ? months(4, 8, year) : whole
            case .late: narrowed = year == lastYear ? months(9, 12, year) : Period(start: Day(year: lastYear - 2, month: 1, day: 1) ?? whole.start, end: whole.end)
            case .end: narrowed = year == lastYear ? months(12, 12, year) : whole
            case .firstHalf: narrowed = months(1, 6, year)
            case .secondHalf: narrowed = months(7, 12, year)
            case .quarter(let q): narrowed = months(q * 3 - 2, q * 3, year)
            }
        }
        return (narrowed, next, relative, endOf ? .end : part)
    }

    private static func yearPeriod(_ year: Int) -> Period? {
        guard let start = Day(year: year, month: 1, day: 1), let end = Day.lastDay(ofYear: year) else { return nil }
        return Period(start: start, end: end)
    }

    private static func monthPeriod(year: Int, month: Int, day: Int?) -> Period? {
        if let day {
            guard let d = Day(year: year, month: month, day: day) else { return nil }
            return Period(start: d, end: d)
        }
        guard let start = Day(year: year, month: month, day: 1), let end = Day.lastDay(ofMonth: month, year: year) else { return nil }
        return Period(start: start, end: end)
    }

    /// "May" is a month only next to a day, a year or a preposition of time.
    private static func monthContext(_ tokens: [Token], at index: Int) -> Bool {
        if index + 1 < tokens.count, tokens[index + 1].isNumber { return true }
        if index > 0, ["in", "by", "until", "since", "of", "early", "mid", "late", "before", "after", "-"].contains(tokens[index - 1].lower) {
            return true
        }
        return false
    }

    /// Four digits that are a year rather than an amount ("$2000", "2000 GPUs", "2048 tokens").
    private static func plausibleYear(_ tokens: [Token], at index: Int) -> Bool {
        if index > 0, ["$", "€", "£", "¥", "#", "number", "top"].contains(tokens[index - 1].lower) {
            return false
        }
        if index + 1 < tokens.count {
            let next = tokens[index + 1]
            if next.lower == "%" || (next.isWord && !next.spaceBefore) { return false }
            if amountNouns.contains(next.lower) { return false }
        }
        return true
    }

    private static let amountNouns: Set<String> = [
        "percent", "people", "users", "dollars", "yuan", "euros", "gpus", "tokens", "employees",
        "students", "units", "times", "words", "pages", "steps", "lines", "parameters", "models",
        "companies", "points", "miles", "km", "hours", "minutes", "seconds",
    ]

    private static func periodMention(_ tokens: [Token], at core: Int, trigger: Trigger, start: Int,
                                      reference: Day?) -> TimeMention? {
        if trigger == .plainFor {
            // "for 2026" reads as "during 2026".
            return periodMention(tokens, at: core, trigger: .inside, start: start, reference: reference)
        }
        guard let first = period(tokens, at: core, reference: reference) else { return nil }
        var next = first.next
        var last = first
        var isRange = false
        // "2026 or 2027", "late 2025 to early 2026", "between 2027 and 2030", "2026-2027"
        if next + 1 < tokens.count, ["or", "to", "and", "through", "-", "–", "until"].contains(tokens[next].lower),
           let second = period(tokens, at: next + 1, reference: reference) {
            last = second
            next = second.next
            isRange = true
        }
        let relative = first.relative || last.relative
        let range = start..<next
        guard let p1 = first.period, let p2 = last.period else {
            // Counted from an unknown statement date: a time frame without dates.
            let kind: TimeMention.Kind = trigger == .since ? .span : (trigger == .asEarlyAs || trigger == .after ? .earliestOnly : (isRange ? .window : .point))
            let past = matches(tokens, at: core, ["last", "year"]) || trigger == .since
            return TimeMention(kind: past ? .span : kind, tokens: range, deadline: nil, earliest: nil, isRelative: relative, isPast: past)
        }
        let startDay = min(p1.start, p2.start)
        let endDay = max(p1.end, p2.end)
        var kind: TimeMention.Kind
        var deadline: Day? = endDay
        var earliest: Day?
        switch trigger {
        case .by:
            kind = .by
        case .before:
            // "before 2027" ends 2026-12-31; "before the end of 2026" ends with 2026.
            kind = .by
            deadline = first.part == .end ? endDay : startDay.adding(days: -1)
        case .asEarlyAs:
            kind = .earliestOnly
            deadline = nil
            earliest = startDay
        case .after:
            kind = .earliestOnly
            deadline = nil
            earliest = endDay.adding(days: 1)
        case .since:
            kind = .span
            deadline = nil
        case .from, .between:
            kind = isRange ? .window : .earliestOnly
            earliest = startDay
            if !isRange { deadline = nil }
        default:
            kind = isRange ? .window : .point
            earliest = startDay
        }
        var isPast = false
        if let reference {
            // A deadline before the statement, or a single day that is the statement's own date
            // (a dateline), is not a time to come.
            if let d = deadline, d < reference || d == reference && startDay == endDay { isPast = true }
            if kind == .span { isPast = true }
            // A window that opened before the statement ("from last year to this year") describes a
            // trend, not a deadline.
            if kind == .window, startDay < reference, trigger == .from || trigger == .between {
                kind = .span
                isPast = true
            }
            // An earliest day already past says nothing.
            if let e = earliest, e <= reference { earliest = nil }
        }
        if kind == .span { deadline = nil }
        return TimeMention(kind: kind, tokens: range, deadline: deadline, earliest: earliest,
                           isRelative: relative, isPast: isPast)
    }
}
