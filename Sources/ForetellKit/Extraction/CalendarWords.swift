/// Month names and the small calendar vocabulary shared by time expressions and document dates.
enum CalendarWords {
    /// Full names and common abbreviations ("Sept", "Jan"), lowercased, without a trailing point.
    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (offset, name) in names.enumerated() {
            table[name] = offset + 1
            table[String(name.prefix(3))] = offset + 1
        }
        table["sept"] = 9
        return table
    }()

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// A plausible calendar year written as four digits: 1900 through 2199.
    static func year(_ token: Token) -> Int? {
        guard token.isNumber, token.lower.utf8.count == 4, let value = Int(token.lower),
              (1900...2199).contains(value) else { return nil }
        return value
    }

    /// A month name written with a capital, so that the verbs "may" and "march" are not months.
    static func month(_ token: Token) -> Int? {
        guard token.isWord, token.isCapitalized else { return nil }
        return months[token.lower]
    }
}
