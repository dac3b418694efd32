/// A document's text folded for finding what a model quoted: white space runs become one space,
/// curly and straight quote marks one kind, dashes one hyphen, letters lower case, and Markdown's
/// emphasis marks dropped (models quote the words, not the asterisks). Each folded character
/// remembers where it came from, so a match gives back the document's own words and line.
struct FoldedText {
    private(set) var characters: [Character] = []
    private(set) var origins: [String.Index] = []
    private(set) var lines: [Int] = []
    let source: String

    init(_ text: String) {
        source = text
        var line = 1
        var index = text.startIndex
        var lastWasSpace = true
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            defer {
                if character.isNewline { line += 1 }
                index = next
            }
            if character.isWhitespace || character.isNewline {
                if !lastWasSpace { append(" ", index, line) }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            guard let folded = Self.fold(character) else { continue }
            for piece in folded { append(piece, index, line) }
        }
        if lastWasSpace, characters.last == " " {
            characters.removeLast()
            origins.removeLast()
            lines.removeLast()
        }
    }

    private mutating func append(_ character: Character, _ origin: String.Index, _ line: Int) {
        characters.append(character)
        origins.append(origin)
        lines.append(line)
    }

    /// One character folded; nil for characters dropped.
    static func fold(_ character: Character) -> String? {
        switch character {
        case "*", "_": return nil
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "`", "\u{00B4}", "\u{2032}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}": return "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return "-"
        case "\u{2026}": return "..."
        default: return character.isUppercase ? character.lowercased() : String(character)
        }
    }

    /// A string folded the same way, as characters.
    static func folded(_ text: some StringProtocol) -> [Character] {
        FoldedText(String(text)).characters
    }

    /// The first place `needle` occurs at or after `from`, optionally only as whole words.
    func find(_ needle: [Character], from: Int = 0, wholeWords: Bool = false) -> Range<Int>? {
        Self.find(needle, in: characters, from: from, wholeWords: wholeWords)
    }

    static func find(_ needle: [Character], in haystack: [Character], from: Int = 0, wholeWords: Bool = false) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var start = max(0, from)
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count {
                    let end = start + needle.count
                    let startsWord = start == 0 || !isWordCharacter(haystack[start - 1]) || !isWordCharacter(needle[0])
                    let endsWord = end == haystack.count || !isWordCharacter(haystack[end]) || !isWordCharacter(needle[needle.count - 1])
                    if !wholeWords || (startsWord && endsWord) { return start..<end }
                }
            }
            start += 1
        }
        return nil
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// The document's own text for a folded range.
    func original(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let end = source.index(after: origins[range.upperBound - 1])
        return String(source[origins[range.lowerBound]..<end])
    }

    func line(at position: Int) -> Int { lines[position] }
}
