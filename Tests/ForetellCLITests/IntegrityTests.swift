import Foundation
import Testing

/// The append-only triggers as `migrations/0001_ledger.sql` creates them, for tests that play
/// someone who dropped them to edit history and then put them back to cover the edit.
enum AppendOnlyTriggers {
    static let migration = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("migrations/0001_ledger.sql")

    /// `CREATE TRIGGER` statements for the named triggers, as in the migration.
    static func recreate(_ names: [String]) -> String {
        let sql = (try? String(contentsOf: migration, encoding: .utf8)) ?? ""
        let statements = sql.components(separatedBy: "CREATE TRIGGER ").dropFirst().map { "CREATE TRIGGER " + $0 }
        return "\n" + names.compactMap { name in
            statements.first { $0.hasPrefix("CREATE TRIGGER \(name) ") }.map { String($0.prefix { $0 != ";" }) + "; END;" }
        }.joined(separator: "\n") + "\n"
    }
}

/// Issue 15, findings 6 and 11: `verify` raises no false alarm that never clears, lists every
/// problem, and takes only anchors strong enough to prove something.
@Suite struct IntegrityTests {
    @Test(arguments: ["-0", "-0.0", "-0%", "-0.000%", "-0:1"])
    func negativeZeroIsStoredAndHashedAsZero(probability: String) throws {
        let cli = try CLI()
        let added = try cli.run(["add", "It snows in Lisbon", "--owner", "ana", "-p", probability, "--deadline", "2030"])
        #expect(added.status == 0, "\(added.stderr)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: 2 journal entries verified"), "\(probability): \(verify.stderr)")
        let show = try #require(try CLI.json(cli.run(["show", "1", "--format", "json"]).stdout) as? [String: Any])
        let forecast = try #require((show["forecasts"] as? [[String: Any]])?.first)
        #expect(forecast["probability"] as? Double == 0)
        #expect((forecast["probability"] as? Double)?.sign == .plus)
    }

    @Test func negativeZeroInACSVVerifies() throws {
        let cli = try CLI()
        let csv = """
            question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote
            1,It snows in Lisbon,ana,-0,2026-01-01,2030-12-31,,,,,
            2,It snows in Porto,ana,-0.0,2026-01-01,2030-12-31,,,,,

            """
        let imported = try cli.run(["import", "--from", "csv", cli.write("zero.csv", Data(csv.utf8))])
        #expect(imported.status == 0, "\(imported.stderr)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: 4 journal entries verified"), "\(verify.stdout)\(verify.stderr)")
        #expect(try cli.run(["export"]).stdout.contains("1,It snows in Lisbon,ana,0,2026-01-01"))
    }

