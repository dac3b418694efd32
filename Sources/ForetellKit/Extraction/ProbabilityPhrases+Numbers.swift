/// Stated numbers as probabilities: "20%", "0.65", "one in five", "3:1", "60-70 percent",
/// "above 90%", with the bounds a comparator or a range gives.
extension ProbabilityPhrases {
    static let percentWords: Set<String> = ["%", "percent", "per", "pct", "percentage"]
    static let probabilityWords: Set<String> = [
        "chance", "chances", "probability", "likelihood", "odds", "likely", "sure", "confident",
        "certain", "shot", "risk", "certainty",
    ]

    /// All numeric probability candidates in `tokens`.
    static func numeric(in tokens: [Token]) -> [NumericMatch] {
        var found: [NumericMatch] = []
        var index = 0
        while index < tokens.count {
            // The upper end of a range that did not parse ("30 - 10%") is not a number on its own.
            if index >= 2, tokens[index].isNumber, tokens[index - 2].isNumber,
               tokens[index - 1].isDash || tokens[index - 1].lower == "to" {
                index += 1
                continue
            }
            if let match = numeric(tokens, at: index) {
                found.append(match)
                index = max(match.span.upperBound, index + 1)
            } else {
                index += 1
            }
        }
        return found
    }

    enum Bound { case above, below }

    static let comparators: [([String], Bound?)] = [
        ([">"], .above), (["≥"], .above), (["<"], .below), (["≤"], .below), (["over"], .above),
        (["more", "than"], .above), (["above"], .above), (["at", "least"], .above),
        (["greater", "than"], .above), (["better", "than"], .above), (["less", "than"], .below),
        (["under"], .below), (["below"], .below), (["at", "most"], .below), (["fewer", "than"], .below),
        (["up", "to"], .below), (["about"], nil), (["around"], nil), (["roughly"], nil),
        (["approximately"], nil), (["~"], nil), (["maybe"], nil), (["perhaps"], nil),
    ]

    /// The first words of `comparators`.
    static let comparatorStarts = Set(comparators.map { $0.0[0] })

    static let numericOpeners: Set<String> = {
        var words: Set<String> = ["between", "a"]
        for (comparator, _) in comparators { words.insert(comparator[0]) }
        for word in NumberWords.units.keys { words.insert(word) }
        for word in NumberWords.tens.keys { words.insert(word) }
        return words
    }()

