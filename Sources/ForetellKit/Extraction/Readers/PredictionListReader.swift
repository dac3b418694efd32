/// The reader of prediction lists: list items, numbered items and pipe-table rows that state a
/// claim and a degree each, the way people write yearly predictions and contest entries.
///
/// Each block is read on its own with what it inherits (`InheritedTimeTracker`): the owner is the
/// document's author (a table's owner columns name theirs), made_on the document's date, the
/// deadline the item's own date or else the inherited frame. The blocks it reads are handed back
/// as claimed, so that the sentence-level reader does not read them a second time; everything
/// else (prose, transcripts, items it cannot read) goes to the sentence-level reader.
struct PredictionListReader {
    struct Result {
        var forecasts: [ExtractedForecast] = []
        /// Source lines of the blocks this reader read.
        var claimedLines: Set<Int> = []
    }

    let source: String
    let owner: String?
    let madeOn: Day?

    func read(_ blocks: [LayoutBlock]) -> Result {
        var result = Result()
        var times = InheritedTimeTracker(reference: madeOn)
        /// The latest item's claim at each depth, for continuation items and children.
        var claimsAtDepth: [Int: (claim: String, hasDegree: Bool)] = [:]
        var table: TableColumns?
        var questions = QuestionAnswers(reference: madeOn)
        var titleSaysPredictions = false
        /// Whether the list under way was introduced by a question.
        var askedAbove = false
        /// Whose are the two numbers of a line that holds two, once a legend said.
        var legend: (first: String?, second: String?)?
        for block in blocks {
            if !block.isListItem { askedAbove = block.text.contains("?") }
            if block.kind == .paragraph, let found = OwnerLegend.owners(in: block.text, author: owner) { legend = found }
            if case .headerField(let key, let value) = block.kind, key == "title" {
                titleSaysPredictions = InheritedTimes.predictionWords.contains { value.lowercased().contains($0) }
            }
            times.enter(block)
            defer { questions.note(block) }
            switch block.kind {
            case .listItem(_, let depth):
                claimsAtDepth = claimsAtDepth.filter { $0.key <= depth }
                // "How likely is X? Estimates: - Jane Roe: 10%": labelled answers to the question
                // above, which the sentence-level reader attributes to their labels.
                if askedAbove, ListItemDegree.read(block.text).allSatisfy({ $0.claim.split(separator: " ").count <= 4 }) { continue }
                // "Biden wins: 60% / 70%" under a legend: one forecast for each of its owners.
                if let legend, let pair = ListItemDegree.paired(block.text) {
                    let made = [(legend.first, pair.first, "first"), (legend.second, pair.second, "second")].map { owner, degree, place in
                        forecast(claim: pair.claim, degree: degree, owner: owner, block: block, inherited: times.current, why: Why(
                            owner: "the legend: the \(place) number is " + (owner ?? "the author's"),
                            probability: "the \(place) of the item's two numbers", deadline: nil))
                    }.filter { $0.deadline != nil }
                    if !made.isEmpty { claim(block, in: &result) }
                    result.forecasts += made
                    continue
                }
                let read = readItem(block, depth: depth, inherited: times.current, above: claimsAtDepth, questions: questions,
                                    titleSaysPredictions: titleSaysPredictions)
                if let claim = read.claim { claimsAtDepth[depth] = (claim, read.hasDegree) }
                if read.claimed { claim(block, in: &result) }
                result.forecasts += read.forecasts
            case .tableRow(let cells, let isHeader):
                // A table interrupted by an elision ("[...]") goes on with rows of the same width.
                let continues = table.map { abs($0.width - cells.count) <= 1 } ?? false
                if isHeader, !continues || TableColumns(header: cells) != nil {
                    table = TableColumns(header: cells)
                    if table != nil { claim(block, in: &result) }
                    continue
                }
                guard let columns = table else { continue }
                let rows = readRow(block, cells: cells, columns: columns, inherited: times.current)
                if !rows.isEmpty { claim(block, in: &result) }
                result.forecasts += rows
            case .heading:
                claimsAtDepth = [:]
                table = nil
            case .paragraph:
                claimsAtDepth = [:]
                // "Prediction: 5%" under a question stated on its own line.
                if let (asked, degree) = questions.answer(block.text) {
                    claim(block, in: &result)
                    result.forecasts.append(forecast(claim: asked.claim, degree: degree, owner: owner, block: block, inherited: nil,
                                                     stated: asked.deadline, why: Why(
                                                        owner: "the document's author, answering the question "
                                                            + ExtractionExplanation.quoted(asked.text),
                                                        probability: "the answer line " + ExtractionExplanation.quoted(block.text),
                                                        deadline: asked.deadline.map { "\($0), from the question " } .map { $0 + ExtractionExplanation.quoted(asked.text) })))
                }
            default:
                claimsAtDepth = [:]
            }
        }
        return result
    }

