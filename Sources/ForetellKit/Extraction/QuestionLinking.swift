/// The proposition a question asks about, so that a bare answer ("I think it's 20%.", "Probably
/// still OpenAI.") can be turned into a claim someone could resolve.
struct QuestionFrame: Equatable {
    enum Kind: Equatable {
        /// "what's the probability that X", "how likely is it that X"
        case probability
        /// "do you think (that) X"
        case belief
        /// "is it possible that X"
        case possibility
        /// "which company is most likely to X": the answer names the subject.
        case which
        /// "Will X?"
        case yesNo
        /// A statement asked as a question: "Red Sea traffic returns to 2023 levels by Q3 2027?",
        /// "But scheduled service in a European city by 2028?"
        case statement
    }

    var kind: Kind
    /// The proposition asked about; for a which-question, the predicate the answer completes.
    var proposition: String
    /// A condition or time frame stated before the question proper ("If a new paradigm emerges in
    /// 2027,", "Three to five years from now,").
    var prefix: String
    /// The question as asked, without a leading name of address.
    var question: String
    /// The deadline the question sets, if any.
    var time: TimeMention?

    var asksProbability: Bool { kind == .probability }

    /// The claim a bare answer makes: the proposition, or for a which-question the named answer
    /// put in place of "which company".
    func claim(entity: String?) -> String? {
        switch kind {
        case .which:
            guard let entity, !entity.isEmpty else { return nil }
            return join(prefix, entity + " " + proposition)
        default:
            return join(prefix, proposition)
        }
    }

    private func join(_ prefix: String, _ body: String) -> String {
        prefix.isEmpty ? body : prefix + " " + body
    }
}

/// Reads the proposition out of a question.
enum QuestionLinking {
    private static let verbsOfBelief: Set<String> = [
        "think", "believe", "expect", "see", "reckon", "feel", "imagine", "predict", "anticipate", "say",
    ]
    private static let auxiliaries: Set<String> = [
        "is", "are", "will", "has", "have", "can", "could", "would", "might", "may", "do", "does", "did",
        "'s", "was", "were", "should", "shall",
    ]
    private static let yesNoStarts: Set<String> = ["will", "can", "could", "would", "is", "are", "does", "do", "should", "won't", "isn't"]
    private static let conditionStarts: Set<String> = ["if", "when", "once", "assuming", "suppose", "supposing", "should"]

    /// "do you think", "would they say": auxiliaries that open a question about a belief.
    private static let beliefAuxiliaries: Set<String> = ["do", "does", "would", "did"]

    /// Besides probability nouns, the words the tests of `frame` can start on.
    static let frameOpeners: Set<String> = ["how", "is", "which", "who", "what", "do", "does", "would", "did"]

    static func frame(_ text: String, reference: Day?) -> QuestionFrame? {
        frame(text, tokens: Tokenizer.tokenize(text), reference: reference)
    }

