import Foundation
import Testing

/// `foretell import` of documents: forecasts stored with quotes, the same forecast in two
/// write-ups kept once with two sources, another owner on the same question, re-imports adding
/// nothing. The documents are written here, so no answer depends on the seeds.
@Suite struct DocumentImportTests {
    static let transcript = """
        ---
        date: 2025-05-05
        ---
        # Energy panel transcript

        Sam Park (Host): What's the probability that a fusion power plant will supply electricity to the grid by 2035?
        Ana Ruiz (MIT): I'd say 30%.
        Sam Park (Host): Ben, what's the probability that a fusion power plant will supply electricity to the grid by 2035?
        Ben Okafor (GE): I think it's 10%.
        """

    static let article = """
        Fusion researchers split on the grid
        Date: 2025-05-07

        Ana Ruiz said there is a 30% chance that a fusion power plant will supply electricity to the grid by 2035.
        """

    @Test func theSameForecastInTwoDocumentsIsOneForecastWithTwoSources() throws {
        let cli = try CLI()
        let transcript = try cli.write("panel.md", Data(Self.transcript.utf8))
        let article = try cli.write("article.txt", Data(Self.article.utf8))

        let first = try #require(try CLI.json(cli.run(["import", transcript, article, "--format", "json"]).stdout) as? [[String: Any]])
        #expect(first.map { $0["forecasts_added"] as? Int } == [2, 0])
        #expect(first.map { $0["sources_added"] as? Int } == [2, 1])
        #expect(first.map { $0["questions_added"] as? Int } == [1, 0])

        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.count == 1)
        let question = try #require(list.first)
        #expect(question["deadline"] as? String == "2035-12-31")
        let forecasts = try #require(question["forecasts"] as? [[String: Any]])
        #expect(forecasts.map { $0["owner"] as? String } == ["Ana Ruiz", "Ben Okafor"])
        #expect(forecasts.map { $0["probability"] as? Double } == [0.3, 0.1])
        #expect(forecasts.map { $0["made_on"] as? String } == ["2025-05-05", "2025-05-05"])
        let anasSources = try #require(forecasts.first?["sources"] as? [[String: Any]])
        #expect(anasSources.map { $0["source"] as? String } == [transcript, article])
        #expect(anasSources.map { $0["quote"] as? String } == ["I'd say 30%.", "Ana Ruiz said there is a 30% chance that a fusion power plant will supply electricity to the grid by 2035."])
        #expect(anasSources.map { $0["line"] as? Int } == [7, 4])

        let show = try cli.run(["show", "1"])
        #expect(show.stdout.contains("panel.md:7") && show.stdout.contains("article.txt:4"))

        // Again, and under another name: nothing new.
        let before = try cli.state()
        let again = try #require(try CLI.json(cli.run(["import", transcript, "--format", "json"]).stdout) as? [String: Any])
        #expect(again["forecasts_added"] as? Int == 0)
        let copy = try cli.write("copy-of-panel.md", Data(Self.transcript.utf8))
        #expect(try cli.run(["import", copy]).status == 0)
        #expect(try cli.state() == before)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func anUndatedDocumentNeedsADate() throws {
        let cli = try CLI()
        let file = try cli.write("note.txt", Data("Tom Lee said there is a 70% chance that the bridge will reopen by 2027.\n".utf8))
        // Every forecast of the file was skipped: the summary is printed, and the import fails (exit 1).
        let undatedRun = try cli.run(["import", file, "--format", "json"])
        #expect(undatedRun.status == 1 && undatedRun.stderr.contains("every row of"), "\(undatedRun.stderr)")
        let undated = try #require(try CLI.json(undatedRun.stdout) as? [String: Any])
        #expect(undated["forecasts_added"] as? Int == 0)
        let skipped = try #require(undated["skipped"] as? [[String: Any]])
        #expect(skipped.first?["line"] as? Int == 1)
        #expect((skipped.first?["reason"] as? String)?.contains("--date") == true)

        let dated = try #require(try CLI.json(cli.run(["import", file, "--date", "2026-01-02", "--format", "json"]).stdout) as? [String: Any])
        #expect(dated["forecasts_added"] as? Int == 1)
        let forecast = try #require(((try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])?.first?["forecasts"] as? [[String: Any]])?.first)
        #expect(forecast["owner"] as? String == "Tom Lee")
        #expect(forecast["made_on"] as? String == "2026-01-02")
    }

    @Test func aDryRunWritesNothingAndBadPathsFailFirst() throws {
        let cli = try CLI()
        let transcript = try cli.write("panel.md", Data(Self.transcript.utf8))
        let dry = try cli.run(["import", transcript, "--dry-run"])
        #expect(dry.stdout.contains("would add 1 question, 2 forecasts"))
        #expect(try cli.run(["list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let missing = try cli.run(["import", transcript, cli.folder.path + "/missing.txt"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("missing.txt"))
        #expect(try cli.run(["list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    /// The seeds hold two write-ups of one panel: importing them gives forecasts with owners and
    /// deadlines, at least one of them with a source in each write-up, and a second import adds nothing.
    @Test func seedsImportOnceWithSharedSources() throws {
        let cli = try CLI()
        let seeds = SharedSeeds.folder
        let first = try cli.run(["import", seeds, "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(!list.isEmpty)
        let forecasts = list.flatMap { ($0["forecasts"] as? [[String: Any]]) ?? [] }
        #expect(forecasts.allSatisfy { ($0["owner"] as? String)?.isEmpty == false })
        #expect(list.allSatisfy { $0["deadline"] is String })
        let twoDocuments = forecasts.filter { forecast in
            Set(((forecast["sources"] as? [[String: Any]]) ?? []).compactMap { $0["source"] as? String }).count >= 2
        }
        #expect(!twoDocuments.isEmpty)
        let before = try cli.state()
        let again = try #require(try CLI.json(cli.run(["import", seeds, "--format", "json"]).stdout) as? [String: Any])
        #expect(again["forecasts_added"] as? Int == 0 && again["sources_added"] as? Int == 0)
        #expect(try cli.state() == before)
    }
}

enum SharedSeeds {
    /// The package's own copy of the seed documents.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path
}
