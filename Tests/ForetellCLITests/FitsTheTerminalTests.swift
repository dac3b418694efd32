import ArgumentParser
import ForetellKit
import Foundation
import Testing
@testable import foretell

/// Issue 17, items 12 and 13: help names only what a command accepts, shells complete what it
/// accepts, and what is drawn fits an 80-column terminal.
@Suite struct FitsTheTerminalTests {
    /// The formats each command's `run` passes to `OutputFormat.require`, written out by hand.
    static let accepted: [String: [String]] = [
        "add": ["table", "json"], "forecast": ["table", "json"], "resolve": ["table", "json"], "list": ["table", "json"],
        "show": ["table", "json"], "import": ["table", "json"], "verify": ["table", "json"],
        "export": ["csv", "json", "ics"], "score": ["table", "json", "csv", "html"],
    ]

    @Test func eachHelpNamesOnlyTheFormatsItsCommandAccepts() {
        for command in Foretell.configuration.subcommands {
            guard let name = command.configuration.commandName, let accepted = Self.accepted[name] else { continue }
            let help = command.helpMessage(columns: 200)
            let formatLine = help.split(separator: "\n").first { $0.contains("--format <format>") }.map(String.init) ?? ""
            #expect(!formatLine.isEmpty, "\(name)")
            for format in OutputFormat.allCases.map(\.rawValue) where !accepted.contains(format) {
                #expect(!formatLine.contains(format), "foretell \(name) --help offers \(format): \(formatLine)")
            }
        }
    }

    @Test func completionsOfferTheOutcomesAndOnlyAcceptedFormats() throws {
        let cli = try CLI()
        for shell in ["bash", "zsh", "fish"] {
            let script = try cli.run(["--generate-completion-script", shell], ledgerFlag: false)
            #expect(script.status == 0 && script.stdout.contains("annulled"), "\(shell)")
        }
        let bash = try cli.run(["--generate-completion-script", "bash"], ledgerFlag: false).stdout
        // bash's word lists, as the generated script writes them: 'a'$'\n''b'.
        func words(_ list: [String]) -> String { "-W " + list.map { "'\($0)'" }.joined(separator: "$'\\n'") + "\n" }
        #expect(bash.contains(words(["yes", "no", "ambiguous", "annulled"])), "resolve's outcomes")
        #expect(bash.contains(words(["table", "json", "csv", "html"])), "score's formats")
        // ics is export's alone, and no command but extract (its own option) offers jsonl.
        #expect(bash.components(separatedBy: "'ics'").count == 2 && bash.components(separatedBy: "'jsonl'").count == 2)
    }

    @Test func theProgressBarNeverReachesTheEightiethColumn() {
        let long = "importing /home/someone/a/rather/deep/folder/of/exports/predictionbook/forecasts.csv"
        for fraction in [0.0, 0.5, 1.0] {
            let line = ProgressBar.line(label: long, fraction: fraction)
            #expect(displayWidth(line) <= 79, "\(displayWidth(line)): \(line)")
        }
        #expect(ProgressBar.line(label: "importing x.csv", fraction: 0.5).hasPrefix("importing x.csv ███████████████░"))
    }

    @Test func theModelsStatusLineFitsAndPrintsNoControlCharacters() {
        let line = ModelStatusLine.line(model: "llama3.2:70b-instruct-q4", source: "/home/someone/a/rather/deep/folder/of/interviews/2026/\u{1B}[2Jjanuary-panel.md",
                                        chunk: 12, of: 40)
        #expect(displayWidth(line) <= 79, "\(displayWidth(line)): \(line)")
        #expect(line.hasPrefix("asking llama3.2:70b-instruct-q4: chunk 12/40 of /home/"))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(line)")
    }