    /// The same, from the tokens of `text` when the sentence pass made them already.
    static func frame(_ text: String, tokens: [Token], reference: Day?) -> QuestionFrame? {
        guard !tokens.isEmpty else { return nil }
        let times = TimeExpressions.find(in: tokens, reference: reference)
        let time = times.first { $0.setsDeadline }
        // A leading name of address: "Junyang, how likely ...".
        var begin = 0
        if let comma = tokens.prefix(4).firstIndex(where: { $0.lower == "," }), comma > 0,
           tokens[0..<comma].allSatisfy({ $0.isWord && $0.isCapitalized }),
           !["what", "which", "how", "who", "do", "does", "will", "is", "are", "yes", "so", "and", "but", "now", "okay", "well"].contains(tokens[0].lower) {
            begin = comma + 1
        }
        // A lead-in ending in a colon: "Next: is this the year ...", "Last question: will ...".
        if let colon = tokens[begin...].prefix(4).firstIndex(where: { $0.lower == ":" }), colon + 1 < tokens.count,
           tokens[begin..<colon].allSatisfy({ $0.isWord }) {
            begin = colon + 1
        }
        let question = tokens.text(in: text, from: begin, to: tokens.count - 1)

        var kind: QuestionFrame.Kind?
        var topic: String?
        var frameStart = begin
        var propositionStart = begin
        var i = begin
        search: while i < tokens.count {
            let word = tokens[i].lower
            // Every test below needs a probability noun or one of these words here.
            // A bit each (`frameOpeners`), where nine string comparisons were made for every word.
            if !VerbalScale.probabilityNouns.contains(tokens[i].lower), !frameOpeners.contains(tokens[i].lower) {
                i += 1
                continue search
            }
            let next = i + 1 < tokens.count ? tokens[i + 1].lower : ""
            // Each token passes these tests: class bits and sets, as an array literal is built anew
            // for every look.
            if VerbalScale.probabilityNouns.contains(tokens[i].lower), next == "that" || next == "of" {
                kind = .probability
                frameStart = i
                propositionStart = i + 2
                // "the probability of China leading": keep the gerund phrase as the proposition.
                break search
            }
            // "what's the chance the merger closes by ...": the clause follows the noun directly.
            if VerbalScale.probabilityNouns.contains(tokens[i].lower), i > 0, tokens[i - 1].lower == "the", i + 1 < tokens.count,
               ["the", "a", "an", "we", "it", "they", "this", "our", "china", "any"].contains(next) || tokens[i + 1].isCapitalized {
                kind = .probability
                frameStart = i
                propositionStart = i + 1
                break search
            }
            if word == "how", next == "likely" {
                kind = .probability
                frameStart = i
                var j = i + 2
                for frame in [["is", "it", "that"], ["is", "it"], ["do", "you", "think", "that"], ["do", "you", "think"],
                              ["would", "you", "say"], ["do", "you", "believe"], ["is"], ["are"]] where TimeExpressions.matches(tokens, at: j, frame) {
                    j += frame.count
                    break
                }
                propositionStart = j
                break search
            }
            if beliefAuxiliaries.contains(word), ["you", "they", "he", "she", "people"].contains(next),
               i + 2 < tokens.count, verbsOfBelief.contains(tokens[i + 2].lower) {
                kind = .belief
                frameStart = i
                propositionStart = i + 3
                if propositionStart < tokens.count, tokens[propositionStart].lower == "that" { propositionStart += 1 }
                break search
            }
            if word == "is", next == "it", i + 2 < tokens.count,
               ["possible", "likely", "realistic", "plausible", "conceivable"].contains(tokens[i + 2].lower) {
                kind = .possibility
                frameStart = i
                propositionStart = i + 3
                if propositionStart < tokens.count, tokens[propositionStart].lower == "that" { propositionStart += 1 }
                break search
            }
            if word == "which" || word == "who" || word == "what" && i + 1 < tokens.count && tokens[i + 1].isWord
                && !["do", "does", "is", "are", "'s", "would", "will", "should", "can", "kind", "about"].contains(next) {
                // The wh-phrase runs to the first auxiliary or belief frame.
                var j = i + 1
                while j < tokens.count, j - i <= 5, !auxiliaries.contains(tokens[j].lower), tokens[j].kind != .punctuation {
                    j += 1
                }
                guard j < tokens.count, j - i <= 5, auxiliaries.contains(tokens[j].lower) else { i += 1; continue }
                frameStart = i
                // "which company do you think has ...": drop the belief frame.
                if ["do", "would"].contains(tokens[j].lower), j + 2 < tokens.count, tokens[j + 1].lower == "you",
                   verbsOfBelief.contains(tokens[j + 2].lower) {
                    j += 3
                }
                kind = .which
                propositionStart = j
                break search
            }
            i += 1
        }
        if kind == nil {
            // "Will China lead by 2030?", "And ITER — will it reach first plasma before 2030?": a
            // yes/no question from its auxiliary, after an optional conjunction and topic.
            var j = begin
            while j < tokens.count, ["and", "so", "but", "now", "okay", "ok", "well", "then", "also"].contains(tokens[j].lower) { j += 1 }
            var topicEnd: Int?
            if let dash = tokens[j...].prefix(6).firstIndex(where: { $0.isDash && !$0.isGluedDash || $0.lower == "," }),
               dash > j, tokens[j..<dash].allSatisfy({ $0.isWord }),
               dash + 1 < tokens.count, yesNoStarts.contains(tokens[dash + 1].lower) {
                topicEnd = dash
            }
            let aux = topicEnd.map { $0 + 1 } ?? j
            if aux < tokens.count, yesNoStarts.contains(tokens[aux].lower) {
                kind = .yesNo
                frameStart = aux
                propositionStart = aux
                if let topicEnd {
                    topic = tokens.text(in: text, from: j, to: topicEnd - 1)
                }
            } else if time != nil, isStatement(tokens, from: j) {
                kind = .statement
                frameStart = j
                propositionStart = j
            } else {
                return nil
            }
        }
        guard let kind, propositionStart < tokens.count else { return nil }

        // The proposition ends at "?" or at an aside to the listener ("— if you had to name one").
        var end = tokens.count - 1
        var k = propositionStart
        while k < tokens.count {
            let word = tokens[k].lower
            if word == "?" { end = k - 1; break }
            if tokens[k].isDash && !tokens[k].isGluedDash || word == "," {
                let rest = tokens[(k + 1)...].prefix(8).map(\.lower)
                if rest.contains("you") || rest.contains("your") {
                    end = k - 1
                    break
                }
            }
            k += 1
        }
        while end >= propositionStart, tokens[end].kind == .punctuation, !["\"", "”", "'", "’", ")", "]"].contains(tokens[end].lower) { end -= 1 }
        guard end >= propositionStart else { return nil }
        if kind == .statement {
            while propositionStart < end, ["and", "but", "so", "or", "then", "also"].contains(tokens[propositionStart].lower) {
                propositionStart += 1
            }
        }
        var proposition = tokens.text(in: text, from: propositionStart, to: end)
        if kind == .yesNo {
            proposition = invert(tokens, from: propositionStart, to: end, text: text)
            if let topic { proposition = topic + ": " + proposition }
        }

        // A condition or time frame before the question proper belongs to the claim.
        var prefix = ""
        if frameStart > begin {
            var from: Int?
            for j in begin..<frameStart where conditionStarts.contains(tokens[j].lower) && j == begin
                || conditionStarts.contains(tokens[j].lower) && (j > 0 && [",", "—", "–", "-", ".", ":"].contains(tokens[j - 1].lower)) {
                from = j
                break
            }
            if from == nil, let t = times.first(where: { $0.tokens.lowerBound >= begin && $0.tokens.upperBound <= frameStart }) {
                from = t.tokens.lowerBound
            }
            if let from {
                // The prefix ends at the last comma or dash before the question proper ("If X
                // emerges in 2027, which ..."), else with the time expression ("Looking ahead 3 to
                // 5 years what is ...").
                var last: Int?
                for j in stride(from: frameStart - 1, to: from, by: -1)
                where [",", ":", ";"].contains(tokens[j].lower) || tokens[j].isDash && !tokens[j].isGluedDash || tokens[j].lower == "—" {
                    last = j - 1
                    break
                }
                if last == nil, let t = times.first(where: { $0.tokens.lowerBound == from }) { last = t.tokens.upperBound - 1 }
                if var last {
                    while last >= from, tokens[last].kind == .punctuation, tokens[last].lower != ")" { last -= 1 }
                    if last >= from { prefix = tokens.text(in: text, from: from, to: last) + "," }
                }
            }
        }
        return QuestionFrame(kind: kind, proposition: proposition, prefix: prefix, question: question, time: time)
    }

