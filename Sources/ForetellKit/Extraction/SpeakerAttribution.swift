/// A stretch of a paragraph said by one speaker (nil: the document's author or narrator).
struct Segment {
    var speaker: String?
    var paragraph: Int
    var range: Range<String.Index>
    /// Where the speaker was named, for `extract --explain`: "speaker label 'Jane Roe:' at line 12".
    var speakerSource: String?
}

/// Works out who is speaking where: builds the roster, then cuts paragraphs into segments at speaker
/// labels. The speaker carries over to following paragraphs until the next label, a "Speaker:"
/// header or a heading.
struct SpeakerAttribution {
    let roster = Roster()
    private(set) var author: String?
    private(set) var segments: [Segment] = []
    /// Names that are transcript speakers (given by a label or a "Speaker:" header).
    private(set) var speakers: Set<String> = []

    init(document: Document) {
        collect(document)
        segment(document)
    }

    // MARK: - Pass 1: who is in the document

    private var labelCounts: [String: Int] = [:]
    /// Each paragraph's labels at its start and end, found once for both passes.
    private var leadingLabels: [SpeakerLabel?] = []
    private var trailingLabels: [(label: SpeakerLabel, glued: Bool)?] = []
    /// Each text paragraph's sentences, split once: a segment that is a whole paragraph reuses them.
    private(set) var sentenceRanges: [[Range<String.Index>]] = []
    /// The tokens of the sentences this pass tokenised to find names, by paragraph and sentence
    /// (no array for a paragraph without any): the sentence pass takes them rather than
    /// tokenising the same text again. At most `keptTokenLimit` tokens in all, so that a long
    /// document does not hold a tokenised copy of itself.
    private var sentenceTokens: [[[Token]?]] = []
    private var keptTokenCount = 0
    static let keptTokenLimit = 1 << 15
    private var titled: [SpeakerLabel] = []
    private var acceptedLabels: Set<String> = []
    /// Labels followed by a question or first-person speech: turns of a dialogue.
    private var speechLike: Set<String> = []

    private mutating func collect(_ document: Document) {
        for key in ["author", "authors", "by", "creator"] {
            if let value = document.frontMatter[key], !value.isEmpty {
                author = roster.add(value, role: .author)
                break
            }
        }
        var opening = 0
        leadingLabels = Array(repeating: nil, count: document.paragraphs.count)
        sentenceRanges = Array(repeating: [], count: document.paragraphs.count)
        sentenceTokens = Array(repeating: [], count: document.paragraphs.count)
        trailingLabels = Array(repeating: nil, count: document.paragraphs.count)
        for (index, paragraph) in document.paragraphs.enumerated() {
            if paragraph.kind != .heading { opening += 1 }
            if opening <= 3, roster.person(withRole: .interviewee) == nil, let guest = SpeakerAttribution.interviewee(in: paragraph.text) {
                roster.add(guest, role: .interviewee)
            }
            switch paragraph.kind {
            case .header(let key, let value):
                collectHeader(key: key, value: value)
            case .text:
                let leading = SpeakerLabels.leading(paragraph.text[...])
                let trailing = SpeakerLabels.trailing(paragraph.text[...])
                leadingLabels[index] = leading
                trailingLabels[index] = trailing
                if let label = leading, label.titled {
                    titled.append(label)
                } else if let label = leading {
                    labelCounts[label.name, default: 0] += 1
                    let rest = paragraph.text[label.range.upperBound...].trimmingSpaces()
                    if rest.contains("?") || speaksInFirstPerson(rest) {
                        speechLike.insert(label.name)
                    }
                    if label.qualifier != nil || rest.isEmpty
                        || label.name.contains(" ") && speaksInFirstPerson(rest) {
                        accept(label)
                    }
                }
                if let (label, glued) = trailing,
                   glued && label.name.contains(" ") {
                    accept(label)
                }
                let sentences = SentenceSplitter.split(paragraph.text)
                sentenceRanges[index] = sentences
                for (position, range) in sentences.enumerated() where PersonNames.mayIntroduce(paragraph.text[range]) {
                    let sentence = String(paragraph.text[range])
                    let tokens = Tokenizer.tokenize(sentence)
                    if keptTokenCount + tokens.count <= SpeakerAttribution.keptTokenLimit {
                        if sentenceTokens[index].isEmpty { sentenceTokens[index] = Array(repeating: nil, count: sentences.count) }
                        sentenceTokens[index][position] = tokens
                        keptTokenCount += tokens.count
                    }
                    for mention in PersonNames.introduced(in: tokens, of: sentence) {
                        roster.add(mention.name)
                    }
                }
            case .heading:
                break
            }
        }
        // Lines of a name and a role are turns of a transcript when there are several of them or
        // the role is a job or an organisation ("Northern Coastal Authority — Climate Science
        // Unit" issues the report below it); "Silicon Valley — A Special Report" is a subtitle.
        let titledNames = Set(titled.map(\.name))
        for label in titled where titledNames.count >= 2 || label.hasRoleWord { accept(label) }
        // A label used at least twice is a speaker even without a qualifier ("Ben: ..."), and so
        // is every label of a dialogue between two or more of them ("Sam: ... / Ana: ...").
        // In a dialogue a full name as a label is a turn too, whatever it says ("Tobias Kraus: Two in three.").
        let dialogue = labelCounts.keys.filter { speechLike.contains($0) }.count >= 2
        for (name, count) in labelCounts where count >= 2 || dialogue && (speechLike.contains(name) || name.contains(" ")) {
            acceptedLabels.insert(name)
        }
        for name in acceptedLabels { roster.add(name) }
    }