    /// A NUL after the first 8 KiB (which the binary check reads) reached the ledger, which then
    /// gave the text back cut short and never verified again.
    @Test func nulAnywhereInACSVIsRefusedAndNothingIsWritten() throws {
        let cli = try CLI()
        #expect(try cli.run(["add", "Already here", "--owner", "ana", "-p", "0.3", "--deadline", "2030"]).status == 0)
        let before = try HindsightTests.snapshot(cli)
        var csv = "question_id,claim,owner,probability,made_on,deadline,outcome,resolved_on,tags,source,quote\n"
        for row in 1...200 { csv += ",Padding question number \(row) to pass the first eight KiB,bo,0.5,2026-01-01,2030-12-31,,,,,\n" }
        #expect(csv.utf8.count > 9000)
        for (column, row) in [("claim", ",A claim with a \u{0} inside,bo,0.5,2026-01-01,2030-12-31,,,,,\n"),
                              ("owner", ",A clean claim,b\u{0}o,0.5,2026-01-01,2030-12-31,,,,,\n"),
                              ("tag", ",A clean claim,bo,0.5,2026-01-01,2030-12-31,,,x\u{0}y,,\n"),
                              ("quote", ",A clean claim,bo,0.5,2026-01-01,2030-12-31,,,,notes.txt,said \u{0} so\n")] {
            let path = try cli.write("nul-\(column).csv", Data((csv + row).utf8))
            let result = try cli.run(["import", "--from", "csv", path])
            #expect(result.status == 64, "\(column): exit \(result.status)")
            #expect(result.stderr == "foretell: \(path) line 202: the \(column) holds a NUL byte (\\0), which foretell refuses in any text; nothing was recorded\n")
            #expect(try HindsightTests.snapshot(cli) == before)
        }
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// Two forecasts edited and a trigger dropped: verify names all three, not only the first.
    @Test(.onLedgerFile) func verifyListsEveryMismatchAndMissingTriggers() throws {
        let cli = try TamperTests.ledgerWithHistory()
        #expect(try TamperTests.sqlite("""
            DROP TRIGGER forecasts_are_append_only_update;
            UPDATE forecasts SET probability = 0.9 WHERE id = 1; UPDATE forecasts SET probability = 0.1 WHERE id = 3;
            """, on: cli.ledger).status == 0)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stderr == """
            foretell: the ledger does not verify: journal entry 2 (forecast 1) does not match: the forecast was changed after it was recorded, or an earlier entry was removed
              and: journal entry 7 (forecast 3) does not match: the forecast was changed after it was recorded, or an earlier entry was removed
              and: the append-only trigger forecasts_are_append_only_update is missing: the ledger's protection against edits was removed outside foretell
              (3 problems in all)

            """)
        let json = try #require(try CLI.json(cli.run(["verify", "--format", "json"]).stdout) as? [String: Any])
        #expect((json["problems"] as? [String])?.count == 3)
        #expect(json["entries"] as? Int == 6, "the six entries that still match")

        // A trigger dropped with nothing else changed: every hash matches, the protection is gone.
        let bare = try TamperTests.ledgerWithHistory()
        #expect(try TamperTests.sqlite("DROP TRIGGER journal_is_append_only_delete;", on: bare.ledger).status == 0)
        let dropped = try bare.run(["verify"])
        #expect(dropped.status == 1)
        #expect(dropped.stderr == "foretell: the ledger does not verify: the append-only trigger journal_is_append_only_delete is missing: the ledger's protection against edits was removed outside foretell\n")
        #expect(try TamperTests.sqlite(AppendOnlyTriggers.recreate(["journal_is_append_only_delete"]), on: bare.ledger).status == 0)
        #expect(try bare.run(["verify"]).status == 0)
    }

    @Test func anchorsMustBe128BitsAndNameAnEntry() throws {
        let cli = try TamperTests.ledgerWithHistory()
        let head = try cli.run(["verify", "--anchor"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(head.count == 64)
        #expect(try cli.run(["forecast", "1", "--owner", "Cy", "-p", "0.4", "--made-on", "2026-07-01"]).status == 0)

        for short in [String(head.prefix(12)), String(head.prefix(31))] {
            let refused = try cli.run(["verify", "--expect", short])
            #expect(refused.status == 64, "\(short.count) digits: exit \(refused.status)")
            #expect(refused.stderr.contains("64 hex digits, or at least the first 32"), "\(refused.stderr)")
        }
        for anchor in [head, String(head.prefix(32)), head.uppercased()] {
            let proved = try cli.run(["verify", "--expect", anchor])
            #expect(proved.status == 0, "\(proved.stderr)")
            #expect(proved.stdout.hasSuffix("; the expected anchor is entry 8\n"), "\(proved.stdout)")
        }
        // 32 digits from the middle of an entry's hash name no entry: not a match.
        let inside = String(head.dropFirst(1).prefix(32))
        let unmatched = try cli.run(["verify", "--expect", inside])
        #expect(unmatched.status == 1)
        #expect(unmatched.stderr == "foretell: the ledger does not verify: the anchor \(inside) is not the hash of any journal entry: history before it was changed\n")
        let json = try #require(try CLI.json(cli.run(["verify", "--expect", head, "--format", "json"]).stdout) as? [String: Any])
        #expect(json["anchor_entry"] as? Int == 8)
    }
}
