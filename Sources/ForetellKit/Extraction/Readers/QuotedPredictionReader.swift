import Foundation

/// The reader of other people's predictions quoted one after another:
/// - compilations, one quote a paragraph with its year and author ("1889: “Nobody will use it,
///   ever.” — Thomas Edison."), or a quote introduced by who said it and when ("As Paul Krugman
///   wrote in his 1998 piece:" then the quoted paragraph);
/// - a list read aloud in a transcript ("Number two, “2026 becomes a record year for
///   liquidity.”"), whose owner and horizon were named before ("Tom has written 12 predictions
///   for 2026").
/// A quoted prediction is owned by the person quoted and made when they said it, not by the
/// writer who compiles or reads it.
struct QuotedPredictionReader {
    let source: String
    let madeOn: Day?

    func read(_ blocks: [LayoutBlock]) -> [ExtractedForecast] {
        var forecasts: [ExtractedForecast] = []
        var introduction: (owner: String, year: Int)?
        var spokenList: (owner: String, deadline: Day?)?
        for block in blocks {
            // Quotations and transcript turns are paragraphs of a few thousand characters at
            // most; a longer block (an attachment, a data dump) is not read for them.
            guard block.kind == .paragraph || block.kind == .blockQuote, block.text.utf8.count <= 20_000 else {
                introduction = nil
                continue
            }
            if let quoted = QuotedPredictionReader.compiled(block.text) {
                forecasts += readQuote(quoted.quote, owner: quoted.owner, year: quoted.year, block: block)
            } else if let intro = introduction, let quote = QuotedPredictionReader.wholeQuote(block.text) {
                forecasts += readQuote(quote, owner: intro.owner, year: intro.year, block: block)
            }
            introduction = QuotedPredictionReader.introducesQuote(block.text)
            if let list = QuotedPredictionReader.announcesList(block.text, reference: madeOn) { spokenList = list }
            if let list = spokenList {
                forecasts += readSpokenItems(block, owner: list.owner, deadline: list.deadline)
            }
        }
        return forecasts
    }

    // MARK: - Compilations

    private static let compiledPattern = try? NSRegularExpression(
        pattern: #"^(1[5-9]\d\d|20\d\d):\s*[“"](.+)[”"]\s*[—–-]{1,2}\s*([^,.]+)"#)

    /// "1889: “quote” — Thomas Edison." as (year, quote, owner).
    static func compiled(_ text: String) -> (year: Int, quote: String, owner: String)? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = compiledPattern?.firstMatch(in: text, range: range), match.numberOfRanges == 4,
              let yearRange = Range(match.range(at: 1), in: text), let quoteRange = Range(match.range(at: 2), in: text),
              let ownerRange = Range(match.range(at: 3), in: text), let year = Int(text[yearRange]) else { return nil }
        let owner = Layout.trim(text[ownerRange])
        guard !owner.isEmpty else { return nil }
        return (year, String(text[quoteRange]), owner)
    }

