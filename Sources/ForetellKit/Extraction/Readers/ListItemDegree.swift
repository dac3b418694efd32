/// Where a list item's (or table cell's) probability is read: the forms people use when they
/// write predictions as a list, each a claim and a degree set apart by punctuation.
///
/// - `claim: 80%`, `claim - 80%`, `claim — 80%`, `claim, 80%` (the degree after a separator);
/// - `claim (80%)`, `claim. (>90%)`, `claim (70% confidence)` (the degree in trailing brackets);
/// - `80%: claim`, `[80%] claim`, `(80%) claim` (the degree first, then a separator);
/// - the degree itself as `80%`, `80 %`, `0.65`, `.65`, `>99%`, `<5%`, `~40%`, `80-90%`,
///   `80% to 90%`, `1 in 5`, `3:1` (odds for), `p = 0.3`, or a short phrase the verbal scales read
///   ("likely, around 65%", "one in twenty", "very likely");
/// - several options on one line: `A win / draw / lose: 40% / 30% / 30%`.
/// A number that is part of the claim's wording ("GDP down 30%", "30% of payments") is never read:
/// only a number set apart from the claim by a separator or brackets is a degree.
enum ListItemDegree {
    struct Reading: Equatable {
        var claim: String
        var degree: Degree
    }

    /// The claim and degree of an item, one reading per option; empty when the item states none.
    static func read(_ item: String) -> [Reading] {
        let text = Layout.trim(Substring(item))
        guard !text.isEmpty else { return [] }
        if let reading = trailingBrackets(text) { return [reading] }
        if let readings = afterSeparator(text) { return readings }
        if let reading = leading(text) { return [reading] }
        return []
    }

    // MARK: - Where the degree stands

    private static func trailingBrackets(_ text: String) -> Reading? {
        var body = Substring(text)
        if body.hasSuffix(".") { body = body.dropLast() }
        guard body.hasSuffix(")"), let open = body.lastIndex(of: "(") else { return nil }
        let inner = body[body.index(after: open)..<body.index(before: body.endIndex)]
        guard let degree = numericDegree(Layout.trim(inner)) else { return nil }
        let claim = tidyClaim(body[..<open])
        return claim.isEmpty ? nil : Reading(claim: claim, degree: degree)
    }

    /// Separators between a claim and its degree, the strongest first: a colon sets a degree
    /// apart more surely than a dash, and a dash more surely than a comma ("Jobs fall, 2.3%").
    private static let separators = [": ", " — ", " – ", " -- ", " - ", "—", " = ", ", "]

    private static func afterSeparator(_ text: String) -> [Reading]? {
        var body = Substring(text)
        if body.hasSuffix("."), !body.hasSuffix("..") { body = body.dropLast() }
        for separator in separators {
            guard let range = body.range(of: separator, options: .backwards) else { continue }
            let claimPart = body[..<range.lowerBound]
            let tail = Layout.trim(body[range.upperBound...])
            guard !tail.isEmpty else { continue }
            // "10 - 20%" is a range, not a claim "10" and a degree.
            if separator.contains("-") || separator.contains("–"), claimPart.last?.isNumber == true { continue }
            // "Paul Christiano says 20%", "Jane puts it at 30%": a reported estimate, whose owner
            // the sentence-level reader finds.
            if reportingEndings.contains(where: { claimPart.lowercased().hasSuffix($0) }) { continue }
            // "Jane Roe: 10%": a name labels whose estimate it is; it is no claim.
            if isNameLabel(claimPart) { continue }
            if let options = options(claim: claimPart, degrees: tail) { return options }
            guard let degree = degree(tail) ?? leadingDegreeWithNote(tail) else { continue }
            let claim = tidyClaim(withoutVerbalTail(claimPart))
            return claim.isEmpty ? nil : [Reading(claim: claim, degree: degree)]
        }
        return nil
    }

    private static let reportingEndings = [" says", " said", " puts it at", " put it at", " gives it", " estimates", " thinks",
                                           " reckons", " guesses"]

