/// Claims a list item shares with the item above it or its parent.
///
/// People do not repeat themselves in lists: "Bitcoin is above $10000: 90%" is followed by
/// "...$20000: 60%", "No terrorist attack in the USA will kill > 100 people: 80%" by "…in any
/// First World country: 80%", and a parent bullet "Bitcoin:" heads "above $50k: 40%". The
/// fragment replaces the part of the previous claim it stands for.
enum ContinuationClaims {
    /// The fragment of a continuation item ("...60 million", "…in any First World country"), or
    /// nil when the item is not one.
    static func fragment(_ text: String) -> String? {
        for opener in ["...", "…", "--"] where text.hasPrefix(opener) {
            let rest = Layout.trim(text.dropFirst(opener.count))
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    private static let prepositions: Set<String> = [
        "in", "at", "on", "for", "among", "within", "across", "from", "during", "under", "over", "between", "to", "with",
    ]
    /// Words that end a prepositional phrase: a verb or a clause boundary follows it.
    private static let phraseEnds: Set<String> = ["will", "would", "won't", "is", "are", "was", "were", "has", "have", "does", "do"]
    private static let scales: Set<String> = ["million", "billion", "trillion", "thousand", "hundred", "k", "m", "bn", "%", "percent"]

    /// The previous claim with the fragment in place of what it stands for.
    static func resolve(previous: String, fragment: String) -> String {
        var words = previous.split(separator: " ").map(String.init)
        let parts = fragment.split(separator: " ").map(String.init)
        guard let first = parts.first, !words.isEmpty else { return fragment }
        if startsLikeNumber(first) {
            // The last number of the previous claim, with its scale word and a bracket qualifying it.
            // Numbers inside brackets qualify another ("3703 (market close on December 25th, 2020)").
            var depth = 0
            var candidates: [Int] = []
            for (index, word) in words.enumerated() {
                if depth == 0, startsLikeNumber(word) { candidates.append(index) }
                depth = max(0, depth + word.filter { $0 == "(" }.count - word.filter { $0 == ")" }.count)
            }
            guard let at = candidates.last else { return previous + " " + fragment }
            var end = at + 1
            if end < words.count, scales.contains(words[end].lowercased()) { end += 1 }
            if end < words.count, words[end].hasPrefix("(") {
                while end < words.count, !words[end].hasSuffix(")") { end += 1 }
                end = min(end + 1, words.count)
            }
            words.replaceSubrange(at..<end, with: parts)
            return words.joined(separator: " ")
        }
        if prepositions.contains(first.lowercased()),
           let at = words.lastIndex(where: { $0.lowercased() == first.lowercased() }) {
            var end = at + 1
            while end < words.count, !phraseEnds.contains(words[end].lowercased()), !prepositions.contains(words[end].lowercased()),
                  !words[end - 1].hasSuffix(",") {
                end += 1
            }
            words.replaceSubrange(at..<end, with: parts)
            return words.joined(separator: " ")
        }
        return previous + " " + fragment
    }

    /// "60", "$20000", "200M", "£5bn", ">100".
    static func startsLikeNumber(_ word: String) -> Bool {
        let body = word.drop(while: { "$£€¥><≥≤~".contains($0) })
        return body.first?.isNumber ?? false
    }

    /// A parent item that heads its children ("Bitcoin:", "US politics"): its words open each
    /// child's claim.
    static func withParent(_ parent: String, child: String) -> String {
        var subject = Layout.trim(Substring(parent))
        while let last = subject.last, ":-–—".contains(last) { subject.removeLast() }
        return Layout.trim(Substring(subject)) + " " + child
    }
}
