/// A speaker label in a transcript: "Lin Junyang:", "Li Guangmi (Moderator):".
struct SpeakerLabel: Equatable {
    var name: String
    /// The parenthesised part: an organisation or a role.
    var qualifier: String?
    /// Where the label sits in its line, colon included.
    var range: Range<String.Index>
    /// A whole line of name and role without a colon ("Sofia Alvarez -- Chief Financial Officer").
    var titled = false

    /// Words that make the role part of a titled line a job or an organisation, not a subtitle.
    static let roleWords: Set<String> = [
        "officer", "president", "director", "analyst", "chair", "chairman", "chairwoman", "executive", "manager",
        "head", "partner", "founder", "economist", "editor", "correspondent", "secretary", "minister",
        "governor", "professor", "researcher", "relations", "ceo", "cfo", "coo", "cto", "vp", "strategist",
        "authority", "agency", "unit", "institute", "office", "department", "ministry", "council",
        "commission", "bank", "university", "centre", "center", "foundation", "service", "board",
        "committee", "bureau", "group", "division", "team", "lab", "laboratory",
    ]

    /// Whether the role part of a titled line names a job or an organisation.
    var hasRoleWord: Bool {
        guard let qualifier else { return false }
        return qualifier.lowercased().split(whereSeparator: { !$0.isLetter }).contains { SpeakerLabel.roleWords.contains(String($0)) }
    }
}

/// Recognises the forms speaker labels take in transcripts and document headers.
///
/// Three positions: at the start of a line ("Yao Shunyu (Tencent): I think..."), alone on a line
/// ("Lin Junyang:"), and glued to the end of the previous speaker's text, which happens when web
/// pages are copied ("...niche—of Qwen?Lin Junyang:"). Whether a candidate is really a person is
/// decided by the caller with the document's roster; this file only knows the shapes.
enum SpeakerLabels {
    /// First words that make "Word:" a heading or field rather than a person.
    static let notNames: Set<String> = [
        "note", "notes", "source", "sources", "date", "from", "to", "subject", "re", "fwd", "cc",
        "update", "updated", "editor", "editors", "summary", "key", "step", "part", "chapter",
        "example", "warning", "tip", "title", "author", "topic", "question", "answer", "panel",
        "opening", "closing", "background", "context", "conclusion", "introduction", "abstract",
        "caption", "photo", "image", "figure", "table", "disclaimer", "correction", "transcript",
        "agenda", "location", "time", "venue", "http", "https", "www", "speaker", "speakers",
        "moderator", "host", "interviewer", "interviewee", "guest", "panelists", "participants",
        "published", "posted", "by", "byline", "tags", "category", "keywords", "link", "links",
        "related", "share", "read", "watch", "listen", "edit", "edited", "translated", "translation",
        "comments", "comment", "ps", "nb", "important", "breaking", "exclusive", "analysis",
        "opinion", "outlook", "lesson", "lessons", "takeaway", "takeaways", "first", "second",
        "third", "finally", "also", "however", "yes", "no", "the", "a", "an", "this", "that", "our",
        "my", "your", "why", "what", "how", "when", "where", "who", "which", "in", "on", "at", "for",
        "and", "but", "or", "so", "if", "then", "now", "here", "there", "today", "bottom", "update",
        "result", "results", "problem", "solution", "goal", "goals", "reason", "reasons", "pros",
        "cons", "rule", "rules", "definition", "quote", "quotes", "verdict", "prediction",
        "predictions", "forecast", "forecasts", "remarks", "q", "a", "faq", "status", "price",
        "cost", "total", "phase", "stage", "level", "option", "options", "case", "thesis",
    ]

    /// Header fields whose value matters to extraction.
    static let headerKeys: Set<String> = [
        "date", "from", "author", "authors", "by", "byline", "published", "posted", "speaker",
        "speakers", "moderator", "host", "interviewer", "interviewee", "guest", "guests",
        "panel members", "panelists", "participants", "subject", "title", "source", "written by",
    ]

    // MARK: - Headers

    /// Header keys that name people, and also occur as turn labels in transcripts.
    static let roleKeys: Set<String> = [
        "speaker", "speakers", "moderator", "host", "interviewer", "interviewee", "guest", "guests",
        "panel members", "panelists", "participants",
    ]

