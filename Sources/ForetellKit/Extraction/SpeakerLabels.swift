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

    /// A turn label naming a role rather than a person: "Q:", "A:", "Moderator:", "Host:".
    static func roleLabel(_ line: Substring) -> (role: Roster.Role, end: Substring.Index)? {
        let text = stripMarkup(line)
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

    /// The text without "*", trimmed of spaces and lower-cased: what header keys and role labels
    /// are compared as.
    static func key(_ text: Substring) -> String {
        text.replacingOccurrences(of: "*", with: "").trimmingSpaces().lowercased()
    }

    /// "Date: ...", "**From:** ...", "Speaker: Tang Jie (...)", "By Jane Doe".
    static func header(_ line: Substring) -> (key: String, value: String)? {
        let text = stripMarkup(line)
        guard !text.isEmpty else { return nil }
        if let colon = firstColon(text, within: 21) {
            let key = key(text[..<colon])
            if headerKeys.contains(key) {
                let value = text[text.index(after: colon)...].replacingOccurrences(of: "**", with: "").trimmingSpaces()
                guard !value.isEmpty else { return nil }
                // "Moderator: Welcome, everyone..." is a turn, not a header naming the moderator.
                if roleKeys.contains(key), !looksLikeNames(value) { return nil }
                return (key, value)
            }
        }
        // A byline: "By Jane Doe" or "By Jane Doe and John Roe", short and capitalised; or one
        // closing a short line ("Posted January 2, 2025 by Alex Chen"). Prose is longer.
        guard text.utf8.count <= 240 else { return nil }
        let words = wordsWithoutMarkup(text)
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

    /// The words of `text` with asterisks dropped and underscores made spaces, split at spaces.
    static func wordsWithoutMarkup(_ text: Substring) -> [Substring] {
        text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ").split(separator: " ")
    }

    /// Drops list bullets, block-quote marks and heading hashes at the start of a line.
    static func stripMarkup(_ line: Substring) -> Substring {
        var text = line.drop(while: { $0.isWhitespace })
        for prefix in ["> ", "- ", "* ", "• ", "+ ", "– "] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count).drop(while: { $0.isWhitespace })
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

    // MARK: - Labels

    /// A label at the start of the line.
    static func leading(_ line: Substring) -> SpeakerLabel? {
        colonLabel(line) ?? titled(line)
    }

    /// A line that is only a name and a role, as earnings-call transcripts set each turn:
    /// "Sofia Alvarez -- Chief Financial Officer", "Jason Park — Morgan Stanley — Analyst".
    static func titled(_ line: Substring) -> SpeakerLabel? {
        let text = stripMarkup(line).trimmingSpaces()
        guard text.count <= 120, let last = text.last, !".?!:;\"”".contains(last) else { return nil }
        var separator: Range<String.Index>?
        for mark in [" -- ", " — ", " – ", " - "] {
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
        if text.hasPrefix("**") {
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
        for character in head {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if character == " ", depth == 0 { spaces += 1 }
        }
        guard spaces <= 6 else { return nil }
        guard let (name, qualifier) = nameAndQualifier(head), !name.isEmpty else { return nil }
        let words = name.split(separator: " ")
        guard (1...4).contains(words.count), words.allSatisfy(isNameWord),
              let first = words.first, !notNames.contains(first.lowercased()) else { return nil }
        return SpeakerLabel(name: Roster.clean(name), qualifier: qualifier, range: line.startIndex..<after)
    }

    /// A label that ends the line, glued to the previous sentence ("...of Qwen?Lin Junyang:") or
    /// after a lead-in ("A bit to taste from Tencent's Yao Shunyu:"). `glued` tells which.
    static func trailing(_ line: Substring) -> (label: SpeakerLabel, glued: Bool)? {
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
    /// The first colon among the first `limit` characters.
    static func firstColon(_ text: Substring, within limit: Int) -> Substring.Index? {
        text.prefix(limit).firstIndex(of: ":")
    }

    static func inner(_ line: Substring, isKnown: (String) -> Bool) -> [SpeakerLabel] {
        var labels: [SpeakerLabel] = []
        var index = line.startIndex
        while let colon = line[index...].firstIndex(of: ":") {
            let next = line.index(after: colon)
            if next < line.endIndex, line[next].isWhitespace,
               let found = labelEnding(line, at: colon, lineEnd: next), found.glued, isKnown(found.label.name) {
                labels.append(found.label)
            }
            index = next
        }
        return labels
    }

    private static func labelEnding(_ line: Substring, at colon: Substring.Index, lineEnd: Substring.Index)
        -> (label: SpeakerLabel, glued: Bool)? {
        var head = line[line.startIndex..<colon]
        if head.hasSuffix("**") { head = head.dropLast(2) }
        var qualifier: String?
        if head.hasSuffix(")"), let open = head.lastIndex(of: "("), head.distance(from: open, to: head.endIndex) <= 60 {
            qualifier = String(head[head.index(after: open)..<head.index(before: head.endIndex)]).trimmingSpaces()
            head = head[..<open]
            while head.last?.isWhitespace == true { head = head.dropLast() }
        }
        var start = head.endIndex
        var words: [Substring] = []
        while start > head.startIndex, words.count < 4 {
            var wordEnd = start
            while wordEnd > head.startIndex, head[head.index(before: wordEnd)] == " " { wordEnd = head.index(before: wordEnd) }
            var wordStart = wordEnd
            while wordStart > head.startIndex {
                let c = head[head.index(before: wordStart)]
                guard c.isLetter || c == "-" || c == "'" || c == "’" else { break }
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

    static func nameAndQualifier(_ head: Substring) -> (String, String?)? {
        var text = head.spaceTrimmed()
        var qualifier: String?
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            qualifier = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces()
            text = text[..<open]
        }
        // CJK characters (a name's original script) are left out.
        if !text.unicodeScalars.contains(where: Tokenizer.isCJK) {
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
        if nameParticles.contains(String(word)) { return true }
        guard let first = word.first, first.isUppercase, first.isLetter else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
    }
}

import Foundation
