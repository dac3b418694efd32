/// A question stated once and answered by a later line: forecasting-tournament write-ups put the
/// question in a line of its own ("Will Meta launch a Threads web app before October 1, 2023?"),
/// discuss it, and end with "Prediction: 98%"; a list of questions ("- Will X before August
/// 31?") is answered by items such as "18% chance X returns to power".
struct QuestionAnswers {
    struct Asked {
        /// The question as written.
        var text: String
        var claim: String
        var deadline: Day?
        var keywords: Set<String>
    }

    let reference: Day?
    /// The question the next answer line answers: the latest one stated alone on its line.
    private(set) var open: Asked?
    /// The questions of the current section, for items that restate one of them.
    private(set) var section: [Asked] = []

    init(reference: Day?) {
        self.reference = reference
    }

    /// Labels of a line that gives the writer's number for the question above.
    static let answerLabels = ["prediction", "my prediction", "final prediction", "forecast", "my forecast", "final forecast",
                               "estimate", "my estimate", "probability", "credence", "current forecast", "current prediction"]

    /// Notes a question: a line of its own ending in "?", or a list item that asks one.
    mutating func note(_ block: LayoutBlock) {
        switch block.kind {
        case .heading:
            section = []
            open = nil
        case .paragraph, .listItem:
            guard block.text.hasSuffix("?"), block.text.utf8.count <= 1_000, block.firstLine == block.lastLine,
                  let asked = QuestionAnswers.asked(block.text, reference: reference) else { return }
            section.append(asked)
            // A restatement is of a question just listed; keeping a few keeps this linear.
            if section.count > 20 { section.removeFirst(section.count - 20) }
            if !block.isListItem { open = asked }
        default:
            break
        }
    }

    static func asked(_ question: String, reference: Day?) -> Asked? {
        // Read once: the frame, the time expressions and the keywords all come from these tokens.
        let tokens = Tokenizer.tokenize(question)
        guard let frame = QuestionLinking.frame(question, tokens: tokens, reference: reference) else { return nil }
        let claim = frame.claim(entity: nil) ?? String(question.dropLast())
        let mentions = TimeExpressions.find(in: tokens, reference: reference)
        let ahead = mentions.first { mention in
            guard mention.setsDeadline, let deadline = mention.deadline else { return false }
            return reference.map { deadline > $0 } ?? true
        }
        // A question about a time already over keeps that time, so that its answer is known past.
        let past = mentions.first { $0.isPast }
        let deadline = frame.time?.deadline ?? ahead?.deadline ?? InheritedTimes.fullDates(in: question).first ?? past?.deadline
        return Asked(text: question, claim: ClaimBuilder.tidy(claim), deadline: deadline, keywords: ForecastIdentity.keywords(question))
    }

    /// The degree an answer line gives ("Prediction: 98% Yes (opened at 90%)", "Initially 22%, as
    /// high as 32% → now 19%": the latest value is the forecast), and the question it answers.
    /// The question is then answered: a second answer line needs a question of its own.
    mutating func answer(_ text: String) -> (Asked, Degree)? {
        guard let asked = open, let degree = QuestionAnswers.answerDegree(text) else { return nil }
        open = nil
        // A question whose time is over was resolved before the write-up; its numbers are past.
        if let deadline = asked.deadline, let reference, deadline <= reference { return nil }
        return (asked, degree)
    }

    static func answerDegree(_ text: String) -> Degree? {
        // An answer line is short: "Prediction: 98% Yes (opened at 90%)".
        guard text.utf8.count <= 300 else { return nil }
        let lower = text.lowercased()
        if let colon = lower.firstIndex(of: ":"), answerLabels.contains(Layout.trim(lower[..<colon])) {
            let tail = Layout.trim(text[text.index(after: colon)...])
            guard let first = tail.split(separator: " ").first else { return nil }
            return ListItemDegree.numericDegree(String(first))
        }
        for arrow in ["→", "->", "=>"] {
            guard text.count <= 120, let range = text.range(of: arrow, options: .backwards) else { continue }
            var tail = Layout.trim(text[range.upperBound...])
            if tail.lowercased().hasPrefix("now ") { tail = String(tail.dropFirst(4)) }
            return ListItemDegree.numericDegree(tail)
        }
        return nil
    }

    /// The question of this section (with a deadline) that a claim restates: the one sharing most
    /// content words with it, at least two.
    func restated(by claim: String) -> Asked? {
        let words = ForecastIdentity.keywords(claim)
        var best: (shared: Int, asked: Asked?) = (1, nil)
        for asked in section where asked.deadline != nil {
            let shared = asked.keywords.intersection(words).count
            if shared > best.shared { best = (shared, asked) }
        }
        return best.asked
    }
}