    /// The kept tokens of each paragraph's sentences (see `sentenceTokens`), handed over once.
    mutating func takeSentenceTokens() -> [[[Token]?]] {
        defer { sentenceTokens = [] }
        return sentenceTokens
    }

    private mutating func collectHeader(key: String, value: String) {
        switch key {
        case "author", "authors", "by", "byline", "written by":
            if author == nil { author = roster.add(firstName(value), role: .author) }
        case "from":
            // "ChinaTalk <chinatalk@substack.com>": the sender is the author of a newsletter;
            // "Aisha Bello, Chief Risk Officer": a memo's author, without the role.
            if author == nil {
                let name = value.split(separator: "<").first.map { $0.trimmingSpaces() } ?? value
                if !name.isEmpty { author = roster.add(firstName(name), role: .author) }
            }
        case "moderator", "host", "interviewer":
            if let name = personList(value).first { roster.add(name, role: key == "moderator" ? .moderator : .interviewer) }
        case "speaker", "speakers", "panel members", "panelists", "participants", "guest", "guests", "interviewee":
            for name in personList(value) {
                roster.add(name, role: key == "interviewee" || key.hasPrefix("guest") ? .interviewee : nil)
            }
        default:
            break
        }
    }

    private mutating func accept(_ label: SpeakerLabel) {
        acceptedLabels.insert(label.name)
        if let qualifier = label.qualifier?.lowercased(), ["moderator", "host", "interviewer"].contains(qualifier) {
            roster.add(label.name, role: qualifier == "moderator" ? .moderator : .interviewer)
        }
    }

    /// The person a title or standfirst says the interview is with: "a conversation with Priya
    /// Nair", "An interview with Dr. Jane Roe", "Q&A with ...", "In conversation: ..." is not one.
    static func interviewee(in text: String) -> String? {
        let opening = String(text.prefix(300))
        let tokens = Tokenizer.tokenize(opening)
        for i in tokens.indices.dropFirst() where tokens[i].lower == "with" {
            let before = tokens[i - 1].lower
            guard ["conversation", "interview", "chat", "talk", "talking", "q&a", "a", "qa"].contains(before),
                  before != "a" || i >= 3 && tokens[i - 2].lower == "&" else { continue }
            var j = i + 1
            while j < tokens.count, Roster.titles.contains(tokens[j].lower) || tokens[j].lower == "." { j += 1 }
            guard let run = PersonNames.capitalizedRun(tokens, at: j), run.count >= 2 else { continue }
            return PersonNames.name(tokens, run, in: opening)
        }
        return nil
    }

    /// "Ken Ito: I don't think ..." reads as speech; "Key Insight: prices fell" does not. A first-
    /// person word early in the text after a two-word label makes it a speaker's turn.
    /// A constant: a literal array in the closure below was built, and its strings destroyed, for
    /// every word.
    private static let firstPersonWords = ["i", "we", "my", "our", "me", "us"]

    private func speaksInFirstPerson(_ text: String) -> Bool {
        let words = Tokenizer.tokenize(String(text.prefix(120))).prefix(12).map(\.lower)
        return words.contains { Self.firstPersonWords.contains($0) || $0.hasPrefix("i'") || $0.hasPrefix("we'") }
    }