    private func claim(_ block: LayoutBlock, in result: inout Result) {
        for line in block.firstLine...max(block.firstLine, block.lastLine) { result.claimedLines.insert(line) }
    }

    // MARK: - List items

    private struct ItemReading {
        var forecasts: [ExtractedForecast] = []
        /// The item's claim as later items may continue it.
        var claim: String?
        var hasDegree = false
        var claimed = false
    }

    private func readItem(_ block: LayoutBlock, depth: Int, inherited: InheritedTime?,
                          above: [Int: (claim: String, hasDegree: Bool)], questions: QuestionAnswers,
                          titleSaysPredictions: Bool) -> ItemReading {
        var text = block.text
        var reading = ItemReading()
        var readings = ListItemDegree.read(text)
        if let fragment = ContinuationClaims.fragment(text) {
            // "...60 million: 60%": the claim is the previous item's with the fragment in place.
            guard let previous = above[depth]?.claim else { return reading }
            let fragmentReadings = ListItemDegree.read(fragment)
            guard !fragmentReadings.isEmpty else { return reading }
            readings = fragmentReadings.map { found in
                ListItemDegree.Reading(claim: ContinuationClaims.resolve(previous: previous, fragment: found.claim), degree: found.degree)
            }
            text = readings[0].claim
        } else if depth > 0, let parent = above[depth - 1], !parent.hasDegree, !readings.isEmpty {
            // A parent without a degree heads its children ("Bitcoin:" then "above $50k: 40%").
            readings = readings.map {
                ListItemDegree.Reading(claim: ContinuationClaims.withParent(parent.claim, child: $0.claim), degree: $0.degree)
            }
        }
        let hasDegree = !readings.isEmpty
        if readings.isEmpty {
            reading.claim = ListItemDegree.tidyClaim(Substring(text))
            // An item without a degree in a list whose heading names the horizon is a prediction
            // stated flatly: the gold conventions give an unhedged claim in an explicit prediction
            // list [0.6, 0.9].
            guard depth == 0, let inherited, inherited.isLocal, inherited.headsPredictions || titleSaysPredictions,
                  isStatement(text) else { return reading }
            readings = UnhedgedItems.claims(in: text).map { ListItemDegree.Reading(claim: $0, degree: UnhedgedItems.degree(of: $0)) }
        } else {
            reading.hasDegree = true
            reading.claim = readings[0].claim
        }
        for found in readings where hasContent(found.claim) {
            let restated = inherited == nil ? questions.restated(by: found.claim) : nil
            let probability = hasDegree ? "the item's degree, set apart from its claim"
                : "an unhedged item under a horizon heading: listed degree [0.6, 0.9], or the item's degree word"
            let made = forecast(claim: found.claim, degree: found.degree, owner: owner, block: block, inherited: inherited,
                                stated: restated?.deadline, why: Why(
                                    owner: "the document's author (the list is theirs)", probability: probability,
                                    deadline: restated.map { "\($0.deadline.map(String.init(describing:)) ?? ""), from the listed question "
                                        + ExtractionExplanation.quoted($0.text) }))
            // A forecast names a time frame (its own, or one it inherits); a list of figures
            // without one ("Market share: 30%") is left to the sentence-level reader.
            guard made.deadline != nil || isNeverClaim(found.claim) else { continue }
            reading.forecasts.append(made)
        }
        // "[REDACTED]: 80%" is read (and so claimed) even though it makes no forecast.
        reading.claimed = !reading.forecasts.isEmpty || readings.contains { !hasContent($0.claim) }
        return reading
    }

