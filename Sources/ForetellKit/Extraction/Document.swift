/// A document as extraction sees it: front matter, then paragraphs that remember their source
/// line numbers.
///
/// Each line of the file is a paragraph unless it is a hard-wrapped continuation: a line longer
/// than a title that does not end a sentence, followed by a line that is not a label, heading or
/// list item, is joined with the next (Markdown and e-mail wrap prose at about 72 columns; each
/// transcript turn of a web page is one long line). Blank lines always end a paragraph.
public struct Document: Sendable {
    public struct Paragraph: Sendable {
        public enum Kind: Sendable, Equatable {
            case text
            case heading
            /// "Date: ...", "Speaker: ...", "By ..." lines.
            case header(key: String, value: String)
        }

        public var kind: Kind
        public var text: String
        /// A bullet or numbered item: it may take its time frame from the line that introduces the
        /// list ("My predictions for 2025:").
        public var isListItem = false
        /// Where each source line begins in `text`, in order.
        public var lineStarts: [(index: String.Index, line: Int)]

        public var firstLine: Int { lineStarts.first?.line ?? 0 }

        /// The source line holding the character at `index`.
        public func line(at index: String.Index) -> Int {
            // Binary search: a joined paragraph can hold thousands of lines.
            var low = 0
            var high = lineStarts.count - 1
            var found = firstLine
            while low <= high {
                let mid = (low + high) / 2
                if lineStarts[mid].index <= index {
                    found = lineStarts[mid].line
                    low = mid + 1
                } else {
                    high = mid - 1
                }
            }
            return found
        }
    }

    public let source: String
    public let frontMatter: [String: String]
    public let paragraphs: [Paragraph]
    /// The text as given, for the layout stage (`Layout.blocks`), which reads markers, indentation
    /// and tables that the paragraphs no longer show.
    public let fullText: String

    /// The lines of `text`, split where `Character.isNewline` splits them (LF, VT, FF, CR, NEL,
    /// LS, PS; CR LF is one break).
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// Whether the last character of `line` that is not white space is neither a sentence end
    /// nor a closing quote or bracket (and there is one): such a line may go on in the next.
    static func endsOpen(_ line: String) -> Bool {
        let last = line.last(where: { !$0.isWhitespace })
        return !(last.map { ".?!:;\"”’)…".contains($0) } ?? true)
    }

    /// "---", "***" or "___": a thematic break.
    static func isRule(_ line: Substring) -> Bool {
        line == "---" || line == "***" || line == "___"
    }

    public init(source: String, text: String) {
        self.source = source
        fullText = text
        var lines = Document.lines(text)
        var number = 1
        var frontMatter: [String: String] = [:]
        // YAML front matter: a first line of "---" and a closing "---" within the first 200 lines.
        if let first = lines.first, first.trimmingSpaces() == "---",
           let close = lines.prefix(200).dropFirst().firstIndex(where: { $0.trimmingSpaces() == "---" }) {
            for line in lines[1..<close] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingSpaces().lowercased()
                var value = line[line.index(after: colon)...].trimmingSpaces()
                if value.count >= 2, let f = value.first, let l = value.last, f == l, f == "\"" || f == "'" {
                    value = String(value.dropFirst().dropLast())
                }
                if !key.isEmpty, frontMatter[key] == nil { frontMatter[key] = value }
            }
            number = close + 2
            lines = Array(lines[(close + 1)...])
        }
        self.frontMatter = frontMatter

        var paragraphs: [Paragraph] = []
        var current: (text: String, starts: [(Int, Int)], listItem: Bool)?  // text, (utf8 offset, line)
        func flush() {
            guard let c = current else { return }
            var para = Paragraph(kind: .text, text: c.text, lineStarts: [])
            para.isListItem = c.listItem
            // Advance one index through the text rather than offsetting from the start each time.
            var index = para.text.startIndex
            var offset = 0
            para.lineStarts.reserveCapacity(c.starts.count)
            for (target, line) in c.starts {
                index = para.text.utf8.index(index, offsetBy: target - offset)
                offset = target
                para.lineStarts.append((index, line))
            }
            paragraphs.append(para)
            current = nil
        }
        var previousJoinable = false
        for raw in lines {
            defer { number += 1 }
            let line = raw.last == "\r" ? raw.dropLast() : raw
            let trimmed = line.spaceTrimmed()
            if trimmed.isEmpty || Document.isRule(trimmed) {
                flush()
                previousJoinable = false
                continue
            }
            if trimmed.hasPrefix("#") {
                flush()
                let title = trimmed.drop(while: { $0 == "#" }).trimmingSpaces()
                paragraphs.append(Paragraph(kind: .heading, text: title, lineStarts: [(title.startIndex, number)]))
                previousJoinable = false
                continue
            }
            if let header = SpeakerLabels.header(line) {
                flush()
                let text = String(line)
                paragraphs.append(Paragraph(kind: .header(key: header.key, value: header.value), text: text,
                                            lineStarts: [(text.startIndex, number)]))
                previousJoinable = false
                continue
            }
            let stripped = SpeakerLabels.stripMarkup(line)
            // Markup stripped: the text is shorter than the line trimmed.
            let marked = stripped.count != trimmed.count
            let body = String(stripped)
            // A label starts a new block; it is looked for only where the line could join.
            if previousJoinable, current != nil, !marked, SpeakerLabels.leading(line[...]) == nil {
                // Appended in place: a copy per line would make long wrapped paragraphs quadratic.
                let offset = (current?.text.utf8.count ?? 0) + 1
                current?.starts.append((offset, number))
                current?.text += " " + body
            } else {
                flush()
                current = (body, [(0, number)], marked && !trimmed.hasPrefix(">"))
            }
            // A long line that stops mid-sentence continues on the next line.
            let long = body.utf8.count >= 200 || body.count >= 50
            previousJoinable = long && Document.endsOpen(body)
                && SpeakerLabels.trailing(line[...]) == nil && SpeakerLabels.titled(line[...]) == nil
        }
        flush()
        self.paragraphs = paragraphs
    }
}

import Foundation