    /// "Yang Qiang (HKUST), Tang Jie (Zhipu), Lin Junyang (Qwen)" → the names.
    private func personList(_ value: String) -> [String] {
        var names: [String] = []
        var depth = 0
        var current = ""
        for char in value {
            if char == "(" { depth += 1; continue }
            if char == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if char == "," || char == ";" || char == "&" {
                names.append(current)
                current = ""
            } else {
                current.append(char)
            }
        }
        names.append(current)
        return names.map { n in
            var name = n.trimmingSpaces()
            if name.hasPrefix("and ") { name = String(name.dropFirst(4)) }
            return Roster.clean(name)
        }.filter { name in
            let words = name.split(separator: " ")
            return (1...4).contains(words.count) && words.allSatisfy(SpeakerLabels.isNameWord)
        }
    }

    private func firstName(_ value: String) -> String {
        personList(value.replacingOccurrences(of: " and ", with: ", ")).first ?? value
    }

    // MARK: - Pass 2: segments

    private func isSpeakerLabel(_ label: SpeakerLabel) -> Bool {
        if label.titled { return acceptedLabels.contains(label.name) }
        return acceptedLabels.contains(label.name) || roster.resolve(label.name, record: false) != nil && label.name.contains(" ")
            || roster.contains(label.name)
    }

    private mutating func segment(_ document: Document) {
        var speaker: String?
        var source: String?
        for (index, paragraph) in document.paragraphs.enumerated() {
            let text = paragraph.text
            switch paragraph.kind {
            case .header(let key, let value):
                if key == "speaker", let name = personList(value).first {
                    speaker = roster.add(name)
                    source = "the Speaker: header at line \(paragraph.firstLine)"
                    speakers.insert(speaker ?? name)
                }
                continue
            case .heading:
                continue
            case .text:
                break
            }
            var start = text.startIndex
            if let (role, end) = SpeakerLabels.roleLabel(text[...]) {
                // "Q:" / "A:" / "Moderator:": the person with that role, when the document names one.
                let fallback: String? = switch role {
                case .moderator: "Moderator"
                case .interviewer: "Interviewer"
                case .operator: "Operator"
                default: nil
                }
                speaker = roster.person(withRole: role) ?? fallback
                if let speaker { speakers.insert(speaker) }
                source = "role label \(ExtractionExplanation.quoted(String(text[..<end])))" + " at line \(paragraph.firstLine)"
                start = end
            } else if let label = leadingLabels[index], isSpeakerLabel(label) {
                speaker = canonical(label)
                source = Self.labelSource(label, in: paragraph)
                start = label.range.upperBound
            }
            // Only accepted labels cut a line inside: without any there is nothing to look for.
            var cuts: [(SpeakerLabel, Bool)] = acceptedLabels.isEmpty ? []
                : SpeakerLabels.inner(text[start...], isKnown: { acceptedLabels.contains($0) }).map { ($0, false) }
            let trailing = start == text.startIndex ? trailingLabels[index] : SpeakerLabels.trailing(text[start...])
            if let (label, glued) = trailing, glued || roster.resolve(label.name, record: false) != nil,
               isSpeakerLabel(label) || glued && label.name.contains(" ") {
                if !cuts.contains(where: { $0.0.range == label.range }) { cuts.append((label, true)) }
            }
            for (label, _) in cuts {
                if start < label.range.lowerBound {
                    segments.append(Segment(speaker: speaker, paragraph: index, range: start..<label.range.lowerBound,
                                            speakerSource: source))
                }
                speaker = canonical(label)
                source = Self.labelSource(label, in: paragraph)
                start = label.range.upperBound
            }
            if start < text.endIndex {
                segments.append(Segment(speaker: speaker, paragraph: index, range: start..<text.endIndex, speakerSource: source))
            }
        }
    }

    /// "speaker label 'Jane Roe:' at line 12".
    private static func labelSource(_ label: SpeakerLabel, in paragraph: Document.Paragraph) -> String {
        "speaker label \(ExtractionExplanation.quoted(String(paragraph.text[label.range])))"
            + " at line \(paragraph.line(at: label.range.lowerBound))"
    }

    private mutating func canonical(_ label: SpeakerLabel) -> String {
        let name = roster.resolve(label.name, record: false) ?? roster.add(label.name)
        if let qualifier = label.qualifier?.lowercased(), qualifier == "moderator" || qualifier == "host" {
            roster.add(name, role: qualifier == "moderator" ? .moderator : .interviewer)
        }
        speakers.insert(name)
        return name
    }
}

import Foundation