    /// Words that open questions or asides rather than statements.
    private static let questionOpeners: Set<String> = [
        "what", "which", "who", "whom", "whose", "why", "how", "when", "where", "whether", "any", "anything",
        "is", "are", "was", "were", "do", "does", "did", "can", "could", "would", "should", "will", "shall",
        "may", "might", "have", "has", "had", "isn't", "aren't", "don't", "doesn't", "won't", "really", "right",
        "okay", "ok", "yes", "no", "so", "you", "your", "or",
    ]

    /// A statement put as a question, with something to resolve by a time it names: at least three
    /// words, no question word or "you" anywhere ("But once you scale, how much ...?"), not only a
    /// name of address ("Tobias?").
    private static func isStatement(_ tokens: [Token], from start: Int) -> Bool {
        let words = tokens[start...].filter { $0.isWord || $0.isNumber }
        guard words.count >= 3, words.count <= 40, let first = words.first, !questionOpeners.contains(first.lower),
              !words.contains(where: { ["what", "which", "who", "why", "how", "whether", "you", "your", "if"].contains($0.lower) })
        else { return false }
        return !words.allSatisfy { $0.isCapitalized }
    }

    /// "Will the leading AI company be Chinese" → "the leading AI company will be Chinese": the
    /// auxiliary moves after the subject, which ends before the first bare verb.
    /// Common English verbs in their base form (a lexicon, not a rule for any one document).
    private static let baseVerbs: Set<String> = [
        "accept", "add", "adopt", "affect", "agree", "allow", "announce", "appear", "apply", "approve",
        "ask", "attract", "avoid", "ban", "become", "break", "bring", "buy", "call", "cause", "challenge",
        "charge", "choose", "claim", "climb", "collapse", "compete", "complete", "connect", "consider",
        "contain", "control", "convert", "crash", "cross", "cut", "decide", "decline", "default", "defeat",
        "demonstrate", "deploy", "design", "destroy", "die", "disappear", "discover", "displace", "do",
        "earn", "elect", "eliminate", "employ", "enable", "enter", "escape", "establish", "expand",
        "experience", "face", "fall", "find", "finish", "fix", "fly", "force", "form", "gain", "give",
        "handle", "happen", "help", "hire", "hold", "impose", "improve", "include", "increase", "invade",
        "invest", "join", "kill", "land", "last", "learn", "leave", "let", "lift", "limit", "list", "live",
        "manage", "match", "merge", "miss", "open", "operate", "outperform", "overcome", "own", "pay",
        "perform", "pick", "play", "power", "prove", "provide", "publish", "pull", "push", "put", "raise",
        "receive", "recover", "reduce", "regain", "regulate", "reject", "remove", "report", "resign",
        "resolve", "return", "reverse", "run", "sell", "send", "serve", "settle", "show", "shrink", "shut",
        "sign", "slow", "speak", "spend", "split", "spread", "stop", "supply", "support", "survive", "switch",
        "tell", "think", "top", "trade", "train", "transform", "try", "understand", "unveil", "use", "vote",
        "want", "work", "write", "clear", "fold", "drive", "walk", "fit", "outpace", "overtake", "rank",
        "install", "score", "sell", "hit", "order", "build", "finish", "ship", "cut", "raise", "lower",
    ]
    private static let commonVerbs: Set<String> = [
        "be", "have", "become", "see", "lead", "win", "happen", "reach", "replace", "take", "get", "overtake",
        "surpass", "make", "achieve", "arrive", "emerge", "come", "go", "stay", "remain", "keep", "beat", "hit",
        "exceed", "fall", "rise", "grow", "pass", "launch", "release", "ship", "build", "solve", "catch", "close",
        "end", "start", "begin", "continue", "succeed", "fail", "collapse", "dominate", "produce", "create",
        "develop", "deliver", "need", "require", "cost", "drop", "double", "change", "move", "turn", "lose",
    ]

