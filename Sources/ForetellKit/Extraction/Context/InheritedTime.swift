/// Where a heading's year becomes a deadline: the time frames a block inherits from the blocks
/// above it, and the document-level statements that set a default.
///
/// People write the horizon of a list once, not on every item:
/// - in the title or a heading ("2019 predictions", "Predictions for 2025", "By 2023 (1 year from
///   now)"): the items under it are about that time;
/// - in the line introducing the list ("By 2030, expect:");
/// - in a rule stated once ("all predictions are about what will be true on January 1, 2021",
///   "to be evaluated at the end of 2025", "unless noted, each prediction is about the end of
///   2030"), which holds for the items after it.
/// An item's own date overrides all of these (see `PredictionListReader`).
struct InheritedTime: Equatable {
    enum Origin: String, Equatable {
        case title, heading, listIntro = "list intro", documentRule = "document rule"
    }

    var deadline: Day
    var origin: Origin
    /// The line of the title, heading, intro or rule.
    var line: Int
    /// Its words, for explanations.
    var text: String = ""

    /// "2023-12-31, from the heading at line 12 'By 2023 (1 year from now)'", for `extract --explain`.
    var explanation: String {
        "\(deadline), from the \(origin.rawValue) at line \(line) " + ExtractionExplanation.quoted(text)
    }

    /// Whether the frame is stated right above the list (a heading or the line introducing it),
    /// which makes an unhedged item under it a prediction; a title or a rule far above may head
    /// lists of other things (links, rules of a contest).
    var isLocal: Bool { origin == .heading || origin == .listIntro }

    /// Whether the heading or intro says its items are predictions: it names them ("Predictions
    /// for 2027"), or it opens with a deadline ("By 2023 (1 year from now)", "Within five
    /// years:"); "Events in 2026" heads a schedule, whose items are announcements.
    var headsPredictions: Bool {
        let lower = text.lowercased()
        return InheritedTimes.predictionWords.contains { lower.contains($0) }
            || ["by ", "before ", "within ", "in the next ", "over the next "].contains { lower.hasPrefix($0) }
    }
}

enum InheritedTimes {
    /// Words that say a title or heading is about predictions, so that its year is their horizon
    /// ("2019 predictions") rather than the subject ("The 2019 season in review").
    static let predictionWords = ["predict", "forecast", "expect", "outlook", "bets", "guesses", "will happen", "resolution"]

    /// The deadline a title names for the predictions under it, if it says it holds predictions.
    static func title(_ text: String, reference: Day?) -> Day? {
        let lower = text.lowercased()
        guard predictionWords.contains(where: { lower.contains($0) }) else { return nil }
        return heading(text, reference: reference)
    }

    /// The deadline a heading or list intro names: its first time expression that sets a deadline
    /// after the day the list was written ("By 2023 (1 year from now)": the end of 2023).
    static func heading(_ text: String, reference: Day?) -> Day? {
        guard text.utf8.count <= 1_500 else { return nil }
        let tokens = Tokenizer.tokenize(text)
        for mention in TimeExpressions.find(in: tokens, reference: reference) where mention.setsDeadline {
            guard let deadline = mention.deadline else { continue }
            if let reference, deadline <= reference { continue }
            return deadline
        }
        return nil
    }

    /// Phrases that state when the predictions of a document are judged; the date follows them.
    static let ruleCues = [
        "true on", "true as of", "true at", "true by", "evaluated at", "evaluated on", "evaluated by", "judged at",
        "judged on", "judged by", "graded at", "graded on", "scored at", "scored on", "resolve at", "resolve on",
        "resolve by", "resolved at", "resolved on", "resolved by", "resolves on", "resolves at", "resolves by", "are about the end of", "is about the end of",
        "are for the end of", "by default",
    ]

    /// The default deadline a paragraph states for the predictions of the document, if it is such
    /// a rule: it speaks of the predictions (by name, or "everything", "unless noted") and a cue
    /// ("true on", "evaluated at", "resolves on") introduces a date.
    static func rule(_ text: String, reference: Day?) -> Day? {
        // A rule is a sentence or two; a long block is read no further (and costs nothing).
        guard text.utf8.count <= 1_500 else { return nil }
        let lower = text.lowercased()
        // The rule must speak of the document's predictions, by name or as a whole.
        let scope = ["predict", "forecast", "guess", "bets", "everything", "unless", "each of", "all of these", "these items"]
        guard scope.contains(where: { lower.contains($0) }) else { return nil }
        for cue in ruleCues {
            guard let range = lower.range(of: cue) else { continue }
            let tail = String(lower[range.upperBound...].prefix(60))
            if let day = numericDate(tail) ?? fullDates(in: String(tail.prefix(30))).first { return day }
            let words = cue.hasSuffix("end of") ? "the end of" + tail : tail
            if let deadline = heading(words, reference: reference) { return deadline }
        }
        return nil
    }

