import Foundation
import Testing

/// Issue 15, findings 7, 9 and 10: what goes in and out of the ledger comes back whole (document
/// import, backup and CSV). Each test runs the built binary; `docs/trust.md` names them under the
/// finding they prove.
@Suite struct TrustInterchangeTests {
    // MARK: Finding 7: document import never merges different forecasts

    @Test func finding7DifferentForecastsOfOneOwnerAreNeverMerged() throws {
        let cli = try CLI()
        let democrats = try cli.write("a.txt", Data(
            "Date: 2026-01-10\n\nMaria Lopez said there is a 90% chance that the Democrats win the Senate in 2026.\n".utf8))
        let republicans = try cli.write("b.txt", Data(
            "Date: 2026-02-10\n\nMaria Lopez said there is a 10% chance that the Republicans win the Senate in 2026.\n".utf8))
        var towns: [String] = []
        for town in 1...6 {
            towns.append(try cli.write("town\(town).txt", Data(
                "Date: 2026-03-0\(town)\n\nTom Reyes said there is a 70% chance that the Town \(town) bridge reopens by 2027.\n".utf8)))
        }
        // A report of Maria's forecast in other words: the same forecast, a second source.
        let report = try cli.write("c.txt", Data(
            "Date: 2026-01-12\n\nMaria Lopez said there is a 90% chance that the Democrats will win the Senate in 2026.\n".utf8))
        let extracted = try cli.run(["extract", "--format", "jsonl", democrats, republicans, report] + towns).stdout
            .split(separator: "\n").count
        #expect(extracted == 9)

        #expect(try cli.run(["import", democrats, republicans, report] + towns).status == 0)
        let list = try #require(try CLI.json(cli.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        let claims = list.compactMap { $0["claim"] as? String }
        #expect(claims.count == 8, "\(claims)")
        let forecasts = list.flatMap { ($0["forecasts"] as? [[String: Any]]) ?? [] }
        // Every extracted forecast is in the ledger: 9 read, 8 forecasts, the 9th a second source.
        #expect(forecasts.count == 8)
        #expect(forecasts.compactMap { $0["probability"] as? Double }.sorted() == [0.1] + Array(repeating: 0.7, count: 6) + [0.9])
        let sources = forecasts.map { (($0["sources"] as? [[String: Any]]) ?? []).count }
        #expect(sources.reduce(0, +) == 9)
        let maria = try #require(forecasts.first { $0["probability"] as? Double == 0.9 })
        #expect((maria["sources"] as? [[String: Any]])?.compactMap { $0["source"] as? String } == [democrats, report])
        #expect(Set(claims.filter { $0.contains("Town") }).count == 6)
    }

    // MARK: Finding 9: export then import is the same ledger

