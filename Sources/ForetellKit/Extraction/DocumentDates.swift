/// When a document was written, and when what it reports was said.
///
/// The publication date comes from front matter (`date:`), a header line (`Date:`, `Published:`)
/// or a dateline opening the text. The event date comes from a sentence that dates a gathering:
/// "On January 10, 2026, at the AGI-Next Frontier Summit" or "On January 10, Tsinghua University
/// ... co-hosted AGI-Next, a summit". A date with no year takes the year that puts it on or before
/// the publication date. Speakers at an event said their words on the event date, so it beats the
/// publication date for them; the author's own words date from publication.
public struct DocumentDates: Equatable, Sendable {
    public var published: Day?
    public var event: Day?
    /// Paragraphs (by index) that open with a news-wire dateline ("FRANKFURT, March 3 (Reuters) -")
    /// and its day: what the section reports was said then, whatever the digest's own date.
    public var datelines: [Int: Day]

    public init(published: Day?, event: Day?, datelines: [Int: Day] = [:]) {
        self.published = published
        self.event = event
        self.datelines = datelines
    }

    /// The date a speaker's words were said.
    public var forSpeakers: Day? { event ?? published }
    /// The date the author's own words were written.
    public var forAuthor: Day? { published ?? event }

    static let frontMatterKeys = ["date", "published", "pubdate", "publish_date", "published_at", "created", "posted"]
    static let headerKeys: Set<String> = ["date", "published", "posted", "by"]

    /// Words that name an occasion at which people speak.
    static let eventWords: Set<String> = [
        "summit", "conference", "panel", "forum", "interview", "hearing", "meeting", "roundtable",
        "symposium", "keynote", "podcast", "webinar", "debate", "talk", "speech", "lecture", "congress",
        "briefing", "event", "session", "convention", "gathering", "workshop", "fireside", "festival",
        "expo", "assembly", "testimony", "livestream", "ama", "q&a",
    ]

    public static func find(in document: Document) -> DocumentDates {
        var vocabulary = TokenVocabulary(keeps: false)
        return find(in: document, vocabulary: &vocabulary)
    }

    /// The same, spelling the words of wire datelines from `vocabulary` (which changes nothing
    /// found, only the time it takes).
    static func find(in document: Document, vocabulary: inout TokenVocabulary) -> DocumentDates {
        var published: Day?
        for key in frontMatterKeys {
            if let value = document.frontMatter[key], let day = parse(value) {
                published = day
                break
            }
        }
        var textSeen = 0
        for paragraph in document.paragraphs {
            if published != nil { break }
            switch paragraph.kind {
            case .header(let key, _) where key == "by":
                // "Posted January 2, 2025 by Alex Chen": the date is in the line. Its year is in
                // digits, which dropping asterisks cannot make: a line without one ("By Jane Doe")
                // has no date.
                if paragraph.text.utf8OffsetOfDigit() != nil {
                    published = dateline(paragraph.text.replacingOccurrences(of: "*", with: ""), anywhere: true, vocabulary: &vocabulary)
                }
            case .header(let key, let value) where headerKeys.contains(key):
                published = parse(value)
            case .text:
                // A dateline opens one of the first paragraphs, or one of its lines when a title
                // without a full stop was joined to it: "January 13, 2026 — ...".
                textSeen += 1
                guard textSeen <= 3 else { break }
                for start in paragraph.lineStarts where published == nil {
                    // The year of a dateline is in digits: a line with none among its first 80
                    // characters is passed over without cutting them out and tokenising them.
                    let line = paragraph.text[start.index...]
                    guard mayHoldDigit(line, withinCharacters: 80) else { continue }
                    published = dateline(String(line.prefix(80)), vocabulary: &vocabulary)
                }
            default:
                break
            }
            if textSeen > 3 { break }
        }
        var datelines: [Int: Day] = [:]
        for (index, paragraph) in document.paragraphs.enumerated() where paragraph.kind == .text {
            if let day = wireDateline(paragraph.text, published: published, vocabulary: &vocabulary) { datelines[index] = day }
        }
        return DocumentDates(published: published, event: eventDate(in: document, published: published, vocabulary: &vocabulary), datelines: datelines)
    }