    /// "never"/"ever" claims can be refuted at any time: they need no deadline.
    private func isNeverClaim(_ claim: String) -> Bool {
        Tokenizer.tokenize(claim).contains { $0.lower == "never" || $0.lower == "ever" }
    }

    /// A claim someone could resolve has words ("[REDACTED]" has none), more than a label's one.
    private func hasContent(_ claim: String) -> Bool {
        guard claim.split(separator: " ").count >= 2 else { return false }
        var depth = 0
        var letters = 0
        for character in claim {
            if character == "[" { depth += 1 } else if character == "]" { depth = max(0, depth - 1) } else if depth == 0, character.isLetter {
                letters += 1
            }
        }
        return letters >= 3
    }

    /// Words that make an item a hedged statement for the sentence-level reader ("I'd put it at
    /// 30%", "the odds are long"), not a flat one.
    private static let probabilityNouns = ["chance", "odds", "probability", "i'd put", "i'd say", "put it at"]

    /// A flat statement about what will be: not a question, not a link or a one-word label, not
    /// about the past ("Revenue grew 10% last year", "We have shipped the app").
    private func isStatement(_ text: String) -> Bool {
        guard !text.contains("?"), !text.hasSuffix(":"), !text.contains("http") else { return false }
        let lower = text.lowercased()
        guard !PredictionListReader.probabilityNouns.contains(where: { lower.contains($0) }) else { return false }
        let tokens = Tokenizer.tokenize(text)
        guard !ClauseAnalysis.speaksOfPast(tokens, clause: 0..<tokens.count),
              !TimeExpressions.find(in: tokens, reference: madeOn).contains(where: \.isPast) else { return false }
        return text.split(separator: " ").count >= 3
    }

    // MARK: - Table rows

    private func readRow(_ block: LayoutBlock, cells: [String], columns: TableColumns, inherited: InheritedTime?) -> [ExtractedForecast] {
        guard let claimCell = cells.first, hasContent(claimCell) else { return [] }
        let claim = ListItemDegree.tidyClaim(Substring(claimCell))
        var forecasts: [ExtractedForecast] = []
        for (index, columnOwner) in columns.owners where index < cells.count {
            guard let degree = ListItemDegree.numericDegree(cells[index]) else { continue }
            let column = index < columns.header.count ? columns.header[index] : ""
            let made = forecast(claim: claim, degree: degree, owner: columnOwner ?? owner, block: block, inherited: inherited, why: Why(
                owner: "table column " + ExtractionExplanation.quoted(column) + (columnOwner == nil ? " (the author's)" : ""),
                probability: "the cell " + ExtractionExplanation.quoted(cells[index]) + " under that column", deadline: nil))
            guard made.deadline != nil || isNeverClaim(claim) else { continue }
            forecasts.append(made)
        }
        return forecasts
    }

    // MARK: - The forecast

    /// Where a forecast's parts were taken from, for `extract --explain`; `deadline` when a
    /// question gave it.
    struct Why {
        var owner: String
        var probability: String
        var deadline: String?
    }

