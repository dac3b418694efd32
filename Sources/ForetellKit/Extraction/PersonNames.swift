/// Finds people introduced in prose, so that later short references ("Xu argues", "he predicts")
/// can be resolved to a full name.
///
/// A run of two or three capitalised words counts as a person only with a cue that readers also
/// rely on: a title before it ("Professor Tang Jie"), an appositive after it ("Xu Li, chairman
/// of SenseTime", "Lin Junyang, the technical lead"), a reporting verb after it ("Paul Christiano
/// says"), or "according to" before it. Capitalised runs without a cue ("Silicon Valley", "Hong
/// Kong") are not people.
enum PersonNames {
    static let titleCues: Set<String> = [
        "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "dame", "president", "senator", "governor",
        "minister", "secretary", "academician", "ceo", "chairman", "chairwoman", "founder", "co-founder",
        "cofounder", "economist", "analyst", "researcher", "scientist", "investor", "author", "director",
        "judge", "chancellor", "premier", "commissioner", "strategist", "host", "moderator", "journalist",
        "reporter", "columnist", "executive", "entrepreneur", "engineer", "scholar", "lead",
    ]
    static let appositiveCues: Set<String> = [
        "a", "an", "the", "who", "formerly", "former", "chairman", "chairwoman", "ceo", "founder",
        "co-founder", "cofounder", "professor", "head", "director", "chief", "president", "partner",
        "lead", "senior", "principal", "vice", "managing", "whose", "currently", "now", "then",
        "an", "author", "economist", "analyst", "researcher", "scientist", "executive", "one",
    ]
    static let reportingVerbs: Set<String> = [
        "says", "said", "argues", "argued", "predicts", "predicted", "expects", "expected", "believes",
        "believed", "thinks", "thought", "warns", "warned", "told", "tells", "writes", "wrote",
        "notes", "noted", "added", "adds", "claims", "claimed", "insists", "insisted", "suggests",
        "suggested", "estimates", "estimated", "forecasts", "forecast", "projects", "projected",
        "reckons", "stated", "states", "explained", "explains", "emphasized", "emphasised",
        "emphasizes", "emphasises", "highlights", "highlighted", "proposed", "proposes", "points",
        "pointed", "frames", "framed", "remains", "envisions", "envisioned", "advocates", "sees",
        "saw", "puts", "put", "asked", "asks", "replied", "answered", "agrees", "agreed", "bets",
        // Reported numbers and the plural present of groups: "Nate Silver gave it about 30%",
        // "analysts expect", "participants judged".
        "gave", "gives", "give", "acknowledges", "acknowledged", "pegs", "pegged", "expect", "believe", "predict",
        "estimate", "judged", "judge", "anticipate", "anticipated", "see", "say", "think",
    ]
    /// Capitalised words that begin sentences or name things, never people.
    static let notNameWords: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "and", "but", "or",
        "if", "when", "while", "as", "so", "i", "we", "he", "she", "they", "it", "you", "our", "my",
        "his", "her", "their", "china", "chinese", "us", "u.s", "america", "american", "europe",
        "ai", "agi", "university", "institute", "company", "group", "lab", "labs", "inc", "ltd",
        "today", "yesterday", "tomorrow", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "professor", "dr", "mr", "mrs", "ms",
        "both", "some", "many", "most", "all", "one", "two", "three", "also", "then", "still",
        "there", "here", "what", "why", "how", "who", "which", "according", "meanwhile", "however",
    ]

    struct Mention: Equatable {
        var name: String
        var tokens: Range<Int>
    }

    /// Whether `text` has two capitalised words in a row, without which `introduced` finds no one:
    /// a look at its scalars spares tokenising the sentences of a document that name nobody.
    static func mayIntroduce(_ text: Substring) -> Bool {
        // A run is a word that begins with a capital and ends its stretch of text (the last word
        // of "(Lin" or "said:Lin"), then white space, then a stretch that opens with a capital.
        var previousEndsCapitalised = false
        var atStretchStart = true
        var lastWordCapitalised = false
        var previousInWord = false
        for scalar in text.unicodeScalars {
            if scalar.isSpaceOrBreak {
                if !atStretchStart { previousEndsCapitalised = lastWordCapitalised }
                atStretchStart = true
                previousInWord = false
                continue
            }
            let letter = scalar.isLetterScalar
            if atStretchStart {
                if letter, scalar.isUppercaseScalar, previousEndsCapitalised { return true }
                previousEndsCapitalised = false
                lastWordCapitalised = false
                atStretchStart = false
            }
            if letter, !previousInWord { lastWordCapitalised = scalar.isUppercaseScalar }
            previousInWord = letter || Tokenizer.isDigit(scalar) || scalar == "'" || scalar == "’"
        }
        return false
    }

    /// People introduced with a cue in `sentence`, read as `tokens`.
    static func introduced(in tokens: [Token], of sentence: String) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard let run = capitalizedRun(tokens, at: i), run.count >= 2 else {
                i += 1
                continue
            }
            let end = run.upperBound
            let before = i > 0 ? tokens[i - 1].lower : ""
            // A token is a word, a number or a single mark: no word or number begins or ends with
            // punctuation, and no mark is a title, so the token itself is looked up. No token holds
            // a space, so "according to" is two tokens, compared one by one rather than joined.
            var cue = titleCues.contains(before) || i > 1 && before == "to" && tokens[i - 2].lower == "according"
            // "Miriam Katz of Civica Research thinks": the organisation is not the person.
            let ofOrganisation = (before == "of" || before == "at" || before == "from") && i > 1 && tokens[i - 2].isCapitalized
            if !cue, end < tokens.count, !ofOrganisation {
                let next = tokens[end].lower
                if reportingVerbs.contains(next) {
                    cue = true
                } else if next == ",", end + 1 < tokens.count, appositiveCues.contains(tokens[end + 1].lower) {
                    cue = true
                } else if next == "(" || tokens[end].kind == .punctuation && Tokenizer.isCJK(tokens[end].lower.unicodeScalars.first ?? " ") {
                    // (Punctuation is one scalar, and lower-casing changes no CJK scalar nor makes one.)
                    // "Tang Jie 唐杰 (Zhipu's founder)", "Lin Junyang (Qwen)"
                    cue = true
                }
            }
            if cue {
                found.append(Mention(name: name(tokens, run, in: sentence), tokens: run))
            }
            i = end
        }
        return found
    }

    /// Capitalised name words starting at `index` (at most three), stopping at a possessive: the
    /// range of their tokens. A range, not the tokens, since it is asked at nearly every word of a
    /// document and most runs are single words that are then passed over.
    static func capitalizedRun(_ tokens: [Token], at index: Int) -> Range<Int>? {
        var i = index
        while i < tokens.count, i - index < 3 {
            guard tokens[i].isNameWord else { break }
            if i > index, !tokens[i].spaceBefore { break }
            i += 1
        }
        return i == index ? nil : index..<i
    }

    /// The words of a run of tokens joined by single spaces: the name as `capitalizedRun` found it.
    /// Built in place: most runs are one word, whose text is the name, and longer ones need no
    /// array of their words.
    static func name(_ tokens: [Token], _ run: Range<Int>, in source: String) -> String {
        guard let first = run.first else { return "" }
        var name = tokens[first].text(in: source)
        for index in run.dropFirst() {
            name += " "
            name += tokens[index].text(in: source)
        }
        return name
    }
}

extension Token {
    /// A word that can be part of a person's name: capitalised, shaped like a name (letters,
    /// hyphens, points; not all capitals: "GPU" is not), and not a word that opens sentences or
    /// names things ("The", "March", "China").
    var isNameWord: Bool {
        isWord && isCapitalized && isNameShaped && !PersonNames.notNameWords.contains(lower)
    }
}
