/// What probability a verbal expression stands for, from published scales.
///
/// The values are those of the table in `shared/reference/extraction.md` (Kent 1964, ICD 203, IPCC,
/// Mauboussin's survey, and the perceptions survey whose raw answers are in
/// `shared/data/perceptions/probly.csv`; medians from that file are noted where they set a value).
/// Entries the reference marks as placeholders say so. Modified forms not in the table ("truly
/// believe", "quite high") are derived by the modifier rule in `ProbabilityPhrases`, following
/// Mosteller & Youtz (1990): "very" moves a phrase about half-way towards 0 or 100.
public struct VerbalEntry: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// An adverb, adjective or noun phrase about the event: "probably", "unlikely", "little chance".
        case degree
        /// may / might / could: a weak degree that also marks the future.
        case modal
        /// A stance of the speaker towards a proposition: "I think", "we expect", "I'm confident".
        case attitude
    }

    public let value: Double
    public let low: Double
    public let high: Double
    public let role: Role

    init(_ value: Double, _ low: Double, _ high: Double, _ role: Role = .degree) {
        self.value = value
        self.low = low
        self.high = high
        self.role = role
    }
}

enum VerbalScale {
    /// Phrases as lowercase word sequences (glued hyphens are skipped when matching, so "toss-up"
    /// is ["toss", "up"]). Matched longest first.
    static let phrases: [[String]: VerbalEntry] = {
        var table: [[String]: VerbalEntry] = [:]
        func add(_ phrases: [String], _ entry: VerbalEntry) {
            for phrase in phrases { table[phrase.split(separator: " ").map(String.init)] = entry }
        }
        // Certain: Mauboussin "certainly" 98; reference 97 (95-100).
        add(["certainly", "definitely", "no doubt", "without doubt", "without a doubt", "for sure",
             "bound to", "undoubtedly", "surely will"], VerbalEntry(0.97, 0.95, 1.0))
        // Almost certain: Kent 93 +/- 6; perceptions "Almost Certainly" median 95.
        add(["almost certain", "almost certainly", "nearly certain", "nearly certainly", "almost surely",
             "all but certain"], VerbalEntry(0.93, 0.87, 0.99))
        add(["virtually certain", "virtually certainly"], VerbalEntry(0.99, 0.99, 1.0))  // IPCC
        add(["extremely likely"], VerbalEntry(0.95, 0.95, 1.0))  // IPCC
        // Perceptions "Highly Likely" median 90; ICD 203 80-95.
        add(["highly likely", "very likely", "highly probable", "very probable", "most probably"],
            VerbalEntry(0.90, 0.80, 0.95))
        add(["very good chance", "very good odds", "excellent chance"], VerbalEntry(0.80, 0.75, 0.85))  // perceptions median 80
        // Mauboussin "with high probability" 80.
        add(["high probability", "high likelihood", "high chance", "strong chance", "strong likelihood"],
            VerbalEntry(0.80, 0.75, 0.90))
        // Kent probable 75 +/- 12; perceptions "Probably" median 75, "Likely" 70; ICD 55-80.
        add(["probably", "probable", "most likely"], VerbalEntry(0.75, 0.55, 0.80))
        add(["likely", "likely to"], VerbalEntry(0.70, 0.55, 0.80))
        add(["expected to"], VerbalEntry(0.70, 0.60, 0.80))  // "is expected to": as "expect"
        // The passive of forecasting verbs, as news and reports write them: "a cut is (widely)
        // expected tomorrow", "a follow-up cut is anticipated next week": as "expect".
        add(["expected", "anticipated", "projected", "predicted"], VerbalEntry(0.70, 0.60, 0.80))
        // Serious possibility: Mauboussin; Kent 65-35.
        add(["serious possibility", "real possibility", "distinct possibility", "strong possibility",
             "real chance", "good chance", "decent chance", "fair chance", "real shot", "good shot"],
            VerbalEntry(0.65, 0.45, 0.80))
        // Perceptions "Better Than Even" median 60; IPCC ">50%".
        add(["better than even", "more likely than not", "better than 50 50", "better than fifty fifty",
             "better than even odds"], VerbalEntry(0.60, 0.51, 0.66))
        // A one-name answer to "which is most likely" names the favourite: read as better than even
        // (no published number: placeholder).
        add(["highest probability", "highest chance", "best chance", "highest likelihood", "best odds",
             "the favourite", "the favorite"], VerbalEntry(0.60, 0.50, 0.70))
        // Kent 50 +/- 10; ICD roughly even 45-55; perceptions "About Even" median 50.
        add(["about even", "roughly even", "50 50", "fifty fifty", "toss up", "coin flip", "coin toss",
             "even odds", "even chance", "even money", "evens"], VerbalEntry(0.50, 0.45, 0.55))
        add(["maybe", "perhaps"], VerbalEntry(0.50, 0.40, 0.50))  // Mauboussin
        add(["possibly", "possible", "conceivably", "conceivable", "a possibility"], VerbalEntry(0.40, 0.25, 0.50))
        add(["might", "may", "could"], VerbalEntry(0.40, 0.20, 0.50, .modal))  // Mauboussin "might happen"
        // Kent probably not 30 +/- 10; perceptions "Probably Not" median 26.5 (25 in the reference).
        add(["doubtful", "probably not", "likely not"], VerbalEntry(0.25, 0.15, 0.35))
        // ICD 20-45; IPCC 0-33; Mauboussin 20; perceptions "Unlikely" median 20.
        add(["unlikely", "improbable", "low probability", "low chance", "low likelihood", "small chance",
             "small probability"], VerbalEntry(0.20, 0.10, 0.33))
        // Perceptions "Little Chance" median 15, "Chances Are Slight" median 10; reference 10.
        add(["little chance", "slight chance", "slim chance", "chances are slight", "chances are slim",
             "long odds", "long shot", "a long shot"], VerbalEntry(0.10, 0.05, 0.20))
        add(["very unlikely"], VerbalEntry(0.10, 0.05, 0.20))  // Mosteller: half-way from 20 to 0
        // Perceptions "Highly Unlikely" median 5; ICD 5-20.
        add(["highly unlikely", "extremely unlikely", "very improbable", "highly improbable"],
            VerbalEntry(0.05, 0.02, 0.10))
        // ICD 203 "remote" 1-5; perceptions "Almost No Chance" median 2.
        add(["almost no chance", "virtually no chance", "remote chance", "remote possibility",
             "chances are remote", "almost impossible", "nearly impossible", "virtually impossible"],
            VerbalEntry(0.02, 0.01, 0.05))
        add(["no chance", "impossible"], VerbalEntry(0.01, 0.0, 0.02))  // below "remote": placeholder

        // Stances. "We/I believe" 75 (perceptions "We Believe" median 70, reference 75); "I'm
        // confident" 75; "very confident" 85 and "expect" 70 and "I think ... will" 65 are the
        // reference's placeholders; "we doubt" 25 (perceptions "We Doubt" median 25).
        add(["believe", "believes", "convinced"], VerbalEntry(0.75, 0.65, 0.85, .attitude))
        add(["confident"], VerbalEntry(0.75, 0.65, 0.85, .attitude))
        add(["very confident"], VerbalEntry(0.85, 0.80, 0.90, .attitude))
        add(["expect", "expects", "anticipate", "anticipates", "predict", "predicts", "forecast",
             "forecasts", "bet", "bets"], VerbalEntry(0.70, 0.60, 0.80, .attitude))
        add(["think", "thinks", "reckon", "reckons"], VerbalEntry(0.65, 0.55, 0.75, .attitude))
        add(["suspect", "suspects", "guess", "feel", "feels"], VerbalEntry(0.60, 0.50, 0.70, .attitude))
        add(["doubt", "doubts"], VerbalEntry(0.25, 0.15, 0.35, .attitude))
        // Optimism about an outcome reads as "expect" (placeholder); "sure" as half-way from
        // "confident" to certain (placeholder).
        add(["optimistic", "hopeful"], VerbalEntry(0.70, 0.60, 0.80, .attitude))
        add(["pessimistic"], VerbalEntry(0.30, 0.20, 0.40, .attitude))
        add(["sure", "certain"], VerbalEntry(0.90, 0.80, 0.97, .attitude))
        return table
    }()