    /// "FRANKFURT, March 3 (Reuters) -", "LONDON, England, 9 June 2026 —": a place in capitals or
    /// title case, a comma, a day, an optional agency in brackets and a dash. A day without a year
    /// takes the year that puts it on or before publication.
    static func wireDateline(_ text: String, published: Day?) -> Day? {
        var vocabulary = TokenVocabulary(keeps: false)
        return wireDateline(text, published: published, vocabulary: &vocabulary)
    }

    /// Whether `text` opens with an ASCII capital that no later scalar can join: the next byte,
    /// if any, is ASCII, and neither CR LF nor a combining mark begins with one.
    static func startsWithLoneCapital(_ text: String) -> Bool {
        text.withUTF8Buffer { bytes in
            guard let first = bytes.first, first >= 0x41, first <= 0x5A else { return false }
            return bytes.count == 1 || bytes[1] < 0x80
        }
    }

    /// Whether the first 90 bytes of `text` leave room for a wire dateline, which `wireDateline`
    /// tokenises them to find. A place and a comma come first, and a day is a number: both among
    /// the first 90 bytes. Every token before the date (the first number or month) is a comma or
    /// a capitalised word, and a comma comes right before the date. A byte right after ASCII
    /// white space starts a token, so an ASCII byte there that is no capital rules the dateline
    /// out when it comes
    /// - before the first comma byte (no later than the first comma token, so before the date),
    ///   as in "The company said, on May 3" or "In 2025, ...";
    /// - or after it, when it is no digit or comma and neither a digit nor the start of a month
    ///   (a capital and two letters that begin a month's name, `isMonthStem`, with no letter
    ///   glued before them) has come yet, so that the date has not begun: "First, the plan".
    static func mayOpenWithWireDateline(_ text: String) -> Bool {
        text.withUTF8Buffer { bytes in
            let end = min(bytes.count, 90)
            var sawComma = false
            var sawDigit = false
            var sawMonth = false
            // The first byte is checked by the caller, as a token start of its own.
            var previous: UInt8 = 0
            for i in 0..<end {
                let byte = bytes[i]
                let startsToken = isASCIIWhitespace(previous) && byte < 0x80 && !isASCIIWhitespace(byte)
                if byte == 0x2C {
                    sawComma = true
                } else if Tokenizer.isDigitByte(byte) {
                    if startsToken, !sawComma { return false }
                    sawDigit = true
                } else if byte &- 0x41 < 26 {
                    // A month's token starts here only if no ASCII letter is glued before it.
                    if !sawMonth, !Tokenizer.isLetterByte(previous), i + 2 < bytes.count,
                       isMonthStem(byte, bytes[i + 1], bytes[i + 2]) { sawMonth = true }
                } else if startsToken, !sawComma || !sawDigit && !sawMonth {
                    return false
                }
                if sawComma, sawDigit { return true }
                previous = byte
            }
            return false
        }
    }

