import Crypto

/// Open questions' deadlines as an iCalendar file (RFC 5545), so that a calendar reminds people to
/// resolve them: one all-day event on each open question's deadline, with a reminder that morning.
///
/// The output depends only on the ledger: an event's UID is the question's id with a digest of
/// what identifies it, and its DTSTAMP is when the question was recorded, so exporting again and
/// re-subscribing updates events instead of duplicating them.
public enum CalendarExport {
    public static func ics(_ ledger: Ledger, write: (String) -> Void) throws {
        let questions = try ledger.questions(QuestionFilter(status: .open))
        write(lines([
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//foretell//foretell forecast ledger//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:foretell deadlines",
        ]))
        for question in questions where question.deadline != nil {
            write(event(question))
        }
        write(lines(["END:VCALENDAR"]))
    }

    /// The VEVENT of an open question with a deadline.
    static func event(_ question: QuestionHistory) -> String {
        guard let deadline = question.deadline else { return "" }
        let summary = "Resolve: " + question.claim
        var description = question.claim
        let latest = question.latestForecasts
        if !latest.isEmpty {
            description += "\n\nLatest forecasts: "
                + latest.prefix(5).map { formatPercent($0.probability) + " " + $0.owner }.joined(separator: ", ")
            if latest.count > 5 { description += " and \(latest.count - 5) more" }
        }
        description += "\n\nResolve it: foretell resolve \(question.id) yes|no|ambiguous|annulled"
        var properties = [
            "BEGIN:VEVENT",
            "UID:" + uid(question),
            "DTSTAMP:" + timestamp(question.recordedAt, fallback: question.openedAtMilliseconds),
            "DTSTART;VALUE=DATE:" + date(deadline),
        ]
        // DTEND is exclusive: the day after. Without it (the last day of year 9999) the event lasts one day anyway.
        if let end = deadline.adding(days: 1) { properties.append("DTEND;VALUE=DATE:" + date(end)) }
        properties += ["SUMMARY:" + escape(summary), "DESCRIPTION:" + escape(description)]
        if !question.tags.isEmpty { properties.append("CATEGORIES:" + question.tags.map(escape).joined(separator: ",")) }
        properties += [
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:" + escape(summary),
            // Nine hours after the start of an all-day event: that morning.
            "TRIGGER:PT9H",
            "END:VALARM",
            "END:VEVENT",
        ]
        return lines(properties)
    }

    /// `question-<id>-<12 hex digits of SHA-256 of its id, opening time and claim>@foretell`: the
    /// digest keeps question 1 of two ledgers apart in one calendar.
    static func uid(_ question: QuestionHistory) -> String {
        let identity = "\(question.id)\u{1F}\(question.openedAtMilliseconds)\u{1F}\(question.claim)"
        let digest = SHA256.hash(data: Array(identity.utf8)).prefix(6)
            .map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return "question-\(question.id)-\(digest)@foretell"
    }

    /// A DATE value: `YYYYMMDD`.
    static func date(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    /// A UTC DATE-TIME value, `YYYYMMDDTHHMMSSZ`, of the time a question was recorded.
    static func timestamp(_ recordedAt: String, fallback milliseconds: Int64) -> String {
        let moment = Moment(milliseconds: Moment.parse(recordedAt)?.milliseconds ?? milliseconds)
        return moment.text.filter { $0 != "-" && $0 != ":" }
    }

    /// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`,
    /// other control characters (which TEXT cannot hold) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Content lines ending in CRLF, each folded to at most 75 octets (RFC 5545 3.1): a longer
    /// line continues on lines that start with a space, never splitting a UTF-8 sequence.
    static func lines(_ contentLines: [String]) -> String {
        var out = ""
        for line in contentLines { out += fold(line) }
        return out
    }

    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            // A byte 10xxxxxx continues a character: fold before the character instead.
            while end > start + 1 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            out += bytes[start..<end]
            out += [0x0D, 0x0A, 0x20]
            start = end
            limit = 74
        }
        out += bytes[start...]
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }
}
