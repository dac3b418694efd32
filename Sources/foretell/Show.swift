import ArgumentParser
import ForetellKit

extension Foretell {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one question with its whole history: forecasts, sources and resolutions.",
            discussion: """
                Examples:
                  foretell show 12
                  foretell show 12 --format json
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "The question's id.")
        var questionID: Int64

        @Option(name: .long, help: "table or json.", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        func run() throws {
            let format = try format.require([.table, .json], command: "show")
            let question = try ledger.open(.read).question(id: questionID)
            switch format {
            case .json: Output.out(QuestionJSON.json(question).serialized(pretty: true) + "\n")
            default: Output.out(QuestionRendering.showText(question, today: Day.today(), style: TerminalStyle.detect().unboundedWhenPiped()))
            }
        }
    }
}