    /// The ASCII bytes the tokeniser takes for white space: space, tab, line feed, vertical tab,
    /// form feed and carriage return.
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte >= 0x09 && byte <= 0x0D
    }

    static func wireDateline(_ text: String, published: Day?, vocabulary: inout TokenVocabulary) -> Day? {
        // An ASCII first byte other than a capital is a first character that is not upper case.
        if let byte = text.utf8.first, byte < 0x80, byte < 0x41 || byte > 0x5A { return nil }
        // A capital followed by an ASCII byte (or nothing) is a character of its own, and upper
        // case; otherwise the first character is asked.
        guard startsWithLoneCapital(text) || text.first?.isUppercase == true else { return nil }
        guard mayOpenWithWireDateline(text) else { return nil }
        let tokens = Tokenizer.tokenize(String(text.characterPrefix(90)), vocabulary: &vocabulary)
        guard let dateStart = tokens.prefix(8).firstIndex(where: { $0.isNumber || CalendarWords.month($0) != nil }),
              dateStart >= 2, tokens[dateStart - 1].lower == ",",
              tokens[..<dateStart].allSatisfy({ $0.lower == "," || $0.isWord && $0.isCapitalized }),
              let found = monthDay(tokens, from: dateStart, limit: 3) else { return nil }
        var k = found.end
        if k < tokens.count, tokens[k].lower == "(", let close = tokens[k...].prefix(8).firstIndex(where: { $0.lower == ")" }) {
            k = close + 1
        }
        guard k < tokens.count, tokens[k].isDash else { return nil }
        if let year = found.year { return Day(year: year, month: found.month, day: found.day) }
        guard let published else { return nil }
        if let day = Day(year: published.year, month: found.month, day: found.day), day <= published { return day }
        return Day(year: published.year - 1, month: found.month, day: found.day)
    }

    /// A date written as ISO 8601, RFC 2822 ("Tue, 13 Jan 2026 18:51:29 +0000") or in words
    /// ("January 13, 2026", "13 January 2026", "Jan. 13, 2026").
    public static func parse(_ text: String) -> Day? {
        let trimmed = text.trimmingSpaces()
        if trimmed.utf8.count >= 10, let day = Day(iso: trimmed.prefix(10)) { return day }
        let slashed = trimmed.prefix(10).replacingOccurrences(of: "/", with: "-")
        if let day = Day(iso: slashed) { return day }
        let tokens = Tokenizer.tokenize(trimmed)
        guard let found = monthDay(tokens, from: 0, limit: tokens.count), let year = found.year else { return nil }
        return Day(year: year, month: found.month, day: found.day)
    }

    /// A month and day (and year, when written) in either order, among the first `limit` tokens.
    static func monthDay(_ tokens: [Token], from start: Int, limit: Int) -> (month: Int, day: Int, year: Int?, end: Int)? {
        var i = start
        let end = min(tokens.count, start + limit)
        while i < end {
            let token = tokens[i]
            if let month = CalendarWords.month(token) {
                var j = i + 1
                if j < tokens.count, tokens[j].lower == "." { j += 1 }
                // "January 10, 2026" / "January 10"
                if j < tokens.count, tokens[j].isNumber, let day = Int(tokens[j].lower), (1...31).contains(day) {
                    var k = j + 1
                    if k < tokens.count, ["st", "nd", "rd", "th"].contains(tokens[k].lower) { k += 1 }
                    if k < tokens.count, tokens[k].lower == "," { k += 1 }
                    if k < tokens.count, let year = CalendarWords.year(tokens[k]) { return (month, day, year, k + 1) }
                    return (month, day, nil, j + 1)
                }
                // "10 January 2026"
                if i > 0, tokens[i - 1].isNumber, let day = Int(tokens[i - 1].lower), (1...31).contains(day) {
                    if j < tokens.count, let year = CalendarWords.year(tokens[j]) { return (month, day, year, j + 1) }
                    return (month, day, nil, j)
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether an ASCII digit may be among the first `limit` characters of `text`. No when its
    /// bytes hold none, or when before the first one there are at least `limit` ASCII bytes that
    /// are characters of their own (`SpeakerLabels.leastCharacterCount`), so that the first
    /// `limit` characters end before it. Otherwise yes, without counting characters.
    static func mayHoldDigit(_ text: Substring, withinCharacters limit: Int) -> Bool {
        guard let digit = text.utf8OffsetOfDigit() else { return false }
        if digit < limit { return true }
        return text.withUTF8Buffer { bytes in
            SpeakerLabels.leastCharacterCount(UnsafeBufferPointer(rebasing: bytes[..<digit]), cap: limit) < limit
        }
    }

    /// Whether `bytes` may hold a month as `CalendarWords.month` takes one: a capitalised word
    /// whose lower case is a month's name or abbreviation. Each of those begins with the three
    /// letters of an abbreviation ("jan" to "dec"), and a word lower-cased to ASCII letters is
    /// written in ASCII (the only other scalars whose lower case holds an ASCII letter are the
    /// Kelvin sign, "k", which no month has, and U+0130, "i" with a combining dot), so its bytes
    /// are an ASCII capital and two letters spelling an abbreviation in any case. Bytes without
    /// that hold no month.
    static func mayHoldMonth(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for i in 0..<(bytes.count - 2) where bytes[i] &- 0x41 < 26 && isMonthStem(bytes[i], bytes[i + 1], bytes[i + 2]) {
            return true
        }
        return false
    }

    /// Whether three bytes spell "jan" to "dec" in any case: the start of a month's name.
    @inline(__always)
    static func isMonthStem(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        // The three bytes lower-cased (OR 0x20 turns no other byte into a small letter), as the
        // hexadecimal digits of the letters in order.
        switch UInt32(first | 0x20) << 16 | UInt32(second | 0x20) << 8 | UInt32(third | 0x20) {
        case 0x6A_61_6E, 0x66_65_62, 0x6D_61_72, 0x61_70_72, 0x6D_61_79, 0x6A_75_6E,  // jan feb mar apr may jun
             0x6A_75_6C, 0x61_75_67, 0x73_65_70, 0x6F_63_74, 0x6E_6F_76, 0x64_65_63:  // jul aug sep oct nov dec
            return true
        default:
            return false
        }
    }

    private static func dateline(_ text: String, anywhere: Bool = false, vocabulary: inout TokenVocabulary) -> Day? {
        let opening = text.drop(while: { "*_ ".contains($0) })
        let tokens = Tokenizer.tokenize(String(opening.prefix(anywhere ? 120 : 60)), vocabulary: &vocabulary)
        guard let found = monthDay(tokens, from: 0, limit: anywhere ? tokens.count : 8), let year = found.year else { return nil }
        // The date must open the paragraph (after an optional place name and comma).
        guard let first = tokens.first, first.isCapitalized || first.isNumber else { return nil }
        return Day(year: year, month: found.month, day: found.day)
    }

    /// Whether `text` may hold what `monthDay` finds: a number, which begins with an ASCII digit,
    /// and a month (`mayHoldMonth`).
    static func mayHoldDayAndMonth(_ text: Substring) -> Bool {
        text.utf8OffsetOfDigit() != nil && text.withUTF8Buffer(mayHoldMonth)
    }

    private static func eventDate(in document: Document, published: Day?, vocabulary: inout TokenVocabulary) -> Day? {
        var seen = 0
        for paragraph in document.paragraphs where paragraph.kind == .text {
            seen += 1
            if seen > 60 { break }
            // The date needs a day in digits and a month by name: a sentence without both is not
            // tokenised, and a paragraph without both is not even split.
            guard mayHoldDayAndMonth(paragraph.text[...]) else { continue }
            for range in SentenceSplitter.split(paragraph.text) {
                guard mayHoldDayAndMonth(paragraph.text[range]) else { continue }
                let tokens = Tokenizer.tokenize(String(paragraph.text[range]), vocabulary: &vocabulary)
                // The date first: a walk over stored fields, where the event words are hashed.
                guard let found = monthDay(tokens, from: 0, limit: tokens.count),
                      tokens.contains(where: { eventWords.contains($0.lower) }) else { continue }
                if let year = found.year {
                    guard let day = Day(year: year, month: found.month, day: found.day) else { continue }
                    if let published, day > published { continue }  // an announced future event
                    return day
                }
                guard let published else { continue }
                if let day = Day(year: published.year, month: found.month, day: found.day), day <= published { return day }
                if let day = Day(year: published.year - 1, month: found.month, day: found.day) { return day }
            }
        }
        return nil
    }
}

import Foundation
