/// An aligned table that fits the terminal: when the natural width is too wide, the flexible
/// column (a claim, say) is cut with an ellipsis; the others keep their width.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var header: String
        public var alignment: Alignment
        public var flexible: Bool

        public init(_ header: String, _ alignment: Alignment = .left, flexible: Bool = false) {
            self.header = header
            self.alignment = alignment
            self.flexible = flexible
        }
    }

    public struct Cell: Sendable, ExpressibleByStringLiteral {
        public var text: String
        public var tint: TerminalStyle.Tint

        public init(_ text: String, _ tint: TerminalStyle.Tint = .none) {
            // Tabs and newlines inside a value would break the alignment; control characters
            // would act on the terminal (TerminalText).
            self.text = TerminalText.safe(text.contains(where: { $0.isNewline || $0 == "\t" })
                ? String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : text)
            self.tint = tint
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    public var columns: [Column]
    public var rows: [[Cell]] = []

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func append(_ row: [Cell]) { rows.append(row) }

    public func render(style: TerminalStyle) -> String {
        var widths = columns.map { displayWidth($0.header) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell.text))
            }
        }
        let separator = 2
        let total = widths.reduce(0, +) + separator * max(0, columns.count - 1)
        if total > style.width, let flexible = columns.firstIndex(where: \.flexible) {
            let others = total - widths[flexible]
            widths[flexible] = max(displayWidth(columns[flexible].header), min(widths[flexible], style.width - others), 8)
        }
        var lines: [String] = []
        lines.append(line(columns.map { TextTable.Cell($0.header, .bold) }, widths: widths, style: style))
        for row in rows { lines.append(line(row, widths: widths, style: style)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [Cell], widths: [Int], style: TerminalStyle) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
            let cell = index < cells.count ? cells[index] : Cell("")
            let text = truncate(cell.text, toWidth: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - displayWidth(text)))
            let isLast = index == columns.count - 1
            let padded = column.alignment == .right ? padding + style.paint(text, cell.tint)
                : style.paint(text, cell.tint) + (isLast ? "" : padding)
            parts.append(padded)
        }
        return parts.joined(separator: "  ")
    }
}
