/// The conversation a transcript's answers refer to: the questions of each turn, framed once,
/// and the question a bare answer ("I'd say 30%.") responds to.
extension DocumentPass {
    /// A question of the conversation, with the tokens its sentence was read with.
    struct Question {
        let text: String
        let tokens: [Token]
        /// `text`'s hash, taken once: a question is looked up in `FrameCache` at the end of its turn
        /// and again by each answer, and hashing a whole sentence each time cost more than framing.
        let textHash: Int

        init(text: String, tokens: [Token]) {
            self.text = text
            self.tokens = tokens
            textHash = text.hashValue
        }
    }

    /// A new speaker: the finished turn's questions are the ones the next answers respond to.
    mutating func endTurn(reference: Day?) {
        let asked = turnQuestions
        var asksSomething = false
        for question in asked where frame(question, reference: reference) != nil {
            asksSomething = true
            break
        }
        if asksSomething {
            openQuestions = turnQuestions
            openAsker = turnSpeaker
            turnsSinceAsked = 0
        } else {
            turnsSinceAsked += 1
            // A question left unanswered for long is no longer the one being answered.
            if turnsSinceAsked > 6 { openQuestions = [] }
        }
        previousQuestions = turnQuestions
        turnQuestions = []
    }

    /// Questions are read once each, however often an answer looks back at them. Room for a
    /// few dozen from the start: growing the table hashes every question in it again.
    final class FrameCache {
        struct Key: Hashable {
            let reference: Day?
            let question: String
            /// `question.hashValue`, given by the caller (see `Question.textHash`).
            let questionHash: Int

            static func == (a: Key, b: Key) -> Bool {
                a.questionHash == b.questionHash && a.reference == b.reference && a.question == b.question
            }

            func hash(into hasher: inout Hasher) {
                hasher.combine(reference)
                hasher.combine(questionHash)
            }
        }
        var frames = [Key: QuestionFrame?](minimumCapacity: 32)
    }

    /// A question of the conversation is framed from the tokens its sentence was read with,
    /// rather than tokenised again.
    mutating func frame(_ question: Question, reference: Day?) -> QuestionFrame? {
        frame(question.text, hash: question.textHash, tokens: question.tokens, reference: reference)
    }

    mutating func frame(_ question: String, reference: Day?) -> QuestionFrame? {
        frame(question, hash: question.hashValue, tokens: nil, reference: reference)
    }

    mutating func frame(_ question: String, hash: Int, tokens: [Token]?, reference: Day?) -> QuestionFrame? {
        let key = FrameCache.Key(reference: reference, question: question, questionHash: hash)
        if let known = frameCache.frames[key] { return known }
        let found = if let tokens {
            QuestionLinking.frame(question, tokens: tokens, reference: reference)
        } else {
            QuestionLinking.frame(question, reference: reference)
        }
        frameCache.frames[key] = .some(found)
        return found
    }

    /// The question a bare or anaphoric answer responds to: the question just before it in the
    /// same turn ("Will it happen by 2030? I'd say 30%."), else one from the previous speaker's
    /// turn, latest first, preferring a question that asks for a probability when the answer is
    /// one and a which-question when the answer is a name; for a bare answer, else the question
    /// still open from an earlier turn.
    mutating func linkedQuestion(for reading: ClauseReading, previous: String?, speaker: String?, reference: Day?,
                                stillOpen: Bool = false) -> QuestionFrame? {
        if let previous, isQuestion(previous), let frame = frame(previous, reference: reference) {
            return frame
        }
        // In a transcript the answer responds to the other speaker's turn; in an article the
        // author answers a question of their own a few lines up ("How likely is X by 2100?
        // Estimates: - Paul Christiano says 10 - 20%").
        // A few recent questions are enough, and keep a long turn from making this quadratic.
        let ownRecent = Array(turnQuestions.suffix(3).reversed())
        let asked = Array(previousQuestions.suffix(8).reversed())
        let candidates = speaker == nil ? ownRecent + asked : asked + ownRecent
        var frames: [QuestionFrame] = []
        for candidate in candidates {
            if let found = frame(candidate, reference: reference) { frames.append(found) }
        }
        if frames.isEmpty, stillOpen, openAsker != .some(speaker) {
            let open = Array(openQuestions.suffix(8).reversed())
            for candidate in open {
                if let found = frame(candidate, reference: reference) { frames.append(found) }
            }
        }
        guard !frames.isEmpty else { return nil }
        if case .entity = reading.shape, let which = frames.first(where: { $0.kind == .which }) { return which }
        let probabilistic = reading.numeric != nil || reading.degrees.contains { match in
            match.words.contains { VerbalScale.probabilityNouns.contains($0) || $0.hasPrefix("likel") || $0 == "probably" }
        } || reading.attitude != nil && reading.shape == .bare
        if probabilistic, let asked = frames.first(where: { $0.asksProbability }) { return asked }
        return frames.first { $0.kind != .which } ?? frames.first
    }
}
