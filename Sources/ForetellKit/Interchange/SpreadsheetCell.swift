/// Text cells of CSV made safe to open in a spreadsheet, reversibly.
///
/// Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (or a
/// tab or carriage return before one) as a formula: a claim taken from a hostile document could
/// then fetch a URL or run a command when the export is opened. foretell's CSV writes such a text
/// cell with an apostrophe in front, the mark spreadsheets read as "this is text" (OWASP's advice
/// for CSV injection). A text that itself starts with an apostrophe gets one more, so the rule can
/// be undone exactly: `import --from csv` removes one leading apostrophe from a text cell, and
/// export then import gives back the same texts. Numbers and dates foretell writes never start
/// with these characters and are written as they are; `--raw` writes every text as it is.
public enum SpreadsheetCell {
    /// How text cells are written.
    public enum Mode: Sendable {
        /// An apostrophe in front of a text that a spreadsheet would run, or that starts with one.
        case neutralised
        /// Exactly the text, for programs that read CSV (and trust what is in it).
        case raw
    }

    /// The text as a CSV cell in `mode`.
    public static func cell(_ text: String, _ mode: Mode) -> String {
        guard mode == .neutralised, let first = text.utf8.first, needsMark(first) else { return text }
        return "'" + text
    }

    /// The text a neutralised cell stands for: without its first apostrophe.
    public static func text(_ cell: String) -> String {
        cell.utf8.first == UInt8(ascii: "'") ? String(cell.unicodeScalars.dropFirst()) : cell
    }

    private static func needsMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }
}
