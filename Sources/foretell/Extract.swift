import ArgumentParser
import ForetellKit
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find forecasts in documents and print them (writes nothing).",
        discussion: """
            Reads .txt and .md files, and folders of them (recursively), and prints each
            forecast: who made it, the claim, the probability (stated, or read from words
            like "highly likely"), when it was made, the deadline, and the exact quote with
            its line number.

            Examples:
              foretell extract interview.md
              foretell extract --format jsonl seeds/ > forecasts.jsonl
              foretell extract --date 2025-06-01 notes.txt
              foretell extract --format csv talk.md > review.csv
              foretell import --from csv review.csv
              foretell extract --explain talk.md

            --format csv prints the rows of the canonical CSV (the header of export, with
            an empty question_id): delete or edit rows, then load them with import.
            --explain says, under each forecast, which block it came from and where its
            owner, probability, made_on and deadline were taken from.

            When a forecast was made comes from the document: front matter (date:), a Date:
            header, or a sentence dating the event ("On January 10, 2026, at the ...
            summit"). --date gives it for documents that do not say; without either,
            made_on is null and a warning names the file.

            --engine llm asks a language model you already run (Ollama, llama.cpp's
            server, vLLM, or an API with $FORETELL_LLM_API_KEY), over the OpenAI
            chat-completions protocol; --engine both merges it with the rules. Every
            answer is checked against the document: a quote that is not in it, a
            probability its words do not give, an owner it does not name are dropped
            (--explain lists them). Answers are cached under $XDG_CACHE_HOME/foretell.
              foretell extract --engine llm --llm-model llama3.2 interview.md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, json, csv
    }

    @Argument(help: "Documents (.txt, .md) or folders of them.")
    var paths: [String]

    @Option(help: "The date the documents were written (YYYY-MM-DD), for documents that do not say.")
    var date: String?

    @Option(help: "Output format: table, jsonl (one JSON object a line), json or csv (for import --from csv).")
    var format: Format = .table

    @OptionGroup var engineOptions: EngineOptions

    @Flag(help: "Say where each forecast and its fields came from (table, jsonl and json); with --engine llm, list on stderr the model's answers the checks dropped.")
    var explain = false

    func run() throws {
        let defaultDate = try date.map { try DateInput.moment($0).day }
        let status = ModelStatusLine()
        let engines = try engineOptions.engines(status: status)
        let listing = try DocumentReader.list(paths)
        for warning in listing.warnings { Output.problem("warning: \(warning)") }
        let named = Set(paths)
        let showProgress = isatty(STDERR_FILENO) != 0 && listing.files.count > 1
        var all: [ExtractedForecast] = []
        if format == .csv { Output.out(CSVWriter.line(CanonicalCSV.columns)) }
        for (number, path) in listing.files.enumerated() {
            if showProgress { Output.err("\r\u{1B}[K[\(number + 1)/\(listing.files.count)] \(TerminalText.safe(path))") }
            // The text is let go once its paragraphs are made: a large document's bytes are not
            // held twice while it is read.
            let document: Document
            do {
                document = Document(source: path, text: try DocumentReader.read(path))
            } catch {
                // A file found inside a folder is skipped; one named on the command line is an error.
                guard !named.contains(path) else {
                    if showProgress { Output.err("\r\u{1B}[K") }
                    throw error
                }
                if showProgress { Output.err("\r\u{1B}[K") }
                Output.problem("warning: skipped \(error)")
                continue
            }
            let result: ExtractionResult
            do {
                defer { status.clear() }
                result = try engines.extract(document, defaultDate: defaultDate)
            }
            if showProgress { Output.err("\r\u{1B}[K") }
            for warning in result.warnings { Output.problem("warning: \(warning)") }
            if explain { Output.err(ExtractionRendering.droppedList(result.dropped)) }
            switch format {
            case .jsonl:
                Output.out(result.forecasts.map { ExtractionRendering.jsonObject($0, explain: explain) + "\n" }.joined())
            case .json:
                all.append(contentsOf: result.forecasts)
            case .csv:
                Output.out(result.forecasts.map(ExtractionRendering.csvRow).joined())
            case .table:
                Output.out((number > 0 ? "\n" : "") + ExtractionRendering.table(result.forecasts, source: path, explain: explain))
            }
        }
        if showProgress { Output.err("\r\u{1B}[K") }
        if format == .json { Output.out(ExtractionRendering.jsonArray(all, explain: explain)) }
    }
}