    static let longestPhrase = phrases.keys.map(\.count).max() ?? 1

    /// Words before a phrase that strengthen or weaken it, as a fraction of the distance to move:
    /// positive towards the nearer extreme, negative towards even.
    static let modifiers: [String: Double] = [
        "very": 0.5, "really": 0.5, "truly": 0.5, "highly": 0.5, "so": 0.5, "super": 0.5,
        "absolutely": 0.5, "incredibly": 0.5, "strongly": 0.5, "firmly": 0.5, "genuinely": 0.5,
        "extremely": 0.75, "quite": 0.25, "pretty": 0.25, "fairly": -0.25, "somewhat": -0.25,
        "rather": -0.25, "reasonably": -0.25, "moderately": -0.25, "cautiously": -0.25,
    ]

    /// Applies a modifier of the given strength to a value.
    static func modify(_ value: Double, by strength: Double) -> Double {
        if strength < 0 { return value + (-strength) * (0.5 - value) }
        return value >= 0.5 ? value + strength * (1 - value) : value - strength * value
    }

    /// Adjectives that grade a probability noun: "the probability is (very) high", "chances are good".
    static let probabilityLevels: [String: VerbalEntry] = [
        "high": VerbalEntry(0.80, 0.75, 0.90), "large": VerbalEntry(0.80, 0.75, 0.90),
        "big": VerbalEntry(0.80, 0.75, 0.90), "strong": VerbalEntry(0.80, 0.75, 0.90),
        "good": VerbalEntry(0.65, 0.45, 0.80), "decent": VerbalEntry(0.65, 0.45, 0.80),
        "real": VerbalEntry(0.65, 0.45, 0.80), "fair": VerbalEntry(0.55, 0.45, 0.65),
        "low": VerbalEntry(0.20, 0.10, 0.33), "small": VerbalEntry(0.20, 0.10, 0.33),
        "slight": VerbalEntry(0.10, 0.05, 0.20), "slim": VerbalEntry(0.10, 0.05, 0.20),
        "tiny": VerbalEntry(0.05, 0.02, 0.10), "remote": VerbalEntry(0.02, 0.01, 0.05),
    ]

    static let probabilityNouns: Set<String> = [
        "probability", "chance", "chances", "likelihood", "odds", "possibility",
    ]
}