    /// A ledger that uses every feature: a backfilled forecast, documents (quotes, lines, hashes, a window with an earliest
    /// day, verbal probabilities), a tracker import (external references), notes, ranges through
    /// documents, timestamps, tags, a correction with notes, and a CSV source without a hash.
    static func everyFeatureLedger() throws -> CLI {
        let cli = try CLI()
        try cli.run(["add", "It rains in Paris on 14 July 2026", "--owner", "me", "-p", "0.00005", "--deadline", "2026-07-14",
                     "--made-on", "2026-07-01T08:30:00+02:00", "--tag", "weather", "--tag", "=paris", "--note", "gut feeling"])
        try cli.run(["forecast", "1", "--owner", "Ana", "-p", "60%", "--made-on", "2026-07-02", "--note", "models agree"])
        try cli.run(["resolve", "1", "yes", "--on", "2026-07-14", "--note", "Météo-France"])
        try cli.run(["resolve", "1", "no", "--on", "2026-07-14T23:00:00Z", "--note", "the correction"])
        // Hindsight kept on record (issue 15, finding 1): a restore must keep it out of scores.
        try cli.run(["forecast", "1", "--owner", "Ana", "-p", "99%", "--made-on", "2026-07-13", "--backfill"])
        #expect(try cli.run(["import", SharedSeeds.folder]).status == 0)
        let range = try cli.write("range.txt", Data(
            "Date: 2026-01-10\n\nAna Lima said there is a 10-20% chance that the Louvre closes by 2028.\n".utf8))
        #expect(try cli.run(["import", range]).status == 0)
        #expect(try cli.run(["import", "--from", "fatebook", Fixtures.path("fatebook/fatebook-export.csv")]).status == 0)
        let csv = try cli.write("extra.csv", Data(#"""
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote
            ,"@SUM(A1) ships, or not",+bob,0.123456789012345678,2026-02-03,2027,,,x;y,notes.md,"he said ""maybe"""

            """#.utf8))
        #expect(try cli.run(["import", csv]).status == 0)
        return cli
    }

    @Test func finding9JSONExportImportExportIsByteIdenticalAndVerifies() throws {
        let cli = try Self.everyFeatureLedger()
        let backup = cli.folder.appendingPathComponent("backup.json").path
        #expect(try cli.run(["export", "--format", "json", "--output", backup]).status == 0)
        let original = try String(contentsOfFile: backup, encoding: .utf8)
        for needed in ["\"note\": \"the correction\"", "\"note\": \"gut feeling\"", "\"sha256\": \"", "\"earliest\": \"2029",
                       "\"external_ref\": \"fatebook", "\"basis\": \"verbal\"", "\"probability\": 5e-05",
                       "\"probability_low\": 0.1, \"probability_high\": 0.2"] {
            #expect(original.contains(needed), "the ledger does not use \(needed)")
        }

        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        let restore = try cli.run(["--db", restored, "import", backup], ledgerFlag: false)
        #expect(restore.status == 0, "\(restore.stderr)")
        let again = try cli.run(["--db", restored, "export", "--format", "json"], ledgerFlag: false)
        #expect(again.stdout == original)
        #expect(try cli.run(["--db", restored, "verify"], ledgerFlag: false).status == 0)
        for view in [["export"], ["score", "--format", "json", "--as-of", "2026-12-01"], ["list", "--format", "json"]] {
            #expect(try cli.run(["--db", restored] + view, ledgerFlag: false).stdout == cli.run(view).stdout, "\(view)")
        }

        // Again into a ledger that already is this backup: nothing to add, as for any import.
        var before = try cli.state()
        let again2 = try cli.run(["import", backup])
        #expect(again2.status == 0 && again2.stdout.contains("nothing to add"), "\(again2.stdout) \(again2.stderr)")
        #expect(try cli.state() == before)
        // Into a ledger with other history: refused, and that ledger is untouched.
        // (A new question: a forecast dated before question 1's recorded outcome is hindsight, refused.)
        #expect(try cli.run(["add", "Another question", "--owner", "late", "-p", "0.5", "--deadline", "2027"]).status == 0)
        before = try cli.state()
        let other = try cli.run(["import", backup])
        #expect(other.status == 1 && other.stderr.contains("restore into a new ledger"), "\(other.stderr)")
        #expect(try cli.state() == before)
    }

    @Test func finding9ALedgerWithTheLargestQuestionIdExportsAndRestores() throws {
        let cli = try CLI()
        let csv = try cli.write("big.csv", Data("""
            question_id,claim,owner,probability,made_on
            9223372036854775807,The largest id,me,0.5,2026-01-01
            1,The smallest id,me,0.25,2026-01-02

            """.utf8))
        #expect(try cli.run(["import", csv]).status == 0)
        // It walked every number up to the largest id, 2,000 at a time, and would have trapped at the end.
        let export = try cli.run(["export", "--format", "json"], timeout: 60)
        #expect(export.status == 0)
        let questions = try #require(try CLI.json(export.stdout) as? [[String: Any]])
        #expect(questions.compactMap { $0["question_id"] as? Int64 } == [1, Int64.max])
        let backup = try cli.write("backup.json", Data(export.stdout.utf8))
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        #expect(try cli.run(["--db", restored, "import", backup], ledgerFlag: false).status == 0)
        #expect(try cli.run(["--db", restored, "export", "--format", "json"], ledgerFlag: false, timeout: 60).stdout == export.stdout)
    }

    @Test func finding9CSVWritesPlainNumbersAndRoundTripsEveryText() throws {
        let cli = try Self.everyFeatureLedger()
        let csv = try cli.run(["export"]).stdout
        #expect(csv.contains(",0.00005,"), "no 5e-05: \(csv)")
        #expect(csv.contains(",0.12345678901234568,") || csv.contains(",0.123456789012345678,"))
        #expect(!csv.contains("e-0"))
        let file = try cli.write("ledger.csv", Data(csv.utf8))
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run(["--db", copy, "import", file], ledgerFlag: false).status == 0)
        #expect(try cli.run(["--db", copy, "export"], ledgerFlag: false).stdout == csv)
        #expect(try cli.run(["--db", copy, "export", "--raw"], ledgerFlag: false).stdout == cli.run(["export", "--raw"]).stdout)
    }

    @Test func finding9FilesImportCannotReadAreErrors() throws {
        let cli = try CLI()
        try cli.run(["add", "Rust 2.0 ships", "--owner", "me", "-p", "0.2", "--deadline", "2028", "--made-on", "2026-01-01"])
        let before = try cli.state()
        let files = [
            try cli.write("settings.json", Data(#"{"theme": "dark"}"#.utf8)),
            try cli.write("list.json", Data(#"[{"id": 1}]"#.utf8)),
            try cli.write("paper.pdf", Data("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj".utf8)),
            try cli.write("letter.rtf", Data(#"{\rtf1\ansi Ana Lima: 70% that it rains in Paris by 2027.}"#.utf8)),
        ]
        for file in files {
            let result = try cli.run(["import", file])
            #expect(result.status == 64, "\(file): \(result.status) \(result.stdout) \(result.stderr)")
            #expect(result.stderr.hasPrefix("foretell: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!result.stdout.contains("0 rows"))
        }
        #expect(try cli.state() == before)
    }

    // MARK: Finding 10: CSV cells a spreadsheet would run

    @Test func finding10FormulaCellsAreNeutralisedByDefaultAndRestoredOnImport() throws {
        let cli = try CLI()
        let claims = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2 ships", "-2+3 ships", "@SUM(A1) ships", "'quoted ships"]
        // Texts a hostile document or file could bring, written raw (the apostrophe one through add:
        // a CSV cell's first apostrophe is read as the neutralising mark).
        var rawCSV = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"
        for (index, claim) in claims.dropLast().enumerated() {
            rawCSV += "\(index + 1),\"\(claim.replacingOccurrences(of: "\"", with: "\"\""))\",=cmd|' /C calc'!A0,0.3,2019-01-01,"
                + "2020-01-0\(index + 1),no,2020-01-0\(index + 1),@tag,,\n"
        }
        #expect(try cli.run(["import", "--from", "csv", cli.write("raw.csv", Data(rawCSV.utf8))]).status == 0)
        try cli.run(["add", claims[4], "--owner", "=cmd|' /C calc'!A0", "-p", "0.3", "--deadline", "2020-01-05",
                     "--made-on", "2019-01-01", "--tag", "@tag"])
        try cli.run(["resolve", "5", "no", "--on", "2020-01-05"])
        let csv = try cli.run(["export"]).stdout
        let rows = csv.split(separator: "\n").dropFirst()
        for row in rows {
            // No cell starts with a character a spreadsheet would run.
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.hasPrefix("\"") ? $0.dropFirst() : $0 }
            #expect(cells.allSatisfy { !["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") }, "\(row)")
        }
        #expect(csv.contains("'=HYPERLINK") && csv.contains("'+1+2") && csv.contains("'-2+3") && csv.contains("'@SUM")
            && csv.contains("''quoted") && csv.contains("'=cmd|") && csv.contains(",'@tag,"))
        let raw = try cli.run(["export", "--raw"]).stdout
        #expect(raw.contains("\n1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",=cmd|' /C calc'!A0,0.3,"), "\(raw)")

        let score = try cli.run(["score", "--format", "csv"]).stdout
        #expect(score.contains("\nowner,'=cmd|' /C calc'!A0,"), "\(score)")
        #expect(score.contains("\ntag,'@tag,"))
        #expect(try cli.run(["score", "--format", "csv", "--raw"]).stdout.contains("\nowner,=cmd|' /C calc'!A0,"))

        // The default export imports back to the exact texts.
        let file = try cli.write("ledger.csv", Data(csv.utf8))
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run(["--db", copy, "import", file], ledgerFlag: false).status == 0)
        let restored = try #require(try CLI.json(cli.run(["--db", copy, "list", "--format", "json"], ledgerFlag: false).stdout) as? [[String: Any]])
        #expect(restored.compactMap { $0["claim"] as? String } == claims)
        #expect(try cli.run(["--db", copy, "export", "--raw"], ledgerFlag: false).stdout == raw)
    }
}
