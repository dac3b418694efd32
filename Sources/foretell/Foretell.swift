import ArgumentParser
import ForetellKit
import Foundation

@main
struct Foretell: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foretell",
        abstract: "A forecast ledger: log predictions, record outcomes, score calibration.",
        discussion: """
            The three daily jobs:
              foretell add "Rust 2.0 ships" --owner me --probability 20% --deadline 2027
              foretell resolve 12 yes
              foretell score

            The ledger is --db PATH, else $FORETELL_DB, else
            $XDG_DATA_HOME/foretell/ledger.sqlite (~/.local/share/foretell/ledger.sqlite).
            A postgres://user@host:port/dbname URL in their place is a team ledger on a
            PostgreSQL server; 'foretell migrate' copies a personal ledger onto it.
            Every command that prints data takes --format json.
            """,
        version: "0.1.0",
        // Each command names itself in its configuration: deriving a name from the type's name
        // (String(describing:)) scans every protocol conformance in the binary, for each command,
        // on every start, and foretell should start in a few milliseconds.
        subcommands: [
            Add.self,
            Forecast.self,
            Resolve.self,
            List.self,
            Show.self,
            Extract.self,
            Export.self,
            Import.self,
            Score.self,
            Verify.self,
            Migrate.self,
        ]
    )

    @OptionGroup var ledger: LedgerOptions

    /// Runs the command and turns every failure into one line on stderr and an exit code:
    /// 64 for a usage error, 1 for a runtime failure.
    static func main() {
        var status = runCommand()
        if status == 0, let failure = Output.stdoutFailure {
            Output.problem("cannot write to standard output: \(Output.reason(failure))")
            status = 1
        }
        Foundation.exit(status)
    }

    private static func runCommand() -> Int32 {
        do {
            var command = try parseAsRoot()
            try command.run()
            return 0
        } catch let error as ReportableError {
            Output.problem("\(error)")
            return error.exitCode
        } catch let status as ExitCode {
            // A command's chosen status, such as `list --due --exit-code` for cron: nothing to say.
            return status.rawValue
        } catch {
            let code = exitCode(for: error)
            // Help and version requests print to stdout and succeed.
            guard code != .success else { exit(withError: error) }
            let commandType = CommandLine.arguments.dropFirst().lazy.compactMap { name in
                configuration.subcommands.first { $0.configuration.commandName == name }
            }.first
            let command = commandType?.configuration.commandName
            let text = message(for: error)
            let hint = Suggestions.hint(forMessage: text, command: commandType, root: self).map { "\n  \($0)" } ?? ""
            Output.problem("\(text)\(hint)\n  see 'foretell \(command.map { "\($0) " } ?? "")--help'")
            return code.rawValue
        }
    }
}
