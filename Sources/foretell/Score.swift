import ArgumentParser
import ForetellKit
import Foundation

extension Foretell {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Score calibration: Brier, log loss, calibration with intervals, per owner, tag and document.",
            discussion: """
                By default each owner's latest forecast made on or before the resolution
                counts once per question; --every-forecast counts every forecast;
                --time-weighted weighs each by the share of the question's whole life it
                stood, time before an owner's first forecast counting as 50%. Forecasts
                made after the resolution never count; ambiguous and annulled questions
                are left out. Backfilled forecasts (recorded after the outcome, with
                'forecast --backfill') count only with --include-backfilled. What was
                left out is listed under "Not counted", and a resolved question on which
                nothing counts is named. Owners are ranked by relative Brier (own Brier
                minus the median of everyone on the question) on --rank-min-questions or
                more shared questions; see docs/score.md for every formula.

                Examples:
                  foretell score
                  foretell score --owner me --folded      # the table to publish at year end
                  foretell score --folded-step 5          # dense data: 50-55%, 55-60%, ...
                  foretell score --tag ai --since 2025 --until 2025-06
                  foretell score --every-forecast --format json | jq .overall.brier
                  foretell score --format html --output report.html
                  foretell score --format csv > groups.csv

                CSV columns: group (overall|owner|tag|source), name, rank, n, weight,
                questions, brier, log_loss, baseline, reliability, resolution,
                uncertainty, relative_brier, shared_questions, peer_score; then one row
                per kind of forecast left out: group "excluded", name superseded,
                made_after_resolution, backfilled, void or
                resolved_without_counted_forecasts, n the forecasts, questions the
                questions. A name that starts with = + - @ or ' gets an apostrophe in
                front so that a spreadsheet shows it as text instead of running it;
                --raw writes names as they are.
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(name: .long, help: "Only this owner's forecasts; repeat for several. Relative scores still compare with everyone.")
        var owner: [String] = []

        @Option(name: .long, help: "Only questions with this tag; repeat for any of several.")
        var tag: [String] = []

        @Option(name: .long, help: "Only questions resolved on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).")
        var since: String?

        @Option(name: .long, help: "Only questions resolved on or before this day (YYYY-MM-DD, YYYY-MM or YYYY).")
        var until: String?

        @Flag(name: .long, help: "Count every forecast made on or before resolution, not only each owner's latest.")
        var everyForecast = false

        @Flag(name: .long, help: "Weigh each forecast by the share of the question's whole life it stood.")
        var timeWeighted = false

        @Flag(name: .long, help: "Add the folded table: confidence 50-100% with right and wrong counts.")
        var folded = false

        @Option(name: .long, help: ArgumentHelp(
            "Group the folded table into steps of N percentage points (50-55%, ...); implies --folded.",
            valueName: "N"))
        var foldedStep: Int?

        @Option(name: .long, help: ArgumentHelp(
            "Rank owners with at least N shared questions (default 10); the others are listed unranked.",
            valueName: "N"))
        var rankMinQuestions: Int = 10

        @Flag(name: .long, help: "Also score backfilled forecasts, recorded after their question's outcome.")
        var includeBackfilled = false

        @Option(name: .long, help: "Count open and overdue questions as of this day instead of today (YYYY-MM-DD).")
        var asOf: String?

        @Option(name: .long, help: "table, json, csv or html.", completion: OutputFormat.completion(.table, .json, .csv, .html))
        var format: OutputFormat = .table

        @Flag(name: .long, help: "csv: write names exactly, without the apostrophe that keeps a spreadsheet from running one starting with = + - @.")
        var raw = false

        @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output ('-': standard output).", valueName: "file"))
        var output: String?

        func validate() throws {
            if everyForecast && timeWeighted {
                throw ValidationError("choose one of --every-forecast and --time-weighted")
            }
            if let foldedStep, !(1...50).contains(foldedStep) {
                throw ValidationError("--folded-step takes a whole number of points from 1 to 50, not \(foldedStep)")
            }
            if rankMinQuestions < 1 {
                throw ValidationError("--rank-min-questions takes a whole number of questions, 1 or more")
            }
        }

        func run() throws {
            let format = try format.require([.table, .json, .csv, .html], command: "score")
            let options = try scoreOptions()
            let input = try ledger.open(.read).scoringInput(tags: tag)
            for name in owner where !input.owners.contains(name) {
                throw ScoringError.unknownOwner(name, known: input.owners)
            }
            for name in tag where !input.tags.contains(name) {
                throw ScoringError.unknownTag(name, known: input.tags)
            }
            let board = Scoreboard(input: input, options: options)
            let text: String
            switch format {
            case .json: text = ScoreboardRendering.json(board).serialized(pretty: true) + "\n"
            case .csv: text = ScoreboardRendering.csv(board, cells: raw ? .raw : .neutralised)
            case .html: text = ScoreboardHTML.render(board)
            default: text = ScoreboardRendering.table(board, style: output == nil || output == "-" ? .detect() : .plain)
            }
            let sink = try OutputFile(path: output, ledgerPath: ledger.path)
            sink.write(text)
            try sink.close()
            if let output, output != "-" { Output.err("wrote \(TerminalText.safe(output))\n") }
        }

        func scoreOptions() throws -> ScoreOptions {
            let rule: SelectionRule = everyForecast ? .everyForecast : timeWeighted ? .timeWeighted : .latest
            let sinceDay = try since.map { text throws(InputError) in try DateInput.periodStart(text) }
            let untilDay = try until.map { text throws(InputError) in try DateInput.deadline(text) }
            if let sinceDay, let untilDay, sinceDay > untilDay {
                throw ScoringError.emptyPeriod(since: sinceDay, until: untilDay)
            }
            let today = try asOf.map { text throws(InputError) in try DateInput.deadline(text) } ?? Day.today()
            var options = ScoreOptions(
                rule: rule, owners: owner, tags: tag, since: sinceDay, until: untilDay,
                folded: folded || foldedStep != nil, today: today, rankingMinimumQuestions: rankMinQuestions,
                foldedStep: foldedStep, includeBackfilled: includeBackfilled)
            options.daysInLocalTime = true
            return options
        }
    }
}