    private static func invert(_ tokens: [Token], from start: Int, to end: Int, text: String) -> String {
        let aux = tokens[start].text(in: text).lowercased()
        var verb: Int?
        // "Is this the year ...", "Is there a chance ...": a pronoun is the whole subject.
        if ["is", "are", "was", "were", "isn't"].contains(aux), start + 2 <= end,
           ["this", "that", "it", "there", "these", "those", "they", "he", "she", "we"].contains(tokens[start + 1].lower) {
            verb = start + 2
        }
        var j = start + 1
        while verb == nil, j <= end {
            if baseVerbs.contains(tokens[j].lower) || commonVerbs.contains(tokens[j].lower) || tokens[j].lower == "not" { verb = j; break }
            j += 1
        }
        // "Will the US install ...", "Will Dario Mendes score ...": a name is the subject and the
        // lower-case word after it the verb.
        if verb == nil {
            var k = start + 1
            if k <= end, tokens[k].lower == "the" { k += 1 }
            let nameStart = k
            while k <= end, tokens[k].isWord, tokens[k].isCapitalized { k += 1 }
            if k > nameStart, k <= end, tokens[k].isWord, !tokens[k].isCapitalized { verb = k }
        }
        // "Will GitHub still be": the adverb stays after "will".
        if let found = verb, found > start + 2, ["still", "ever", "really", "actually", "finally", "also", "even"].contains(tokens[found - 1].lower) {
            let subject = tokens.text(in: text, from: start + 1, to: found - 2)
            return subject + " " + aux + " " + tokens.text(in: text, from: found - 1, to: end)
        }
        // Without a verb we know, the question itself is the claim: it resolves yes or no.
        guard let verb, verb > start + 1 else { return tokens.text(in: text, from: start, to: end) + "?" }
        let subject = tokens.text(in: text, from: start + 1, to: verb - 1)
        let rest = tokens.text(in: text, from: verb, to: end)
        return subject + " " + aux + " " + rest
    }
}
