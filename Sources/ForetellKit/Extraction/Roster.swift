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
    /// The keys of `byToken` of at most sixteen bytes, packed: most words looked up begin no
    /// one's name, which this tells without making their first key word a string and hashing it.
    private var listedKeyWords = PackedTable<Bool>()
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

    /// `titles` by their bytes, for the names that need no cleaning.
    private static let titleWords: PackedTable<Bool> = {
        var table = PackedTable<Bool>()
        for title in titles { if let key = PackedWord(title.utf8) { table[key] = true } }
        return table
    }()

    /// Punctuation around a word of a name, but not the apostrophes, hyphens and points names hold:
    /// built once, as building a character set costs more than trimming with it.
    private static let strayPunctuation = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "'’-."))

    /// Cleans a name as written: drops titles, CJK characters, markup and stray punctuation.
    public static func clean(_ raw: some StringProtocol) -> String {
        if let plain = plainName(raw) { return plain }
        if let letters = raw.utf8.withContiguousStorageIfAvailable({ lettersOnlyName($0) }), let letters { return letters }
        let words = raw.split(whereSeparator: { $0.isWhitespace })
            .map { word in String(word.unicodeScalars.filter { !Tokenizer.isCJK($0) && $0 != "*" && $0 != "_" }.map(Character.init)) }
            .map { trimmingStrayPunctuation($0) }
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

    /// `word.trimmingCharacters(in: strayPunctuation)`, without Foundation's conversion when the
    /// word begins and ends with an ASCII letter or digit, which is no punctuation: then nothing
    /// is trimmed.
    static func trimmingStrayPunctuation(_ word: String) -> String {
        func plain(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
        }
        if plain(word.utf8.first), plain(word.utf8.last) { return word }
        return word.trimmingCharacters(in: strayPunctuation)
    }

    /// A name already clean, found without allocating: ASCII letters (with inner hyphens,
    /// apostrophes and points) in words separated by single spaces, not opening with a title and
    /// not all in capitals (which are title-cased). Nil sends the name through the full cleaning.
    private static func plainName(_ raw: some StringProtocol) -> String? {
        // Names are read many times over (each mention is resolved): straight from the bytes
        // when they are contiguous, as they are in native strings.
        if let plain = raw.utf8.withContiguousStorageIfAvailable({ isPlainName($0) }) { return plain ? String(raw) : nil }
        var copy = String(raw)
        return copy.withUTF8 { isPlainName($0) } ? copy : nil
    }

    /// `plainName`'s test, on the name's bytes.
    private static func isPlainName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        var sawLower = false
        var firstWordEnd: Int?
        var last: UInt8 = 0x20
        for index in 0..<bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x61...0x7A: sawLower = true
            case 0x41...0x5A: break
            case 0x20:
                if previousSpace { return false }
                if firstWordEnd == nil { firstWordEnd = index }
            case 0x2D, 0x27, 0x2E:
                if previousSpace { return false }
            default:
                return false
            }
            previousSpace = byte == 0x20
            last = byte
        }
        guard !bytes.isEmpty, last != 0x20, sawLower, !(0x2D == last || 0x27 == last || 0x2E == last) else { return false }
        let end = firstWordEnd ?? bytes.count
        for index in 0..<end {
            let byte = bytes[index]
            if byte == 0x2E || byte == 0x27 || byte == 0x2D { return false }
        }
        // ASCII letters only: the packing of the lower-cased first word, as `PackedWord(lowercasing:)` makes it.
        guard end <= 16 else { return true }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<end {
            let byte = bytes[index]
            let small = UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            if index < 8 { high = high << 8 | small } else { low = low << 8 | small }
        }
        return titleWords[PackedWord(high: high, low: low)] == nil
    }

    /// `clean` of a name of ASCII letters in words separated by single spaces that `plainName`
    /// turns away: one in capitals ("AI", "JOHN SMITH") or opening with a title ("Professor Tang
    /// Jie"). Those are most of the names a document looks up that need more than `plainName`, and
    /// letters need none of the full cleaning's splitting by characters and trimming with
    /// Foundation. Nil for anything else.
    static func lettersOnlyName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let firstByte = bytes.first, let lastByte = bytes.last, firstByte != 0x20, lastByte != 0x20 else { return nil }
        var words: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            // Two spaces in a row, or anything but a letter: the full cleaning decides.
            guard index > start else { return nil }
            for letter in start..<index where !Tokenizer.isLetterByte(bytes[letter]) { return nil }
            words.append(start..<index)
            start = index + 1
        }
        var first = 0
        // Titles are dropped from the front, but never the last word.
        while words.count - first > 1, let key = PackedWord(lowercasing: UnsafeBufferPointer(rebasing: bytes[words[first]])), titleWords[key] != nil {
            first += 1
        }
        let kept = words[first...]
        let capitals = kept.allSatisfy { word in word.allSatisfy { bytes[$0] &- 0x61 >= 26 } }
        // As the full cleaning: names in capitals are title-cased when one word has more than two letters.
        let titleCase = capitals && kept.contains { $0.count > 2 }
        let length = kept.reduce(kept.count - 1) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            for word in kept {
                if at > 0 { buffer[at] = 0x20; at += 1 }
                for index in word {
                    let byte = bytes[index]
                    buffer[at] = titleCase && index > word.lowerBound && byte &- 0x41 < 26 ? byte + 32 : byte
                    at += 1
                }
            }
            return at
        }
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
            for token in Roster.keyTokens(name) {
                byToken[token, default: []].append(name)
                if let key = PackedWord(token.utf8) { listedKeyWords[key] = true }
            }
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
        // Most words looked up name nobody. When the written name shows that from its bytes, the
        // answer is nil without cleaning it, hashing it or keeping it: in a fresh roster (one per
        // document) each such word would otherwise be cleaned and looked up once per document.
        if beginsNoListedName(raw) { return nil }
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
        // Most words looked up begin no one's name: their first key word alone says so, before
        // the name itself is looked up (a known name's first key word is always listed).
        if Roster.firstKeyWordUnlisted(name, listed: listedKeyWords) { return (nil, true) }
        guard let first = Roster.firstKeyToken(name) else { return (order[name] != nil ? name : nil, true) }
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

    /// Whether `raw` is ASCII letters in words separated by single spaces whose first word, of at
    /// most sixteen letters, is neither a title nor the first key word of a known name. Such a
    /// name is cleaned to itself (or title-cased, which keeps the first word's letters), as no
    /// title opens it, so its first key word is that first word lower-cased; not listed, it begins
    /// no known name, and `lookUp` answers nil. False says nothing. A method reading the table
    /// itself: handed the table as an argument, its storage was retained and released on every
    /// call (4M instructions a MB).
    func beginsNoListedName(_ raw: String) -> Bool {
        let key: PackedWord?? = raw.utf8.withContiguousStorageIfAvailable { Roster.plainFirstWord($0[...]) }
        return beginsNoListedName(key ?? nil)
    }

    /// The same for the name written as `text[range]`: a run of words that, written with single
    /// spaces, is its own name, is answered without making a string of it. Offsets rather than
    /// indices, so that the range may be a token's of another string with the same text.
    func beginsNoListedName(_ text: String, _ range: Range<String.Index>) -> Bool {
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let end = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        let key: PackedWord?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard start >= 0, start <= end, end <= bytes.count else { return nil }
            return Roster.plainFirstWord(bytes[start..<end])
        }
        return beginsNoListedName(key ?? nil)
    }

    private func beginsNoListedName(_ key: PackedWord?) -> Bool {
        guard let key else { return false }
        return Roster.titleWords[key] == nil && listedKeyWords[key] == nil
    }

    /// For `raw` of ASCII letters in words separated by single spaces, with a first word of at
    /// most sixteen letters: that word lower-cased and packed as `PackedWord(lowercasing:)` packs
    /// it, read in the same pass that checks the rest. Nil for anything else.
    static func plainFirstWord(_ raw: String) -> PackedWord? {
        let key: PackedWord?? = raw.utf8.withContiguousStorageIfAvailable { plainFirstWord($0[...]) }
        return key ?? nil
    }

    static func plainFirstWord(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> PackedWord? {
        let bytes = UnsafeBufferPointer(rebasing: slice)
        guard let first = bytes.first, let last = bytes.last, Tokenizer.isLetterByte(first),
              Tokenizer.isLetterByte(last) else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var inFirstWord = true
        var previousSpace = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte == 0x20 {
                if previousSpace { return nil }
                previousSpace = true
                inFirstWord = false
            } else if Tokenizer.isLetterByte(byte) {
                previousSpace = false
                if inFirstWord {
                    guard index < 16 else { return nil }
                    let small = UInt64(byte | 0x20)
                    if index < 8 { high = high << 8 | small } else { low = low << 8 | small }
                }
            } else {
                return nil
            }
        }
        return PackedWord(high: high, low: low)
    }

    /// Whether `name` takes `firstKeyToken`'s quick way (letters, spaces and hyphens) to a first
    /// key word of at most sixteen letters that `listed` does not hold. False says nothing.
    static func firstKeyWordUnlisted(_ name: String, listed: PackedTable<Bool>) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            func separator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2D }
            var start = 0
            while start < bytes.count, separator(bytes[start]) { start += 1 }
            var end = start
            while end < bytes.count, Tokenizer.isLetterByte(bytes[end]) { end += 1 }
            guard end > start, end - start <= 16,
                  bytes[end...].allSatisfy({ Tokenizer.isLetterByte($0) || separator($0) }),
                  let key = PackedWord(lowercasing: UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return false }
            return listed[key] == nil
        }
    }

    /// `keyTokens(name).first`, without the others when the name takes the quick way there.
    static func firstKeyToken(_ name: String) -> String? {
        var text = name
        let quick: String?? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x20 || $0 == 0x2D }) else {
                return nil
            }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 || bytes[end] == 0x2D {
                if end > start {
                    return .some(String(unsafeUninitializedCapacity: end - start) { buffer in
                        for i in start..<end {
                            let byte = bytes[i]
                            buffer[i - start] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                        }
                        return end - start
                    })
                }
                start = end + 1
            }
            return .some(nil)
        }
        if let quick { return quick }
        return keyTokens(name).first
    }

    static func keyTokens(_ name: String) -> [String] {
        // Letters and single spaces or hyphens: split and lower-case without more ado.
        // Each byte is then a character, so the bytes are split rather than the characters.
        if name.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x20 || $0 == 0x2D }) {
            // The words lower-cased byte by byte as they are copied out.
            var words: [String] = []
            var text = name
            text.withUTF8 { bytes in
                var start = 0
                for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 || bytes[end] == 0x2D {
                    if end > start {
                        words.append(String(unsafeUninitializedCapacity: end - start) { buffer in
                            for i in start..<end {
                                let byte = bytes[i]
                                buffer[i - start] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                            }
                            return end - start
                        })
                    }
                    start = end + 1
                }
            }
            return words
        }
        return name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map {
            $0.replacingOccurrences(of: "'s", with: "").replacingOccurrences(of: "’s", with: "")
                .trimmingCharacters(in: .punctuationCharacters)
        }.filter { !$0.isEmpty }
    }
}