    /// Two or three capitalised words and nothing else ("Jane Roe", "Paul Christiano").
    static func isNameLabel(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" || $0 == "'" }
        } && words.count >= 2
    }

    /// "Biden wins: 60% / 70%": two numbers for one claim, whose owners a legend names
    /// (`OwnerLegend`).
    static func paired(_ item: String) -> (claim: String, first: Degree, second: Degree)? {
        var body = Substring(Layout.trim(Substring(item)))
        if body.hasSuffix(".") { body = body.dropLast() }
        for separator in [": ", " — ", " – ", " - "] {
            guard let range = body.range(of: separator, options: .backwards) else { continue }
            let numbers = body[range.upperBound...].split(separator: "/").map { Layout.trim($0) }
            guard numbers.count == 2, let first = numericDegree(numbers[0]), let second = numericDegree(numbers[1]) else { continue }
            let claim = tidyClaim(body[..<range.lowerBound])
            return claim.isEmpty ? nil : (claim, first, second)
        }
        return nil
    }

    /// "falls below $2,000: likely" once ", around 65%" is taken: the words of degree before the
    /// number are not part of the claim either.
    private static func withoutVerbalTail(_ claim: Substring) -> Substring {
        for separator in [": ", " — ", " – ", " - ", ", "] {
            guard let range = claim.range(of: separator, options: .backwards) else { continue }
            let tail = Layout.trim(claim[range.upperBound...])
            if tail.split(separator: " ").count <= 3, !tail.contains(where: \.isNumber), ProbabilityPhrases.parse(tail) != nil {
                return claim[..<range.lowerBound]
            }
        }
        return claim
    }

    /// "60% Q3 2018, 2.3%": a degree first and a note after it that does not go on as a phrase (a
    /// number followed by a lower-case word is a quantity: "3% by the end of the year").
    private static func leadingDegreeWithNote(_ tail: String) -> Degree? {
        let words = tail.split(separator: " ", maxSplits: 1)
        guard words.count == 2, let first = words.first, let note = words.last,
              let next = note.first(where: { $0.isLetter || $0.isNumber }) else { return nil }
        // "3.2% (down from 3.5%)" goes on as a phrase too, in brackets; "60% / 70%" is two
        // people's numbers (`paired`).
        guard !next.isLowercase, !note.hasPrefix("/"), let degree = numericDegree(String(first)) else { return nil }
        return degree
    }

    private static func leading(_ text: String) -> Reading? {
        let body = Substring(text)
        if let open = body.first, open == "[" || open == "(", let close = body.firstIndex(of: open == "[" ? "]" : ")") {
            let inner = Layout.trim(body[body.index(after: body.startIndex)..<close])
            if let degree = numericDegree(inner) {
                let claim = tidyClaim(body[body.index(after: close)...])
                return claim.isEmpty ? nil : Reading(claim: claim, degree: degree)
            }
        }
        // "4% chance Bazoum returns to power if ECOWAS intervenes".
        let words = body.split(separator: " ", maxSplits: 2)
        if words.count == 3, ["chance", "probability", "likelihood"].contains(words[1].lowercased()),
           let degree = numericDegree(String(words[0])) {
            var rest = words[2]
            for opener in ["that ", "of "] where rest.hasPrefix(opener) { rest = rest.dropFirst(opener.count) }
            let claim = tidyClaim(rest)
            return claim.isEmpty ? nil : Reading(claim: UnhedgedItems.capitalised(claim), degree: degree)
        }
        for separator in [": ", " - ", " – ", " — "] {
            guard let range = body.range(of: separator) else { continue }
            let head = Layout.trim(body[..<range.lowerBound])
            guard head.count <= 12, let degree = numericDegree(head) else { continue }
            let claim = tidyClaim(body[range.upperBound...])
            return claim.isEmpty ? nil : Reading(claim: claim, degree: degree)
        }
        return nil
    }

    /// "A win / draw / lose: 40% / 30% / 30%": one reading per option. The options after the
    /// first borrow its opening words when they are shorter ("A draw", "A lose").
    private static func options(claim: Substring, degrees: String) -> [Reading]? {
        let parts = degrees.split(separator: "/").map { Layout.trim($0) }
        guard parts.count >= 2 else { return nil }
        let values = parts.compactMap { numericDegree($0) }
        guard values.count == parts.count else { return nil }
        let claims = claim.split(separator: "/").map { Layout.trim($0) }
        guard claims.count == parts.count, claims.allSatisfy({ !$0.isEmpty }) else { return nil }
        let firstWords = claims[0].split(separator: " ")
        var readings: [Reading] = []
        for (index, option) in claims.enumerated() {
            var text = option
            let words = option.split(separator: " ")
            if index > 0, words.count < firstWords.count {
                text = (firstWords.dropLast(words.count).map(String.init) + [option]).joined(separator: " ")
            }
            readings.append(Reading(claim: tidyClaim(Substring(text)), degree: values[index]))
        }
        return readings
    }

    // MARK: - The degree

    /// A degree written as a number, or a short phrase the verbal scales read.
    static func degree(_ text: String) -> Degree? {
        if let numeric = numericDegree(text) { return numeric }
        let words = text.split(separator: " ")
        guard words.count <= 6, let first = words.first, text.contains(where: \.isLetter) else { return nil }
        // The phrase must open with a word of degree ("likely, around 65%", "one in twenty"), so
        // that "wins the election — 60%" is not read here as a degree with words before it.
        let opener = String(first).trimmingCharacters(in: .punctuationCharacters).lowercased()
        guard opener.contains(where: \.isLetter), ProbabilityPhrases.parse(opener) != nil || approximately.contains(opener + " ") || NumberWords.units[opener] != nil || opener == "a"
        else { return nil }
        return ProbabilityPhrases.parse(text)
    }

    /// Qualifiers that say the number is approximate; the gold conventions and the reference read
    /// "about 40%" as 40% give or take five points, which the number alone keeps inside.
    private static let approximately = ["about ", "around ", "approx. ", "approximately ", "roughly ", "~", "≈", "c. ", "ca. "]

    /// A number written as a probability: the whole of `text` must be one (so "30% of payments"
    /// is not). Percentages from 0 to 100, decimals from 0 to 1, "N in M", odds "N:M".
    static func numericDegree(_ raw: String) -> Degree? {
        var text = Layout.trim(Substring(raw)).lowercased()
        while let last = text.last, ".,;".contains(last) { text.removeLast() }
        if text.hasPrefix("p=") || text.hasPrefix("p =") || text.hasPrefix("p:") {
            text = Layout.trim(text.drop(while: { $0 != "=" && $0 != ":" }).dropFirst())
        }
        for prefix in approximately where text.hasPrefix(prefix) {
            text = Layout.trim(text.dropFirst(prefix.count))
        }
        // "(70% confidence)", "(80% likely)": the word names the number a probability.
        for suffix in [" confidence", " confident", " likely", " chance", " probability", " sure", " credence"] where text.hasSuffix(suffix) {
            text = Layout.trim(text.dropLast(suffix.count))
        }
        var bound: Character?
        for comparator in [">=", "<=", "≥", "≤", ">", "<"] where text.hasPrefix(comparator) {
            bound = comparator.contains(">") || comparator == "≥" ? ">" : "<"
            text = Layout.trim(text.dropFirst(comparator.count))
            break
        }
        guard let value = plainNumber(text) else { return nil }
        switch bound {
        case ">": return Degree(value: (value.low + 1) / 2, low: value.low, high: 1, basis: .numeric)
        case "<": return Degree(value: value.low / 2, low: 0, high: value.low, basis: .numeric)
        default:
            if value.high > value.low { return Degree(value: (value.low + value.high) / 2, low: value.low, high: value.high, basis: .numeric) }
            return Degree(value: value.low, basis: .numeric)
        }
    }

    private static func plainNumber(_ text: String) -> (low: Double, high: Double)? {
        if text.hasSuffix("%") {
            let number = Layout.trim(text.dropLast())
            for dash in ["-", "–", " to "] {
                let ends = number.components(separatedBy: dash)
                if ends.count == 2, let low = percent(ends[0]), let high = percent(ends[1]), low < high { return (low, high) }
            }
            if let value = percent(number) { return (value, value) }
            return nil
        }
        for dash in ["% to ", "%-", "% - ", "%–"] {
            let ends = text.components(separatedBy: dash)
            if ends.count == 2, let low = percent(ends[0]), let high = percent(ends[1]), low < high { return (low, high) }
        }
        let inWords = text.components(separatedBy: " in ")
        if inWords.count == 2, let chances = Double(inWords[0]), let outOf = Double(inWords[1]),
           chances >= 0, outOf > 0, chances <= outOf, isWholeNumber(inWords[0]), isWholeNumber(inWords[1]) {
            return (chances / outOf, chances / outOf)
        }
        let odds = text.split(separator: ":", omittingEmptySubsequences: false)
        if odds.count == 2, isWholeNumber(String(odds[0])), isWholeNumber(String(odds[1])),
           let forIt = Double(odds[0]), let against = Double(odds[1]), forIt + against > 0 {
            return (forIt / (forIt + against), forIt / (forIt + against))
        }
        // A decimal probability: "0.65", ".65", "1.0" (a point is required: "3" alone is a count).
        if text.contains("."), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
           text.filter({ $0 == "." }).count == 1, let value = Double(text.hasPrefix(".") ? "0" + text : text),
           (0...1).contains(value) {
            return (value, value)
        }
        return nil
    }

    private static func percent(_ text: String) -> Double? {
        let number = Layout.trim(Substring(text))
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), (0...100).contains(value) else { return nil }
        return value / 100
    }

    private static func isWholeNumber(_ text: String) -> Bool {
        let trimmed = Layout.trim(Substring(text))
        return (1...6).contains(trimmed.count) && trimmed.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The claim without the separator left at its end and without emphasis marks.
    static func tidyClaim(_ raw: Substring) -> String {
        var text = Layout.trim(raw).replacingOccurrences(of: "**", with: "")
        // A task-list box ("[ ] ", "[x] ") is not part of the claim.
        for box in ["[ ] ", "[x] ", "[X] "] where text.hasPrefix(box) { text = String(text.dropFirst(box.count)) }
        while let last = text.last, ":-–—,;".contains(last) || last.isWhitespace || last == "." && !text.hasSuffix("..") {
            text.removeLast()
        }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        return text
    }
}

import Foundation
