/// Turns a forecast clause into a claim: the proposition someone could later resolve, without the
/// speaker's stance or hedges (those are the probability), with relative dates pinned down.
///
/// "So I believe that in 2026, such a paradigm will definitely emerge." becomes "In 2026, such a
/// paradigm will emerge"; "Tasks confined to screens may be solved this year" becomes "Tasks
/// confined to screens will be solved this year (2026)". "I don't think X will" becomes "X will
/// not", as the reference says: the negated stance is a stance on the opposite claim.
enum ClaimBuilder {
    private static let discourse: Set<String> = [
        "so", "and", "but", "also", "well", "yes", "honestly", "personally", "actually", "frankly",
        "basically", "now", "then", "still", "anyway", "indeed", "really", ",", "—", "–", "-", ":",
        "overall", "again", "therefore", "thus", "hence", "ultimately", "okay", "ok", "oh", "right",
        // Enumerations: "First, ...", "Third, ...".
        "first", "second", "third", "fourth", "fifth", "finally", "lastly", "secondly", "thirdly", "firstly",
    ]
    private static let hedgeAdverbs: Set<String> = [
        "probably", "definitely", "certainly", "possibly", "maybe", "perhaps", "likely", "surely",
        "undoubtedly", "conceivably",
    ]
    private static let modals: Set<String> = ["may", "might", "could"]
    /// Words before a number named as a chance: "a nearly 50% chance", "only a 10% probability".
    private static let chanceLeads: Set<String> = ["a", "an", "nearly", "about", "around", "roughly", "only", "just", "almost", "some"]

