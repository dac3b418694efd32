import ArgumentParser
import ForetellKit

extension Foretell {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List questions with their latest forecasts.",
            discussion: """
                Open and due questions come soonest deadline first; the others by id.

                Examples:
                  foretell list --due                 # deadline passed, not resolved yet
                  foretell list --open --owner me
                  foretell list --tag ai --format json
                  foretell list --due --exit-code     # for cron: exit 3 when one is overdue,
                                                      # exit 0 and print nothing when none is
                """)

        @OptionGroup var ledger: LedgerOptions

        @Flag(name: .long, help: "Only questions not resolved yet.")
        var open = false

        @Flag(name: .long, help: "Only questions whose deadline has passed and that are not resolved.")
        var due = false

        @Flag(name: .long, help: "Only resolved questions (any outcome).")
        var resolved = false

        @Option(name: .long, help: "Only questions this owner forecast; repeat for several.")
        var owner: [String] = []

        @Option(name: .long, help: "Only questions with this tag; repeat for several.")
        var tag: [String] = []

        @Option(name: .long, help: "Judge what is due as of this day instead of today (YYYY-MM-DD).")
        var asOf: String?

        @Flag(name: .long, help: "Exit with 3 when the list is not empty (with --due: something is overdue) and print nothing when it is empty (for cron).")
        var exitCode = false

        @Option(name: .long, help: "table or json.", completion: OutputFormat.completion(.table, .json))
        var format: OutputFormat = .table

        func validate() throws {
            if [open, due, resolved].filter({ $0 }).count > 1 {
                throw ValidationError("choose one of --open, --due and --resolved")
            }
        }

        func run() throws {
            let format = try format.require([.table, .json], command: "list")
            let today = try asOf.map { text throws(InputError) in try DateInput.deadline(text) } ?? Day.today()
            let status: QuestionFilter.Status = open ? .open : due ? .due(asOf: today) : resolved ? .resolved : .all
            let ledger = try ledger.open(.read)
            let questions = try ledger.questions(QuestionFilter(status: status, owners: owner, tags: tag))
            switch format {
            case .json:
                Output.out(JSONValue.array(questions.map(QuestionJSON.json)).serialized(pretty: true) + "\n")
            default:
                if questions.isEmpty {
                    // For cron: an empty list under --exit-code says nothing, so no mail is sent.
                    if exitCode { break }
                    Output.err(due ? "nothing is due\n" : "no questions match; log one with 'foretell add'\n")
                } else {
                    Output.out(QuestionRendering.listTable(questions, today: today, style: TerminalStyle.detect().unboundedWhenPiped()))
                }
            }
            if exitCode && !questions.isEmpty { throw ExitStatus.somethingDue }
        }
    }
}
