import ArgumentParser
import ForetellKit

extension Foretell {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the whole ledger out: every forecast with its owner, time, outcome and source.",
            discussion: """
                csv: the canonical CSV, one row per forecast (and one more per extra source),
                  with the columns question_id, claim, owner, probability, made_on, deadline,
                  outcome, resolved_on, tags, source, quote. 'foretell import --from csv' reads
                  it back; into an empty ledger it gives the same rows. A text that starts
                  with = + - @ (a spreadsheet would run it as a formula) or ' is written with
                  an apostrophe in front, which import removes; --raw writes texts as they are.
                json: every question with its whole history (forecasts, sources, resolution
                  events): the backup; 'foretell import --from json' restores it into an
                  empty ledger.
                ics: open questions' deadlines as all-day calendar events (RFC 5545) with a
                  reminder that morning; subscribe to or import the file so that a calendar
                  reminds you to resolve them. Exporting again updates the same events.

                Examples:
                  foretell export > ledger.csv
                  foretell export --format json --output backup.json
                  foretell export --format ics --output ~/deadlines.ics
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(name: .long, help: "csv, json or ics.", completion: OutputFormat.completion(.csv, .json, .ics))
        var format: OutputFormat = .csv

        @Flag(name: .long, help: "csv: write every text exactly, without the apostrophe that keeps a spreadsheet from running a cell starting with = + - @ as a formula.")
        var raw = false

        @Option(name: [.short, .long], help: "Write to this file instead of standard output ('-': standard output).")
        var output: String?

        func run() throws {
            let format = try format.require([.csv, .json, .ics], command: "export")
            let sink = try OutputFile(path: output, ledgerPath: ledger.path)
            let ledger = try ledger.open(.read)
            switch format {
            case .json:
                try QuestionJSON.export(ledger, write: sink.write)
            case .ics:
                try CalendarExport.ics(ledger, write: sink.write)
            default:
                try CanonicalCSV.export(ledger, cells: raw ? .raw : .neutralised, write: sink.write)
            }
            try sink.close()
        }
    }
}