    static func claim(_ sentence: String, tokens: [Token], reading: ClauseReading) -> String {
        var skip = Set<Int>()
        let clause = reading.range
        // The stance frame ("I truly believe that", "It's possible that") and attributions.
        if let frame = reading.frame { for i in frame where clause.contains(i) { skip.insert(i) } }
        for i in reading.dropped where clause.contains(i) { skip.insert(i) }
        // Hedging adverbs and their modifiers: the probability carries them.
        var replace: [Int: String] = [:]
        for degree in reading.degrees where degree.entry.role == .degree {
            // "is (un)likely to", "are expected to", "is bound to": the claim says "will".
            if let to = degree.phrase.upperBound < tokens.count && tokens[degree.phrase.upperBound].lower == "to"
                ? degree.phrase.upperBound : (degree.words.last == "to" ? degree.phrase.upperBound - 1 : nil),
               let copula = Range(from: max(clause.lowerBound, degree.span.lowerBound - 3), upTo: degree.span.lowerBound).last(where: {
                   ["is", "are", "'s", "was", "be", "seems", "seem", "looks", "remains", "remain"].contains(tokens[$0].lower)
                       || tokens[$0].lower.hasSuffix("'s") && tokens[$0].lower != "it's" && tokens[$0].lower != "that's"
               }), degree.span.lowerBound - copula <= 2 {
                for i in Range(from: copula, upTo: to + 1) { skip.insert(i) }
                if tokens[copula].lower.hasSuffix("'s"), tokens[copula].lower.count > 2 {
                    // "market's likely to" keeps "market".
                    replace[copula] = String(tokens[copula].text(in: sentence).dropLast(2)) + " will"
                    skip.remove(copula)
                } else {
                    replace[to] = "will"
                    skip.remove(to)
                }
                continue
            }
            guard degree.words.count <= 2, degree.words.contains(where: hedgeAdverbs.contains) else { continue }
            if let likely = degree.phrase.first(where: { tokens[$0].lower == "likely" }), !isAdverbialLikely(tokens, at: likely) { continue }
            for i in degree.span where !ProbabilityPhrases.isNegation(tokens[i]) { skip.insert(i) }
        }
        // A reason given after the claim is not part of it, with its adverb ("mostly because").
        var end = clause.upperBound
        for i in clause where tokens[i].lower == "because" || tokens[i].lower == "since" && i > clause.lowerBound + 3
            && tokens[i - 1].lower == "," {
            end = i
            while end > clause.lowerBound + 1, ["mostly", "partly", "largely", "mainly", "simply", "just", "only", "probably", "precisely", "in", "part"].contains(tokens[end - 1].lower) {
                end -= 1
            }
            break
        }
        // A comment on the claim after it (", which would change the maths") is not part of it.
        if let time = reading.time, let which = Range(from: time.tokens.upperBound, upTo: end).first(where: {
            $0 > clause.lowerBound && tokens[$0].lower == "which" && tokens[$0 - 1].lower == ","
        }) {
            end = which - 1
        }
        // ", I think" at the end.
        if let attitude = reading.attitude, attitude.phrase.lowerBound > clause.lowerBound + 3,
           let subject = attitude.subject, subject > clause.lowerBound, tokens[subject - 1].lower == ",",
           Range(from: attitude.phrase.upperBound, upTo: clause.upperBound).allSatisfy({ tokens[$0].kind == .punctuation }) {
            end = min(end, subject - 1)
        }
        // A number set after the claim ("...: 60%", "(80% confident)", "- 85%") goes with it.
        if let number = reading.numeric, number.span.lowerBound > clause.lowerBound + 2 {
            var from = number.span.lowerBound
            if from > clause.lowerBound, [":", "(", "[", ",", "=", "-", "–", "—"].contains(tokens[from - 1].lower) { from -= 1 }
            var to = number.span.upperBound
            while to < clause.upperBound, ["confident", "sure", "certain", "chance", "probability", "likely", ")", "]"].contains(tokens[to].lower) { to += 1 }
            if Range(from: to, upTo: clause.upperBound).allSatisfy({ tokens[$0].kind == .punctuation }) { end = min(end, from) }
        }
        // "the odds of X at two in three", "the probability that X is 20%": the claim is X.
        if let number = reading.numeric, let noun = Range(from: clause.lowerBound, upTo: number.span.lowerBound).first(where: {
            VerbalScale.probabilityNouns.contains(tokens[$0].lower) && $0 + 1 < number.span.lowerBound && ["of", "that"].contains(tokens[$0 + 1].lower)
        }), let link = Range(from: noun + 2, upTo: number.span.lowerBound).last(where: { ["at", "is", "are", "was", ":"].contains(tokens[$0].lower) }), link > noun + 2 {
            for i in Range(from: clause.lowerBound, upTo: noun + 2) { skip.insert(i) }
            end = min(end, link)
        }
        var start = clause.lowerBound
        // "X by 2030 will be small: my best guess is a 10–20% chance that it exceeds 5%": the
        // claim is what the chance is of, with what "it" is as context.
        var context: String?
        if let number = reading.numeric, number.namedAsProbability,
           let colon = Range(from: clause.lowerBound, upTo: number.span.lowerBound).last(where: { [":", ";"].contains(tokens[$0].lower) }),
           colon > clause.lowerBound, reading.frame.map({ $0.upperBound <= colon }) ?? true {
            var that = number.span.upperBound
            while that < end, that < number.span.upperBound + 2, VerbalScale.probabilityNouns.contains(tokens[that].lower) { that += 1 }
            if that + 1 < end, tokens[that].lower == "that" {
                if ["it", "they", "this", "that", "it's"].contains(tokens[that + 1].lower) {
                    context = tidy(tokens.text(in: sentence, from: clause.lowerBound, to: colon - 1))
                }
                for i in Range(from: clause.lowerBound, upTo: that + 1) { skip.insert(i) }
            }
        }
        // "gave Trump a nearly 50% chance of winning", "puts a 30% probability on": the claim is
        // who and what the chance is of ("Trump winning"), without the number and its noun.
        if context == nil, let number = reading.numeric, number.namedAsProbability {
            var noun = number.span.upperBound
            while noun < end, VerbalScale.probabilityNouns.contains(tokens[noun].lower) { noun += 1 }
            var article = number.span.lowerBound
            while article > clause.lowerBound, chanceLeads.contains(tokens[article - 1].lower) { article -= 1 }
            if noun > number.span.upperBound, noun + 1 < end, ["of", "that"].contains(tokens[noun].lower),
               article > clause.lowerBound, tokens[article - 1].isWord {
                // "I'd give it a 30% chance that X": all of it frames X.
                let pointsBack = ["it", "this", "that", "them"].contains(tokens[article - 1].lower)
                skip.formUnion((pointsBack ? clause.lowerBound : article)...noun)
            }
        }
        // "Looking ahead, we expect ...": a lead-in, not part of the claim.
        if start + 2 < end, tokens[start].lower == "looking", tokens[start + 1].lower == "ahead" {
            skip.formUnion(start..<start + 2)
        }
        while start < end, skip.contains(start) || discourse.contains(tokens[start].lower)
                || tokens[start].lower == "that's" && start + 1 < end && tokens[start + 1].lower == "why"
                || tokens[start].lower == "why" && start > clause.lowerBound && tokens[start - 1].lower == "that's" {
            start += 1
        }

        // "I expect most code to be written by AI" → "most code will be written by AI".
        if let attitude = reading.attitude, let frame = reading.frame, attitude.span.upperBound == frame.upperBound,
           let to = Range(from: frame.upperBound, upTo: min(end, frame.upperBound + 7)).first(where: { tokens[$0].lower == "to" }),
           !Range(from: frame.upperBound, upTo: to).contains(where: { ["will", "won't", "that", "would", ","].contains(tokens[$0].lower) || tokens[$0].lower.hasSuffix("'ll") }),
           to > frame.upperBound, to + 1 < end, tokens[to + 1].isWord {
            replace[to] = "will"
            // "I expect them to drop" → "they will drop".
            let objects = ["them": "they", "him": "he", "her": "she", "us": "we", "me": "I"]
            if to == frame.upperBound + 1, let subject = objects[tokens[frame.upperBound].lower] { replace[frame.upperBound] = subject }
        } else if let attitude = reading.attitude, let frame = reading.frame, let subject = attitude.subject,
                  attitude.span.upperBound == frame.upperBound, frame.upperBound + 1 < end, tokens[frame.upperBound].lower == "to",
                  tokens[frame.upperBound + 1].isWord, ["we", "i", "they", "he", "she"].contains(tokens[subject].lower) {
            // "we expect to open the hub by Q3" → "We will open the hub by Q3".
            replace[frame.upperBound] = tokens[subject].text(in: sentence) + " will"
            skip.remove(frame.upperBound)
        }
        // "2026 is the year of agents" → "2026 will be the year of agents".
        if let copula = reading.presentCopula, clause.contains(copula) {
            replace[copula] = tokens[copula].lower == "'s" ? " will be" : "will be"
        }
        var pieces = ""
        for i in Range(from: start, upTo: end) where !skip.contains(i) {
            var word = replace[i] ?? tokens[i].text(in: sentence)
            if modals.contains(tokens[i].lower), reading.degrees.contains(where: { $0.entry.role == .modal && $0.phrase.contains(i) }) {
                word = tokens[i].isCapitalized ? "Will" : "will"
            }
            if !pieces.isEmpty, tokens[i].spaceBefore || skipBefore(i, skip) { pieces += " " }
            pieces += word
            if let time = reading.time, time.tokens.upperBound - 1 == i, let note = annotation(time) {
                pieces += " " + note
            }
        }
        var text = tidy(pieces)
        if reading.negatedStance { text = negate(text) }
        if let context, !context.isEmpty, !text.isEmpty { text += " (re: " + context + ")" }
        return text
    }

