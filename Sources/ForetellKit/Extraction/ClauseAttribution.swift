/// Whose view a clause states: a named person ("Brenner told reporters", "according to Ana Ruiz
/// of MIT"), a group ("analysts expect", "prediction markets gave"), or nobody named, when the
/// speaker or the author owns it; and one attribution shared by every clause of its sentence.
extension ClauseAnalysis {
    /// One attribution covers the whole sentence: in '"A cut in April is possible, but June is the
    /// base case," Brenner told reporters' and 'Osei said X, and that Y' every clause is the named
    /// source's, unless a clause names a holder of its own or is first-person ("but I think").
    static func shareAttribution(_ readings: inout [ClauseReading], tokens: [Token]) {
        guard readings.count > 1, let source = readings.firstIndex(where: { $0.reportedSubject != nil }) else { return }
        for index in readings.indices where readings[index].reportedSubject == nil {
            if let attitude = readings[index].attitude, attitude.subject != nil, !isThirdParty(tokens[attitude.subject ?? 0]) { continue }
            // The nearest clause that names a source, before or after.
            let nearest = readings.indices.filter { readings[$0].reportedSubject != nil }
                .min { abs($0 - index) < abs($1 - index) } ?? source
            readings[index].reportedSubject = readings[nearest].reportedSubject
            readings[index].reportedGroup = readings[nearest].reportedGroup
        }
    }

    static func isThirdParty(_ token: Token) -> Bool {
        let word = token.lower
        if ProbabilityPhrases.stanceSubjects.contains(word) && !["he", "she"].contains(word)
            || word.hasPrefix("i'") || word.hasPrefix("we'") { return false }
        // Roles without a name ("our CTO believes") are relayed by the speaker, who owns the
        // statement; groups are read by `groupSubject`.
        return ["he", "she"].contains(word) || token.isCapitalized && !PersonNames.notNameWords.contains(word)
            && !token.isAcronym
    }

    /// The name (or pronoun) ending at `index`: up to three capitalised words.
    static func subjectRun(_ tokens: [Token], endingAt index: Int) -> Range<Int> {
        var start = index
        while start > 0, start > index - 2, tokens[start - 1].isWord, tokens[start - 1].isCapitalized,
              !PersonNames.notNameWords.contains(tokens[start - 1].lower) {
            start -= 1
        }
        return start..<index + 1
    }

    static let closingQuotes: Set<String> = ["\"", "”", "'", "’"]
    static let firstPerson: Set<String> = ["i", "we", "i'd", "we'd", "i'm", "we're", "i'll", "we'll", "you", "one"]

