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

    /// The lines of `text`, split where `Character.isNewline` would split them (LF, VT, FF, CR,
    /// NEL, LS, PS; CR LF is one break), but by looking at UTF-8 bytes rather than characters.
    static func lines(_ text: String) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        let offsets: [Range<Int>] = text.utf8.withContiguousStorageIfAvailable { bytes in
            var lines: [Range<Int>] = []
            var start = 0
            var index = 0
            let count = bytes.count
            let base = bytes.baseAddress
            while index < count {
                // Eight bytes at a time past runs without a break: ASCII bytes of 0x0E or more
                // (the sums cannot carry from one byte into the next).
                if let base, index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0, (word &+ 0x7272_7272_7272_7272) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                var breakEnd = -1
                switch byte {
                case 0x0A, 0x0B, 0x0C:
                    breakEnd = index + 1
                case 0x0D:
                    breakEnd = index + 1 < count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                case 0xC2:
                    // NEL, U+0085
                    if index + 1 < count, bytes[index + 1] == 0x85 { breakEnd = index + 2 }
                case 0xE2:
                    // LS and PS, U+2028 and U+2029
                    if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        breakEnd = index + 3
                    }
                default:
                    break
                }
                if breakEnd >= 0 {
                    lines.append(start..<index)
                    start = breakEnd
                    index = breakEnd
                } else {
                    index += 1
                }
            }
            lines.append(start..<count)
            return lines
        } ?? [0..<text.utf8.count]
        let utf8 = text.utf8
        return offsets.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// Whether the last character of `line` that is not white space is neither a sentence end
    /// nor a closing quote or bracket (and there is one): such a line may go on in the next.
    static func endsOpen(_ line: String) -> Bool {
        // The last byte and the one before it ASCII, the last not white space: the last character
        // is that byte alone (of two ASCII scalars only CR LF make one character, and LF is white
        // space), found without breaking the line into characters from its end.
        let utf8 = line.utf8
        if let lastByte = utf8.last, lastByte < 0x80, lastByte != 0x20, !(0x09...0x0D).contains(lastByte),
           utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80 {
            return !".?!:;\")".utf8.contains(lastByte)
        }
        let last = line.last(where: { !$0.isWhitespace })
        return !(last.map { ".?!:;\"”’)…".contains($0) } ?? true)
    }

    /// "---", "***" or "___": a thematic break. Compared as bytes: no other characters equal
    /// these, so a line equals one exactly when its bytes are those three.
    static func isRule(_ line: Substring) -> Bool {
        line.withUTF8Buffer { bytes in
            bytes.count == 3 && (bytes[0] == 0x2D || bytes[0] == 0x2A || bytes[0] == 0x5F) && bytes[1] == bytes[0] && bytes[2] == bytes[0]
        }
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
            // A CR is a character of its own at the end (only CR LF joins it to another), so its
            // byte says what the last character is without breaking the line into characters.
            let line = raw.utf8.last == 0x0D ? raw[..<raw.utf8.index(before: raw.endIndex)] : raw
            let trimmed = line.spaceTrimmed()
            if trimmed.isEmpty || Document.isRule(trimmed) {
                flush()
                previousJoinable = false
                continue
            }
            if SpeakerLabels.beginsWith(trimmed, "#") {
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
            // Markup stripped (or spaces after the text): the same text only when both start and
            // end together, which spares counting characters on almost every line (and counts
            // bytes instead where each is a character: a long line costs a scan, not a walk).
            let marked = stripped.startIndex == trimmed.startIndex && trimmed.endIndex == line.endIndex
                ? false : stripped.characterCount != trimmed.characterCount
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
            // ASCII has a character a byte (a line holds no CR LF): count characters only otherwise.
            let long = body.utf8.count >= 200 || body.utf8.count >= 50 && (body.isASCIIOnly || body.hasMoreCharacters(than: 49))
            previousJoinable = long && Document.endsOpen(body)
                && SpeakerLabels.trailing(line[...]) == nil && SpeakerLabels.titled(line[...]) == nil
        }
        flush()
        self.paragraphs = paragraphs
    }
}

import Foundation