    /// "will likely win": an adverb; "is likely to win", "likely that": an adjective, kept.
    private static func isAdverbialLikely(_ tokens: [Token], at index: Int) -> Bool {
        let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
        return !["to", "that", ".", ",", ""].contains(next)
    }

    private static func skipBefore(_ index: Int, _ skip: Set<Int>) -> Bool {
        index > 0 && skip.contains(index - 1)
    }

    /// "(2026)" for "this year", "(by 2031-01-10)" for "in three to five years": relative times are
    /// pinned to dates so that the claim stands on its own.
    static func annotation(_ time: TimeMention) -> String? {
        guard time.isRelative, let deadline = time.deadline else { return nil }
        if time.kind == .point, let earliest = time.earliest ?? Day(year: deadline.year, month: 1, day: 1),
           earliest.month == 1, earliest.day == 1, deadline.month == 12, deadline.day == 31, earliest.year == deadline.year {
            return "(\(deadline.year))"
        }
        if let earliest = time.earliest { return "(\(earliest) to \(deadline))" }
        if time.kind == .notBefore { return "(not before \(deadline))" }
        return "(by \(deadline))"
    }

    /// Collapses space, removes space before punctuation, trims stray punctuation at the ends,
    /// balances a leading quote, capitalises the first letter. One pass over the scalars, then
    /// work at the two ends only.
    static func tidy(_ raw: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            let s: Unicode.Scalar = scalar == "\n" ? " " : scalar
            // No space before , . ; : ? ! and no run of spaces.
            if s == " ", scalars.last == " " { continue }
            switch s {
            case ",", ".", ";", ":", "?", "!": if scalars.last == " " { scalars.removeLast() }
            default: break
            }
            scalars.append(s)
        }
        var low = 0
        var high = scalars.count
        func trim() {
            while low < high, isStrip(scalars[low]) { low += 1 }
            while high > low, isStrip(scalars[high - 1]) { high -= 1 }
        }
        trim()
        // A quotation mark left without its partner once the frame is cut ("I think there's ...,"
        // Weiss said) goes too.
        for (open, close) in [("\"", "\""), ("“", "”"), ("‘", "’")] as [(Unicode.Scalar, Unicode.Scalar)] {
            let opens = scalars[low..<high].filter { $0 == open }.count
            let closes = open == close ? 0 : scalars[low..<high].filter { $0 == close }.count
            if open == close, opens % 2 == 1 {
                if low < high, scalars[low] == open { low += 1 } else if high > low, scalars[high - 1] == open { high -= 1 }
            } else if open != close, opens != closes {
                if opens > closes, low < high, scalars[low] == open { low += 1 }
                if closes > opens, high > low, scalars[high - 1] == close { high -= 1 }
            }
            trim()
        }
        // Encoded in one go: appending scalars to a string one by one costs far more.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((high - low) * 2)
        for scalar in scalars[low..<high] { UTF8.encode(scalar) { bytes.append($0) } }
        var text = String(decoding: bytes, as: UTF8.self)
        if let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        return text
    }

    /// White space (CharacterSet.whitespaces: spaces and tabs) and the marks a claim never starts
    /// or ends with.
    private static func isStrip(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator || ",;:.-–—…".unicodeScalars.contains(scalar)
    }

    /// The opposite claim: "X will happen" → "X will not happen".
    static func negate(_ claim: String) -> String {
        let tokens = Tokenizer.tokenize(claim)
        for (i, token) in tokens.enumerated() {
            let word = token.lower
            let replacement: String?
            switch word {
            case "will", "is", "are", "would", "does", "do", "has", "have", "was":
                if i + 1 < tokens.count, tokens[i + 1].lower == "not" {
                    // "will not" → "will": drop the "not".
                    let notRange = tokens[i + 1].range
                    var text = claim
                    text.replaceSubrange(claim.index(before: notRange.lowerBound)..<notRange.upperBound, with: "")
                    return text
                }
                replacement = token.text(in: claim) + " not"
            case "won't": replacement = "will"
            case "can": replacement = "cannot"
            case "can't", "cannot": replacement = "can"
            default:
                if word.hasSuffix("'ll") {
                    replacement = token.text(in: claim).dropLast(3) + " will not"
                } else {
                    replacement = nil
                }
            }
            if let replacement {
                var text = claim
                text.replaceSubrange(token.range, with: replacement)
                return text
            }
        }
        return "Not: " + claim
    }

    /// Modals in a question's proposition read as "will": "could be Chinese" → "will be Chinese".
    static func normaliseModals(_ text: String) -> String {
        let tokens = Tokenizer.tokenize(text)
        var result = text
        for token in tokens.reversed() where modals.contains(token.lower) {
            let next = tokens.firstIndex(of: token).map { $0 + 1 } ?? tokens.count
            guard next < tokens.count, tokens[next].isWord, tokens[next].lower != "have" else { continue }
            result.replaceSubrange(token.range, with: token.isCapitalized ? "Will" : "will")
        }
        return result
    }
}

import Foundation