    /// On a terminal (a pty from script(1), 80 columns when it has no size), every line of `show`
    /// fits; piped, the claim is whole on its line.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func showFitsEightyColumnsOnATerminalAndKeepsClaimsWholeWhenPiped() throws {
        let cli = try CLI()
        let claim = "A claim long enough to be wrapped on an eighty-column terminal, which scripts that grep show must still find whole"
        let owner = "Alexandra Konstantinopoulou-Smithers of the Long Name"
        try cli.run(["add", claim, "--owner", owner, "-p", "20%", "--deadline", "2026-01-01",
                     "--made-on", "2025-12-01T10:00:00.123+02:00", "--note", String(repeating: "a long note ", count: 12)])
        try cli.run(["resolve", "1", "no", "--on", "2026-01-01T12:00:00+01:00", "--note", String(repeating: "why it is no ", count: 10)])
        let shown = try CLI.execute(["/usr/bin/script", "-qec", "'\(CLI.binary)' --db '\(cli.ledger)' show 1", "/dev/null"],
                                    environment: ["TERM": "xterm", "PATH": "/usr/bin:/bin"])
        let lines = shown.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count > 8)
        for line in lines {
            let plain = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(displayWidth(plain) <= 80, "\(displayWidth(plain)): \(plain)")
        }
        #expect(try cli.run(["show", "1"]).stdout.hasPrefix("Question 1: \(claim)\n"))
    }

    /// On a real terminal (a pty from script(1)): colour is on, and "no" is not the error red.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aResolvedNoIsNotPaintedAsAnError() throws {
        let cli = try CLI()
        try cli.run(["add", "It rains", "--owner", "me", "-p", "20%", "--deadline", "2026-01-01", "--made-on", "2025-12-01"])
        try cli.run(["resolve", "1", "no", "--on", "2026-01-01"])
        let shown = try CLI.execute(["/usr/bin/script", "-qec", "'\(CLI.binary)' --db '\(cli.ledger)' list", "/dev/null"],
                                    environment: ["TERM": "xterm", "PATH": "/usr/bin:/bin"])
        #expect(shown.stdout.contains("\u{1B}[1mID"), "colour is on: \(shown.stdout)")
        #expect(shown.stdout.contains("\u{1B}[36mno\u{1B}[0m") && !shown.stdout.contains("\u{1B}[31m"), "\(shown.stdout)")
    }
}

/// Issue 17, item 14: the HTML report says what the terminal page says.
@Suite struct HTMLReportTests {
    @Test func anEmptyLedgerSaysSoInTheReport() throws {
        let cli = try CLI()
        let html = try cli.run(["score", "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<p><b>Nothing resolved to score yet: record outcomes with &#39;foretell resolve ID yes|no&#39;.</b></p>"))
        #expect(!html.stdout.contains("<svg"), "no empty charts")
    }

    @Test func whatWasNotCountedReadsAsOnTheTerminal() throws {
        let cli = try CLI()
        try cli.run(["add", "Rain", "--owner", "me", "-p", "20%", "--deadline", "2026-01-01", "--made-on", "2025-12-01"])
        try cli.run(["forecast", "1", "--owner", "me", "-p", "95%", "--made-on", "2025-12-02"])
        try cli.run(["add", "Snow", "--owner", "me", "-p", "30%", "--deadline", "2026-01-01", "--made-on", "2025-12-01"])
        try cli.run(["resolve", "1", "yes", "--on", "2026-01-01"])
        try cli.run(["resolve", "2", "annulled", "--on", "2026-01-01"])
        let expected = "Not counted: 1 earlier forecast superseded; 1 ambiguous or annulled question (1 forecast)."
        let terminal = try cli.run(["score"], environment: ["COLUMNS": "200"])
        #expect(terminal.stdout.contains("\n" + expected + "\n"), "\(terminal.stdout)")
        let html = try cli.run(["score", "--format", "html"]).stdout
        #expect(html.contains("<p class=\"note\">" + expected + "</p>"))
        // The one bin, observed at 100%: its n= label sits inside the picture (y >= 12), not cut off above it.
        let label = try #require(html.range(of: "font-size=\"10\" text-anchor=\"middle\" fill=\"#1d2430\">n=1</text>"))
        let tag = html[..<label.lowerBound].components(separatedBy: "<text ").last ?? ""
        let y = Double(tag.components(separatedBy: "y=\"").dropFirst().first?.prefix { $0 != "\"" } ?? "") ?? -1
        #expect(y >= 12, "\(tag)")
    }
}
