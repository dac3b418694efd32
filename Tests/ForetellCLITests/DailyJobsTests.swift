import Foundation
import Testing

/// The three daily jobs end to end: log, update, resolve, correct, list, show, export and import.
@Suite struct DailyJobsTests {
    /// `add` reads its everyday form (`add CLAIM --name value ...`) without ArgumentParser, for
    /// speed, and hands every other spelling to ArgumentParser. Both readings must agree: the same
    /// output for the same request, and the same refusal of a bad value.
    @Test func addReadsEverySpellingOfTheSameRequestAlike() throws {
        let cli = try CLI()
        let spellings: [[String]] = [
            ["add", "A claim", "--owner", "me", "-p", "20%", "--deadline", "2027", "--made-on", "2026-01-10", "--tag", "x", "--tag", "y"],
            // Another claim: the same claim and deadline again is refused as a duplicate question.
            ["add", "--owner=me", "Another claim", "--probability=20%", "--deadline", "2027", "--made-on=2026-01-10", "--tag", "x", "--tag=y"],
        ]
        var outputs: [String] = []
        for (number, arguments) in spellings.enumerated() {
            let added = try cli.run(arguments)
            #expect(added.status == 0, "\(added.stderr)")
            outputs.append(added.stdout.replacingOccurrences(of: "question \(number + 1)", with: "question N")
                .replacingOccurrences(of: "forecast \(number + 1)", with: "forecast N"))
        }
        #expect(outputs[0] == "Added question N: me 20% by 2027-12-31 (forecast N)\n")
        #expect(outputs[0] == outputs[1])
        let shown = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(shown.map { $0["tags"] as? [String] ?? [] } == [["x", "y"], ["x", "y"]])

        let before = try cli.image()
        var refusals: [String] = []
        for arguments in [["add", "A claim", "--owner", "me", "-p", "20", "--deadline", "2027"],
                          ["add", "A claim", "--owner=me", "-p", "20", "--deadline", "2027"]] {
            let refused = try cli.run(arguments)
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("'20'") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
            refusals.append(refused.stderr)
        }
        #expect(refusals.count == 2 && refusals[0] == refusals[1])
        #expect(try cli.image() == before)
    }

    @Test func logUpdateResolveCorrectAndReadBack() throws {
        let cli = try CLI()
        let added = try cli.run(["add", "Rust 2.0 is released", "--owner", "me", "--probability", "20%", "--deadline", "2027",
                                 "--made-on", "2026-01-10", "--tag", "tech", "--format", "json"])
        #expect(added.status == 0, "\(added.stderr)")
        let ids = try #require(try CLI.json(added.stdout) as? [String: Int])
        #expect(ids == ["question_id": 1, "forecast_id": 1])

        #expect(try cli.run(["forecast", "1", "--owner", "Ana", "-p", "0.35", "--made-on", "2026-02-01T09:30:00+01:00"]).status == 0)
        #expect(try cli.run(["forecast", "1", "--owner", "me", "-p", "1:3", "--made-on", "2026-03-01"]).status == 0)
        let resolved = try cli.run(["resolve", "1", "yes", "--on", "2026-06-01"])
        #expect(resolved.status == 0 && resolved.stdout.contains("yes"))
        let corrected = try cli.run(["resolve", "1", "no", "--on", "2026-06-02", "--note", "misread the release notes"])
        #expect(corrected.stdout.contains("corrects yes"))

        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.count == 1)
        let question = try #require(list.first)
        #expect(question["question_id"] as? Int == 1)
        #expect(question["claim"] as? String == "Rust 2.0 is released")
        #expect(question["deadline"] as? String == "2027-12-31")
        #expect(question["outcome"] as? String == "no")
        #expect(question["tags"] as? [String] == ["tech"])
        let forecasts = try #require(question["forecasts"] as? [[String: Any]])
        #expect(forecasts.map { $0["owner"] as? String } == ["me", "Ana", "me"])
        #expect(forecasts.map { $0["probability"] as? Double } == [0.2, 0.35, 0.25])
        // made_on comes back with the precision it was given.
        #expect(forecasts.map { $0["made_on"] as? String } == ["2026-01-10", "2026-02-01T09:30:00+01:00", "2026-03-01"])
        for forecast in forecasts {
            for key in ["forecast_id", "owner", "probability", "made_on", "source", "quote"] {
                #expect(forecast.keys.contains(key), "forecast lacks \(key)")
            }
        }
        let history = try #require(question["resolutions"] as? [[String: Any]])
        #expect(history.map { $0["outcome"] as? String } == ["yes", "no"])

