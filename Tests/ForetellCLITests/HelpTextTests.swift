import ArgumentParser
import Testing
@testable import foretell

/// `--help` is read on terminals 80 columns wide, and piped help is wrapped for 80, the parser
/// keeping the last column free: a line of a command's discussion longer than 79 is broken wherever
/// it falls, leaving a word or two on a line of its own and an example that no longer pastes as one
/// command.
@Suite struct HelpTextTests {
    @Test func everyDiscussionLineFitsAnEightyColumnTerminal() {
        let commands: [ParsableCommand.Type] = [Foretell.self] + Foretell.configuration.subcommands
        #expect(commands.count > 8)
        for command in commands {
            let name = command.configuration.commandName ?? "foretell"
            for line in command.configuration.discussion.split(separator: "\n") where line.count > 79 {
                Issue.record("foretell \(name) --help: \(line.count) columns: \(line)")
            }
        }
    }
}
