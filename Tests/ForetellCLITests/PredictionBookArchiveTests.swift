import Foundation
import Testing

/// The whole PredictionBook archive through the built binary, checked against the independent
/// figures of `Tests/Oracle/predictionbook_oracle.py` (committed beside it as JSON).
@Suite struct PredictionBookArchiveTests {
    static let archive = SharedPaths.data("predictionbook/forecasts.csv")

    struct Oracle: Decodable {
        struct Scored: Decodable {
            var n: Int
            var brier: Double
            var made_after_resolution: Int
        }
        var forecasts: Int
        var questions: Int
        var owners: Int
        var resolutions: Int
        var questions_by_outcome: [String: Int]
        var every_forecast: Scored
    }

    static func oracle() throws -> Oracle {
        let url = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracle/predictionbook_oracle.json")
        return try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: archive), "needs ../shared/data/predictionbook"))
    func theWholeArchiveImportsOnceAndExportsBackTheSameRows() throws {
        let oracle = try Self.oracle()
        let cli = try CLI()
        let first = try cli.run(["import", "--from", "predictionbook", Self.archive, "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try #require(try CLI.json(first.stdout) as? [String: Any])
        #expect(summary["rows"] as? Int == oracle.forecasts)
        #expect(summary["forecasts_added"] as? Int == oracle.forecasts)
        #expect(summary["questions_added"] as? Int == oracle.questions)
        #expect(summary["owners_added"] as? Int == oracle.owners)
        #expect(summary["resolutions_added"] as? Int == oracle.resolutions)
        #expect((summary["skipped"] as? [Any])?.isEmpty == true, "\(summary["skipped"] ?? "")")
        #expect((summary["notes"] as? [Any])?.isEmpty == true, "titles come from questions.csv beside it")

        // What is stored, read from the tables: the counts, the outcomes, and every forecast made by
        // its question's resolution (those made after it excluded) with its Brier score.
        #expect(try LedgerQueries.integer(cli.ledger, "SELECT count(*) FROM forecasts") == oracle.forecasts)
        #expect(try LedgerQueries.integer(cli.ledger, "SELECT count(*) FROM owners") == oracle.owners)
        for (outcome, count) in oracle.questions_by_outcome where outcome != "open" {
            #expect(try LedgerQueries.integer(cli.ledger, "SELECT count(*) FROM current_resolutions WHERE outcome = '\(outcome)'") == count)
        }
        #expect(try LedgerQueries.integer(cli.ledger, """
            SELECT count(*) FROM forecasts f JOIN current_resolutions r ON r.question_id = f.question_id
            WHERE r.outcome IN ('yes', 'no') AND f.made_at_ms > r.resolved_at_ms
            """) == oracle.every_forecast.made_after_resolution)
        let stored = try LedgerQueries.everyForecastBrier(cli.ledger)
        #expect(stored.n == oracle.every_forecast.n)
        #expect(abs(stored.brier - oracle.every_forecast.brier) < 1e-12, "\(stored.brier)")
        // And the scoreboard over it: 51,104 scored forecasts, the oracle's Brier.
        let score = try cli.overallScore(everyForecast: true)
        #expect(score.n == oracle.every_forecast.n)
        #expect(abs(score.brier - oracle.every_forecast.brier) < 1e-9, "\(score.brier)")

        // Twice: nothing more.
        let again = try #require(try CLI.json(cli.run(["import", "--from", "predictionbook", Self.archive, "--format", "json"]).stdout)
            as? [String: Any])
        #expect(again["forecasts_added"] as? Int == 0 && again["already_present"] as? Int == oracle.forecasts)
        #expect(again["questions_added"] as? Int == 0 && again["resolutions_added"] as? Int == 0)

        // Export, import into an empty ledger, export again: the same rows, repeated ones included.
        let export = try cli.run(["export"])
        #expect(export.stdout.split(separator: "\n", omittingEmptySubsequences: false).count > oracle.forecasts)
        let file = cli.folder.appendingPathComponent("archive.csv")
        try Data(export.stdout.utf8).write(to: file)
        let target = try CLI()
        #expect(try target.run(["import", "--from", "csv", file.path]).status == 0)
        #expect(try target.run(["export"]).stdout == export.stdout)

        // Open questions' deadlines: one calendar event each, every line within 75 octets.
        let calendar = try cli.run(["export", "--format", "ics"]).stdout
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == oracle.questions_by_outcome["open"])
        #expect(calendar.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}

/// `../shared/data` beside the package, as `SharedData` finds it for the library's tests.
enum SharedPaths {
    static let root = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static func data(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