    /// Someone named as the source of the clause, and the words that say so (left out of the
    /// claim): "according to Anna Weiss, chief economist at X", "Jane Roe, a climate scientist,
    /// said", "Paul Christiano says", "..., Weiss said in an interview.", "according to the European
    /// Space Agency", "Ana Ruiz of MIT said", "..., industry executives and analysts said".
    static func attribution(_ tokens: [Token], clause: Range<Int>) -> (subject: Range<Int>, drop: Range<Int>, group: Bool)? {
        for i in clause {
            // Only "according" and reporting verbs open an attribution: others are passed over on a bit.
            guard tokens[i].lower == "according" || PersonNames.reportingVerbs.contains(tokens[i].lower) else { continue }
            let word = tokens[i].lower
            if tokens[i].lower == "according", i + 2 < clause.upperBound, tokens[i + 1].lower == "to" {
                // "according to the Bank of Japan": an organisation keeps its article and its "of".
                var first = i + 2
                if tokens[first].lower == "the", first + 1 < clause.upperBound, tokens[first + 1].isCapitalized { first += 1 }
                var subject: Range<Int>
                var group = false
                if tokens[first].isCapitalized {
                    var end = first
                    while end + 1 < clause.upperBound, end < first + 5 {
                        if tokens[end + 1].isWord, tokens[end + 1].isCapitalized {
                            end += 1
                        } else if tokens[end + 1].lower == "of", end + 2 < clause.upperBound, tokens[end + 2].isCapitalized {
                            end += 2
                        } else {
                            break
                        }
                    }
                    subject = first..<end + 1
                } else if let run = groupRun(tokens, from: first, clause: clause) {
                    // "according to analysts at Fitch"
                    subject = run
                    group = true
                } else {
                    continue
                }
                // ", chief economist at Semicon Research" after the name belongs to it.
                var dropEnd = subject.upperBound
                if dropEnd + 1 < clause.upperBound, tokens[dropEnd].lower == ",",
                   PersonNames.appositiveCues.contains(tokens[dropEnd + 1].lower) || PersonNames.titleCues.contains(tokens[dropEnd + 1].lower) {
                    dropEnd += 1
                    while dropEnd < clause.upperBound, ![",", ".", ";"].contains(tokens[dropEnd].lower) { dropEnd += 1 }
                }
                // "..., who pointed to slowing wages": what the source did, not the claim.
                if dropEnd + 1 < clause.upperBound, tokens[dropEnd].lower == ",", ["who", "whose"].contains(tokens[dropEnd + 1].lower) {
                    dropEnd = clause.upperBound
                }
                var dropStart = i
                if dropStart > clause.lowerBound, tokens[dropStart - 1].lower == "," { dropStart -= 1 }
                return (subject, dropStart..<dropEnd, group)
            }
            // A reporting verb is a lower-case word: "the United States by 2028" names a country.
            guard PersonNames.reportingVerbs.contains(tokens[i].lower), !tokens[i].isCapitalized, i > clause.lowerBound else { continue }
            // ', said Maria Gonzalez, a political scientist.' / '," said Maria Gonzalez.'
            var q = i - 1
            while q > clause.lowerBound, closingQuotes.contains(tokens[q].lower) { q -= 1 }
            if ["said", "says", "added", "adds", "told", "wrote", "writes", "warned", "warns", "noted", "argued"].contains(word),
               tokens[q].lower == "," || closingQuotes.contains(tokens[i - 1].lower),
               i + 1 < clause.upperBound, tokens[i + 1].isCapitalized, !PersonNames.notNameWords.contains(tokens[i + 1].lower) {
                var end = i + 1
                while end + 1 < clause.upperBound, end < i + 3, tokens[end + 1].isWord, tokens[end + 1].isCapitalized { end += 1 }
                // Drop from the punctuation that ends the claim (',"' or '”,').
                var from = i
                while from > clause.lowerBound, ([","] + closingQuotes).contains(tokens[from - 1].lower) { from -= 1 }
                return (i + 1..<end + 1, from..<clause.upperBound, false)
            }
            var s = i - 1
            while s > clause.lowerBound, ["also", "further", "now", "then", "has", "had", "have", "once", "recently", "reportedly",
                                          "still", "widely", "generally"].contains(tokens[s].lower) { s -= 1 }
            // "Jane Roe, a climate scientist at Oxford, said": step over the appositive.
            if tokens[s].lower == ",", let open = Range(from: max(clause.lowerBound, s - 14), upTo: s).last(where: { tokens[$0].lower == "," }),
               open > clause.lowerBound, tokens[open - 1].isCapitalized {
                s = open - 1
            }
            let subject = tokens[s]
            guard !firstPerson.contains(subject.lower), !subject.lower.hasPrefix("i'"), !subject.lower.hasPrefix("we'") else { continue }
            var run: Range<Int>?
            var group = false
            if let opening = groupSubject(tokens, endingAt: s, clause: clause) {
                // "Prediction markets gave ...", "Many analysts have forecast ...": a group that
                // opens the clause holds the view it reports.
                var end = i + 1
                if end < clause.upperBound, tokens[end].lower == "that" { end += 1 }
                return (opening, opening.lowerBound..<end, true)
            } else if ["he", "she"].contains(subject.lower) {
                run = s..<s + 1
            } else if let person = personBefore(tokens, organisationEndingAt: s, from: clause.lowerBound) {
                // "Ana Ruiz of MIT said"
                run = person
            } else if subject.isWord, subject.isCapitalized, !PersonNames.notNameWords.contains(subject.lower),
                      !subject.isAcronym {
                run = subjectRun(tokens, endingAt: s)
            } else if let found = groupRunEnding(tokens, at: s, clause: clause) {
                // ", industry executives and analysts said": a group named after the claim.
                run = found
                group = true
            }
            if let run {
                // Subject first ("Weiss said (that) X"): the frame runs to the verb. A tail after the
                // claim (", Weiss said in an interview") runs to the end of the clause.
                // A tail: the verb ends the clause ("..., analysts at Fitch warned") or the subject
                // follows a comma or closing quote. Drop from that comma to the end.
                let tail = (i + 1..<clause.upperBound).allSatisfy { tokens[$0].kind == .punctuation }
                if tail || run.lowerBound > clause.lowerBound && ([","] + closingQuotes).contains(tokens[run.lowerBound - 1].lower) {
                    var from = run.lowerBound
                    while from > clause.lowerBound, from > run.lowerBound - 6, tokens[from - 1].lower != "," { from -= 1 }
                    if from > clause.lowerBound, tokens[from - 1].lower == "," { from -= 1 } else if !tail { from = run.lowerBound }
                    while from > clause.lowerBound, ([","] + closingQuotes).contains(tokens[from - 1].lower) { from -= 1 }
                    if from > clause.lowerBound { return (run, from..<clause.upperBound, group) }
                }
                // A group is an owner only where it is named after the claim it reports.
                if group { continue }
                var end = i + 1
                if end < clause.upperBound, tokens[end].lower == "that" { end += 1 }
                return (run, run.lowerBound..<end, false)
            }
            // ", said Smith."
            if ["said", "says"].contains(word), i + 1 < clause.upperBound, tokens[i + 1].isCapitalized, tokens[s].lower == "," {
                var end = i + 1
                while end + 1 < clause.upperBound, end < i + 3, tokens[end + 1].isWord, tokens[end + 1].isCapitalized { end += 1 }
                return (i + 1..<end + 1, s..<clause.upperBound, false)
            }
        }
        return nil
    }