    /// Dates written out to the day: "January 1, 2021", "December 25th, 2020", "1 January 2021".
    /// Time expressions read a month as the whole month; a rule or a reference date names a day.
    static func fullDates(in text: String) -> [Day] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map { String($0).lowercased() }
        func dayNumber(_ word: String) -> Int? {
            let digits = word.prefix(while: \.isNumber)
            guard (1...2).contains(digits.count), ["", "st", "nd", "rd", "th", "."].contains(String(word.dropFirst(digits.count))) else { return nil }
            return Int(digits)
        }
        func year(_ word: String) -> Int? {
            let digits = word.prefix(while: \.isNumber)
            guard digits.count == 4, word.count <= 5 else { return nil }
            return Int(digits)
        }
        var found: [Day] = []
        for (index, word) in words.enumerated() {
            guard let month = CalendarWords.months[word.hasSuffix(".") ? String(word.dropLast()) : word] else { continue }
            if index + 2 < words.count, let day = dayNumber(words[index + 1]), let year = year(words[index + 2]),
               let date = Day(year: year, month: month, day: day) {
                found.append(date)
            } else if index >= 1, index + 1 < words.count, let day = dayNumber(words[index - 1]), let year = year(words[index + 1]),
                      let date = Day(year: year, month: month, day: day) {
                found.append(date)
            }
        }
        return found
    }

    /// "1/1/2022", "12/31/2025" (month first, as in American writing) or "2022-01-01", at the
    /// start of `text` after spaces.
    static func numericDate(_ text: String) -> Day? {
        let word = text.drop(while: { $0 == " " }).prefix(while: { $0.isNumber || $0 == "/" || $0 == "-" })
        let iso = word.split(separator: "-")
        if iso.count == 3, iso[0].count == 4, let year = Int(iso[0]), let month = Int(iso[1]), let day = Int(iso[2]) {
            return Day(year: year, month: month, day: day)
        }
        let parts = word.split(separator: "/")
        guard parts.count == 3, parts[2].count == 4, let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

/// Follows the document from top to bottom and says which time frame the current block inherits.
struct InheritedTimeTracker {
    let reference: Day?
    private var titleTime: InheritedTime?
    private var ruleTime: InheritedTime?
    private var introTime: InheritedTime?
    /// Open headings, outermost first, each with the time it names.
    private var headings: [(level: Int, time: InheritedTime?)] = []

    init(reference: Day?) {
        self.reference = reference
    }

    /// The frame an item or row read now inherits: the list's intro, the nearest heading that
    /// names a time, a rule stated above, else the title's.
    var current: InheritedTime? {
        if let introTime { return introTime }
        if let heading = headings.last(where: { $0.time != nil })?.time { return heading }
        return ruleTime ?? titleTime
    }

    mutating func enter(_ block: LayoutBlock) {
        switch block.kind {
        case .headerField(let key, let value):
            if key == "title", let day = InheritedTimes.title(value, reference: reference) {
                titleTime = InheritedTime(deadline: day, origin: .title, line: block.firstLine, text: block.text)
            }
        case .heading(let level):
            introTime = nil
            headings.removeAll { $0.level >= level }
            let time = InheritedTimes.heading(block.text, reference: reference)
            if level <= 1, titleTime == nil, headings.isEmpty, let day = InheritedTimes.title(block.text, reference: reference) {
                titleTime = InheritedTime(deadline: day, origin: .title, line: block.firstLine, text: block.text)
            } else {
                headings.append((level, time.map { InheritedTime(deadline: $0, origin: .heading, line: block.firstLine, text: block.text) }))
            }
        case .paragraph, .blockQuote:
            introTime = nil
            if let day = InheritedTimes.rule(block.text, reference: reference) {
                ruleTime = InheritedTime(deadline: day, origin: .documentRule, line: block.firstLine, text: block.text)
            } else if block.text.hasSuffix(":"), block.text.count <= 200, let day = InheritedTimes.heading(block.text, reference: reference) {
                introTime = InheritedTime(deadline: day, origin: .listIntro, line: block.firstLine, text: block.text)
            }
        case .listItem, .tableRow:
            break
        }
    }
}
