import Foundation
import Testing

/// The built binary on a prediction list: the layout readers' forecasts reach the output, in the
/// document's order, and `--explain` says which block and heading each came from.
@Suite("foretell extract on prediction lists")
struct ExtractListCommandTests {
    static let list = """
        Title: 2031 predictions
        Author: Ann Example
        Date: 2031-01-05

        Rules: unless noted, these predictions are about what will be true on 1/1/2032.

        - The tram line in Leeds opens:
          40%
        - Leeds hosts a marathon in March (80%)

        Question | Ann's Prediction | Bo's Prediction | Outcome
        Rents fall in Leeds | 30% | - | NO
        """

    @Test("jsonl: one line per item and per owner column, with the rule's and the item's deadlines")
    func jsonl() throws {
        let scratch = try CLI()
        let file = try scratch.write("2031.md", Data(Self.list.utf8))
        let run = try scratch.run(["extract", "--format", "jsonl", file], ledgerFlag: false)
        #expect(run.status == 0)
        let objects = try run.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.map { $0?["line"] as? Int } == [7, 9, 12])
        #expect(objects.map { $0?["owner"] as? String } == ["Ann Example", "Ann Example", "Ann"])
        #expect(objects.map { $0?["probability"] as? Double } == [0.4, 0.8, 0.3])
        #expect(objects.map { $0?["deadline"] as? String } == ["2032-01-01", "2031-03-31", "2032-01-01"])
        #expect(objects.allSatisfy { $0?["made_on"] as? String == "2031-01-05" })
    }

    @Test("--explain names the list item and the rule that gave the deadline")
    func explain() throws {
        let scratch = try CLI()
        let file = try scratch.write("2031.md", Data(Self.list.utf8))
        let run = try scratch.run(["extract", "--explain", file], ledgerFlag: false)
        #expect(run.status == 0)
        #expect(run.stdout.contains("from: list item, lines 7-8"))
        #expect(run.stdout.contains("deadline: 2032-01-01, from the document rule at line 5"))
        #expect(run.stdout.contains("from: table row, line 12"))
    }
}
