import Foundation

/// The people of one document: full names from labels, headers and first mentions, with short
/// forms mapped back to them.
///
/// Transcripts introduce "Lin Junyang" and then label him "Junyang:" or write "Lin said"; articles
/// name "Xu Li, chairman of SenseTime" and then write "Xu argues". A short form resolves to the full
/// name that contains it; when several do ("Yang" for Yang Qiang and Yang Zhilin) the one mentioned
/// most recently wins, which is how readers resolve it.
public final class Roster {
    public enum Role: String, Sendable {
        case moderator, interviewer, interviewee, author
        /// The conference-call operator who hands the floor to the speakers.
        case `operator`
    }

    /// Full names in the order they were introduced.
    public private(set) var names: [String] = []
    /// Each name's place in `names`: membership and order in constant time.
    private var order: [String: Int] = [:]
    public private(set) var roles: [String: Role] = [:]
    private var byToken: [String: [String]] = [:]
    private var lastMention: [String: Int] = [:]
    private var clock = 0
    private var mostRecent: String?

    public init() {}

    /// Honorifics and titles dropped from names ("Professor Tang Jie" is Tang Jie).
    static let titles: Set<String> = [
        "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "dame", "academician", "president",
        "senator", "governor", "minister", "secretary", "ceo", "chairman", "chairwoman", "founder",
        "judge", "rep", "sen", "gov", "gen", "general", "colonel", "captain", "lord", "lady",
        // Occupations written as titles in news ("Pollster Miriam Katz", "economist Jo Li").
        "pollster", "economist", "analyst", "strategist", "forecaster", "researcher", "historian", "columnist",
        "commentator", "spokesman", "spokeswoman", "spokesperson", "mayor", "ambassador", "prime", "chief",
    ]

    /// Punctuation around a word of a name, but not the apostrophes, hyphens and points names hold:
    /// built once, as building a character set costs more than trimming with it.
    private static let strayPunctuation = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "'’-."))

    /// Cleans a name as written: drops titles, CJK characters, markup and stray punctuation.
    public static func clean(_ raw: some StringProtocol) -> String {
        let words = raw.split(whereSeparator: { $0.isWhitespace })
            .map { word in String(word.unicodeScalars.filter { !Tokenizer.isCJK($0) && $0 != "*" && $0 != "_" }.map(Character.init)) }
            .map { $0.trimmingCharacters(in: strayPunctuation) }
            .filter { !$0.isEmpty }
        var kept = words
        while let first = kept.first, titles.contains(first.lowercased().trimmingCharacters(in: .punctuationCharacters)), kept.count > 1 {
            kept.removeFirst()
        }
        // Transcripts often write labels in capitals ("JOHN SMITH:"): names are kept in title case.
        if kept.allSatisfy({ word in word.allSatisfy { !$0.isLowercase } }), kept.contains(where: { $0.count > 2 }) {
            kept = kept.map { $0.prefix(1) + $0.dropFirst().lowercased() }
        }
        return kept.joined(separator: " ")
    }

    /// Adds a person (if new) and returns the canonical full name.
    @discardableResult
    public func add(_ raw: String, role: Role? = nil) -> String {
        let name = Roster.clean(raw)
        guard !name.isEmpty else { return raw }
        let canonical = resolve(name, record: false) ?? name
        if canonical == name, order[name] == nil {
            resolved.removeAll(keepingCapacity: true)
            order[name] = names.count
            names.append(name)
            for token in Roster.keyTokens(name) { byToken[token, default: []].append(name) }
        }
        if let role, roles[canonical] == nil { roles[canonical] = role }
        return canonical
    }

    /// Notes that `name` was just mentioned, for resolving "he" and ambiguous short forms.
    public func mention(_ name: String) {
        clock += 1
        lastMention[name] = clock
        mostRecent = name
    }

    /// The person mentioned most recently.
    public var lastMentioned: String? { mostRecent }

    public func person(withRole role: Role) -> String? {
        names.first { roles[$0] == role }
    }

    public func contains(_ name: String) -> Bool {
        order[name] != nil
    }

    /// The full name a written name stands for: itself when known, the one full name containing all
    /// its words, or nil when nobody matches.
    public func resolve(_ raw: String, record: Bool = true) -> String? {
        // The same words are looked up again and again ("Qwen", "OpenAI"); the answer holds until
        // someone is added.
        let found: String?
        if let known = resolved[raw] {
            found = known
        } else {
            let (answer, lasting) = lookUp(raw)
            found = answer
            if lasting { resolved[raw] = .some(answer) }
        }
        if let found, record { mention(found) }
        return found
    }

    /// Answers of `resolve` that hold until the next `add`: those that do not depend on who was
    /// mentioned last.
    private var resolved: [String: String?] = [:]

    private func lookUp(_ raw: String) -> (String?, lasting: Bool) {
        let name = Roster.clean(raw)
        guard !name.isEmpty else { return (nil, true) }
        guard let first = Roster.keyTokens(name).first else { return (order[name] != nil ? name : nil, true) }
        guard var candidates = byToken[first] else { return (nil, true) }
        if order[name] != nil { return (name, true) }
        let tokens = Roster.keyTokens(name)
        candidates = candidates.filter { candidate in
            let full = Set(Roster.keyTokens(candidate))
            return tokens.allSatisfy { full.contains($0) }
        }
        guard candidates.count > 1 else { return (candidates.first, true) }
        let best = candidates.max { (lastMention[$0] ?? 0, -(order[$0] ?? 0)) < (lastMention[$1] ?? 0, -(order[$1] ?? 0)) }
        return (best, false)
    }

    /// The lower-cased words of a name without possessives and punctuation: what short forms
    /// are matched on.
    static func keyTokens(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map {
            $0.replacingOccurrences(of: "'s", with: "").replacingOccurrences(of: "’s", with: "")
                .trimmingCharacters(in: .punctuationCharacters)
        }.filter { !$0.isEmpty }
    }
}
