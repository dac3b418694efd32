import Foundation

/// Whose numbers are whose when a line holds two: a legend stated once ("The first number is
/// mine, the second is Scott's"), as people write when they set their forecasts beside another
/// forecaster's.
enum OwnerLegend {
    private static let pattern = try? NSRegularExpression(
        pattern: #"\b(?:first|left)\b[^.;]{0,40}?\b(?:is|are)\s+(mine|my\b|ours|[A-Z][\w.]*(?:'s|’s)?)[^.;]{0,40}?\b(?:second|right)\b[^.;]{0,40}?\b(?:is|are)\s+(mine|my\b|ours|[A-Z][\w.]*(?:'s|’s)?)"#,
        options: [.caseInsensitive])

    /// The two owners a legend names, first and second (the author for "mine"), or nil.
    static func owners(in text: String, author: String?) -> (first: String?, second: String?)? {
        guard text.utf8.count <= 1_000 else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = pattern?.firstMatch(in: text, range: range), match.numberOfRanges == 3,
              let firstRange = Range(match.range(at: 1), in: text), let secondRange = Range(match.range(at: 2), in: text)
        else { return nil }
        func owner(_ word: Substring) -> String? {
            let lower = word.lowercased()
            if ["mine", "my", "ours"].contains(lower) { return author }
            for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return String(word.dropLast(suffix.count)) }
            return String(word)
        }
        let first = owner(text[firstRange])
        let second = owner(text[secondRange])
        guard first != second else { return nil }
        return (first, second)
    }
}
