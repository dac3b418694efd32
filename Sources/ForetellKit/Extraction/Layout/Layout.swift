/// Splits a document's text into layout blocks (`LayoutBlock`), one pass over its lines.
///
/// The shapes are Markdown's, which is also how plain-text notes, blog posts converted to text
/// and e-mail lists are written:
/// - a blank line or a thematic break (`---`) ends a block;
/// - a line indented past a list item's marker continues the item (`- claim:` then `  80%` on the
///   next line is one item), and so does an unindented line right after it (Markdown's lazy
///   continuation); a line right after a paragraph line continues the paragraph;
/// - nesting is read from the marker's indentation, as Markdown renderers do;
/// - a line with two or more `|` (or one between spaces) is a table row, and a table's first row is its header;
/// - `Key: value` lines at the top (Title, Author, Date, ...) are header fields.
public enum Layout {
    /// Keys of the header fields that open converted posts and e-mails.
    static let headerKeys: Set<String> = [
        "title", "author", "authors", "date", "by", "published", "source", "from", "to", "subject",
        "speaker", "speakers", "url", "tags", "categories",
    ]

    public static func blocks(in text: String) -> [LayoutBlock] {
        var builder = Builder()
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            number += 1
            builder.add(line, number: number)
        }
        builder.flush(beforeBlank: true)
        return builder.blocks
    }

    /// A list marker at the start of `trimmed`: the marker and the text after it.
    static func listMarker(_ trimmed: Substring) -> (marker: String, rest: Substring)? {
        guard let first = trimmed.first else { return nil }
        if "-*+•".contains(first) {
            let rest = trimmed.dropFirst()
            guard let space = rest.first, space == " " || space == "\t" else { return nil }
            let body = rest.drop(while: { $0 == " " || $0 == "\t" })
            return body.isEmpty ? nil : (String(first), body)
        }
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count) else { return nil }
        let afterDigits = trimmed.dropFirst(digits.count)
        guard let stop = afterDigits.first, stop == "." || stop == ")" else { return nil }
        let rest = afterDigits.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        let body = rest.drop(while: { $0 == " " || $0 == "\t" })
        return body.isEmpty ? nil : (String(digits) + String(stop), body)
    }

    /// The cells of a pipe-table row, or nil when the line is not one.
    static func tableCells(_ trimmed: Substring) -> [String]? {
        // Two pipes, or one set apart by spaces ("Claim | Ann's forecast"): prose has neither.
        guard trimmed.filter({ $0 == "|" }).count >= 2 || trimmed.contains(" | ") || trimmed.hasPrefix("|") && trimmed.hasSuffix("|") && trimmed.count > 1
        else { return nil }
        var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { trim($0) }
        if trimmed.hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
        if trimmed.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
        return cells.count >= 2 ? cells : nil
    }

    static func isTableSeparator(_ cells: [String]) -> Bool {
        cells.allSatisfy { cell in !cell.isEmpty && cell.allSatisfy { "-:= ".contains($0) } }
    }

    /// A short line standing alone, without a sentence's end: a heading once Markdown is converted.
    static func looksLikeHeading(_ line: String) -> Bool {
        guard line.count <= 70, let first = line.first, !first.isLowercase, line.contains(where: \.isLetter) else { return false }
        guard let last = line.last, !".,;:!?".contains(last) else { return false }
        if line.hasPrefix("http://") || line.hasPrefix("https://") || line.hasPrefix("[") { return false }
        // "Prediction: 5%", "Bitcoin above $100k: 20%": a line that states a degree says something.
        if last == "%" || !ListItemDegree.read(line).isEmpty || QuestionAnswers.answerDegree(line) != nil { return false }
        return line.split(separator: " ").count <= 10
    }

    static func trim(_ text: Substring) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    static func indentation(_ line: Substring) -> Int {
        var width = 0
        for character in line {
            if character == " " { width += 1 } else if character == "\t" { width += 4 } else { break }
        }
        return width
    }

    private struct Builder {
        var blocks: [LayoutBlock] = []
        var current: LayoutBlock?
        /// Indentation of the current item's marker, for telling continuation lines.
        var markerIndent = 0
        /// Marker indentations of the open lists, outermost first.
        var listIndents: [Int] = []
        var lineCount = 0
        var blankBefore = true
        var inHeaderZone = true

        mutating func add(_ raw: Substring, number: Int) {
            let trimmedText = Layout.trim(raw)
            let trimmed = Substring(trimmedText)
            let indent = Layout.indentation(raw)
            if trimmed.isEmpty || trimmed == "---" || trimmed == "***" || trimmed == "___" {
                flush(beforeBlank: true)
                blankBefore = true
                if !blocks.isEmpty { inHeaderZone = false }
                return
            }
            defer { blankBefore = false }
            if inHeaderZone, let colon = trimmed.firstIndex(of: ":") {
                let key = Layout.trim(trimmed[..<colon]).lowercased()
                if Layout.headerKeys.contains(key) {
                    flush(beforeBlank: false)
                    let value = Layout.trim(trimmed[trimmed.index(after: colon)...])
                    blocks.append(LayoutBlock(kind: .headerField(key: key, value: value), text: trimmedText,
                                              firstLine: number, lastLine: number))
                    return
                }
            }
            if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix(while: { $0 == "#" }).count
                let title = trimmed.dropFirst(hashes)
                if hashes <= 6, title.first == " " {
                    flush(beforeBlank: false)
                    listIndents = []
                    blocks.append(LayoutBlock(kind: .heading(level: hashes), text: Layout.trim(title),
                                              firstLine: number, lastLine: number))
                    return
                }
            }
            // "---|---" under a table's header: the row that marks it as a header.
            if trimmed.contains("|"), trimmed.contains("-"), trimmed.allSatisfy({ "-|: =".contains($0) }) {
                flush(beforeBlank: false)
                return
            }
            if let cells = Layout.tableCells(trimmed), Layout.listMarker(trimmed) == nil {
                flush(beforeBlank: false)
                if Layout.isTableSeparator(cells) { return }
                let isHeader: Bool
                if let last = blocks.last, case .tableRow = last.kind, last.lastLine >= number - 2 { isHeader = false } else { isHeader = true }
                blocks.append(LayoutBlock(kind: .tableRow(cells: cells, isHeader: isHeader), text: trimmedText,
                                          firstLine: number, lastLine: number))
                return
            }
            if let (marker, rest) = Layout.listMarker(trimmed) {
                flush(beforeBlank: false)
                while let last = listIndents.last, last > indent { listIndents.removeLast() }
                if listIndents.last != indent { listIndents.append(indent) }
                markerIndent = indent
                current = LayoutBlock(kind: .listItem(marker: marker, depth: max(0, listIndents.count - 1)), text: String(rest),
                                      firstLine: number, lastLine: number)
                lineCount = 1
                return
            }
            if trimmed.hasPrefix(">") {
                let body = Layout.trim(trimmed.dropFirst())
                if let block = current, block.kind == .blockQuote {
                    append(body, number: number)
                } else {
                    flush(beforeBlank: false)
                    current = LayoutBlock(kind: .blockQuote, text: body, firstLine: number, lastLine: number)
                    lineCount = 1
                }
                return
            }
            if let block = current, block.isListItem, indent > markerIndent || !blankBefore {
                append(trimmedText, number: number)
                return
            }
            if let block = current, block.kind == .paragraph, !blankBefore {
                append(trimmedText, number: number)
                return
            }
            flush(beforeBlank: false)
            listIndents = []
            current = LayoutBlock(kind: .paragraph, text: trimmedText, firstLine: number, lastLine: number)
            lineCount = 1
            headingCandidate = blankBefore
        }

        /// Whether the paragraph being read began after a blank line (or at the top).
        var headingCandidate = false

        /// The lines of the current block after its first, joined when it ends: appending to the
        /// block's text line by line would copy it again and again.
        var pendingLines: [String] = []

        private mutating func append(_ text: String, number: Int) {
            pendingLines.append(text)
            current?.lastLine = number
            lineCount += 1
        }

        /// Ends the current block; a one-line paragraph between blank lines that reads as a
        /// title becomes a heading.
        mutating func flush(beforeBlank: Bool) {
            guard var block = current else { return }
            if !pendingLines.isEmpty {
                block.text = ([block.text] + pendingLines).joined(separator: " ")
                pendingLines = []
            }
            if block.kind == .paragraph, lineCount == 1, headingCandidate, beforeBlank, Layout.looksLikeHeading(block.text) {
                block.kind = .heading(level: 2)
                listIndents = []
            }
            blocks.append(block)
            current = nil
            lineCount = 0
        }
    }
}
