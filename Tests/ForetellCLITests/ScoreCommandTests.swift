import ForetellKit
import Foundation
import Testing

/// `foretell score` end to end: the real binary on a ledger made with the real commands.
@Suite struct ScoreCommandTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// The hand-made ledger of `Tests/Golden/README.md`.
    static func goldenLedger() throws -> CLI {
        let cli = try CLI()
        let steps: [[String]] = [
            ["add", "It rains in Paris on 1 March", "--owner", "ann", "-p", "70%", "--deadline", "2025-03-01",
             "--made-on", "2025-01-10", "--tag", "weather"],
            ["forecast", "1", "--owner", "bob", "-p", "20%", "--made-on", "2025-01-11"],
            ["forecast", "1", "--owner", "cy", "-p", "50%", "--made-on", "2025-01-12"],
            ["add", "A lab releases GPT-5 by April", "--owner", "ann", "-p", "40%", "--deadline", "2025-04-01",
             "--made-on", "2025-02-01", "--tag", "ai"],
            ["forecast", "2", "--owner", "bob", "-p", "60%", "--made-on", "2025-02-02"],
            ["forecast", "2", "--owner", "ann", "-p", "10%", "--made-on", "2025-03-01"],
            ["add", "An open model tops the arena by mid-April", "--owner", "ann", "-p", "85%", "--deadline", "2025-04-15",
             "--made-on", "2025-02-10", "--tag", "ai"],
            ["forecast", "3", "--owner", "cy", "-p", "30%", "--made-on", "2025-02-11"],
            ["add", "The referendum passes", "--owner", "ann", "-p", "50%", "--deadline", "2025-03-31", "--made-on", "2025-01-20"],
            ["add", "The bridge reopens by May", "--owner", "ann", "-p", "30%", "--deadline", "2025-05-01", "--made-on", "2025-02-15"],
            ["add", "Rust 2.0 ships this year", "--owner", "bob", "-p", "45%", "--deadline", "2025-12-31", "--made-on", "2025-03-01"],
            ["resolve", "1", "yes", "--on", "2025-03-01"],
            ["resolve", "2", "no", "--on", "2025-04-01"],
            ["resolve", "3", "yes", "--on", "2025-04-15"],
            ["resolve", "4", "ambiguous", "--on", "2025-04-02"],
            ["forecast", "2", "--owner", "cy", "-p", "90%", "--made-on", "2025-04-05"],
        ]
        for step in steps {
            let result = try cli.run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return cli
    }

    static func read(_ name: String) throws -> String {
        try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func terminalJSONAndCSVMatchTheGoldenFiles() throws {
        let cli = try Self.goldenLedger()
        let table = try cli.run(["score", "--as-of", "2025-06-01", "--folded"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == (try Self.read("score-table.txt")))

        let json = try cli.run(["score", "--as-of", "2025-06-01", "--folded", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let expected = try CLI.json(try Self.read("score.json"))
        Self.expectClose(try CLI.json(json.stdout), expected, path: "$")

        let csv = try cli.run(["score", "--as-of", "2025-06-01", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let want = try Self.read("score.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == want.count)
        for (got, expected) in zip(rows, want) {
            for (g, w) in zip(got, expected) {
                if let gv = Double(g), let wv = Double(w) {
                    #expect(abs(gv - wv) <= 1e-11 * max(1, abs(wv)), "\(g) vs \(w)")
                } else {
                    #expect(g == w)
                }
            }
        }
    }

    static func expectClose(_ actual: Any, _ expected: Any, path: String) {
        switch (actual, expected) {
        case let (a as [String: Any], e as [String: Any]):
            #expect(Set(a.keys) == Set(e.keys), "keys at \(path)")
            for (key, value) in e { if let got = a[key] { expectClose(got, value, path: path + "." + key) } }
        case let (a as [Any], e as [Any]):
            #expect(a.count == e.count, "length at \(path)")
            for (index, pair) in zip(a, e).enumerated() { expectClose(pair.0, pair.1, path: "\(path)[\(index)]") }
        case let (a as String, e as String):
            #expect(a == e, "at \(path)")
        case (is NSNull, is NSNull):
            break
        case let (a as NSNumber, e as NSNumber):
            #expect(abs(a.doubleValue - e.doubleValue) <= 1e-11 * max(1, abs(e.doubleValue)), "at \(path): \(a) vs \(e)")
        default:
            Issue.record("at \(path): \(actual) vs \(expected)")
        }
    }

    @Test func twoOwnersAt70And20OnAYesQuestionPrint0365() throws {
        let cli = try CLI()
        try cli.run(["add", "It happens", "--owner", "ann", "-p", "0.7", "--deadline", "2025-06-30", "--made-on", "2025-01-01"])
        try cli.run(["forecast", "1", "--owner", "bob", "-p", "0.2", "--made-on", "2025-01-02"])
        try cli.run(["resolve", "1", "yes", "--on", "2025-06-30"])
        let table = try cli.run(["score"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Brier 0.365"), "\(table.stdout)")
        let json = try #require(try CLI.json(cli.run(["score", "--format", "json"]).stdout) as? [String: Any])
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["n"] as? Int == 2)
        #expect(abs((overall["brier"] as? Double ?? .nan) - 0.365) < 1e-12)
        #expect(json["rule"] as? String == "latest")
    }

    @Test func rulesAreSelectableAndStated() throws {
        let cli = try Self.goldenLedger()
        // Every forecast adds ann's superseded 0.4 on q2 (Brier 0.16): (1.8625 + 0.16) / 8 = 0.2528125.
        let every = try #require(try CLI.json(cli.run(["score", "--every-forecast", "--format", "json"]).stdout) as? [String: Any])
        #expect(every["rule"] as? String == "every_forecast")
        let overall = try #require(every["overall"] as? [String: Any])
        #expect(overall["n"] as? Int == 8)
        #expect(abs((overall["brier"] as? Double ?? .nan) - 0.2528125) < 1e-12)
        let page = try cli.run(["score", "--time-weighted"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(page.contains("weighted by the share of the question's whole life"))
        #expect(page.contains("counts as a 50% forecast"))
        let both = try cli.run(["score", "--every-forecast", "--time-weighted"])
        #expect(both.status == 64)
    }

    @Test func rankingAndFoldedStepsAreOptions() throws {
        let cli = try Self.goldenLedger()
        // Tests/Golden/README.md: with 2 shared questions needed, ann (-0.190), cy (+0.117), bob (+0.283).
        let ranked = try #require(try CLI.json(cli.run(["score", "--rank-min-questions", "2", "--format", "json"]).stdout)
            as? [String: Any])
        let owners = try #require(ranked["owners"] as? [[String: Any]])
        #expect(owners.map { $0["owner"] as? String } == ["ann", "cy", "bob"])
        #expect(owners.map { $0["rank"] as? Int } == [1, 2, 3])
        #expect(abs((owners.last?["peer_score"] as? Double ?? .nan) - -94.77285) < 1e-4)
        // By default (10 shared questions) nobody is ranked; the JSON says so with null.
        let plain = try #require(try CLI.json(cli.run(["score", "--format", "json"]).stdout) as? [String: Any])
        #expect((plain["owners"] as? [[String: Any]])?.allSatisfy { $0["rank"] is NSNull } == true)
        // One step of 50 points holds all seven: right at 50, 70, 85 and 90%; wrong at 60, 70 and 80%.
        let stepped = try #require(try CLI.json(cli.run(["score", "--folded-step", "50", "--format", "json"]).stdout)
            as? [String: Any])
        let rows = try #require((stepped["overall"] as? [String: Any])?["folded"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["n"] as? Int == 7)
        #expect(rows.first?["right"] as? Int == 4)
        #expect(rows.first?["wrong"] as? Int == 3)
        #expect(rows.first?["confidence_high"] as? Double == 1)
        let page = try cli.run(["score", "--folded-step", "50"]).stdout
        #expect(page.contains("50–100%"))
        for bad in [["--folded-step", "0"], ["--folded-step", "51"], ["--rank-min-questions", "0"]] {
            let result = try cli.run(["score"] + bad)
            #expect(result.status == 64, "\(bad)")
            #expect(result.stderr.hasPrefix("foretell: \(bad[0]) takes a whole number"), "\(bad): \(result.stderr)")
        }
    }

    @Test func htmlReportIsWrittenToAFile() throws {
        let cli = try Self.goldenLedger()
        let path = cli.folder.appendingPathComponent("report.html").path
        let result = try cli.run(["score", "--format", "html", "--output", path, "--as-of", "2025-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg") && html.contains("ann") && html.contains("Rust 2.0 ships this year"))
    }

    @Test func filtersThatNameNothingAreClearErrors() throws {
        let cli = try Self.goldenLedger()
        let before = try cli.state()
        let cases: [([String], Int32, String)] = [
            (["score", "--owner", "zed"], 1, "no owner named 'zed'"),
            (["score", "--tag", "sports"], 1, "no question is tagged 'sports'"),
            (["score", "--since", "2025-05", "--until", "2025-04"], 64, "swap them"),
            (["score", "--since", "soon"], 64, "not a date"),
            (["score", "--format", "yaml"], 64, "yaml"),
            (["score", "--format", "html", "--output", "/nonexistent-folder/x.html"], 1, "cannot write"),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try cli.state() == before)
        // --since 2025-04 means from 1 April: q2 and q3.
        let april = try #require(try CLI.json(cli.run(["score", "--since", "2025-04", "--format", "json"]).stdout) as? [String: Any])
        #expect((april["overall"] as? [String: Any])?["questions"] as? Int == 2)
    }

    @Test func coloursOnlyWhenAskedForAndNeverWithNoColor() throws {
        let cli = try Self.goldenLedger()
        // Not a terminal (a pipe): no escape codes, whatever TERM says.
        let piped = try cli.run(["score"], environment: ["TERM": "xterm-256color"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let noColor = try cli.run(["score"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func documentsAndTagsFromAnImportAreGroups() throws {
        let cli = try CLI()
        let csv = cli.folder.appendingPathComponent("sourced.csv")
        try Data("""
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote
            1,Q one,ann,0.7,2025-01-01,2025-02-01,yes,2025-02-01,ai;policy,interviews/a.md,"I'd say 70%"
            1,Q one,bob,0.4,2025-01-02,2025-02-01,yes,2025-02-01,ai;policy,interviews/b.md,maybe 40%
            2,Q two,ann,0.9,2025-01-03,2025-03-01,no,2025-03-01,ai,interviews/a.md,90% sure

            """.utf8).write(to: csv)
        #expect(try cli.run(["import", "--from", "csv", csv.path]).status == 0)
        let json = try #require(try CLI.json(cli.run(["score", "--format", "json"]).stdout) as? [String: Any])
        let sources = try #require(json["sources"] as? [[String: Any]])
        // a.md: ann 0.7 yes (0.09) and 0.9 no (0.81), mean 0.45; b.md: bob 0.4 yes, 0.36.
        #expect(sources.map { $0["source"] as? String } == ["interviews/a.md", "interviews/b.md"])
        #expect(abs((sources.first?["brier"] as? Double ?? .nan) - 0.45) < 1e-12)
        #expect(abs((sources.last?["brier"] as? Double ?? .nan) - 0.36) < 1e-12)
        let tags = try #require(json["tags"] as? [[String: Any]])
        // ai: (0.09 + 0.36 + 0.81) / 3 = 0.42; policy (question 1 only): (0.09 + 0.36) / 2 = 0.225.
        #expect(tags.map { $0["tag"] as? String } == ["ai", "policy"])
        #expect(abs((tags.first?["brier"] as? Double ?? .nan) - 0.42) < 1e-12)
        #expect(abs((tags.last?["brier"] as? Double ?? .nan) - 0.225) < 1e-12)
        let policy = try #require(try CLI.json(cli.run(["score", "--tag", "policy", "--format", "json"]).stdout) as? [String: Any])
        #expect((policy["overall"] as? [String: Any])?["n"] as? Int == 2)
    }

    static let sharedData = golden.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data")

    /// The Metaculus pro forecasts of the shared data as foretell's canonical CSV, converted here
    /// rather than by the importer under test.
    static func metaculusAsCanonicalCSV() throws -> String {
        let reader = try CSVReader(path: Self.sharedData.appendingPathComponent("metaculus/pro_forecasts_q1_2025_binary.csv").path)
        let header = CSVHeader(try #require(try reader.next()).fields)
        let columns = try header.require(
            ["question_id", "question_title", "forecaster", "probability_yes", "forecast_timestamp",
             "scheduled_resolve_time", "resolution", "actual_resolve_time"], path: reader.path)
        var canonical = CSVWriter.line(["question_id", "claim", "owner", "probability", "made_on", "deadline", "outcome",
                                        "resolved_on", "tags", "source", "quote"])
        while let record = try reader.next() {
            let field = columns.map { record[$0] }
            canonical += CSVWriter.line([field[0], field[1], field[2], field[3], field[4], String(field[5].prefix(10)),
                                         field[6], field[7], "", "", ""])
        }
        return canonical
    }

    /// The Metaculus pro forecasters' file, converted to foretell's canonical CSV, imported and
    /// scored by the binary: the store path against the numpy oracle.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedData.path)))
    func metaculusImportScoresAsTheOracleSays() throws {
        let cli = try CLI()
        let file = cli.folder.appendingPathComponent("metaculus.csv")
        try Data(Self.metaculusAsCanonicalCSV().utf8).write(to: file)
        let imported = try cli.run(["import", "--from", "csv", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")

        let oracleURL = Self.golden.deletingLastPathComponent().appendingPathComponent("Oracle/scoring_oracle.json")
        let oracle = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: oracleURL)) as? [String: Any])
        let metaculus = try #require(oracle["metaculus"] as? [String: Any])
        for (rule, flags) in [("latest", [String]()), ("every_forecast", ["--every-forecast"]), ("time_weighted", ["--time-weighted"])] {
            let result = try cli.run(["score", "--format", "json"] + flags)
            let board = try #require(try CLI.json(result.stdout) as? [String: Any])
            let expected = try #require((metaculus[rule] as? [String: Any])?["overall"] as? [String: Any])
            let overall = try #require(board["overall"] as? [String: Any])
            #expect(overall["n"] as? Int == expected["n"] as? Int, "\(rule)")
            for key in ["brier", "log_loss", "baseline", "reliability", "resolution", "uncertainty"] {
                let got = overall[key] as? Double ?? .nan
                let want = expected[key] as? Double ?? .nan
                #expect(abs(got - want) <= 1e-9 * max(1, abs(want)), "\(rule) \(key): \(got) vs \(want)")
            }
            let owners = try #require(board["owners"] as? [[String: Any]])
            let expectedOwners = try #require((metaculus[rule] as? [String: Any])?["owners"] as? [String: [String: Any]])
            for owner in owners {
                let name = owner["owner"] as? String ?? ""
                let want = expectedOwners[name]?["relative_brier"] as? Double ?? .nan
                #expect(abs((owner["relative_brier"] as? Double ?? .nan) - want) <= 1e-9, "\(rule) \(name)")
                let peer = expectedOwners[name]?["peer_score"] as? Double ?? .nan
                #expect(abs((owner["peer_score"] as? Double ?? .nan) - peer) <= 1e-9 * max(1, abs(peer)), "\(rule) \(name) peer")
                for key in ["brier", "baseline"] {
                    let value = expectedOwners[name]?[key] as? Double ?? .nan
                    #expect(abs((owner[key] as? Double ?? .nan) - value) <= 1e-9 * max(1, abs(value)), "\(rule) \(name) \(key)")
                }
            }
        }
    }
}
