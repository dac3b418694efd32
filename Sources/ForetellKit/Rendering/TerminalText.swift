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
        guard !isPlain(text) else { return text }
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

    /// Whether the text has nothing to escape or blank, read from its UTF-8 bytes: `list` passes
    /// every cell of every row through here, and nearly all are plain. C1 controls are C2 80-9F in
    /// UTF-8, the bidi controls E2 80 AA-AE and E2 81 A6-A9.
    static func isPlain(_ text: String) -> Bool {
        let scan = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return false }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return false }
                if byte == 0xE2, index + 2 < bytes.count {
                    let (second, third) = (bytes[index + 1], bytes[index + 2])
                    if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) {
                        return false
                    }
                }
                index += 1
            }
            return true
        }
        return scan ?? !text.unicodeScalars.contains { needsEscape($0) || isBlank($0) }
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