    private static let introPattern = try? NSRegularExpression(
        pattern: #"([A-Z][a-z]+(?: [A-Z][a-z]+)+)\b[^:]*?\b(1[5-9]\d\d|20\d\d)\b[^:]*:$"#)

    /// "As Paul Krugman pointed out in his 1998 piece ...:": who is quoted next, and when.
    static func introducesQuote(_ text: String) -> (owner: String, year: Int)? {
        guard text.hasSuffix(":"), text.count <= 300 else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = introPattern?.firstMatch(in: text, range: range), match.numberOfRanges == 3,
              let ownerRange = Range(match.range(at: 1), in: text), let yearRange = Range(match.range(at: 2), in: text),
              let year = Int(text[yearRange]) else { return nil }
        var owner = String(text[ownerRange])
        for opener in ["As ", "When ", "In "] where owner.hasPrefix(opener) { owner = String(owner.dropFirst(opener.count)) }
        return (owner, year)
    }

    /// A paragraph that is one quotation from its first character to its last.
    static func wholeQuote(_ text: String) -> String? {
        guard let first = text.first, let last = text.last, "“\"".contains(first), "”\"".contains(last), text.count > 2 else { return nil }
        return String(text.dropFirst().dropLast())
    }

    /// The forecasts of one quotation: its sentences that look forward with a time frame, or with
    /// an emphatic "never"/"ever" (which needs none: the claim can be refuted at any time).
    private func readQuote(_ quote: String, owner: String, year: Int, block: LayoutBlock) -> [ExtractedForecast] {
        let said = Day(year: year, month: 7, day: 1)
        let sentences = SentenceSplitter.split(quote).map { Layout.trim(quote[$0]) }
        var forecasts: [ExtractedForecast] = []
        for (index, sentence) in sentences.enumerated() {
            let tokens = Tokenizer.tokenize(sentence)
            let words = Set(tokens.map(\.lower))
            guard !words.isDisjoint(with: QuotedDegrees.future), !sentence.hasSuffix("?") else { continue }
            let emphatic = !words.isDisjoint(with: QuotedDegrees.emphatic)
            let time = ItemDates.own(in: sentence, reference: said, framed: false)
            guard time != nil || emphatic else { continue }
            var (claim, degree) = QuotedDegrees.read(sentence, tokens: tokens, emphatic: emphatic)
            // "Nobody will use it, ever.": the sentence before says what "it" is.
            if index > 0, tokens.contains(where: { ["it", "this", "that", "they", "them", "these", "those", "one"].contains($0.lower) }) {
                claim = sentences[index - 1] + " " + claim
            }
            let quoted = sentences.count <= 2 ? quote : sentence
            let explanation = ExtractionExplanation(
                block: block.kindName, firstLine: block.firstLine, lastLine: block.lastLine,
                owner: "the person quoted: " + ExtractionExplanation.quoted(owner),
                probability: "the quotation's words (" + (degree.basis == .verbal ? "verbal" : "stated") + "): "
                    + ExtractionExplanation.quoted(sentence),
                madeOn: "the year given with the quotation, \(year), at mid-year",
                deadline: time?.deadline.map { "the quotation's own time frame: \($0)" } ?? "none: a never/ever claim")
            forecasts.append(ExtractedForecast(
                source: source, owner: owner, claim: ClaimBuilder.tidy(claim), probability: degree.value,
                probabilityLow: degree.low, probabilityHigh: degree.high, basis: degree.basis, madeOn: said,
                deadline: time?.deadline, earliest: time?.earliest, quote: String(quoted.prefix(400)), line: block.firstLine,
                confidence: 0.55, explanation: explanation))
        }
        return forecasts
    }

    // MARK: - Lists read aloud

    private static let announcePattern = try? NSRegularExpression(
        pattern: #"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:has written|has made|has published|wrote|made|published|lists|has listed) (?:\d+|\w+) predictions for (20\d\d)\b"#)

    /// "Tom has written 12 predictions for 2026": whose list is read next, and its horizon.
    static func announcesList(_ text: String, reference: Day?) -> (owner: String, deadline: Day?)? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = announcePattern?.matches(in: text, range: range).last, match.numberOfRanges == 3,
              let ownerRange = Range(match.range(at: 1), in: text), let yearRange = Range(match.range(at: 2), in: text),
              let year = Int(text[yearRange]) else { return nil }
        var owner = String(text[ownerRange])
        // "So Priya has written": a sentence's opening word is not part of the name.
        let openers = ["So ", "And ", "But ", "Now ", "Well ", "Okay ", "Then ", "Yes ", "Also ", "Anyway "]
        for opener in openers where owner.hasPrefix(opener) { owner = String(owner.dropFirst(opener.count)) }
        return (owner, Day.lastDay(ofYear: year))
    }

    private static let spokenItemPattern = try? NSRegularExpression(
        pattern: #"\b[Nn]umber (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b[^“"]{0,60}?[“"]([^”"]{8,300})[”"]"#)

    private func readSpokenItems(_ block: LayoutBlock, owner: String, deadline: Day?) -> [ExtractedForecast] {
        let text = block.text
        let range = NSRange(text.startIndex..., in: text)
        var forecasts: [ExtractedForecast] = []
        for match in QuotedPredictionReader.spokenItemPattern?.matches(in: text, range: range) ?? [] {
            guard let quoteRange = Range(match.range(at: 1), in: text) else { continue }
            let quote = Layout.trim(text[quoteRange])
            let own = ItemDates.own(in: quote, reference: madeOn, framed: true, frame: deadline)
            let degree = UnhedgedItems.degree(of: quote)
            var claim = ListItemDegree.tidyClaim(Substring(quote))
            if own == nil, let deadline, !claim.contains(String(deadline.year)) { claim += " (by \(deadline))" }
            let explanation = ExtractionExplanation(
                block: "speaker turn", firstLine: block.firstLine, lastLine: block.lastLine,
                owner: "the list announced as " + ExtractionExplanation.quoted(owner + "'s predictions"),
                probability: "a quoted prediction stated flatly: listed degree [0.6, 0.9], or its degree word",
                madeOn: madeOn.map { "the document's date: \($0)" } ?? "none: the document gives no date",
                deadline: own?.deadline.map { "the quotation's own time frame: \($0)" }
                    ?? deadline.map { "the year of the announced list: \($0)" } ?? "none")
            forecasts.append(ExtractedForecast(
                source: source, owner: owner, claim: claim, probability: degree.value, probabilityLow: degree.low,
                probabilityHigh: degree.high, basis: degree.basis, madeOn: madeOn, deadline: own?.deadline ?? deadline,
                earliest: own?.earliest, quote: quote, line: block.firstLine, confidence: 0.5, explanation: explanation))
        }
        return forecasts
    }
}

/// Degrees of quoted predictions, from the labelling conventions of
/// `shared/data/extraction-dev/README.md`: "I can assure you" [0.9, 1]; an emphatic never/ever
/// [0.8, 0.99]; "not the slightest indication that X" puts X at [0, 0.1]; an unhedged "will" in
/// a quoted prediction [0.6, 0.9]. A stance or degree word the verbal scales know wins
/// ("I predict", "probably").
enum QuotedDegrees {
    static let future: Set<String> = ["will", "won't", "wont", "never", "shall", "'ll", "going", "gonna"]
    static let emphatic: Set<String> = ["never", "ever"]

    static let assurance = Degree(value: 0.95, low: 0.9, high: 1, basis: .verbal)
    static let emphaticNever = Degree(value: 0.9, low: 0.8, high: 0.99, basis: .verbal)
    static let noIndication = Degree(value: 0.05, low: 0, high: 0.1, basis: .verbal)

    /// Openings that deny any sign of what follows "that": the event is then very unlikely.
    static let denials = ["there is not the slightest indication that ", "there is no indication that ",
                          "there is not the slightest chance that ", "there is no sign that "]

    static func read(_ sentence: String, tokens: [Token], emphatic: Bool) -> (claim: String, degree: Degree) {
        let lower = sentence.lowercased()
        for denial in denials where lower.hasPrefix(denial) {
            return (String(sentence.dropFirst(denial.count)), noIndication)
        }
        if let range = lower.range(of: "i can assure you that ") {
            return (String(sentence[range.upperBound...]), assurance)
        }
        let matches = ProbabilityPhrases.verbal(in: tokens)
        if let found = ProbabilityPhrases.combine(attitude: matches.first { $0.entry.role == .attitude },
                                                  degrees: matches.filter { $0.entry.role != .attitude }) {
            var claim = sentence
            for stance in ["I predict that ", "I predict ", "I think that ", "I think "] where claim.hasPrefix(stance) {
                claim = String(claim.dropFirst(stance.count))
            }
            return (claim, found)
        }
        return (sentence, emphatic ? emphaticNever : UnhedgedItems.listed)
    }
}
