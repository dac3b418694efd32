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
    /// Where `published` and `event` were read, for `extract --explain`: "front matter date:
    /// 2025-05-05", "the dateline at line 3", "'On January 10, 2026, at the summit' at line 7".
    public var publishedFrom: String?
    public var eventFrom: String?

    public init(published: Day?, event: Day?, datelines: [Int: Day] = [:], publishedFrom: String? = nil, eventFrom: String? = nil) {
        self.published = published
        self.event = event
        self.datelines = datelines
        self.publishedFrom = publishedFrom
        self.eventFrom = eventFrom
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
        var published: Day?
        var publishedFrom: String?
        for key in frontMatterKeys {
            if let value = document.frontMatter[key], let day = parse(value) {
                published = day
                publishedFrom = "front matter \(key): \(value)"
                break
            }
        }
        var textSeen = 0
        for paragraph in document.paragraphs {
            if published != nil { break }
            switch paragraph.kind {
            case .header(let key, _) where key == "by":
                // "Posted January 2, 2025 by Alex Chen": the date is in the line.
                published = dateline(paragraph.text.replacingOccurrences(of: "*", with: ""), anywhere: true)
                publishedFrom = "the by-line at line \(paragraph.firstLine)"
            case .header(let key, let value) where headerKeys.contains(key):
                published = parse(value)
                publishedFrom = "header \(ExtractionExplanation.quoted(paragraph.text)) at line \(paragraph.firstLine)"
            case .text:
                // A dateline opens one of the first paragraphs, or one of its lines when a title
                // without a full stop was joined to it: "January 13, 2026 — ...".
                textSeen += 1
                guard textSeen <= 3 else { break }
                for start in paragraph.lineStarts where published == nil {
                    published = dateline(String(paragraph.text[start.index...].prefix(80)))
                    publishedFrom = "the dateline at line \(start.line)"
                }
            default:
                break
            }
            if textSeen > 3 { break }
        }
        var datelines: [Int: Day] = [:]
        for (index, paragraph) in document.paragraphs.enumerated() where paragraph.kind == .text {
            if let day = wireDateline(paragraph.text, published: published) { datelines[index] = day }
        }
        let event = eventDate(in: document, published: published)
        return DocumentDates(published: published, event: event?.day, datelines: datelines,
                             publishedFrom: published == nil ? nil : publishedFrom, eventFrom: event?.from)
    }

    /// "FRANKFURT, March 3 (Reuters) -", "LONDON, England, 9 June 2026 —": a place in capitals or
    /// title case, a comma, a day, an optional agency in brackets and a dash. A day without a year
    /// takes the year that puts it on or before publication.
    static func wireDateline(_ text: String, published: Day?) -> Day? {
        guard text.first?.isUppercase == true else { return nil }
        let tokens = Tokenizer.tokenize(String(text.prefix(90)))
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

    private static func dateline(_ text: String, anywhere: Bool = false) -> Day? {
        let opening = text.drop(while: { "*_ ".contains($0) })
        let tokens = Tokenizer.tokenize(String(opening.prefix(anywhere ? 120 : 60)))
        guard let found = monthDay(tokens, from: 0, limit: anywhere ? tokens.count : 8), let year = found.year else { return nil }
        // The date must open the paragraph (after an optional place name and comma).
        guard let first = tokens.first, first.isCapitalized || first.isNumber else { return nil }
        return Day(year: year, month: found.month, day: found.day)
    }

    /// The day a sentence says its report was said: a date to the day, on or before the day the
    /// document was written, with "on" or "at" before it, in a sentence that names an occasion
    /// ("At the meeting on January 14, 2026, participants judged ...", "In an interview on March
    /// 3, she said ..."). Nil for dates to come, dates without a day, and sentences naming no
    /// occasion or speech.
    static func saidOn(_ tokens: [Token], times: [TimeMention], reference: Day?) -> (day: Day, time: TimeMention)? {
        guard tokens.contains(where: { eventWords.contains($0.lower) || saidWords.contains($0.lower) }) else { return nil }
        for time in times {
            guard let day = time.deadline, time.earliest == nil || time.earliest == day, time.kind == .point,
                  time.tokens.lowerBound > 0, ["on", "at"].contains(tokens[time.tokens.lowerBound - 1].lower),
                  tokens[time.tokens].contains(where: { $0.isNumber && CalendarWords.year($0) == nil }) else { continue }
            if let reference, day > reference { continue }
            return (day, time)
        }
        return nil
    }

    /// Verbs that report what was said, in the past: the sentence tells when.
    private static let saidWords: Set<String> = ["said", "told", "judged", "stated", "testified", "wrote", "announced", "argued"]

    /// The day of the first sentence that dates a gathering, and where it is.
    private static func eventDate(in document: Document, published: Day?) -> (day: Day, from: String)? {
        var seen = 0
        for paragraph in document.paragraphs where paragraph.kind == .text {
            seen += 1
            if seen > 60 { break }
            for range in SentenceSplitter.split(paragraph.text) {
                let tokens = Tokenizer.tokenize(String(paragraph.text[range]))
                guard let found = monthDay(tokens, from: 0, limit: tokens.count),
                      tokens.contains(where: { eventWords.contains($0.lower) }) else { continue }
                let from = "\(ExtractionExplanation.quoted(String(paragraph.text[range]))) at line \(paragraph.line(at: range.lowerBound))"
                if let year = found.year {
                    guard let day = Day(year: year, month: found.month, day: found.day) else { continue }
                    if let published, day > published { continue }  // an announced future event
                    return (day, from)
                }
                guard let published else { continue }
                if let day = Day(year: published.year, month: found.month, day: found.day), day <= published { return (day, from) }
                if let day = Day(year: published.year - 1, month: found.month, day: found.day) { return (day, from) }
            }
        }
        return nil
    }
}

import Foundation
