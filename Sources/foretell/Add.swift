import ArgumentParser
import ForetellKit

extension Foretell {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Log a new prediction: a question and its owner's first forecast.",
            discussion: """
                Probabilities: 0.2, 20% or odds 1:4 (a bare 20 is refused as ambiguous).
                Deadlines: 2026-12-31, 2026-06 (end of June) or 2026 (end of the year).

                Examples:
                  foretell add "Rust 2.0 is released" --owner me -p 20% --deadline 2027
                  foretell add "Rain in Paris on 14 July" --owner Ana -p 0.35 \\
                      --deadline 2026-07-14 --tag weather
                  foretell add "..." --owner me -p 70% --deadline 2026-12 \\
                      --made-on 2026-01-10 --format json
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The claim: a statement that will turn out true or false.")
        var claim: String

        @OptionGroup var forecast: ForecastOptions

        @Option(name: .long, help: "When it resolves: YYYY-MM-DD, YYYY-MM or YYYY.")
        var deadline: String

        @Option(name: .long, help: "Not expected before this day: YYYY-MM-DD, YYYY-MM or YYYY.")
        var earliest: String?

        @Option(name: .long, help: "A tag for grouping scores; repeat for several.")
        var tag: [String] = []

        @Option(name: .long, help: "table or json.", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "add")
            let first = try forecast.forecast(on: 0)
            let deadline = try DateInput.deadline(deadline)
            let earliest = try earliest.map { text throws(InputError) in try DateInput.deadline(text) }
            let ledger = try ledger.open(.readWrite)
            var warnings = [InputWarnings.madeOnInFuture(first.madeOn), InputWarnings.deadlineBeforeMadeOn(deadline: deadline, madeOn: first.madeOn)]
            let (questionID, forecastID) = try ledger.write { writer in
                let questionID = try writer.record(NewQuestion(
                    claim: claim, deadline: deadline, earliest: earliest,
                    openedAtMilliseconds: first.madeOn.milliseconds, tags: tag))
                // Checked after the first write, so that the transaction holds the write lock
                // before it reads: reading first raced other processes creating the ledger.
                if let existing = try writer.questionIDs(claim: claim, deadline: deadline).first(where: { $0 != questionID }) {
                    throw DuplicateQuestion(questionID: existing, owner: first.owner, probability: forecast.probability)
                }
                warnings.append(InputWarnings.ownerCaseNote(first.owner, lookalikes: try writer.ownersDifferingOnlyInCase(from: first.owner)))
                var forecast = first
                forecast.questionID = questionID
                return (questionID, try writer.record(forecast))
            }
            for warning in warnings.compactMap({ $0 }) { Output.err(TerminalText.safe(warning, keepingLineBreaks: true)) }
            switch format {
            case .json:
                Output.out(JSONValue.object([("question_id", .int(questionID)), ("forecast_id", .int(forecastID))]).serialized() + "\n")
            default:
                Output.out("Added question \(questionID): \(TerminalText.safe(first.owner)) \(formatPercent(first.probability)) by \(deadline) (forecast \(forecastID))\n")
            }
        }
    }
}