        let show = try cli.run(["show", "1"])
        #expect(show.stdout.contains("superseded") && show.stdout.contains("misread the release notes"))
        #expect(try cli.run(["list", "--resolved"]).stdout.contains("Rust 2.0"))
        #expect(try cli.run(["list", "--open"]).stdout.isEmpty)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func openAndDueListsAndTheCronExitCode() throws {
        let cli = try CLI()
        try cli.run(["add", "Past deadline", "--owner", "me", "-p", "50%", "--deadline", "2020-01-01", "--made-on", "2019-01-01"])
        try cli.run(["add", "Future deadline", "--owner", "Ana", "-p", "0.5", "--deadline", "2099"])
        let due = try cli.run(["list", "--due", "--exit-code"])
        #expect(due.status == 3)
        #expect(due.stdout.contains("Past deadline") && !due.stdout.contains("Future deadline"))
        let open = try cli.run(["list", "--open", "--owner", "Ana"])
        #expect(open.stdout.contains("Future deadline") && !open.stdout.contains("Past deadline"))
        try cli.run(["resolve", "1", "annulled"])
        // Nothing due: exit 0 and not a byte on either stream, so cron mails nothing.
        let nothingDue = try cli.run(["list", "--due", "--exit-code"])
        #expect(nothingDue.status == 0 && nothingDue.stdout.isEmpty && nothingDue.stderr.isEmpty, "\(nothingDue)")
        #expect(try cli.run(["list", "--due", "--as-of", "2100-01-01"]).stdout.contains("Future deadline"))
    }

    @Test func exportImportRoundTripGivesTheSameRows() throws {
        let source = try CLI()
        try source.run(["add", "Claim, with \"quotes\" and commas", "--owner", "Ana Lima", "-p", "0.125", "--deadline", "2026-06",
                        "--made-on", "2026-01-10T08:00:00Z", "--tag", "a", "--tag", "b"])
        try source.run(["forecast", "1", "--owner", "Bo", "-p", "90%", "--made-on", "2026-01-11"])
        try source.run(["add", "Second\nline claim", "--owner", "Bo", "-p", "0.5", "--deadline", "2030", "--made-on", "2026-01-12"])
        try source.run(["resolve", "1", "yes", "--on", "2026-05-01"])
        let export = try source.run(["export"])
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"))
        let file = source.folder.appendingPathComponent("export.csv")
        try Data(export.stdout.utf8).write(to: file)

        let target = try CLI()
        let first = try target.run(["import", "--from", "csv", file.path, "--format", "json"])
        let summary = try #require(try CLI.json(first.stdout) as? [String: Any])
        #expect(summary["questions_added"] as? Int == 2)
        #expect(summary["forecasts_added"] as? Int == 3)
        #expect(summary["owners_added"] as? Int == 2)
        #expect(summary["resolutions_added"] as? Int == 1)
        #expect(try target.run(["export"]).stdout == export.stdout)

        // Importing again adds nothing; a dry run writes nothing.
        let before = try target.state()
        let again = try #require(try CLI.json(target.run(["import", "--from", "csv", file.path, "--format", "json"]).stdout) as? [String: Any])
        #expect(again["forecasts_added"] as? Int == 0 && again["already_present"] as? Int == 3)
        let fresh = try CLI()
        let dry = try fresh.run(["import", "--from", "csv", file.path, "--dry-run"])
        #expect(dry.stdout.contains("would add 2 questions, 3 forecasts"))
        #expect(try fresh.run(["export"]).stdout == "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n")
        #expect(try target.state() == before)
    }

    @Test func dbFlagWorksBeforeAndAfterTheCommandAndFromTheEnvironment() throws {
        let cli = try CLI()
        #expect(try cli.run(["add", "x", "--owner", "me", "-p", "0.5", "--deadline", "2030"], ledgerFlag: true).status == 0)
        let after = try CLI.execute([CLI.binary, "list", "--db", cli.ledger, "--format", "json"], environment: [:])
        #expect(after.stdout.contains("\"claim\": \"x\""))
        let fromEnvironment = try cli.run(["list", "--format", "json"], ledgerFlag: false, environment: ["FORETELL_DB": cli.ledger])
        #expect(fromEnvironment.stdout == after.stdout)
        // Without either, the XDG data folder under HOME.
        try cli.run(["add", "y", "--owner", "me", "-p", "0.5", "--deadline", "2030"], ledgerFlag: false)
        #expect(FileManager.default.fileExists(atPath: cli.folder.path + "/.local/share/foretell/ledger.sqlite"))
    }

    /// SQLite removes a WAL ledger's -wal and -shm files when the last connection closes: none
    /// left after a command means it closed the ledger, whether the command succeeded or failed.
    @Test(.onLedgerFile) func everyCommandClosesTheLedgerWhateverItsOutcome() throws {
        let cli = try CLI()
        let commands: [(arguments: [String], status: Int32)] = [
            (["add", "x", "--owner", "me", "-p", "0.5", "--deadline", "2030"], 0),  // add's own reading
            (["add", "y", "--owner=me", "-p", "0.5", "--deadline", "2030", "--tag", "t"], 0),  // ArgumentParser's
            (["forecast", "1", "--owner", "Bo", "-p", "30%"], 0),
            (["resolve", "1", "yes"], 0),
            (["list"], 0), (["show", "1"], 0), (["score"], 0), (["export"], 0), (["verify"], 0),
            (["add", "z", "--owner", "me", "-p", "150%", "--deadline", "2030"], 64),
            (["forecast", "99", "--owner", "Bo", "-p", "30%"], 1),
            (["resolve", "1", "perhaps"], 64),
            (["show", "99"], 1),
        ]
        for (arguments, status) in commands {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            for suffix in ["-wal", "-shm"] {
                #expect(!FileManager.default.fileExists(atPath: cli.ledger + suffix), "\(arguments) left \(suffix)")
            }
        }
    }

    @Test func everyCommandHasHelpWithExamples() throws {
        let cli = try CLI()
        for command in ["add", "forecast", "resolve", "list", "show", "export", "import", "verify"] {
            let help = try cli.run([command, "--help"], ledgerFlag: false)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command) --help has no example")
        }
    }

    @Test func colourOnlyOnATerminal() throws {
        let cli = try CLI()
        try cli.run(["add", "x", "--owner", "me", "-p", "0.5", "--deadline", "2020"])
        // Standard output is a pipe here, so no escape codes, whatever TERM says.
        #expect(try !cli.run(["list"], environment: ["TERM": "xterm-256color"]).stdout.contains("\u{1B}["))
    }
}
