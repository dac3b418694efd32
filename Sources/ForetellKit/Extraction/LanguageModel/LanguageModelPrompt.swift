import Foundation

/// What foretell asks the model: a system prompt stating what a forecast is (the definition in
/// `shared/reference/extraction.md`), the document's header facts, and one chunk of its text,
/// with a JSON schema for the answer.
///
/// The model is asked for words as written, never for dates or computed numbers: the checks
/// (`AnswerCheck`) compute those with the rules engine's own code from the words it quotes.
enum LanguageModelPrompt {
    /// Part of the cache key: a change to the prompt or the schema must ask the model again.
    static let version = "1"

    static let system = """
        You find forecasts in a document. A forecast is a statement in which an owner (a named \
        person, a group, or the document's author) says that something will or will not happen, \
        at or by some time, with a stated number ("70%", "one in five", "3 to 1 against") or a \
        verbal degree of belief ("likely", "almost certainly", "I doubt", "I think ... will").
        Not forecasts: questions; statistics and quantities ("inflation around 4 percent", "61% of \
        respondents"); track records ("right 96% of the time"); values the speaker gave up ("I \
        started at 30%"); hypotheticals and examples; plans and schedules ("will be published on \
        15 December"); statements about the past.
        The owner is whoever the text says made the forecast: "Nate Silver gave it about 30%" is \
        Nate Silver's, "Manifold puts it at 61%" is Manifold's; first-person statements of an \
        article and the items of its own lists are the author's: write "author" for them. In a \
        transcript the owner is the speaker whose turn it is.
        For each forecast give:
        - owner: the name as the document writes it, or "author";
        - claim: one self-contained sentence that can later be judged true or false;
        - probability: the stated probability from 0 to 1, or null when only words give it;
        - probability_words: the exact words of the quote that give the degree of belief ("70%", \
        "very likely");
        - said_when: the exact words of the document that date when it was said, or null;
        - deadline_words: the exact words of the quote that say by when ("by 2030", "next year"), \
        or null;
        - quote: the sentence or sentences holding the forecast, copied from the document \
        character for character.
        Copy words exactly as they are written. Never invent a forecast, a name, a number or a \
        quote. Answer with one JSON object {"forecasts": [...]}; the list is empty when the text \
        holds no forecast.
        """

    /// The `response_format` schema: every field required, nulls allowed where a field may be
    /// missing, as strict mode wants.
    static let schema: JSONValue = {
        func text() -> JSONValue { .object([("type", .string("string"))]) }
        func nullable(_ type: String) -> JSONValue { .object([("type", .array([.string(type), .string("null")]))]) }
        let fields: [(String, JSONValue)] = [
            ("owner", text()), ("claim", text()), ("probability", nullable("number")),
            ("probability_words", text()), ("said_when", nullable("string")),
            ("deadline_words", nullable("string")), ("quote", text()),
        ]
        let item: JSONValue = .object([
            ("type", .string("object")), ("properties", .object(fields)),
            ("required", .array(fields.map { .string($0.0) })), ("additionalProperties", .bool(false)),
        ])
        return .object([
            ("type", .string("object")),
            ("properties", .object([("forecasts", .object([("type", .string("array")), ("items", item)]))])),
            ("required", .array([.string("forecasts")])), ("additionalProperties", .bool(false)),
        ])
    }()

    /// The user message for one chunk: header facts first, repeated in every chunk so that each
    /// stands on its own.
    static func user(facts: HeaderFacts, chunk: DocumentChunk, chunkCount: Int) -> String {
        var lines: [String] = []
        if let title = facts.title { lines.append("Title: \(title)") }
        if let author = facts.author { lines.append("Author: \(author)") }
        if let date = facts.date { lines.append("Date: \(date)") }
        if chunkCount > 1 {
            lines.append("This is part \(chunk.index + 1) of \(chunkCount) of the document (lines \(chunk.firstLine)-\(chunk.lastLine)).")
        }
        lines.append("")
        lines.append("Document text:")
        lines.append("<<<")
        lines.append(chunk.text)
        lines.append(">>>")
        return lines.joined(separator: "\n")
    }
}

