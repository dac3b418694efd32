/// Finds people introduced in prose, so that later short references ("Xu argues", "he predicts")
/// can be resolved to a full name.
///
/// A run of two or three capitalised words counts as a person only with a cue that readers also
/// rely on: a title before it ("Professor Tang Jie"), an appositive after it ("Xu Li, chairman
/// of SenseTime", "Lin Junyang, the technical lead"), a reporting verb after it ("Paul Christiano
/// says"), or "according to" before it. Capitalised runs without a cue ("Silicon Valley", "Hong
/// Kong") are not people.
enum PersonNames {
    static let titleCues: Set<String> = [
        "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "dame", "president", "senator", "governor",
        "minister", "secretary", "academician", "ceo", "chairman", "chairwoman", "founder", "co-founder",
        "cofounder", "economist", "analyst", "researcher", "scientist", "investor", "author", "director",
        "judge", "chancellor", "premier", "commissioner", "strategist", "host", "moderator", "journalist",
        "reporter", "columnist", "executive", "entrepreneur", "engineer", "scholar", "lead",
    ]
    static let appositiveCues: Set<String> = [
        "a", "an", "the", "who", "formerly", "former", "chairman", "chairwoman", "ceo", "founder",
        "co-founder", "cofounder", "professor", "head", "director", "chief", "president", "partner",
        "lead", "senior", "principal", "vice", "managing", "whose", "currently", "now", "then",
        "an", "author", "economist", "analyst", "researcher", "scientist", "executive", "one",
    ]
    static let reportingVerbs: Set<String> = [
        "says", "said", "argues", "argued", "predicts", "predicted", "expects", "expected", "believes",
        "believed", "thinks", "thought", "warns", "warned", "told", "tells", "writes", "wrote",
        "notes", "noted", "added", "adds", "claims", "claimed", "insists", "insisted", "suggests",
        "suggested", "estimates", "estimated", "forecasts", "forecast", "projects", "projected",
        "reckons", "stated", "states", "explained", "explains", "emphasized", "emphasised",
        "emphasizes", "emphasises", "highlights", "highlighted", "proposed", "proposes", "points",
        "pointed", "frames", "framed", "remains", "envisions", "envisioned", "advocates", "sees",
        "saw", "puts", "put", "asked", "asks", "replied", "answered", "agrees", "agreed", "bets",
    ]
    /// Capitalised words that begin sentences or name things, never people.
    static let notNameWords: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "and", "but", "or",
        "if", "when", "while", "as", "so", "i", "we", "he", "she", "they", "it", "you", "our", "my",
        "his", "her", "their", "china", "chinese", "us", "u.s", "america", "american", "europe",
        "ai", "agi", "university", "institute", "company", "group", "lab", "labs", "inc", "ltd",
        "today", "yesterday", "tomorrow", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "professor", "dr", "mr", "mrs", "ms",
        "both", "some", "many", "most", "all", "one", "two", "three", "also", "then", "still",
        "there", "here", "what", "why", "how", "who", "which", "according", "meanwhile", "however",
    ]

    /// "CTO", "IMF", "AI": capitals throughout, so an organisation or a role, not a person.
    /// Asked once for each distinct word, when the vocabulary spells it (`Token.isAcronym`).
    /// ASCII is answered from its bytes, each a character of its own: capitals, digits, points.
    static func isAcronymText(_ text: String) -> Bool {
        let ascii: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.count > 1 && bytes.allSatisfy { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2E }
        } ?? nil
        if let ascii { return ascii }
        return text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "." } && text.count > 1
    }

    struct Mention: Equatable {
        var name: String
        var tokens: Range<Int>
    }

    /// Whether `text` has two capitalised words in a row, without which `introduced` finds no
    /// one: a quick look at its scalars before tokenising it.
    static func mayIntroduce(_ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { mayIntroduce(SentenceSplitter.Scalars(bytes: $0)) }
            ?? Array(text.utf8).withUnsafeBufferPointer { mayIntroduce(SentenceSplitter.Scalars(bytes: $0)) }
    }

    private static func mayIntroduce(_ text: SentenceSplitter.Scalars) -> Bool {
        // 0: elsewhere; 1: in a word that began with a capital; 2: space after such a word.
        var state = 0
        var previousIsWordish = false
        var index = 0
        let bytes = text.bytes
        while index < bytes.count {
            if state == 0 {
                // Here only a capital counts: pass over other ASCII bytes at once, remembering
                // whether the last of them belongs to a word.
                let skipped = index
                // Eight at a time while none is a capital or beyond ASCII: adding 0x3F (0x25) to an
                // ASCII byte sets its top bit from 0x41 (0x5B) on, and never carries into the next.
                if let base = bytes.baseAddress {
                    while index + 8 <= bytes.count {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        let high: UInt64 = 0x8080_8080_8080_8080
                        guard word & high == 0, (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & high == 0 else { break }
                        index += 8
                    }
                }
                while index < bytes.count, bytes[index] < 0x41 || bytes[index] > 0x5A && bytes[index] < 0x80 { index += 1 }
                if index > skipped {
                    let last = bytes[index - 1]
                    previousIsWordish = last >= 0x61 && last <= 0x7A || last >= 0x30 && last <= 0x39 || last == 0x27
                }
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            let upper: Bool
            let letter: Bool
            let wordish: Bool
            let space: Bool
            if byte < 0x80 {
                upper = byte >= 0x41 && byte <= 0x5A
                letter = upper || byte >= 0x61 && byte <= 0x7A
                wordish = letter || byte >= 0x30 && byte <= 0x39 || byte == 0x27
                space = byte == 0x20 || byte >= 0x09 && byte <= 0x0D
                index += 1
            } else {
                // Decode the scalar only here: most of a text is ASCII.
                let (scalar, next) = text.at(index)
                letter = ScalarProperties.isAlphabetic(scalar)
                upper = letter && ScalarProperties.isUppercase(scalar)
                wordish = letter || scalar == "’"
                space = ScalarProperties.isWhitespace(scalar)
                index = next
            }
            switch state {
            case 1:
                if space { state = 2 } else if !wordish { state = 0 }
            case 2:
                if space { break }
                if upper { return true }
                state = 0
            default:
                if upper, !previousIsWordish { state = 1 }
            }
            previousIsWordish = wordish
        }
        return false
    }

    /// People introduced with a cue in `sentence`, read as `tokens`.
    static func introduced(in tokens: [Token], of sentence: String) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard let run = capitalizedRun(tokens, at: i), run.count >= 2 else {
                i += 1
                continue
            }
            let end = run.upperBound
            let before = i > 0 ? tokens[i - 1].lower : ""
            // A token is a word, a number or a single mark: no word or number begins or ends with
            // punctuation, and no mark is a title, so the token itself is looked up. No token holds
            // a space, so "according to" is two tokens, compared one by one rather than joined.
            var cue = titleCues.contains(before) || i > 1 && before == "to" && tokens[i - 2].lower == "according"
            // "Miriam Katz of Civica Research thinks": the organisation is not the person.
            let ofOrganisation = (before == "of" || before == "at" || before == "from") && i > 1 && tokens[i - 2].isCapitalized
            if !cue, end < tokens.count, !ofOrganisation {
                let next = tokens[end].lower
                if reportingVerbs.contains(next) {
                    cue = true
                } else if next == ",", end + 1 < tokens.count, appositiveCues.contains(tokens[end + 1].lower) {
                    cue = true
                } else if next == "(" || tokens[end].kind == .punctuation && Tokenizer.isCJK(tokens[end].lower.unicodeScalars.first ?? " ") {
                    // (Punctuation is one scalar, and lower-casing changes no CJK scalar nor makes one.)
                    // "Tang Jie 唐杰 (Zhipu's founder)", "Lin Junyang (Qwen)"
                    cue = true
                }
            }
            if cue {
                found.append(Mention(name: name(tokens, run, in: sentence), tokens: run))
            }
            i = end
        }
        return found
    }

    /// The spelling tests of a name word of `capitalizedRun`, asked once per spelling by the
    /// tokenizer: letters, hyphens and points only, and not an acronym ("GPU"; "OpenAI" is fine),
    /// which is all capitals and longer than one character.
    static func isNameWordText(_ text: String) -> Bool {
        isNameShaped(text) && !isAllCapitals(text)
    }

    /// Letters, hyphens and points only (ASCII checked byte by byte).
    private static func isNameShaped(_ text: String) -> Bool {
        if text.isASCIIOnly {
            return text.withUTF8Buffer { bytes in
                bytes.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x2E }
            }
        }
        return text.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." }
    }

    /// More than one character, all capitals.
    private static func isAllCapitals(_ text: String) -> Bool {
        if text.isASCIIOnly {
            return text.utf8.count > 1 && text.withUTF8Buffer { bytes in bytes.allSatisfy { (0x41...0x5A).contains($0) } }
        }
        return text.count > 1 && text.allSatisfy { $0.isUppercase }
    }

    /// Capitalised name words starting at `index` (at most three), stopping at a possessive: the
    /// range of their tokens. A range, not the tokens, since it is asked at nearly every word of a
    /// document and most runs are single words that are then passed over.
    static func capitalizedRun(_ tokens: [Token], at index: Int) -> Range<Int>? {
        var i = index
        while i < tokens.count, i - index < 3 {
            // A word, capitalised, not a not-name word, name-shaped and no acronym: see `isNameWordText`.
            guard tokens[i].isNameWord else { break }
            if i > index, !tokens[i].spaceBefore { break }
            i += 1
        }
        return i == index ? nil : index..<i
    }

    /// The words of a run of tokens joined by single spaces: the name as `capitalizedRun` found it.
    /// Built in place: most runs are one word, whose text is the name, and longer ones need no
    /// array of their words.
    static func name(_ tokens: [Token], _ run: Range<Int>, in source: String) -> String {
        guard let first = run.first else { return "" }
        var name = tokens[first].text(in: source)
        for index in run.dropFirst() {
            name += " "
            name += tokens[index].text(in: source)
        }
        return name
    }
}