    /// "Ana Ruiz of MIT", "Miriam Katz of Civica Research", "Jo Li at Fitch": the person named
    /// before "of", "at" or "from" and an organisation ending at `end`.
    static func personBefore(_ tokens: [Token], organisationEndingAt end: Int, from lower: Int) -> Range<Int>? {
        guard end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized else { return nil }
        var k = end
        while k > lower, k > end - 4, tokens[k].isWord, tokens[k].isCapitalized { k -= 1 }
        guard k > lower, ["of", "at", "from"].contains(tokens[k].lower) else { return nil }
        let name = tokens[k - 1]
        guard name.isWord, name.isCapitalized, !PersonNames.notNameWords.contains(name.lower), !name.isAcronym,
              k - 2 >= lower, tokens[k - 2].isWord, tokens[k - 2].isCapitalized else { return nil }
        return subjectRun(tokens, endingAt: k - 1)
    }

    /// Nouns for groups that hold views: "analysts", "executives", "bookmakers", "the committee",
    /// "prediction markets", "superforecasters".
    static let groupNouns: Set<String> = [
        "analysts", "executives", "economists", "officials", "experts", "investors", "traders", "researchers",
        "scientists", "forecasters", "bookmakers", "pollsters", "strategists", "observers", "insiders", "bankers",
        "lawmakers", "regulators", "diplomats", "sources", "people", "policymakers", "markets", "market",
        "committee", "participants", "members", "staff", "superforecasters", "bettors", "punters", "dealers",
        "respondents", "panel", "board", "commentators", "pundits", "experts",
    ]

    /// Words that stand for a group on their own when they open a clause: "Some believe ...",
    /// "Many expect ...".
    static let groupQuantifiers: Set<String> = ["some", "many", "most", "others", "few"]

    /// The group that holds a view, as the subject opening a clause: a group noun with the words
    /// before it that belong to it ("Prediction markets", "Many analysts and currency dealers",
    /// "the committee"), or a quantifier alone ("Some"). Nil where the words before the noun run
    /// into a stance or another clause ("I think analysts ...": the speaker holds that view).
    static func groupSubject(_ tokens: [Token], endingAt end: Int, clause: Range<Int>) -> Range<Int>? {
        guard end >= clause.lowerBound, end < tokens.count, tokens[end].isWord else { return nil }
        let word = tokens[end].lower
        func opensClause(_ index: Int) -> Bool {
            index == clause.lowerBound || tokens[index - 1].kind == .punctuation && !tokens[index - 1].isGluedDash
        }
        if groupQuantifiers.contains(word) { return opensClause(end) ? end..<end + 1 : nil }
        guard groupNouns.contains(word) else { return nil }
        var start = end
        while start > clause.lowerBound, start > end - 5, tokens[start - 1].isWord, !opensClause(start),
              !groupStops.contains(tokens[start - 1].lower), !PersonNames.reportingVerbs.contains(tokens[start - 1].lower),
              !ProbabilityPhrases.phraseStarts.contains(tokens[start - 1].lower) || groupQuantifiers.contains(tokens[start - 1].lower)
                || ["the", "all", "both", "several", "other", "our", "their"].contains(tokens[start - 1].lower) {
            start -= 1
        }
        return opensClause(start) ? start..<end + 1 : nil
    }

    /// Words a group's phrase never reaches back over: they belong to a clause around it.
    static let groupStops: Set<String> = [
        "i", "we", "you", "he", "she", "they", "it", "that", "if", "when", "because", "while", "whether", "as", "than",
        "said", "says", "think", "believe", "expect", "is", "are", "was", "were", "be", "to", "of", "for", "with", "by",
    ]

    /// A group phrase ending in a group noun at `end`, walking back over lower-case words to a comma:
    /// ", industry executives and analysts said".
    static func groupRunEnding(_ tokens: [Token], at end: Int, clause: Range<Int>) -> Range<Int>? {
        guard groupNouns.contains(tokens[end].lower) else { return nil }
        var start = end
        while start > clause.lowerBound, start > end - 6, tokens[start - 1].isWord, !tokens[start - 1].isCapitalized {
            start -= 1
        }
        guard start > clause.lowerBound, tokens[start - 1].lower == "," else { return nil }
        return start..<end + 1
    }

    /// A group phrase starting at `start` ("analysts at Fitch" keeps only "analysts").
    static func groupRun(_ tokens: [Token], from start: Int, clause: Range<Int>) -> Range<Int>? {
        var end = start
        while end < clause.upperBound, end < start + 4, tokens[end].isWord, !tokens[end].isCapitalized {
            if groupNouns.contains(tokens[end].lower) { return start..<end + 1 }
            end += 1
        }
        return nil
    }
}
