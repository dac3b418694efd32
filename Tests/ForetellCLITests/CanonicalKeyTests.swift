import Foundation
import Testing

/// The canonical CSV's `question_id` is a key of the file (docs/import.md): any text groups rows
/// into questions, and a file never merges into an unrelated question of the ledger.
@Suite struct CanonicalKeyTests {
    func write(_ cli: CLI, _ name: String, _ lines: [String]) throws -> String {
        let path = cli.folder.appendingPathComponent(name).path
        try Data((["question_id,claim,owner,probability,made_on,deadline"] + lines).joined(separator: "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        return path
    }

    func questions(_ cli: CLI) throws -> [[String: Any]] {
        try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]] ?? []
    }

    @Test func textKeysGroupRowsAndReimportAddsNothing() throws {
        let cli = try CLI()
        let file = try write(cli, "sheet.csv", [
            "z2017-1,Rain tomorrow,ann,0.7,2017-01-01,2017-01-03",
            "acx-2021-14,Snow in May,ann,0.1,2021-01-01,2021-05-31",
            "z2017-1,Rain tomorrow,bob,0.4,2017-01-02,2017-01-03",
        ])
        let first = try cli.run(["import", "--from", "csv", file])
        #expect(first.status == 0, "\(first.stderr)")
        let listed = try questions(cli)
        #expect(listed.count == 2)
        let rain = listed.first { $0["claim"] as? String == "Rain tomorrow" }
        #expect((rain?["forecasts"] as? [Any])?.count == 2)
        // The same sheet again: the keys find the same questions by claim and deadline.
        let again = try cli.run(["import", "--from", "csv", file])
        #expect(again.status == 0)
        #expect(try questions(cli).count == 2)
        #expect(try questions(cli).flatMap { $0["forecasts"] as? [Any] ?? [] }.count == 3)
        // One key with two claims is refused on the later line, not merged.
        let clash = try write(cli, "clash.csv", [
            "k,One claim,ann,0.5,2020-01-01,2020-12-31",
            "k,Another claim,ann,0.5,2020-01-01,2020-12-31",
        ])
        let refused = try cli.run(["import", "--from", "csv", clash])
        #expect(refused.stdout.contains("another claim") || refused.stderr.contains("another claim"), "\(refused.stderr)")
    }

    @Test func someoneElsesNumericIdsNeverMergeIntoAnUnrelatedQuestion() throws {
        let cli = try CLI()
        #expect(try cli.run(["add", "Mine", "--owner", "me", "-p", "60%", "--deadline", "2030-01-01",
                             "--made-on", "2020-01-01"]).status == 0)
        // Their question 1 is another claim: it becomes a new question, and mine keeps one forecast.
        let theirs = try write(cli, "theirs.csv", [
            "1,Theirs,zed,0.7,2017-01-01,2018-01-01",
            "1,Theirs,yan,0.2,2017-01-02,2018-01-01",
        ])
        let result = try cli.run(["import", "--from", "csv", theirs])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("question 1 of the file is question 2 here"))
        let listed = try questions(cli)
        #expect(listed.count == 2)
        let mine = listed.first { $0["question_id"] as? Int == 1 }
        #expect(mine?["claim"] as? String == "Mine")
        #expect((mine?["forecasts"] as? [Any])?.count == 1)
        // Their question 1 with my claim and deadline is my question: the same claim, the same question.
        let same = try write(cli, "same.csv", ["1,Mine,zed,0.3,2021-01-01,2030-01-01"])
        #expect(try cli.run(["import", "--from", "csv", same]).status == 0)
        #expect(try questions(cli).count == 2)
        #expect((try questions(cli).first { $0["question_id"] as? Int == 1 }?["forecasts"] as? [Any])?.count == 2)
    }
}
