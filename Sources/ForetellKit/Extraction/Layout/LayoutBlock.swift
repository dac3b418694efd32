/// One block of a document's layout: what a reader sees before reading any sentence.
///
/// The layout stage only says what shape each stretch of text has (a heading, a list item and how
/// deep it is nested, a table row, a header field, a block quote, a paragraph); the context stage
/// (`Extraction/Context/`) decides what each shape means for the blocks under it, and a reader
/// (`Extraction/Readers/`) is chosen per block by its shape.
public struct LayoutBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A Markdown heading (`##` gives level 2), or a short line standing alone between blank
        /// lines in plain text, the shape Markdown headings take once converted (level 2: a
        /// section under the document's title).
        case heading(level: Int)
        case paragraph
        /// A bullet (`-`, `*`, `+`, `•`) or numbered (`1.`, `1)`) item; `depth` 0 is the outer list.
        case listItem(marker: String, depth: Int)
        /// A row of a pipe table; `isHeader` for the first row of the table.
        case tableRow(cells: [String], isHeader: Bool)
        /// `Title: ...`, `Author: ...`, `Date: ...` at the top of a document.
        case headerField(key: String, value: String)
        case blockQuote
    }

    public var kind: Kind
    /// The text without its marker, with the lines of a wrapped block joined by one space.
    public var text: String
    /// The source lines the block spans (1-based, inclusive).
    public var firstLine: Int
    public var lastLine: Int

    public var isListItem: Bool {
        if case .listItem = kind { return true }
        return false
    }

    public var depth: Int {
        if case .listItem(_, let depth) = kind { return depth }
        return 0
    }

    /// The block's kind in words, as explanations name it.
    public var kindName: String {
        switch kind {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .listItem: return "list item"
        case .tableRow: return "table row"
        case .headerField: return "header field"
        case .blockQuote: return "block quote"
        }
    }

    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }
}
