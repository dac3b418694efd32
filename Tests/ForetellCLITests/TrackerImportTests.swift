import Foundation
import Testing

/// Other trackers' exports, end to end through the built binary: counts and scores worked out by
/// hand from the fixtures, importing twice, newer exports, dry runs and failed imports.
@Suite struct TrackerImportTests {
    static func summary(_ result: CLI.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try CLI.json(result.stdout) as? [String: Any])
    }

    static func counts(_ summary: [String: Any]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for key in ["rows", "questions_added", "forecasts_added", "owners_added", "resolutions_added", "already_present"] {
            counts[key] = summary[key] as? Int ?? -1
        }
        return counts
    }

    static func skippedLines(_ summary: [String: Any]) -> [String] {
        (summary["skipped"] as? [[String: Any]] ?? []).map { skip in
            ((skip["file"] as? String).map { $0 + ":" } ?? "") + "\(skip["line"] as? Int ?? -1)"
        }
    }

    // Fatebook fixture (Fixtures/fatebook/fatebook-export.csv), worked out by hand:
    // - 13 records on lines 2-20: each row of the snow question spans 3 lines (its title and its
    //   notes hold a line break). Its header is spelt with ", " as in the issue.
    // - Questions: Rust 2.0 (YES), snow (NO), offsite (AMBIGUOUS), v2 (open) = 4; the cup question
    //   is multiple choice: its 2 rows are left out and noted.
    // - Forecasts: Rust 4 (Bo's 0.9 on 2026-01-05 is after the resolution on 2026-01-02), snow 3,
    //   offsite 1, v2 1 = 9, by Ana and Bo. Skipped: line 19 (probability 1.7), line 20 ('yesterday').
    // - Resolutions: 3 (yes, no, ambiguous).
    // - Every forecast made by the resolution on a yes/no question:
    //   Rust, yes: (0.7-1)^2 + (0.4-1)^2 + (0.8-1)^2 = 0.09 + 0.36 + 0.04 = 0.49
    //   snow, no:  0.15^2 + 0.25^2 + 0.1^2 = 0.0225 + 0.0625 + 0.01 = 0.095
    //   n = 6, Brier = 0.585 / 6 = 0.0975
    // - Each owner's latest by the resolution: Rust Ana 0.8 (0.04), Bo 0.4 (0.36); snow Bo 0.15
    //   (0.0225), Ana 0.1 (0.01): n = 4, Brier = 0.4325 / 4 = 0.108125
    @Test func fatebookExportImportsWithTheRightCountsAndScoresOnce() throws {
        let cli = try CLI()
        let file = Fixtures.path("fatebook/fatebook-export.csv")
        let first = try Self.summary(cli.run(["import", "--from", "fatebook", file, "--format", "json"]))
        #expect(Self.counts(first) == ["rows": 13, "questions_added": 4, "forecasts_added": 9, "owners_added": 2,
                                       "resolutions_added": 3, "already_present": 0])
        #expect(Self.skippedLines(first) == ["19", "20"])
        let notes = first["notes"] as? [String] ?? []
        #expect(notes.count == 1 && notes[0].hasPrefix("2 forecasts on multiple-choice"), "\(notes)")

        let stored = try LedgerQueries.everyForecastBrier(cli.ledger)
        #expect(stored.n == 6)
        #expect(abs(stored.brier - 0.0975) < 1e-12, "\(stored.brier)")
        let every = try cli.overallScore(everyForecast: true)
        #expect(every.n == 6 && abs(every.brier - 0.0975) < 1e-12, "\(every)")
        let latest = try cli.overallScore(everyForecast: false)
        #expect(latest.n == 4 && abs(latest.brier - 0.108125) < 1e-12, "\(latest)")

        let questions = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(questions.map { $0["claim"] as? String } == [
            "Will Rust 2.0 ship, as announced, before 2026?", "Will it snow in London\non Christmas Day 2024?",
            "Will the offsite happen on Friday?", "Will we ship v2 by June 2026?",
        ])
        #expect(questions.map { $0["deadline"] as? String } == ["2025-12-31", "2024-12-26", "2024-03-08", "2026-06-30"])
        #expect(questions.map { $0["outcome"] as? String } == ["yes", "no", "ambiguous", nil])
        #expect(questions.map { $0["tags"] as? [String] ?? [] } == [["rust", "tech"], [], [], ["work"]])
        let snow = try #require(questions[1]["forecasts"] as? [[String: Any]])
        // Fatebook writes seconds without their leading zero (its issue #90): read as 09:00:07.
        #expect(snow.map { $0["made_on"] as? String } == ["2024-11-01 09:00:07", "2024-11-02 10:00:00", "2024-12-20 10:00:00"])
        #expect(snow.map { $0["owner"] as? String } == ["Bo", "Ana", "Ana"])

        // Twice: nothing more.
        let before = try cli.state()
        let again = try Self.summary(cli.run(["import", "--from", "fatebook", file, "--format", "json"]))
        #expect(Self.counts(again) == ["rows": 13, "questions_added": 0, "forecasts_added": 0, "owners_added": 0,
                                       "resolutions_added": 0, "already_present": 9])
        #expect(try cli.state() == before)

        // A newer export (the exporter's own header, padded seconds) with one more forecast: Bo's 0.35 on v2.
        let newer = try Self.summary(cli.run(["import", "--from", "fatebook", Fixtures.path("fatebook/fatebook-newer.csv"),
                                              "--format", "json"]))
        #expect(Self.counts(newer) == ["rows": 12, "questions_added": 0, "forecasts_added": 1, "owners_added": 0,
                                       "resolutions_added": 0, "already_present": 9])
        #expect(try LedgerQueries.integer(cli.ledger, "SELECT count(*) FROM forecasts") == 10)
        #expect(try cli.run(["verify"]).status == 0)
    }

    // Metaculus fixture (Fixtures/metaculus/export), worked out by hand:
    // - question_data.csv: 7 rows on lines 2-9 (102's title holds a line break). Binary: 101 (yes,
    //   known 2024-06-06 12:00), 102 (no, known 2025-01-01), 103 (open), 106 (annulled); 104 is
    //   multiple choice, 105 numeric; 107's resolution 'maybe' is unreadable: line 9 skipped.
    // - forecast_data.csv: 14 rows on lines 2-15. Stored: 101 x4 (bob's 0.95 of 2024-06-07 is after
    //   the resolution), 102 x2, 103, 106 = 8 by alice, bob and carol. Left out: the aggregate on
    //   line 6, the multiple-choice and numeric rows (noted); skipped: line 13 (question 107),
    //   line 14 (question 999 unknown), line 15 (dave's 1.5; dave gets no owner row).
    // - rows = 7 + 14 = 21; resolutions 3 (yes, no, annulled).
    // - Every forecast made by the resolution on a yes/no question:
    //   101, yes: (0.6-1)^2 + (0.75-1)^2 + (0.9-1)^2 = 0.16 + 0.0625 + 0.01 = 0.2325
    //   102, no:  0.3^2 + 0.2^2 = 0.09 + 0.04 = 0.13
    //   n = 5, Brier = 0.3625 / 5 = 0.0725
    // - Each owner's latest by the resolution: 101 alice 0.75 (0.0625), bob 0.9 (0.01); 102 alice
    //   0.3 (0.09), bob 0.2 (0.04): n = 4, Brier = 0.2025 / 4 = 0.050625
    @Test func metaculusExportImportsBinaryQuestionsWithTheRightCountsAndScoresOnce() throws {
        let cli = try CLI()
        let folder = Fixtures.path("metaculus/export")
        let first = try Self.summary(cli.run(["import", "--from", "metaculus", folder, "--format", "json"]))
        #expect(Self.counts(first) == ["rows": 21, "questions_added": 4, "forecasts_added": 8, "owners_added": 3,
                                       "resolutions_added": 3, "already_present": 0])
        #expect(Self.skippedLines(first) == ["question_data.csv:9", "forecast_data.csv:13", "forecast_data.csv:14",
                                             "forecast_data.csv:15"])
        let notes = first["notes"] as? [String] ?? []
        #expect(notes.count == 3, "\(notes)")
        #expect(notes.contains { $0.hasPrefix("1 forecast on 1 multiple_choice question left out") })
        #expect(notes.contains { $0.hasPrefix("1 forecast on 1 numeric question left out") })
        #expect(notes.contains { $0.hasPrefix("1 aggregate forecast (the community prediction) left out") })

        let stored = try LedgerQueries.everyForecastBrier(cli.ledger)
        #expect(stored.n == 5)
        #expect(abs(stored.brier - 0.0725) < 1e-12, "\(stored.brier)")
        let every = try cli.overallScore(everyForecast: true)
        #expect(every.n == 5 && abs(every.brier - 0.0725) < 1e-12, "\(every)")
        let latest = try cli.overallScore(everyForecast: false)
        #expect(latest.n == 4 && abs(latest.brier - 0.050625) < 1e-12, "\(latest)")

        let questions = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(questions.map { $0["claim"] as? String } == [
            "Will SpaceX's Starship reach orbit, fully, before 2025?", "Will the UK hold a general election\nbefore 2025?",
            "Will fusion power supply 1% of the world's electricity by 2040?", "Will the summit take place in Geneva?",
        ])
        #expect(questions.map { $0["deadline"] as? String } == ["2024-06-01", "2024-12-31", "2039-12-31", "2024-02-28"])
        #expect(questions.map { $0["outcome"] as? String } == ["yes", "no", nil, "annulled"])

        // Twice, the second time naming one of the export's files: nothing more.
        let before = try cli.state()
        let again = try Self.summary(cli.run(["import", "--from", "metaculus", folder + "/question_data.csv", "--format", "json"]))
        #expect(again["forecasts_added"] as? Int == 0 && again["already_present"] as? Int == 8)
        #expect(try cli.state() == before)

        // A newer export with one more forecast (bob's 0.2 on 103).
        let newer = try Self.summary(cli.run(["import", "--from", "metaculus", Fixtures.path("metaculus/newer"), "--format", "json"]))
        #expect(Self.counts(newer) == ["rows": 22, "questions_added": 0, "forecasts_added": 1, "owners_added": 0,
                                       "resolutions_added": 0, "already_present": 8])
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func aDryRunSaysWhatWouldBeAddedAndWritesNothing() throws {
        let cli = try CLI()
        let empty = try cli.state()
        let dry = try cli.run(["import", "--from", "fatebook", Fixtures.path("fatebook/fatebook-export.csv"), "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would add 4 questions, 9 forecasts, 2 owners, 3 resolutions"), "\(dry.stdout)")
        #expect(dry.stdout.contains("line 19:") && dry.stdout.contains("dry run: nothing was written"))
        #expect(try cli.state() == empty)
    }

    /// A failure part-way, after earlier rows were written in the same transaction, leaves the
    /// ledger exactly as it was (its export and its journal head).
    @Test func aFailedImportLeavesTheLedgerAsItWas() throws {
        let cli = try CLI()
        #expect(try cli.run(["import", "--from", "metaculus", Fixtures.path("metaculus/export")]).status == 0)
        let before = try cli.state()
        let folder = cli.folder
        let noColumns = folder.appendingPathComponent("no-columns.csv")
        try Data("Question title,Forecast created by\nSomething,Ana\n".utf8).write(to: noColumns)
        let binary = folder.appendingPathComponent("binary.csv")
        try Data([0x51, 0x2C, 0x00, 0x01, 0x0A]).write(to: binary)
        let good = Fixtures.path("fatebook/fatebook-export.csv")
        // A file that is missing or not what --from says is a usage error (64).
        let cases: [(arguments: [String], mentions: String)] = [
            (["import", "--from", "fatebook", good, noColumns.path], "lacks the column"),
            (["import", "--from", "fatebook", good, binary.path], "binary"),
            (["import", "--from", "fatebook", good, folder.appendingPathComponent("missing.csv").path], "no such file"),
            (["import", "--from", "predictionbook", folder.path], "no such file"),
            (["import", "--from", "metaculus", good], "folder holding question_data.csv and forecast_data.csv"),
            (["import", "--from", "metaculus", Fixtures.path("fatebook")], "no such file"),
            (["import", "--from", "metaculus", folder.appendingPathComponent("no-export").path], "no-export: no such file"),
        ]
        for failing in cases {
            let result = try cli.run(failing.arguments)
            #expect(result.status == 64, "\(failing.arguments): exit \(result.status)")
            #expect(result.stderr.contains(failing.mentions), "\(failing.arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(try cli.state() == before, "\(failing.arguments) changed the ledger")
        }
        // The good file alone imports: the failures above were the second file's.
        #expect(try cli.run(["import", "--from", "fatebook", good]).status == 0)
        #expect(try cli.state() != before)
    }
}
