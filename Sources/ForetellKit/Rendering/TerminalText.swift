/// Text from the ledger, a document or a file name made safe to print on a terminal.
///
/// Claims, owners, tags, notes, quotes and paths come from people and from documents nobody
/// checked. Printed raw, an escape sequence in one can clear the screen, retitle the window, plant
/// a link (OSC 8), overwrite what was printed before it (CR, backspace) or reverse the reading
/// order of the line (bidi overrides). Every renderer for people passes such text through
/// ``safe(_:keepingLineBreaks:)``; JSON and CSV keep the exact text.
public enum TerminalText {
    /// `text` with every control character (C0 but tab and line feed, DEL, C1) and every bidi
    /// embedding, override or isolate (U+202A–202E, U+2066–2069) written as a visible escape,
    /// `\u{1B}`. Tabs and line feeds become spaces, since one value is one line in a table;
    /// `keepingLineBreaks` keeps line feeds, for messages of several lines.
    public static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || isBlank($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" && keepingLineBreaks {
                out.append(scalar)
            } else if isBlank(scalar) {
                out.append(" ")
            } else if needsEscape(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a terminal would act on the scalar instead of showing it.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Tab and line feed: harmless, but they break a table's line.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar == "\n" }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
