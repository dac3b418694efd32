import ArgumentParser
import ForetellKit

extension Foretell {
    struct Forecast: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forecast",
            abstract: "Record a forecast on an existing question: another owner's, or an update.",
            discussion: """
                Nothing is overwritten: an update is a new forecast, and scores use each
                owner's latest forecast made on or before the resolution (see
                'foretell score --help').

                Once a question's outcome is recorded, a forecast dated on or before it would
                count with hindsight, and is refused. --backfill records it anyway, marked as
                backfilled: 'show' and the exports say so, and scores leave it out unless
                'foretell score --include-backfilled'.

                Examples:
                  foretell forecast 12 --owner Ana --probability 35%
                  foretell forecast 12 --owner me -p 0.25 --made-on 2026-03-01T09:30:00+01:00
                  foretell forecast 12 --owner Bo -p 60% --made-on 2026-01-10 --backfill
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The question's id (see 'foretell list').")
        var questionID: Int64

        @OptionGroup var forecast: ForecastOptions

        @Flag(name: .long, help: "Record a forecast dated before an outcome already recorded, marked as backfilled.")
        var backfill = false

        @Option(name: .long, help: "table or json.", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "forecast")
            var newForecast = try forecast.forecast(on: questionID)
            let ledger = try ledger.open(.readWrite)
            var ownerNote: String?
            let (forecastID, inForce) = try ledger.write { writer in
                // "Now" is when it is recorded, not when this process began to wait for the
                // ledger: a resolution another process recorded meanwhile came first.
                if forecast.madeOn == nil { newForecast.madeOn = Moment.localNow() }
                // A forecast made now, in the same second as the resolution, was made after it
                // was recorded: not hindsight. Only an outcome dated later than now (or a forecast
                // dated back) would let it count.
                let madeAt = newForecast.madeOn.milliseconds + (forecast.madeOn == nil ? 1 : 0)
                if let known = try writer.outcomeKnown(questionID: questionID, before: madeAt) {
                    guard backfill else {
                        throw HindsightRefused(questionID: questionID, madeOn: newForecast.madeOn.text, known: known)
                    }
                    newForecast.backfilled = true
                }
                ownerNote = InputWarnings.ownerCaseNote(newForecast.owner, lookalikes: try writer.ownersDifferingOnlyInCase(from: newForecast.owner))
                return (try writer.record(newForecast), try writer.outcomeInForce(questionID: questionID))
            }
            switch format {
            case .json:
                Output.out(JSONValue.object([
                    ("question_id", .int(questionID)), ("forecast_id", .int(forecastID)), ("backfilled", .bool(newForecast.backfilled)),
                ]).serialized() + "\n")
            default:
                Output.out("Recorded \(newForecast.backfilled ? "backfilled " : "")forecast \(forecastID) on question \(questionID): \(TerminalText.safe(newForecast.owner)) \(formatPercent(newForecast.probability))\n")
            }
            if let ownerNote { Output.err(ownerNote) }
            if forecast.madeOn != nil, let warning = InputWarnings.madeOnInFuture(newForecast.madeOn) { Output.err(warning) }
            if let inForce {
                let state = "question \(questionID) is resolved (\(inForce.outcome.rawValue) on \(inForce.resolvedOn))"
                if newForecast.backfilled {
                    Output.err("note: \(state): this forecast is backfilled and left out of scores unless 'foretell score --include-backfilled'\n")
                } else if newForecast.madeOn.milliseconds > inForce.resolvedAtMilliseconds {
                    Output.err("note: \(state): this forecast is dated after that, so it does not count in scores\n")
                }
            }
            if backfill && !newForecast.backfilled {
                Output.err("note: no outcome of question \(questionID) was recorded before this forecast's date, so it is not backfilled: it counts as usual\n")
            }
        }
    }
}
