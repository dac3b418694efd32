/// Whose view a clause states, and where each field of a forecast was read, for `extract --explain`.
extension DocumentPass {
    /// Whose view a clause states: someone named as holding it, else the speaker, else the author.
    /// `restatement` marks an article's summary of what a transcript speaker says later: the
    /// speaker's own words are the source.
    /// `from` says where the owner was read, for `extract --explain`.
    func owner(of reading: ClauseReading, tokens: [Token], sentence: String, segment: Segment)
        -> (owner: String?, named: Bool, restatement: Bool, from: String) {
        let fallback = segment.speaker ?? attribution.author
        let fallbackFrom = segment.speaker != nil ? segment.speakerSource ?? "the speaker of this turn"
            : attribution.author != nil ? "the document's author" : "not stated: no speaker, author or name in the sentence"
        guard let subject = reading.reportedSubject else { return (fallback, false, false, fallbackFrom) }
        let written = ExtractionExplanation.quoted(tokens.text(in: sentence, from: subject.lowerBound, to: subject.upperBound - 1))
        // "Some believe", "many investors expect" in a speaker's turn: the speaker relays the view
        // and holds it (transcripts of panels read so); in an article the group is the owner as
        // written ("Analysts expect", "the committee expected").
        if reading.reportedGroup, segment.speaker != nil {
            return (fallback, false, false, fallbackFrom + ", relaying " + ExtractionExplanation.quoted(
                tokens.text(in: sentence, from: subject.lowerBound, to: subject.upperBound - 1)))
        }
        if reading.reportedGroup {
            // A group named in the attribution owns the view as written: "Industry executives and analysts".
            return (ClaimBuilder.tidy(tokens.text(in: sentence, from: subject.lowerBound, to: subject.upperBound - 1)), true, false,
                    "the group \(written) named in the sentence")
        }
        let words = tokens[subject].map { $0.text(in: sentence) }.joined(separator: " ")
        let named: String?
        let from: String
        if ["he", "she"].contains(words.lowercased()) {
            named = attribution.roster.lastMentioned
            from = "\(written) in the sentence: the person mentioned last"
        } else {
            named = attribution.roster.resolve(words) ?? attribution.roster.add(words)
            from = "\(written) named in the sentence"
        }
        guard let named else { return (fallback, false, false, fallbackFrom) }
        if segment.speaker == nil, attribution.speakers.contains(named) { return (named, true, true, from) }
        return (named, true, false, from)
    }

    /// Where the degree was read: "'30%' in the sentence", "'highly likely' in the sentence, read
    /// on the verbal scale".
    func probabilityText(_ reading: ClauseReading, degree: Degree, tokens: [Token], sentence: String, place: String) -> String {
        // A number, else the stance and the hedges the verbal degree combines ("I think" and "probably").
        let spans = degree.basis == .numeric ? [reading.numeric?.span].compactMap { $0 }
            : ([reading.attitude?.span].compactMap { $0 } + reading.degrees.map(\.span))
        let texts = spans.filter { !$0.isEmpty }.map {
            ExtractionExplanation.quoted(tokens.text(in: sentence, from: $0.lowerBound, to: $0.upperBound - 1))
        }
        guard !texts.isEmpty else { return "a degree of belief " + place }
        let written = texts.joined(separator: " and ")
        return written + " " + place + (degree.basis == .numeric ? "" : ", read on the verbal scale")
    }

    /// The block a segment belongs to and where the day its words were said comes from, with
    /// the fields' sources, as `extract --explain` prints them.
    func explanation(_ segment: Segment, owner: String, probability: String, deadline: String) -> ExtractionExplanation {
        let paragraph = document.paragraphs[segment.paragraph]
        let kind = paragraph.isListItem ? "list item" : segment.speaker != nil ? "speaker turn" : "paragraph"
        let last = segment.range.isEmpty ? segment.range.lowerBound : paragraph.text.index(before: segment.range.upperBound)
        return ExtractionExplanation(block: kind, firstLine: paragraph.line(at: segment.range.lowerBound),
                                     lastLine: paragraph.line(at: last), owner: owner, probability: probability,
                                     madeOn: sentenceDateFrom ?? referenceFrom(segment), deadline: deadline)
    }

    /// Where `reference(for:)` takes the day from.
    func referenceFrom(_ segment: Segment) -> String {
        if let day = datelineDays[segment.paragraph] { return "\(day), the wire dateline of this section" }
        let event = dates.event.map { "\($0), the event's date from \(dates.eventFrom ?? "the text")" }
        let published = dates.published.map { "\($0), the publication date from \(dates.publishedFrom ?? "the document")" }
        let given = defaultDate.map { "\($0), given with --date" }
        let found = segment.speaker != nil ? event ?? published : published ?? event
        return found ?? given ?? "not stated: the document gives no date (give --date)"
    }
}
