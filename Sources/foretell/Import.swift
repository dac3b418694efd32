import ArgumentParser
import ForetellKit
import Foundation

extension Foretell {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring forecasts in: from documents, foretell's CSV, or PredictionBook, Fatebook and Metaculus exports.",
            discussion: """
                Everything is imported in one transaction: all of it lands or none of it does.
                Importing the same file again adds nothing, and a newer export of the same
                account adds only what is new. Invalid rows are skipped and listed with their
                line numbers in the summary; with --strict any invalid row fails the whole
                import and nothing is written. A file whose rows were all skipped exits 1.

                --from documents      interviews, articles, transcripts (.txt, .md, folders):
                                      forecasts are extracted (see 'foretell extract') and
                                      stored with their quotes; the same forecast in two
                                      documents is one forecast with two sources
                --from csv            foretell's own CSV (see 'foretell export')
                --from predictionbook forecasts.csv of the PredictionBook archive (or its
                                      folder); titles come from questions.csv beside it
                --from fatebook       the CSV Fatebook exports
                --from metaculus      the folder of a Metaculus data export, holding
                                      question_data.csv and forecast_data.csv
                --from json           a backup made by 'foretell export --format json',
                                      restored whole (ids, notes, corrections, recorded
                                      times) into an empty ledger

                Without --from, a .csv file is read as foretell's CSV, a .json file as a
                backup, and folders, .txt and .md files and files without an extension as
                documents; anything else (a .pdf, an .rtf) is refused.

                Examples:
                  foretell import seeds/
                  foretell import interview.txt --date 2026-01-10 --dry-run
                  foretell import --from csv ledger.csv
                  foretell --db restored.sqlite import backup.json
                  foretell import --from predictionbook predictionbook/forecasts.csv
                  foretell import --from fatebook fatebook-forecasts.csv --dry-run
                  foretell import --from metaculus metaculus-export/ --format json
                  foretell import --engine llm --llm-model llama3.2 interview.md

                --engine, --llm-url, --llm-model and --no-cache choose how documents are
                read, as for 'foretell extract'; each stored quote records the engine and
                model that found it ('foretell show' prints them).
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "Files (for metaculus, export folders) to import.")
        var paths: [String]

        @Option(name: .long, help: "What the files are: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: by name).")
        var from: ImportFormat?

        @Option(name: .long, help: "For documents that do not say when they were written: YYYY-MM-DD.")
        var date: String?

        @Flag(name: .long, help: "Say what would be added without writing anything.")
        var dryRun = false

        @Flag(name: .long, help: "Fail the whole import, writing nothing, if any row would be skipped.")
        var strict = false

        @Option(name: .long, help: "table or json (the summary).", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        @OptionGroup var engineOptions: EngineOptions

        func validate() throws {
            if paths.isEmpty { throw ValidationError("name at least one file to import") }
        }

        func run() throws {
            let format = try format.require([.table, .json], command: "import")
            let documentDate = try date.map { text throws(InputError) in try DateInput.deadline(text) }
            let status = ModelStatusLine()
            let engines = try engineOptions.engines(status: status)
            let formats = try paths.map { path in try from ?? ImportFormat.guess(path) }
            var inputs = try zip(paths, formats).map { path, format in
                try format.open(path, documentDate: documentDate, engines: engines)
            }
            let ledger = try ledger.open(.readWrite)
            // The slow part (reading documents, waiting for a language model) before the write
            // transaction, so that the ledger's other writers do not wait for it.
            for index in inputs.indices {
                let progress = ProgressBar(label: "reading \(inputs[index].source)", total: inputs[index].totalBytes)
                // Erased on failure too, so that the error starts its own line.
                defer { progress.finish(); status.clear() }
                try inputs[index].prepare(reading: ledger, progress: progress.update)
            }
            // A backup keeps each event's recorded time, which imports' batched statements cannot.
            let summaries = try ledger.write(commit: !dryRun, bulk: !formats.contains(.json)) { writer in
                try inputs.indices.map { index in
                    let progress = ProgressBar(label: "importing \(inputs[index].source)", total: inputs[index].totalBytes)
                    var summary = try inputs[index].run(into: &writer, progress: progress.update)
                    progress.finish()
                    summary.dryRun = dryRun
                    // Thrown inside the transaction, so nothing of this import is written.
                    if strict && !summary.skipped.isEmpty {
                        throw ImportRefused(source: summary.source, skipped: summary.skipped, strict: true)
                    }
                    return summary
                }
            }
            switch format {
            case .json:
                let value: JSONValue = summaries.count == 1 ? summaries[0].json : .array(summaries.map(\.json))
                Output.out(value.serialized(pretty: true) + "\n")
            default:
                for summary in summaries { Output.out(summary.text()) }
            }
            // A file whose rows were all refused is a failure a script must see, not a quiet "0 added".
            if let refused = summaries.first(where: \.everyRowSkipped) {
                throw ImportRefused(source: refused.source, skipped: refused.skipped, strict: false)
            }
        }
    }
}

extension ImportFormat: ExpressibleByArgument {}
