/// Reads a number written in digits ("20", "3.5", "200,000") or in words ("twenty", "twenty-five",
/// "one hundred") starting at a token.
///
/// Values are `Double` so that "99999999999999999999" is a large number rather than an overflow;
/// callers decide what range makes sense.
enum NumberWords {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000]

    /// The three tables in one, for reading a number word by word.
    private enum Part { case unit(Double), ten(Double), scale(Double) }
    private static let parts: [String: Part] = {
        var parts: [String: Part] = [:]
        for (word, value) in units { parts[word] = .unit(value) }
        for (word, value) in tens { parts[word] = .ten(value) }
        for (word, value) in scales { parts[word] = .scale(value) }
        return parts
    }()

    /// "seven", "twenty", "hundred": a word of a number written out.
    static func isNumberWord(_ word: String) -> Bool { parts[word] != nil }

    /// The number starting at `index` and the index just after it, or nil.
    static func parse(_ tokens: [Token], at index: Int) -> (value: Double, next: Int)? {
        guard index >= 0, index < tokens.count else { return nil }
        let first = tokens[index]
        if first.isNumber {
            guard let value = Double(first.lower.filter { $0 != "," }), value.isFinite else { return nil }
            return (value, index + 1)
        }
        guard first.isWord else { return nil }
        var total: Double = 0
        var current: Double = 0
        var i = index
        var consumed = false
        // Only number words (and the "a" of "a hundred") go on.
        words: while i < tokens.count, isNumberWord(tokens[i].lower) || tokens[i].lower == "a" {
            let word = tokens[i].lower
            // "a" is in none of the tables: asked first, it spares the look-up.
            if word == "a" {
                guard !consumed, i + 1 < tokens.count, case .scale? = parts[tokens[i + 1].lower] else { break words }
                current = 1
            } else {
                switch parts[word] {
                case .unit(let unit)?:
                    // "one two" is not a number; "twenty five" is.
                    if consumed, current.truncatingRemainder(dividingBy: 10) != 0 || current == 0 && total == 0 { break words }
                    current += unit
                case .ten(let ten)?:
                    if consumed, current.truncatingRemainder(dividingBy: 100) != 0 { break words }
                    current += ten
                case .scale(let scale)? where consumed:
                    if scale == 100 {
                        current *= 100
                    } else {
                        total += current * scale
                        current = 0
                    }
                default:
                    break words
                }
            }
            consumed = true
            i += 1
            // twenty-five: skip a glued hyphen between number words.
            if i + 1 < tokens.count, tokens[i].isGluedDash, !tokens[i + 1].spaceBefore {
                switch parts[tokens[i + 1].lower] {
                case .unit?, .ten?: i += 1
                default: break
                }
            }
        }
        guard consumed else { return nil }
        return (total + current, i)
    }
}
