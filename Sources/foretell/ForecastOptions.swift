import ArgumentParser
import ForetellKit

/// What every forecast states: who, how likely, when, and an optional note (`add` and `forecast`).
struct ForecastOptions: ParsableArguments {
    @Option(name: .long, help: "Who makes the forecast.")
    var owner: String

    // Unconditional so that a mistyped negative such as -0.1 reaches our message, not "missing value".
    @Option(name: [.short, .long], parsing: .unconditional, help: "How likely the claim is: 0.2, 20% or 1:4.")
    var probability: String

    @Option(name: .long, help: "When the forecast was made: a day or an ISO 8601 timestamp (default: now).")
    var madeOn: String?

    @Option(name: .long, help: "A note kept with the forecast.")
    var note: String?

    /// The forecast on a question, validated; throws a usage error for a bad probability or time.
    func forecast(on questionID: Int64) throws -> NewForecast {
        NewForecast(questionID: questionID, owner: owner, probability: try ProbabilityInput.parseTyped(probability),
                    madeOn: try madeOnMoment(), note: note)
    }

    func madeOnMoment() throws -> Moment {
        try madeOn.map { text throws(InputError) in try DateInput.typedMoment(text) } ?? Moment.localNow()
    }
}
