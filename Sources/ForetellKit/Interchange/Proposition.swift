/// What a claim read from a document asserts, as far as telling two claims apart needs: its
/// content words (stemmed, small words left out: ``ForecastIdentity/keywords(_:)``) and the
/// numbers it names, in digits or words ("3–5 years" and "three to five years" name 3 and 5).
///
/// Two claims are the same proposition when they name the same numbers and one's content words
/// are all among the other's, with at most one word more: "A Chinese company will lead globally"
/// and "the leading AI company will be a Chinese one" are one; "Democrats win the Senate in 2026"
/// and "Republicans win the Senate in 2026" are not (each has a word the other lacks), nor are
/// "the Town 3 bridge" and "the Town 4 bridge" (other numbers). Paraphrases that share fewer words
/// stay apart: two questions where there was one is a link missed, never a forecast lost.
struct Proposition: Sendable, Equatable {
    let words: Set<String>
    let numbers: Set<String>

    init(_ claim: String) {
        words = ForecastIdentity.keywords(claim)
        var numbers = Set<String>()
        for digits in claim.split(whereSeparator: { !$0.isASCII || !$0.isNumber }) {
            let value = digits.drop { $0 == "0" }
            numbers.insert(value.isEmpty ? "0" : String(value))
        }
        // "one" is left out: far more often a pronoun ("a Chinese one") than a count.
        for word in claim.lowercased().split(whereSeparator: { !$0.isLetter }) where word != "one" {
            if let value = NumberWords.units[String(word)] ?? NumberWords.tens[String(word)] {
                numbers.insert(String(Int(value)))
            }
        }
        self.numbers = numbers
    }

    func isSame(as other: Proposition) -> Bool {
        guard numbers == other.numbers, !words.isEmpty, !other.words.isEmpty else { return false }
        let (fewer, more) = words.count <= other.words.count ? (words, other.words) : (other.words, words)
        return fewer.isSubset(of: more) && more.count - fewer.count <= 1
    }
}
