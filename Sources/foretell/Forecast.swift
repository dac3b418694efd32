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

                Examples:
                  foretell forecast 12 --owner Ana --probability 35%
                  foretell forecast 12 --owner me -p 0.25 --made-on 2026-03-01T09:30:00+01:00
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The question's id (see 'foretell list').")
        var questionID: Int64

        @OptionGroup var forecast: ForecastOptions

        @Option(name: .long, help: "table or json.")
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "forecast")
            let newForecast = try forecast.forecast(on: questionID)
            let ledger = try ledger.open(.readWrite)
            let (forecastID, resolution) = try ledger.write { writer in
                (try writer.record(newForecast), try writer.currentResolution(questionID: questionID))
            }
            switch format {
            case .json:
                Output.out(JSONValue.object([("question_id", .int(questionID)), ("forecast_id", .int(forecastID))]).serialized() + "\n")
            default:
                Output.out("Recorded forecast \(forecastID) on question \(questionID): \(TerminalText.safe(newForecast.owner)) \(formatPercent(newForecast.probability))\n")
            }
            if let resolution {
                Output.err("note: question \(questionID) is already resolved (\(resolution.outcome.rawValue) on \(resolution.resolvedOn)); a forecast made after that never counts in scores\n")
            }
        }
    }
}