    /// `stated`: the deadline of the question the block answers, if any.
    private func forecast(claim rawClaim: String, degree: Degree, owner: String?, block: LayoutBlock,
                          inherited: InheritedTime?, stated: Day? = nil, why: Why) -> ExtractedForecast {
        let claim = FirstPerson.named(rawClaim, owner: owner)
        let own = stated == nil ? ItemDates.own(in: rawClaim, reference: madeOn, framed: inherited != nil,
                                                      frame: inherited?.deadline) : nil
        let deadline = stated ?? own?.deadline ?? inherited?.deadline
        var confidence = 0.6
        if degree.basis == .numeric { confidence += 0.15 }
        if deadline == nil { confidence -= 0.2 }
        if madeOn == nil { confidence -= 0.1 }
        let quote = block.text.count > 400 ? String(block.text.prefix(400)) : block.text
        let deadlineWhy: String
        if let stated = why.deadline, stated.isEmpty == false, deadline != nil {
            deadlineWhy = stated
        } else if let own, let day = own.deadline {
            deadlineWhy = "the item's own date: \(day)"
        } else if let inherited {
            deadlineWhy = inherited.explanation
        } else {
            deadlineWhy = "none: a never/ever claim"
        }
        let explanation = ExtractionExplanation(
            block: block.kindName, firstLine: block.firstLine, lastLine: block.lastLine, owner: why.owner,
            probability: why.probability, madeOn: madeOn.map { "the document's date: \($0)" } ?? "none: the document gives no date",
            deadline: deadlineWhy)
        return ExtractedForecast(
            source: source, owner: owner, claim: claim, probability: rounded(degree.value),
            probabilityLow: degree.low.map(rounded), probabilityHigh: degree.high.map(rounded), basis: degree.basis,
            madeOn: madeOn, deadline: deadline, earliest: own?.earliest, quote: quote, line: block.firstLine,
            confidence: rounded(min(0.95, max(0.05, confidence))), explanation: explanation)
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// The columns of a prediction table: which hold whose numbers.
///
/// "Question | Rodeo's Prediction | Scott's Prediction | Outcome": the first column is the
/// claim, each column named for someone's prediction is that person's, and columns that record
/// what happened or comment (Outcome, Result, Notes) are nobody's forecast.
struct TableColumns {
    /// Column index and its owner (nil: a column of numbers without a name, the author's).
    var owners: [(index: Int, owner: String?)]
    var width: Int
    var header: [String]

    static let notForecasts = ["outcome", "result", "resolution", "resolved", "answer", "notes", "note", "comment", "source",
                               "status", "actual", "score", "brier"]
    static let ownerSuffixes = ["'s predictions", "'s prediction", "’s predictions", "’s prediction", "'s forecast", "’s forecast",
                                "'s forecasts", "’s forecasts", "'s estimate", "’s estimate", "'s", "’s"]

    init?(header: [String]) {
        guard header.count >= 2 else { return nil }
        // Only a table that says it holds predictions: a table of statistics has percentages too.
        let words = ["predict", "forecast", "probab", "chance", "credence", "odds", "confidence"]
        guard header.contains(where: { cell in words.contains { cell.lowercased().contains($0) } }) else { return nil }
        var owners: [(Int, String?)] = []
        for (index, cell) in header.enumerated().dropFirst() {
            let lower = cell.lowercased()
            if TableColumns.notForecasts.contains(where: { lower.hasPrefix($0) }) { continue }
            var name = cell
            for suffix in TableColumns.ownerSuffixes where lower.hasSuffix(suffix) {
                name = String(cell.dropLast(suffix.count))
                break
            }
            let generic = ["probability", "prediction", "predictions", "forecast", "p", "%", "chance", "confidence", "credence"]
            let lowerName = Layout.trim(Substring(name)).lowercased()
            // "My forecast", "Our estimate": the writer's own column.
            let writers = lowerName.hasPrefix("my ") || lowerName.hasPrefix("our ") || ["me", "mine", "us", "ours"].contains(lowerName)
            owners.append((index, generic.contains(lowerName) || writers || lowerName.isEmpty ? nil : Layout.trim(Substring(name))))
        }
        guard !owners.isEmpty else { return nil }
        self.owners = owners
        width = header.count
        self.header = header
    }
}