    /// A short list of capitalised names, possibly with parenthesised affiliations.
    static func looksLikeNames(_ value: String) -> Bool {
        if let plain = value.withUTF8Buffer(plainLooksLikeNames) { return plain }
        var depth = 0
        var words: [String] = []
        var current = ""
        for char in value {
            if char == "(" { depth += 1 } else if char == ")" { depth = max(0, depth - 1) } else if depth == 0 {
                if char == " " || char == "," || char == ";" || char == "&" {
                    if !current.isEmpty { words.append(current) }
                    current = ""
                } else {
                    current.append(char)
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        let nameWords = words.filter { !Tokenizer.isCJK($0.unicodeScalars.first ?? " ") && $0 != "and" }
        guard !nameWords.isEmpty, nameWords.count <= 24 else { return false }
        return nameWords.allSatisfy { isNameWord($0[...]) }
    }

    /// `looksLikeNames` of plain ASCII bytes, where each byte is a character of its own, read
    /// byte by byte: the same words (what lies outside brackets, between separators), not one of
    /// them "and" (nor CJK, which ASCII is not), one to 24 of them, all name words. Nil for text
    /// that is not plain ASCII.
    static func plainLooksLikeNames(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var depth = 0
        var word: [UInt8] = []
        var count = 0
        var allNames = true
        func endWord() {
            // "and" joins names and is no word of its own.
            if !word.isEmpty, word != [0x61, 0x6E, 0x64] {
                count += 1
                if allNames { allNames = word.withUnsafeBufferPointer { isNameWord($0, 0..<$0.count) } }
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            if byte == 0x28 {
                depth += 1
            } else if byte == 0x29 {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                // Space, comma, semicolon and ampersand part the names.
                if byte == 0x20 || byte == 0x2C || byte == 0x3B || byte == 0x26 { endWord() } else { word.append(byte) }
            }
        }
        endWord()
        return count >= 1 && count <= 24 && allNames
    }

    /// A turn label naming a role rather than a person: "Q:", "A:", "Moderator:", "Host:".
    static func roleLabel(_ line: Substring) -> (role: Roster.Role, end: Substring.Index)? {
        let text = stripMarkup(line)
        guard mayBeRoleLabel(text) else { return nil }
        // "Operator" or "Moderator" alone on a line hands the call over, as a label does.
        if text.utf8.count <= 24 {
            let alone = key(text)
            if alone == "operator" { return (.operator, text.endIndex) }
            if alone == "moderator" || alone == "interviewer" { return (alone == "moderator" ? .moderator : .interviewer, text.endIndex) }
        }
        guard let colon = text.prefix(14).firstIndex(of: ":") else { return nil }
        let key = key(text[..<colon])
        var after = text.index(after: colon)
        while after < text.endIndex, text[after] == "*" { after = text.index(after: after) }
        guard after == text.endIndex || text[after].isWhitespace else { return nil }
        for (word, role) in roles where word == key { return (role, after) }
        return nil
    }

    private static let roles: [(String, Roster.Role)] = [
        ("q", .interviewer), ("question", .interviewer), ("moderator", .moderator), ("host", .interviewer),
        ("interviewer", .interviewer), ("a", .interviewee), ("answer", .interviewee), ("guest", .interviewee),
        ("interviewee", .interviewee), ("operator", .operator),
    ]
    private static let roleWords = Set(roles.map(\.0))

    /// Whether `roleLabel` can find a label in `text`, from its bytes: a short line, or a role
    /// word before a colon among the first 14 characters. Text it cannot judge from plain ASCII
    /// bytes passes.
    private static func mayBeRoleLabel(_ text: Substring) -> Bool {
        if text.utf8.count <= 24 { return true }
        guard let colon = text.utf8Offset(of: 0x3A) else { return false }
        let head = text[..<text.utf8.index(text.startIndex, offsetBy: colon)]
        // Fourteen characters before the first colon byte leave no colon among the first 14 (and
        // in plain ASCII the colon is then not among the first 14 bytes either).
        if head.withUTF8Buffer({ leastCharacterCount($0, cap: 14) }) >= 14 { return false }
        guard head.isPlainASCII else { return true }
        return colon < 14 && roleWords.contains(key(head))
    }

    /// The text without "*", trimmed of spaces and lower-cased: what header keys and role labels
    /// are compared as. Plain ASCII is done byte by byte, anything else as Foundation replaces.
    static func key(_ text: Substring) -> String {
        guard text.isPlainASCII else { return text.replacingOccurrences(of: "*", with: "").trimmingSpaces().lowercased() }
        return text.withUTF8Buffer { bytes in
            var start = 0
            var end = bytes.count
            // Spaces, tabs and asterisks at either end go; asterisks inside are dropped.
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x2A { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x2A { end -= 1 }
            var key: [UInt8] = []
            key.reserveCapacity(end - start)
            for i in start..<end where bytes[i] != 0x2A {
                let byte = bytes[i]
                key.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            }
            return String(decoding: key, as: UTF8.self)
        }
    }

    /// "Date: ...", "**From:** ...", "Speaker: Tang Jie (...)", "By Jane Doe".
    static func header(_ line: Substring) -> (key: String, value: String)? {
        let text = stripMarkup(line)
        guard !text.isEmpty else { return nil }
        if let colon = firstColon(text, within: 21), mayBeHeaderKey(text[..<colon]) {
            let key = key(text[..<colon])
            if headerKeys.contains(key) {
                // Without the bytes of "**" there is nothing for Foundation to replace.
                let rest = text[text.index(after: colon)...]
                let value = (rest.utf8Contains("**") ? removingDoubleAsterisks(rest) : String(rest)).trimmingSpaces()
                guard !value.isEmpty else { return nil }
                // "Moderator: Welcome, everyone..." is a turn, not a header naming the moderator.
                if roleKeys.contains(key), !looksLikeNames(value) { return nil }
                return (key, value)
            }
        }
        // A byline: "By Jane Doe" or "By Jane Doe and John Roe", short and capitalised; or one
        // closing a short line ("Posted January 2, 2025 by Alex Chen"). Prose is longer.
        guard text.utf8.count <= 240 else { return nil }
        guard mayBeBylineOrDateLine(text) else { return nil }
        // Without markup the words are those of the text itself.
        let words = text.utf8Contains(0x2A) || text.utf8Contains(0x5F) ? wordsWithoutMarkup(text) : text.wordsBetweenSpaces()
        if words.count >= 4, words.count <= 14, let by = words.lastIndex(where: { $0.lowercased() == "by" }), by > 0,
           (2...3).contains(words.count - by - 1),
           words[(by + 1)...].allSatisfy({ isNameWord($0.trimmingCharacters(in: .punctuationCharacters)[...]) }),
           words[..<by].contains(where: { $0.first?.isNumber == true || CalendarWords.months[$0.lowercased().trimmingCharacters(in: .punctuationCharacters)] != nil }) {
            return ("by", words[(by + 1)...].joined(separator: " ").trimmingCharacters(in: .punctuationCharacters))
        }
        if words.count >= 3, words.count <= 8, words[0] == "By" || words[0] == "by",
           words.dropFirst().allSatisfy({ $0.first?.isUppercase == true || ["and", "&", "de", "van", "von"].contains($0.lowercased()) }) {
            return ("by", words.dropFirst().joined(separator: " "))
        }
        // A byline with a role or a date after the name: "By Oliver Grant, Political Editor — 3
        // November 2026", "By Leila Haddad | January 20, 2026".
        if words.count >= 4, words.count <= 16, words[0] == "By" {
            let rest = text.replacingOccurrences(of: "*", with: "").drop(while: { $0.isWhitespace }).dropFirst(2)
            if let separator = rest.firstIndex(where: { ",|—–·".contains($0) }) {
                let name = rest[..<separator].trimmingSpaces()
                let nameWords = name.split(separator: " ")
                let tokens = Tokenizer.tokenize(String(rest[separator...]))
                if (2...4).contains(nameWords.count), nameWords.allSatisfy({ isNameWord($0) }),
                   let date = DocumentDates.monthDay(tokens, from: 0, limit: tokens.count), date.year != nil {
                    return ("by", name)
                }
            }
        }
        // "Published 2026-03-30", "Recorded February 9, 2026": a date line without a colon.
        if words.count >= 2, words.count <= 6, ["published", "posted", "updated", "recorded", "dated"].contains(words[0].lowercased()) {
            var rest = words.dropFirst()
            if rest.first?.lowercased() == "on" { rest = rest.dropFirst() }
            let value = rest.joined(separator: " ")
            if DocumentDates.parse(value) != nil { return ("published", value) }
        }
        return nil
    }

    private static let dateLineWords: [String] = ["published", "posted", "updated", "recorded", "dated"]

    /// Whether `key` can make `head`, the text before a colon, a header key: false only when
    /// `head` is plain ASCII and the key it makes (spaces and asterisks trimmed, asterisks
    /// dropped, lower-cased) is none of `headerKeys`, told from the bytes with no string made or
    /// hashed. Other text passes.
    static func mayBeHeaderKey(_ head: Substring) -> Bool {
        head.withUTF8Buffer { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return true }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x2A { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x2A { end -= 1 }
            let length = (start..<end).reduce(0) { $0 + (bytes[$1] == 0x2A ? 0 : 1) }
            return headerKeyBytes.contains { key in
                guard key.count == length else { return false }
                var k = 0
                for i in start..<end where bytes[i] != 0x2A {
                    let byte = bytes[i]
                    if (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) != key[k] { return false }
                    k += 1
                }
                return true
            }
        }
    }

    /// The bytes of each of `headerKeys`, which are plain lower-case ASCII.
    private static let headerKeyBytes: [[UInt8]] = headerKeys.map { Array($0.utf8) }

    /// `text.replacingOccurrences(of: "**", with: "")`. In plain ASCII each byte is a character
    /// that nothing else is equivalent to, so the pairs are dropped from the bytes, from the left
    /// as Foundation finds them ("***" keeps its last); other text is left to Foundation.
    static func removingDoubleAsterisks(_ text: Substring) -> String {
        guard text.isPlainASCII else { return text.replacingOccurrences(of: "**", with: "") }
        return text.withUTF8Buffer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var kept = 0
                var i = 0
                while i < bytes.count {
                    if bytes[i] == 0x2A, i + 1 < bytes.count, bytes[i + 1] == 0x2A {
                        i += 2
                        continue
                    }
                    out[kept] = bytes[i]
                    kept += 1
                    i += 1
                }
                return kept
            }
        }
    }

    /// The words of `text` with asterisks dropped and underscores made spaces, split at spaces.
    /// Plain ASCII is done on the bytes (a character a byte, none equivalent to another); other
    /// text as Foundation replaces and Character splits.
    static func wordsWithoutMarkup(_ text: Substring) -> [Substring] {
        guard text.isPlainASCII else {
            return text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ").split(separator: " ")
        }
        let plain = text.withUTF8Buffer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var kept = 0
                for byte in bytes where byte != 0x2A {
                    out[kept] = byte == 0x5F ? 0x20 : byte
                    kept += 1
                }
                return kept
            }
        }
        // Plain ASCII still: cut at the space bytes, as `split(separator: " ")` cuts.
        return plain.wordsBetweenSpaces()
    }

    /// Whether the byline and date-line forms of `header` can match, from the bytes: each needs a
    /// word "by" (any case) or opens with a date word. Markup ("*", "_") changes the words, so
    /// text with it passes.
    private static func mayBeBylineOrDateLine(_ text: Substring) -> Bool {
        text.withUTF8Buffer { bytes in
            var i = 0
            while i < bytes.count {
                // Seven positions at a time past those where no "*" or "_" is and no "by" starts
                // (the eighth byte loaded is the second of a pair starting at the seventh).
                if let base = bytes.baseAddress, i + 8 <= bytes.count,
                   !mayHoldBylineByte(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 7
                    continue
                }
                let byte = bytes[i]
                if byte == 0x2A || byte == 0x5F { return true }
                if byte | 0x20 == 0x62, i + 1 < bytes.count, bytes[i + 1] | 0x20 == 0x79, i == 0 || bytes[i - 1] == 0x20,
                   i + 2 == bytes.count || bytes[i + 2] == 0x20 { return true }
                i += 1
            }
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            // The first word lower-cased is one of the date words when its bytes are: no other
            // text is equivalent to a string of small ASCII letters.
            let first = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return dateLineWords.contains { word in
                word.utf8.count == first.count
                    && zip(word.utf8, first).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 + 32 : $1) }
            }
        }
    }

    /// Whether eight bytes (in memory order) may hold "*" or "_", or may start "by" in any case
    /// at one of their first seven: false only when they do not. Exact byte tests (a byte from
    /// 0x80 on matches none of them), so only those bytes and the pairs "by" ask for a closer look.
    @inline(__always)
    static func mayHoldBylineByte(_ word: UInt64) -> Bool {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// 0x80 in each byte of `value` that is zero, 0 in the others: exact, with no carries
        /// between bytes.
        func zeroBytes(_ value: UInt64) -> UInt64 { ~(((value & low7) &+ low7) | value | low7) }
        func equal(_ value: UInt64, _ c: UInt64) -> UInt64 { zeroBytes(value ^ (c &* 0x0101_0101_0101_0101)) }
        let word = UInt64(littleEndian: word)
        let folded = word | 0x2020_2020_2020_2020
        // A "b" or "B" whose next byte is "y" or "Y": the next byte's flag moved down onto it.
        let pairs = equal(folded, 0x62) & (equal(folded, 0x79) >> 8)
        return equal(word, 0x2A) | equal(word, 0x5F) | pairs != 0
    }

    /// Drops list bullets, block-quote marks and heading hashes at the start of a line.
    static func stripMarkup(_ line: Substring) -> Substring {
        // Most lines open with a letter: nothing to strip.
        if let first = line.utf8.first, first >= 0x41 && first <= 0x5A || first >= 0x61 && first <= 0x7A { return line }
        if opensWithPlainCharacter(line) { return line }
        var text = line.drop(while: { $0.isWhitespace })
        // Each mark begins with one of these bytes (">", "-", "*", "+", and E2 for "•" and "–"):
        // text opening with another byte (a quote, a digit) cannot have one.
        if let first = text.utf8.first, first == 0x3E || first == 0x2D || first == 0x2A || first == 0x2B || first == 0xE2 {
            for prefix in ["> ", "- ", "* ", "• ", "+ ", "– "] where text.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count).drop(while: { $0.isWhitespace })
            }
        }
        // Numbered items ("1. ", "2) ") and transcript timestamps ("[00:12:34] ", "(12:05) ").
        let digits = text.prefix(while: \.isNumber)
        if (1...2).contains(digits.count) {
            let rest = text[digits.endIndex...]
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                text = rest.dropFirst(2).drop(while: { $0.isWhitespace })
            }
        }
        if let open = text.first, open == "[" || open == "(",
           let close = text.prefix(14).firstIndex(of: open == "[" ? "]" : ")"),
           text[text.index(after: text.startIndex)..<close].allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }),
           text[text.index(after: text.startIndex)..<close].contains(":") {
            text = text[text.index(after: close)...].drop(while: { $0.isWhitespace })
        }
        return text
    }

    /// Whether `line` opens with a character that is no white space, no number, no list mark and
    /// no bracket, so that `stripMarkup` leaves it as it is: an ASCII byte other than those, or a
    /// dash, quote or ellipsis of U+2010 to U+2027 (E2 80 90 to E2 80 A7) other than the en dash
    /// and the bullet, which open list items. None of these is white space or a number, whatever
    /// marks follow it.
    static func opensWithPlainCharacter(_ line: Substring) -> Bool {
        line.withUTF8Buffer { bytes in
            guard let first = bytes.first else { return false }
            if first < 0x80 {
                let space = first == 0x20 || first >= 0x09 && first <= 0x0D
                let digit = first >= 0x30 && first <= 0x39
                let mark = first == 0x3E || first == 0x2D || first == 0x2A || first == 0x2B || first == 0x5B || first == 0x28
                return !space && !digit && !mark
            }
            guard bytes.count >= 3, first == 0xE2, bytes[1] == 0x80, (0x90...0xA7).contains(bytes[2]) else { return false }
            return bytes[2] != 0x93 && bytes[2] != 0xA2
        }
    }

    // MARK: - Labels

    /// A label at the start of the line.
    static func leading(_ line: Substring) -> SpeakerLabel? {
        colonLabel(line) ?? titled(line)
    }

    /// A line that is only a name and a role, as earnings-call transcripts set each turn:
    /// "Sofia Alvarez -- Chief Financial Officer", "Jason Park — Morgan Stanley — Analyst".
    static func titled(_ line: Substring) -> SpeakerLabel? {
        // At most 120 characters, of at most four bytes each, and a dash after a name of at most
        // four words: prose lines are turned away after a look at their first bytes.
        guard line.utf8.count <= 480 else { return nil }
        var spaces = 0
        var sawDash = false
        for byte in line.utf8.prefix(100) {
            if byte == 0x2D || byte == 0xE2 { sawDash = true; break }
            if byte == 0x20 { spaces += 1 }
            if spaces > 6 { return nil }
        }
        guard sawDash else { return nil }
        // Every separator holds a hyphen, an en dash or an em dash.
        guard line.utf8Contains(0x2D) || line.utf8Contains("–") || line.utf8Contains("—") else { return nil }
        let text = stripMarkup(line).trimmingSpaces()
        guard !text.hasMoreCharacters(than: 120), let last = text.last, !".?!:;\"”".contains(last) else { return nil }
        var separator: Range<String.Index>?
        for mark in [" -- ", " — ", " – ", " - "] where text.utf8Contains(mark) {
            if let found = text.range(of: mark), separator.map({ found.lowerBound < $0.lowerBound }) ?? true { separator = found }
        }
        guard let separator else { return nil }
        let name = text[..<separator.lowerBound].trimmingSpaces()
        let role = text[separator.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " -—–"))
        let words = name.split(separator: " ")
        let roleWords = role.split(separator: " ")
        guard (2...4).contains(words.count), words.allSatisfy(isNameWord), let first = words.first,
              !notNames.contains(first.lowercased()), !roleWords.isEmpty, roleWords.count <= 10,
              roleWords.first?.first?.isUppercase == true else { return nil }
        return SpeakerLabel(name: Roster.clean(name), qualifier: role, range: line.startIndex..<line.endIndex, titled: true)
    }

    private static func colonLabel(_ line: Substring) -> SpeakerLabel? {
        var text = stripMarkup(line)
        var bold = false
        if beginsWith(text, "**") {
            text = text.dropFirst(2)
            bold = true
        }
        // The colon must come early: labels are short.
        guard let colon = firstColon(text, within: 90) else { return nil }
        var after = text.index(after: colon)
        if bold, text[after...].hasPrefix("**") { after = text.index(after, offsetBy: 2) }
        guard after == text.endIndex || text[after].isWhitespace else { return nil }
        var head = text[..<colon]
        if bold, head.hasSuffix("**") { head = head.dropLast(2) }
        // A name has at most four words (and perhaps an affiliation in brackets): a clause before a
        // colon usually has more.
        var depth = 0
        var spaces = 0
        for byte in head.utf8 {
            if byte == 0x28 { depth += 1 } else if byte == 0x29 { depth = max(0, depth - 1) } else if byte == 0x20, depth == 0 { spaces += 1 }
        }
        guard spaces <= 6 else { return nil }
        guard let (name, qualifier) = nameAndQualifier(head), !name.isEmpty else { return nil }
        let words = name.wordsBetweenSpaces()
        guard (1...4).contains(words.count), words.allSatisfy(isNameWord),
              let first = words.first, !notNames.contains(first.lowercased()) else { return nil }
        return SpeakerLabel(name: Roster.clean(name), qualifier: qualifier, range: line.startIndex..<after)
    }

    /// A label that ends the line, glued to the previous sentence ("...of Qwen?Lin Junyang:") or
    /// after a lead-in ("A bit to taste from Tencent's Yao Shunyu:"). `glued` tells which.
    static func trailing(_ line: Substring) -> (label: SpeakerLabel, glued: Bool)? {
        // A line ending in an ASCII byte other than white space, "*" or ":" ends in a character
        // that is none of them.
        if let last = line.utf8.last, last < 0x80, last != 0x3A, last != 0x2A, last != 0x20, !(0x09...0x0D).contains(last) {
            return nil
        }
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)].isWhitespace || line[line.index(before: end)] == "*" {
            end = line.index(before: end)
        }
        guard end > line.startIndex, line[line.index(before: end)] == ":" else { return nil }
        let colon = line.index(before: end)
        return labelEnding(line, at: colon, lineEnd: line.endIndex)
    }

    /// Labels glued to a sentence end in the middle of a line: "...that's it.Yao Shunyu: I think".
    /// Only names `isKnown` accepts count, since "...as follows. Note: ..." has the same shape.
    /// The first colon among the first `limit` characters, found by its byte.
    static func firstColon(_ text: Substring, within limit: Int) -> Substring.Index? {
        // Within `limit` characters of at most four bytes.
        guard let bytes = text.utf8Offset(of: 0x3A, within: limit * 4) else { return nil }
        let colon = text.utf8.index(text.startIndex, offsetBy: bytes)
        if bytes < limit { return colon }
        let head = text[..<colon]
        if head.isPlainASCII { return nil }
        // Characters enough without counting them all: the answer is no.
        if head.withUTF8Buffer({ leastCharacterCount($0, cap: limit) }) >= limit { return nil }
        return text.distance(from: text.startIndex, to: colon) < limit ? colon : nil
    }

    /// A lower bound of the characters in `bytes`: each ASCII byte between two ASCII bytes is a
    /// character of its own (no ASCII scalar extends a character or is prepended to one), unless
    /// it is half of a CR LF.
    /// The count stops at `cap`, for callers that only compare it with a limit: a long line then
    /// costs a look at its first bytes, not a pass over all of them.
    static func leastCharacterCount(_ bytes: UnsafeBufferPointer<UInt8>, cap: Int = .max) -> Int {
        guard bytes.count >= 3 else { return 0 }
        var count = 0
        for i in 1..<(bytes.count - 1) {
            let byte = bytes[i]
            guard byte < 0x80, bytes[i - 1] < 0x80, bytes[i + 1] < 0x80 else { continue }
            if byte == 0x0D && bytes[i + 1] == 0x0A || byte == 0x0A && bytes[i - 1] == 0x0D { continue }
            count += 1
            if count >= cap { return count }
        }
        return count
    }

    static func inner(_ line: Substring, isKnown: (String) -> Bool) -> [SpeakerLabel] {
        var labels: [SpeakerLabel] = []
        var index = line.startIndex
        while let offset = line[index...].utf8Offset(of: 0x3A) {
            let colon = line.utf8.index(index, offsetBy: offset)
            let next = line.index(after: colon)
            if next < line.endIndex, line[next].isWhitespace,
               let found = labelEnding(line, at: colon, lineEnd: next), found.glued, isKnown(found.label.name) {
                labels.append(found.label)
            }
            index = next
        }
        return labels
    }

    /// `text.hasSuffix(suffix)` for a suffix of printable ASCII characters other than CR and LF,
    /// which nothing is canonically equivalent to: text whose bytes do not end so cannot end
    /// with those characters, and when they do and the byte before is ASCII (or there is none),
    /// nothing joins the suffix's first character to what precedes it. Otherwise Character decides.
    static func endsWith(_ text: Substring, _ suffix: String) -> Bool {
        let bytesMatch: Bool? = text.withUTF8Buffer { bytes in
            suffix.withUTF8Buffer { tail in
                guard bytes.count >= tail.count else { return false }
                let start = bytes.count - tail.count
                for i in 0..<tail.count where bytes[start + i] != tail[i] { return false }
                return start == 0 || bytes[start - 1] < 0x80 ? true : nil
            }
        }
        return bytesMatch ?? text.hasSuffix(suffix)
    }

    /// `text.hasPrefix(prefix)` for a prefix of printable ASCII characters other than CR and LF:
    /// text whose bytes do not begin so cannot begin with those characters, and when they do and
    /// the byte after is ASCII (or there is none), nothing joins it to the prefix's last character.
    /// Otherwise Character decides.
    static func beginsWith(_ text: Substring, _ prefix: String) -> Bool {
        let bytesMatch: Bool? = text.withUTF8Buffer { bytes in
            prefix.withUTF8Buffer { head in
                guard bytes.count >= head.count else { return false }
                for i in 0..<head.count where bytes[i] != head[i] { return false }
                return bytes.count == head.count || bytes[head.count] < 0x80 ? true : nil
            }
        }
        return bytesMatch ?? text.hasPrefix(prefix)
    }

    /// `Character.isLetter`, answered from the ASCII value where there is one (a letter only
    /// when A-Z or a-z), without looking up Unicode properties.
    @inline(__always)
    static func isLetter(_ c: Character) -> Bool {
        if let ascii = c.asciiValue { return (ascii | 0x20) &- 0x61 < 26 }
        return c.isLetter
    }

    private static func labelEnding(_ line: Substring, at colon: Substring.Index, lineEnd: Substring.Index)
        -> (label: SpeakerLabel, glued: Bool)? {
        var head = line[line.startIndex..<colon]
        if endsWith(head, "**") { head = head.dropLast(2) }
        var qualifier: String?
        if endsWith(head, ")"), let open = head.lastIndex(of: "("), head.distance(from: open, to: head.endIndex) <= 60 {
            qualifier = String(head[head.index(after: open)..<head.index(before: head.endIndex)]).trimmingSpaces()
            head = head[..<open]
            while head.last?.isWhitespace == true { head = head.dropLast() }
        }
        // Walk back over the words of the name: over the bytes where each one the walk reads is
        // a character of its own, else Character by Character.
        if let walk = head.withUTF8Buffer({ asciiNameWalk($0) }) {
            guard !walk.words.isEmpty, walk.probe > 0 else { return nil }
            let utf8 = head.utf8
            let words = walk.words.map { head[utf8.index(head.startIndex, offsetBy: $0.lowerBound)..<utf8.index(head.startIndex, offsetBy: $0.upperBound)] }
            guard let first = words.first, !notNames.contains(first.lowercased()) else { return nil }
            let start = utf8.index(head.startIndex, offsetBy: walk.start)
            return (SpeakerLabel(name: Roster.clean(words.joined(separator: " ")), qualifier: qualifier, range: start..<lineEnd), walk.glued)
        }
        var start = head.endIndex
        var words: [Substring] = []
        while start > head.startIndex, words.count < 4 {
            var wordEnd = start
            while wordEnd > head.startIndex, head[head.index(before: wordEnd)] == " " { wordEnd = head.index(before: wordEnd) }
            var wordStart = wordEnd
            while wordStart > head.startIndex {
                let c = head[head.index(before: wordStart)]
                guard isLetter(c) || c == "-" || c == "'" || c == "’" else { break }
                wordStart = head.index(before: wordStart)
            }
            let word = head[wordStart..<wordEnd]
            guard !word.isEmpty, isNameWord(word), !word.hasSuffix("'s"), !word.hasSuffix("’s") else { break }
            words.insert(word, at: 0)
            start = wordStart
            if start == head.startIndex { break }
            let before = head[head.index(before: start)]
            if before != " " { break }
        }
        guard !words.isEmpty, let first = words.first, !notNames.contains(first.lowercased()) else { return nil }
        // At the start of the line it is a leading label, not this kind. (Walk back over white
        // space only: copying everything before the name would make long lines quadratic.)
        var probe = start
        while probe > head.startIndex, head[head.index(before: probe)].isWhitespace { probe = head.index(before: probe) }
        guard probe > head.startIndex else { return nil }
        let name = words.joined(separator: " ")
        let glued = start > head.startIndex && !head[head.index(before: start)].isWhitespace
            && "?.!…\"”’)]".contains(head[head.index(before: start)])
        var labelStart = start
        if glued { labelStart = start }
        return (SpeakerLabel(name: Roster.clean(name), qualifier: qualifier, range: labelStart..<lineEnd), glued)
    }

    /// `labelEnding`'s walk over the name words at the end of `bytes`, and over the white space
    /// before them, on bytes: nil when a byte it reads is beyond ASCII or follows one (a mark
    /// could join it to its neighbour), where only Characters can answer. Offsets of the words
    /// in order, of the first word's start, of where the white space before it starts, and
    /// whether a closing mark glues the name to the text before it.
    static func asciiNameWalk(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: [Range<Int>], start: Int, probe: Int, glued: Bool)? {
        var lowest = bytes.count
        func read(_ position: Int) -> UInt8? {
            let byte = bytes[position]
            guard byte < 0x80 else { return nil }
            lowest = min(lowest, position)
            return byte
        }
        var start = bytes.count
        var words: [Range<Int>] = []
        while start > 0, words.count < 4 {
            var wordEnd = start
            while wordEnd > 0 {
                guard let byte = read(wordEnd - 1) else { return nil }
                guard byte == 0x20 else { break }
                wordEnd -= 1
            }
            var wordStart = wordEnd
            while wordStart > 0 {
                guard let byte = read(wordStart - 1) else { return nil }
                guard Tokenizer.isLetterByte(byte) || byte == 0x2D || byte == 0x27 else { break }
                wordStart -= 1
            }
            let word = wordStart..<wordEnd
            guard !word.isEmpty, isNameWord(bytes, word),
                  !(word.count >= 2 && bytes[wordEnd - 2] == 0x27 && bytes[wordEnd - 1] == 0x73) else { break }
            words.insert(word, at: 0)
            start = wordStart
            if start == 0 { break }
            guard let before = read(start - 1) else { return nil }
            if before != 0x20 { break }
        }
        var probe = start
        if !words.isEmpty {
            while probe > 0 {
                guard let byte = read(probe - 1) else { return nil }
                guard byte == 0x20 || byte >= 0x09 && byte <= 0x0D else { break }
                probe -= 1
            }
        }
        var glued = false
        if start > 0, let before = read(start - 1) {
            // "?.!\")]": the ASCII closers of a sentence (the others are beyond ASCII, or white space).
            glued = before == 0x3F || before == 0x2E || before == 0x21 || before == 0x22 || before == 0x29 || before == 0x5D
        } else if start > 0 {
            return nil
        }
        // The first byte read stands alone only if no mark before it can join it.
        if lowest > 0, lowest < bytes.count, bytes[lowest - 1] >= 0x80 { return nil }
        return (words, start, probe, glued)
    }

    /// `isNameWord` of the ASCII bytes `range`: a particle, or a capital and then letters,
    /// hyphens, apostrophes and points.
    private static func isNameWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        // A capital and then name bytes, nearly every word walked: told from the bytes, with no
        // string made and no particle hashed (the answer is yes whatever the particles are).
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        if let first = word.first, first >= 0x41, first <= 0x5A, word.allSatisfy(isNameByte) { return true }
        return isNameWord(Substring(String(decoding: word, as: UTF8.self)))
    }

    /// An ASCII letter, hyphen, apostrophe or point: the bytes of a plain capitalised name word.
    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A || byte == 0x2D || byte == 0x27 || byte == 0x2E
    }

    static func nameAndQualifier(_ head: Substring) -> (String, String?)? {
        var text = head.spaceTrimmed()
        var qualifier: String?
        if endsWith(text, ")"), let open = text.lastIndex(of: "(") {
            qualifier = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces()
            text = text[..<open]
        }
        // CJK characters (a name's original script) are left out; ASCII has none, and text
        // without any is kept as it is (its scalars, put together again, are the same text).
        if text.utf8.allSatisfy({ $0 < 0x80 }) || !text.unicodeScalars.contains(where: Tokenizer.isCJK) {
            return (text.trimmingSpaces(), qualifier)
        }
        let name = String(text.unicodeScalars.filter { !Tokenizer.isCJK($0) }.map(Character.init))
            .trimmingSpaces()
        return (name, qualifier)
    }

    private static let nameParticles: Set<String> = ["de", "van", "von", "der", "bin", "al", "da", "di", "du", "la", "le", "del", "dos"]

    /// A capitalised word of letters (with hyphens, apostrophes and initials' points), or a name
    /// particle.
    static func isNameWord(_ word: Substring) -> Bool {
        if word.isPlainASCII {
            // One byte a character.
            // A capitalised name word first: it is the usual answer, and needs no hashing.
            if let first = word.utf8.first, first >= 0x41, first <= 0x5A, word.utf8.allSatisfy(isNameByte) { return true }
            return nameParticles.contains(String(word))
        }
        if ["de", "van", "von", "der", "bin", "al", "da", "di", "du", "la", "le", "del", "dos"].contains(word) { return true }
        guard let first = word.first, first.isUppercase, first.isLetter else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
    }
}

import Foundation