/// What the model is told about a document besides its text.
struct HeaderFacts: Equatable {
    var title: String?
    var author: String?
    var date: Day?

    /// From front matter and `Key: value` header lines, the same places the rules engine reads.
    init(document: Document, dates: DocumentDates) {
        title = document.frontMatter["title"].flatMap(Self.nonEmpty)
        for key in ["author", "authors", "by", "creator"] {
            if let value = document.frontMatter[key].flatMap(Self.nonEmpty) {
                author = Roster.clean(value)
                break
            }
        }
        for paragraph in document.paragraphs.prefix(40) {
            switch paragraph.kind {
            case let .header(key, value):
                if title == nil, key == "title" { title = Self.nonEmpty(value) }
                if author == nil, ["author", "authors", "by", "byline", "written by", "from"].contains(key) {
                    // "Posted January 2, 2025 by Alex Chen", "Jane Doe <jane@example.com>".
                    var name = Substring(value)
                    if let by = value.range(of: " by ", options: .caseInsensitive) { name = value[by.upperBound...] }
                    if let bracket = name.firstIndex(of: "<") { name = name[..<bracket] }
                    let cleaned = Roster.clean(name)
                    if !cleaned.isEmpty { author = cleaned }
                }
            case .heading:
                if title == nil { title = Self.nonEmpty(paragraph.text.trimmingCharacters(in: CharacterSet(charactersIn: "# "))) }
            case .text:
                break
            }
        }
        date = dates.forAuthor
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// A stretch of whole layout blocks, sized for a small model's context window.
struct DocumentChunk: Equatable {
    var index: Int
    var firstLine: Int
    var lastLine: Int
    var text: String

    /// About 1,500 tokens of text: with the prompt and the answer, it fits the 4,096-token
    /// context many local servers default to.
    static let defaultSize = 6_000
    /// The blocks repeated from the end of one chunk at the start of the next, so that a forecast
    /// whose question or speaker label sits just before the cut is still read with it.
    static let defaultOverlap = 800

    /// Cuts between layout blocks, never inside one, unless a block alone is larger than a chunk;
    /// then between its lines.
    static func split(_ text: String, size: Int = defaultSize, overlap: Int = defaultOverlap) -> [DocumentChunk] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard !lines.isEmpty else { return [] }
        // The units chunks are made of: each block's line range, a large block's cut in pieces.
        var units: [ClosedRange<Int>] = []
        for block in Layout.blocks(in: text) {
            var start = block.firstLine
            var length = 0
            for line in block.firstLine...max(block.firstLine, block.lastLine) {
                let count = line <= lines.count ? lines[line - 1].count + 1 : 0
                if length > 0, length + count > size {
                    units.append(start...(line - 1))
                    start = line
                    length = 0
                }
                length += count
            }
            units.append(start...max(start, block.lastLine))
        }
        guard !units.isEmpty else { return [] }
        func length(_ unit: ClosedRange<Int>) -> Int {
            unit.reduce(0) { $0 + ($1 <= lines.count ? lines[$1 - 1].count + 1 : 0) }
        }
        var ranges: [ClosedRange<Int>] = []
        var first = 0
        while first < units.count {
            var last = first
            var total = length(units[first])
            while last + 1 < units.count, total + length(units[last + 1]) <= size {
                last += 1
                total += length(units[last])
            }
            ranges.append(units[first].lowerBound...units[last].upperBound)
            guard last + 1 < units.count else { break }
            // Step back over trailing units that fit in the overlap, but always move forward.
            var next = last + 1
            var carried = 0
            while next - 1 > first, carried + length(units[next - 1]) <= overlap {
                next -= 1
                carried += length(units[next])
            }
            first = next
        }
        return ranges.enumerated().map { index, range in
            let upper = min(range.upperBound, lines.count)
            let body = range.lowerBound <= upper ? lines[(range.lowerBound - 1)..<upper].joined(separator: "\n") : ""
            return DocumentChunk(index: index, firstLine: range.lowerBound, lastLine: upper, text: body)
        }
    }
}
