import ArgumentParser
import ForetellKit

extension Foretell {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Record how a question turned out: yes, no, ambiguous or annulled.",
            discussion: """
                Resolving again records a correction: the newest resolution is the outcome in
                force and the earlier ones stay in the history ('foretell show ID'). Ambiguous
                and annulled questions are left out of scores. Forecasts made after the
                resolution never count: resolve says how many there are.

                Examples:
                  foretell resolve 12 yes
                  foretell resolve 12 no --on 2026-06-30 --note "corrected: it slipped"
                  foretell resolve 7 annulled --note "the company no longer exists"
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The question's id (see 'foretell list --due').")
        var questionID: Int64

        @Argument(help: "yes, no, ambiguous or annulled.", completion: .list(Outcome.allCases.map(\.rawValue)))
        var outcome: String

        @Option(name: .long, help: "When the outcome became known: a day or an ISO 8601 timestamp (default: now).")
        var on: String?

        @Option(name: .long, help: "Why, or where the outcome is documented.")
        var note: String?

        @Option(name: .long, help: "table or json.", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "resolve")
            let outcome = try Outcome.parse(outcome)
            let resolvedOn = try on.map { text throws(InputError) in try DateInput.typedMoment(text) } ?? Moment.localNow()
            let ledger = try ledger.open(.readWrite)
            let (resolutionID, previous, late) = try ledger.write { writer in
                let previous = try writer.currentResolution(questionID: questionID)
                let id = try writer.record(NewResolution(questionID: questionID, outcome: outcome,
                                                         resolvedOn: resolvedOn, note: note))
                let resolvedAt = try writer.outcomeInForce(questionID: questionID)?.resolvedAtMilliseconds ?? resolvedOn.resolutionMilliseconds
                return (id, previous, try writer.forecastsMade(onQuestion: questionID, after: resolvedAt))
            }
            switch format {
            case .json:
                Output.out(JSONValue.object([
                    ("question_id", .int(questionID)), ("resolution_id", .int(resolutionID)),
                    ("outcome", .string(outcome.rawValue)), ("resolved_on", .string(resolvedOn.text)),
                    ("supersedes", .optional(previous?.outcome.rawValue)),
                    ("forecasts_after_resolution", .int(Int64(late))),
                ]).serialized() + "\n")
            default:
                var line = "Resolved question \(questionID): \(outcome.rawValue) on \(resolvedOn.text)"
                if let previous { line += " (corrects \(previous.outcome.rawValue) of \(previous.resolvedOn))" }
                Output.out(line + "\n")
            }
            if on != nil, let warning = InputWarnings.resolvedInFuture(resolvedOn) { Output.err(warning) }
            if late > 0 && outcome.isScored {
                Output.err("note: \(late == 1 ? "1 forecast" : "\(late) forecasts") on question \(questionID) \(late == 1 ? "is" : "are") dated after \(resolvedOn.text) and will not count in scores\n")
            }
        }
    }
}
