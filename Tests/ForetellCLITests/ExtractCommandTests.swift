import Foundation
import Testing

/// Not skipped when the binary is missing: the test target depends on it, so a missing binary is
/// a failure to report.
@Suite("foretell extract")
struct ExtractCommandTests {
    static let interview = """
        ---
        date: 2025-05-05
        ---
        Sam Park (Host): What's the probability that a fusion plant will supply the grid by 2035?
        Ana Ruiz (MIT): I'd say 30%. And I'm fairly confident a startup will show net energy gain within five years.
        """

    @Test("jsonl: one object a line with the contract's keys, nulls written out")
    func jsonl() throws {
        let scratch = try CLI()
        let file = try scratch.write("talk.md", Data(Self.interview.utf8))
        let run = try scratch.run(["extract", "--format", "jsonl", file], ledgerFlag: false)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            for key in ["source", "owner", "claim", "probability", "made_on", "deadline", "quote", "line",
                        "earliest", "basis", "probability_low", "probability_high", "confidence"] {
                #expect(object?.keys.contains(key) == true, "missing \(key)")
            }
            #expect(object?["source"] as? String == file)
            #expect(object?["made_on"] as? String == "2025-05-05")
            #expect(object?["owner"] as? String == "Ana Ruiz")
            #expect(object?["earliest"] is NSNull)
        }
        #expect(lines.first?.contains("\"probability\": 0.3") == true)
        #expect(lines.first?.contains("\"deadline\": \"2035-12-31\"") == true)
    }

    @Test("json: an array; table: fits 80 columns")
    func otherFormats() throws {
        let scratch = try CLI()
        let file = try scratch.write("talk.md", Data(Self.interview.utf8))
        let json = try scratch.run(["extract", "--format", "json", file], ledgerFlag: false)
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
        let table = try scratch.run(["extract", file], ledgerFlag: false)
        #expect(table.status == 0)
        #expect(table.stdout.contains("Ana Ruiz"))
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("A document without a date: a warning on stderr naming it; --date fills it in")
    func undated() throws {
        let scratch = try CLI()
        let file = try scratch.write("undated.txt", Data("I think we will probably ship it by 2030.\n".utf8))
        let run = try scratch.run(["extract", "--format", "jsonl", file], ledgerFlag: false)
        #expect(run.status == 0)
        #expect(run.stderr.contains("undated.txt"))
        #expect(run.stdout.contains("\"made_on\": null"))
        let dated = try scratch.run(["extract", "--format", "jsonl", "--date", "2025-01-02", file], ledgerFlag: false)
        #expect(dated.stderr.isEmpty)
        #expect(dated.stdout.contains("\"made_on\": \"2025-01-02\""))
    }

    @Test("Bad input: one-line errors with exit 64")
    func errors() throws {
        let scratch = try CLI()
        let missing = try scratch.run(["extract", scratch.folder.path + "/nope.txt"], ledgerFlag: false)
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("foretell: "))
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let binary = try scratch.write("scan.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]))
        let refused = try scratch.run(["extract", binary], ledgerFlag: false)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("scan.txt"))
        let badDate = try scratch.run(["extract", "--date", "yesterday", binary], ledgerFlag: false)
        #expect(badDate.status == 64)
        let noArguments = try scratch.run(["extract"], ledgerFlag: false)
        #expect(noArguments.status == 64)
    }

    @Test("A binary file inside a folder is skipped with a warning; the rest is read")
    func folderWithBinary() throws {
        let scratch = try CLI()
        try scratch.write("a.txt", Data([0x00, 0x01]))
        try scratch.write("b.md", Data(Self.interview.utf8))
        let run = try scratch.run(["extract", "--format", "jsonl", scratch.folder.path], ledgerFlag: false)
        #expect(run.status == 0)
        #expect(run.stderr.contains("a.txt"))
        #expect(run.stdout.split(separator: "\n").count == 2)
    }

    @Test("Issue 14: a reason cut off before the time frame no longer traps (exit 132)")
    func reasonBeforeTimeFrame() throws {
        let scratch = try CLI()
        let file = try scratch.write("x.txt", Data("I expect deadline, since next couple of years.\"\n".utf8))
        let run = try scratch.run(["extract", "--format", "jsonl", "--date", "2026-01-10", file], ledgerFlag: false)
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    @Test("csv: the canonical header, an empty question_id, fields quoted where needed")
    func csv() throws {
        let scratch = try CLI()
        let file = try scratch.write("talk.md", Data(Self.interview.utf8))
        let run = try scratch.run(["extract", "--format", "csv", file], ledgerFlag: false)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        // The header of `foretell export` (shared/spec/cli.md, Interchange), then one row a forecast.
        #expect(lines.first == "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(",") })
        #expect(lines.contains { $0.contains(",Ana Ruiz,0.3,2025-05-05,2035-12-31,,,,\(file),I'd say 30%.") })
    }

    @Test("extract --format csv, then import --from csv, stores what import of the document stores")
    func csvRoundTrip() throws {
        let document = Self.interview + """

            Ben Ode (Host): Thanks. I expect the first commercial fusion contract to be signed by 2030, about 60%.
            """
        let direct = try CLI()
        let file = try direct.write("talk.md", Data(document.utf8))
        let imported = try direct.run(["import", file])
        #expect(imported.status == 0, "stderr: \(imported.stderr)")

        let reviewed = try CLI()
        let extracted = try reviewed.run(["extract", "--format", "csv", file], ledgerFlag: false)
        #expect(extracted.status == 0)
        let csv = try reviewed.write("review.csv", Data(extracted.stdout.utf8))
        let loaded = try reviewed.run(["import", "--from", "csv", csv])
        #expect(loaded.status == 0, "stderr: \(loaded.stderr)")

        let expected = try LedgerQueries.forecastRows(direct.ledger)
        #expect(expected.count == 3)
        #expect(expected.contains { $0.hasPrefix("Ana Ruiz|") && $0.contains("|0.3|2025-05-05|2035-12-31|\(file)|I'd say 30%.") })
        #expect(try LedgerQueries.forecastRows(reviewed.ledger) == expected)
        let questions = "SELECT count(*) FROM questions"
        #expect(try LedgerQueries.integer(reviewed.ledger, questions) == LedgerQueries.integer(direct.ledger, questions))
    }

    @Test("--explain: the block and where owner, probability, made_on and deadline came from")
    func explain() throws {
        let scratch = try CLI()
        let file = try scratch.write("talk.md", Data(Self.interview.utf8))
        let run = try scratch.run(["extract", "--explain", "--format", "jsonl", file], ledgerFlag: false)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        let explain = first?["explain"] as? [String: Any]
        // "Ana Ruiz (MIT): I'd say 30%." is line 5 (after three lines of front matter and the
        // question), answering the host's question, which gives the time frame.
        #expect(explain?["block"] as? String == "speaker turn")
        #expect(explain?["lines"] as? [Int] == [5, 5])
        #expect(explain?["owner"] as? String == "speaker label 'Ana Ruiz (MIT):' at line 5")
        #expect(explain?["probability"] as? String == "'30%' in the sentence")
        #expect(explain?["made_on"] as? String == "2025-05-05, the publication date from front matter date: 2025-05-05")
        #expect((explain?["deadline"] as? String)?.hasPrefix("the time frame of the question 'What's the probability") == true)
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect((second?["explain"] as? [String: Any])?["deadline"] as? String == "'within five years' in the sentence")

        // Without --explain the contract's keys stay as they were.
        let plain = try scratch.run(["extract", "--format", "jsonl", file], ledgerFlag: false)
        #expect(!plain.stdout.contains("explain"))
        // The table: indented lines under each forecast, within 80 columns.
        let table = try scratch.run(["extract", "--explain", file], ledgerFlag: false)
        #expect(table.stdout.contains("\n        owner: speaker label 'Ana Ruiz (MIT):' at line 5\n"))
        #expect(table.stdout.contains("\n        from: speaker turn, line 5\n"))
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("--help shows an example")
    func help() throws {
        let run = try CLI().run(["extract", "--help"], ledgerFlag: false)
        #expect(run.status == 0)
        #expect(run.stdout.contains("foretell extract --format jsonl"))
    }
}