    static func numeric(_ tokens: [Token], at start: Int) -> NumericMatch? {
        // Comparators such as ">" are punctuation.
        guard tokens[start].isNumber || numericOpeners.contains(tokens[start].lower) else { return nil }
        var i = start
        var bound: Bound?
        // A comparator starts with one of its first words: other tokens ("a", numbers) skip the list.
        let mayCompare = tokens[i].kind == .punctuation ? comparatorStarts.contains(tokens[i].lower)
            : comparatorStarts.contains(tokens[i].lower)
        for (words, kind) in comparators where mayCompare && TimeExpressions.matches(tokens, at: i, words) {
            bound = kind
            i += words.count
            break
        }
        if i < tokens.count, tokens[i].lower == "between" { i += 1 }
        guard let first = NumberWords.parse(tokens, at: i) else { return nil }
        // A number glued to letters ("10x") is not a probability; NumberWords refuses it already.
        i = first.next
        var low = first.value
        var high = first.value
        var isRange = false
        var sawPercent = false
        func takePercent() -> Bool {
            guard i < tokens.count, percentWords.contains(tokens[i].lower) else { return false }
            if tokens[i].lower == "per" {
                guard i + 1 < tokens.count, tokens[i + 1].lower == "cent" else { return false }
                i += 2
            } else {
                i += 1
            }
            return true
        }
        sawPercent = takePercent()
        // Ranges: "10 - 20%", "10%-20%", "10 to 20 percent", "between 10 and 20 percent".
        if i + 1 < tokens.count, rangeJoiners.contains(tokens[i].lower),
           let second = NumberWords.parse(tokens, at: i + 1) {
            var j = second.next
            let savedI = i
            i = j
            if takePercent() || sawPercent {
                high = second.value
                isRange = true
                sawPercent = true
                j = i
            } else {
                i = savedI
            }
            _ = j
        }
        if sawPercent {
            guard low >= 0, high <= 100, low <= high else { return nil }
            low /= 100
            high /= 100
            return finish(tokens, start: start, end: i, low: low, high: high, isRange: isRange, bound: bound, form: .percent)
        }
        // "one in five", "1 in 5", "one out of three", "one-in-five"
        var k = i
        if k < tokens.count, tokens[k].isGluedDash { k += 1 }
        if k < tokens.count, tokens[k].lower == "in" || TimeExpressions.matches(tokens, at: k, outOf) {
            let skip = tokens[k].lower == "in" ? 1 : 2
            var m = k + skip
            if m < tokens.count, tokens[m].isGluedDash { m += 1 }
            if let denominator = NumberWords.parse(tokens, at: m), denominator.value > 0, first.value <= denominator.value,
               first.value > 0 {
                let value = first.value / denominator.value
                return finish(tokens, start: start, end: denominator.next, low: value, high: value, isRange: false,
                              bound: bound, form: .fraction)
            }
        }
        // Odds: "3 to 1 against", "3:1 on", "4 to 1 in favour".
        if i + 1 < tokens.count, oddsSeparators.contains(tokens[i].lower), let other = NumberWords.parse(tokens, at: i + 1),
           other.next < tokens.count {
            let word = tokens[other.next].lower
            let total = first.value + other.value
            if total > 0, word == "against" {
                let value = other.value / total
                return finish(tokens, start: start, end: other.next + 1, low: value, high: value, isRange: false, bound: nil, form: .odds)
            }
            if total > 0, word == "on" || word == "in" && TimeExpressions.matches(tokens, at: other.next + 1, ["favour"])
                || word == "in" && TimeExpressions.matches(tokens, at: other.next + 1, ["favor"]) {
                let value = first.value / total
                let end = word == "on" ? other.next + 1 : other.next + 2
                return finish(tokens, start: start, end: end, low: value, high: value, isRange: false, bound: nil, form: .odds)
            }
        }
        return nil
    }

    static func finish(_ tokens: [Token], start: Int, end: Int, low: Double, high: Double, isRange: Bool,
                               bound: Bound?, form: NumericMatch.Form) -> NumericMatch {
        var lo = low, hi = high
        var ranged = isRange
        switch bound {
        case .above?:
            hi = 1
            ranged = true
        case .below?:
            lo = 0
            ranged = true
        case nil:
            break
        }
        var named = false
        var proportion = false
        // An amount that something moves to or by ("a move to 1%", "decline by 20–40%", "up from
        // 9%") is part of the claim, unless a probability noun governs it ("the odds to 30%").
        if start > 0, movementPrepositions.contains(tokens[start - 1].lower),
           !(max(0, start - 5)..<start).contains(where: { VerbalScale.probabilityNouns.contains(tokens[$0].lower) }) {
            proportion = true
        }
        // "a 1-in-100-year flood", "a 10%-rate": a number hyphenated to a noun is a modifier.
        if end + 1 < tokens.count, tokens[end].isGluedDash, tokens[end + 1].isWord, !tokens[end + 1].spaceBefore {
            proportion = true
        }
        var k = end
        while k < tokens.count, ["a", "the"].contains(tokens[k].lower) { k += 1 }
        if k < tokens.count {
            let next = tokens[k]
            if probabilityWords.contains(next.lower) {
                named = true
            } else if next.lower == "of" {
                proportion = true
            } else if form == .fraction, next.isWord, !["that", "and", "or", "but", "in", "for", "by", "if"].contains(next.lower) {
                proportion = true
            }
        }
        return NumericMatch(value: (lo + hi) / 2, low: ranged ? lo : nil, high: ranged ? hi : nil,
                            span: start..<end, form: form, namedAsProbability: named, isProportion: proportion)
    }
}
