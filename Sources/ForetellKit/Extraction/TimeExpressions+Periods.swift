/// Calendar periods: "2026", "late 2025", "this year", "June 2027", "the 2030s", and the time
/// mention a trigger word ("by", "in", "before") makes of one.
extension TimeExpressions {
    struct Period {
        var start: Day
        var end: Day
    }

    static let qualifiers: [([String], Part)] = [
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
    static let relativeWords: [([String], Int, Bool)] = [
        (["this", "year"], 0, false), (["next", "year"], 1, false), (["last", "year"], -1, false),
        (["this", "calendar", "year"], 0, false), (["the", "year"], 0, false), (["year"], 0, false),
        (["year", "-", "end"], 0, false), (["year", "end"], 0, false), (["this", "decade"], 0, true),
        (["the", "decade"], 0, true), (["decade"], 0, true),
    ]

    /// The part of a year or month a qualifier picks out.
    enum Part: Equatable { case whole, early, mid, late, end, beginning, firstHalf, secondHalf, quarter(Int) }

    /// A period and the index after it. `relative` is set when it was counted from the reference
    /// day; nil dates with `relative` mean the reference day is unknown.
    static func period(_ tokens: [Token], at index: Int, reference: Day?) -> (period: Period?, next: Int, relative: Bool, part: Part)? {
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

    static func yearPeriod(_ year: Int) -> Period? {
        guard let start = Day(year: year, month: 1, day: 1), let end = Day.lastDay(ofYear: year) else { return nil }
        return Period(start: start, end: end)
    }

    static func monthPeriod(year: Int, month: Int, day: Int?) -> Period? {
        if let day {
            guard let d = Day(year: year, month: month, day: day) else { return nil }
            return Period(start: d, end: d)
        }
        guard let start = Day(year: year, month: month, day: 1), let end = Day.lastDay(ofMonth: month, year: year) else { return nil }
        return Period(start: start, end: end)
    }

    /// "May" is a month only next to a day, a year or a preposition of time.
    static func monthContext(_ tokens: [Token], at index: Int) -> Bool {
        if index + 1 < tokens.count, tokens[index + 1].isNumber { return true }
        if index > 0, ["in", "by", "until", "since", "of", "early", "mid", "late", "before", "after", "-"].contains(tokens[index - 1].lower) {
            return true
        }
        return false
    }

    /// Four digits that are a year rather than an amount ("$2000", "2000 GPUs", "2048 tokens").
    static func plausibleYear(_ tokens: [Token], at index: Int) -> Bool {
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

    static let amountNouns: Set<String> = [
        "percent", "people", "users", "dollars", "yuan", "euros", "gpus", "tokens", "employees",
        "students", "units", "times", "words", "pages", "steps", "lines", "parameters", "models",
        "companies", "points", "miles", "km", "hours", "minutes", "seconds",
    ]

    static func periodMention(_ tokens: [Token], at core: Int, trigger: Trigger, start: Int,
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
